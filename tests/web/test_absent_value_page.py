"""The search page says which valid filter value no document has when nothing matched
(review 14, R4; the library's side is tests/query/test_absent_values.py)."""

from __future__ import annotations

from tests.web.conftest import Server


def test_the_search_page_says_it(server: Server) -> None:
    page = server.get("/search", params={"q": "logement", "kind": "oral"})
    assert page.status_code == 200
    assert "Aucun document de cet index n&#39;a la valeur « Question orale »" in page.text or (
        "Aucun document de cet index n'a la valeur « Question orale »" in page.text
    )
