"""Relevance scores for every document a query tree matches, computed with numpy.

Whoosh scores a query one document and one matcher call at a time, in Python: at 100,000
documents that was most of a search. Here each node of `tree.py` is scored the way Whoosh
scores the same query, on whole posting arrays at once:

- a term in a text field: BM25F (B 0.75, K1 1.2) with Whoosh's idf, its average field
  length and its one-byte document lengths, times the term's boost;
- a term in a metadata field: its weight times the boost (those fields are not scorable);
- OR: the sum of the scores of the parts a document matches; AND: the sum of all parts;
  AND NOT: the positive part's score; every compound times its boost;
- a prefix: the OR of the words it stands for, times its boost. Whoosh means to give it a
  constant score but its union matchers disagree on what that is (BM25 for two words, the
  weight for three, the boost dropped for one), so prefixes are the one place the scores
  differ from Whoosh's; the documents are the same;
- a date or number range, "every document", a bare NOT: the boost alone; a phrase: the sum
  of its words' scores in its field, over the documents `match.phrase_docs` finds for it.

Every node is scored here: there is no second path through Whoosh's searcher. The documents
are the ones `match.matched_docs` gives for the same tree, so the total and the hits always
agree.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from pqsearch.index.postings import ENTRY_BYTES, rows_of
from pqsearch.index.reader import FloatArray, IndexReader, IntArray
from pqsearch.index.schema import SCORED_FIELDS
from pqsearch.query import tree as qt
from pqsearch.query.match import intersection, matched_docs, union

B = 0.75
K1 = 1.2
_SCORED = frozenset(SCORED_FIELDS)


@dataclass(frozen=True)
class Scored:
    """Sorted document numbers and the score of each."""

    docs: IntArray
    scores: FloatArray

    @classmethod
    def empty(cls) -> Scored:
        return cls(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))

    def constant(self, value: float) -> Scored:
        return Scored(self.docs, np.full(len(self.docs), value, dtype=np.float64))

    def times(self, boost: float) -> Scored:
        return self if boost == 1.0 else Scored(self.docs, self.scores * boost)

    def within(self, allowed: IntArray) -> Scored:
        """Only the documents also in the sorted array `allowed`."""
        keep = held(self.docs, allowed)
        return Scored(self.docs[keep], self.scores[keep])

    def top(self, start: int, stop: int) -> list[tuple[int, float]]:
        """Documents `start` to `stop` by score, highest first; ties by document number."""
        count = len(self.docs)
        if start >= count or stop <= start:
            return []
        negated = -self.scores
        if stop < count:
            # Only what can reach the page is sorted: every document scoring at least the
            # stop-th best score (all the tied ones, so ties still break by number).
            threshold = np.partition(negated, stop - 1)[stop - 1]
            candidates = np.flatnonzero(negated <= threshold)
        else:
            candidates = np.arange(count)
        order = candidates[np.lexsort((self.docs[candidates], negated[candidates]))]
        return [(int(self.docs[i]), float(self.scores[i])) for i in order[start:stop]]


class Ranker:
    """Scores query trees against one open index."""

    def __init__(self, index: IndexReader) -> None:
        self.index = index
        self._kept = index.generation_cache(
            "term scores", lambda: TermScores(budget_bytes=index.cache_bytes)
        )

    def score(self, query: qt.Query) -> Scored:
        """Every document `query` matches, with its score."""
        # The compiler puts each typed word's subtree in the tree twice (alone, and in the
        # "all words" AND): it is scored once. Each node object's result is kept for this
        # call only, never on the ranker, which the threads searching a generation share.
        return self._node(query, {})

    def term_docs(self, field: str, text: str) -> IntArray:
        """The sorted documents holding a term: those of its kept scores when there are
        some (its postings may have left the reader's cache since; a phrase's positions
        push them out)."""
        if not self.index.doc_frequency(field, text):
            return Scored.empty().docs
        kept = self._kept.get(field, text)
        return kept.docs if kept is not None else self.index.term_docs(field, text)

    def _node(self, query: qt.Query, done: dict[int, Scored]) -> Scored:
        """`query` scored; `done`: this call's results by node object."""
        found = done.get(id(query))
        if found is None:
            found = done[id(query)] = self._score(query, done)
        return found

    def _score(self, query: qt.Query, done: dict[int, Scored]) -> Scored:
        if isinstance(query, qt.Term):
            return self._term(query.field, query.text, query.boost)
        if isinstance(query, qt.Phrase):
            return self._phrase(query)
        if isinstance(query, qt.AndNot):
            positive = self._node(query.positive, done)
            if not len(positive.docs):
                return positive
            excluded = matched_docs(self.index, query.negative)
            keep = ~held(positive.docs, excluded)
            return Scored(positive.docs[keep], positive.scores[keep]).times(query.boost)
        if isinstance(query, qt.And):
            return _all([self._node(sub, done) for sub in query.items]).times(query.boost)
        if isinstance(query, qt.Or):
            return _any([self._node(sub, done) for sub in query.items]).times(query.boost)
        if isinstance(query, qt.Prefix):
            return self._prefix(query)
        if isinstance(query, qt.Range | qt.Every | qt.Not):
            docs = matched_docs(self.index, query)
            return Scored(docs, np.zeros(0)).constant(float(query.boost))
        if isinstance(query, qt.Nothing):
            return Scored.empty()
        raise TypeError(f"not a query node: {query!r}")

    def _term(self, field: str, text: str, boost: float) -> Scored:
        index = self.index
        if not index.doc_frequency(field, text):
            # Kept per generation: no term table read for a word that a field lacks (a
            # typed word's stem level and synonyms name many such terms).
            return Scored.empty()
        if field not in _SCORED:
            docs, weights = index.term_postings(field, text)
            return Scored(docs, weights * boost) if len(docs) else Scored.empty()
        kept = self._kept.get(field, text)
        if kept is None:
            docs, weights = index.term_postings(field, text)
            if not len(docs):
                return Scored.empty()
            idf = math.log(index.doc_count_all / (index.doc_frequency(field, text) + 1)) + 1
            average = index.average_field_length(field)
            lengths = index.field_lengths(field)[docs]
            bm25 = idf * (weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * lengths / average))
            bm25.flags.writeable = False  # shared by the searches that meet the term
            kept = Scored(docs, bm25)
            self._kept.offer(field, text, kept)
        return kept.times(boost)

    def _prefix(self, query: qt.Prefix) -> Scored:
        words = prefix_terms(self.index, query.field, query.text)
        return _any([self._term(query.field, word, 1.0) for word in words]).times(query.boost)

    def _phrase(self, query: qt.Phrase) -> Scored:
        docs = matched_docs(self.index, query)
        if not len(docs):
            return Scored.empty()
        places = [
            _any([self._term(query.field, form, 1.0) for form in query.forms(place)])
            for place in range(len(query.words))
        ]
        return _all_of(places, docs).times(query.boost)


class TermScores:
    """The BM25F scores of a generation's terms (before boosts): they depend on the index
    only, and a frequent word comes back in most searches (in its own fields, as the stem
    level or synonym of another word, in the "all words" part). Rare terms too: scoring
    one again cost about 20 µs of numpy calls on a few numbers (a lookup, 1 µs). The least
    recently used are dropped past `budget_bytes` (as much as the reader keeps of postings:
    96 MB by default, nothing with `cache_mb=0`; the benchmark's 55 queries at 100,000
    documents keep 59 MB, and with 48 MB the phrases' words pushed out the others' between
    two passes, a word search then taking 100 ms instead of 10). Shared by the readers of a
    generation, so every access holds a lock."""

    def __init__(self, *, budget_bytes: int) -> None:
        self.budget_bytes = budget_bytes
        self._lock = threading.Lock()
        self._kept: OrderedDict[tuple[str, str], Scored] = OrderedDict()
        self._size = 0

    def get(self, field: str, text: str) -> Scored | None:
        with self._lock:
            found = self._kept.get((field, text))
            if found is not None:
                self._kept.move_to_end((field, text))
            return found

    def offer(self, field: str, text: str, scored: Scored) -> None:
        size = _kept_bytes(scored)
        if size > self.budget_bytes:
            return
        with self._lock:
            if (field, text) in self._kept:
                return
            self._kept[field, text] = scored
            self._size += size
            while self._size > self.budget_bytes:
                _, dropped = self._kept.popitem(last=False)
                self._size -= _kept_bytes(dropped)


def _kept_bytes(scored: Scored) -> int:
    return scored.docs.nbytes + scored.scores.nbytes + ENTRY_BYTES


def prefix_terms(index: IndexReader, field: str, prefix: str) -> list[str]:
    """`index.prefix_terms`, kept per generation: Whoosh walks its term table in Python
    (about 0.2 ms a field), and a prefix is expanded in six fields when compiled and again
    when scored."""
    kept: dict[tuple[str, str], list[str]] = index.generation_cache("prefix terms", dict)
    found = kept.get((field, prefix))
    if found is None:
        found = index.prefix_terms(field, prefix)
        if len(kept) >= MAX_PREFIXES:
            kept.clear()
        kept[field, prefix] = found
    return found


# Prefixes whose words are kept per generation (`prefix_terms`); forgotten when full.
MAX_PREFIXES = 10_000


def held(docs: IntArray, others: IntArray) -> npt.NDArray[np.bool_]:
    """For each of `docs`, whether the sorted `others` hold it: `np.isin`, as a lookup in
    a mask over document numbers instead of a sort of both (a filter of 50,000 documents
    cost 2 ms)."""
    if not len(docs) or not len(others):
        return np.zeros(len(docs), dtype=np.bool_)
    marks = np.zeros(max(int(docs.max()), int(others[-1])) + 1, dtype=np.bool_)
    marks[others] = True
    return marks[docs]


def _any(parts: list[Scored]) -> Scored:
    """The documents of any part, each scored the sum of its scores in the parts holding it."""
    parts = [p for p in parts if len(p.docs)]
    if not parts:
        return Scored.empty()
    if len(parts) == 1:
        return parts[0]
    span = max(int(p.docs[-1]) for p in parts) + 1
    if sum(len(p.docs) for p in parts) * 16 >= span:
        # Many documents (where `union` marks them over all numbers too): marked and
        # added up in one pass over the parts.
        totals = np.zeros(span, dtype=np.float64)
        marks = np.zeros(span, dtype=np.bool_)
        for part in parts:
            totals[part.docs] += part.scores
            marks[part.docs] = True
        docs = np.flatnonzero(marks)
        return Scored(docs, totals[docs])
    docs = union([p.docs for p in parts])
    return Scored(docs, _summed(docs, parts))


def _all(parts: list[Scored]) -> Scored:
    """The documents of every part, each scored the sum of its scores."""
    if not parts:
        return Scored.empty()
    # Shortest first, as `intersection` takes them: the scores add up in that order.
    parts = sorted(parts, key=lambda p: len(p.docs))
    if not len(parts[0].docs):
        return parts[0]
    span = max(int(p.docs[-1]) for p in parts if len(p.docs)) + 1
    if len(parts) > 1 and len(parts[0].docs) * 16 >= span:
        # Large sets (where `intersection` counts over all numbers too): counted and added
        # up in one pass over the parts.
        totals = np.zeros(span, dtype=np.float64)
        seen = np.zeros(span, dtype=np.int64)
        for part in parts:
            totals[part.docs] += part.scores
            seen[part.docs] += 1
        docs = np.flatnonzero(seen == len(parts))
        return Scored(docs, totals[docs])
    docs = intersection([p.docs for p in parts])
    return Scored(docs, _summed(docs, parts))


def _all_of(parts: list[Scored], docs: IntArray) -> Scored:
    """`_all(parts).within(docs)`, added up for `docs` alone: a phrase's documents (40,000
    for "Région de Bruxelles-Capitale") hold each of its places, whose documents can be most
    of the index ("de"). The parts are added in `_all`'s order, shortest first, from zero:
    the same floats."""
    parts = sorted(parts, key=lambda p: len(p.docs))
    if len(parts) < 2:
        return _all(parts).within(docs)
    sums = np.zeros(len(docs), dtype=np.float64)
    for part in parts:
        rows = rows_of(part.docs, docs)
        if not len(rows) or int(rows.min()) < 0:
            # A document without this part is not in `_all(parts)`: as it does.
            return _all(parts).within(docs)
        sums += part.scores[rows]
    return Scored(docs, sums)


def _summed(docs: IntArray, parts: list[Scored]) -> FloatArray:
    """For each of the sorted `docs`, the sum of its scores in the parts that hold it, added
    part after part, so that the same parts always give the same floats."""
    if not len(docs):
        return np.zeros(0, dtype=np.float64)
    span = max(int(p.docs[-1]) for p in parts if len(p.docs)) + 1
    if len(docs) * 16 >= span:
        # Many documents: add up over all document numbers, no search (each part holds a
        # document once, so `+=` is safe).
        totals = np.zeros(span, dtype=np.float64)
        for part in parts:
            totals[part.docs] += part.scores
        return totals[docs]
    sums = np.zeros(len(docs), dtype=np.float64)
    for part in parts:
        # The shorter array is looked up in the longer one.
        if len(docs) <= len(part.docs):
            where = np.minimum(np.searchsorted(part.docs, docs), len(part.docs) - 1)
            held = part.docs[where] == docs
            sums[held] += part.scores[where[held]]
        else:
            where = np.minimum(np.searchsorted(docs, part.docs), len(docs) - 1)
            held = docs[where] == part.docs
            sums[where[held]] += part.scores[held]
    return sums


__all__ = ["Ranker", "Scored"]
