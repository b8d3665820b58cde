"""Benchmark: what a freshly started server pays for the map's classes before its first page.

Prints, in one run and each in a fresh interpreter, the import of ``services.classify`` as it is
now (quantiles and equal intervals computed in numpy) and with ``mapclassify`` imported too, as
``services/classify.py`` did at its top until 2026-12 (numba compiles Fisher-Jenks at import,
and scipy.stats, scikit-learn and matplotlib.pyplot load). Usage: ``python bench/bench_cold_classes.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = "import time; t = time.perf_counter(); {extra}import kalimantan_equity.services.classify; print(time.perf_counter() - t)"


def seconds(extra: str) -> float:
    out = subprocess.run([sys.executable, "-c", CODE.format(extra=extra)], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    for _ in range(3):
        before, after = seconds("import mapclassify; "), seconds("")
        print(f"import before (with mapclassify): {before:5.2f} s   after: {after:5.2f} s")
