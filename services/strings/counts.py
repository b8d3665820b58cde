"""Counts with a noun, for any page: ``tn("count_villages", n, lang)`` gives "1 village" / "2 villages".

Indonesian nouns do not change with the number ("1 desa", "2 desa"); English ones do, by Babel's
(CLDR) plural rules. A sentence around a count is its own entry with plural forms where the count
is its subject (``data_upload_commit``); these are for a count inside a sentence, filled in first.
"""

from services.strings import Text

STRINGS: dict[str, dict[str, Text]] = {
    "count_villages": {"id": "{n} desa", "en": {"one": "{n} village", "other": "{n} villages"}},
    "count_districts": {"id": "{n} kecamatan", "en": {"one": "{n} district", "other": "{n} districts"}},
    "count_regencies": {"id": "{n} kabupaten/kota", "en": {"one": "{n} regency", "other": "{n} regencies"}},
    "count_rows": {"id": "{n} baris", "en": {"one": "{n} row", "other": "{n} rows"}},
    "count_values": {"id": "{n} nilai", "en": {"one": "{n} value", "other": "{n} values"}},
    "count_points": {"id": "{n} titik", "en": {"one": "{n} point", "other": "{n} points"}},
    "count_versions": {"id": "{n} versi", "en": {"one": "{n} version", "other": "{n} versions"}},
}
