"""The same question sent to several ministers, shown once on a result page.

A parliament member often sends one question to each minister concerned, word for word or
with the body named changed ("... à la STIB", "... au Siamu"): each copy is its own document
(own id, own addressee, own answer), and ten copies would fill a page. A page therefore
keeps the best-ranked copy of each question and lists the others with it (`Hit.copies`).
Copies are documents of the same author whose title and question share at least
`COPY_SIMILARITY` of their words (Jaccard, folded). Totals and facets still count documents.

Grouping needs the records of the documents ranked up to the page, so it reads a window of
`COPY_WINDOW` times the documents up to the page's end (copies score alike, so they sit side
by side in the ranking); a copy ranked beyond the window is not listed with its question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pqsearch.analyze.fold import fold
from pqsearch.results import Copy

COPY_WINDOW = 3
# Copies adapted to each minister share 0.7 to 1.0 of their words; two questions of one
# author on one topic share far fewer: over the 1,574 same-author pairs of the evaluation
# corpus (benchmarks/retrieval_quality.py), 1,425 share under 0.35 and 5 from 0.4 to 0.55.
COPY_SIMILARITY = 0.6
_WORDS = re.compile(r"[a-z0-9]+")
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


def signature(record: Mapping[str, Any]) -> tuple[str, frozenset[str]] | None:
    """The author and the folded words of title and question that copies share, or None for
    a record without question text or author (nothing to tell copies from look-alikes)."""
    text, author = record.get("question") or "", record.get("author") or ""
    if not text.strip() or not author.strip():
        return None
    words = _WORDS.findall(fold(f"{record.get('title') or ''} {text}"))
    return " ".join(fold(author).split()), frozenset(words)


def are_copies(one: tuple[str, frozenset[str]], other: tuple[str, frozenset[str]]) -> bool:
    """Whether two signatures are copies of one question."""
    if one[0] != other[0]:
        return False
    shared = len(one[1] & other[1])
    return shared >= COPY_SIMILARITY * len(one[1] | other[1])


def group_copies(
    ranked: Sequence[tuple[int, float]], record: Callable[[int], Mapping[str, Any]]
) -> list[Grouped]:
    """`ranked` (document, score) with each question's copies folded into its best-ranked
    one, in rank order; `record(docnum)` gives a document's stored question."""
    kept: list[tuple[int, float, tuple[str, frozenset[str]] | None, list[Copy]]] = []
    by_author: dict[str, list[int]] = {}
    for docnum, score in ranked:
        stored = record(docnum)
        mine = signature(stored)
        if mine is not None:
            leader = next(
                (i for i in by_author.get(mine[0], []) if are_copies(mine, kept[i][2] or mine)),
                None,
            )
            if leader is not None:
                kept[leader][3].append(Copy(str(stored["id"]), stored.get("addressee")))
                continue
            by_author.setdefault(mine[0], []).append(len(kept))
        kept.append((docnum, score, mine, []))
    return [Grouped(docnum, score, tuple(found)) for docnum, score, _, found in kept]


__all__ = ["COPY_WINDOW", "Grouped", "are_copies", "group_copies", "signature", "window"]
