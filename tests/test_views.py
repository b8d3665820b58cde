"""The shared figure cache: one build per view, a new build when the data behind it changes."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kalimantan_equity.ui import views

CALLS: list[int] = []


def _bar(frame: pd.DataFrame, title: str) -> go.Figure:
    CALLS.append(len(frame))
    return go.Figure(go.Bar(x=frame["code"].tolist(), y=frame["value"].tolist()), layout={"title": title})


def test_a_view_is_built_once_and_changed_data_is_a_new_view() -> None:
    views._spec.clear()
    CALLS.clear()
    frame = pd.DataFrame({"code": ["61.01", "61.02"], "value": [1.0, 2.0]})
    first = views.figure(_bar, frame, title="Peta")
    again = views.figure(_bar, frame.copy(), title="Peta")  # another session, the same view
    assert CALLS == [2]
    assert first.to_dict() is again.to_dict()  # the same shared dict, not a copy
    assert list(first.to_dict()["data"][0]["y"]) == [1.0, 2.0]
    changed = frame.assign(value=[1.0, 5.0])  # an upload changed one value
    assert list(views.figure(_bar, changed, title="Peta").to_dict()["data"][0]["y"]) == [1.0, 5.0]
    assert views.figure(_bar, frame, title="Map").to_dict()["layout"]["title"]["text"] == "Map"  # another language
    assert CALLS == [2, 2, 2]


def test_very_long_frames_are_keyed_by_every_row() -> None:
    """Streamlit's own hash would key a frame this long by a sample of its rows; one changed row in
    the middle must still be another view."""
    CALLS.clear()
    frame = pd.DataFrame({"code": [str(i) for i in range(60_000)], "value": 1.0})
    first = views.figure(_bar, frame, title="x")
    assert views.figure(_bar, frame.copy(), title="x").to_dict() is first.to_dict()
    changed = frame.copy()
    changed.loc[31_337, "value"] = 2.0
    assert views.figure(_bar, changed, title="x").to_dict()["data"][0]["y"][31_337] == 2.0
    assert CALLS == [60_000, 60_000]


def test_the_content_key_tells_apart_what_a_figure_would_show_differently() -> None:
    base = pd.DataFrame({"code": ["61.01", "61.02"], "value": [1.0, float("nan")], "name": ["Sambas", None]})
    same = [base.copy(), base.iloc[[0, 1]].copy()]
    different = [
        base.assign(value=[1.0, 0.0]),  # a missing value became a number
        base.assign(name=["Sambas", "Bengkayang"]),  # a name appeared
        base.rename(columns={"value": "nilai"}),
        base.astype({"value": "float32"}),
        base.iloc[::-1],  # the same rows in another order
        base.set_index("code"),
        base.iloc[:1],
    ]
    key = views.content_key(base)
    assert all(views.content_key(f) == key for f in same)
    assert len({key, *(views.content_key(f) for f in different)}) == 1 + len(different)
    assert views.content_key(base["value"]) != views.content_key(base["value"].fillna(0))
