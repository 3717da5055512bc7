"""What the page says of a question's answer, in a real Chromium: an answer sent to the
member but not published (a reply date, no text) is not "no answer yet"."""

from __future__ import annotations

from pqsearch import api
from tests.web.conftest import Server, Watched

# Question n°46 of the shipped corpus: "Date de réponse: 22/09/2026, sans texte".
NOT_PUBLISHED = "170312"


def test_an_answer_sent_but_not_published_is_said_so(server: Server, page: Watched) -> None:
    with api.open_index(server.index_dir) as index:
        question = index.show(NOT_PUBLISHED).question
    assert question.answered_on is not None and not question.answered
    day = question.answered_on.strftime("%d/%m/%Y")

    page.page.goto(f"{server.url}/search?answer_type=not_published")
    card = page.page.locator("li.hit", has=page.page.locator(f"input[value='{NOT_PUBLISHED}']"))
    meta = card.locator("p.meta").inner_text()
    assert f"répondue le {day}, réponse non publiée" in meta
    assert "sans réponse" not in meta

    card.locator("h3 a").click()
    # Opened from the search: its address carries that search, for the link back (s18).
    page.page.wait_for_url(f"**/documents/{NOT_PUBLISHED}?results=*")
    answer = page.page.locator("section.text", has=page.page.locator("#answer-title"))
    assert f"réponse envoyée le {day} et non publiée" in answer.inner_text()

    page.page.goto(f"{server.url}/search?answer_type=not_published&lang=en")
    card = page.page.locator("li.hit", has=page.page.locator(f"input[value='{NOT_PUBLISHED}']"))
    assert f"answered on {day}, answer not published" in card.locator("p.meta").inner_text()
