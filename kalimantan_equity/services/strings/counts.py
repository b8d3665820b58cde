"""Counts with a noun, for any page: ``tn("count_rows", n, lang)`` gives "1 row" / "2 rows".

Indonesian nouns do not change with the number ("1 baris", "2 baris"); English ones do, by Babel's
(CLDR) plural rules. A sentence around a count is its own entry with plural forms where the count
is its subject (``data_upload_commit``); these are for a count inside a sentence, filled in first.
"""

from kalimantan_equity.services.strings import Text

STRINGS: dict[str, dict[str, Text]] = {
    "count_rows": {"id": "{n} baris", "en": {"one": "{n} row", "other": "{n} rows"}},
}
