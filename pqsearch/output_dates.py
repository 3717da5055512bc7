"""Dates as the terminal prints them: a day, where an answer stands, a document's known dates
(never a dash for an answer's date: an unknown reply date says what is known instead)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pqsearch.analyze.answer_types import NOT_PUBLISHED

if TYPE_CHECKING:
    from pqsearch.models import Document


def day(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def answer_state(
    answered: bool,
    answered_on: dt.date | None,
    *,
    not_published: bool = False,
    published_on: dt.date | None = None,
) -> str:
    """ "answered 31/03/2021", or a published answer whose record gives no reply date (the
    federal Chamber's bulletin: its publication date then), or a reply date without a
    published text, or an answer sent to the member and not printed, or no answer."""
    if answered and answered_on is not None:
        return f"answered {day(answered_on)}"
    if answered:
        # Never "answered —": what is known is that the answer was published (s18).
        return f"answer published {day(published_on)}" if published_on else "answer published"
    if answered_on is not None:
        return f"answered on {day(answered_on)}, answer not published"
    if not_published:
        return "answer sent to the member, not published"
    return "no answer yet"


def dates_known(document: Document) -> list[str]:
    """The document's dates as `show` prints them: the known ones, and what is known of the
    answer where its date is not (never a dash for a date: s18)."""
    q = document.question
    dates = [
        f"{label} {day(value)}"
        for label, value in (("received", q.received_on), ("published", q.published_on))
        if value is not None
    ]
    if q.answered_on is not None:
        # A reply date without a published text reads as `search` says it (s19).
        dates.append(answer_state(bool(q.answer), q.answered_on))
    elif document.answer_type == NOT_PUBLISHED:
        # Before the text test: such a record's text says where the answer went (review W1).
        dates.append("answer sent to the member, not published")
    elif q.answer:
        dates.append("answer published, no reply date given")
    else:
        dates.append("no answer yet")
    dates[0] = dates[0][:1].upper() + dates[0][1:]
    return dates
