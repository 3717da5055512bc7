"""A server over an index that holds no document yet, in a real Chromium: the page says so and
how to fill it, instead of "0 documents" as if nothing matched; once an ingest has run, the
same page shows the documents without a restart."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pqsearch import api
from tests.conftest import SEED, lock_held_elsewhere
from tests.web.conftest import Watched, running_server


def test_an_empty_index_says_how_to_fill_it(tmp_path: Path, page: Watched) -> None:
    empty_folder = tmp_path / "nothing_yet"
    empty_folder.mkdir()
    index_dir = tmp_path / "index"
    report = api.ingest([empty_folder], index_dir=index_dir)
    assert not report.added and not report.failed
    root = str(index_dir.absolute())

    with running_server(index_dir) as server:
        page.page.goto(server.url + "/search?q=diplomates")
        notice = page.page.locator(".notice").inner_text()
        assert "aucun document" in notice
        assert f"pqsearch ingest DOSSIER --index {root}" in notice

        # A filter value is unknown in an empty index: the reason comes first.
        page.page.goto(server.url + "/search?addressee=smet&lang=en")
        assert "This index holds no document yet" in page.page.locator(".notice").inner_text()

        documents = tmp_path / "documents"
        documents.mkdir()
        shutil.copy(SEED, documents / SEED.name)
        assert len(api.ingest([documents], index_dir=index_dir).added) == 1
        page.page.goto(server.url + "/search?q=diplomates")
        assert page.page.locator(".notice").count() == 0
        assert page.page.locator("#total").inner_text().startswith("1 document")

        # A search that finds nothing in a filled index is not told the index is empty.
        page.page.goto(server.url + "/search?q=zorglub")
        assert page.page.locator(".notice").count() == 0
    assert page.dialogs == []


class Stopped(Exception):
    pass


def _stop(progress: object) -> None:
    raise Stopped


def test_an_unfinished_first_ingest_is_said_so(tmp_path: Path, page: Watched) -> None:
    # Stopped from its progress callback at its first batch, as a kill or Ctrl-C there would.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    index_dir = tmp_path / "index"
    with pytest.raises(Stopped):
        api.ingest([corpus], index_dir=index_dir, progress=_stop)
    with api.open_index(index_dir) as index:
        assert index.first_ingest_unfinished
        assert index.first_ingest_unfinished == index.sector_status().first_ingest_unfinished

    with running_server(index_dir) as server:
        page.page.goto(server.url + "/search?q=diplomates")
        notice = page.page.locator(".notice").inner_text()
        assert "La première ingestion de cet index s'est arrêtée avant la fin" in notice
        assert f"pqsearch ingest --index {index_dir.absolute()}" in notice


def test_a_first_ingest_still_running_is_not_said_to_have_stopped(tmp_path: Path) -> None:
    # Review 17, B2r: a first ingest marks the index unfinished when it starts; while it ran,
    # a search that found nothing said it had stopped and to run it again (into its lock).
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    index_dir = tmp_path / "index"
    with pytest.raises(Stopped):
        api.ingest([corpus], index_dir=index_dir, progress=_stop)
    # Another process holds the index's write lock, as a running ingest does.
    with lock_held_elsewhere(index_dir):
        with api.open_index(index_dir) as index:
            assert index.ingest_running
        with running_server(index_dir) as server:
            text = server.get("/search", params={"q": "zorglub", "lang": "en"}).text
            assert "An ingest of this index" in text and "is running" in text
            assert "stopped before its end" not in text
        # The terminal says it too (review 17, F4: it said nothing).
        searched = subprocess.run(
            [sys.executable, "-m", "pqsearch.cli", "search", "zorglub", "--index", str(index_dir)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert "first ingest is running" in searched.stderr, searched.stderr
        assert "stopped before its end" not in searched.stderr
    with api.open_index(index_dir) as index:
        assert not index.ingest_running
    with running_server(index_dir) as server:
        assert "stopped before its end" in server.get("/search?q=zorglub&lang=en").text
