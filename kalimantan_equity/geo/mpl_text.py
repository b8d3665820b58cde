"""Names drawn by matplotlib are text, never maths.

Matplotlib reads anything between two ``$`` as TeX-like maths: an indicator or region name such
as ``Belanja (US$) per kapita (US$)`` lost its spaces in map images and slide charts, and an odd
one (``$\\frac{$``) made the image fail. Turning maths off (``text.parse_math``) is not enough:
matplotlib measures wrapped titles as maths regardless. An escaped ``\\$`` is drawn as ``$``.
"""

from __future__ import annotations


def mpl_escape(text: str) -> str:
    """``text`` as matplotlib should draw it: every ``$`` a dollar sign, never the start of maths."""
    return text.replace("$", r"\$")
