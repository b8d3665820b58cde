"""The translation catalogue, one module per page or area so each page owns its words.

Every module defines ``STRINGS = {key: {"id": ..., "en": ...}}``; :func:`merged` joins them into
the one catalogue that :func:`services.i18n.t` reads, and refuses a key defined twice. A text that
holds a count may give its plural forms instead of one text (``{"one": ..., "other": ...}``, CLDR
categories; ``other`` always), read by :func:`services.i18n.tn`.
"""

from __future__ import annotations

import importlib
import pkgutil

Text = str | dict[str, str]  # one text, or plural forms by CLDR category ("one", "other")


def merged() -> dict[str, dict[str, Text]]:
    catalogue: dict[str, dict[str, Text]] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for key, texts in module.STRINGS.items():
            if key in catalogue:
                raise ValueError(f"translation key {key!r} is defined twice (again in {module_info.name})")
            catalogue[key] = texts
    return catalogue
