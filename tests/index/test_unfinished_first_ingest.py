"""An index whose first ingest stopped says so (audit 9, finding 9).

A first ingest puts its empty index live at once and commits a new index only every 5,000
documents: stopped before that, it left an empty index that answered "0 documents" and an
`info` with nothing about it. The ingest is stopped here from its own progress callback, at
the first batch, as a kill or a Ctrl-C there would.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from tests.conftest import BRUSSELS_HTML

PAGES = ("169976.html", "169978.html", "170229.html")
HINT = "the index's first ingest stopped before its end"


class Stopped(Exception):
    pass


def _stop(progress: object) -> None:
    raise Stopped


def test_an_index_whose_first_ingest_stopped_says_so(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in PAGES:
        shutil.copyfile(BRUSSELS_HTML / name, corpus / name)
    root = tmp_path / "index"
    with pytest.raises(Stopped):
        api.ingest([corpus], index_dir=root, progress=_stop)
    runner = CliRunner()
    searched = runner.invoke(app, ["search", "", "--index", str(root)])
    assert searched.exit_code == 0, searched.output
    assert searched.stdout.startswith("0 documents")
    assert HINT in searched.stderr and "pqsearch ingest" in searched.stderr
    info = runner.invoke(app, ["info", "--index", str(root)])
    assert HINT in info.stdout
    with api.open_index(root) as index:
        assert index.sector_status().first_ingest_unfinished
    # Run again to its end: complete, and no longer said to be unfinished.
    api.ingest([corpus], index_dir=root)
    info = runner.invoke(app, ["info", "--index", str(root)])
    assert HINT not in info.stdout
    with api.open_index(root) as index:
        assert index.document_count == len(PAGES)
        assert not index.sector_status().first_ingest_unfinished
