"""Issue 14: the web page and the JSON API say when a query word was corrected, and
`correct=0` searches the words as typed (a real server over the shipped corpus)."""

from __future__ import annotations

import html

from tests.web.conftest import Server


def test_the_page_names_the_correction_above_the_results_with_a_link_to_the_typed_words(
    server: Server,
) -> None:
    page = html.unescape(server.get("/search", params={"q": "neutralitee"}).text)
    announced = page.index("Résultats pour « neutralité » ; rechercher plutôt")
    assert announced < page.index('id="total"')
    assert "correct=0" in page[announced : announced + 400]


def test_the_api_reports_the_correction_and_correct_0_turns_it_off(server: Server) -> None:
    corrected = server.get("/api/search", params={"q": "neutralitee"}).json()
    assert corrected["corrections"] == [{"word": "neutralitee", "correction": "neutralité"}]
    assert corrected["total"] > 0
    typed = server.get("/api/search", params={"q": "neutralitee", "correct": "0"}).json()
    assert typed["corrections"] == [] and typed["total"] == 0
    assert typed["suggestions"][0]["suggestion"] == "neutralité"
