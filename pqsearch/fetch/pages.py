"""The pages of a harvest: where each is stored, and what a body must be to be stored.

A French page is stored only if the page parser reads it as the page of the question asked
for, so an error page served with status 200, a cut body or another question's page never
replaces a good copy. Dutch pages cannot be parsed yet, so only what any whole page has is
checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pqsearch.errors import ParseError
from pqsearch.fetch.weblex_index import IndexEntry
from pqsearch.models import Question
from pqsearch.parse import parse_bytes

Language = Literal["fr", "nl"]


@dataclass(frozen=True)
class PageTask:
    """One page to ask for: the entry it belongs to, its language, its URL."""

    entry: IndexEntry
    language: Language
    url: str

    @property
    def key(self) -> str:
        return f"{self.language}/{self.entry.key}"

    @property
    def file(self) -> str:
        """Where it is stored in the corpus folder; Dutch pages end so that ingest skips them."""
        name = self.entry.moncode
        if self.entry.base != "1":
            name += f"-base{self.entry.base}"
        return f"fr/{name}.html" if self.language == "fr" else f"nl/{name}.html.nl"


class FrenchPage:
    """Accepts a body only if the page parser reads it as this question's page; keeps it."""

    def __init__(self, task: PageTask) -> None:
        self.task = task
        self.question: Question | None = None

    def __call__(self, body: bytes) -> str | None:
        try:
            (question,) = parse_bytes(body, source=self.task.url)
        except ParseError as error:
            return f"not a question page: {error.reason}"
        except ValueError:
            return "not a question page: it holds several records"
        if question.source_format != "html":
            return f"not a question page: read as {question.source_format}"
        if question.id != self.task.entry.moncode:
            return f"the page of question {question.id}, not {self.task.entry.moncode}"
        self.question = question
        return None


class DutchPage:
    """Dutch pages are not parsed yet, so only what any page has is checked: a whole HTML
    document that names its own document code (an error page or a cut body has not)."""

    def __init__(self, task: PageTask) -> None:
        self.task = task

    def __call__(self, body: bytes) -> str | None:
        text = body.decode("utf-8", "replace")
        if "<html" not in text[:2000].lower():
            return "not an HTML page"
        if "</html>" not in text[-2000:].lower():
            return "the page is cut short (no </html> at its end)"
        if f"moncode={self.task.entry.moncode}" not in text:
            return f"not the page of question {self.task.entry.moncode} (an error page?)"
        return None
