"""A miniature copy of the shared source folder, written by the tests (never copied from shared/).

Five regencies in two provinces, chosen for the traps: Kapuas Hulu (Kemendagri 61.06 = BPS 6108),
Mempawah (61.02 = BPS 6104, old name Pontianak), Kota Pontianak (a city, so IDM is not applicable),
Mahakam Ulu (older data partly blank) and Kota Samarinda. Squares stand in for polygons.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from kalimantan_equity.data.sources import FILES

PROVINCES = {"61": "Kalimantan Barat", "64": "Kalimantan Timur"}
# code, name, BPS code, is_kota, land border
REGENCIES = [
    ("61.02", "Kabupaten Mempawah", "6104", False, False),
    ("61.06", "Kabupaten Kapuas Hulu", "6108", False, True),
    ("61.71", "Kota Pontianak", "6171", True, False),
    ("64.11", "Kabupaten Mahakam Ulu", "6411", False, True),
    ("64.72", "Kota Samarinda", "6472", True, False),
]


def _square(x0: float, y0: float, w: float, h: float) -> list:
    return [[[x0, y0], [x0 + w, y0], [x0 + w, y0 + h], [x0, y0 + h], [x0, y0]]]


def _feature(code: str, name: str, rings: list, multi: bool = False) -> dict:
    geometry = {"type": "MultiPolygon", "coordinates": rings} if multi else {"type": "Polygon", "coordinates": rings}
    return {"type": "Feature", "properties": {"kode": code, "nama": name}, "geometry": geometry}


def layout() -> dict[str, list[tuple[str, str, list]]]:
    """Features per level: regency i is a 1°×1° square; districts halve it, villages halve those."""
    levels: dict[str, list] = {"provinsi": [], "kabupaten": [], "kecamatan": [], "desa": []}
    by_province: dict[str, list] = {p: [] for p in PROVINCES}
    for i, (code, name, _bps, is_kota, _border) in enumerate(REGENCIES):
        x0, y0 = 109.0 + 1.2 * i, -0.5
        levels["kabupaten"].append((code, name, _square(x0, y0, 1.0, 1.0)))
        by_province[code[:2]].append(_square(x0, y0, 1.0, 1.0))
        for d in range(2):
            dcode = f"{code}.0{d + 1}"
            dx = x0 + 0.5 * d
            levels["kecamatan"].append((dcode, f"{name.split(' ', 1)[1]} {'Hulu' if d == 0 else 'Hilir'}", _square(dx, y0, 0.5, 1.0)))
            for v in range(2):
                kind = "1" if is_kota or v == 1 else "2"
                vcode = f"{dcode}.{kind}00{v + 1}"
                levels["desa"].append((vcode, f"Desa {dcode[-2:]}{v + 1}", _square(dx, y0 + 0.5 * v, 0.5, 0.5)))
    for p, name in PROVINCES.items():
        levels["provinsi"].append((p, name, by_province[p]))
    return levels


def _write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def write_sources(root: Path) -> Path:
    """Write every file the build reads, small but in the real formats."""
    levels = layout()
    for level, features in levels.items():
        multi = level == "provinsi"
        collection = {"type": "FeatureCollection", "features": [_feature(c, n, g, multi) for c, n, g in features]}
        path = root / FILES[f"boundary_{level}"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(collection))

    _write_csv(
        root / FILES["crosswalk"],
        ["kode_kemendagri", "kode_kemendagri_nodot", "kode_bps", "nama"],
        [[c, c.replace(".", ""), b, n] for c, n, b, _k, _g in REGENCIES],
    )
    _write_csv(
        root / FILES["border_flags"],
        [
            "kode",
            "nama",
            "kode_bps",
            "is_kota",
            "land_border_malaysia",
            "daerah_tertinggal_perpres131_2015_2019",
            "daerah_tertinggal_perpres63_2020_2024",
            "note",
        ],
        [[c, n, b, str(k), str(g), str(g), "False", ""] for c, n, b, k, g in REGENCIES],
    )
    wb_cols = [
        "electricity_access",
        "hdi",
        "expenditure_pc",
        "poverty_rate",
        "population",
        "grdp_total",
        "grdp_per_capita",
        "water_access",
        "literacy_rate",
    ]
    wb_rows = []
    for i, (c, n, b, k, _g) in enumerate(REGENCIES):
        values = [90 + i, 65 + i, 900000 + i, 8 - i, 100000 * (i + 1), 5000000, 20.5, 50 + i, 95 - i]
        # DAPOER still calls Mempawah by its old name, Pontianak
        dapoer_name = "Pontianak" if c == "61.02" else n.split(" ", 1)[1]
        wb_rows.append([c, b, n, "ID.XX", dapoer_name, "city" if k else "regency", PROVINCES[c[:2]], 2019, *values, ""])
    _write_csv(
        root / FILES["wb_2019"],
        [
            "kode_kemendagri",
            "kode_bps",
            "nama_kemendagri",
            "loc_id",
            "district",
            "district_type",
            "dapoer_province_label",
            "year",
            *wb_cols,
            "note",
        ],
        wb_rows,
    )
    long_rows = []
    for i, (c, n, b, _k, _g) in enumerate(REGENCIES):
        for year in (2010, 2011):
            long_rows.append([c, b, n, n, "X", "SP.POP.TOTL", "Total Population (in number of people)", year, 90000 * (i + 1)])
            long_rows.append([c, b, n, n, "X", "SE.PRM.NENR.ZS", "Net Enrollment Ratio: Primary (in %)", year, 90.5 + i])
    _write_csv(
        root / FILES["wb_long"],
        [
            "kode_kemendagri",
            "kode_bps",
            "nama_kemendagri",
            "dapoer_region",
            "dapoer_region_code",
            "series_code",
            "series_name",
            "year",
            "value",
        ],
        long_rows,
    )
    ipm_rows = []
    for i, (c, n, b, _k, _g) in enumerate(REGENCIES):
        for year in (2019, 2020, 2021):
            blank = c == "64.11" and year == 2019  # Mahakam Ulu: a blank year, which is missing, not zero
            ipm_rows.append([c, b, n, year, "" if blank else 65 + i + 0.1 * (year - 2019), 70.1, 12.0, 7.5, 9000])
    _write_csv(
        root / FILES["bps_ipm"],
        ["kode_kemendagri", "kode_bps", "nama", "year", "ipm", "uhh", "hls", "rls", "pengeluaran_disesuaikan_ribu_rp"],
        ipm_rows,
    )
    short = {c: (n.split(" ", 1)[1] if not k else n) for c, n, _b, k, _g in REGENCIES}
    _write_csv(
        root / FILES["bps_ipm_2024"],
        ["tahun", "kode_kab", "nama_kab", "nama_prov", "UHH", "HLS", "RLS", "Pengeluaran", "IPM"],
        [[2024, c.replace(".", ""), short[c], PROVINCES[c[:2]], 74.0, 12.5, 7.5, 11000, 70 + i] for i, (c, *_r) in enumerate(REGENCIES)],
    )
    _write_csv(
        root / FILES["bps_poverty_2024"],
        ["tahun", "kode_kab", "nama_kab", "nama_prov", "jumlah_miskin_ribu", "persen_miskin", "P1", "P2"],
        [[2024, c.replace(".", ""), short[c], PROVINCES[c[:2]], 10.5, 5.0 + i, 0.8, 0.2] for i, (c, *_r) in enumerate(REGENCIES)],
    )
    idm_rows = []
    statuses = ["MANDIRI", "MAJU", "BERKEMBANG", "TERTINGGAL"]
    desa = [(c, n) for c, n, _g in levels["desa"] if c.split(".")[3].startswith("2")]
    for j, (vcode, vname) in enumerate(desa):
        digits = vcode.replace(".", "")
        idm_rows.append(
            [
                2024,
                digits,
                digits[:2],
                "X",
                digits[:4],
                "X",
                digits[:6],
                "X",
                vname.upper(),
                0.6 + 0.05 * j,
                0.7,
                0.6,
                0.8,
                statuses[j % 4],
                "Reguler",
            ]
        )
    # a village newer than the boundaries: counts in its district, drawn nowhere
    idm_rows.append([2024, "6106012099", "61", "X", "6106", "X", "610601", "X", "DESA BARU", 0.5, 0.5, 0.5, 0.5, "TERTINGGAL", "Reguler"])
    _write_csv(
        root / FILES["idm_desa"],
        [
            "year",
            "kode_desa",
            "kode_prov",
            "provinsi",
            "kode_kab",
            "kabupaten",
            "kode_kec",
            "kecamatan",
            "desa",
            "nilai_idm",
            "iks",
            "ike",
            "ikl",
            "status_idm",
            "sumber_nilai",
        ],
        idm_rows,
    )
    kab_rows = []
    for c, n, b, k, _g in REGENCIES:
        if k:
            continue
        for year in (2023, 2024):
            kab_rows.append([year, c, b, n.split(" ", 1)[1].upper(), 2, 0.7, 0.7, 0.6, 0.8, 1, 0, 0, 1, 0])
    _write_csv(
        root / FILES["idm_kab"],
        [
            "year",
            "kode_kemendagri",
            "kode_bps",
            "kabupaten",
            "n_desa",
            "mean_idm",
            "mean_iks",
            "mean_ike",
            "mean_ikl",
            "n_mandiri",
            "n_maju",
            "n_berkembang",
            "n_tertinggal",
            "n_sangat_tertinggal",
        ],
        kab_rows,
    )
    _write_csv(
        root / FILES["plbn"],
        [
            "name",
            "kode_kab",
            "nama_kab",
            "kode_kec",
            "nama_kec",
            "kode_desa",
            "nama_desa",
            "lat",
            "lon",
            "coord_method",
            "opposite_post",
            "status",
            "legal_basis",
        ],
        [
            [
                "PLBN Badau (Nanga Badau)",
                "61.06",
                "Kabupaten Kapuas Hulu",
                "61.06.01",
                "X",
                "61.06.01.2001",
                "Desa 011",
                0.2,
                112.9,
                "approx",
                "Lubok Antu",
                "operating; inaugurated 16 Mar 2017",
                "Inpres 6/2015",
            ],
            [
                "PLBN Long Midang (Krayan)",
                "64.11",
                "Kabupaten Mahakam Ulu",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "NOT BUILT as of Feb 2026 (planned)",
                "",
            ],
        ],
    )
    _write_csv(
        root / FILES["immigration"],
        ["name", "type", "class", "town", "kabupaten_kota", "province", "lat", "lon", "source_url", "source_quote", "verified"],
        [
            [
                "Kantor Imigrasi Kelas I TPI Pontianak",
                "kanim",
                "Kelas I TPI",
                "Pontianak",
                "Kota Pontianak",
                "Kalimantan Barat",
                0.0,
                111.9,
                "https://example.org/a",
                "q",
                "yes",
            ],
            [
                "Unit Kerja Keimigrasian (UKK) Mempawah",
                "ulp",
                "n/a",
                "Mempawah",
                "Kabupaten Mempawah",
                "Kalimantan Barat",
                "",
                "",
                "https://example.org/b",
                "q",
                "yes",
            ],
            [
                "Unit layanan lama (historical)",
                "ulp",
                "n/a",
                "Nowhere",
                "Kabupaten Kapuas Hulu",
                "Kalimantan Barat",
                "",
                "",
                "https://example.org/c",
                "q",
                "no",
            ],
        ],
    )
    write_services(root)
    return root


# Regency squares: Mempawah x 109.0-110.0, Kapuas Hulu 110.2-111.2, Kota Pontianak 111.4-112.4,
# Mahakam Ulu 112.6-113.6, Kota Samarinda 113.8-114.8; every one from y -0.5 to 0.5.
def write_services(root: Path) -> None:
    """The five facility registers and the rivers, each in its own code system (see the shared README)."""
    faskes_header = [
        "kode_prov",
        "name_prov",
        "kode_faskes",
        "kode_kab_bps",
        "jenis_faskes",
        "nama_faskes",
        "alamat_faskes",
        "lat_",
        "long_",
        "medis",
        "perawat",
        "bidan",
    ]
    faskes = [
        # BPS 6108 = Kapuas Hulu (Kemendagri 61.06): the trap
        ["61", "KALIMANTAN BARAT", "P6108010101", "6108", "PUSKESMAS", "KAPUAS HULU HULU", "x", 0.1, 110.4, 2, 8, 10],
        ["61", "KALIMANTAN BARAT", "P6108010102", "6108", "PUSKESMAS", "KAPUAS HULU HILIR", "x", -0.2, 110.9, 1, 5, 6],
        ["61", "KALIMANTAN BARAT", "P6104010101", "6104", "PUSKESMAS", "MEMPAWAH HULU", "x", 0.2, 109.2, 1, 4, 5],
        # a hospital sitting in the Java Sea, like RSUD Landak at lat -7.04
        ["61", "KALIMANTAN BARAT", "R6104013", "6104", "RUMAH SAKIT", "RS Umum Daerah Mempawah", "x", -7.042153, 112.896797, 10, 50, 8],
        # two hospitals sharing one point, in a regency other than the one their code names
        ["61", "KALIMANTAN BARAT", "R6108001", "6108", "RUMAH SAKIT", "RS Umum Daerah Putussibau", "x", 0.0, 111.9, 12, 60, 9],
        ["64", "KALIMANTAN TIMUR", "R6472002", "6472", "RUMAH SAKIT", "RS Umum Samarinda", "x", 0.0, 111.9, 20, 90, 10],
    ]
    _write_csv(root / FILES["faskes_2019"], faskes_header, faskes)
    _write_csv(
        root / FILES["puskesmas_2022"],
        ["kode_kab", "kode_instansi", "unit_kerja"],
        [
            ["6106", "1060001", "PUSKESMAS KAPUAS HULU HULU"],
            ["6106", "1060002", "PUSKESMAS KAPUAS HULU HILIR"],
            ["6106", "1060003", "PUSKESMAS NANGA BARU"],
            ["6102", "1020001", "PUSKESMAS MEMPAWAH HILIR"],
        ],
    )
    _write_csv(
        root / FILES["hospitals_2022"],
        ["kode_kab", "kode_instansi", "unit_kerja"],
        [["6106", "6106011", "RS UMUM DAERAH KAPUAS HULU HILIR"], ["6472", "6472011", "RS UMUM SAMARINDA HULU"]],
    )
    _write_csv(
        root / FILES["hospitals_2021"],
        ["kode_rs", "kode_kab_lama", "nama_rs", "provinsi", "jenis_rs", "kelas", "pemilik", "total_tt"],
        [
            ["6108011", "6108", "RS Umum Daerah Kapuas Hulu", "KALIMANTAN BARAT", "RSU", "C", "Pemkab", 120],
            ["6104012", "6104", "RS Umum Daerah Kabupaten Mempawah", "KALIMANTAN BARAT", "RSU", "C", "Pemkab", 80],
            ["6472013", "6472", "RS Umum Kota Samarinda", "KALIMANTAN TIMUR", "RSU", "B", "Pemkot", 300],
        ],
    )
    school_header = [
        "kode_prop",
        "propinsi",
        "kode_kab_kota",
        "kabupaten_kota",
        "kode_kec",
        "kecamatan",
        "id",
        "npsn",
        "sekolah",
        "bentuk",
        "status",
        "alamat_jalan",
        "lintang",
        "bujur",
    ]
    schools = []
    kemendikbud = {
        "61.02": ("130000", "Prov. Kalimantan Barat", "130200", "Kab. Mempawah", 109.0),
        "61.06": ("130000", "Prov. Kalimantan Barat", "130500", "Kab. Kapuas Hulu", 110.2),
        "61.71": ("130000", "Prov. Kalimantan Barat", "136000", "Kota Pontianak", 111.4),
        "64.11": ("160000", "Prov. Kalimantan Timur", "161100", "Kab. Mahakam Ulu", 112.6),
        "64.72": ("160000", "Prov. Kalimantan Timur", "166000", "Kota Samarinda", 113.8),
    }
    n = 0
    for kp, prov, kk, kab, x0 in kemendikbud.values():
        for j, kind in enumerate(["SD", "SD", "SMP", "SMA", "SMK"]):
            n += 1
            schools.append(
                [
                    kp,
                    prov,
                    kk,
                    kab,
                    kk[:4] + "01",
                    "Kec. X",
                    f"id{n}",
                    f"3010{n:04d}",
                    f"{kind} NEGERI {n}",
                    kind,
                    "N",
                    "Jl.",
                    0.3 - 0.15 * j,
                    x0 + 0.1 + 0.18 * j,
                ]
            )
    schools.append(
        [
            "130000",
            "Prov. Kalimantan Barat",
            "130500",
            "Kab. Kapuas Hulu",
            "130501",
            "Kec. X",
            "idx1",
            "30109991",
            "SD TANPA TITIK",
            "SD",
            "S",
            "Jl.",
            "",
            "",
        ]
    )
    schools.append(
        [
            "130000",
            "Prov. Kalimantan Barat",
            "130500",
            "Kab. Kapuas Hulu",
            "130501",
            "Kec. X",
            "idx2",
            "30109992",
            "SD DI LAUT",
            "SD",
            "S",
            "Jl.",
            -6.0,
            106.8,
        ]
    )
    _write_csv(root / FILES["schools_2019"], school_header, schools)
    rivers = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"wdbii_level": 1},
                "geometry": {"type": "LineString", "coordinates": [[110.3, 0.3], [110.8, 0.1], [111.1, -0.2]]},
            },
            {
                "type": "Feature",
                "properties": {"wdbii_level": 1},
                "geometry": {"type": "LineString", "coordinates": [[110.0, 0.0], [110.0, 0.0]]},
            },
        ],
    }
    (root / FILES["rivers"]).parent.mkdir(parents=True, exist_ok=True)
    (root / FILES["rivers"]).write_text(json.dumps(rivers))
