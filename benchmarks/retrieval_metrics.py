"""Ranking metrics over graded relevance judgments: nDCG@k and MRR@k.

`grades` maps a document id to its judged relevance, 0 (not relevant) to 3 (exactly what the
query asks for); a document without a grade counts as 0. Gains are exponential
(2^grade - 1) with the usual log2(rank + 1) discount, so one document graded 3 weighs more
than two graded 1 and 2; the ideal ranking is built from every judged grade, including
documents no system found. MRR counts the first document graded at least `RELEVANT`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

CUTOFF = 10
# A grade of 1 is "on the neighbouring topic": useful in a list, not an answer to the query.
RELEVANT = 2


def gain(grade: int) -> float:
    """The gain of one document: 0, 1, 3, 7 for grades 0 to 3."""
    return float(2**grade - 1)


def dcg(grades_in_rank_order: Sequence[int], k: int = CUTOFF) -> float:
    """Discounted cumulative gain of the first `k` grades (rank 1 is undiscounted)."""
    return sum(
        gain(grade) / math.log2(rank + 1)
        for rank, grade in enumerate(grades_in_rank_order[:k], start=1)
    )


def ndcg(ranking: Sequence[str], grades: Mapping[str, int], k: int = CUTOFF) -> float:
    """DCG of `ranking` divided by the DCG of the best possible order of the judged grades."""
    ideal = dcg(sorted(grades.values(), reverse=True), k)
    if ideal == 0:
        return 0.0
    return dcg([grades.get(doc_id, 0) for doc_id in ranking], k) / ideal


def reciprocal_rank(
    ranking: Sequence[str], grades: Mapping[str, int], k: int = CUTOFF, relevant: int = RELEVANT
) -> float:
    """1 / rank of the first document graded `relevant` or more within the top `k`, else 0."""
    for rank, doc_id in enumerate(ranking[:k], start=1):
        if grades.get(doc_id, 0) >= relevant:
            return 1.0 / rank
    return 0.0


def mean(values: Sequence[float]) -> float:
    """The arithmetic mean; 0 for no values (a kind with no query in a split)."""
    return sum(values) / len(values) if values else 0.0
