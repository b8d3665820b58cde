"""The editor's upload flow on the data page: file → match report → indicator → clashes → commit.

Nothing is stored before the editor confirms; every row that is not stored is listed with its
reason and can be downloaded. The commit itself re-checks the editor on the server.
"""

from __future__ import annotations

import hashlib
import re

import pandas as pd
import streamlit as st

from kalimantan_equity.services import catalogue, export, uploads
from kalimantan_equity.services.i18n import SECTORS, STRINGS, fmt_number, label, md_escape, normalise_language, t, tn
from kalimantan_equity.services.upload import layout, pipeline
from kalimantan_equity.services.upload.reader import UploadError
from kalimantan_equity.ui import editor
from kalimantan_equity.ui.context import query, reference

_NEW = "__new__"
_SKIP = "__skip__"  # an indicator column of the file that is not stored
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
        if isinstance(STRINGS.get(key, {}).get(normalise_language(lang)), dict):  # plural forms: the library counts by ``count``
            return tn(key, float(safe["count"]), lang, **safe)
        return t(key, lang, **safe)
    except (KeyError, IndexError, ValueError, TypeError):
        return md_escape(key) if markdown else key


def _named(params: dict, names: dict[str, str]) -> dict:
    """A finding's names filled in: a region written as a code also gets its name, and a table
    without an indicator column is named by its value column ("63.02 (, 2023)" said nothing)."""
    region, code = str(params.get("region") or ""), str(params.get("region_code") or "")
    if code in names and (not region or region.replace(".", "") == code.replace(".", "")):
        params["region"] = f"{code} {names[code]}"
    elif not region:
        params["region"] = code or "—"
    if not params.get("indicator"):
        params["indicator"] = params.get("column") or "—"
    return params


def _regions() -> tuple[pd.DataFrame, pd.DataFrame]:
    return reference("upload_regions"), reference("crosswalk")


@st.cache_data(max_entries=8, show_spinner=False)
def _prepare(file_name: str, data: bytes, regions: pd.DataFrame, crosswalk: pd.DataFrame, answers: tuple) -> pipeline.Prepared:
    """The upload read, matched and checked once per file and set of answers, not on every rerun
    (typing a title reran all of it: 6 s for 99,000 rows). ``answers`` are :func:`pipeline.prepare`'s
    keyword arguments as a tuple of pairs, so the cache key is exact."""
    kwargs = {k: (dict(v) if k in {"choices", "roles", "units"} and v is not None else v) for k, v in answers}
    return pipeline.prepare(file_name, data, regions, crosswalk, **kwargs)


def _memory(name: str, sha: str) -> dict:
    """A per-file dict in the session that no widget owns: the editor's answers (region choices,
    column roles) live here, so a rerun that does not draw a picker cannot forget them."""
    store = st.session_state.setdefault(f"_upload_{name}", {})
    if store.get("sha") != sha:
        store.clear()
        store["sha"] = sha
    return store.setdefault("answers", {})


def _remember(memory: dict, key: str, widget: str) -> None:
    memory[key] = st.session_state.get(widget)


def show(lang: str) -> None:
    """The upload flow, step by step: file, report, source, indicator, clashes, preview and store."""
    st.subheader(t("data_upload_step_file", lang))
    # No ``type=`` filter: Streamlit would refuse other names itself (in English in the browser, and
    # with an error page for a crafted request); the reader refuses them by name and content, with
    # a message in the user's language that says what the file is (an old .xls, a PDF, ...).
    file = st.file_uploader(t("data_upload_file", lang), key="upload_file", help=t("data_upload_help", lang))
    if file is None:
        st.session_state.pop("_upload_done", None)
        return
    data = file.getvalue()
    sha = hashlib.sha256(data).hexdigest()
    done = st.session_state.get("_upload_done")
    if isinstance(done, dict) and done.get("sha") == sha:  # this file was just stored: say so, offer nothing to store twice
        _say_stored(done["stored"], lang)
        st.caption(t("data_upload_again", lang))
        return
    cat = reference("indicator_catalogue")
    ids = catalogue.indicator_ids(cat)
    system, year, locale = _options(lang)
    regions, crosswalk = _regions()
    memory = {name: _memory(name, sha) for name in ("choices", "roles", "confirmed")}
    base_answers = _answers(memory, set(crosswalk["kemendagri_code"]), system, year, locale)
    try:
        prepared, raw_names = _prepare_with_targets(file.name, data, regions, crosswalk, base_answers, ids, cat)
    except UploadError as error:
        st.error(_say(error.key, lang, error.details))
        return

    st.subheader(t("data_upload_step_report", lang))
    _report(prepared, regions, memory, lang)
    rejected = _rejected(prepared, file.name, lang)
    _held_rows(prepared.held, memory["confirmed"], lang)
    if prepared.needs_choice:
        st.info(t("data_upload_needs_choice", lang))
        return
    if prepared.clean.empty:
        st.warning(t("data_upload_nothing", lang))
        return
    _plan_and_store(file.name, data, prepared, raw_names, rejected, cat, ids, lang)


def _options(lang: str) -> tuple[str, float, str]:
    """The options the editor rarely needs: the code system, a year for a file naming none, the number format."""
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
    return system, year, locale


def _answers(memory: dict[str, dict], regency_codes: set[str], system: str, year: float, locale: str) -> tuple:
    """The editor's answers so far, as the pipeline's (hashable) keyword arguments.

    The pickers' answers: "" (leave out) or a regency code; anything else in the state is not an answer."""
    choices_memory = memory["choices"]
    for k, v in st.session_state.items():  # a picker drawn this run, or set by a test, also counts
        if isinstance(k, str) and k.startswith("upload_choice_"):
            choices_memory.setdefault(k[len("upload_choice_") :], v)
    choices = {k: v for k, v in choices_memory.items() if isinstance(v, str) and (v == "" or v in regency_codes)}
    roles = {k: v for k, v in memory["roles"].items() if isinstance(k, str) and v in layout.ROLES}
    confirmed = tuple(sorted(k for k, v in memory["confirmed"].items() if v is True))
    return (
        ("code_system", None if system == "auto" else system),
        ("choices", tuple(sorted(choices.items()))),
        ("year", int(year) or None),
        ("number_locale", None if locale == "auto" else locale),
        ("roles", tuple(sorted(roles.items()))),
        ("confirmed", tuple(confirmed)),
    )


def _prepare_with_targets(file_name, data, regions, crosswalk, base_answers, ids, cat) -> tuple[pipeline.Prepared, list[str]]:
    """Prepare the file; once the editor has mapped its indicators, again with their units and the
    values already stored (to spot jumps and clashes). Raises :class:`UploadError`."""
    prepared = _prepare(file_name, data, regions, crosswalk, base_answers)
    raw_names = sorted(set(prepared.clean["indicator_raw"]) | set(prepared.held["indicator_raw"]))
    mapping = _mapping_from_state(raw_names, ids)
    units = {raw: _unit_of(target, i, cat) for i, (raw, target) in enumerate(mapping.items()) if target not in (_SKIP, None)}
    stored = _stored_values(mapping, ids)
    if units or stored is not None:
        answers = (*base_answers, ("units", tuple(sorted(units.items()))), ("existing", stored))
        prepared = _prepare(file_name, data, regions, crosswalk, answers)
    return prepared, raw_names


def _report(prepared: pipeline.Prepared, regions: pd.DataFrame, memory: dict[str, dict], lang: str) -> None:
    """What was read: counts by status, how the file was understood, the roles, the pickers, each region and the findings."""
    counts = prepared.status_counts
    st.markdown(" · ".join(f"**{counts[s]}** {t(f'data_upload_status_{s}', lang)}" for s in _STATUS_ORDER if counts.get(s)))
    for explanation in (prepared.layout.explanation, prepared.code_system.explanation, *(f.explanation for f in prepared.number_formats)):
        st.caption(_say(explanation.key, lang, explanation.params))
    _roles_editor(prepared, memory["roles"], lang)
    report = prepared.report
    _ambiguous_pickers(report, memory["choices"], lang)
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
        names = dict(zip(regions["code"], regions["name"], strict=False))
        findings = prepared.findings.assign(
            text=[_say(f.finding_key, lang, _named(f._asdict(), names), markdown=False) for f in prepared.findings.itertuples(index=False)]
        )
        st.dataframe(findings[["severity", "row_no", "text"]], hide_index=True, width="stretch")


def _rejected(prepared: pipeline.Prepared, file_name: str, lang: str) -> pd.DataFrame:
    """The rows not stored, each with its reason in the user's language, offered as a CSV."""
    rejected = prepared.rejected.assign(
        reason=[_say(r.reason_key, lang, r._asdict(), markdown=False) for r in prepared.rejected.itertuples(index=False)]
    )
    if len(rejected):
        st.download_button(
            tn("data_upload_rejected_download", len(rejected), lang),
            export.to_csv_bytes(rejected),
            file_name=f"{file_name}.rejected.csv",
            mime="text/csv",
            key="upload_rejected_csv",
        )
    return rejected


def _plan_and_store(file_name, data, prepared, raw_names, rejected, cat, ids, lang: str) -> None:
    """Steps 3 to 6: the source, the indicator for each column, clashes with stored values, the
    preview, and the button that stores it."""
    st.subheader(t("data_upload_step_source", lang))
    # The title comes first: it names the dataset, and a new version of one's own dataset is compared
    # with other sources only, never with its own previous values (that emptied routine re-uploads).
    title = st.text_input(t("data_upload_title", lang), key="upload_title", max_chars=120)
    publisher = st.text_input(t("col_publisher", lang), key="upload_publisher", max_chars=120)
    licence = st.text_input(t("col_licence", lang), key="upload_licence", max_chars=80)

    st.subheader(t("data_upload_step_indicator", lang))
    labels = catalogue.indicator_labels(cat, lang)
    plans, complete = [], True
    for i, raw in enumerate(raw_names):
        plan = _plan_column(i, raw, len(raw_names), prepared, ids, labels, title.strip(), lang)
        if plan is None:
            continue
        complete = complete and plan["ok"]
        plans.append(plan)

    st.subheader(t("data_upload_step_clash", lang))
    clashing = sum(len(p["clash"]) for p in plans)
    replace = False
    if clashing:
        st.warning(tn("data_upload_clash", clashing, lang))
        replace = st.radio(
            t("data_upload_clash_decide", lang), [False, True], key="upload_replace",
            format_func=lambda r: t("data_upload_replace" if r else "data_upload_keep", lang),
        )  # fmt: skip
    else:
        st.caption(t("data_upload_no_clash", lang))

    st.subheader(t("data_upload_step_preview", lang))
    for plan in plans:
        plan["rows"], plan["aside"] = uploads.decide(plan["clean"], plan["clash"], bool(replace), plan["others"])
        plan["rows"] = uploads.carry_replaces(plan["rows"], plan["inherited"])
        _preview(plan, lang)
    total = sum(len(p["rows"]) for p in plans)
    if not plans:
        st.info(t("data_upload_map_none", lang))
        return
    if total == 0:  # never an empty version: it would hide the indicator's earlier values
        st.warning(t("data_upload_nothing_new", lang))
        return
    if st.button(tn("data_upload_commit", total, lang), key="upload_commit", type="primary"):
        if not title.strip() or not complete:
            st.error(t("data_upload_incomplete", lang))
            return
        _commit(lang, file_name, data, plans, rejected, title.strip(), publisher, licence)


def _mapping_from_state(raw_names: list[str], ids: list[str]) -> dict[str, str | None]:
    """What each indicator column of the file is mapped to, as the pickers last said (a crafted
    value that no picker offers counts as not answered)."""
    out: dict[str, str | None] = {}
    for i, raw in enumerate(raw_names):
        value = st.session_state.get(_map_key(i))
        out[raw] = value if value in (_NEW, _SKIP, *ids) else (_NEW if i == 0 else _SKIP)
    return out


def _stored_values(mapping: dict[str, str | None], ids: list[str]) -> pd.DataFrame | None:
    """Other sources' stored values of the indicators the columns are mapped to (``indicator_raw``
    = the column), so the checks can flag a jump from last year's stored value or a replacement."""
    title = st.session_state.get("upload_title")
    title = title.strip() if isinstance(title, str) else ""
    frames = []
    for raw, target in mapping.items():
        if target in ids:
            existing = query("upload_existing", indicator=target)
            if title:
                existing, _own = uploads.split_own(existing, uploads.dataset_id_for(str(target), title))
            frames.append(existing[["region_code", "year", "value"]].assign(indicator_raw=raw))
    return pd.concat(frames, ignore_index=True) if frames else None


def _map_key(i: int) -> str:
    return "upload_indicator" if i == 0 else f"upload_indicator_{i}"


def _form_prefix(i: int) -> str:
    return "new_" if i == 0 else f"new{i}_"


def _unit_of(target: str | None, i: int, cat: pd.DataFrame) -> str:
    if target == _NEW:
        value = st.session_state.get(f"{_form_prefix(i)}unit_id")
        return value if isinstance(value, str) else ""
    return str(catalogue.row(cat, str(target))["unit_id"])


def _plan_column(i: int, raw: str, n: int, prepared: pipeline.Prepared, ids: list[str], labels: dict, title: str, lang: str) -> dict | None:
    """One indicator column of the file: the indicator it is stored as (existing or new), and what
    the stored values of that indicator from other sources say about it."""
    options = [_NEW, *ids, _SKIP] if i == 0 else [_SKIP, _NEW, *ids]
    label = t("data_upload_indicator", lang) if n == 1 else t("data_upload_indicator_for", lang, column=md_escape(raw))
    choice = st.selectbox(
        label,
        options,
        key=_map_key(i),
        format_func=lambda c: (
            t("data_upload_new_indicator", lang) if c == _NEW else t("data_upload_skip_column", lang) if c == _SKIP else labels[c]
        ),
    )
    if choice == _SKIP:
        return None
    new_meta = _new_indicator_form(lang, _form_prefix(i)) if choice == _NEW else None
    indicator = new_meta["indicator_id"] if new_meta else choice
    clean = prepared.clean[prepared.clean["indicator_raw"] == raw]
    others = pd.DataFrame(columns=["region_code", "year", "value", "source_id", "source_title"])
    inherited: set[tuple[str, int]] = set()
    if choice != _NEW:
        existing = query("upload_existing", indicator=choice)
        if title:  # a new version of this very dataset: its own values are not another source's
            dataset_id = uploads.dataset_id_for(choice, title)
            others, _own = uploads.split_own(existing, dataset_id)
            inherited = uploads.replaced_by(dataset_id)
        else:
            others = existing
    clash = uploads.clashes(clean, others) if len(others) else pd.DataFrame(columns=["region_code", "year", "value_existing"])
    ok = new_meta["ok"] if new_meta else True
    shown = raw or ", ".join(prepared.layout.labels("value")) or prepared.source.file_name  # a long table names no indicator
    return {"raw": raw, "label": shown, "indicator": indicator, "choice": choice, "new_meta": new_meta, "clean": clean, "others": others,
            "clash": clash, "inherited": inherited, "ok": ok}  # fmt: skip


def _preview(plan: dict, lang: str) -> None:
    """Exactly what will be stored for one indicator column, value by value, as it will read."""
    rows, aside = plan["rows"], plan["aside"]
    names = dict(zip(_regions()[0]["code"], _regions()[0]["name"], strict=False))
    st.markdown(
        tn(
            "data_upload_preview_line" if len(aside) else "data_upload_preview_all",
            len(rows),
            lang,
            column=md_escape(plan["label"]),
            aside=len(aside),
        )
    )
    shown = pd.DataFrame(
        {
            t("col_code", lang): rows["region_code"],
            t("col_name", lang): [names.get(c, c) for c in rows["region_code"]],
            t("data_upload_col_year", lang): rows["year"].astype(int),
            t("data_upload_col_value", lang): [fmt_number(v, lang, 2) for v in rows["value"]],
        }
    )
    st.dataframe(shown, hide_index=True, width="stretch")
    if len(aside):
        st.dataframe(
            pd.DataFrame(
                {
                    t("col_code", lang): aside["region_code"],
                    t("data_upload_col_year", lang): aside["year"].astype(int),
                    t("data_upload_col_value", lang): [fmt_number(v, lang, 2) for v in aside["value"]],
                    t("data_upload_col_reason", lang): [t(k.replace("upload_", "data_upload_reason_"), lang) for k in aside["reason_key"]],
                }
            ),
            hide_index=True,
            width="stretch",
        )


def _roles_editor(prepared: pipeline.Prepared, memory: dict, lang: str) -> None:
    """The detected role of every column, each one changeable by the editor."""
    columns = [c for c in prepared.layout.columns if c.role != "empty"]
    with st.expander(t("data_upload_roles", lang)):
        for column in columns:
            role = {"province_code": "province"}.get(column.role, column.role)
            options = list(layout.ROLES) if role in layout.ROLES else [role, *layout.ROLES]
            key = f"upload_role_{column.index}"
            if st.session_state.get(key) not in options:
                st.session_state.pop(key, None)
            st.selectbox(
                md_escape(column.label),
                options,
                index=options.index(memory.get(column.label, role)) if memory.get(column.label, role) in options else 0,
                key=key,
                format_func=lambda r: t(f"data_upload_role_{r}", lang),
                on_change=_remember,
                args=(memory, column.label, key),
            )


def _held_rows(held: pd.DataFrame, memory: dict, lang: str) -> None:
    """Values outside the valid range: each one stored only when the editor ticks it."""
    if held.empty:
        return
    st.warning(tn("data_upload_held", len(held), lang))
    for row in held.itertuples(index=False):
        key = f"upload_confirm_{row.row_no}_{hashlib.sha256(row.column.encode()).hexdigest()[:8]}"
        st.checkbox(
            t(
                "data_upload_held_row",
                lang,
                row=row.row_no,
                region=md_escape(row.region),
                column=md_escape(row.column),
                value=md_escape(row.value_raw),
            ),
            value=bool(row.confirmed),
            key=key,
            on_change=_remember_confirm,
            args=(memory, (int(row.row_no), str(row.column)), key),
        )


def _remember_confirm(memory: dict, pair: tuple[int, str], widget: str) -> None:
    memory[pair] = st.session_state.get(widget) is True


def _ambiguous_pickers(report: pd.DataFrame, memory: dict, lang: str) -> None:
    """One picker per ambiguous region, still drawn once it is settled so the editor can change it;
    the answer is kept in the session's memory, not only in the widget."""
    settled = report["reason_key"].isin(["upload_match_choice", "upload_match_skipped"])
    for row in report[(report["status"] == "ambiguous") | settled].itertuples(index=False):
        options = ["", *row.candidates]
        names = dict(zip(row.candidates, row.candidate_names, strict=False))
        key = f"upload_choice_{row.choice_key}"
        remembered = memory.get(row.choice_key)
        in_file = " · ".join(p for p in (str(row.region), str(row.name), str(row.province)) if p and p != "nan")
        st.selectbox(
            tn("data_upload_pick", row.rows, lang, region=md_escape(in_file)),
            options,
            key=key,
            format_func=lambda c, n=names: t("data_upload_leave_out", lang) if c == "" else f"{c} {n.get(c, '')}",
            index=options.index(remembered) if remembered in options else None,
            on_change=_remember,
            args=(memory, row.choice_key, key),
        )


def _new_indicator_form(lang: str, prefix: str = "new_") -> dict:
    cols = st.columns(2)
    meta = {
        "indicator_id": cols[0]
        .text_input(t("data_new_id", lang), key=f"{prefix}id", max_chars=40, help=t("data_new_id_help", lang))
        .strip(),
        "name_id": cols[0].text_input(t("data_new_name_id", lang), key=f"{prefix}name_id", max_chars=120).strip(),
        "name_en": cols[1].text_input(t("data_new_name_en", lang), key=f"{prefix}name_en", max_chars=120).strip(),
        "unit_id": cols[0].text_input(t("data_new_unit_id", lang), key=f"{prefix}unit_id", max_chars=40).strip(),
        "unit_en": cols[1].text_input(t("data_new_unit_en", lang), key=f"{prefix}unit_en", max_chars=40).strip(),
        "sector": cols[0].selectbox(
            t("data_new_sector", lang), list(SECTORS), key=f"{prefix}sector", format_func=lambda s: label("sectors", s, lang)
        ),
        "direction": cols[1].selectbox(
            t("data_new_direction", lang),
            [1, -1, 0],
            key=f"{prefix}direction",
            format_func=lambda d: t({1: "higher_better", -1: "lower_better", 0: "neutral_direction"}[d], lang),
        ),  # fmt: skip
        "target": cols[0].number_input(t("data_new_target", lang), value=None, key=f"{prefix}target"),
        "decimals": 1,
        "aggregate": "weighted",
        "applies_to": "all",
        "series_group": "",
        "method_id": cols[1].text_input(t("data_new_method_id", lang), key=f"{prefix}method_id", max_chars=300).strip(),
        "method_en": cols[1].text_input(t("data_new_method_en", lang), key=f"{prefix}method_en", max_chars=300).strip(),
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


def _commit(lang, file_name, data, plans, rejected, title, publisher, licence) -> None:
    """Every mapped indicator column stored as the next version of its own dataset, in one go."""
    try:
        user = editor.require_editor()  # checked now, on the server, not only when the form was drawn
    except editor.NotAnEditor:
        st.error(t("data_not_editor", lang))
        return
    source = {"title": title, "publisher": publisher, "licence": licence, "url": "", "citation_id": title, "citation_en": title}
    stored = []
    for plan in plans:
        aside = plan["aside"]
        set_aside = aside.assign(reason=[t(k.replace("upload_", "data_upload_reason_"), lang) for k in aside["reason_key"]])
        all_rejected = pd.concat(
            [rejected[["row_no", "reason_key", "reason"]], set_aside[["row_no", "reason_key", "reason"]]], ignore_index=True
        )
        new_meta = plan["new_meta"]
        try:
            _dataset, version = _store(plan["indicator"], title, file_name, data, user, plan["rows"], all_rejected, source, new_meta)
        except uploads.RegistryError:  # the registry is damaged: nothing is written over it
            st.error(t("data_upload_store_failed_registry", lang))
            _say_stored(stored, lang)
            return
        except uploads.StoreFailed:
            st.error(t("data_upload_store_failed", lang))
            _say_stored(stored, lang)
            return
        except uploads.EmptyUpload:
            continue
        stored.append((plan["label"], len(plan["rows"]), version, len(all_rejected)))
    if stored:
        # Rerun so the page (history, catalogue) shows the new version, and the result replaces the
        # form: pressing the button again would store the same file as yet another version.
        st.session_state["_upload_done"] = {"sha": hashlib.sha256(data).hexdigest(), "stored": stored}
        st.rerun()


def _say_stored(stored: list[tuple[str, int, int, int]], lang: str) -> None:
    for name, n, version, rejected in stored:
        st.success(
            tn("data_upload_done", n, lang, version=version, rejected=tn("count_rows", rejected, lang))
            + (f" — {md_escape(name)}" if len(stored) > 1 else "")
        )


def _store(indicator, title, file_name, data, user, rows, all_rejected, source, new_meta) -> tuple[str, int]:
    return uploads.commit(
        indicator_id=indicator,
        title=title.strip(),
        file_name=file_name,
        file_sha256=hashlib.sha256(data).hexdigest(),
        user=user,
        rows=rows.drop(columns=["row_no"], errors="ignore")[["region_code", "year", "value", "replaces"]],
        rejected=all_rejected,
        source=source,
        new_indicator={k: v for k, v in new_meta.items() if k != "ok"} if new_meta else None,
    )
