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
from pqsearch.query.filters import Filters
from pqsearch.query.match import matched_docs
from pqsearch.query.values import closed_values, value_terms
from pqsearch.results import AbsentValue


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
    """Of the values typed, those that name a value no live document has, once each."""
    found: dict[tuple[str, str], AbsentValue] = {}
    for field_name, text in typed:
        try:
            terms = value_terms(index, field_name, text, sector_resolver)
        except QuerySyntaxError:
            continue  # the search itself said what is wrong with it
        for term in terms:
            if not isinstance(term, qt.Term) or (term.field, term.text) in found:
                continue
            if len(matched_docs(index, term)) == 0:
                label = _label(term.field, term.text, sector_label)
                found[term.field, term.text] = AbsentValue(field_name, text, term.text, label)
    return tuple(found.values())


def _label(index_field: str, value: str, sector_label: Callable[[str], str] | None) -> str:
    if index_field in ("sectors", "sectors_mentioned") and sector_label is not None:
        return sector_label(value)
    return (closed_values(index_field) or {}).get(value, value)
