"""PNG and SVG downloads under a map or chart, stamped and made on the server only when clicked."""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from kalimantan_equity.geo.render import Stamp
from kalimantan_equity.services import chart_image
from kalimantan_equity.services.i18n import t
from kalimantan_equity.ui.components import meeting

Maker = Callable[[str], bytes]  # image format ("png" or "svg") -> the file's bytes


def chart(figure: go.Figure, stamp: Stamp) -> Maker:
    """A chart exported by Kaleido in the server's Chromium."""
    return lambda fmt: chart_image.image(figure, stamp, fmt)


def buttons(make: Maker, file_stem: str, key: str, lang: str, needs_browser: bool = True) -> None:
    """Two small buttons; hidden while presenting (the slide shows the chart, not the tools)."""
    if meeting.is_on():
        return
    if needs_browser and not chart_image.available():
        st.caption(t("chart_images_unavailable", lang))
        return
    with st.container(horizontal=True):
        for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
            st.download_button(
                t(f"chart_{fmt}", lang),
                data=lambda fmt=fmt: make(fmt),  # built on click only
                file_name=f"{file_stem}.{fmt}",
                mime=mime,
                key=f"{key}_{fmt}",
                help=t("chart_download_help", lang),
                icon=":material/download:",
                type="tertiary",
                on_click="ignore",
            )
