"""The same question sent to several ministers, shown once on a result page.

A parliament member often sends one question, word for word, to each minister concerned:
each copy is its own document (own id, own addressee, own answer), and ten copies would fill
a page. A page therefore keeps the best-ranked copy of each question and lists the others
with it (`Hit.copies`). Copies are documents with the same author, the same title and the
same question text (folded, spaces normalised). Totals and facets still count documents.

Grouping needs the records of the documents ranked up to the page, so it reads a window of
`COPY_WINDOW` times the documents up to the page's end (copies score alike, so they sit side
by side in the ranking); a copy ranked beyond the window is not listed with its question.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pqsearch.analyze.fold import fold
from pqsearch.models import Copy

COPY_WINDOW = 3
# Never more records read for one page than this, however deep the page.
MAX_WINDOW = 3_000


@dataclass(frozen=True)
class Grouped:
    """A document kept on the page, its score, and the copies shown with it."""

    docnum: int
    score: float
    copies: tuple[Copy, ...]


def window(stop: int) -> int:
    """How many ranked documents to read to fill a page ending at `stop` (groups)."""
    return min(max(stop * COPY_WINDOW, stop), max(MAX_WINDOW, stop))


def copy_key(record: Mapping[str, Any]) -> str | None:
    """What the copies of one question share, or None for a record without question text
    or author (nothing to tell its copies apart from look-alikes by)."""
    text, author = record.get("question") or "", record.get("author") or ""
    if not text.strip() or not author.strip():
        return None
    parts = (author, record.get("title") or "", text)
    folded = "\x1f".join(" ".join(fold(part).split()) for part in parts)
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=16).hexdigest()


def group_copies(
    ranked: Sequence[tuple[int, float]], record: Callable[[int], Mapping[str, Any]]
) -> list[Grouped]:
    """`ranked` (document, score) with each question's copies folded into its best-ranked
    one, in rank order; `record(docnum)` gives a document's stored question."""
    groups: dict[str, list[tuple[int, float, Mapping[str, Any]]]] = {}
    order: list[str] = []
    for position, (docnum, score) in enumerate(ranked):
        stored = record(docnum)
        key = copy_key(stored) or f"#{position}"
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((docnum, score, stored))
    return [
        Grouped(
            docnum=groups[key][0][0],
            score=groups[key][0][1],
            copies=tuple(
                Copy(str(stored["id"]), stored.get("addressee")) for _, _, stored in groups[key][1:]
            ),
        )
        for key in order
    ]


__all__ = ["COPY_WINDOW", "Grouped", "copy_key", "group_copies", "window"]
