"""What each commit wrote, so that a damaged segment file is found when the index is opened.

Whoosh keeps no checksums, and a segment is about thirty files read lazily: a truncated
postings file would go unnoticed until a search happens to decode the missing part, and an
ingest that skips unchanged documents would never meet it. After every commit ingest writes
`files-<generation>.json` beside the table of contents: the size and the CRC-32 of the whole
of each segment file and of the table of contents. Opening the index checks them all: a
flipped byte in the middle of a postings file gave silently wrong answers when only the
first and last 4 KiB were checked (issue 12). Reading them costs about 2.5 ms per megabyte
of index (1 to 3 s at 100,000 documents), so a passed check is stamped (`verified.py`) and
paid again only when a file of the generation changed on the file system.

An index written before manifests existed, or a commit killed before its manifest was
written, simply has none for its generation; the check is then skipped. A record carries a
checksum of its own list (`check`): a record damaged into a wrong file name used to be
reported as a missing segment file, and one that no longer parsed was skipped silently.
Records written before it are trusted as they read.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

from whoosh.index import TOC

from pqsearch.index import verified
from pqsearch.index.durable import write_atomic

MANIFEST_PREFIX = "files-"
_ENDS = 4096
_CHUNK = 1 << 20


def manifest_path(data_dir: Path, generation: int) -> Path:
    return data_dir / f"{MANIFEST_PREFIX}{generation}.json"


def _segment_files(data_dir: Path, ix: Any, generation: int) -> list[Path]:
    toc = TOC.read(ix.storage, ix.indexname, generation)
    prefixes = tuple(f"{segment.segment_id()}." for segment in toc.segments)
    names = [p for p in data_dir.iterdir() if p.name.startswith(prefixes)]
    # The table of contents, and the taxonomy copy sectors are read from (written before
    # the first commit of the run).
    extra = [data_dir / f"_{ix.indexname}_{generation}.toc", data_dir / "taxonomy.toml"]
    return sorted([*names, *(path for path in extra if path.exists())])


def fingerprint(path: Path) -> list[int]:
    """[size, CRC-32 of the whole file]: one flipped byte anywhere changes it."""
    crc = 0
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
    return [size, crc]


def _ends_fingerprint(path: Path) -> list[int]:
    """What manifests written before whole-file checksums record: size, CRCs of the ends."""
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
    files = {p.name: fingerprint(p) for p in _segment_files(data_dir, ix, generation)}
    path = manifest_path(data_dir, generation)
    record = {"generation": generation, "files": files, "check": _list_check(files)}
    write_atomic(path, json.dumps(record, indent=0).encode())
    for old in data_dir.glob(f"{MANIFEST_PREFIX}*.json"):
        if old != path:
            old.unlink(missing_ok=True)
    verified.drop_stamps(data_dir, keep=LEXICON_STAMP)
    return path


def check_manifest(data_dir: Path, generation: int) -> str | None:
    """What is wrong with the files of `generation`, or None (also when it has no manifest).

    A listed file that is gone raises FileNotFoundError: a commit may have replaced the
    generation meanwhile, which the caller tells apart from damage.
    """
    record = manifest_path(data_dir, generation)
    started = verified.check_started()
    recorded, problem = _read_record(record)
    if problem is not None or recorded is None:
        return problem
    # Once checked whole, a generation is read again only if a file of it changed since
    # (`verified.py` says what this gives up).
    paths = [record, *(data_dir / name for name in recorded)]
    key = str(generation)
    if verified.is_stamped(data_dir, key, paths):
        return None
    for name, expected in recorded.items():
        path = data_dir / name
        actual = fingerprint(path) if len(expected) == 2 else _ends_fingerprint(path)
        if actual[0] != expected[0]:
            return f"the file {path} has {actual[0]:,} bytes where the index wrote {expected[0]:,}"
        if actual != expected:
            return f"the file {path} was changed after the index wrote it"
    verified.stamp(data_dir, key, paths, started)
    return None


def _list_check(files: dict[str, Any]) -> int:
    """The CRC-32 of a record's list of files, in one canonical spelling."""
    return zlib.crc32(json.dumps(files, sort_keys=True, separators=(",", ":")).encode())


def _read_record(record: Path) -> tuple[dict[str, Any] | None, str | None]:
    """(files listed, None), (None, what is wrong with the record), or (None, None) when
    there is no record to check against (never written, or replaced by a newer commit)."""
    try:
        text = record.read_bytes()
    except OSError:
        return None, None
    damaged = f"its file record {record} was changed after the index wrote it"
    try:
        content = json.loads(text)
        files = content["files"]
        if not isinstance(files, dict):
            return None, damaged
    except (ValueError, KeyError, TypeError):
        return None, damaged
    check = content.get("check")
    if check is not None and check != _list_check(files):
        return None, damaged
    return files, None


# The lexicon is shared by the generations of a data folder and grows with each ingest, so
# its checksum lives apart: dropped before an ingest writes it, recorded once it is whole.
LEXICON_SUM = "lexicon.sum"
LEXICON_STAMP = "lexicon"


def drop_lexicon_sum(data_dir: Path) -> None:
    """Before an ingest changes the lexicon: its recorded checksum no longer holds."""
    (data_dir / LEXICON_SUM).unlink(missing_ok=True)
    verified.stamp_path(data_dir, LEXICON_STAMP).unlink(missing_ok=True)


def record_lexicon(data_dir: Path, lexicon: Path) -> None:
    """After an ingest closed the lexicon (checkpointed into one file): its checksum."""
    write_atomic(data_dir / LEXICON_SUM, json.dumps({"lexicon": fingerprint(lexicon)}).encode())


def generation_files(data_dir: Path, generation: int) -> list[Path] | None:
    """The record of `generation` and every file it lists (None: no record): what a stamp of
    a fact about the generation's files watches (its postings format, `store`)."""
    record = manifest_path(data_dir, generation)
    try:
        recorded = json.loads(record.read_text())["files"]
        return [record, *(data_dir / name for name in recorded)]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def check_lexicon(data_dir: Path, lexicon: Path) -> str | None:
    """What is wrong with the lexicon, or None (also when no checksum is recorded: an
    ingest is writing it, was killed, or the index is older)."""
    started = verified.check_started()
    recorded = _lexicon_sum(data_dir)
    if recorded is None:
        return None
    paths = [data_dir / LEXICON_SUM, lexicon]
    if verified.is_stamped(data_dir, LEXICON_STAMP, paths):
        return None
    try:
        actual = fingerprint(lexicon)
    except OSError:
        return None
    if actual == recorded:
        verified.stamp(data_dir, LEXICON_STAMP, paths, started)
        return None
    # An ingest that started meanwhile dropped the record before changing the file.
    if _lexicon_sum(data_dir) != recorded:
        return None
    return f"its lexicon {lexicon} was changed after the index wrote it"


def check_file(data_dir: Path, generation: int, name: str) -> str | None:
    """What is wrong with one file the record of `generation` lists (None: fine, or not
    recorded). The table of contents is a pickle: checked before Whoosh unpickles it."""
    recorded, problem = _read_record(manifest_path(data_dir, generation))
    if problem is not None or recorded is None:
        return problem
    expected = recorded.get(name)
    if not isinstance(expected, list):
        return None
    try:
        actual = fingerprint(data_dir / name)
    except OSError:
        return None
    if len(expected) == 2 and actual != expected:
        return f"the file {data_dir / name} was changed after the index wrote it"
    return None


def _lexicon_sum(data_dir: Path) -> list[int] | None:
    try:
        value = json.loads((data_dir / LEXICON_SUM).read_text())["lexicon"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return [int(v) for v in value] if isinstance(value, list) else None


__all__ = [
    "check_file",
    "check_lexicon",
    "check_manifest",
    "drop_lexicon_sum",
    "fingerprint",
    "generation_files",
    "manifest_path",
    "record_lexicon",
    "write_manifest",
]
