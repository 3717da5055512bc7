"""The sector facet's labels ("F Construction"), kept beside the index's taxonomy.

The sector facets show each sector id with its French label, from the taxonomy the index
was built with. Parsing and checking that TOML took 11 to 20 ms of every search from a
fresh process (the terminal's every search) for about twenty labels. The labels are saved
once beside the taxonomy (`sector-labels.json`) with the SHA-256 of the taxonomy's bytes they
were made from and one of their own content: a file made from another taxonomy, or damaged,
is made again; a folder that cannot be written to (a read-only index) parses the taxonomy at
each fresh search, as before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from pqsearch.index import durable

LABELS_FILE = "sector-labels.json"


def saved_labels(taxonomy: Path, raw: bytes, make: Callable[[], dict[str, str]]) -> dict[str, str]:
    """Sector id -> label for the taxonomy file `taxonomy` whose bytes (as the reader holds
    them) are `raw`: read from the file saved beside it when that was made from the same
    bytes, else `make()` (then saved, best effort)."""
    source = _digest(raw)
    path = taxonomy.with_name(LABELS_FILE)
    found = _read(path, source)
    if found is None:
        found = make()
        _write(path, source, found)
    return found


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _canonical(labels: dict[str, str]) -> bytes:
    return json.dumps(labels, ensure_ascii=False, sort_keys=True).encode()


def _read(path: Path, source: str) -> dict[str, str] | None:
    try:
        saved = json.loads(path.read_bytes())
        labels = saved["labels"]
        if saved["taxonomy"] != source or saved["labels_sha256"] != _digest(_canonical(labels)):
            return None
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in labels.items()):
            return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return dict(labels)


def _write(path: Path, source: str, labels: dict[str, str]) -> None:
    content = {"taxonomy": source, "labels_sha256": _digest(_canonical(labels)), "labels": labels}
    durable.write_quietly(path, json.dumps(content, ensure_ascii=False))


__all__ = ["LABELS_FILE", "saved_labels"]
