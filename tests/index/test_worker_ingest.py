"""A large ingest lemmatizes in a worker process; the index it builds is the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.index import analysis
from pqsearch.index import ingest as ingest_module
from tests.conftest import BRUSSELS_HTML


def snapshot(index_dir: Path) -> dict[str, object]:
    with api.open_index(index_dir) as index:
        result = index.search("", limit=100, facets=["sector", "answer_type", "portfolio"])
        words = {
            query: [h.id for h in index.search(query, facets=[], limit=100).hits]
            for query in ("logement", "neutralité", '"services publics"', "promouvoir", "mobilité")
        }
        return {
            "ids": sorted(h.id for h in result.hits),
            "facets": result.facets,
            "words": words,
            "sectors": {h.id: index.show(h.id).sectors for h in result.hits},
        }


def test_worker_and_in_process_analysis_build_the_same_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = sorted(BRUSSELS_HTML.glob("*.html"))[:12]
    monkeypatch.setattr(analysis, "WORKER_AFTER_DOCUMENTS", 10**9)
    in_process = tmp_path / "in-process"
    report = ingest_module.ingest(pages, index_dir=in_process, batch_size=3)
    assert len(report.added) == 12
    monkeypatch.setattr(analysis, "WORKER_AFTER_DOCUMENTS", 2)
    worker = tmp_path / "worker"
    report = ingest_module.ingest(pages, index_dir=worker, batch_size=3, commit_every=4)
    assert len(report.added) == 12
    assert snapshot(worker) == snapshot(in_process)
