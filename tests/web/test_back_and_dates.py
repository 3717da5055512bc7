"""A document page opened from a search links back to it, in a real Chromium; a published
answer whose record gives no reply date (the federal Chamber's bulletin) is never "répondue
le —", on the page, at the terminal or in a memo (session 18)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from pqsearch import Filters, api
from tests.conftest import TEST_DATA, run_pqsearch
from tests.web.conftest import Server, Watched, running_server

CHAMBER_2023 = TEST_DATA / "be_chamber_qrva_fr_2023" / "records.jsonl"
# In that file: an answer with no reply date, printed in the bulletin of 07/06/2023; and a
# question without an answer.
ANSWERED_NO_DATE = "CHAMBRE-55-b113-1182-1325-2022202320609"
UNANSWERED = "CHAMBRE-55-b113-1321-0190-2022202320288"
# An answer sent directly to the member: a text saying so, no reply date, type not_published.
SENT_TO_MEMBER = "CHAMBRE-55-b113-1320-2094-2022202320089"
# One author, her party written two ways: "CD&V" and "cd&v".
MUYLLE = ("CHAMBRE-55-b113-1320-2143-2022202320483", "CHAMBRE-55-b059-1320-0782-2020202110451")
SEARCH = "/search?q=logement&session=25%2F26&status=answered"


def _tab_to(page: Watched, text: str, tries: int = 30) -> None:
    """Press Tab from the top of the page until the focused element's text holds `text`."""
    for _ in range(tries):
        page.page.keyboard.press("Tab")
        focused = page.page.evaluate("document.activeElement.innerText || ''")
        if text in focused:
            return
    raise AssertionError(f"Tab never reached {text!r}")


@pytest.mark.parametrize(
    ("language", "label"), [("fr", "Retour aux résultats"), ("en", "Back to the results")]
)
def test_a_document_opened_from_a_search_links_back_to_it(
    server: Server, page: Watched, language: str, label: str
) -> None:
    search = SEARCH + ("&lang=en" if language == "en" else "")
    page.page.goto(server.url + search)
    total = page.page.locator("#total").inner_text()
    first = page.page.locator("li.hit h3 a").first
    title = first.inner_text()
    first.click()
    page.page.wait_for_url(re.compile(r"/documents/"))
    assert page.page.locator("h1").inner_text() == title
    back = page.page.get_by_role("link", name=label)
    assert back.count() == 1
    # Reached with the keyboard, and Enter goes back to the same search: its words, its
    # filters, the same documents.
    _tab_to(page, label)
    page.page.keyboard.press("Enter")
    page.page.wait_for_url(re.compile(r"/search\?"))
    assert page.page.url == server.url + search
    assert page.page.locator("#total").inner_text() == total
    assert page.dialogs == []


def test_the_link_back_keeps_the_page_and_follows_the_language(
    server: Server, page: Watched
) -> None:
    page.page.goto(server.url + "/search?q=bruxelles&limit=3&page=2")
    page.page.locator("li.hit h3 a").first.click()
    page.page.wait_for_url(re.compile(r"/documents/"))
    # Switched to English on the document page: the results come back in English.
    page.page.get_by_role("link", name="English").click()
    page.page.get_by_role("link", name="Back to the results").click()
    page.page.wait_for_url(re.compile(r"/search\?"))
    assert page.page.url == server.url + "/search?q=bruxelles&page=2&limit=3&lang=en"


def test_a_document_opened_otherwise_has_no_link_back(server: Server) -> None:
    for address in ("/documents/170229", "/documents/170229?results=page%3Dzz"):
        html = server.get(address).text
        assert "Retour aux résultats" not in html, address


@pytest.fixture(scope="module")
def chamber_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    wanted = {ANSWERED_NO_DATE, UNANSWERED, SENT_TO_MEMBER, *MUYLLE}
    with CHAMBER_2023.open(encoding="utf-8") as handle:
        records = [line for line in handle if json.loads(line)["id"] in wanted]
    assert len(records) == 5
    corpus = tmp_path_factory.mktemp("chamber")
    (corpus / "records.jsonl").write_text("".join(records), encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("chamber_index") / "index"
    report = api.ingest([corpus], index_dir=index_dir)
    assert not report.failed, report.failed
    with running_server(index_dir) as started:
        yield started


def test_an_answer_without_a_reply_date_says_what_is_known(
    chamber_server: Server, page: Watched
) -> None:
    page.page.goto(chamber_server.url + "/search?q=fuite")
    meta = page.page.locator("li.hit p.meta").inner_text()
    assert "réponse publiée le 07/06/2023" in meta, meta
    assert "—" not in meta
    page.page.locator("li.hit h3 a").click()
    page.page.wait_for_url(re.compile(r"/documents/"))
    fields = page.page.locator("dl.fields").inner_text()
    assert "réponse publiée, sans date de réponse" in fields
    assert "—" not in fields, fields
    page.page.goto(chamber_server.url + f"/documents/{UNANSWERED}?lang=en")
    fields = page.page.locator("dl.fields").inner_text()
    assert "no answer yet" in fields and "—" not in fields, fields


def test_the_terminal_and_the_memo_say_it_too(chamber_server: Server) -> None:
    index = str(chamber_server.index_dir)
    found = run_pqsearch("search", "fuite", "--index", index)
    line = next(line for line in found.stdout.splitlines() if ANSWERED_NO_DATE in line)
    assert "answer published 07/06/2023" in line and "—" not in line, line
    shown = run_pqsearch("show", ANSWERED_NO_DATE, "--index", index)
    assert "Received 01/06/2023 · published 07/06/2023 · answer published, no reply date given" in (
        shown.stdout
    )
    memo = run_pqsearch("export", "fuite", "--index", index)
    assert (
        "- Reçue le 01/06/2023, publiée le 07/06/2023, réponse publiée, sans date de réponse"
        in (memo.stdout)
    )
    assert "—" not in memo.stdout


def test_one_author_spelt_two_ways_is_one_facet_value(
    chamber_server: Server, page: Watched
) -> None:
    # Two values of one document each, and a link to either selected both: 2 documents where
    # the facet said 1. Now one value, the count its link leads to.
    with api.open_index(chamber_server.index_dir) as index:
        authors = {c.value: c.count for c in index.facet("author").results}
        assert authors["Nathalie Muylle, CD&V (01130)"] == 2
        assert "Nathalie Muylle, cd&v (01130)" not in authors
        for spelling in ("Nathalie Muylle, CD&V (01130)", "nathalie muylle, cd&v (01130)"):
            found = index.search("", filters=Filters(author=(spelling,)), limit=10)
            assert sorted(h.id for h in found.hits) == sorted(MUYLLE)
    page.page.goto(chamber_server.url + "/search")
    entry = page.page.locator("section.facet li", has_text="Nathalie Muylle")
    assert entry.count() == 1
    assert entry.locator(".count").inner_text() == "2"
    entry.locator("a").click()
    page.page.wait_for_url(re.compile(r"author="))
    assert page.page.locator("#total").inner_text().startswith("2 documents")


def test_an_answer_sent_to_the_member_is_not_called_published(
    chamber_server: Server, page: Watched
) -> None:
    # Its record holds a text (saying where the answer went) and no reply date: show, the
    # memo and the page said "answer published" above "not published" (review W1).
    index = str(chamber_server.index_dir)
    shown = run_pqsearch("show", SENT_TO_MEMBER, "--index", index).stdout
    assert "answer sent to the member, not published" in shown
    assert "answer published" not in shown, shown
    memo = run_pqsearch("export", f"id:{SENT_TO_MEMBER}", "--index", index).stdout
    assert "réponse publiée" not in memo.lower(), memo
    page.page.goto(chamber_server.url + f"/documents/{SENT_TO_MEMBER}?lang=en")
    fields = page.page.locator("dl.fields").inner_text()
    assert "answer sent to the member, not published" in fields, fields
    assert "answer published" not in fields, fields


def test_the_document_page_passes_on_the_search_not_the_raw_parameter(server: Server) -> None:
    # The page's links carried the `results` value as it came, junk and size included
    # (review W4); now the search it names, written again.
    html = server.get("/documents/170146?results=q%3Dlogement%26junk%3D" + "x" * 5000).text
    assert "Retour aux résultats" in html
    # Other documents' links (the language switch is this page's own address, kept whole).
    links = [
        link
        for link in re.findall(r'href="(/documents/[^"]*)"', html)
        if not link.startswith("/documents/170146?")
    ]
    assert links and all("results=q%3Dlogement" in link for link in links), links[:3]
    assert not [link for link in links if "junk" in link or "xxx" in link]
    # A value naming no search gives no link, not one to a bare /search.
    html = server.get("/documents/170229?results=junk%3D1").text
    assert "Retour aux résultats" not in html


def test_the_json_api_names_a_bad_page_as_the_library_does(server: Server) -> None:
    # A bad page or limit was "QuerySyntaxError" before the page's own messages; a web-only
    # class name would break clients matching on it (review W3).
    for address in ("/api/search?q=logement&page=zz", "/api/search?q=logement&limit=-1"):
        answer = server.get(address)
        assert answer.status_code == 400
        assert answer.json()["type"] == "QuerySyntaxError", answer.json()


def test_an_unknown_portfolio_is_said_with_the_page_s_filter_name(server: Server) -> None:
    html = server.get("/search?q=logement&portfolio=%3DNulle%20part").text
    assert "pour le filtre compétence" in html, html[:3000]
    html = server.get("/search?q=logement&portfolio=%3DNulle%20part&lang=en").text
    assert 'portfolio "' in html.replace("&#34;", '"').replace("&quot;", '"')
    assert "portfolios" not in html.split("<main", 1)[-1].split("</form>", 1)[-1][:2000]


def test_values_apart_only_by_punctuation_are_one_facet_value(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # The filter matches "Jean-Marc" and "Jean Marc" alike: the facet showed two values, and
    # each link selected the documents of both (review W2).
    with CHAMBER_2023.open(encoding="utf-8") as handle:
        base = [json.loads(line) for line, _ in zip(handle, range(3), strict=False)]
    names = [
        "Jean-Marc Delizée, PS (00001)",
        "Jean Marc Delizée, PS (00001)",
        "Jean-Marc Delizée, PS (00001)",
    ]
    for number, (record, name) in enumerate(zip(base, names, strict=True)):
        record["author"] = name
        record["id"] = f"{record['id']}-w2-{number}"
    corpus = tmp_path_factory.mktemp("punctuation")
    (corpus / "records.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in base), encoding="utf-8"
    )
    index_dir = tmp_path_factory.mktemp("punctuation_index") / "index"
    assert not api.ingest([corpus], index_dir=index_dir).failed
    with api.open_index(index_dir) as index:
        authors = {c.value: c.count for c in index.facet("author").results}
        assert authors == {"Jean-Marc Delizée, PS (00001)": 3}, authors
        found = index.search("", filters=Filters(author=("Jean Marc Delizée, PS (00001)",)))
        assert found.total == 3
