"""The tree `syntax.parse_query` gives: what the user typed, typed and checked.

The compiler (`compile.py`) turns it into the query tree of `tree.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeAlias


@dataclass(frozen=True)
class Word:
    """One word as the user typed it (not folded); `field` limits it to one text field."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class Prefix:
    """`technolog*`: words starting with `text` (the `*` is not part of `text`)."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class Phrase:
    """Quoted words, in order, as typed; `literal` for `="..."` (these exact forms, not
    their other inflections)."""

    words: tuple[str, ...]
    field: str | None = None
    literal: bool = False


@dataclass(frozen=True)
class FieldValue:
    """A metadata field and its value as typed, to resolve against the indexed values.

    `field` is canonical (`author`, `session`...). For `status` the value is known to be
    valid and `fields.canonical_status` gives the indexed form; `number` values are digits.
    """

    field: str
    value: str


@dataclass(frozen=True)
class DateRange:
    """Documents whose `field` date (received, published, answered) lies in [start, end].

    Both ends are included; None is an open end (never both).
    """

    field: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class And:
    """Every item must match."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    """At least one item must match."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    """Plain words side by side: at least one must match, matching all of them ranks first.

    Items are only words, prefixes, phrases and groups holding some; the filters and
    exclusions typed among them are lifted into an enclosing `And` (then one word alone is
    an AnyOf of one: a plain word, not an operand of AND). `beside_filters` marks that
    lifted AnyOf: the `And` holding it was not typed, so its words are plain words, where a
    group typed as an operand of AND ("logement AND (toujours déjà)") is named by it.
    """

    items: tuple[Node, ...]
    beside_filters: bool = False


@dataclass(frozen=True)
class Not:
    """Documents that do not match `item`. At the top level it means "everything except"."""

    item: Node


Node: TypeAlias = Word | Prefix | Phrase | FieldValue | DateRange | And | Or | AnyOf | Not
