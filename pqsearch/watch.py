"""Saved searches: what is new on a topic since the last time you looked.

Saved searches live beside the index (`<index>/watches.json`), so they survive a rebuild.
Each remembers the documents it has shown (id, content hash, and whether it was answered):
`run` reports the matching documents it has not shown yet, and those that changed since, and
among them the ones answered since (not every changed answered document: an answer edited
long after it came is only "changed"). A saved search runs the query as search ranks it and,
unless saved with `all_words=False`, keeps only the documents holding every word.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pqsearch.api import Index
from pqsearch.errors import QuerySyntaxError, WatchError
from pqsearch.models import Hit, WatchReport
from pqsearch.query.filters import Filters

WATCH_FILE = "watches.json"
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


def _path(index: Index) -> Path:
    return index.root / WATCH_FILE


def _load(index: Index) -> dict[str, Watch]:
    path = _path(index)
    if not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {name: _from_json(name, data) for name, data in raw.items()}
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise WatchError(
            f"{path} cannot be read ({error}). Fix or delete it; saved searches are kept there."
        ) from error


def _from_json(name: str, data: dict[str, Any]) -> Watch:
    filters: dict[str, Any] = {
        key: tuple(value) if isinstance(value, list) else value
        for key, value in data["filters"].items()
    }
    return Watch(
        name=name,
        query=data["query"],
        filters=Filters(**filters),
        created=data["created"],
        last_run=data.get("last_run"),
        seen=dict(data.get("seen", {})),
        answered=frozenset(data["answered"]) if "answered" in data else None,
        all_words=bool(data.get("all_words", True)),
    )


def _save(index: Index, watches: dict[str, Watch]) -> None:
    path = _path(index)
    data = {
        name: {
            "query": w.query,
            "filters": {
                k: (v.isoformat() if isinstance(v, dt.date) else v)
                for k, v in dataclasses.asdict(w.filters).items()
            },
            "created": w.created,
            "last_run": w.last_run,
            "seen": w.seen,
            "answered": sorted(w.answered) if w.answered is not None else None,
            "all_words": w.all_words,
        }
        for name, w in watches.items()
    }
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def add_watch(
    index: Index,
    name: str,
    query: str,
    filters: Filters | None = None,
    *,
    all_words: bool = True,
) -> Watch:
    """Save a search under `name` (checked now, so a typo fails here, not at the next run).

    With `all_words` (the default) only documents holding every word of `query` are
    reported; `all_words=False` reports every document search finds, as it ranks them.
    """
    if not _NAME.match(name):
        raise WatchError(
            f"{name!r} cannot name a saved search: use letters, digits, '.', '-' or '_'."
        )
    filters = filters or Filters()
    index.search(query, filters=filters, facets=[], limit=0)
    watches = _load(index)
    now = dt.datetime.now().isoformat(timespec="seconds")
    watches[name] = Watch(name, query, filters, now, None, {}, frozenset(), all_words)
    _save(index, watches)
    return watches[name]


def list_watches(index: Index) -> tuple[Watch, ...]:
    """The saved searches of the index, in the order they were added."""
    return tuple(_load(index).values())


def remove_watch(index: Index, name: str) -> None:
    """Delete the saved search `name` (`WatchError` if there is none)."""
    watches = _load(index)
    if name not in watches:
        raise WatchError(_unknown(name, watches))
    del watches[name]
    _save(index, watches)


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
    watches = _load(index)
    for name in names:
        if name not in watches:
            raise WatchError(_unknown(name, watches))
    reports: list[WatchReport] = []
    for name, watch in watches.items():
        if names and name not in names:
            continue
        result = index.search(
            watch.query,
            filters=watch.filters,
            facets=[],
            limit=MAX_MATCHES,
            all_words=watch.all_words,
        )
        if result.total > MAX_MATCHES:
            raise QuerySyntaxError(
                f"The saved search {name!r} matches {result.total} documents; narrow it "
                f"(at most {MAX_MATCHES}) with more words or filters."
            )
        hashes = _hashes(index, result.hits)
        new = tuple(h for h in result.hits if h.id not in watch.seen)
        changed = tuple(
            h for h in result.hits if h.id in watch.seen and watch.seen[h.id] != hashes[h.id]
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
        shown = {h.id for h in result.hits}
        # Ids not shown this time keep their last state; a legacy watch starts tracking now.
        answered = {i for i in (before or ()) if i not in shown}
        answered |= {h.id for h in result.hits if h.answered}
        watches[name] = dataclasses.replace(
            watch,
            last_run=dt.datetime.now().isoformat(timespec="seconds"),
            seen={**watch.seen, **hashes},
            answered=frozenset(answered),
        )
    if mark_seen:
        _save(index, watches)
    return tuple(reports)


def _hashes(index: Index, hits: tuple[Hit, ...]) -> dict[str, str]:
    return {hit.id: index.content_hash(hit.id) for hit in hits}
