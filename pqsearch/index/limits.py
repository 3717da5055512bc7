"""What ingest refuses to index however well it parsed: too much text, too large a number."""

from __future__ import annotations

from pqsearch.index.schema import TEXT_PARTS
from pqsearch.models import FileFailure, Question
from pqsearch.parse.fields import MAX_NUMBER

# Text beyond this is not a question page but a scraping accident, and spaCy's memory grows
# with it: 1 million characters took 2.6 GB and 25 s, 20 million went past 16 GB.
MAX_TEXT_CHARS = 1_000_000


def refusal(question: Question) -> FileFailure | None:
    """Why `question` is not indexed, as a failure of its source, or None."""
    size = sum(len(getattr(question, part) or "") for part in TEXT_PARTS)
    if size > MAX_TEXT_CHARS:
        return FileFailure(
            question.source,
            f"{size:,} characters of text; pqsearch analyses up to {MAX_TEXT_CHARS:,} per "
            "document (a question with its answer rarely has 100,000), so it is not indexed",
        )
    if (question.number or 0) > MAX_NUMBER:
        return FileFailure(
            question.source,
            f"question number {question.number} is beyond {MAX_NUMBER:,}, the "
            "largest the index holds, so it is not indexed",
        )
    return None
