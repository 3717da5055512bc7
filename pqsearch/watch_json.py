"""A saved search's fields as `watches.json` holds them, checked as they are read.

The file is the user's to edit, and any version may have written it: an optional field
missing or null is its default (earlier versions wrote no "answered", then null for it). A
field of the wrong type is a `ValueError` naming the saved search and the field, which
`watch` turns into the "cannot be read ... fix it" message; `last_run` that is not text, or
an "answered" holding a number, was a traceback at the next run (audit of session 14, D1).

A run records, for each document shown, a digest of what a reader sees of it (`reader_hash`):
every field of its record but where it was read from and the hash of that file, so the same
question read from another file (an index rebuilt from a JSON Lines export, a page gone while
the records file holds the question) is not "changed" (audit of session 14, D4). Earlier
versions recorded the index's digest, which covers the source file's hash: such a value is
compared with that digest, once, and replaced by the reader's digest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from pqsearch.models import Hit, Question
from pqsearch.query.filters import filters_from_json

# What a value recorded by this version begins with; an earlier version's is a bare digest.
READER_HASH = "text:"
_NOT_SEEN = ("source", "source_format", "content_hash")


def watch_fields(name: str, data: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments of `Watch` (but its name) for the saved search `name`."""
    for required in ("query", "created"):
        if not isinstance(data.get(required), str):
            raise ValueError(f"the saved search {name!r} has no {required!r} (text)")
    all_words = data.get("all_words")
    if all_words is not None and not isinstance(all_words, bool):
        raise ValueError(f"the saved search {name!r} has all_words {all_words!r}, not true/false")
    try:
        filters = filters_from_json(data.get("filters") or {})
    except ValueError as error:
        raise ValueError(f"the saved search {name!r} has {error}") from error
    last_run, seen, answered = data.get("last_run"), data.get("seen"), data.get("answered")
    if last_run is not None:
        if not isinstance(last_run, str):
            raise ValueError(f"the saved search {name!r} has last_run {last_run!r}, not a date")
        try:
            dt.datetime.fromisoformat(last_run)
        except ValueError:
            raise ValueError(
                f"the saved search {name!r} has last_run {last_run!r}, not a date and time "
                "such as 2026-10-01T09:30:00"
            ) from None
    if seen is not None and not (
        isinstance(seen, dict) and all(isinstance(h, str) for h in seen.values())
    ):
        raise ValueError(f"the saved search {name!r} has a seen that is not ids and hashes (text)")
    if answered is not None and not (
        isinstance(answered, list) and all(isinstance(i, str) for i in answered)
    ):
        raise ValueError(f"the saved search {name!r} has an answered that is not a list of ids")
    return {
        "query": data["query"],
        "filters": filters,
        "created": data["created"],
        "last_run": last_run,
        "seen": dict(seen or {}),
        "answered": None if answered is None else frozenset(answered),
        "all_words": True if all_words is None else all_words,
    }


def reader_hash(question: Question) -> str:
    """A digest of what a reader sees of `question`: every field but where it was read from."""
    record = question.to_dict()
    for name in _NOT_SEEN:
        record.pop(name, None)
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return READER_HASH + hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def is_changed(seen: str, hit: Hit, now: str) -> bool:
    """Whether the document of `hit`, whose reader's digest is `now`, changed since `seen`."""
    if seen.startswith(READER_HASH):
        return seen != now
    # Recorded by an earlier version: the index's digest of the document then.
    return seen != hit.extra.content_hash
