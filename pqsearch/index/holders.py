"""Which file holds an indexed document, when an ingest reads it from another file.

The index names the file each document was read from (its `source`), and `--prune` goes by it.
When an ingest reads a question unchanged from one file while the file the index names is gone,
or was read to its end without it, the document is written again naming the file that holds
it: else a later `ingest THAT_FILE --prune` would delete it while the other file holds it
(review of session 11: the same question in two record files, taken out of one).

Files are compared by what they are, not by how they are spelled (`Files`): the index holds
names such as `/home/me/../data/r.jsonl` or `/home/me/link/r.jsonl` (a link to `data`), and a
run may reach the same file as `data/r.jsonl`. Compared as strings, `ingest . --prune` took
a gone page of `../data` for one under `.` and deleted its document while `../data` held it,
and a question taken out of a file reached by another spelling stayed indexed, unreported
(audit of session 12, P1 and P2).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path

from pqsearch.index.existing import Existing
from pqsearch.models import FileFailure, Question, SkippedFile


class Files:
    """Files by identity: `key` is a file's path made absolute with `.`, `..` and links
    resolved, as the system resolves them, also for a file that is gone (as far as its
    folders are there). Folders are resolved once per run; one run is one instance."""

    def __init__(self) -> None:
        self._keys: dict[str, str] = {}
        self._folders: dict[str, str] = {}

    def key(self, path: str) -> str:
        key = self._keys.get(path)
        if key is None:
            key = self._keys[path] = self._resolve(path)
        return key

    def _resolve(self, path: str) -> str:
        absolute = os.path.join(os.getcwd(), path)
        folder, name = os.path.split(absolute)
        if name in ("", ".", ".."):
            return os.path.realpath(absolute)
        # A file's folder is shared by its siblings: resolved once (realpath stats every
        # part of the path, ten times the cost of one stat of the file itself).
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = os.path.realpath(folder)
        resolved = os.path.join(real, name)
        return os.path.realpath(resolved) if os.path.islink(resolved) else resolved

    def same(self, path: str, other: str) -> bool:
        return path == other or self.key(path) == self.key(other)

    def under(self, path: str, roots: Iterable[str | Path]) -> bool:
        """Whether `path` is one of `roots` or lies in one of them (files or folders), as the
        system resolves both or as they are spelt (`..` and `.` removed): a file reached
        through a link inside a root lies in it, even once the link's target is gone (a disk
        not mounted)."""
        key, spelt = self.key(path), _spelt(path)
        for root in roots:
            if _inside(key, self.key(str(root))) or _inside(spelt, _spelt(str(root))):
                return True
        return False


def _spelt(path: str) -> str:
    return os.path.normpath(os.path.join(os.getcwd(), path))


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def distinct(paths: Sequence[Path]) -> list[Path]:
    """`paths` with each file once, by its first spelling: a folder given twice by two
    spellings (`d` and a link to it) was read twice, each question a duplicate of itself."""
    files, seen, kept = Files(), set(), []
    for path in paths:
        key = files.key(str(path))
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept


def gone(path: str) -> bool:
    """Whether no file is at `path`: one that cannot be looked at (a folder without the
    right to read it) is not gone, nor is one reached through a link whose target is missing
    (a disk or share not mounted: what it holds is unknown; review of session 12)."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return not _through_missing_link(path)
    except OSError:
        return False
    return False


def _through_missing_link(path: str) -> bool:
    spelt = Path(_spelt(path))
    return any(os.path.islink(p) and not os.path.exists(p) for p in (spelt, *spelt.parents))


class Holders:
    """What one ingest saw of where its documents are; `walked` are the files it reads."""

    def __init__(self, walked: Collection[str]) -> None:
        self.files = Files()
        # Keys (`Files.key`) from here on: the same file is the same whatever its spelling.
        self.walked = frozenset(self.files.key(path) for path in walked)
        # The files read to their end, with the spelling they were read by, and the questions
        # each gave (remembered in the lexicon: `holder_files`).
        self.read: dict[str, str] = {}
        self.gave: dict[str, set[str]] = {}
        self.remembered: set[str] = set()  # those of `read` written to the lexicon
        # Files remembered as holders and found gone: forgotten.
        self.gone: set[str] = set()
        # Ids the file the index names gave again in this run.
        self.from_indexed: set[str] = set()
        # Read unchanged from another file before the indexed one was read: decided then.
        self.waiting: dict[str, dict[str, Question]] = {}

    def held(self, item: Question) -> None:
        """`item` was read from its file (its `source`)."""
        self.gave.setdefault(self.files.key(item.source), set()).add(item.id)

    def note(self, item: Question, indexed_source: str) -> None:
        if self.files.same(item.source, indexed_source):
            self.from_indexed.add(item.id)

    def moved(self, item: Question, indexed_source: str) -> bool:
        """Whether `item`, the same as the indexed version, must be written again to name its
        file: the indexed file is gone, or was read to its end without it. One whose indexed
        file is still to be read is decided when it is (`file_read`)."""
        if self.files.same(item.source, indexed_source):
            return False
        if gone(indexed_source):
            return True
        indexed = self.files.key(indexed_source)
        if indexed in self.read:
            return item.id not in self.from_indexed
        if indexed in self.walked:
            self.waiting.setdefault(indexed, {})[item.id] = item
        return False

    def file_read(self, path: str) -> list[Question]:
        """`path` is read to its end: the documents waiting on it that it did not hold."""
        key = self.files.key(path)
        self.read[key] = path
        waiting = self.waiting.pop(key, {})
        return [item for doc_id, item in waiting.items() if doc_id not in self.from_indexed]


# `unheld`'s key for the documents whose file is gone, kept as the run had failures.
GONE_FILES = "gone files"


def unheld(
    existing: Mapping[str, Existing],
    seen: Collection[str],
    walked_files: Collection[str],
    roots: Sequence[Path],
    failed: Collection[str],
    files: Files,
) -> tuple[list[str], dict[str, int]]:
    """The indexed documents `--prune` drops, and per failed path how many it keeps. Dropped:
    those not read in this run whose file was read and no longer has them, or whose file is
    gone from under `roots` (the files and folders given): one whose gone file lay elsewhere
    may be held by a file of another folder (review of session 11). A file or folder with any
    failure this time (`failed`: a file, a line's file, a folder or link the walk could not
    enter) keeps the documents in it until it reads cleanly: a line that did not parse may be
    the one that holds a document, a link to a disk not mounted holds what it held. While any
    path that may hold it failed, a document whose file is gone is kept too (under
    `GONE_FILES`): its new file may be the failing one (audit of session 12, P4: a folder
    renamed, a line of its record file cut short). `walked_files` are keys (`Files.key`); the
    other paths are compared by identity too."""
    dropped: list[str] = []
    kept: dict[str, int] = {}
    # By identity and as spelt, named in the note as the user gave them (made absolute). A
    # link into its own folders (a loop, `loop -> ..`) fails without holding anything of its
    # own: by identity it would be the folder it points to, and keep all it holds (review of
    # session 12).
    failed_files: dict[str, str] = {}
    # Where a gone file's document may be now: a folder or link the walk could not enter may
    # hold anything; a file that did not read, the file of that name moved (a folder renamed).
    # A line failure of another file, often permanent (a record with no title), does not keep
    # the gone files' documents for ever (review of session 12).
    anything, names = False, set()
    for source in failed:
        spelt, key = _spelt(source), files.key(source)
        failed_files[spelt] = spelt
        if spelt == key or not _inside(spelt, key):  # not a link into its own folders
            failed_files.setdefault(key, spelt)
            if os.path.isfile(spelt):
                names.add(os.path.basename(spelt))
            else:
                anything = True
    for doc_id, old in existing.items():
        if doc_id in seen:
            continue
        held_by = files.key(old.source)
        failing = _failing(held_by, failed_files) or _failing(_spelt(old.source), failed_files)
        if failing is not None:
            # Said even of one a file outside the walk holds (a folder that cannot be read
            # leaves its files neither read nor gone): the run did not read it.
            name = failed_files[failing]
            kept[name] = kept.get(name, 0) + 1
            continue
        is_gone = gone(old.source) and files.under(old.source, roots)
        if is_gone and (anything or os.path.basename(old.source) in names):
            kept[GONE_FILES] = kept.get(GONE_FILES, 0) + 1
        elif held_by in walked_files or is_gone:
            dropped.append(doc_id)
    return dropped, kept


def kept_note(source: str, count: int) -> str:
    documents = f"{count} indexed document{'s' if count > 1 else ''}"
    if source == GONE_FILES:
        return (
            f"--prune kept {documents} whose file is gone: this run had failures (see "
            "failed), and a file of the same name or a folder that did not read may be where "
            "they are now (a folder renamed, say); they are dropped once those read cleanly"
        )
    return (
        f"--prune kept {documents} of {source} that this run did not read: it had failures "
        "(see failed), so a document may be in what did not read; they are dropped once it "
        "reads cleanly without them"
    )


def read_from(
    item: Question | FileFailure | SkippedFile, path: str
) -> Question | FileFailure | SkippedFile:
    """`item` with the file this ingest read it from as its source.

    A record names the file it was first read from (what `pqsearch parse` prints, an export's
    lines); the index's copy is the one in the file read now, which `--prune`, duplicates
    and `--reanalyze` go by (audit of session 11, B1: a page's path kept in a record let
    `--prune` delete the documents of a JSON Lines file that was there).
    """
    if isinstance(item, Question) and item.source != path:
        return dataclasses.replace(item, source=path)
    return item


def _failing(source: str, failed: Collection[str]) -> str | None:
    """The path of `failed` (keys) that is `source` (a key) or a folder holding it, the
    nearest."""
    path = Path(source)
    return next((str(p) for p in (path, *path.parents) if str(p) in failed), None)
