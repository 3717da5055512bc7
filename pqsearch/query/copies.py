"""The same question sent to several ministers, shown once on a result page.

A parliament member often sends one question to each minister concerned, word for word or
with the body named changed ("... à la STIB", "... au Siamu"): each copy is its own document
(own id, own addressee, own answer), and ten copies would fill a page. A page therefore
keeps the best-ranked copy of each question and lists the others with it (`Hit.copies`).
Copies are documents of the same author whose title and question share at least
`COPY_SIMILARITY` of their words (Jaccard, folded). Totals and facets still count documents.

Grouping is one rule over the whole ranking, the same for every page, page size and sort, so
that paging lists every document counted once (as a hit, or as a copy with its hit): a
document is a copy of the best-ranked earlier question of its author, ranked at most
`COPY_REACH` places before it, that it shares its words with (copies score alike, so they sit
near each other in the ranking); otherwise it is a hit. A page reads the records ranked up to
its last hit and `COPY_REACH` past it. Only the first `MAX_WINDOW` ranked documents are
grouped: a document ranked past them is its own hit, even when a copy of a question listed
higher, so a deep page never reads more than `MAX_WINDOW` records and loses nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pqsearch.analyze.fold import fold
from pqsearch.results import Copy

# How far down the ranking (in documents) a copy may sit below its question and still be
# listed with it. Copies of the shipped corpus sit at most 18 places apart (query "région");
# a page of 10 reads about 40 records (30 under the former window of three pages).
COPY_REACH = 30
# Copies adapted to each minister share 0.7 to 1.0 of their words; two questions of one
# author on one topic share far fewer: over the 1,574 same-author pairs of the evaluation
# corpus (benchmarks/retrieval_quality.py), 1,425 share under 0.35 and 5 from 0.4 to 0.55.
COPY_SIMILARITY = 0.6
_WORDS = re.compile(r"[a-z0-9]+")
# Never more records read for one page than this, however deep the page: documents ranked
# past it are not grouped.
MAX_WINDOW = 3_000


@dataclass(frozen=True)
class Grouped:
    """A document kept on the page, its score, and the copies shown with it."""

    docnum: int
    score: float
    copies: tuple[Copy, ...]


@dataclass(frozen=True)
class GroupedPage:
    """A page's hits, and how many hits the pages list in all (each question once, its copies
    with it) when the grouping read the ranking to its end; None when the ranking goes on past
    what the page needed (there is then at least one hit after the page's last)."""

    hits: list[Grouped]
    listed: int | None


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


def grouped_page(
    ranked: Callable[[int, int], Sequence[tuple[int, float]]],
    total: int,
    start: int,
    stop: int,
    record: Callable[[int], Mapping[str, Any]],
) -> GroupedPage:
    """Hits `start` to `stop` of a ranking of `total` documents, each question's copies folded
    into it (the module's rule); `ranked(first, last)` gives the ranking's (document, score)
    from `first` to `last`, `record(docnum)` a document's stored question."""
    if stop <= start:
        return GroupedPage([], None)
    horizon = min(total, MAX_WINDOW)
    kept: list[_Kept] = []
    by_author: dict[str, list[_Kept]] = {}
    position = 0
    while position < horizon and not (
        len(kept) >= stop and position > kept[stop - 1].position + COPY_REACH
    ):
        # No further than the page can need: its last hit is `stop - len(kept)` documents
        # away at the nearest, and its copies up to `COPY_REACH` below it.
        if len(kept) >= stop:
            last = kept[stop - 1].position + COPY_REACH + 1
        else:
            last = position + stop - len(kept) + COPY_REACH + 1
        for docnum, score in ranked(position, min(horizon, last)):
            _place(docnum, score, position, record(docnum), kept, by_author)
            position += 1
    shown = [Grouped(k.docnum, k.score, tuple(k.copies)) for k in kept[start:stop]]
    if len(kept) < stop and horizon < total:
        # Past the grouped documents, each document is a hit of its own.
        beyond = ranked(horizon + max(start - len(kept), 0), horizon + stop - len(kept))
        shown += [Grouped(docnum, score, ()) for docnum, score in beyond]
    # Read to the end of the grouped window: every hit is known (those past the window are
    # one document each). Stopped before: the next document ranked is a hit after the page's
    # last, as it sits further than `COPY_REACH` below every hit up to it.
    listed = len(kept) + total - horizon if position >= horizon else None
    return GroupedPage(shown, listed)


@dataclass
class _Kept:
    """A hit while a page is grouped: its place in the ranking and the copies found so far."""

    docnum: int
    score: float
    position: int
    signature: tuple[str, frozenset[str]] | None
    copies: list[Copy]


def _place(
    docnum: int,
    score: float,
    position: int,
    stored: Mapping[str, Any],
    kept: list[_Kept],
    by_author: dict[str, list[_Kept]],
) -> None:
    """The document ranked at `position`: a copy of an earlier hit within reach, or a hit."""
    mine = signature(stored)
    if mine is not None:
        for leader in by_author.get(mine[0], ()):
            near = position - leader.position <= COPY_REACH
            if near and leader.signature is not None and are_copies(mine, leader.signature):
                leader.copies.append(Copy(str(stored["id"]), stored.get("addressee")))
                return
    hit = _Kept(docnum, score, position, mine, [])
    kept.append(hit)
    if mine is not None:
        by_author.setdefault(mine[0], []).append(hit)


__all__ = [
    "COPY_REACH",
    "MAX_WINDOW",
    "Grouped",
    "GroupedPage",
    "are_copies",
    "grouped_page",
    "signature",
]
