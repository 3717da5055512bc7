"""The errors a visitor meets from the page's own links and forms are said in the page's
language, without the CLI commands a browser user has no use for (session 18); the JSON API
keeps the library's messages."""

from __future__ import annotations

import pytest

from tests.web.conftest import Server, Watched

# (address, French, English): the message's words on the page in each language.
MESSAGES = [
    (
        "/search?q=logement&session=25-26",
        "Aucun document n'a la valeur « 25-26 » pour le filtre session.",
        'No document has session "25-26".',
    ),
    (
        "/search?q=logement&addressee=zorglub",
        "Aucun document n'a la valeur « zorglub » pour le filtre ministre.",
        'No document has addressee "zorglub".',
    ),
    (
        "/search?q=logement&page=abc",
        "Le paramètre page doit être un nombre entier entre 1 et 10000, pas « abc ».",
        'The parameter page must be a whole number from 1 to 10000, not "abc".',
    ),
    (
        "/search?q=logement&sort=zz",
        "Valeur inconnue pour le tri : « zz ». Valeurs possibles : relevance (pertinence)",
        'Unknown sort "zz": use relevance, newest or oldest.',
    ),
    (
        "/search?q=logement&status=maybe",
        "Valeur inconnue pour le statut : « maybe ».",
        'Unknown status "maybe": use answered or unanswered.',
    ),
    (
        "/export?q=logement&format=zz",
        "Valeur inconnue pour le format : « zz ». Valeurs possibles : md, csv ou jsonl.",
        'Unknown format "zz": use md, csv or jsonl.',
    ),
    (
        "/documents/nope",
        "Aucun document n'a l'identifiant « nope ».",
        'No document has the id "nope".',
    ),
    (
        "/no-such-page",
        "Cette page n'existe pas. La recherche est à l'adresse /search.",
        "This page does not exist. The search is at /search.",
    ),
]


@pytest.mark.parametrize(("address", "french", "english"), MESSAGES)
def test_an_error_is_said_in_the_page_language(
    server: Server, page: Watched, address: str, french: str, english: str
) -> None:
    page.page.goto(server.url + address)
    shown = page.page.locator("pre.message").inner_text()
    assert french in shown, shown
    assert "pqsearch facets" not in shown and 'pqsearch search"' not in shown
    separator = "&" if "?" in address else "?"
    page.page.goto(server.url + address + separator + "lang=en")
    shown = page.page.locator("pre.message").inner_text()
    assert english in shown, shown
    assert page.dialogs == []


def test_the_json_api_keeps_the_library_messages(server: Server) -> None:
    answer = server.get("/api/search", params={"q": "logement", "session": "25-26"})
    assert answer.status_code == 400
    assert answer.json()["error"] == "No document has session '25-26': did you mean '25/26'?"
    answer = server.get("/api/search", params={"q": "logement", "page": "abc"})
    assert answer.json()["error"] == "page must be a whole number, not 'abc'."
