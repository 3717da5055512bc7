"""The search page by keyboard alone and in a phone-width window, in a real Chromium: the
results are reached at once, not after every facet value."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.web.conftest import Server, Watched

if TYPE_CHECKING:
    from playwright.sync_api import Browser

QUERY = "/search?q=logement"


def test_the_skip_link_goes_to_the_results(server: Server, page: Watched) -> None:
    page.page.goto(server.url + QUERY)
    page.page.keyboard.press("Tab")
    focused = page.page.evaluate("() => document.activeElement.textContent")
    assert focused == "Aller aux résultats"
    page.page.keyboard.press("Enter")
    page.page.keyboard.press("Tab")
    in_results = "() => document.activeElement.closest('#results') !== null"
    assert page.page.evaluate(in_results)
    # Then the hits, before any facet: the first hit's title within a few more stops.
    for _ in range(12):
        if page.page.evaluate("() => document.activeElement.closest('li.hit') !== null"):
            break
        assert page.page.evaluate(in_results)
        page.page.keyboard.press("Tab")
    else:
        raise AssertionError("no hit reached from the skip link")


def test_the_facets_are_a_skip_link_away(server: Server, page: Watched) -> None:
    page.page.goto(server.url + QUERY)
    page.page.keyboard.press("Tab")
    page.page.keyboard.press("Tab")
    assert page.page.evaluate("() => document.activeElement.textContent").startswith(
        "Aller aux filtres"
    )
    page.page.keyboard.press("Enter")
    page.page.keyboard.press("Tab")
    assert page.page.evaluate("() => document.activeElement.closest('#facets') !== null")


def test_a_phone_width_window_shows_the_results_first(server: Server, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        phone = context.new_page()
        phone.goto(server.url + QUERY)
        total = phone.locator("#total").bounding_box()
        facets = phone.locator("aside.facets").bounding_box()
        assert total is not None and facets is not None
        assert total["y"] + total["height"] < 844  # on the first screen, without scrolling
        assert facets["y"] > total["y"]
        # Nothing wider than the window (the search button stuck out by 5 pixels).
        widths = phone.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1]
        # A document with a procedure table (two steps) fits the window too.
        phone.goto(server.url + "/documents/170248")
        assert phone.locator("table.procedure tbody tr").count() == 2
        widths = phone.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1]
    finally:
        context.close()


def test_the_first_skip_link_says_where_it_goes(server: Server) -> None:
    # s20: "Aller aux résultats" on the drafting page, a document and an error, which have no
    # results: the link went to the page's content.
    for address, said in (
        ("/search?q=logement", '<a class="skip" href="#results">Aller aux résultats</a>'),
        ("/draft", '<a class="skip" href="#main">Aller au contenu</a>'),
        ("/documents/170286", '<a class="skip" href="#main">Aller au contenu</a>'),
        ("/search?q=secteur:Z", '<a class="skip" href="#main">Aller au contenu</a>'),
        ("/watches?lang=en", '<a class="skip" href="#main">Skip to content</a>'),
    ):
        assert said in server.get(address).text, address
