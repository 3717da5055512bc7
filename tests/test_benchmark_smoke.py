"""The benchmark script runs end to end on a small corpus, so that it cannot silently rot.

It runs `benchmarks/run.py` as a user would (generating a 200-document corpus, ingesting it,
lemmatizing, querying, cold start, both baselines) and checks the report it writes. It takes
minutes: it is in the slow step (`python -m pytest -m slow`).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

DOCS = 200


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, object], str]:
    out = tmp_path_factory.mktemp("bench")
    command = [
        sys.executable,
        str(REPO / "benchmarks" / "run.py"),
        f"--docs={DOCS}",
        # The repository's own documents: the same corpus in a clone and beside ../shared.
        f"--texts={REPO / 'corpus'}",
        "--lemma-docs=20",
        "--rounds=1",
        "--cold-runs=1",
        "--skip-real",
        "--jobs=2",
        f"--out={out}",
        # A folder that does not exist yet: the run makes it.
        f"--work={out / 'work'}",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=REPO)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads((out / f"bench-{DOCS}.json").read_text())
    return results, done.stdout


def test_the_corpus_has_the_requested_documents_all_ingested(
    report: tuple[dict[str, object], str],
) -> None:
    results, _ = report
    corpus = results["corpus"]
    assert isinstance(corpus, dict)
    assert corpus["docs"] == DOCS
    ingest = results["ingest"]
    assert isinstance(ingest, dict)
    assert ingest["documents"] == DOCS
    assert ingest["failed"] == 0


def test_the_ingest_reports_its_cpu_split_and_the_index_by_part(
    report: tuple[dict[str, object], str],
) -> None:
    results, table = report
    ingest = results["ingest"]
    assert isinstance(ingest, dict)
    # 200 documents: under the 256 past which workers start, all lemmatized in process.
    assert ingest["jobs"] == 0
    assert ingest["main_cpu_seconds"] > 0 and ingest["analysis_cpu_seconds"] > 0
    parts = ingest["index_parts"]
    assert sum(parts.values()) == ingest["index_bytes"]
    assert {"postings", "stored records", "lexicon", "term dictionary"} <= set(parts)
    assert "Ingest CPU: main process" in table and "16 workers" in table
    assert "Index by part (MB): " in table


def test_the_table_puts_pqsearch_beside_both_baselines(
    report: tuple[dict[str, object], str],
) -> None:
    _, table = report
    for row in ("| pqsearch |", "| whoosh-fr |", "| sqlite-fts5 |"):
        assert row in table
    assert "| target | measured | met |" in table


def test_every_query_of_the_mix_is_timed(report: tuple[dict[str, object], str]) -> None:
    results, _ = report
    queries = results["queries"]
    assert isinstance(queries, dict)
    assert queries["latency"]["queries"] >= 50
    assert queries["latency"]["p50_ms"] > 0


def test_pqsearch_finds_inflected_variants_alike_where_fts5_does_not(
    report: tuple[dict[str, object], str],
) -> None:
    results, _ = report
    queries = results["queries"]
    baselines = results["baselines"]
    assert isinstance(queries, dict) and isinstance(baselines, dict)
    pq = queries["variants"]
    assert pq["logement"] == pq["logements"] > 0
    assert pq["énergie"] == pq["energie"] > 0
    fts5 = baselines["sqlite-fts5"]["variants"]
    assert fts5["logement"] != fts5["logements"]
