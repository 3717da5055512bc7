"""The parse step: documents (HTML pages, their text rendering, JSON Lines) -> `Question`.

Pure: no spaCy, no index. `parse_file`/`parse_bytes` take one document and raise a
`ParseError` subclass naming the file and the problem; `iter_parse`/`parse_paths` take files
and folders and report failures instead of raising.
"""

from pqsearch.parse.batch import DOCUMENT_SUFFIXES, iter_parse, parse_paths
from pqsearch.parse.document import parse_bytes, parse_file
from pqsearch.parse.fields import content_hash
from pqsearch.parse.jsonl import parse_jsonl_lines

__all__ = [
    "DOCUMENT_SUFFIXES",
    "content_hash",
    "iter_parse",
    "parse_bytes",
    "parse_file",
    "parse_jsonl_lines",
    "parse_paths",
]
