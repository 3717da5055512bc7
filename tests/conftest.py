"""Shared test fixtures: paths to the real documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pqsearch import api

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
SEED = SHARED_CORPUS / "seed" / "000_b24cdd112820c31b.txt"
BRUSSELS_HTML = SHARED_CORPUS / "brussels" / "html"
BRUSSELS_RECORDS = SHARED_CORPUS / "brussels" / "records.jsonl"
SHIPPED_CORPUS = REPO / "corpus"


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real index of the shipped corpus (seed + Brussels pages and records), built once."""
    from pqsearch import api

    index_dir = tmp_path_factory.mktemp("index") / "index"
    report = api.ingest([SHIPPED_CORPUS], index_dir=index_dir)
    assert not report.failed, report.failed
    return index_dir


@pytest.fixture(scope="session")
def index(corpus_index: Path) -> Iterator[api.Index]:
    from pqsearch import api

    with api.open_index(corpus_index) as opened:
        yield opened
