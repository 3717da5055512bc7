"""The temporary files pqsearch writes beside a file it replaces: the only ones it deletes.

pqsearch writes into folders that also hold the user's own files (a harvest folder is the
user's corpus, an export goes anywhere), so a leftover clean-up by pattern (`.*.tmp`) deleted a
user's `.notes.tmp` (session 9's closing note). Every temporary name pqsearch makes is now
`.<name>.pqsearch-<16 hex digits>.tmp`: a fixed word no one else writes and a random part, made
with O_EXCL and O_NOFOLLOW (a file or link planted at that name is never written through, and
two writers never share one), and a clean-up deletes only names of exactly that shape.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from pathlib import Path

_SHAPE = re.compile(r"^\..+\.pqsearch-[0-9a-f]{16}\.tmp$")


def name_for(path: Path) -> Path:
    """A fresh temporary name beside `path` (not created)."""
    # The random part straight from os.urandom, as `secrets.token_hex` makes it: importing
    # secrets brings hmac and OpenSSL's hashlib, 5 ms, and a terminal search writes one file
    # at times (the stamp of a check, `index.verified`, once an ingest's files settle).
    return path.with_name(f".{path.name}.pqsearch-{os.urandom(8).hex()}.tmp")


def is_ours(name: str) -> bool:
    """Whether a file name has the shape of pqsearch's temporary names."""
    return _SHAPE.match(name) is not None


def create(path: Path, mode: int = 0o666) -> tuple[int, Path]:
    """Create and open for writing a temporary file beside `path` that did not exist."""
    for _ in range(100):
        tmp = name_for(path)
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
            return os.open(tmp, flags, mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name beside the file", str(path))


def symlink(target: str, path: Path) -> Path:
    """Create a symbolic link to `target` under a temporary name beside `path`."""
    for _ in range(100):
        tmp = name_for(path)
        try:
            os.symlink(target, tmp)
            return tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name beside the link", str(path))


def remove_leftovers(folder: Path, *, recursive: bool = False) -> None:
    """Delete the temporary files pqsearch left in `folder` (a kill while writing), and no
    other file: only names `is_ours` accepts, never a folder nor what a link points to."""
    found = folder.rglob(".*.tmp") if recursive else folder.glob(".*.tmp")
    for leftover in found:
        if is_ours(leftover.name):
            # unlink removes a link itself, never its target, and fails on a folder.
            with contextlib.suppress(OSError):
                leftover.unlink()


__all__ = ["create", "is_ours", "name_for", "remove_leftovers", "symlink"]
