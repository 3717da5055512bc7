"""Facet values that differ only in case, accents or punctuation, counted as one value.

The federal Chamber writes an author's party both ways ("Nathalie Muylle, CD&V (01130)" and
"Nathalie Muylle, cd&v (01130)"): the author facet listed two values of one document each,
and a link to either selected both (a filter on a name is case- and accent-insensitive:
`values.py`), two documents where the facet had said one. Values are grouped by the key the
filter matches them by (`values.normalized`: "Jean-Marc" and "Jean Marc" are one; review
W2). Such values are one entry: the spelling most documents of the index have (ties: the one
with more accented letters, "Économie" before "Economie", then the first in the values'
order), with the documents of every spelling. A single-valued field's document has one of the
spellings, so their counts add up; a document of a multi-valued field (portfolios) may hold
two spellings of one value, so a group's count there is the number of its documents selected,
each once (s19).
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import numpy.typing as npt

from pqsearch.index.reader import IndexReader
from pqsearch.query.tallies import plus_one
from pqsearch.query.values import normalized

# (the value number shown, the value numbers counted under it, and for a multi-valued field
# the documents holding any of them, each once; None for a single-valued field)
SpellingGroups = tuple[tuple[int, npt.NDArray[np.intp], npt.NDArray[np.int64] | None], ...]


def spelling_groups(index: IndexReader, field: str) -> SpellingGroups:
    """The values of `field` that a filter cannot tell apart, grouped; () when there
    are none (the usual case: the counts are then left as they are)."""

    def build() -> SpellingGroups:
        column = index.column(field)
        numbers_of: dict[str, list[int]] = defaultdict(list)
        for number, value in enumerate(column.values):
            numbers_of[normalized(value)].append(number)
        alike = [numbers for numbers in numbers_of.values() if len(numbers) > 1]
        if not alike:
            return ()
        pairs = None
        if column.multi:
            assert column.pair_docs is not None and column.pair_codes is not None
            alive = np.zeros(index.doc_count_all, dtype=np.bool_)
            alive[index.live_docs] = True
            held = alive[column.pair_docs]
            pairs = (column.pair_docs[held], column.pair_codes[held])
            documents = np.bincount(pairs[1], minlength=len(column.values))
        else:
            assert column.codes is not None
            live = plus_one(column.codes[index.live_docs])
            documents = np.bincount(live, minlength=len(column.values) + 1)[1:]
        groups = []
        for numbers in alike:
            shown = max(numbers, key=lambda n: (int(documents[n]), _accents(column.values[n]), -n))
            others = np.array([n for n in numbers if n != shown], dtype=np.intp)
            docs = None if pairs is None else np.unique(pairs[0][np.isin(pairs[1], numbers)])
            groups.append((shown, others, docs))
        return tuple(groups)

    return index.generation_cache(f"spellings/{field}", build)


def _accents(value: str) -> int:
    """How many letters of `value` folding changes (accented ones): a tie's better spelling."""
    return sum(1 for letter in value if not letter.isascii())


def merged(
    tally: npt.NDArray[np.int64], groups: SpellingGroups, selected: npt.NDArray[np.bool_]
) -> npt.NDArray[np.int64]:
    """`tally` (a count per value number over the documents `selected`, a mask) with each
    group's count under its shown value: a document holding two spellings counts once."""
    if not groups:
        return tally
    tally = tally.copy()
    for shown, others, docs in groups:
        if docs is None:
            tally[shown] += tally[others].sum()
        else:
            tally[shown] = np.count_nonzero(selected[docs])
        tally[others] = 0
    return tally
