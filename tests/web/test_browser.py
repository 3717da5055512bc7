"""A staff member's tasks in a real Chromium: search, narrow, change dates, read a document,
paste a draft, download a memo. The screenshots of the README are taken here
(written to docs/screenshots/ with PQSEARCH_SCREENSHOTS=1)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from pqsearch import api
from tests.web.conftest import SCREENSHOTS, Server, Watched

QUERY = "diplomates technologiques"


def params(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def shoot(watched: Watched, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    watched.page.screenshot(path=str(SCREENSHOTS / name))


def test_type_a_query(server: Server, page: Watched) -> None:
    page.page.goto(server.url + "/")
    page.page.get_by_label("Rechercher dans les questions et réponses").fill(QUERY)
    page.page.keyboard.press("Enter")
    page.page.wait_for_url(re.compile(r"/search\?q=diplomates"))
    first = page.page.locator("li.hit").first
    assert "question n°369" in first.inner_text()
    assert page.page.locator("#total").inner_text().startswith("4 documents")
    assert page.page.locator("li.hit mark").first.inner_text().lower() in {
        "diplomates",
        "technologiques",
    }
    shoot(page, "search.png")
    assert page.dialogs == []


def test_click_a_facet_then_remove_it_and_go_back(server: Server, page: Watched) -> None:
    page.page.goto(f"{server.url}/search?q=logement")
    before = page.page.locator("#total").inner_text()
    page.page.locator(".facet", has_text="Session").get_by_role("link", name="25/26").click()
    page.page.wait_for_url(re.compile(r"session=25%2F26"))
    assert params(page.page.url)["session"] == ["25/26"]
    chip = page.page.locator(".active a.chip")
    assert chip.inner_text().startswith("Session : 25/26")
    narrowed = page.page.locator("#total").inner_text()
    with api.open_index(server.index_dir) as index:
        expected = index.search("logement", filters=api.Filters(session=("25/26",)), limit=0)
    assert narrowed.startswith(f"{expected.total} documents")
    chip.click()
    assert page.page.locator("#total").inner_text() == before
    page.page.go_back()
    assert page.page.locator("#total").inner_text() == narrowed


def test_change_dates_and_click_the_timeline(server: Server, page: Watched) -> None:
    page.page.goto(f"{server.url}/search?q=logement")
    page.page.get_by_label("Du", exact=True).fill("01/01/2026")
    page.page.get_by_label("Au", exact=True).fill("2026-07")
    page.page.get_by_label("Date", exact=True).select_option("received")
    page.page.get_by_role("button", name="Appliquer").click()
    page.page.wait_for_url(re.compile(r"from="))
    assert params(page.page.url)["from"] == ["01/01/2026"]
    assert params(page.page.url)["to"] == ["2026-07"]
    with api.open_index(server.index_dir) as index:
        filters = api.Filters(date_from="2026-01-01", date_to="2026-07-31")
        expected = index.search("logement", filters=filters, limit=0)
    assert page.page.locator("#total").inner_text().startswith(f"{expected.total} documents")
    bar = page.page.locator(".timeline a.bar").first
    label = bar.get_attribute("aria-label") or ""
    month, count = re.match(r"(\d{4}-\d\d) : (\d+) documents", label).groups()  # type: ignore[union-attr]
    bar.click()
    page.page.wait_for_url(re.compile(rf"from={month}"))
    assert params(page.page.url)["to"] == [month]
    assert page.page.locator("#total").inner_text().startswith(f"{count} document")


def test_open_a_document(server: Server, page: Watched) -> None:
    page.page.goto(f"{server.url}/search?q={QUERY}")
    page.page.locator("li.hit h3 a").first.click()
    page.page.wait_for_url(re.compile(r"/documents/"))
    with api.open_index(server.index_dir) as index:
        document = index.show("PRB-19_24-20_21-pascal-smet-369")
    assert page.page.locator("h1").inner_text() == document.question.title
    answer = page.page.locator("section.text", has_text="Réponse").inner_text()
    assert document.question.answer
    for paragraph in document.question.answer.split("\n\n"):
        assert " ".join(paragraph.split()) in " ".join(answer.split())
    assert "Pascal Smet" in page.page.locator("dl.fields").inner_text()
    shoot(page, "document.png")


def test_paste_a_draft_and_download_a_memo(server: Server, page: Watched, tmp_path: Path) -> None:
    with api.open_index(server.index_dir) as index:
        draft = index.get("170290").question
    page.page.goto(server.url + "/draft")
    page.page.get_by_label("Collez un projet de question ou de réponse").fill(draft)
    page.page.get_by_role("button", name="Trouver les précédents").click()
    hits = page.page.locator("li.hit")
    assert hits.count() >= 2
    titles = [hits.nth(i).locator("h3").inner_text() for i in (0, 1)]
    hits.nth(0).locator("input[type=checkbox]").check()
    hits.nth(1).locator("input[type=checkbox]").check()
    shoot(page, "draft.png")
    page.page.get_by_label("Format").select_option("md")
    with page.page.expect_download() as downloading:
        page.page.get_by_role("button", name="Télécharger la sélection").click()
    download = downloading.value
    assert download.suggested_filename == "precedents.md"
    saved = tmp_path / "memo.md"
    download.save_as(saved)
    memo = saved.read_text(encoding="utf-8")
    assert memo.startswith("# ")
    headings = [line for line in memo.splitlines() if line.startswith("## ")]
    assert len(headings) == 2
    for title, heading in zip(titles, headings, strict=True):
        assert title.split()[0] in heading


def test_download_csv_from_the_search_page(server: Server, page: Watched, tmp_path: Path) -> None:
    page.page.goto(f"{server.url}/search?q=logement&session=25%2F26")
    page.page.locator("li.hit input[type=checkbox]").first.check()
    page.page.get_by_label("Format").select_option("csv")
    with page.page.expect_download() as downloading:
        page.page.get_by_role("button", name="Télécharger la sélection").click()
    saved = tmp_path / "rows.csv"
    downloading.value.save_as(saved)
    with api.open_index(server.index_dir) as index:
        first = index.search("logement", filters=api.Filters(session=("25/26",)), limit=1).hits
        assert saved.read_bytes().decode("utf-8") == index.export_hits(first, fmt="csv")


def test_works_without_javascript_and_in_english(server: Server, browser: object) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "/search?lang=en")
    page.get_by_label("Search questions and answers").fill("logement")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"q=logement"))
    assert params(page.url)["lang"] == ["en"]
    page.locator(".facet", has_text="Status").get_by_role(
        "link", name="answered", exact=True
    ).click()
    page.wait_for_url(re.compile(r"status=answered"))
    assert "Active filters" in page.content()
    assert "no answer yet" not in page.locator("ol.hits").inner_text()
    context.close()
