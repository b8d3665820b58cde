"""The one-page regency profile (PDF): every highlights cell is printed in full inside its column."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>')


def pdf_words(data: bytes, folder: Path) -> list[tuple[float, float, float, str]]:
    """Each word printed on the page with where it sits (xMin, yMin, xMax), by poppler's pdftotext."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("poppler-utils (pdftotext) is needed to read the profile PDF: scripts/_libreoffice.sh installs it")
    source = folder / "sheet.pdf"
    source.write_bytes(data)
    out = subprocess.run([pdftotext, "-bbox", str(source), "-"], check=True, capture_output=True, text=True, timeout=60).stdout
    return [(float(x0), float(y0), float(x1), html.unescape(w)) for x0, y0, x1, w in _WORD.findall(out)]


def column_texts(
    words: list[tuple[float, float, float, str]], columns: list[str], first_source: str
) -> tuple[list[float], list[list[tuple[float, float, str]]]]:
    """Where each column starts, and the table's words column by column (top to bottom, left to
    right), each with its top and its right end.

    A column starts where its heading starts; the table ends where the sources begin."""
    heads = [c.split()[0] for c in columns]
    header = next(
        (y, xs)
        for _x, y, _x1, w in words
        if w == heads[0]
        for xs in [[next((x0 for x0, y0, _, w0 in words if w0 == h and abs(y0 - y) < 1), None) for h in heads]]
        if None not in xs
    )
    header_y, starts = header
    bottom = min(y for x, y, _, w in words if w == first_source.split()[0] and y > header_y)
    edges = [*starts[1:], float("inf")]
    table = sorted((y, x, x1, w) for x, y, x1, w in words if header_y - 1 < y < bottom)
    return starts, [[(y, x1, w) for y, x, x1, w in table if start - 3 <= x < edge - 3] for start, edge in zip(starts, edges, strict=True)]


def cut_cells(words: list[tuple[float, float, float, str]], columns: list[str], rows: list[list[str]], first_source: str) -> list[str]:
    """Each heading or cell not printed in full in its column, or running into the next column."""
    starts, texts = column_texts(words, columns, first_source)
    problems = []
    for i, column in enumerate(texts):
        printed = " ".join(w for _, _, w in column)
        problems += [f"column {i}: {row[i]!r} not in {printed!r}" for row in [columns, *rows] if " ".join(row[i].split()) not in printed]
        if i + 1 < len(texts):  # its text ends before the next column's cell (whose text starts after a padding)
            problems += [f"column {i} runs into column {i + 1}: {w!r}" for _, right, w in column if right > starts[i + 1] - 2]
    return problems


@pytest.mark.parametrize(("region", "lang"), [("61.06", "id"), ("61.06", "en"), ("61.04", "id")])
def test_every_highlights_cell_is_printed_in_full_inside_its_column(real_env: Path, tmp_path: Path, region: str, lang: str) -> None:
    """The bug: the area 'SPM Pekerjaan umum (air minum, sanitasi)' was cut to '… (air minum, sa' by the
    next column; long cells now wrap onto a second line within their own column."""
    from kalimantan_equity.services import briefings
    from kalimantan_equity.ui import exports

    sheet = exports.profile_sheet(region, lang)
    assert any(len(row[1]) > 30 for row in sheet.rows)  # a long area name, as the bug needed
    words = pdf_words(briefings.profile_pdf(sheet), tmp_path)
    assert cut_cells(words, sheet.columns, sheet.rows, sheet.sources[0]) == []


def test_the_profile_slide_prints_every_cell_in_full_above_its_sources(real_env: Path, tmp_path: Path) -> None:
    """The slide's table as LibreOffice draws it: every cell whole inside its column, and the table
    (rows grow when a cell wraps) ends above the sources at the slide's foot."""
    from kalimantan_equity.ui import exports
    from tests.test_deck import outside_shapes, render_pages

    sheet = exports.profile_sheet("61.06", "id")
    data = exports.profile_deck(["61.06"], "id")
    assert outside_shapes(data) == []
    render_pages(data, tmp_path)
    out = subprocess.run([shutil.which("pdftotext") or "pdftotext", "-bbox", "-f", "2", "-l", "2", str(tmp_path / "deck.pdf"), "-"],
                         check=True, capture_output=True, text=True, timeout=60).stdout  # fmt: skip
    words = [(float(x0), float(y0), float(x1), html.unescape(w)) for x0, y0, x1, w in _WORD.findall(out)]
    assert cut_cells(words, sheet.columns, sheet.rows, sheet.sources[0]) == []
    _, texts = column_texts(words, sheet.columns, sheet.sources[0])
    lines = {round(y) for column in texts for y, _, _ in column}
    assert len(lines) == len(sheet.rows) + 1  # one line a row: no cell wrapped, so no row grew
