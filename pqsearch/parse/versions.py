"""Two copies of one question (a page and a record, two saves of a page): which one to keep.

The newer content wins, whatever its format. "Newer" is read from what the copies say of
themselves, in this order:

1. an answer beats no answer, and among answers the later answer date wins;
2. a whole answer beats one the source cut short ("1", "QUESTION 1": see `truncated_answer`);
3. the later publication date wins (a publication where the other has none).

When the copies say the same on all three, the format decides: a page is the source of
truth, its text rendering next, a third party's record last; the same format keeps the copy
met first in a run (across runs, the file read now replaces the indexed one). `Version`
keeps only what this needs, so that a run does not hold every record's text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Named in annotations only: the search path imports this module (`FORMAT_RANK`).
    from pqsearch.models import Question

# Precedence of source formats when nothing else tells two copies apart.
FORMAT_RANK = {"html": 3, "text": 2, "jsonl": 1, "index": 0}
# What a collector leaves of an answer laid out as nested tables: the heading of the first
# cell ("QUESTION 1", "Question 1 :") or a bare number ("1", "1.", "1)").
_TRUNCATED = re.compile(r"^(?:question\s*(?:n°\s*)?)?\d{1,3}\s*[.):°]?$", re.IGNORECASE)


def truncated_answer(answer: str | None) -> bool:
    """True when an answer is only the heading or number that opens a real answer."""
    return answer is not None and bool(_TRUNCATED.match(" ".join(answer.split())))


@dataclass(frozen=True)
class Version:
    """What tells two copies of a question apart, without their texts."""

    source: str
    source_format: str
    content_hash: str
    answered: bool
    answered_on: dt.date | None
    published_on: dt.date | None
    truncated: bool

    @classmethod
    def of(cls, question: Question) -> Version:
        return cls(
            source=question.source,
            source_format=question.source_format,
            content_hash=question.content_hash,
            answered=question.answer is not None,
            answered_on=question.answered_on,
            published_on=question.published_on,
            truncated=truncated_answer(question.answer),
        )

    @property
    def rank(self) -> int:
        return FORMAT_RANK.get(self.source_format, 0)

    def describe(self) -> str:
        return f"{self.source} ({self.source_format})"


def preferred(candidate: Version, kept: Version, *, tie_replaces: bool) -> tuple[bool, str]:
    """Whether `candidate` should replace `kept`, and why (the reason names the winner's
    advantage, for the ingest report). `tie_replaces` settles copies equal in every respect."""
    a, b = candidate, kept
    if a.answered != b.answered:
        return a.answered, "newer content: an answer where the other copy has none"
    a_day = a.answered_on if a.answered else None
    b_day = b.answered_on if b.answered else None
    if a_day != b_day:
        return _later(a_day, b_day), _dates("an answer", a_day, b_day)
    if a.truncated != b.truncated:
        return b.truncated, "a whole answer where the other copy has one cut short"
    if a.published_on != b.published_on:
        return _later(a.published_on, b.published_on), _dates(
            "a publication", a.published_on, b.published_on
        )
    if a.rank != b.rank:
        return a.rank > b.rank, "same dates: a page wins over a text rendering or a record"
    if tie_replaces:
        return True, "same dates and format: the file read now replaces the indexed one"
    return False, "same dates and format: the copy read first is kept"


def _later(a: dt.date | None, b: dt.date | None) -> bool:
    return b is None or (a is not None and a > b)


def _dates(what: str, a: dt.date | None, b: dt.date | None) -> str:
    days = sorted((d for d in (a, b) if d is not None), reverse=True)
    older = f"{days[1]:%d/%m/%Y}" if len(days) > 1 else "none"
    return f"newer content: {what} dated {days[0]:%d/%m/%Y} where the other copy has {older}"
