"""The state of a search, read from and written back to a URL.

The URL holds everything (words, filters, dates, sort, page, language), so a search can be
bookmarked or sent to a colleague and the back button works. `/search` and `/api/search` read
the same parameters.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlencode

from pqsearch import (
    DATE_FIELD_CHOICES,
    SORTS,
    DateField,
    Filters,
    QuerySyntaxError,
    Sort,
    choose,
    parse_status,
)
from pqsearch.query.values import EXACT
from pqsearch.web.i18n import Language, language_of

# Filters that take several values (any of them), by URL parameter = `Filters` field name.
MULTI = Filters.MULTI_VALUED


def linked_value(parameter: str, value: str) -> str:
    """The filter value a link to one facet value selects: a portfolio by its whole name
    ("=Mobilité"), as a plain portfolio value also takes every portfolio with a word starting
    so, more documents than the facet counted (audit 17, Q3)."""
    return EXACT + value if parameter == "portfolio" else value


def shown_value(parameter: str, value: str) -> str:
    """A filter value as the page shows it: a portfolio's name without its "=" (review 17, V4)."""
    if parameter == "portfolio" and value.startswith(EXACT):
        return value[len(EXACT) :]
    return value


# Ten hits a page, as the CLI: the marked snippets are most of a page's cost.
PAGE_LIMIT = 10
MAX_PAGE_LIMIT = 100


class QueryParams(Protocol):
    """What a request's query string (or a parsed form) offers: Starlette's `QueryParams`."""

    def get(self, key: str, /) -> str | None: ...

    def getlist(self, key: str, /) -> list[str]: ...

    def keys(self) -> Iterable[str]: ...


@dataclass(frozen=True)
class SearchState:
    """One search as the URL gives it."""

    q: str = ""
    values: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    status: str = ""
    date_from: str = ""
    date_to: str = ""
    date: DateField = "received"
    sort: Sort = "relevance"
    page: int = 1
    limit: int = PAGE_LIMIT
    lang: Language = "fr"
    # False (`correct=0`): search a word that matches nothing as typed, not its correction.
    correct: bool = True

    @classmethod
    def read(
        cls,
        params: QueryParams,
        *,
        max_limit: int = MAX_PAGE_LIMIT,
        default_limit: int = PAGE_LIMIT,
    ) -> SearchState:
        date = choose("date", params.get("date") or "received", DATE_FIELD_CHOICES)
        values = {
            name: tuple(dict.fromkeys(v.strip() for v in params.getlist(name) if v.strip()))
            for name in MULTI
        }
        return cls(
            q=(params.get("q") or "").strip(),
            values={name: found for name, found in values.items() if found},
            status=(params.get("status") or "").strip(),
            date_from=(params.get("from") or "").strip(),
            date_to=(params.get("to") or "").strip(),
            date=date,
            sort=choose("sort", params.get("sort") or "relevance", SORTS),
            page=_whole(params.get("page"), "page", default=1, low=1, high=10_000),
            limit=_whole(
                params.get("limit"), "limit", default=default_limit, low=0, high=max_limit
            ),
            lang=language_of(params.get("lang")),
            correct=(params.get("correct") or "1").strip().lower() not in ("0", "false", "no"),
        )

    def filters(self) -> Filters:
        # Every multi-valued filter the URL holds, by its `Filters` name: listed by hand, one
        # was left out (audit 17, Q1: `sector_mentioned=H` was kept in the URL and shown, but
        # the search ran without it and answered every document).
        chosen: dict[str, Any] = {name: self.values.get(name, ()) for name in MULTI}
        return Filters(
            **chosen,
            status=parse_status(self.status) if self.status else None,
            date_from=self.date_from or None,
            date_to=self.date_to or None,
            date_field=self.date,
        )

    @property
    def has_filters(self) -> bool:
        return bool(self.values or self.status or self.date_from or self.date_to)

    def pairs(self) -> list[tuple[str, str]]:
        """The URL parameters of this state, defaults left out."""
        pairs: list[tuple[str, str]] = [("q", self.q)] if self.q else []
        for name in MULTI:
            pairs.extend((name, value) for value in self.values.get(name, ()))
        optional = (
            ("status", self.status, ""),
            ("from", self.date_from, ""),
            ("to", self.date_to, ""),
            ("date", self.date, "received"),
            ("sort", self.sort, "relevance"),
            ("page", str(self.page), "1"),
            ("limit", str(self.limit), str(PAGE_LIMIT)),
            ("lang", self.lang, "fr"),
            ("correct", "1" if self.correct else "0", "1"),
        )
        pairs.extend((name, value) for name, value, default in optional if value != default)
        return pairs

    def results(self) -> str:
        """This search as the `results` parameter of a document page opened from its hits
        (its URL parameters but the language, which is the document page's own)."""
        return urlencode([(name, value) for name, value in self.pairs() if name != "lang"])

    def url(self, path: str = "/search") -> str:
        pairs = self.pairs()
        return f"{path}?{urlencode(pairs)}" if pairs else path

    def changed(self, **changes: object) -> SearchState:
        """This state with some fields replaced; back to page 1 unless a page is given."""
        return dataclasses.replace(self, **{"page": 1, **changes})  # type: ignore[arg-type]

    def adding(self, name: str, value: str) -> SearchState:
        """Narrowed by one more value of a facet (a single-valued one is replaced)."""
        if name == "status":
            return self.changed(status=value)
        current = self.values.get(name, ())
        added = current if value in current else (*current, value)
        return self.changed(values={**self.values, name: added})

    def removing(self, name: str, value: str) -> SearchState:
        if name == "status":
            return self.changed(status="")
        if name == "from":
            return self.changed(date_from="")
        if name == "to":
            return self.changed(date_to="")
        kept = tuple(v for v in self.values.get(name, ()) if v != value)
        values = {k: v for k, v in self.values.items() if k != name}
        return self.changed(values={**values, name: kept} if kept else values)

    def active(self) -> Iterable[tuple[str, str]]:
        """Every active filter as (parameter, value), in URL order."""
        for name in MULTI:
            for value in self.values.get(name, ()):
                yield name, value
        if self.status:
            yield "status", self.status
        if self.date_from:
            yield "from", self.date_from
        if self.date_to:
            yield "to", self.date_to


def results_url(results: str | None, language: Language) -> tuple[str, str] | None:
    """The search page a document page was opened from (its `results` parameter), in the
    document page's language, and that search re-written as a `results` parameter for the
    page's own links (never the raw value copied: review W4); None when it was not opened
    from a search, or the parameter is not one or names no search (a hand-edited URL: the
    page is shown without the link)."""
    if results is None:
        return None
    from starlette.datastructures import QueryParams as Parsed

    try:
        state = SearchState.read(Parsed(results))
    except QuerySyntaxError:
        return None
    cleaned = state.results()
    if not cleaned:
        return None
    return dataclasses.replace(state, lang=language).url(), cleaned


def with_language(path: str, query: str, language: str) -> str:
    """The address `path?query` in another language (the page's switch)."""
    from urllib.parse import parse_qsl

    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "lang"]
    if language != "fr":
        pairs.append(("lang", language))
    return f"{path}?{urlencode(pairs)}" if pairs else path


def _whole(raw: str | None, name: str, *, default: int, low: int, high: int) -> int:
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadNumberError(name, raw, low, high) from None
    if not low <= value <= high:
        raise BadNumberError(name, raw, low, high)
    return value


class BadNumberError(QuerySyntaxError):
    """A page or a limit in a URL that is not a whole number in its range (`name`, `raw`,
    `low`, `high`: for the page to say it in its language)."""

    def __init__(self, name: str, raw: str, low: int, high: int) -> None:
        self.name = name
        self.raw = raw
        self.low = low
        self.high = high
        # The API's words, as before the page gave its own (s18).
        super().__init__(
            f"{name} must be between {low} and {high}, not {raw.strip()}."
            if raw.strip().lstrip("+-").isdigit()
            else f"{name} must be a whole number, not {raw!r}."
        )


def facet_parameter(facet: str) -> str | None:
    """The URL parameter a facet's value narrows (None for date buckets, handled apart)."""
    if facet in MULTI or facet == "status":
        return facet
    return None
