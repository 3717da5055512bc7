"""A small real index for the fuzz tests of the query path and the CLI, built once."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pqsearch import api
from tests.conftest import BRUSSELS_HTML


@pytest.fixture(scope="session")
def fuzz_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("fuzz")
    corpus = work / "corpus"
    corpus.mkdir()
    for moncode in ("170131", "170229", "170248"):
        shutil.copyfile(BRUSSELS_HTML / f"{moncode}.html", corpus / f"{moncode}.html")
    report = api.ingest([corpus], index_dir=work / "index")
    assert len(report.added) == 3
    return work / "index"


@pytest.fixture(scope="session")
def fuzz_index(fuzz_root: Path) -> Iterator[api.Index]:
    with api.open_index(fuzz_root) as index:
        yield index
