"""Officials' own tables (CSV or Excel) turned into a checked long table and a match report.

Pure Python: no Streamlit, no SQL. The page calls :func:`prepare`, shows ``report``,
``rejected`` and ``findings`` (every key translatable through ``services/strings/upload.py``),
and stores ``clean`` once the user has confirmed. See ``pipeline.py`` for the flow.
"""

from kalimantan_equity.services.upload.match import CodeSystemDecision
from kalimantan_equity.services.upload.pipeline import ColumnFormat, Prepared, SourceInfo, prepare
from kalimantan_equity.services.upload.reader import MAX_CELLS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, Explanation, UploadError

__all__ = [
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "CodeSystemDecision",
    "ColumnFormat",
    "Explanation",
    "Prepared",
    "SourceInfo",
    "UploadError",
    "prepare",
]
