"""What one copy of a question holds and the kept copy lacks: the kept copy takes it.

A Brussels record carries the question's Dutch title (`title_nl`, searched), which its saved
page never has, and the page's link (`url`), which a text rendering has not. `parse.versions`
decides which copy is kept; that copy, whether written in this run or indexed by an earlier
one, takes these fields from the copies it beats, so that the index holds the same whatever
the order and the number of ingests (audit 9, finding 4: pages ingested before their records
never got their Dutch title, and a page replacing an indexed record dropped it). The other
fields are either read from the same page by every format or tell which copy is newer (the
dates, the answer): they stay the kept copy's own. A copy's content hash is its own too, so
the same file read again is still unchanged.

A field a copy's format never holds (a page's Dutch title) is always another copy's: a copy
read in this run gives it before the indexed copy, so that a record's corrected Dutch title
reaches the page indexed with the old one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pqsearch.models import Question

# Each field a copy may lack, and the formats whose copies hold it themselves.
HELD_BY = {
    "title_nl": frozenset({"jsonl", "index"}),
    "url": frozenset({"html", "jsonl", "index"}),
}


def lacking(question: Question) -> frozenset[str]:
    """The fields `question` does not hold itself: empty, or never held by its format."""
    return frozenset(
        name
        for name, formats in HELD_BY.items()
        if question.source_format not in formats or not getattr(question, name)
    )


def gives(question: Question) -> bool:
    """Whether `question` has a value for any of these fields."""
    return any(getattr(question, name) for name in HELD_BY)


class Supplements:
    """The values the copies of each question met in this run gave (the first copy met that
    has one gives it), then those of the indexed copies they replace."""

    def __init__(self) -> None:
        # Only the questions with something to give: most have no Dutch title.
        self.by_id: dict[str, dict[str, str]] = {}
        self.indexed: dict[str, dict[str, str]] = {}

    def note(self, question: Question, *, indexed: bool = False) -> None:
        held = self.indexed if indexed else self.by_id
        for name in HELD_BY:
            value = getattr(question, name)
            if value:
                held.setdefault(question.id, {}).setdefault(name, value)

    def changes(self, question: Question) -> dict[str, Any]:
        """The values another copy gives for the fields `question` lacks, where they differ."""
        run = self.by_id.get(question.id, {})
        indexed = self.indexed.get(question.id, {})
        found: dict[str, Any] = {}
        for name in lacking(question):
            value = run.get(name) or indexed.get(name)
            if value and value != getattr(question, name):
                found[name] = value
        return found

    def complete(self, question: Question) -> Question:
        """`question` with the values other copies give for the fields it lacks."""
        changes = self.changes(question)
        return replace(question, **changes) if changes else question
