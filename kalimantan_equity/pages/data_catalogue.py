"""Data page: the catalogue for everyone; uploads, history and rollback for editors."""

from __future__ import annotations

import unicodedata

import pandas as pd
import streamlit as st

from kalimantan_equity.services import catalogue, export, quality, uploads
from kalimantan_equity.services.i18n import fmt_number, md_escape, t, vocabulary_values
from kalimantan_equity.ui import editor, upload_flow
from kalimantan_equity.ui.components import meeting, url_state
from kalimantan_equity.ui.context import language, query, reference, require_data

SEARCH_MAX_CHARS = 100


def _search_text(text: str) -> str | None:
    """A search from a link: plain printable text of at most SEARCH_MAX_CHARS characters, taken as
    words to find (never a pattern); control, format and bidi characters make it unacceptable."""
    if len(text) > SEARCH_MAX_CHARS or any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs", "Cn") for c in text):
        return None
    return text


LINK = [url_state.Param("data_q", "q", _search_text)]  # the catalogue search is part of the link


def _meeting_slide(cat: pd.DataFrame, n_sources: int, n_points: int, lang: str) -> None:
    """The catalogue as one slide: the headline counts, and per area how many indicators, official
    or simulated, over which years and from how many sources. No search, no editor controls."""
    per_sector = catalogue.sector_summary(cat)
    figures = [
        ("data_slide_indicators", int(per_sector["n"].sum())),
        ("data_slide_official", int(per_sector["official"].sum())),
        ("data_slide_simulated", int(per_sector["simulated"].sum())),
        ("data_slide_sources", n_sources),
        ("data_slide_points", n_points),
    ]
    for col, (key, value) in zip(st.columns(len(figures), gap="small"), figures, strict=True):
        col.metric(t(key, lang), fmt_number(value, lang, 0))
    st.html(catalogue.sector_table_html(per_sector, lang))
    st.caption(t("data_slide_caption", lang))


lang = language()
require_data()
ignored = url_state.apply_once("data", LINK)

st.title(t("data_title", lang))
if ignored:
    st.caption(t("link_ignored", lang, names=", ".join(ignored)))
cat = reference("indicator_catalogue")
if meeting.is_on():  # one slide: what data the dashboard holds
    points = query("service_points", kinds=list(vocabulary_values("point_kinds")), include_closed=False)
    _meeting_slide(cat, len(reference("sources")), len(points), lang)
    st.stop()
st.caption(t("data_intro", lang))  # the table's columns, below
info = reference("build_info")
try:
    history = uploads.history()
except uploads.RegistryError:  # require_data() has said why; the catalogue still shows the built data
    history = pd.DataFrame()
signed_in = editor.current_editor()
# Editors' names are for editors: a visitor's version column says the version and its day only.
shown_history = history if signed_in or history.empty else history.assign(by="")
table = catalogue.overview(cat, lang, str(info.iloc[0]["built_at"]) if not info.empty else "", shown_history)
if not signed_in and not history.empty:
    table["version"] = table["version"].str.replace(r" · $", "", regex=True)
# An uploaded series is said to be one, in the kind column too (not "official data").
uploaded = set(history.loc[history["active"], "indicator_id"]) if not history.empty else set()
own_source = set(cat.loc[[uploads.is_upload_source(s) for s in cat["source_id"]], "indicator_id"])
table.loc[table["indicator_id"].isin(uploaded), "kind"] = t("upload_mixed_mark", lang)  # built values, some from an upload
table.loc[table["indicator_id"].isin(uploaded & own_source), "kind"] = t("upload_mark", lang)
text = st.text_input(t("data_search", lang), key="data_q", max_chars=SEARCH_MAX_CHARS)
url_state.publish(LINK, {"data_q": text if text.strip() else None})
shown = catalogue.search(table, text)
if shown.empty:
    st.info(t("data_search_none", lang, text=md_escape(text)))  # the text as typed (or linked), never markup
else:
    columns = ["name", "sector", "unit", "direction", "target", "years", "coverage", "kind", "source", "licence", "version", "method"]
    st.dataframe(
        shown[columns].rename(columns={c: t(f"data_col_{c}", lang) for c in columns}),
        hide_index=True,
        width="stretch",
    )

# Data quality of the facility registers (services/quality.py): what each register's codes mean
# and which rows were kept out of distances, with the reason.
st.header(t("quality_title", lang))
st.caption(t("quality_intro", lang))
quality_rows = reference("point_quality")
st.subheader(t("quality_systems_title", lang))
st.dataframe(quality.systems_table(reference("code_systems"), lang), hide_index=True, width="stretch")
st.subheader(t("quality_summary_title", lang))
st.dataframe(quality.summary_table(reference("register_counts"), quality_rows, lang), hide_index=True, width="stretch")
st.subheader(t("quality_rows_title", lang))
st.dataframe(quality.rows_table(quality_rows, lang), hide_index=True, width="stretch", height=320)
st.download_button(
    t("quality_download", lang),
    export.to_csv_bytes(quality.rows_table(quality_rows, lang, formatted=False)),
    file_name="kualitas_titik_layanan.csv" if lang == "id" else "service_point_quality.csv",
    mime="text/csv",
    key="quality_download",
)

st.header(t("data_uploads_title", lang))
user = editor.current_editor()
if user is None:
    st.caption(t("data_viewer_note", lang))
    if not editor.editors_configured():
        st.info(t("data_no_editors", lang))
    else:
        if editor.oidc_configured() and st.button(t("data_sign_in_oidc", lang), key="sign_in_oidc"):
            st.login()  # the provider named in secrets' [auth]; editors are the e-mails in EQUITY_EDITOR_EMAILS
        with st.form("sign_in"):
            st.subheader(t("data_sign_in", lang))
            name = st.text_input(t("data_user", lang), key="sign_in_user", max_chars=64)
            password = st.text_input(t("data_password", lang), type="password", key="sign_in_password", max_chars=256)
            if st.form_submit_button(t("data_sign_in_button", lang)):
                ok, wait = editor.sign_in(name, password)
                if ok:
                    st.rerun()
                st.error(t("data_sign_in_failed", lang))
                if wait > 0:
                    st.warning(t("data_sign_in_wait", lang, seconds=max(1, round(wait))))
    st.stop()

left, right = st.columns([4, 1])
left.markdown(t("data_signed_in", lang, user=md_escape(user)))
if right.button(t("data_sign_out", lang), key="sign_out"):
    editor.sign_out()
    st.rerun()

upload_flow.show(lang)

st.subheader(t("data_history_title", lang))
if history.empty:
    st.caption(t("data_history_empty", lang))
else:
    cols = ["title", "version", "active", "file_name", "rows", "rejected", "by", "at"]
    names = {"title": "dataset", "file_name": "file"}
    st.dataframe(
        history[cols].rename(columns={c: t(f"data_col_{names.get(c, c)}", lang) for c in cols}),
        hide_index=True,
        width="stretch",
    )
    with st.form("rollback"):
        st.subheader(t("data_rollback_title", lang))
        titles = dict(zip(history["dataset_id"], history["title"], strict=False))
        dataset = st.selectbox(t("data_rollback_dataset", lang), list(titles), format_func=titles.__getitem__, key="rollback_dataset")
        versions = int(history.loc[history["dataset_id"] == dataset, "version"].max()) if dataset else 0
        version = st.number_input(t("data_rollback_version", lang), min_value=0, max_value=max(versions, 0), step=1, key="rollback_version")
        if st.form_submit_button(t("data_rollback_button", lang)):
            try:
                uploads.rollback(dataset, int(version), editor.require_editor())
            except uploads.RegistryError as exc:
                st.error(t("uploads_unreadable", lang, problem=md_escape(str(exc))))  # names the file, never its path
            except (editor.NotAnEditor, uploads.UploadStoreError):
                st.error(t("data_not_editor", lang))
            else:
                st.success(t("data_rollback_done", lang, dataset=md_escape(titles[dataset]), version=int(version)))
    for row in history.itertuples():
        rejected = uploads.rejected_rows(row.dataset_id, row.version)
        if not rejected.empty:
            st.download_button(
                t("data_rejected_download", lang, version=row.version) + f" — {md_escape(row.title)}",
                export.to_csv_bytes(pd.DataFrame(rejected)),
                file_name=f"{row.dataset_id}_v{row.version}_rejected.csv",
                mime="text/csv",
                key=f"rejected_{row.dataset_id}_{row.version}",
            )
