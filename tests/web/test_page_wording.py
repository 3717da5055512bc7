"""Small wordings of the page that read wrong in one language or the other (session 19):
the date bar's accessible label counts one document in the singular; English pages write
"Error:" without the French space before the colon."""

from __future__ import annotations

import pytest

from tests.web.conftest import Server, Watched


@pytest.mark.parametrize(
    ("language", "one", "many"),
    [("fr", "2021-02 : 1 document", " documents"), ("en", "2021-02: 1 document", " documents")],
)
def test_a_date_bar_of_one_document_says_document(
    server: Server, page: Watched, language: str, one: str, many: str
) -> None:
    page.page.goto(server.url + f"/search?q=diplomates&lang={language}")
    bars = page.page.locator(".timeline a.bar")
    labels = [bars.nth(i).get_attribute("aria-label") or "" for i in range(bars.count())]
    assert labels == [one]
    # The name a screen reader announces, from the accessibility tree.
    assert page.page.get_by_role("link", name=one, exact=True).count() == 1
    page.page.goto(server.url + f"/search?q=logement&lang={language}")
    labels = page.page.locator(".timeline a.bar").first.get_attribute("aria-label") or ""
    assert labels.endswith(many) and not labels.endswith(": 1 documents"), labels


@pytest.mark.parametrize(
    ("address", "selector", "english", "french"),
    [
        ("/search?q=%22logement", ".error strong", "Error:", "Erreur :"),
        ("/search?q=diplomates", ".snippet .part", "Answer:", "Réponse :"),
        ("/search?q=logement&session=25/26", ".chip", "Session: 25/26", "Session : 25/26"),
    ],
)
def test_english_pages_put_no_space_before_a_colon(
    server: Server, page: Watched, address: str, selector: str, english: str, french: str
) -> None:
    page.page.goto(server.url + address + "&lang=en")
    shown = page.page.locator(selector).first.inner_text()
    assert shown.startswith(english), shown
    page.page.goto(server.url + address)
    shown = page.page.locator(selector).first.inner_text()
    assert shown.startswith(french), shown


def test_an_english_did_you_mean_has_no_space_before_its_question_mark(
    server: Server, page: Watched
) -> None:
    page.page.goto(server.url + "/search?q=logemnet&correct=0&lang=en")
    suggestion = page.page.locator("p.suggestion").first.inner_text()
    assert suggestion.endswith(")?"), suggestion
    page.page.goto(server.url + "/search?q=logemnet&correct=0")
    suggestion = page.page.locator("p.suggestion").first.inner_text()
    assert suggestion.endswith(") ?"), suggestion
