"""A document with `<script>` and `onerror=` in every field shows as text and runs nothing;
`javascript:` and `data:` links are not links."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from markupsafe import escape

from tests.web.conftest import HOSTILE, Server, Watched

RECORD = json.loads(HOSTILE.read_text(encoding="utf-8"))
DOC_ID = RECORD["id"]
MARKUP = '<script>alert("xss")</script><img src=x onerror=alert(1)>'


def test_raw_html_has_only_escaped_markup(hostile_server: Server) -> None:
    for path in (
        "/documents/" + quote(DOC_ID, safe=""),
        "/search?q=logement",
        "/search?q=pi%C3%A8ge&lang=en",
    ):
        response = hostile_server.get(path)
        assert response.status_code == 200, path
        assert "<script" not in response.text.lower(), path
        assert "<img" not in response.text.lower(), path
        assert 'href="javascript' not in response.text.lower(), path
        assert 'href="data:' not in response.text.lower(), path
        assert str(escape(MARKUP)) in response.text, path


def check_inert(watched: Watched) -> None:
    page = watched.page
    assert watched.dialogs == []
    assert page.locator("script").count() == 0
    assert page.locator("img").count() == 0
    assert page.locator("[onerror]").count() == 0
    for link in page.locator("a").all():
        href = link.get_attribute("href") or ""
        assert href.startswith(("/", "http://", "https://", "#")), href
    assert not [m for m in watched.console if "Content Security Policy" in m]


def test_document_page_shows_hostile_text_as_text(hostile_server: Server, page: Watched) -> None:
    page.page.goto(hostile_server.url + "/documents/" + quote(DOC_ID, safe=""))
    check_inert(page)
    assert page.page.locator("h1").inner_text() == RECORD["title"]
    fields = page.page.locator("dl.fields").inner_text()
    for name in ("author", "addressee", "addressee_role", "title_nl"):
        assert RECORD[name] in fields
    assert RECORD["id"] in fields
    text = page.page.locator("main").inner_text()
    assert "Deuxième paragraphe " + MARKUP + " onerror=alert(3)" in text
    annexes = page.page.locator("ul.annexes")
    assert annexes.locator("a").count() == 0  # javascript: and data: are not links
    assert "javascript:alert('annex')" in annexes.inner_text()
    assert page.page.locator("table.procedure a").count() == 0
    assert page.page.locator("dl.fields a").count() == 0  # the javascript: official page


@pytest.mark.parametrize("query", ["logement", "piège", "auteur:mallory"])
def test_search_page_shows_hostile_hits_as_text(
    hostile_server: Server, page: Watched, query: str
) -> None:
    page.page.goto(f"{hostile_server.url}/search?q={quote(query)}")
    check_inert(page)
    hit = page.page.locator("li.hit", has_text="Mallory")
    assert hit.count() == 1
    assert MARKUP in hit.inner_text()
    facets = page.page.locator("aside.facets").inner_text()
    assert "Ministre " + MARKUP in facets
    hit.locator("h3 a").click()
    check_inert(page)
    assert page.page.locator("h1").inner_text() == RECORD["title"]


def test_api_returns_the_text_unchanged(hostile_server: Server) -> None:
    document = hostile_server.get("/api/documents/" + quote(DOC_ID, safe="")).json()
    assert document["question"]["title"] == RECORD["title"]
    assert document["question"]["annexes"][0]["url"] == "javascript:alert('annex')"
