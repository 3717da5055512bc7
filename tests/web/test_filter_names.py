"""A filter or a part of a document is named inside a sentence or a label without the capital
of a heading (s20): the active filters said « Dates Du : 2021 », their links « Retirer le filtre
Session : 20/21 », a sector's evidence « ×2 (Question) » beside « ×1 (titre) »."""

from __future__ import annotations

from html import unescape

import pytest

from tests.web.conftest import Server


@pytest.mark.parametrize(
    ("language", "chip", "removal"),
    [
        ("fr", "Dates du : 2021", 'aria-label="Retirer le filtre session : 20/21"'),
        ("en", "Dates from: 2021", 'aria-label="Remove filter session: 20/21"'),
    ],
)
def test_active_filters_are_named_in_lower_case_after_their_first_word(
    server: Server, language: str, chip: str, removal: str
) -> None:
    answer = server.get(
        "/search", params={"q": "logement", "from": "2021", "session": "20/21", "lang": language}
    )
    assert answer.status_code == 200
    page = unescape(answer.text)
    assert chip in page, page[page.find('class="active"') :][:800]
    assert removal in page


def test_a_sector_s_evidence_names_the_parts_in_lower_case(server: Server) -> None:
    # « violences faites aux femmes ×1 (titre), violences faites aux femmes ×2 (Question) »
    page = unescape(server.get("/documents/170286").text)
    assert "×2 (question)" in page and "×1 (titre)" in page, page[page.find("Secteurs") :][:600]
    english = unescape(server.get("/documents/170286", params={"lang": "en"}).text)
    assert "×2 (question)" in english and "×1 (title)" in english
