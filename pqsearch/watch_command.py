"""A saved search as the `pqsearch watch add` command that saves it as it is.

`watch list` shows each search's filters as the options that set them, and `watch run`'s hint
for a search this version refuses gives the whole command that saves it again, corrected: its
filters as options and `--any-word`, so following it keeps what the search was (review F F4:
the hint gave only the query, and re-saving it dropped the filters). One renderer for both, kept
beside the option names of `cli/options.py` (a test saves every filter and compares).
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from pathlib import Path
from typing import Protocol

from pqsearch.errors import PqsearchError, QuerySyntaxError
from pqsearch.query.filters import Filters

DEFAULTS = Filters()
# What a shell reads as one word as it is: shlex's safe characters, and letters beyond ASCII
# ("Mobilité" needs no quotes, which shlex.quote gives it).
_SAFE = re.compile(r"[\w@%+=:,./-]+")

# The filters that take several values, by the option each value is typed after.
_MULTI_OPTIONS = {
    "legislature": "--legislature",
    "session": "--session",
    "author": "--author",
    "addressee": "--addressee",
    "portfolio": "--portfolio",
    "language": "--language",
    "sector": "--sector",
    "sector_mentioned": "--sector-mentioned",
    "answer_type": "--answer-type",
    "kind": "--kind",
}


def _text(value: str | dt.date) -> str:
    return value.isoformat() if isinstance(value, dt.date) else value


def shell_words(words: list[str]) -> str:
    """`words` as one shell command line, each quoted only where a shell needs it."""
    return " ".join(word if _SAFE.fullmatch(word) else shlex.quote(word) for word in words)


def filter_options(filters: Filters, *, all_words: bool = True) -> list[str]:
    """The command-line options that give `filters` (and `--any-word` unless `all_words`),
    one word each, unquoted; none for a filter left at its default."""
    options: list[str] = []
    for name, option in _MULTI_OPTIONS.items():
        for value in getattr(filters, name):
            options += [option, value]
    if filters.status:
        options += ["--status", filters.status]
    for option, date in (("--from", filters.date_from), ("--to", filters.date_to)):
        if date:
            options += [option, _text(date)]
    if filters.date_field != DEFAULTS.date_field:
        options += ["--date", filters.date_field]
    if filters.overdue:
        options.append("--overdue")
    if filters.reply_delay_days != DEFAULTS.reply_delay_days:
        options += ["--reply-delay", str(filters.reply_delay_days)]
    if filters.as_of:
        options += ["--as-of", _text(filters.as_of)]
    if not all_words:
        options.append("--any-word")
    return options


def add_command(
    name: str,
    query: str,
    filters: Filters,
    *,
    all_words: bool,
    replace: bool = False,
    index: Path | None = None,
) -> str:
    """The shell command that saves this search under `name` (in the index at `index`, when
    given), each word quoted as needed."""
    options = ["--replace"] * replace + filter_options(filters, all_words=all_words)
    options += ["--index", str(index)] if index is not None else []
    return shell_words(["pqsearch", "watch", "add", *_in_order([name, query], options)])


def add_arguments(query: str, filters: Filters, *, all_words: bool) -> str:
    """What follows `pqsearch watch add NAME` to save this search, as typed in a shell: the
    query and the options that give its filters and `--any-word` ("" for none)."""
    return shell_words(_in_order([query], filter_options(filters, all_words=all_words)))


def _in_order(words: list[str], options: list[str]) -> list[str]:
    """`words` (the name, the query; "" left out) and `options` in an order a shell and
    `watch add` read back: a word starting with "-" ("-logement") would be read as an option,
    so the options come first then, and "--"."""
    words = [word for word in words if word]
    if any(word.startswith("-") for word in words):
        return [*options, "--", *words]
    return [*words, *options]


class Saved(Protocol):
    """What the hint needs of a saved search (`watch.Watch`, which imports this module)."""

    @property
    def name(self) -> str: ...
    @property
    def query(self) -> str: ...
    @property
    def filters(self) -> Filters: ...
    @property
    def all_words(self) -> bool: ...


def how_to_change(saved: Saved, error: PqsearchError, index: Path) -> str:
    """How to save again a search whose query this version refuses (s20: "TO", "=="): the
    whole command, for the index it is saved in, with the corrected query when the error has
    one; "" for another error."""
    if not isinstance(error, QuerySyntaxError) or not error.query:
        return ""
    fixed = error.corrected or saved.query
    command = add_command(
        saved.name, fixed, saved.filters, all_words=saved.all_words, replace=True, index=index
    )
    if error.corrected:
        return f"\nChange it (this forgets what it has shown): {command}"
    return f"\nChange it, with the query fixed as above (this forgets what it has shown): {command}"
