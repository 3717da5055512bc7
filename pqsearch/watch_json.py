"""A saved search's fields as `watches.json` holds them, checked as they are read.

The file is the user's to edit, and any version may have written it: an optional field
missing or null is its default (earlier versions wrote no "answered", then null for it). A
field of the wrong type is a `ValueError` naming the saved search and the field, which
`watch` turns into the "cannot be read ... fix it" message; `last_run` that is not text, or
an "answered" holding a number, was a traceback at the next run (audit of session 14, D1).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pqsearch.query.filters import filters_from_json


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
