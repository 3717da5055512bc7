"""Smaller things a staff member meets in a real Chromium: a Dutch document marked as Dutch,
the page size of a link kept by a new search, no failed request on a page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from pqsearch import api
from tests.conftest import QRVA_2017, brussels_record
from tests.web.conftest import Server, Watched, running_server

# A federal Chamber question in Dutch (the MONITOR survey on mobility) in a Brussels record.
DUTCH_RECORD = "184566"


@pytest.fixture(scope="module")
def dutch_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with QRVA_2017.open(encoding="utf-8") as handle:
        chamber = next(r for r in map(json.loads, handle) if str(r["doc_id"]) == DUTCH_RECORD)
    title, _, body = chamber["question"].partition("\n")
    record = brussels_record("170312")
    record.pop("empreinte_contenu", None)
    record.update(titre=title.strip(), titre_nl="", question=body.strip(), reponse="")
    record.update(langue="nl")
    corpus = tmp_path_factory.mktemp("dutch")
    (corpus / "records.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("dutch_index") / "index"
    report = api.ingest([corpus], index_dir=index_dir)
    assert not report.failed, report.failed
    with running_server(index_dir) as started:
        yield started


def test_a_dutch_document_is_marked_as_dutch(dutch_server: Server, page: Watched) -> None:
    page.page.goto(dutch_server.url + "/documents/170312")
    assert page.page.locator("html").get_attribute("lang") == "fr"
    assert page.page.locator("h1").get_attribute("lang") == "nl"
    question = page.page.locator("section.text", has=page.page.locator("#question-title"))
    dutch = question.locator("[lang=nl]")
    assert "MONITOR" in dutch.inner_text()
    # The page's own words stay French: the heading is outside the Dutch part.
    assert question.locator("h2").get_attribute("lang") is None


def test_a_new_search_keeps_the_page_size_of_the_link(server: Server, page: Watched) -> None:
    page.page.goto(f"{server.url}/search?q=logement&limit=3")
    assert page.page.locator("li.hit").count() == 3
    page.page.get_by_label("Rechercher dans les questions et réponses").fill("bruxelles")
    page.page.keyboard.press("Enter")
    page.page.wait_for_url(re.compile(r"q=bruxelles"))
    assert "limit=3" in page.page.url
    assert page.page.locator("li.hit").count() == 3


def test_a_page_asks_for_nothing_that_fails(server: Server, page: Watched) -> None:
    # Without an icon named by the page, Chromium asks for /favicon.ico: a 404 on every page.
    page.page.goto(f"{server.url}/search?q=logement")
    icon = page.page.locator("link[rel=icon]").get_attribute("href")
    assert icon is not None and icon.startswith("/static/")
    answer = server.get(icon)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("image/svg+xml")
    page.page.wait_for_load_state("networkidle")
    page.page.wait_for_timeout(500)  # the icon is fetched after the load event
    assert not [text for text in page.console if "Failed to load" in text]
