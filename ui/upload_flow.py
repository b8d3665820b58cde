"""The editor's upload flow on the data page: file → match report → indicator → clashes → commit.

Nothing is stored before the editor confirms; every row that is not stored is listed with its
reason and can be downloaded. The commit itself re-checks the editor on the server.
"""

from __future__ import annotations

import hashlib
import re

import pandas as pd
import streamlit as st

from services import catalogue, export, uploads
from services.i18n import SECTORS, fmt_number, label, md_escape, t
from services.upload import pipeline
from services.upload.reader import UploadError
from ui import editor
from ui.context import query, reference

_NEW = "__new__"
_ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{2,40}$")
_STATUS_ORDER = ("matched", "ambiguous", "unmatched", "outside", "aggregate", "skipped")


def _say(key: str, lang: str, params: dict, markdown: bool = True) -> str:
    """A library message in the user's language. For Markdown elements (``markdown``) the user's
    text in it is escaped, so a name like ``<img …>`` or ``[x](…)`` shows as typed, never as markup;
    for tables and CSV it stays exactly as given."""
    safe = {k: (md_escape(v) if markdown else v) if isinstance(v, str) else v for k, v in params.items()}
    for number in ("value", "previous"):
        if isinstance(safe.get(number), float):
            safe[number] = fmt_number(safe[number], lang, 2)
    try:
        return t(key, lang, **safe)
    except (KeyError, IndexError, ValueError):
        return md_escape(key) if markdown else key


def _regions() -> tuple[pd.DataFrame, pd.DataFrame]:
    return reference("upload_regions"), reference("crosswalk")


def show(lang: str) -> None:
    st.subheader(t("data_upload_step_file", lang))
    # No ``type=`` filter: Streamlit would refuse other names itself (in English in the browser, and
    # with an error page for a crafted request); the reader refuses them by name and content, with
    # a message in the user's language that says what the file is (an old .xls, a PDF, ...).
    file = st.file_uploader(t("data_upload_file", lang), key="upload_file", help=t("data_upload_help", lang))
    if file is None:
        return
    data = file.getvalue()
    cat = reference("indicator_catalogue")
    ids = catalogue.indicator_ids(cat)
    labels = catalogue.indicator_labels(cat, lang)

    st.subheader(t("data_upload_step_indicator", lang))
    choice = st.selectbox(
        t("data_upload_indicator", lang),
        [_NEW, *ids],
        key="upload_indicator",
        format_func=lambda i: t("data_upload_new_indicator", lang) if i == _NEW else labels[i],
    )
    new_meta = _new_indicator_form(lang) if choice == _NEW else None
    unit = new_meta["unit_id"] if new_meta else str(catalogue.row(cat, choice)["unit_id"])
    existing = query("upload_existing", indicator=choice) if choice != _NEW else None

    with st.expander(t("data_upload_options", lang)):
        system = st.radio(
            t("data_upload_code_system", lang), ["auto", "kemendagri", "bps"], key="upload_system", horizontal=True,
            format_func=lambda s: t(f"data_upload_system_{s}", lang),
        )  # fmt: skip
        year = st.number_input(
            t("data_upload_year", lang),
            min_value=0,
            max_value=2100,
            value=0,
            step=1,
            key="upload_year",
            help=t("data_upload_year_help", lang),
        )
        locale = st.radio(
            t("data_upload_numbers", lang),
            ["auto", "id", "en"],
            key="upload_locale",
            horizontal=True,
            format_func=lambda s: t(f"data_upload_numbers_{s}", lang),
        )

    regions, crosswalk = _regions()
    # The pickers' answers: "" (leave out) or a regency code; anything else in the state is not an answer.
    regency_codes = set(crosswalk["kemendagri_code"])
    choices = {
        k[len("upload_choice_") :]: v
        for k, v in st.session_state.items()
        if isinstance(k, str) and k.startswith("upload_choice_") and isinstance(v, str) and (v == "" or v in regency_codes)
    }
    try:
        prepared = pipeline.prepare(
            file.name,
            data,
            regions,
            crosswalk,
            existing=existing[["region_code", "year", "value"]] if existing is not None else None,
            code_system=None if system == "auto" else system,
            choices=choices,
            year=int(year) or None,
            unit=unit,
            number_locale=None if locale == "auto" else locale,
        )
    except UploadError as error:
        st.error(_say(error.key, lang, error.details))
        return

    st.subheader(t("data_upload_step_report", lang))
    counts = prepared.status_counts
    st.markdown(" · ".join(f"**{counts[s]}** {t(f'data_upload_status_{s}', lang)}" for s in _STATUS_ORDER if counts.get(s)))
    for explanation in (prepared.layout.explanation, prepared.code_system.explanation, *(f.explanation for f in prepared.number_formats)):
        st.caption(_say(explanation.key, lang, explanation.params))
    report = prepared.report
    _ambiguous_pickers(report, lang)
    table = report.assign(status_text=[t(f"data_upload_status_{s}", lang) for s in report["status"]])
    st.dataframe(
        table[["region", "province", "status_text", "code", "region_name", "rows"]].rename(
            columns={
                "region": t("data_upload_col_region", lang),
                "province": t("col_province", lang),
                "status_text": t("data_upload_col_status", lang),
                "code": t("col_code", lang),
                "region_name": t("col_name", lang),
                "rows": t("data_col_rows", lang),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    if not prepared.findings.empty:
        st.markdown(f"**{t('data_upload_findings', lang)}**")
        findings = prepared.findings.assign(
            text=[_say(f.finding_key, lang, f._asdict(), markdown=False) for f in prepared.findings.itertuples(index=False)]
        )
        st.dataframe(findings[["severity", "row_no", "text"]], hide_index=True, width="stretch")

    rejected = prepared.rejected.assign(
        reason=[_say(r.reason_key, lang, r._asdict(), markdown=False) for r in prepared.rejected.itertuples(index=False)]
    )
    if len(rejected):
        st.download_button(
            t("data_upload_rejected_download", lang, n=len(rejected)),
            export.to_csv_bytes(rejected),
            file_name=f"{file.name}.rejected.csv",
            mime="text/csv",
            key="upload_rejected_csv",
        )

    clean = prepared.clean
    if prepared.needs_choice:
        st.info(t("data_upload_needs_choice", lang))
        return
    if clean.empty:
        st.warning(t("data_upload_nothing", lang))
        return
    raw_names = sorted(clean["indicator_raw"].unique())
    if len(raw_names) > 1:
        picked = st.selectbox(t("data_upload_which_column", lang), raw_names, key="upload_raw_indicator")
        others = clean[clean["indicator_raw"] != picked].assign(reason_key="upload_other_indicator")
        clean = clean[clean["indicator_raw"] == picked]
    else:
        others = clean.iloc[0:0].assign(reason_key=[])

    st.subheader(t("data_upload_step_clash", lang))
    clash = uploads.clashes(clean, existing) if existing is not None else pd.DataFrame(columns=["region_code", "year"])
    replace = False
    if len(clash):
        st.warning(t("data_upload_clash", lang, n=len(clash)))
        st.dataframe(
            clash.assign(
                value=[fmt_number(v, lang, 2) for v in clash["value"]],
                value_existing=[fmt_number(v, lang, 2) for v in clash["value_existing"]],
            ),
            hide_index=True,
            width="stretch",
        )
        replace = st.radio(
            t("data_upload_clash_decide", lang), [False, True], key="upload_replace",
            format_func=lambda r: t("data_upload_replace" if r else "data_upload_keep", lang),
        )  # fmt: skip
    else:
        st.caption(t("data_upload_no_clash", lang))

    st.subheader(t("data_upload_step_source", lang))
    title = st.text_input(t("data_upload_title", lang), key="upload_title", max_chars=120)
    publisher = st.text_input(t("col_publisher", lang), key="upload_publisher", max_chars=120)
    licence = st.text_input(t("col_licence", lang), key="upload_licence", max_chars=80)
    if st.button(t("data_upload_commit", lang, n=len(clean)), key="upload_commit", type="primary"):
        if not title.strip() or (new_meta is not None and not new_meta["ok"]):
            st.error(t("data_upload_incomplete", lang))
            return
        _commit(lang, file.name, data, choice, new_meta, clean, clash, bool(replace), others, rejected, title, publisher, licence, existing)


def _ambiguous_pickers(report: pd.DataFrame, lang: str) -> None:
    """One picker per ambiguous region: the user decides; leaving it out is a choice too."""
    for row in report[report["status"] == "ambiguous"].itertuples(index=False):
        options = ["", *row.candidates]
        names = dict(zip(row.candidates, row.candidate_names, strict=False))
        st.selectbox(
            t("data_upload_pick", lang, region=md_escape(str(row.region)), rows=row.rows),
            options,
            key=f"upload_choice_{row.choice_key}",
            format_func=lambda c, n=names: t("data_upload_leave_out", lang) if c == "" else f"{c} {n.get(c, '')}",
            index=None,
        )


def _new_indicator_form(lang: str) -> dict:
    cols = st.columns(2)
    meta = {
        "indicator_id": cols[0].text_input(t("data_new_id", lang), key="new_id", max_chars=40, help=t("data_new_id_help", lang)).strip(),
        "name_id": cols[0].text_input(t("data_new_name_id", lang), key="new_name_id", max_chars=120).strip(),
        "name_en": cols[1].text_input(t("data_new_name_en", lang), key="new_name_en", max_chars=120).strip(),
        "unit_id": cols[0].text_input(t("data_new_unit_id", lang), key="new_unit_id", max_chars=40).strip(),
        "unit_en": cols[1].text_input(t("data_new_unit_en", lang), key="new_unit_en", max_chars=40).strip(),
        "sector": cols[0].selectbox(
            t("data_new_sector", lang), list(SECTORS), key="new_sector", format_func=lambda s: label("sectors", s, lang)
        ),
        "direction": cols[1].selectbox(
            t("data_new_direction", lang),
            [1, -1, 0],
            key="new_direction",
            format_func=lambda d: t({1: "higher_better", -1: "lower_better", 0: "neutral_direction"}[d], lang),
        ),  # fmt: skip
        "target": cols[0].number_input(t("data_new_target", lang), value=None, key="new_target"),
        "decimals": 1,
        "aggregate": "weighted",
        "applies_to": "all",
        "series_group": "",
        "method_id": cols[1].text_input(t("data_new_method_id", lang), key="new_method_id", max_chars=300).strip(),
        "method_en": cols[1].text_input(t("data_new_method_en", lang), key="new_method_en", max_chars=300).strip(),
    }
    ids = set(reference("indicator_catalogue")["indicator_id"])
    meta["ok"] = (
        bool(_ID_PATTERN.match(meta["indicator_id"]))
        and meta["indicator_id"] not in ids
        and all(meta[k] for k in ("name_id", "name_en", "unit_id", "unit_en"))
    )
    if meta["indicator_id"] and not meta["ok"]:
        st.caption(t("data_new_invalid", lang))
    return meta


def _commit(lang, file_name, data, choice, new_meta, clean, clash, replace, others, rejected, title, publisher, licence, existing) -> None:
    try:
        user = editor.require_editor()  # checked now, on the server, not only when the form was drawn
    except editor.NotAnEditor:
        st.error(t("data_not_editor", lang))
        return
    rows, aside = uploads.decide(clean[["region_code", "year", "value", "row_no"]], clash, replace, existing)
    set_aside = pd.concat([aside, others], ignore_index=True)
    all_rejected = pd.concat(
        [
            rejected[["row_no", "reason_key", "reason"]],
            set_aside.assign(reason=[t(k.replace("upload_", "data_upload_reason_"), lang) for k in set_aside["reason_key"]])[
                ["row_no", "reason_key", "reason"]
            ],
        ],
        ignore_index=True,
    )
    indicator = new_meta["indicator_id"] if new_meta else choice
    source = {
        "title": title,
        "publisher": publisher,
        "licence": licence,
        "url": "",
        "citation_id": f"{title} ({publisher})",
        "citation_en": f"{title} ({publisher})",
    }
    try:
        dataset, version = _store(indicator, title, file_name, data, user, rows, all_rejected, source, new_meta)
    except uploads.RegistryError as exc:  # the registry is damaged: nothing is written over it
        st.error(t("uploads_unreadable", lang, problem=md_escape(str(exc))))
        return
    st.success(t("data_upload_done", lang, n=len(rows), version=version, rejected=len(all_rejected)))


def _store(indicator, title, file_name, data, user, rows, all_rejected, source, new_meta) -> tuple[str, int]:
    return uploads.commit(
        indicator_id=indicator,
        title=title.strip(),
        file_name=file_name,
        file_sha256=hashlib.sha256(data).hexdigest(),
        user=user,
        rows=rows.drop(columns=["row_no"]),
        rejected=all_rejected,
        source=source,
        new_indicator={k: v for k, v in new_meta.items() if k != "ok"} if new_meta else None,
    )
