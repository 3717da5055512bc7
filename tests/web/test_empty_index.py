"""A server over an index that holds no document yet, in a real Chromium: the page says so and
how to fill it, instead of "0 documents" as if nothing matched; once an ingest has run, the
same page shows the documents without a restart."""

from __future__ import annotations

import shutil
from pathlib import Path

from pqsearch import api
from tests.conftest import SEED
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
