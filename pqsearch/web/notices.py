"""What the search page says when a search finds nothing: of the index itself (empty, or its
first ingest unfinished), or what the same words find without a filter, so that
"0 documents" is never the whole answer."""

from __future__ import annotations

from dataclasses import dataclass

from pqsearch import Index, PqsearchError, UnknownValueError
from pqsearch.web.params import MULTI, SearchState, linked_value


@dataclass(frozen=True)
class IndexState:
    """An index that cannot hold the documents sought: empty, its first ingest stopped, or
    that first ingest still running."""

    root: str
    empty: bool
    unfinished: bool
    ingesting: bool = False

    @classmethod
    def of(cls, index: Index) -> IndexState | None:
        """The state of `index` worth saying, or None for an index holding its documents.

        Its count and its first ingest's mark are read on one generation (the caller's, when
        it holds one: `Index.one_generation`), and whether an ingest runs both before and
        after: an ingest that commits or ends meanwhile is still said to be running, never
        an index "empty" or "stopped" that it was filling (s18 note)."""
        running = index.ingest_running
        with index.one_generation():
            empty = index.document_count == 0
            unfinished = index.first_ingest_unfinished
        if not (empty or unfinished):
            return None
        if running or index.ingest_running:
            # A first ingest marks the index unfinished when it starts: while it runs, that
            # is not "it stopped, run it again" (review 17, B2r).
            return cls(str(index.root), empty=False, unfinished=False, ingesting=True)
        return cls(str(index.root), empty, unfinished)


@dataclass(frozen=True)
class Widening:
    """A search that found nothing, run again without one of its filters (`parameter` and
    `value`; both empty: without any) and what it finds then."""

    parameter: str
    value: str
    total: int
    href: str


# Above this many active filters, only "without any filter" is tried: each try is a search.
MAX_WIDENINGS = 6


def widenings(index: Index, state: SearchState) -> tuple[Widening, ...]:
    """The searches a filtered search that found nothing would find something with."""
    if not state.has_filters:
        return ()
    active = list(state.active())
    tries = [(name, value, state.removing(name, value)) for name, value in active]
    if len(tries) > MAX_WIDENINGS:
        tries = []
    if len(active) > 1 or not tries:
        tries.append(("", "", state.changed(values={}, status="", date_from="", date_to="")))
    found: list[Widening] = []
    for name, value, wider in tries:
        total = index.search(
            wider.q,
            filters=wider.filters(),
            facets=[],
            limit=0,
            correct=wider.correct,
            group_copies=True,
        ).total
        if total:
            found.append(Widening(name, value, total, wider.url()))
    return tuple(found)


@dataclass(frozen=True)
class Correction:
    """A filter value that matched nothing, and links to the closest real values."""

    message: str
    links: tuple[tuple[str, str], ...]


# An error names the index's field; the page's parameter may be named otherwise.
_PARAMETERS = {"portfolios": "portfolio"}
# With no value close to the one typed, this many of the field's most frequent ones instead.
MAX_VALUES_OFFERED = 12


def _parameter(error: UnknownValueError) -> str | None:
    field = _PARAMETERS.get(error.field, error.field)
    return field if field in MULTI else None


def correction(state: SearchState, error: PqsearchError) -> Correction | None:
    """Links to the closest real values of a filter value (or word) that matched nothing."""
    if not isinstance(error, UnknownValueError) or not error.suggestions:
        return None
    field = _parameter(error)
    links: list[tuple[str, str]] = []
    for suggestion in error.suggestions:
        if field and error.value in state.values.get(field, ()):
            fixed = state.removing(field, error.value).adding(field, suggestion)
        else:
            fixed = state.changed(q=state.q.replace(error.value, suggestion))
        links.append((suggestion, fixed.url()))
    return Correction(str(error), tuple(links))


def values_instead(index: Index, state: SearchState, error: UnknownValueError) -> Correction | None:
    """A filter value of the page with no real value close to it: the field's most frequent
    values among what the rest of the search finds, in its place (the library's message
    names a CLI command a browser user lacks)."""
    field = _parameter(error)
    if field is None or error.value not in state.values.get(field, ()):
        return None
    without = state.removing(field, error.value)
    try:
        found = index.facet(field, query=without.q, filters=without.filters()).results
    except PqsearchError:
        # Another value of the page is wrong too (review 17, B1r: an HTTP 500): the field's
        # values over the whole index.
        found = ()
    counts = (found or index.facet(field).results)[:MAX_VALUES_OFFERED]
    # A portfolio is offered by its whole name, as its facet links select it (B5r).
    links = tuple(
        (c.value, without.adding(field, linked_value(field, c.value)).url()) for c in counts
    )
    return Correction(str(error), links) if links else None
