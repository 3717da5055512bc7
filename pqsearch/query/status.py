"""Answered or unanswered as the README defines it: whether the answer's text is published.

The index's `status` field says whether a record holds an answer text. An answer that was sent
to the member and not printed holds one too, the bulletin's "La réponse à cette question a
été transmise directement à l'honorable membre ..." (answer type `not_published`), and it is
`unanswered` here, as a reply date without text is (audit 17, Q2: `--status answered` and the
status facet counted the 33 federal answers of that kind in the audit's index). Read at search
time from the two fields, so an index written before needs no new ingest.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

# The answer types' names alone (analyze/answer_types.py), not the rules that type: compiling
# those costs a search from the terminal about 90 ms, and the status facet is counted by every
# search.
from pqsearch.analyze.answer_types import NOT_PUBLISHED
from pqsearch.index.reader import IndexReader
from pqsearch.index.schema import ANSWERED, UNANSWERED
from pqsearch.query import tree as qt

STATUS_VALUES: tuple[str, ...] = (ANSWERED, UNANSWERED)


def status_query(status: str) -> qt.Query:
    """The documents of one status (`ANSWERED` or `UNANSWERED`), an unprinted answer
    counting as unanswered."""
    unprinted = qt.Term("answer_type", NOT_PUBLISHED)
    if status == ANSWERED:
        return qt.AndNot(qt.Term("status", ANSWERED), unprinted)
    return qt.Or((qt.Term("status", UNANSWERED), unprinted))


def status_codes(index: IndexReader) -> npt.NDArray[np.int64]:
    """Per document, its status as a number into `STATUS_VALUES` (-1: none), made once per
    generation."""

    def build() -> npt.NDArray[np.int64]:
        codes = np.full(index.doc_count_all, -1, dtype=np.int64)
        if not index.doc_count_all:
            return codes
        stored = index.column("status")
        assert stored.codes is not None
        for number, value in enumerate(stored.values):
            codes[np.asarray(stored.codes) == number] = STATUS_VALUES.index(value)
        types = index.column("answer_type")
        assert types.codes is not None
        if NOT_PUBLISHED in types.values:
            unprinted = np.asarray(types.codes) == types.values.index(NOT_PUBLISHED)
            codes[unprinted & (codes >= 0)] = STATUS_VALUES.index(UNANSWERED)
        return codes

    return index.generation_cache("published status", build)
