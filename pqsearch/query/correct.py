"""Spelling correction of query words: the nearest indexed form, found in milliseconds.

A typed word that matches nothing ("neutralitee", "boxs") is replaced by the indexed surface
form nearest to it: the fewest edits (a letter missing, added, changed, or two letters
swapped: optimal string alignment); among those, a letter missing, doubled or swapped before
a wrong letter, then a form keeping the typed first letter, then the form found in the most
documents. How many
edits a word may take depends on its length: none under `MIN_CHARS` letters (too many short
words are one edit apart), one up to `TWO_EDITS_FROM` - 1 letters, two from there.

Candidates come from a deletion neighbourhood (SymSpell): every indexed form and each form
with one letter deleted are hashed into one sorted array, built once per index generation
(`IndexReader.generation_cache`); a typed word's own deletions (up to two) are looked up in
it with a binary search, and only the few forms found are compared letter by letter. A
correction therefore costs a few hundred hash lookups, not a scan of the vocabulary. A form
two deletions away from the typed word and longer than it (two letters missing) is not
found; two letters missing from a short word is rarely a typo of that word anyway.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from pqsearch.index.reader import IndexReader

MIN_CHARS = 4
TWO_EDITS_FROM = 8


def max_edits(form: str) -> int:
    """How many edits a typed word of this length may be from its correction."""
    if len(form) < MIN_CHARS or not form.isalpha():
        return 0
    return 1 if len(form) < TWO_EDITS_FROM else 2


@dataclass(frozen=True)
class Candidate:
    """An indexed form near a typed word: how many edits away, in how many documents."""

    form: str
    edits: int
    documents: int


class Vocabulary:
    """The indexed surface forms with their document counts and deletion neighbourhood."""

    def __init__(self, documents: dict[str, int]) -> None:
        self.forms = sorted(documents)
        self.documents = np.array([documents[f] for f in self.forms], dtype=np.int64)
        # Each form and its one-letter deletions, written out inline: this loop is most of
        # the cost of building (0.2 s for the 10,000 forms of the retrieval corpus on the
        # shared test machine, once per index generation).
        keys = [
            hash(variant)
            for form in self.forms
            for variant in (form, *(form[:i] + form[i + 1 :] for i in range(len(form))))
        ]
        owners = np.repeat(
            np.arange(len(self.forms), dtype=np.int64),
            [len(form) + 1 for form in self.forms],
        )
        order = np.argsort(np.array(keys, dtype=np.int64), kind="stable")
        self._keys = np.array(keys, dtype=np.int64)[order]
        self._owners = owners[order]

    @classmethod
    def of_index(cls, index: IndexReader) -> Vocabulary:
        """Every content-word form the lexicon holds, with its document count (one SQL
        read: Whoosh's own term dictionary decodes each term's statistics, 17 times slower
        on the retrieval corpus)."""
        return cls(
            {
                form: documents
                for form, documents in index.lexicon.form_documents()
                if len(form) >= MIN_CHARS - 1 and form.isalpha()
            }
        )

    def near(self, typed: str) -> list[Candidate]:
        """The forms within `max_edits(typed)` of `typed` (itself excluded), nearest and
        most frequent first."""
        limit = max_edits(typed)
        if not limit:
            return []
        hashes = np.array(sorted({hash(v) for v in _deletions(typed, limit)}), dtype=np.int64)
        starts = np.searchsorted(self._keys, hashes, side="left")
        ends = np.searchsorted(self._keys, hashes, side="right")
        owners = {int(o) for s, e in zip(starts, ends, strict=True) for o in self._owners[s:e]}
        found = []
        for number in owners:
            form = self.forms[number]
            edits = osa_distance(typed, form, limit)
            if form != typed and edits <= limit:
                found.append(Candidate(form, edits, int(self.documents[number])))
        found.sort(key=lambda c: (c.edits, _changed(typed, c.form), -_plausibility(typed, c)))
        return found


def _plausibility(typed: str, candidate: Candidate) -> float:
    """Among forms as many edits away, the one found in most documents; a form that keeps
    the typed word's first letter is the likelier (people rarely mistype the first)."""
    same_start = 1.0 if candidate.form[:1] == typed[:1] else 0.0
    return same_start * 10.0 + math.log(candidate.documents)


def _changed(typed: str, form: str) -> int:
    """How many letters of the typed word a correction replaces (a letter missing, doubled
    or swapped is a likelier slip than a wrong letter: "boxs" is "box", not "bons")."""
    if len(typed) != len(form):
        return max(0, osa_distance(typed, form, len(typed)) - abs(len(typed) - len(form)))
    return sum(a != b for a, b in zip(typed, form, strict=True)) - (
        2 if sorted(typed) == sorted(form) else 0
    )


def _deletions(word: str, depth: int) -> Iterator[str]:
    """`word` and every string made from it by deleting up to `depth` letters."""
    level: set[str] = {word}
    seen: set[str] = set(level)
    yield word
    for _ in range(depth):
        following: set[str] = set()
        for item in level:
            for i in range(len(item)):
                variant = item[:i] + item[i + 1 :]
                if variant not in seen:
                    seen.add(variant)
                    following.add(variant)
                    yield variant
        level = following


def osa_distance(a: str, b: str, limit: int) -> int:
    """Edits from `a` to `b` (insert, delete, replace, swap two neighbours); `limit` + 1 as
    soon as it is certain to exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[len(b)]


def vocabulary(index: IndexReader) -> Vocabulary:
    """The index generation's vocabulary, built on first use and shared by its readers."""
    return index.generation_cache("spelling", lambda: Vocabulary.of_index(index))
