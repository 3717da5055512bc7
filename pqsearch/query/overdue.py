"""Overdue questions: no answer, and received longer ago than the delay a minister has.

The delay is an option, not a rule read from the sources: neither the pages nor the records
state the Brussels Parliament's reply delay for written questions. The default,
`REPLY_DELAY_DAYS`, is a working assumption (about four weeks, the order of the delays
Belgian assemblies set); pass the delay your assembly's rules of procedure give.
"""

from __future__ import annotations

import datetime as dt

from pqsearch.index.schema import UNANSWERED, date_to_int
from pqsearch.query import tree as qt

REPLY_DELAY_DAYS = 30


def overdue_query(*, as_of: dt.date | None, delay_days: int) -> qt.Query:
    """Questions without an answer nor a reply date, received more than `delay_days` days
    before `as_of` (default: today), neither withdrawn, lapsed nor converted."""
    if delay_days < 0:
        from pqsearch.errors import QuerySyntaxError

        raise QuerySyntaxError(f"The reply delay is a number of days, not {delay_days}.")
    # Imported here: the answer classifier's patterns cost 11 ms to compile, and a search
    # without --overdue needs none of it.
    from pqsearch.analyze.answer_types import CONVERTED, LAPSED, WITHDRAWN

    cutoff = (as_of or dt.date.today()) - dt.timedelta(days=delay_days)
    # Received exactly `delay_days` ago is due today, not yet late: the range ends the day before.
    late = qt.And(
        (
            qt.Term("status", UNANSWERED),
            qt.Range("received", None, date_to_int(cutoff - dt.timedelta(days=1))),
        )
    )
    # Questions that will never be answered are not late.
    closed = [qt.Term("answer_type", t) for t in (WITHDRAWN, LAPSED, CONVERTED)]
    return qt.AndNot(late, qt.Or((qt.Range("answered", None, None), *closed)))
