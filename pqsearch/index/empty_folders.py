"""Folders that held indexed documents and are empty now: a disk or share not mounted.

On Linux a disk, share or automount that is not mounted leaves its mount point an empty
folder, and `ingest DIR --prune` took every document of DIR as deleted (audit of session 14,
D5), while a missing DIR, a link to a missing disk and a rebuild from an empty folder already
kept them. A folder given to `--prune`, or a folder under it, that held indexed documents and
now gives no document file at all is a failure of the run: its documents are kept, and the
message says how to drop them on purpose (`--allow-empty`). A folder that is gone, or that
still gives one document, is pruned as before.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from pqsearch.index.holders import Files
from pqsearch.models import FileFailure


def empty_folders(
    indexed_sources: Iterable[str],
    walked: Collection[str],
    roots: Sequence[Path],
    failed: Iterable[str],
    files: Files,
) -> list[FileFailure]:
    """A failure for each topmost folder under `roots` (given folders included) that held
    one of `indexed_sources` and holds none of the `walked` files (keys, `Files.key`) nor
    any path that `failed` (a folder that cannot be read is said as such)."""
    # A folder that gives a file, or a failure (it cannot be read, or holds one that does
    # not read), is not empty.
    yielding: set[str] = set()
    failed_paths = [p for source in failed for p in (files.key(source), _spelt(source))]
    for key in (*walked, *failed_paths):
        yielding.add(key)
        yielding.update(_folders_of(key))
    shown = {files.key(str(root)): str(root) for root in roots}
    empty: Counter[str] = Counter()
    is_folder: dict[str, bool] = {}
    for source in indexed_sources:
        key = files.key(source)
        root = next((r for r in shown if _inside(key, r)), None)
        if root is None:
            continue
        for folder in _folders_of(key):
            if folder in yielding or not _inside(folder, root):
                break
            if folder not in is_folder:
                is_folder[folder] = os.path.isdir(folder)
            if is_folder[folder]:
                empty[folder] += 1
    topmost = [f for f in empty if not any(_inside(f, other) and f != other for other in empty)]
    return [_failure(shown.get(folder, folder), empty[folder]) for folder in sorted(topmost)]


def _folders_of(key: str) -> Iterable[str]:
    """The folders holding `key`, nearest first."""
    folder = os.path.dirname(key)
    while True:
        yield folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent


def _spelt(path: str) -> str:
    """`path` absolute as spelt: a failed link (a loop) is in its folder, not its target's."""
    return os.path.normpath(os.path.join(os.getcwd(), path))


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _failure(folder: str, count: int) -> FileFailure:
    documents = f"{count} indexed documents were" if count > 1 else "1 indexed document was"
    return FileFailure(
        folder,
        f"the folder is empty now, while {documents} read from it: --prune keeps them "
        "(a disk or share not mounted leaves an empty folder). Mount it and ingest again; to "
        "drop them on purpose, run the same ingest with --prune --allow-empty",
    )


__all__ = ["empty_folders"]
