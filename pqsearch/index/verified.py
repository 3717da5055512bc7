"""A record that a set of files was checked whole, so that the next reader need not read them.

Checking every byte of every segment file at each open (`manifest.check_manifest`) costs
about 1 to 3 s per cold search at 100,000 documents: a terminal search is always a cold
one. Once the files of a generation have matched their checksums, `stamp` records each
file's size, modification and change times (nanoseconds) and inode; while all of them are
the same, `is_stamped` says the check can be skipped.

What this keeps: any change made through the file system after the check (a write, a
truncation, a copy or a restore, even one that sets the modification time back) changes the
change time or the inode, and the next open checks every byte again. What it gives up:
damage that bypasses the file system (a flipped bit on the medium) after a successful check
is found when a search reads the damaged part, as Whoosh's reads raise, or by a check
forced with `PQSEARCH_VERIFY=always`, no longer at every open.

File systems keep coarse times (a clock tick, 2 s on some): a file changed twice within
one tick could keep its change time. A file is therefore stamped only when its last change
is at least `SETTLE_SECONDS` older than the start of the check; fresher files (those an
ingest has just written) are checked again by the next open, which stamps them.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from pqsearch.index import durable

VERIFIED_PREFIX = "verified-"
# Set PQSEARCH_VERIFY=always to check every byte at every open, as before stamps existed.
VERIFY_ENV = "PQSEARCH_VERIFY"
SETTLE_SECONDS = 2.0


def stamp_path(data_dir: Path, key: str) -> Path:
    return data_dir / f"{VERIFIED_PREFIX}{key}.json"


def _state(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def is_stamped(data_dir: Path, key: str, paths: list[Path]) -> bool:
    """Whether every one of `paths` is as it was when a check of them passed."""
    if os.environ.get(VERIFY_ENV) == "always":
        return False
    try:
        recorded = json.loads(stamp_path(data_dir, key).read_text())["files"]
        return bool(paths) and all(recorded.get(p.name) == _state(p) for p in paths)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def check_started() -> int:
    """The time to pass to `stamp`: taken before the first byte is read."""
    return time.time_ns()


def stamp(data_dir: Path, key: str, paths: list[Path], started_ns: int) -> None:
    """Record that `paths` passed a whole check begun at `started_ns` (best effort: a
    read-only index keeps no stamp, and every open checks it in full)."""
    settled = started_ns - int(SETTLE_SECONDS * 1e9)
    try:
        states = {p.name: _state(p) for p in paths}
    except OSError:
        return
    if not states or any(max(s[1], s[2]) > settled for s in states.values()):
        return
    # Whole or absent, but not synced: a stamp lost in a crash only means one more check.
    durable.write_quietly(stamp_path(data_dir, key), json.dumps({"files": states}))


def drop_stamps(data_dir: Path, keep: str | None = None) -> None:
    """Remove the stamps of `data_dir` but the one of `keep`."""
    for old in data_dir.glob(f"{VERIFIED_PREFIX}*.json"):
        if keep is None or old != stamp_path(data_dir, keep):
            old.unlink(missing_ok=True)


__all__ = ["VERIFY_ENV", "check_started", "drop_stamps", "is_stamped", "stamp", "stamp_path"]
