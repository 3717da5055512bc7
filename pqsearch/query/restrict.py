"""The filters of a search as one query: metadata values, status, overdue, dates."""

from __future__ import annotations

import datetime as dt

from pqsearch.errors import QuerySyntaxError
from pqsearch.query import tree as qt
from pqsearch.query.compile import Compiler
from pqsearch.query.dates import parse_date_span
from pqsearch.query.filters import Filters
from pqsearch.query.overdue import overdue_query


def filter_query(compiler: Compiler, filters: Filters) -> qt.Query | None:
    parts: list[qt.Query] = []
    for name in Filters.MULTI_VALUED:
        values: tuple[str, ...] = getattr(filters, name)
        if values:
            parts.append(compiler.values_query(name, values))
    if filters.status:
        parts.append(compiler.values_query("status", (filters.status,)))
    if filters.overdue:
        as_of = _day(filters.as_of, end=True)
        parts.append(overdue_query(as_of=as_of, delay_days=filters.reply_delay_days))
    if filters.date_from or filters.date_to:
        start = _day(filters.date_from, end=False)
        end = _day(filters.date_to, end=True)
        if start and end and start > end:
            raise QuerySyntaxError(
                f"The date range is empty: {start} is after {end}.",
                kind="range_reversed",
                value=f"{filters.date_from} – {filters.date_to}",
            )
        parts.append(compiler.date_query(filters.date_field, start, end))
    return qt.all_of(parts) if parts else None


def _day(value: str | dt.date | None, *, end: bool) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    first, last = parse_date_span(value)
    return last if end else first
