"""What each commit wrote, so that a damaged segment file is found when the index is opened.

Whoosh keeps no checksums, and a segment is about thirty files read lazily: a truncated
postings file would go unnoticed until a search happens to decode the missing part, and an
ingest that skips unchanged documents would never meet it. After every commit ingest writes
`files-<generation>.json` beside the table of contents: each segment file's size and a CRC
of its first and last 4 KiB. Opening the index checks them (a few stats and small reads).

An index written before manifests existed, or a commit killed before its manifest was
written, simply has none for its generation; the check is then skipped.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

from whoosh.index import TOC

MANIFEST_PREFIX = "files-"
_ENDS = 4096


def manifest_path(data_dir: Path, generation: int) -> Path:
    return data_dir / f"{MANIFEST_PREFIX}{generation}.json"


def _segment_files(data_dir: Path, ix: Any, generation: int) -> list[Path]:
    toc = TOC.read(ix.storage, ix.indexname, generation)
    prefixes = tuple(f"{segment.segment_id()}." for segment in toc.segments)
    return sorted(p for p in data_dir.iterdir() if p.name.startswith(prefixes))


def _fingerprint(path: Path) -> list[int]:
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        head = handle.read(_ENDS)
        handle.seek(max(0, size - _ENDS))
        tail = handle.read(_ENDS)
    return [size, zlib.crc32(head), zlib.crc32(tail)]


def write_manifest(ix: Any) -> Path:
    """Record the files of the index's latest generation; drop older generations' records."""
    data_dir = Path(ix.storage.folder)
    generation = int(ix.latest_generation())
    files = {p.name: _fingerprint(p) for p in _segment_files(data_dir, ix, generation)}
    path = manifest_path(data_dir, generation)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"generation": generation, "files": files}, indent=0))
    os.replace(tmp, path)
    for old in data_dir.glob(f"{MANIFEST_PREFIX}*.json"):
        if old != path:
            old.unlink(missing_ok=True)
    return path


def check_manifest(data_dir: Path, generation: int) -> str | None:
    """What is wrong with the files of `generation`, or None (also when it has no manifest).

    A listed file that is gone raises FileNotFoundError: a commit may have replaced the
    generation meanwhile, which the caller tells apart from damage.
    """
    try:
        recorded = json.loads(manifest_path(data_dir, generation).read_text())["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for name, expected in recorded.items():
        path = data_dir / name
        actual = _fingerprint(path)
        if actual[0] != expected[0]:
            return f"the file {path} has {actual[0]:,} bytes where the index wrote {expected[0]:,}"
        if actual != expected:
            return f"the file {path} was changed after the index wrote it"
    return None


__all__ = ["check_manifest", "manifest_path", "write_manifest"]
