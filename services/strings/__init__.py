"""The translation catalogue, one module per page or area so each page owns its words.

Every module defines ``STRINGS = {key: {"id": ..., "en": ...}}``; :func:`merged` joins them into
the one catalogue that :func:`services.i18n.t` reads, and refuses a key defined twice.
"""

from __future__ import annotations

import importlib
import pkgutil


def merged() -> dict[str, dict[str, str]]:
    catalogue: dict[str, dict[str, str]] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for key, texts in module.STRINGS.items():
            if key in catalogue:
                raise ValueError(f"translation key {key!r} is defined twice (again in {module_info.name})")
            catalogue[key] = texts
    return catalogue
