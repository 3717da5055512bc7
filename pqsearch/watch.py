"""Saved searches: what is new on a topic since the last time you looked.

Saved searches live beside the index (`<index>/watches.json`), so they survive a rebuild.
Each remembers the documents it has shown (id, content hash, and whether it was answered):
`run` reports the matching documents it has not shown yet, and those that changed since, and
among them the ones answered since (not every changed answered document: an answer edited
long after it came is only "changed"). A saved search runs the query as search ranks it and,
unless saved with `all_words=False`, keeps only the documents holding every word.

Every change (add, remove, a run that records what it showed) reads, changes and replaces
`watches.json` holding an exclusive lock on `watches.lock` beside it, so that two processes
at once (a cron `watch run` while the user adds a search) never lose each other's change.
A run searches without the lock (the file is only ever replaced whole) and takes it only
to record what it showed, read again and merged, so a change never waits for its searches.
Runs that record are one at a time (`watches.run.lock`): two at once would both report the
same documents as new, and the older could record over the newer.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pqsearch.api import Index
from pqsearch.errors import PqsearchError, QuerySyntaxError, WatchError
from pqsearch.index import durable
from pqsearch.models import Hit, WatchReport
from pqsearch.query.filters import Filters, filters_to_json
from pqsearch.resources import exhausted, write_refused
from pqsearch.watch_command import add_arguments, how_to_change
from pqsearch.watch_json import is_changed, reader_hash, watch_fields
from pqsearch.watch_lock import exclusive

WATCH_FILE = "watches.json"
LOCK_FILE = "watches.lock"
RUN_LOCK_FILE = "watches.run.lock"
# A change waits this long for another one to finish (each holds the lock for one read,
# change and write of the file, never while searching).
LOCK_WAIT = 60.0
_NAME = re.compile(r"^[\w.-]{1,64}$")
# A watch reads every match to tell new from seen; past this it asks for a narrower query.
MAX_MATCHES = 1000


@dataclass(frozen=True)
class Watch:
    """A saved search: its query and filters, when it last ran, and what it has shown.

    `seen` maps each id shown to its content hash then; `answered` holds the ids that had an
    answer when last shown (None for a watch saved before this was kept).
    """

    name: str
    query: str
    filters: Filters
    created: str
    last_run: str | None
    seen: dict[str, str]
    answered: frozenset[str] | None = frozenset()
    all_words: bool = True

    def arguments(self) -> str:
        """What follows `pqsearch watch add NAME` to save it as it is, as typed in a shell: its
        query, filters as options and `--any-word` ("" for none)."""
        return add_arguments(self.query, self.filters, all_words=self.all_words)


def _path(index: Index) -> Path:
    return index.root / WATCH_FILE


# A saved search's fields that this version reads. Any other (a newer version's) is written
# back with its saved search, so going back to this version for a while strips nothing.
_FIELDS = frozenset({"query", "filters", "created", "last_run", "seen", "answered", "all_words"})

# The fields of each saved search this version does not read, by name and search.
_Kept = dict[tuple[str, tuple[Any, ...]], dict[str, Any]]


def _load(index: Index) -> dict[str, Watch]:
    return _read(index)[0]


def _read(index: Index) -> tuple[dict[str, Watch], _Kept]:
    path = _path(index)
    if not os.path.lexists(path):  # a link to a share not mounted is not "none saved"
        return {}, {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        watches = {name: _from_json(name, data) for name, data in raw.items()}
        kept = {
            (name, _search_of(watches[name])): unknown
            for name, data in raw.items()
            if (unknown := {k: v for k, v in data.items() if k not in _FIELDS})
        }
    except (
        OSError,
        ValueError,
        TypeError,
        AttributeError,
        RecursionError,
        QuerySyntaxError,
    ) as error:
        limited = exhausted(error)
        if limited is not None:
            raise limited from error
        # Never written while it cannot be read (every change reads it first), so the advice
        # keeps it: deleting it, as this once advised, loses every saved search.
        # A link names the file it leads to: the one missing, or to fix (review R7, s21).
        shown = f"{path} (a link to {os.path.realpath(path)})" if path.is_symlink() else str(path)
        raise WatchError(
            f"{shown} cannot be read: {error}. Nothing was written to it: it still holds your "
            "saved searches. Fix it in a text editor, or, to start again without them, move it "
            f"aside (mv {shlex.quote(str(path))} {shlex.quote(f'{path}.unreadable')})."
        ) from error
    return watches, kept


def _from_json(name: str, data: dict[str, Any]) -> Watch:
    return Watch(name=name, **watch_fields(name, data))


def _save(index: Index, watches: dict[str, Watch], kept: _Kept) -> None:
    path = _path(index)
    data = {
        name: {
            "query": w.query,
            "filters": filters_to_json(w.filters),
            "created": w.created,
            "last_run": w.last_run,
            "seen": w.seen,
            # Left out when not known: the previous version read a null here as a list.
            **({} if w.answered is None else {"answered": sorted(w.answered)}),
            "all_words": w.all_words,
            # A replaced search is another one: a newer version's fields stay with the old.
            **kept.get((name, _search_of(w)), {}),
        }
        for name, w in watches.items()
    }
    text = json.dumps(data, ensure_ascii=False, indent=1)
    try:
        # A link stays one; the file keeps its permission bits (a private 0600 stays so).
        durable.write_new(Path(os.path.realpath(path)), text.encode("utf-8"), replace=True)
    except OSError as error:
        raise _unwritable(index, error) from error


@contextlib.contextmanager
def _changing(index: Index, lock_file: str = LOCK_FILE) -> Iterator[None]:
    """Hold the saved searches' lock, for one read-change-write of `watches.json` (or, with
    `RUN_LOCK_FILE`, for one run that records, searches included).

    An flock on a descriptor opened for this change alone: it excludes other processes and
    the other threads of this one (each opens its own), and the kernel releases it if the
    process dies. No process is started while it is held, so none inherits it. A
    `watches.json` that is a link (shared by indexes, or to another index's file) also holds
    the lock of that name beside the file it leads to, so all who change it share one (s21
    reviews R3, F2); taken in path order (crosswise links wait on no one), a same one once.
    """
    own = Path(os.path.realpath(index.root / lock_file))
    paths = {own}
    target = Path(os.path.realpath(_path(index)))  # a loop is not raised here: a read says why
    if _path(index).is_symlink() and target.parent.is_dir():
        paths.add(Path(os.path.realpath(target.parent / lock_file)))
    with contextlib.ExitStack() as held:
        for path in sorted(paths):
            held.enter_context(_locked(index, path, lock_file))
        yield


def _locked(index: Index, path: Path, lock_file: str) -> contextlib.AbstractContextManager[None]:
    doing = "running" if lock_file == RUN_LOCK_FILE else "changing"
    return exclusive(
        path,
        wait=LOCK_WAIT,
        what=f"{doing} the saved searches of {index.root}",
        unwritable=lambda error: _unwritable(index, error),
    )


def _unwritable(index: Index, error: OSError) -> WatchError:
    room = write_refused(error, index.root)
    if room is not None and room.kind != "not writable":
        # The folder is writable: the disk holding it is full (s16 audit, D4).
        return WatchError(
            f"The saved searches of {index.root} cannot be changed: {room.why} "
            f"({error.strerror}). {_path(index)} is unchanged. {room.fix}, then run the "
            "command again."
        )
    return WatchError(
        f"The saved searches of {index.root} cannot be changed ({error.strerror}): they are "
        f"kept in {_path(index)}, in the index folder, which must be writable to add, remove "
        'or run them ("watch run" records what it showed).'
    )


def add_watch(
    index: Index,
    name: str,
    query: str,
    filters: Filters | None = None,
    *,
    all_words: bool = True,
    replace: bool = False,
) -> Watch:
    """Save a search under `name` (checked now, so a typo fails here, not at the next run).

    With `all_words` (the default) only documents holding every word of `query` are
    reported; `all_words=False` reports every document search finds, as it ranks them. A
    name already saved is refused, unless `replace`: replacing forgets the saved search and
    what it has shown.
    """
    if not _NAME.match(name):
        raise WatchError(
            f"{name!r} cannot name a saved search: use letters, digits, '.', '-' or '_'."
        )
    filters = filters or Filters()
    found = index.search(query, filters=filters, facets=[], limit=0, all_words=all_words)
    if found.total > MAX_MATCHES:
        raise WatchError(
            f"The search matches {found.total:,} documents; a saved search follows at most "
            f"{MAX_MATCHES:,}. Narrow it with more words or filters (a session, a portfolio, "
            "a date range) and add it again."
        )
    now = dt.datetime.now().isoformat(timespec="seconds")
    added = Watch(name, query, filters, now, None, {}, frozenset(), all_words)
    with _changing(index):
        watches, kept = _read(index)
        if name in watches and not replace:
            raise WatchError(_taken(watches[name]))
        watches[name] = added
        _save(index, watches, kept)
    return added


def _taken(saved: Watch) -> str:
    what = repr(saved.query) if saved.query else "every document"
    return (
        f"{saved.name!r} is already a saved search ({what}, saved {saved.created}). Choose "
        f"another name, or replace it and forget what it has shown: watch add --replace "
        f"(Python: replace=True)."
    )


def list_watches(index: Index) -> tuple[Watch, ...]:
    """The saved searches of the index, in the order they were added."""
    return tuple(_load(index).values())


def remove_watch(index: Index, name: str) -> None:
    """Delete the saved search `name` (`WatchError` if there is none)."""
    with _changing(index):
        watches, kept = _read(index)
        if name not in watches:
            raise WatchError(_unknown(name, watches))
        del watches[name]
        _save(index, watches, kept)


def _unknown(name: str, watches: dict[str, Watch]) -> str:
    known = ", ".join(sorted(watches)) or "none yet"
    return (
        f'No saved search is called {name!r} (saved: {known}). Add one with "pqsearch watch add".'
    )


def run_watches(
    index: Index, names: tuple[str, ...] = (), *, mark_seen: bool = True
) -> tuple[WatchReport, ...]:
    """For each saved search (or those named), the documents new or changed since its last run.

    `mark_seen=False` reports without recording the run (a read-only look, as the web page).
    """
    if not mark_seen:
        # `watches.json` is only ever replaced whole: a look needs no lock (nor a writable
        # folder, which the web server may not have).
        return _run(index, _load(index), names)[0]
    with _changing(index, RUN_LOCK_FILE):
        read = _load(index)
        reports, shown = _run(index, read, names)
        with _changing(index):
            # Read again: what changed while this run searched is kept. A search removed
            # meanwhile stays removed; one saved again under its name is not given this
            # run's record.
            watches, kept = _read(index)
            for name, run in shown.items():
                now = watches.get(name)
                if now is not None and _search_of(now) == _search_of(read[name]):
                    watches[name] = run.record(now)
            _save(index, watches, kept)
    return reports


def _search_of(watch: Watch) -> tuple[Any, ...]:
    """What makes a saved search the same one: not what its runs recorded."""
    return watch.created, watch.query, watch.filters, watch.all_words


@dataclass(frozen=True)
class _Shown:
    """What one run of a saved search showed: each document's content hash, those answered."""

    at: str
    hashes: dict[str, str]
    answered: frozenset[str]

    def record(self, watch: Watch) -> Watch:
        """`watch` with this run recorded (after any run recorded since it started)."""
        # Ids not shown this time keep their last state; a legacy watch starts tracking now.
        kept = {i for i in (watch.answered or ()) if i not in self.hashes}
        return dataclasses.replace(
            watch,
            last_run=max(self.at, watch.last_run or ""),
            seen={**watch.seen, **self.hashes},
            answered=frozenset(kept | self.answered),
        )


def _run(
    index: Index, watches: dict[str, Watch], names: tuple[str, ...]
) -> tuple[tuple[WatchReport, ...], dict[str, _Shown]]:
    """The reports of the watches named (all if none), and what each run showed.

    A watch that cannot run gets a report with its `error`, and nothing shown to record.
    """
    for name in names:
        if name not in watches:
            raise WatchError(_unknown(name, watches))
    reports: list[WatchReport] = []
    shown: dict[str, _Shown] = {}
    for name, watch in watches.items():
        if names and name not in names:
            continue
        try:
            with index.one_generation():
                result = index.search(
                    watch.query,
                    filters=watch.filters,
                    facets=[],
                    limit=MAX_MATCHES,
                    all_words=watch.all_words,
                )
                hashes = _hashes(index, result.hits)
            if result.total > MAX_MATCHES:
                raise WatchError(
                    f"The saved search {name!r} now matches {result.total:,} documents, more "
                    f"than the {MAX_MATCHES:,} a saved search follows. Narrow it: "
                    f'"pqsearch watch remove {name}", then "pqsearch watch add {name}" with '
                    "more words or filters."
                )
        except PqsearchError as error:
            # One saved search that cannot run (grown past the limit, a query this version no
            # longer reads, an index error) must not stop the others: it is reported, its
            # record left as it was, and the caller says so after the others ran.
            first_run = watch.last_run is None
            said = str(error) + how_to_change(watch, error, index.root)
            reports.append(WatchReport(name, watch.query, (), (), 0, first_run, error=said))
            continue
        new = tuple(h for h in result.hits if h.id not in watch.seen)
        changed = tuple(
            h
            for h in result.hits
            if h.id in watch.seen and is_changed(watch.seen[h.id], h, hashes[h.id])
        )
        before = watch.answered
        newly_answered = tuple(
            h.id for h in changed if h.answered and before is not None and h.id not in before
        )
        reports.append(
            WatchReport(
                name,
                watch.query,
                new,
                changed,
                result.total,
                watch.last_run is None,
                newly_answered,
            )
        )
        answered = frozenset(h.id for h in result.hits if h.answered)
        at = dt.datetime.now().isoformat(timespec="seconds")
        shown[name] = _Shown(at, hashes, answered)
    return tuple(reports), shown


def _hashes(index: Index, hits: tuple[Hit, ...]) -> dict[str, str]:
    # Each hit's record read in the search's generation (the caller holds it): a commit landed
    # since could give a newer record, whose digest recorded with the older hit would never
    # report the change (an answer arriving) that commit made.
    return {hit.id: reader_hash(index.get(hit.id)) for hit in hits}
