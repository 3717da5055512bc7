"""Retrieval quality: the metrics against hand-computed values, the labelled query file, and a
floor under pqsearch's figures on the held-out (test) split of tests/data/retrieval_queries.toml.

The floor ingests the whole evaluation corpus (335 documents: corpus/ and the federal Chamber's
French records in tests/data/) once for this module; `benchmarks/retrieval_quality.py` prints
the same figures beside Whoosh-Snowball and FTS5.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from benchmarks.retrieval_metrics import dcg, gain, mean, ndcg, reciprocal_rank
from benchmarks.retrieval_quality import (
    CORPUS,
    KINDS,
    SHIPPED,
    SPLITS,
    KindFigures,
    LabelledQuery,
    build_baselines,
    figures,
    ingest_pqsearch,
    load_documents,
    load_queries,
    markdown,
    measure_pqsearch,
    score,
)

# pqsearch on the test split when the query set was frozen (nDCG@10, MRR@10), before any
# tuning on it. A change may trade a little on one kind for a gain elsewhere: each kind may
# lose what one of its queries losing its first place costs (MRR 1 -> 0.5, i.e. 0.5 / its
# number of queries) plus 0.01; all queries together may lose ALL_MARGIN. Typo, Dutch and
# all: raised to the figures of issue 14's corrections and Dutch fields (measured once);
# acronym, number, multi_concept and all: to issue 14's final figures, every level merged.
# Topical and all: to the figures of issue 14's synonym work (long forms naming acronyms,
# more thesaurus groups), measured once on the test split after tuning on dev.
FLOOR: dict[str, tuple[float, float]] = {
    "topical": (0.885, 1.000),
    "inflection": (0.987, 1.000),
    "own_words": (1.000, 1.000),
    "synonym": (0.877, 0.833),
    "acronym": (1.000, 1.000),
    "typo": (1.000, 1.000),
    "number": (0.833, 0.833),
    "multi_concept": (0.962, 1.000),
    "dutch": (1.000, 1.000),
    "all": (0.949, 0.976),
}
ALL_MARGIN = 0.02


def margin(kind: str, queries: int) -> float:
    """How far below its floor a kind may fall before the test fails."""
    return ALL_MARGIN if kind == "all" else 0.5 / queries + 0.01


def test_gains_grow_exponentially_with_the_grade() -> None:
    assert [gain(g) for g in range(4)] == [0.0, 1.0, 3.0, 7.0]


def test_dcg_discounts_by_log2_of_rank_plus_one() -> None:
    # 7/log2(2) + 3/log2(3) + 0/log2(4) + 1/log2(5)
    assert dcg([3, 2, 0, 1]) == pytest.approx(7 + 3 / 1.584962500721156 + 1 / 2.321928094887362)
    assert dcg([3, 2, 0, 1], k=1) == 7.0


def test_ndcg_divides_by_the_best_order_of_every_judged_document() -> None:
    grades = {"a": 3, "b": 2, "c": 1}
    # ranked: a (7), x (0), b (3/2) = 8.5; ideal: 7 + 3/log2(3) + 1/2 = 9.392789...
    assert ndcg(["a", "x", "b"], grades) == pytest.approx(8.5 / (7.5 + 3 / math.log2(3)))
    assert ndcg(["a", "b", "c"], grades) == 1.0
    assert ndcg([], grades) == 0.0
    # "c" was never retrieved: it still counts in the ideal.
    assert ndcg(["a", "b"], grades) == pytest.approx((7 + 3 / math.log2(3)) / 9.392789260714373)


def test_ndcg_ignores_what_lies_below_the_cutoff() -> None:
    ranking = [f"x{i}" for i in range(10)] + ["a"]
    assert ndcg(ranking, {"a": 3}) == 0.0
    assert ndcg(ranking[-3:], {"a": 3}) == pytest.approx(1 / 2)  # rank 3: 7/log2(4) / 7


def test_reciprocal_rank_counts_the_first_document_graded_two_or_more() -> None:
    grades = {"near": 1, "hit": 2}
    assert reciprocal_rank(["x", "near", "hit"], grades) == pytest.approx(1 / 3)
    assert reciprocal_rank(["hit"], grades) == 1.0
    assert reciprocal_rank(["near"], grades) == 0.0
    assert reciprocal_rank([*[f"x{i}" for i in range(10)], "hit"], grades) == 0.0
    assert mean([1.0, 0.5, 0.0]) == 0.5
    assert mean([]) == 0.0


def test_the_table_puts_each_system_side_by_side_per_kind() -> None:
    rows = [
        KindFigures("test", kind, system, 3, 0.5, 0.25)
        for kind in ("topical", "all")
        for system in ("pqsearch", "whoosh-fr")
    ]
    table = markdown(rows)
    assert "| kind | queries | pqsearch nDCG@10 | pqsearch MRR@10 | whoosh-fr nDCG@10 |" in table
    assert "| topical | 3 | 0.500 | 0.250 | 0.500 | 0.250 |" in table
    assert "| **all** | 3 |" in table


@pytest.fixture(scope="module")
def queries() -> list[LabelledQuery]:
    return load_queries()


def test_the_query_file_has_every_kind_in_both_splits(queries: list[LabelledQuery]) -> None:
    assert len(queries) >= 120
    assert sum(q.kind == "topical" for q in queries) >= 25
    for kind in KINDS:
        for split in SPLITS:
            assert any(q.kind == kind and q.split == split for q in queries), (kind, split)
    topical_multi = [q for q in queries if q.kind == "topical" and len(q.grades) >= 2]
    assert len(topical_multi) >= 25


def test_every_judged_document_is_in_the_evaluation_corpus(
    queries: list[LabelledQuery],
) -> None:
    documents = {q.id for q in load_documents()}
    assert len(documents) == 335
    unknown = {(q.id, doc) for q in queries for doc in q.grades if doc not in documents}
    assert not unknown


def test_both_baselines_rank_the_same_documents_as_the_benchmark(tmp_path: Path) -> None:
    documents = load_documents([SHIPPED])
    rankers = build_baselines(documents, tmp_path)
    query = LabelledQuery("q", "grossophobie", "own_words", "test", {"170241": 3})
    scores = score([query], rankers)
    assert {s.system for s in scores} == {"whoosh-fr", "sqlite-fts5"}
    assert all(s.ranking[0] == "170241" and s.rr == 1.0 for s in scores)
    rows = figures([query], scores)
    assert {(r.kind, r.system, r.queries) for r in rows} == {
        (kind, system, 1)
        for kind in ("own_words", "all")
        for system in ("whoosh-fr", "sqlite-fts5")
    }


@pytest.fixture(scope="module")
def evaluation_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    index_dir = tmp_path_factory.mktemp("retrieval") / "index"
    assert ingest_pqsearch(CORPUS, index_dir) == 335
    return index_dir


def test_pqsearch_stays_above_its_floor_on_the_test_split(
    evaluation_index: Path, queries: list[LabelledQuery]
) -> None:
    held_out = [q for q in queries if q.split == "test"]
    measured = {row.kind: row for row in measure_pqsearch(evaluation_index, held_out)}
    assert set(measured) == set(FLOOR)
    below = []
    for kind, (ndcg_floor, mrr_floor) in FLOOR.items():
        row = measured[kind]
        allowed = margin(kind, row.queries)
        if row.ndcg < ndcg_floor - allowed or row.mrr < mrr_floor - allowed:
            below.append(f"{kind}: nDCG@10 {row.ndcg:.3f}, MRR@10 {row.mrr:.3f}")
    assert not below, "below the floor (tests/data/retrieval_queries.toml, test split): " + (
        "; ".join(below)
    )
