"""Folders that held indexed documents and are empty now: a disk or share not mounted.

On Linux a disk, share or automount that is not mounted leaves its mount point an empty
folder, and `ingest DIR --prune` took every document of DIR as deleted (audit of session 14,
D5), while a missing DIR, a link to a missing disk and a rebuild from an empty folder already
kept them. A folder given to `--prune`, or a folder under it, that held indexed documents and
now gives no document file at all is a failure of the run: its documents are kept, and the
message says how to drop them on purpose (`--allow-empty`). A folder that is gone, or that
still gives one document, is pruned as before.

A rebuild (`lost_folders`) follows the same rule for the files of the old index's documents
that are gone: the topmost folder on the way up from each that is gone too, or that gives no
document file nor another file with an ending (a mount point holding only `.DS_Store`,
`NOT_MOUNTED` or `lost+found`; not a folder of PDFs beside a page given directly), keeps
the index as it was; the nearest folder still there that holds other things does not hide it
(review of session 20, R1 to R3). A folder that cannot be read refuses too, said as such.
Above a folder taken as lost, the climb looks at each folder's own entries only, entering and
following none: a folder beside a gone mount point may be another share's, a stale one whose
walk would block (s21).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from pqsearch.index.holders import Files
from pqsearch.models import FileFailure, SkippedFile
from pqsearch.parse.walk import NOT_A_DOCUMENT, is_document_name, iter_files, note_reason

# A folder that gives this many entries with no document among them is taken as holding
# things (not the mount point of a share not mounted), so that no large tree is walked whole.
_LOOKED_AT_MOST = 10_000
# Left on a mount point by the file system's check; root's only, it may not be readable.
_LOST_AND_FOUND = "lost+found"


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


def lost_folders(gone: Iterable[str], read: Iterable[str]) -> tuple[dict[str, int], dict[str, str]]:
    """For the files of a rebuild's dropped documents that are gone (one entry a document):
    the topmost folder on the way up from each that is gone too (a link to it dangles) or
    gives no document file, before a folder that holds one of the files the rebuild `read` or
    another document file, with how many documents; and the folders that cannot be read on the
    way, with why. A dangling file link is walked up from its target."""
    yielding: set[str] = set()
    for path in read:
        for spelling in (os.path.abspath(path), os.path.realpath(path)):
            for folder in _folders_of(spelling):
                if folder in yielding:
                    break
                yielding.add(folder)
    lost: Counter[str] = Counter()
    unreadable: dict[str, str] = {}
    # (folder, the folder the climb came from) -> None (holds things), "" or why not read
    state: dict[tuple[str, str | None], str | None] = {}
    for source in gone:
        start = os.path.realpath(source) if os.path.islink(source) else os.path.abspath(source)
        topmost = None
        for folder in _folders_of(start):
            if folder in yielding:
                break
            # Above a folder taken as lost, only the folder's own entries are looked at: its
            # other folders may be the mount points of other shares, a stale one among them
            # (a walk into it could block); they are things it holds.
            looked = (folder, topmost)
            if looked not in state:
                state[looked] = (
                    _documents_in(folder) if topmost is None else _entries_in(folder, topmost)
                )
            why = state[looked]
            if why is None:
                break
            if why:
                unreadable[folder] = why  # said, and a gone folder below it still named
                break
            topmost = folder
        if topmost is not None:
            lost[topmost] += 1
    tops = {f: n for f, n in lost.items() if not any(_inside(f, o) and f != o for o in lost)}
    return tops, unreadable


def _documents_in(folder: str) -> str | None:
    """None when `folder` holds things: a document file, another file with an ending (a
    user's folder of PDFs beside a page given directly), or too many entries to walk; "" when
    it is gone or holds only what a mount point does (hidden files, notes, markers without an
    ending such as NOT_MOUNTED, `lost+found`, index folders); else why it, or a folder in it,
    cannot be read (a folder in it that cannot be read decides only when nothing else does)."""
    if not os.path.exists(folder):
        return ""
    looked = 0
    why = ""
    for item in iter_files([folder]):
        if isinstance(item, FileFailure):
            if os.path.basename(item.source) == _LOST_AND_FOUND and item.source != folder:
                continue
            if not os.path.lexists(item.source) or _missing_link(item.source):
                continue  # gone, or a link that leads nowhere: nothing read from there
            if item.source == folder:
                return f"{item.source}: {item.reason}"
            why = why or f"{item.source}: {item.reason}"
            continue
        looked += 1
        if not isinstance(item, SkippedFile) or looked >= _LOOKED_AT_MOST:
            return None
        if item.reason == NOT_A_DOCUMENT and os.path.splitext(item.source)[1]:
            return None
    return why


def _entries_in(folder: str, below: str) -> str | None:
    """`_documents_in` for a folder above `below` (taken as lost), from its own entries only,
    none followed nor entered: None when it holds another folder (not `lost+found`), a link,
    a document file or another file with an ending; "" when it is gone or holds only hidden
    files, notes and markers without an ending; else why it cannot be read."""
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except FileNotFoundError:
        return ""
    except OSError as error:
        return f"{folder}: cannot read the folder: {error.strerror or error}"
    for entry in entries:
        name = entry.name
        if name.startswith(".") or entry.path == below or name == _LOST_AND_FOUND:
            continue
        try:
            if entry.is_symlink() or entry.is_dir(follow_symlinks=False):
                return None
        except OSError:
            return None
        if is_document_name(name) or (note_reason(name) is None and os.path.splitext(name)[1]):
            return None
    return ""


def _missing_link(path: str) -> bool:
    return os.path.islink(path) and not os.path.exists(path)


__all__ = ["empty_folders", "lost_folders"]
