"""Retrieval quality: pqsearch beside Whoosh-Snowball and SQLite FTS5 on labelled queries.

One run parses the French evaluation corpus (the shipped `corpus/` and the federal Chamber's
French questions in `tests/data/be_chamber_qrva_fr_2023/`), ingests it with pqsearch (spaCy,
into a temporary folder), builds both baselines of `benchmarks/baselines.py` on the same
documents, runs every query of `tests/data/retrieval_queries.toml` on the three, and reports
nDCG@10 and MRR@10 per query kind and per split (dev / test), systems side by side:

    python benchmarks/retrieval_quality.py [--queries FILE] [--json OUT] [--split dev]
        [--misses] [--index DIR]

The query file's header says how the queries were written and judged. tests/query/
test_retrieval_quality.py keeps pqsearch's test-split figures above a floor.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, get_args

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script: `benchmarks` must be importable
    sys.path.insert(0, str(REPO))

from benchmarks.baselines import SqliteFts5, WhooshFrench  # noqa: E402
from benchmarks.retrieval_metrics import CUTOFF, mean, ndcg, reciprocal_rank  # noqa: E402
from pqsearch.errors import PqsearchError  # noqa: E402
from pqsearch.index.schema import FORMAT_RANK  # noqa: E402
from pqsearch.models import Question  # noqa: E402

QUERIES = REPO / "tests" / "data" / "retrieval_queries.toml"
SHIPPED = REPO / "corpus"
CORPUS = (SHIPPED, REPO / "tests" / "data" / "be_chamber_qrva_fr_2023")

Kind = Literal[
    "topical",
    "inflection",
    "own_words",
    "synonym",
    "acronym",
    "typo",
    "number",
    "multi_concept",
    "dutch",
]
KINDS: tuple[Kind, ...] = get_args(Kind)
Split = Literal["dev", "test"]
SPLITS: tuple[Split, ...] = get_args(Split)
SYSTEMS = ("pqsearch", "whoosh-fr", "sqlite-fts5")


@dataclass(frozen=True)
class LabelledQuery:
    """A query as staff would type it, with the graded documents (0-3) it should bring."""

    id: str
    text: str
    kind: Kind
    split: Split
    grades: Mapping[str, int]
    note: str = ""


@dataclass(frozen=True)
class QueryScore:
    """One system's result on one query."""

    query: str
    system: str
    ndcg: float
    rr: float
    ranking: tuple[str, ...]


@dataclass(frozen=True)
class KindFigures:
    """Mean nDCG@10 and MRR@10 of one system over the queries of one kind and split."""

    split: str
    kind: str
    system: str
    queries: int
    ndcg: float
    mrr: float


def load_queries(path: Path = QUERIES) -> list[LabelledQuery]:
    """The labelled queries, in file order; a malformed entry is a ValueError naming it."""
    with path.open("rb") as handle:
        entries = tomllib.load(handle)["query"]
    queries = []
    for entry in entries:
        query = LabelledQuery(
            id=entry["id"],
            text=entry["text"],
            kind=entry["kind"],
            split=entry["split"],
            grades={doc_id: int(grade) for doc_id, grade in entry["grades"].items()},
            note=entry.get("note", ""),
        )
        if query.kind not in KINDS or query.split not in SPLITS:
            raise ValueError(f"query {query.id}: kind {query.kind!r} or split {query.split!r}")
        if not any(grade >= 2 for grade in query.grades.values()):
            raise ValueError(f"query {query.id}: no document graded 2 or 3")
        queries.append(query)
    if len({q.id for q in queries}) != len(queries):
        raise ValueError("two queries share an id")
    return queries


def load_documents(paths: Sequence[Path] = CORPUS) -> list[Question]:
    """The documents an ingest of `paths` indexes: one per id, a page winning over a record
    (the rule of `pqsearch.index.ingest`), in the order first met."""
    from pqsearch.parse import parse_paths

    batch = parse_paths(paths)
    if batch.failures:
        raise RuntimeError(f"unparsable evaluation documents: {batch.failures}")
    kept: dict[str, Question] = {}
    for question in batch.questions:
        old = kept.get(question.id)
        if old is None or FORMAT_RANK.get(question.source_format, 0) > FORMAT_RANK.get(
            old.source_format, 0
        ):
            kept[question.id] = question
    return list(kept.values())


def baseline_records(documents: Iterable[Question]) -> list[dict[str, Any]]:
    """What the baselines index: id, title, question and answer."""
    return [
        {"id": q.id, "title": q.title, "question": q.question, "answer": q.answer or ""}
        for q in documents
    ]


Ranker = Callable[[str], list[str]]


def build_baselines(
    documents: Sequence[Question], work: Path, *, depth: int = CUTOFF
) -> dict[str, Ranker]:
    """Whoosh-Snowball and FTS5 built on `documents` under `work`; name -> top-`depth` ranker."""
    records = baseline_records(documents)
    rankers: dict[str, Ranker] = {}
    for engine in (WhooshFrench(work / "whoosh"), SqliteFts5(work / "fts5.db")):
        engine.build(records)
        rankers[engine.name] = _engine_ranker(engine, depth)
    return rankers


def _engine_ranker(engine: WhooshFrench | SqliteFts5, depth: int) -> Ranker:
    def ranked(text: str) -> list[str]:
        try:
            return engine.search(text, limit=depth)[1]
        except Exception:  # a baseline's parser refusing a query is a miss, not a crash
            return []

    return ranked


def pqsearch_ranker(index: Any) -> Ranker:
    """Top-10 ids from an open `pqsearch.api.Index`; a refused query is an empty ranking.

    A question sent to several ministers is one hit whose page entry names its other copies
    ("also sent to"): the ranking lists them right after it, as the page shows them.
    """

    def ranked(text: str) -> list[str]:
        try:
            result = index.search(text, limit=CUTOFF, facets=[], group_copies=True)
        except PqsearchError:
            return []
        return [doc for hit in result.hits for doc in (hit.id, *(c.id for c in hit.copies))]

    return ranked


def ingest_pqsearch(documents_paths: Sequence[Path], index_dir: Path) -> int:
    """A real ingest (spaCy) of the evaluation corpus; the number of documents indexed."""
    from pqsearch import api

    report = api.ingest(list(documents_paths), index_dir=index_dir)
    if report.failed:
        raise RuntimeError(f"ingest failed on {report.failed}")
    with api.open_index(index_dir) as index:
        return index.document_count


def score(queries: Sequence[LabelledQuery], rankers: Mapping[str, Ranker]) -> list[QueryScore]:
    """Every query on every system."""
    scores = []
    for query in queries:
        for system, ranked in rankers.items():
            ranking = ranked(query.text)[:CUTOFF]
            scores.append(
                QueryScore(
                    query=query.id,
                    system=system,
                    ndcg=ndcg(ranking, query.grades),
                    rr=reciprocal_rank(ranking, query.grades),
                    ranking=tuple(ranking),
                )
            )
    return scores


def figures(queries: Sequence[LabelledQuery], scores: Sequence[QueryScore]) -> list[KindFigures]:
    """Means per split x kind x system, plus an "all" kind per split."""
    by_id = {q.id: q for q in queries}
    systems = list(dict.fromkeys(s.system for s in scores))
    rows = []
    for split in SPLITS:
        for kind in (*KINDS, "all"):
            for system in systems:
                chosen = [
                    s
                    for s in scores
                    if s.system == system
                    and by_id[s.query].split == split
                    and (kind == "all" or by_id[s.query].kind == kind)
                ]
                if chosen:
                    rows.append(
                        KindFigures(
                            split=split,
                            kind=kind,
                            system=system,
                            queries=len(chosen),
                            ndcg=mean([s.ndcg for s in chosen]),
                            mrr=mean([s.rr for s in chosen]),
                        )
                    )
    return rows


def markdown(rows: Sequence[KindFigures]) -> str:
    """One table per split: a line per kind, nDCG@10 and MRR@10 of each system side by side."""
    systems = list(dict.fromkeys(r.system for r in rows))
    head = " | ".join(f"{s} nDCG@10 | {s} MRR@10" for s in systems)
    out = []
    for split in SPLITS:
        lines = [r for r in rows if r.split == split]
        if not lines:
            continue
        out.append(f"\n{split} split\n")
        out.append(f"| kind | queries | {head} |")
        out.append("|---|---:|" + "---:|" * (2 * len(systems)))
        for kind in dict.fromkeys(r.kind for r in lines):
            cells = {r.system: r for r in lines if r.kind == kind}
            count = next(iter(cells.values())).queries
            values = " | ".join(
                f"{cells[s].ndcg:.3f} | {cells[s].mrr:.3f}" if s in cells else " | "
                for s in systems
            )
            name = f"**{kind}**" if kind == "all" else kind
            out.append(f"| {name} | {count} | {values} |")
    return "\n".join(out).lstrip("\n") + "\n"


def measure_pqsearch(index_dir: Path, queries: Sequence[LabelledQuery]) -> list[KindFigures]:
    """pqsearch's figures alone on an existing index (what the test suite's floor uses)."""
    from pqsearch import api

    with api.open_index(index_dir) as index:
        return figures(queries, score(queries, {"pqsearch": pqsearch_ranker(index)}))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--json", type=Path, help="write every figure and ranking here")
    parser.add_argument("--split", choices=SPLITS, help="only this split")
    parser.add_argument("--misses", action="store_true", help="list each system's misses")
    parser.add_argument(
        "--index",
        type=Path,
        help="ingest into this folder and keep it (a second run only checks it is up to date; "
        "delete it after changing the analysis) instead of a temporary one",
    )
    args = parser.parse_args(argv)

    queries = [q for q in load_queries(args.queries) if args.split in (None, q.split)]
    documents = load_documents()
    with tempfile.TemporaryDirectory(prefix="pqsearch-retrieval-") as work:
        root = Path(work)
        index_dir = args.index or root / "index"
        indexed = ingest_pqsearch(CORPUS, index_dir)
        if indexed != len(documents):
            raise RuntimeError(f"pqsearch indexed {indexed} documents, baselines {len(documents)}")
        from pqsearch import api

        with api.open_index(index_dir) as index:
            rankers = {"pqsearch": pqsearch_ranker(index), **build_baselines(documents, root)}
            scores = score(queries, rankers)
    rows = figures(queries, scores)
    print(f"{len(documents)} documents, {len(queries)} queries, cut-off {CUTOFF}\n")
    print(markdown(rows))
    if args.misses:
        print(misses(queries, scores))
    if args.json:
        args.json.write_text(
            json.dumps(
                {"figures": [asdict(r) for r in rows], "scores": [asdict(s) for s in scores]},
                ensure_ascii=False,
                indent=1,
            )
        )
    return 0


def misses(queries: Sequence[LabelledQuery], scores: Sequence[QueryScore]) -> str:
    """nDCG@10 per system on the queries where pqsearch scores below 0.8 or trails a
    baseline by more than 0.05: the cases to read before changing the ranking."""
    by_query: dict[str, dict[str, QueryScore]] = {}
    for s in scores:
        by_query.setdefault(s.query, {})[s.system] = s
    lines = ["| query | kind | text | " + " | ".join(SYSTEMS) + " |", "|---|---|---|---|---|---|"]
    for query in queries:
        cells = by_query[query.id]
        ours = cells["pqsearch"].ndcg
        best = max(cells[s].ndcg for s in SYSTEMS if s in cells)
        if ours < 0.8 or best - ours > 0.05:
            shown = " | ".join(f"{cells[s].ndcg:.2f}" for s in SYSTEMS if s in cells)
            lines.append(f"| {query.id} | {query.kind} | {query.text} | {shown} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
