"""Every page's view reopens from its link: a copied link, opened in a fresh session, shows the same
view (language and meeting mode included) and writes back the same link."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_links import open_link

TIMEOUT = 240
# A non-default view of each page, as a user would have copied it (all values differ from defaults).
LINKS = {
    None: (  # the equity map, at /
        {
            "ind": "idm_score",
            "lvl": "kabupaten",
            "yr": "2023",
            "prov": "64",
            "types": "kabupaten,perbatasan",
            "scheme": "equal_interval",
            "k": "4",
            "steps": "bps_p0,idm_score",
            "sel": "64.11",
            "sungai": "1",
        },  # fmt: skip
        {
            "ind": "ind",
            "lvl": "lvl",
            "yr": "yr",
            "prov": "prov",
            "types": "types",
            "scheme": "scheme",
            "k": "k",
            "steps": "steps",
            "sel": "selected_region",
            "sungai": "map_rivers",
        },  # fmt: skip
    ),
    "gap_analysis.py": ({"ind": "idm_score", "lvl": "kabupaten", "yr": "2023"}, {"ind": "gap_ind", "lvl": "gap_lvl", "yr": "gap_yr"}),
    "regency_profile.py": ({"region": "64.11", "langkah": "61.06,64.11"}, {"region": "profile_region", "langkah": "profile_steps"}),
    "service_access.py": (
        {"kab": "64.11", "km": "30", "jenis": "plbn,kanim", "status": "open,planned", "memutar": "1.5"},
        {"kab": "access_kab", "km": "access_km", "jenis": "access_kinds", "status": "access_statuses", "memutar": "access_detour"},
    ),
    "data_catalogue.py": ({"q": "kemiskinan"}, {"q": "data_q"}),
    "about_data.py": ({}, {}),
}


def _as_link_text(value: object) -> str:
    if isinstance(value, bool):  # a checkbox: "1" in a link when on
        return "1" if value else "0"
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    return str(value)


@pytest.mark.parametrize("page", list(LINKS), ids=lambda p: p or "equity_map.py")
def test_every_page_reopens_from_its_link_and_writes_the_same_link_back(real_env: Path, page: str | None) -> None:
    params, keys = LINKS[page]
    at = open_link(page, params, frame={"lang": "en", "rapat": "1"}, timeout=TIMEOUT)
    assert not at.exception
    # the view: each parameter landed in its widget, in English, in meeting mode
    assert {name: _as_link_text(at.session_state[key]) for name, key in keys.items()} == params
    assert at.toggle(key="meeting").value is True and at.radio(key="lang").value == "en"
    assert not [c.value for c in at.caption if c.value.startswith("Part of the link was ignored")]
    # the link: what the page writes back is the link it was opened with
    written = {key: _as_link_text(at.query_params[key]) for key in at.query_params}
    assert {key: written.get(key) for key in params} == params
    assert written["lang"] == "en" and written["rapat"] == "1"
