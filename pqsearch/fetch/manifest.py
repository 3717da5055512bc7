"""What the harvest holds and when it got it: an append-only log, safe to kill at any point.

`manifest.ndjson` in the corpus folder has one JSON object a line: a `PageRecord` for every
request's outcome (a page's URL, file, fetch time, ETag / Last-Modified, SHA-256), and run
markers. Appending a line after each page is what makes a run resumable: a run killed at any
moment loses at most the line being written (a cut last line is ignored on reading), and the
next run sees which pages the unfinished run already got and does not ask for them again.
A finished run rewrites the log atomically to one line per page.

The file does not end in ".jsonl" on purpose: ingest reads every .jsonl under the corpus.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import fcntl
import json
import os
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from pqsearch import temporary
from pqsearch.errors import FetchError, HarvestLockedError
from pqsearch.index import durable
from pqsearch.resources import try_lock, write_refused

MANIFEST = "manifest.ndjson"
LOCK = ".fetch.lock"

# "unreadable": a whole page the parser cannot read; not asked again until its entry changes.
Status = Literal["ok", "failed", "robots", "unreadable"]


@dataclass(frozen=True)
class PageRecord:
    """One request's outcome. For "ok", the file holds the body whose hash is `sha256`."""

    key: str
    url: str
    file: str
    status: Status
    checked_at: str
    fetched_at: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    size: int | None = None
    # The hash of the index row the page was fetched for: a changed row means a new fetch.
    entry: str | None = None
    # French pages: whether the page had an answer, and its date (what a refresh looks at).
    answered: bool | None = None
    answered_on: str | None = None
    reason: str = ""


class Manifest:
    """The log of a corpus folder, read at open: the last good record of every page."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / MANIFEST
        self.good: dict[str, PageRecord] = {}
        self.last: dict[str, PageRecord] = {}
        # Keys the unfinished previous run already settled (fetched, or refused by robots).
        self.done_in_run: set[str] = set()
        self._run_open = False
        # A kill in the middle of an append leaves a line without its end: the next line
        # must not be glued to it.
        self._cut = False
        # Lines that are neither a page record nor a run marker, said in the harvest's notes.
        self.problems: list[str] = []
        self._load()

    @property
    def resuming(self) -> bool:
        """True when the previous run stopped before its end; this one goes on from there."""
        return self._run_open

    def _load(self) -> None:
        if not self.path.exists():
            return
        with self.path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                self._cut = not raw.endswith(b"\n")
                try:
                    line = json.loads(raw)
                except ValueError:
                    # A line cut by a kill while it was being written: its page is fetched again.
                    continue
                record = _record(line)
                if isinstance(record, str):
                    # A bad edit, a merge or another version's line: only this line is lost,
                    # as a cut one is; the finished run's rewrite drops it.
                    self.problems.append(
                        f"{self.path} line {number}: {record}. The line is skipped (a page it "
                        "records is fetched again) and dropped when a run finishes."
                    )
                elif record is None:
                    self._run_open = line["run"] == "start"
                    if self._run_open:
                        self.done_in_run.clear()
                else:
                    self.last[record.key] = record
                    if record.status == "ok":
                        self.good[record.key] = record
                    if record.status != "failed":
                        self.done_in_run.add(record.key)
        if not self._run_open:
            self.done_in_run.clear()

    def start_run(self) -> None:
        """Mark a run's start, unless the previous one is unfinished: then this one resumes it."""
        if not self._run_open:
            self._append({"run": "start", "at": now()})
            self._run_open = True

    def add(self, record: PageRecord) -> None:
        self.last[record.key] = record
        if record.status == "ok":
            self.good[record.key] = record
        self._append(dataclasses.asdict(record))

    def holds(self, key: str) -> PageRecord | None:
        """The good record of `key` if its file is still there."""
        record = self.good.get(key)
        if record is None or not (self.folder / record.file).is_file():
            return None
        return record

    def finish_run(self) -> None:
        """Rewrite the log as one line per page (the good record, else the last) and close
        the run, atomically: the next run starts afresh."""
        lines = [
            json.dumps(dataclasses.asdict(self.good.get(key, record)), ensure_ascii=False)
            for key, record in sorted(self.last.items())
        ]
        lines.append(json.dumps({"run": "end", "at": now()}))
        write_atomic(self.path, ("\n".join(lines) + "\n").encode())
        self._run_open = False
        self.done_in_run.clear()

    def _append(self, line: dict[str, Any]) -> None:
        with self.path.open("ab") as handle:
            if self._cut:
                handle.write(b"\n")
                self._cut = False
            handle.write((json.dumps(line, ensure_ascii=False) + "\n").encode())
            handle.flush()
            os.fsync(handle.fileno())


_FIELD_TYPES = typing.get_type_hints(PageRecord)
_REQUIRED = [
    f.name
    for f in dataclasses.fields(PageRecord)
    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
]


def _record(line: object) -> PageRecord | str | None:
    """The page record a manifest line holds, None for a run marker, or what is wrong with it.

    Unknown fields are left aside (a later version's additions); every known one is checked,
    as the harvest uses them (a key in a dict, a file under the folder, a date compared).
    """
    if not isinstance(line, dict):
        return f"not a JSON object but {line!r:.60}"
    if "run" in line:
        return (
            None
            if line["run"] in ("start", "end")
            else f"a run marker whose run is {line['run']!r:.60}, not start or end"
        )
    missing = [name for name in _REQUIRED if name not in line]
    if missing:
        return f"not a page record: {', '.join(missing)} missing"
    wrong = [
        f"{name} {line[name]!r:.60}"
        for name, hint in _FIELD_TYPES.items()
        if name in line and not _fits(line[name], hint)
    ]
    if wrong:
        return f"not a page record: {'; '.join(wrong)} (a wrong type or a value not accepted)"
    record = PageRecord(**{name: line[name] for name in _FIELD_TYPES if name in line})
    file = PurePosixPath(record.file)
    if file.is_absolute() or ".." in file.parts or not file.parts:
        return f"the file {record.file!r} is not inside the harvest folder"
    if record.answered_on is not None:
        try:
            dt.date.fromisoformat(record.answered_on)
        except ValueError:
            return f"answered_on {record.answered_on!r:.60} is not a date (YYYY-MM-DD)"
    return record


def _fits(value: object, hint: object) -> bool:
    """Whether a JSON value is of a field's type (`str | None`, a `Literal`, `int`, ...)."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) is Literal:
        return any(type(value) is type(arg) and value == arg for arg in args)
    if isinstance(hint, types.UnionType):
        return any(_fits(value, arg) for arg in args)
    if hint is type(None):
        return value is None
    # JSON has no int that is a bool: true is not a size.
    return isinstance(hint, type) and type(value) is hint


def now() -> str:
    """The time in UTC, as the manifest writes it."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` by `data` all at once, durably: a reader (or a kill) sees the old or the
    new. Its folder is made first (a page is the first of its language)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    durable.write_atomic(path, data)


# Where the pages a changed page replaced are kept (`replaced.py`).
REPLACED = ".replaced"
# The folders a harvest writes into (`run.py`'s layout); nothing else under the harvest folder
# is its own.
WRITTEN_FOLDERS = (
    "", "fr", "nl", "index-only", "weblex-index", f"{REPLACED}/fr", f"{REPLACED}/nl"
)  # fmt: skip


def remove_temporaries(folder: Path) -> None:
    """Delete what `write_atomic` left when a run was killed mid-write (under the lock): only
    pqsearch's own temporary names, only in the folders a harvest writes, never a user's
    `.notes.tmp` nor the temporary of an export another pqsearch is writing elsewhere in the
    tree (the harvest lock does not cover it)."""
    for name in WRITTEN_FOLDERS:
        written = folder / name
        if written.is_dir() and not written.is_symlink():
            temporary.remove_leftovers(written)


@contextlib.contextmanager
def harvest_lock(folder: Path) -> Iterator[None]:
    """Hold the folder for one `pqsearch fetch`; a second one fails at once with a message.
    A write the disk or the folder refuses, in the run held, is a message too (`_refused`).

    An flock: the kernel releases it when its process dies, so a killed run never blocks.
    """
    with _refused(folder):
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if not try_lock(
                lambda: fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB),
                folder / LOCK,
                "the harvest folder",
            ):
                raise HarvestLockedError(
                    f"Another pqsearch fetch is writing to {folder}. Let it finish (or stop "
                    "it), then run this again."
                )
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _refused_place(filename: Any) -> Path:
    """Where a write refused on `filename` was refused: the file when it exists (pages are
    written under a temporary name first), else the folder that could not hold it."""
    path = Path(os.fsdecode(filename))
    return path if path.exists() else path.parent


def _resumable(folder: Path, filename: Any) -> bool:
    """Whether a refusal on `filename` is one inside a harvest that the same command resumes
    once the place is writable (a subfolder, the manifest), not a folder to give up for
    another --folder: advising that threw the harvest away (review 16, W6)."""
    place = _refused_place(filename)
    inside = place != folder and place.is_relative_to(folder)
    return inside or (folder / MANIFEST).exists()


@contextlib.contextmanager
def _refused(folder: Path) -> Iterator[None]:
    """A page, the manifest or the lock refused by a full disk or a folder that cannot be
    written: a FetchError saying so, not a traceback (s16 audit, D2 and D3). Every page is
    written whole or not at all (`durable.write_atomic`), so what was fetched is kept."""
    try:
        yield
    except OSError as error:
        refused = write_refused(error, folder)
        # A refusal naming no file may be the network's (a socket's EACCES): not ours to say.
        if refused is None or (refused.kind == "not writable" and not error.filename):
            raise
        if refused.kind == "not writable" and _resumable(folder, error.filename):
            place = _refused_place(error.filename)
            what = f"The harvest folder {folder}"
            if place != folder:
                what = f"{place}, in the harvest folder {folder},"
            fix = f"Give this account write permission on {place} (chmod u+w, or ask its owner)"
            if error.errno == errno.EROFS:
                fix = "Mount that disk read-write"
            raise FetchError(
                f"{what} cannot be written ({error.strerror}). Every page fetched before is "
                f"kept. {fix}, then run the same command again: the harvest goes on where it "
                "stopped."
            ) from error
        if refused.kind == "not writable":
            raise FetchError(
                f"The harvest folder {folder} cannot be written ({error.strerror}: "
                f"{error.filename}): pass --folder with a folder you can write (folder= "
                "from Python). Nothing was fetched into it."
            ) from error
        where = f" ({error.filename})" if error.filename else ""
        raise FetchError(
            f"Cannot write in the harvest folder {folder}{where}: {refused.why}. Every page "
            f"fetched before is kept. {refused.fix}, then run the same command again: it "
            "goes on where it stopped."
        ) from error
