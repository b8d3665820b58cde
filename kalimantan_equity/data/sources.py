"""Readers for the real source files in ``../shared/data``: each returns long observations.

Every reader states which code system its file uses and checks it: codes must exist, BPS and
Kemendagri codes on one row must agree with the crosswalk, and the name on the row must be the
name of the region the code points to. A file that fails stops the build with a message naming
the file, so a silently shifted regency (BPS 6106 is Ketapang, Kemendagri 61.06 is Kapuas Hulu)
can never reach a map.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from kalimantan_equity.data.errors import BuildError
from kalimantan_equity.services.names import same_region

# Relative paths inside the source folder. The all-Indonesia DAPOER file is not read: its
# Kalimantan rows are the curated 2019 file below, already keyed by Kemendagri code.
FILES = {
    "crosswalk": "reference/crosswalk_kemendagri_bps_kalimantan.csv",
    "border_flags": "reference/border_flags_kalimantan.csv",
    "plbn": "reference/plbn_kalimantan.csv",
    "immigration": "reference/immigration_points_kalimantan.csv",
    "boundary_provinsi": "boundaries/kalimantan_prov.geojson",
    "boundary_kabupaten": "boundaries/kalimantan_kabkota.geojson",
    "boundary_kecamatan": "boundaries/kalimantan_kecamatan.geojson",
    "boundary_desa": "boundaries/kalimantan_desa.geojson",
    "wb_2019": "indicators/worldbank_indodapoer_2019_kalimantan.csv",
    "wb_long": "indicators/worldbank_indodapoer_2000_2014_kalimantan_long.csv",
    "bps_ipm": "indicators/bps_ipm_components_kalimantan_2010_2021.csv",
    "bps_ipm_2024": "indicators/bps_ipm_lfsp2020_kalimantan_2024.csv",
    "bps_poverty_2024": "indicators/bps_poverty_kalimantan_2024.csv",
    "idm_desa": "indicators/kemendes_idm_2024_kalimantan_desa.csv",
    "idm_kab": "indicators/kemendes_idm_2023_2024_kalimantan_kabupaten.csv",
    "schools_2019": "services/kemdikbud_sekolah_kalimantan_2019.csv",
    "faskes_2019": "services/kemenkes_faskes_kalimantan_2019.csv",
    "puskesmas_2022": "services/satudata_puskesmas_kalimantan_2022.csv",
    "hospitals_2022": "services/satudata_rumah_sakit_kalimantan_2022.csv",
    "hospitals_2021": "services/rsonline_rumah_sakit_kalimantan_2021.csv",
    "rivers": "services/gshhg_rivers_borneo.geojson",
}

OBS_COLUMNS = ["indicator_id", "region_code", "year", "value", "numerator", "denominator", "note"]

# DAPOER series codes -> our indicator ids (catalogue: data/catalogue/indicators.csv)
WB_LONG_SERIES = {
    "IDX.HDI": "wb_hdi_old",
    "SE.PRM.NENR.ZS": "wb_apm_sd",
    "SE.JRSEC.NENR.ZS": "wb_apm_smp",
    "SE.SRSEC.NENR.ZS": "wb_apm_sma",
    "SE.SCHL.PRM": "wb_schools_sd",
    "SE.SCHL.JRSEC": "wb_schools_smp",
    "SE.SCHL.SRSEC": "wb_schools_sma",
    "SH.DR.TOTL": "wb_doctors",
    "SH.MED.MWIV.TOTL": "wb_midwives",
    "SH.PUSKESMAS.TOTL": "wb_puskesmas",
    "SH.POLINDES.TOTL": "wb_polindes",
    "SH.HOSP.TOTL": "wb_hospitals",
    "SH.MORB.ZS": "wb_morbidity",
    "ROD.VILG.ASPH.ZS": "wb_road_asphalt",
    "ROD.VILG.GRAVL.ZS": "wb_road_gravel",
    "ROD.VILG.DIRT.ZS": "wb_road_dirt",
    "ROD.VILG.OTHR.ZS": "wb_road_other",
    "SI.POV.NAPL": "wb_poverty_line",
    "SI.POV.NAPR.ZS": "wb_poverty_rate",
    "SI.POV.NGAP": "wb_poverty_gap",
    "SP.POP.TOTL": "population",
}
WB_2019_COLUMNS = {
    "electricity_access": "wb_electricity_access",
    "hdi": "wb_hdi_2019",
    "expenditure_pc": "wb_expenditure_pc",
    "poverty_rate": "wb_poverty_rate",
    "population": "population",
    "grdp_total": "wb_grdp_total",
    "grdp_per_capita": "wb_grdp_per_capita",
    "water_access": "wb_water_access",
    "literacy_rate": "wb_literacy_rate",
}
BPS_IPM_COLUMNS = {
    "ipm": "bps_ipm",
    "uhh": "bps_uhh",
    "hls": "bps_hls",
    "rls": "bps_rls",
    "pengeluaran_disesuaikan_ribu_rp": "bps_pengeluaran",
}
BPS_IPM_2024_COLUMNS = {
    "IPM": "bps_ipm_2024",
    "UHH": "bps_uhh_2024",
    "HLS": "bps_hls_2024",
    "RLS": "bps_rls_2024",
    "Pengeluaran": "bps_pengeluaran_2024",
}
BPS_POVERTY_COLUMNS = {
    "persen_miskin": "bps_p0",
    "jumlah_miskin_ribu": "bps_poor_thousand",
    "P1": "bps_p1",
    "P2": "bps_p2",
}
IDM_STATUSES = ("MANDIRI", "MAJU", "BERKEMBANG", "TERTINGGAL", "SANGAT TERTINGGAL")
# BPS flags the March 2024 Mahakam Ulu poverty estimate as doubtful (see shared data README).
_DOUBTFUL_POVERTY = {"64.11": "Angka diragukan / doubtful figure (BPS)"}


def read_csv(root: Path, key: str, required: list[str]) -> pd.DataFrame:
    """Read a source CSV with every column as text, checking that it exists and has its columns."""
    path = root / FILES[key]
    if not path.is_file():
        raise BuildError(path, "file not found")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise BuildError(path, f"not a readable UTF-8 CSV ({exc.__class__.__name__})") from exc
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise BuildError(path, f"missing column(s) {', '.join(missing)}")
    if frame.empty:
        raise BuildError(path, "no rows")
    return frame


def to_number(series: pd.Series, path: Path, column: str) -> pd.Series:
    """Numbers written with a dot decimal; blanks are missing. Anything else stops the build."""
    text = series.astype(str).str.strip()
    values = pd.to_numeric(text.where(text != ""), errors="coerce")
    bad = text[(text != "") & values.isna()]
    if len(bad):
        raise BuildError(path, f"column '{column}' has non-numeric value '{bad.iloc[0]}' (row {bad.index[0] + 2})")
    return values.astype(float)


@dataclass
class RegionIndex:
    """What the readers check codes and names against: regencies, crosswalk and villages."""

    regency_names: dict[str, str]  # Kemendagri code -> official name
    bps_of: dict[str, str]  # Kemendagri code -> BPS code
    district_codes: set[str]
    village_codes: set[str]

    def check_regency(self, path: Path, codes: pd.Series, names: pd.Series | None = None) -> None:
        """Every code must be a Kalimantan regency and, where a name is given, that regency's name."""
        unknown = sorted(set(codes) - set(self.regency_names))
        if unknown:
            raise BuildError(path, f"unknown Kemendagri regency code(s) {unknown[:5]}")
        if names is None:
            return
        for code, name in zip(codes, names, strict=True):
            if not same_region(name, self.regency_names[code]):
                raise BuildError(
                    path,
                    f"code {code} is {self.regency_names[code]} but the row names '{name}': a BPS code where a Kemendagri code belongs?",
                )

    def check_bps(self, path: Path, kemendagri: pd.Series, bps: pd.Series) -> None:
        """A row carrying both codes must agree with the crosswalk (23 regencies differ)."""
        for k, b in zip(kemendagri, bps, strict=True):
            if self.bps_of.get(k) != b:
                raise BuildError(path, f"Kemendagri {k} and BPS {b} disagree with the crosswalk (expected BPS {self.bps_of.get(k)})")


def _nodot_to_regency(code: pd.Series) -> pd.Series:
    """``6106`` written without the dot, in the Kemendagri system, to ``61.06``."""
    text = code.astype(str).str.strip()
    return text.str[:2] + "." + text.str[2:4]


def _melt(frame: pd.DataFrame, columns: dict[str, str], path: Path, note: pd.Series | None = None) -> pd.DataFrame:
    parts = []
    for column, indicator in columns.items():
        part = pd.DataFrame(
            {
                "indicator_id": indicator,
                "region_code": frame["region_code"].to_numpy(),
                "year": frame["year"].astype(int).to_numpy(),
                "value": to_number(frame[column], path, column).to_numpy(),
            }
        )
        part["note"] = note.to_numpy() if note is not None else None
        parts.append(part)
    out = pd.concat(parts, ignore_index=True)
    out["numerator"] = np.nan
    out["denominator"] = np.nan
    return out.dropna(subset=["value"])[OBS_COLUMNS]


def load_wb_2019(root: Path, idx: RegionIndex) -> pd.DataFrame:
    path = root / FILES["wb_2019"]
    frame = read_csv(root, "wb_2019", ["kode_kemendagri", "kode_bps", "nama_kemendagri", "year", *WB_2019_COLUMNS])
    idx.check_regency(path, frame["kode_kemendagri"], frame["nama_kemendagri"])
    idx.check_bps(path, frame["kode_kemendagri"], frame["kode_bps"])
    frame = frame.assign(region_code=frame["kode_kemendagri"])
    return _melt(frame, WB_2019_COLUMNS, path)


def load_wb_long(root: Path, idx: RegionIndex) -> pd.DataFrame:
    path = root / FILES["wb_long"]
    frame = read_csv(root, "wb_long", ["kode_kemendagri", "kode_bps", "nama_kemendagri", "series_code", "year", "value"])
    idx.check_regency(path, frame["kode_kemendagri"], frame["nama_kemendagri"])
    idx.check_bps(path, frame["kode_kemendagri"], frame["kode_bps"])
    unknown = sorted(set(frame["series_code"]) - set(WB_LONG_SERIES))
    if unknown:
        raise BuildError(path, f"unknown DAPOER series {unknown[:5]}: add them to WB_LONG_SERIES and the catalogue")
    out = pd.DataFrame(
        {
            "indicator_id": frame["series_code"].map(WB_LONG_SERIES),
            "region_code": frame["kode_kemendagri"],
            "year": frame["year"].astype(int),
            "value": to_number(frame["value"], path, "value"),
            "numerator": np.nan,
            "denominator": np.nan,
            "note": None,
        }
    )
    return out.dropna(subset=["value"])[OBS_COLUMNS]


def load_bps_ipm(root: Path, idx: RegionIndex) -> pd.DataFrame:
    path = root / FILES["bps_ipm"]
    frame = read_csv(root, "bps_ipm", ["kode_kemendagri", "kode_bps", "nama", "year", *BPS_IPM_COLUMNS])
    idx.check_regency(path, frame["kode_kemendagri"], frame["nama"])
    idx.check_bps(path, frame["kode_kemendagri"], frame["kode_bps"])
    frame = frame.assign(region_code=frame["kode_kemendagri"])
    return _melt(frame, BPS_IPM_COLUMNS, path)


def load_bps_2024(root: Path, idx: RegionIndex, key: str, columns: dict[str, str]) -> pd.DataFrame:
    """The 2024 BPS tables key regencies by Kemendagri code without its dot (``6106``)."""
    path = root / FILES[key]
    frame = read_csv(root, key, ["tahun", "kode_kab", "nama_kab", *columns])
    frame = frame.assign(region_code=_nodot_to_regency(frame["kode_kab"]), year=frame["tahun"])
    idx.check_regency(path, frame["region_code"], frame["nama_kab"])
    note = frame["region_code"].map(_DOUBTFUL_POVERTY) if key == "bps_poverty_2024" else None
    return _melt(frame, columns, path, note)


def load_idm_villages(root: Path, idx: RegionIndex) -> tuple[pd.DataFrame, pd.DataFrame]:
    """IDM 2024 per village: observations plus a status table (and villages with no polygon)."""
    path = root / FILES["idm_desa"]
    frame = read_csv(root, "idm_desa", ["year", "kode_desa", "kode_kec", "desa", "nilai_idm", "iks", "ike", "ikl", "status_idm"])
    code = frame["kode_desa"].str.strip()
    bad = code[~code.str.fullmatch(r"\d{10}")]
    if len(bad):
        raise BuildError(path, f"kode_desa '{bad.iloc[0]}' is not 10 digits (row {bad.index[0] + 2})")
    frame = frame.assign(
        region_code=code.str[:2] + "." + code.str[2:4] + "." + code.str[4:6] + "." + code.str[6:],
        district_code=code.str[:2] + "." + code.str[2:4] + "." + code.str[4:6],
    )
    unknown_districts = sorted(set(frame["district_code"]) - idx.district_codes)
    if unknown_districts:
        raise BuildError(path, f"village(s) in unknown district(s) {unknown_districts[:5]}")
    status = frame["status_idm"].str.strip().str.upper()
    bad_status = sorted(set(status) - set(IDM_STATUSES) - {""})
    if bad_status:
        raise BuildError(path, f"unknown IDM status {bad_status}")
    obs = _melt(frame, {"nilai_idm": "idm_score", "iks": "idm_iks", "ike": "idm_ike", "ikl": "idm_ikl"}, path)
    villages = pd.DataFrame(
        {
            "code": frame["region_code"],
            "name": frame["desa"].str.strip().str.title(),
            "district_code": frame["district_code"],
            "year": frame["year"].astype(int),
            "status": status.replace("", None),
            "has_polygon": frame["region_code"].isin(idx.village_codes),
        }
    )
    return obs, villages


def load_idm_regencies(root: Path, idx: RegionIndex) -> pd.DataFrame:
    """Regency IDM means and status counts (2023, 2024), as Kemendes publishes them."""
    path = root / FILES["idm_kab"]
    counts = ["n_mandiri", "n_maju", "n_berkembang", "n_tertinggal", "n_sangat_tertinggal"]
    frame = read_csv(
        root,
        "idm_kab",
        ["year", "kode_kemendagri", "kode_bps", "kabupaten", "n_desa", "mean_idm", "mean_iks", "mean_ike", "mean_ikl", *counts],
    )
    idx.check_regency(path, frame["kode_kemendagri"], frame["kabupaten"])
    idx.check_bps(path, frame["kode_kemendagri"], frame["kode_bps"])
    frame = frame.assign(region_code=frame["kode_kemendagri"])
    obs = _melt(frame, {"mean_idm": "idm_score", "mean_iks": "idm_iks", "mean_ike": "idm_ike", "mean_ikl": "idm_ikl"}, path)
    n_desa = to_number(frame["n_desa"], path, "n_desa")
    lagging = to_number(frame["n_tertinggal"], path, "n_tertinggal") + to_number(frame["n_sangat_tertinggal"], path, "n_sangat_tertinggal")
    mandiri = to_number(frame["n_mandiri"], path, "n_mandiri")
    shares = []
    for indicator, numerator in (("idm_share_lagging", lagging), ("idm_share_mandiri", mandiri)):
        shares.append(
            pd.DataFrame(
                {
                    "indicator_id": indicator,
                    "region_code": frame["region_code"],
                    "year": frame["year"].astype(int),
                    "value": 100.0 * numerator / n_desa,
                    "numerator": numerator,
                    "denominator": n_desa,
                    "note": None,
                }
            )
        )
    return pd.concat([obs, *shares], ignore_index=True)[OBS_COLUMNS]
