"""The restrictions of a search (`Filters`) and the closed sets of words the API takes.

A closed set is a `Literal` for type checkers and a tuple for the check at run time
(`choose`), which raises `InvalidChoiceError` naming the valid values: a caller without a type
checker (a script, the web, a saved search read from JSON) gets a message, not a wrong result.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, TypeVar

from pqsearch.errors import InvalidChoiceError, NotTextError, QuerySyntaxError
from pqsearch.parse.names import is_utf8, shown_name
from pqsearch.query.fields import canonical_status
from pqsearch.query.overdue import REPLY_DELAY_DAYS

Sort = Literal["relevance", "newest", "oldest"]
SORTS: tuple[Sort, ...] = ("relevance", "newest", "oldest")
Status = Literal["answered", "unanswered"]
STATUSES: tuple[Status, ...] = ("answered", "unanswered")
DateField = Literal["received", "published", "answered"]
DATE_FIELD_CHOICES: tuple[DateField, ...] = ("received", "published", "answered")

T = TypeVar("T", bound=str)


def choose(option: str, value: object, valid: tuple[T, ...]) -> T:
    """`value` as one of `valid` (narrowed to its Literal type), else `InvalidChoiceError`."""
    for choice in valid:
        if value == choice:
            return choice
    raise InvalidChoiceError(option, value, valid)


def check_arguments(query: object, *, page: object, limit: object) -> None:
    """A wrong type from a caller is a message, not a raw TypeError from deep inside."""
    if not isinstance(query, str):
        raise QuerySyntaxError(f"The query is text (a str), not {type(query).__name__}.")
    check_text("query", query)
    for name, value in (("page", page), ("limit", limit)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise QuerySyntaxError(f"{name} is a whole number, not {value!r}.")


def check_text(what: str, value: str) -> None:
    """`NotTextError` when `value` holds a lone surrogate: a byte that was not UTF-8 in a
    command-line word (audit of session 14, D8: a traceback deep in the index's term codec)."""
    if not is_utf8(value):
        raise NotTextError(what, shown_name(value))


def parse_status(typed: object) -> Status:
    """answered or unanswered for a status as a user types it (answered, répondu,
    sans-réponse, pending, ...), else `InvalidChoiceError`."""
    status = canonical_status(typed) if isinstance(typed, str) else None
    return choose("status", status or typed, STATUSES)


def _values(name: str, given: object) -> tuple[str, ...]:
    # A plain string is one value: iterating it would filter on each of its letters.
    if isinstance(given, str):
        given = (given,)
    if isinstance(given, Iterable):
        values = tuple(given)
        if all(isinstance(v, str) for v in values):
            for value in values:
                check_text(f"{name} value", value)
            return values
    raise TypeError(f"Filters({name}=...) takes a string or a sequence of strings, not {given!r}.")


@dataclass(frozen=True)
class Filters:
    """Restrictions on a search; several values of one field mean any of them.

    A multi-valued field takes a tuple of values; one string given instead is that one value
    (`Filters(session="25/26")` is `Filters(session=("25/26",))`), never its letters.
    `status` takes answered or unanswered (or their French words: répondu, sans-réponse,
    ...), `date_field` received, published or answered; another value raises
    `InvalidChoiceError` here, when the filters are made.
    """

    # The fields that take several values (any of them), in the order they are applied.
    MULTI_VALUED: ClassVar[tuple[str, ...]] = (
        "legislature",
        "session",
        "author",
        "addressee",
        "portfolio",
        "language",
        "sector",
        "sector_mentioned",
        "answer_type",
        "kind",
    )

    legislature: tuple[str, ...] = ()
    session: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    addressee: tuple[str, ...] = ()
    portfolio: tuple[str, ...] = ()
    language: tuple[str, ...] = ()
    sector: tuple[str, ...] = ()
    answer_type: tuple[str, ...] = ()
    status: Status | None = None
    # Sectors a document mentions, topic or not (`sector` is the sectors it is about).
    sector_mentioned: tuple[str, ...] = ()
    date_from: str | dt.date | None = None
    date_to: str | dt.date | None = None
    date_field: DateField = "received"
    # The kind of question: written, oral_turned_written, ... (`models.KIND_LABELS`).
    kind: tuple[str, ...] = ()
    # Only questions still unanswered `reply_delay_days` after they were received, as of
    # `as_of` (default: today). See `query.overdue` for the default delay.
    overdue: bool = False
    reply_delay_days: int = REPLY_DELAY_DAYS
    as_of: str | dt.date | None = None

    def __post_init__(self) -> None:
        for name in self.MULTI_VALUED:
            object.__setattr__(self, name, _values(name, getattr(self, name)))
        for name, what in (
            ("date_from", "start date"),
            ("date_to", "end date"),
            ("as_of", "as-of date"),
        ):
            if isinstance(value := getattr(self, name), str):
                check_text(what, value)
        # "" is no status, as an empty form field means.
        object.__setattr__(self, "status", parse_status(self.status) if self.status else None)
        object.__setattr__(self, "date_field", choose("date", self.date_field, DATE_FIELD_CHOICES))

    def is_empty(self) -> bool:
        return not any(
            (
                *(getattr(self, name) for name in self.MULTI_VALUED),
                self.status,
                self.date_from,
                self.date_to,
                self.overdue,
            )
        )


def filters_to_json(filters: Filters) -> dict[str, Any]:
    """`filters` as JSON values (dates as ISO text), as a saved search keeps them."""
    return {
        name: value.isoformat() if isinstance(value, dt.date) else value
        for name, value in dataclasses.asdict(filters).items()
    }


def filters_from_json(saved: Mapping[str, Any]) -> Filters:
    """Filters as `filters_to_json` of this or another version wrote them: a null is the
    filter's default (no restriction); a filter this version does not have raises ValueError,
    as leaving it out would widen the search."""
    unknown = sorted(set(saved) - {field.name for field in dataclasses.fields(Filters)})
    if unknown:
        raise ValueError(
            f"a filter this version of pqsearch does not know: {', '.join(unknown)} (saved "
            "by a newer version? Run it with that one)"
        )
    values: dict[str, Any] = {
        name: tuple(value) if isinstance(value, list) else value
        for name, value in saved.items()
        if value is not None
    }
    for name, value in values.items():
        # A hand-edited value of the wrong kind ("date_from": 5) was a traceback at the next
        # run (review of session 14, R8).
        default = Filters.__dataclass_fields__[name].default
        if isinstance(default, tuple):
            right = isinstance(value, tuple) and all(isinstance(item, str) for item in value)
        elif isinstance(default, bool):
            right = isinstance(value, bool)
        elif isinstance(default, int):
            right = isinstance(value, int) and not isinstance(value, bool)
        else:
            right = isinstance(value, str)
        if not right:
            raise ValueError(f"a filter {name} of the wrong kind: {value!r}")
    return Filters(**values)
