"""A search that finds nothing says what to do next, in a real Chromium: without which filter
its words find documents (links, with their counts), or, with no filter, to check the words."""

from __future__ import annotations

import re

from pqsearch import api
from tests.web.conftest import Server, Watched


def test_filters_that_exclude_everything_offer_the_search_without_them(
    server: Server, page: Watched
) -> None:
    with api.open_index(server.index_dir) as index:
        narrowed = index.search("logement", filters=api.Filters(session=("20/21",)), limit=0)
        without = index.search("logement", limit=0)
        legislature = index.search("logement", filters=api.Filters(legislature=("24/29",)), limit=0)
    assert narrowed.total == 0 and without.total > 0 and legislature.total > 0

    page.page.goto(f"{server.url}/search?q=logement&session=20%2F21&legislature=24%2F29")
    assert page.page.locator("#total").inner_text().startswith("0 documents")
    offers = page.page.locator(".suggestion li")
    texts = [offers.nth(i).inner_text() for i in range(offers.count())]
    assert f"Sans le filtre session : 20/21 : {legislature.total} documents" in texts
    assert f"Sans aucun filtre : {without.total} documents" in texts
    # Removing the legislature alone still finds nothing: not offered.
    assert not any(text.startswith("Sans le filtre législature") for text in texts)
    # No empty facet column beside "0 documents".
    assert page.page.locator("aside.facets").count() == 0

    page.page.get_by_role("link", name="Sans le filtre session : 20/21").click()
    page.page.wait_for_url(re.compile(r"legislature=24%2F29"))
    assert "session=" not in page.page.url
    assert page.page.locator("#total").inner_text().startswith(f"{legislature.total} document")


def test_words_that_match_nothing_get_advice(server: Server, page: Watched) -> None:
    page.page.goto(f"{server.url}/search?q=zorglubxyzzy&correct=0")
    assert page.page.locator("#total").inner_text().startswith("0 documents")
    assert "Vérifiez l'orthographe" in page.page.locator(".results").inner_text()


def test_a_filter_value_like_no_real_one_offers_the_real_ones(
    server: Server, page: Watched
) -> None:
    with api.open_index(server.index_dir) as index:
        ministers = [c.value for c in index.facet("addressee", query="diplomates").results]
    assert ministers

    page.page.goto(f"{server.url}/search?q=diplomates&addressee=zzqqxx")
    error = page.page.locator(".error")
    offered = [link.inner_text() for link in error.get_by_role("link").all()]
    assert offered == ministers[: len(offered)] and offered
    error.get_by_role("link", name=ministers[0], exact=True).click()
    page.page.wait_for_url(re.compile(r"addressee="))
    assert "zzqqxx" not in page.page.url
    assert page.page.locator("li.hit").count() > 0


def test_two_values_like_no_real_one_are_an_error_page_not_a_crash(server: Server) -> None:
    # Review 17, B1r: the values offered for the first were counted with the second still
    # in the search, whose error nothing caught: HTTP 500.
    for query in (
        {"portfolio": "zzzz", "addressee": "qqqq"},
        {"addressee": "qqqq", "from": "notadate"},
        {"portfolio": "zzzz", "sector": "ZZ"},
    ):
        answer = server.get("/search", params=query)
        assert answer.status_code == 400, (query, answer.status_code)
        assert 'class="error"' in answer.text, query


def test_portfolios_offered_for_an_unknown_one_are_whole_names(server: Server) -> None:
    # Review 17, B5r: offered as plain words, a portfolio took every name starting so.
    answer = server.get("/search", params={"portfolio": "zzqqxx"})
    offered = re.findall(r'href="/search\?portfolio=([^"&]+)"', answer.text)
    assert offered and all(value.startswith("%3D") for value in offered), offered
