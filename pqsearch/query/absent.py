"""The valid filter values of a search that no document in the index has.

"kind:oral", `--answer-type renvoi`, `--legislature 29/34` or a sector of the taxonomy are
values a search accepts though no document holds them yet: they match nothing without an
error (a saved search waits for the first such document). When nothing matched, the search
names them, so that "0 documents" is not read as an answer about the words typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pqsearch.errors import QuerySyntaxError
from pqsearch.index.reader import IndexReader
from pqsearch.query import tree as qt
from pqsearch.query.fields import check_status, field_spec
from pqsearch.query.filters import Filters
from pqsearch.query.match import matched_docs
from pqsearch.query.values import closed_values, value_terms
from pqsearch.results import AbsentValue

# The fields whose values a search accepts though no document holds them (a closed set, a
# well-formed period, a sector of the taxonomy); each has a facet of the same name. An id or
# a name no document has is not a value that "matches nothing yet".
NAMED_FIELDS = frozenset(
    {
        "kind",
        "answer_type",
        "language",
        "legislature",
        "session",
        "status",
        "sectors",
        "sectors_mentioned",
    }
)


def typed_filters(filters: Filters) -> list[tuple[str, str]]:
    """(filter, value) for each value of a filter that names metadata values."""
    pairs = [(name, value) for name in Filters.MULTI_VALUED for value in getattr(filters, name)]
    if filters.status:
        pairs.append(("status", filters.status))
    return pairs


def absent_values(
    index: IndexReader,
    typed: Iterable[tuple[str, str]],
    *,
    sector_resolver: Callable[[str], str] | None = None,
    sector_label: Callable[[str], str] | None = None,
) -> tuple[AbsentValue, ...]:
    """Of the values typed, those of which no value they name is held by a live document,
    once each. "question" names every kind: it is absent only if no kind is held."""
    found: dict[tuple[str, ...], AbsentValue] = {}
    for field_name, text in typed:
        try:
            terms = value_terms(index, field_name, text, sector_resolver)
        except QuerySyntaxError:
            continue  # the search itself said what is wrong with it
        if len(terms) == 1 and isinstance(terms[0], qt.Or | qt.AndNot) and _is_status(field_name):
            # A status is read from two fields (query/status.py): absent when no live
            # document has it (review 17, V2: the notice was lost with the single term).
            status = check_status(text)
            if ("status", status) not in found and not len(matched_docs(index, terms[0])):
                found[("status", status)] = AbsentValue(field_name, text, status, status)
            continue
        named = [t for t in terms if isinstance(t, qt.Term) and t.field in NAMED_FIELDS]
        if not named or len(named) != len(terms):
            continue
        key = (named[0].field, *sorted(t.text for t in named))
        if key in found or any(len(matched_docs(index, t)) for t in named):
            continue
        values = [t.text for t in named]
        labels = [_label(t.field, t.text, sector_label) for t in named]
        found[key] = AbsentValue(field_name, text, ", ".join(values), ", ".join(labels))
    return tuple(found.values())


def _is_status(field_name: str) -> bool:
    spec = field_spec(field_name)
    return spec is not None and spec.index_field == "status"


def _label(index_field: str, value: str, sector_label: Callable[[str], str] | None) -> str:
    if index_field in ("sectors", "sectors_mentioned") and sector_label is not None:
        return sector_label(value)
    if index_field in ("kind", "answer_type"):
        return (closed_values(index_field) or {}).get(value, value)
    return value
