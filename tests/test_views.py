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


def test_very_long_frames_are_not_keyed_by_a_sample() -> None:
    CALLS.clear()
    frame = pd.DataFrame({"code": [str(i) for i in range(60_000)], "value": 1.0})
    fig = views.figure(_bar, frame, title="x")
    views.figure(_bar, frame, title="x")
    assert isinstance(fig, go.Figure) and not isinstance(fig, views.Prebuilt)
    assert CALLS == [60_000, 60_000]
