"""A document's stored record (the question as JSON with what analysis added): how it is
written, and read in either of the forms an index may hold.

Whoosh compresses each document's stored fields alone (zlib, level 3): a record of a few
kilobytes repeats its keys, its sectors' labels and evidence, and the minister's role, with
nothing of the other records to share them with. Records are now compact JSON compressed
with zlib at level 9 from a preset dictionary of what records repeat
(`data/record-dictionary-1.txt`, made by `benchmarks/record_dictionary.py`: keys, sector
labels and terms, parliamentary roles and formulas, no document's text), then base64: Whoosh
pickles a stored value with protocol 2, which writes bytes as a latin-1 string (two bytes
for most compressed ones), and its own zlib then gives base64's 6 bits per character back.
19 % smaller stored records at 3,000 documents (BENCHMARKS.md).

Forms, told apart by the first character:
- `{`: the record as JSON, what every index written before holds; read as it is;
- `1`: the form above with dictionary 1.
A dictionary is never changed once records use it: a better one is a new file and a new
character, and the old ones stay readable.
"""

from __future__ import annotations

import base64
import json
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources
from typing import Any

_FORM = "1"
_DICTIONARIES = {_FORM: "record-dictionary-1.txt"}
_LEVEL = 9
# Raw deflate (no zlib header or checksum): Whoosh's own zlib stream around the stored
# fields already checks them.
_WINDOW = -15


@cache
def _dictionary(form: str) -> bytes:
    return (resources.files("pqsearch") / "data" / _DICTIONARIES[form]).read_bytes()


def encode_record(record: dict[str, Any]) -> str:
    """The stored form of a record."""
    raw = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, _WINDOW, zdict=_dictionary(_FORM))
    packed = compressor.compress(raw) + compressor.flush()
    return _FORM + base64.b64encode(packed).decode("ascii")


def record_json(stored: str) -> str:
    """The JSON text of a stored record, whichever form it was written in."""
    form = stored[:1]
    if form == "{":
        return stored
    if form not in _DICTIONARIES:
        raise ValueError(f"a stored record of an unknown form {form!r}")
    decompressor = zlib.decompressobj(_WINDOW, zdict=_dictionary(form))
    packed = base64.b64decode(stored[1:])
    return (decompressor.decompress(packed) + decompressor.flush()).decode("utf-8")


def decode_record(stored: str) -> dict[str, Any]:
    """A stored record as a dict, whichever form it was written in."""
    return dict(json.loads(record_json(stored)))


# Stored records kept per generation, parsed, least recently used dropped: about 20 MB at
# the benchmark's records (20 kB each parsed, 6 kB as JSON: the sectors' evidence is most of
# their dicts). 51 pages of 20 hits; the benchmark's 55 queries show 638 documents.
MAX_PARSED = 1024


class ParsedRecords:
    """The records a generation's readers read last, parsed once and shared by their threads
    (a page's hits come back with the next page, a refined query, the document opened)."""

    def __init__(self, limit: int = MAX_PARSED) -> None:
        self._limit = limit
        self._lock = threading.Lock()
        self._parsed: OrderedDict[int, dict[str, Any]] = OrderedDict()

    def get(self, docnum: int, stored: Callable[[], str]) -> Mapping[str, Any]:
        """Document `docnum`'s record, read with `stored` (its JSON text) unless kept:
        shared, so never to be changed by the caller (`own_copy` gives one to change)."""
        with self._lock:
            parsed = self._parsed.get(docnum)
            if parsed is not None:
                self._parsed.move_to_end(docnum)
                return parsed
        parsed = dict(json.loads(stored()))
        with self._lock:
            self._parsed[docnum] = parsed
            if len(self._parsed) > self._limit:
                self._parsed.popitem(last=False)
        return parsed


def own_copy(value: Any) -> Any:
    """A parsed JSON value with its dicts and lists copied (the rest is immutable)."""
    if isinstance(value, dict):
        return {key: own_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [own_copy(item) for item in value]
    return value
