"""The parse step: documents (HTML pages, their text rendering, JSON Lines) -> `Question`.

Pure: no spaCy, no index. `parse_file`/`parse_bytes` take one document and raise a
`ParseError` subclass naming the file and the problem; `iter_parse`/`parse_paths` take files
and folders and report failures instead of raising.
"""

from typing import TYPE_CHECKING

from pqsearch.lazy import lazy_exports

if TYPE_CHECKING:
    from pqsearch.parse.batch import DOCUMENT_SUFFIXES, iter_parse, parse_paths
    from pqsearch.parse.document import parse_bytes, parse_file
    from pqsearch.parse.fields import content_hash
    from pqsearch.parse.jsonl import parse_jsonl_lines

# Imported on first use: the index and the query layer read `parse.versions` alone.
__getattr__, __dir__ = lazy_exports(
    __name__,
    globals(),
    {
        "DOCUMENT_SUFFIXES": "pqsearch.parse.batch",
        "iter_parse": "pqsearch.parse.batch",
        "parse_paths": "pqsearch.parse.batch",
        "parse_bytes": "pqsearch.parse.document",
        "parse_file": "pqsearch.parse.document",
        "content_hash": "pqsearch.parse.fields",
        "parse_jsonl_lines": "pqsearch.parse.jsonl",
    },
)

__all__ = [
    "DOCUMENT_SUFFIXES",
    "content_hash",
    "iter_parse",
    "parse_bytes",
    "parse_file",
    "parse_jsonl_lines",
    "parse_paths",
]
