"""The errors a visitor meets from the search box and the date fields are said in the page's
language (session 19): query syntax with its caret, dates, an unknown sector, a form too
large, the server out of file handles. They were English on French pages; the library's
errors now carry their fields (`QuerySyntaxError.kind`, `value`, `position`, ...) and the page
words them. The JSON API and the CLI keep the library's message."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import re
import resource
from html import unescape
from pathlib import Path

import httpx
import pytest

from pqsearch import api
from pqsearch.web.i18n import Words
from pqsearch.web.messages import page_message
from pqsearch.web.service import IndexService, ServerLimitError
from tests.web.conftest import Server, Watched

# (address, French, English): words of the message on the page in each language.
MESSAGES = [
    (
        "/search?q=%22logement",
        "Guillemet non fermé : le \" de la colonne 1 n'est jamais fermé.",
        'Unbalanced quote: the " at column 1 is never closed.',
    ),
    (
        "/search?q=logement+(habitat",
        "Parenthèse non fermée : la ( de la colonne 10 n'est jamais fermée.",
        "Unbalanced parenthesis: the ( at column 10 is never closed.",
    ),
    (
        "/search?q=foo:bar",
        "Champ inconnu « foo » à la colonne 1.",
        'Unknown field "foo" at column 1.',
    ),
    (
        "/search?q=logement+AND",
        "AND à la colonne 10 doit être suivi d'un terme.",
        "AND at column 10 needs a term after it.",
    ),
    (
        "/search?q=l*",
        "Le préfixe « l* » de la colonne 1 est trop court",
        'The prefix "l*" at column 1 is too short',
    ),
    (
        "/search?q=recu:2021-13",
        "Colonne 6 : il n'y a pas de tel mois dans « 2021-13 » : les mois vont de 1 à 12",
        'Column 6: There is no such month in "2021-13": months run from 1 to 12',
    ),
    (
        "/search?q=logement&from=31/02/2021",
        "Ce jour n'existe pas : « 31/02/2021 » (février 2021 compte 28 jours ; les dates "
        "s'écrivent jour/mois/année).",
        'There is no such day: "31/02/2021" (February 2021 has 28 days; dates are day/month/year).',
    ),
    (
        "/search?q=logement&to=mars",
        "La date « mars » n'a pas d'année",
        'The date "mars" has no year',
    ),
    (
        "/search?q=logement&from=hier",
        "« hier » n'est pas une date. Dates acceptées : 2021 (toute l'année)",
        '"hier" is not a date. Accepted dates: 2021 (the whole year)',
    ),
    (
        "/search?q=logement&from=2022&to=2021",
        "La période « 2022 – 2021 » finit avant de commencer",
        'The range "2022 – 2021" ends before it starts',
    ),
    (
        "/search?q=logement&sector=zz",
        "Secteur inconnu : « zz ». Donnez l'identifiant ou le nom d'un secteur : A (Agriculture, "
        "sylviculture et pêche), B (Industries extractives),",
        'Unknown sector "zz". Give a sector\'s id or name: A (Agriculture, forestry and fishing), '
        "B (Mining and quarrying),",
    ),
    (
        "/search?q=secteur:helth",
        "Secteur inconnu : « helth ». Vouliez-vous dire Q (Santé humaine et action sociale) ? "
        "Donnez",
        'Unknown sector "helth". Did you mean Q (Human health and social work activities)? Give',
    ),
    (
        "/search?q=statut:peutetre",
        "Statut inconnu : « peutetre ».",
        'Unknown status "peutetre". Statuses: answered or unanswered.',
    ),
]


@pytest.mark.parametrize(("address", "french", "english"), MESSAGES)
def test_a_query_or_date_error_is_said_in_the_page_language(
    server: Server, page: Watched, address: str, french: str, english: str
) -> None:
    page.page.goto(server.url + address)
    shown = page.page.locator("pre.message").inner_text()
    assert french in shown, shown
    page.page.goto(server.url + address + "&lang=en")
    shown = page.page.locator("pre.message").inner_text()
    assert english in shown, shown
    assert page.dialogs == []


# (query, French, English): the page's own words for a date error inside the query, with the
# values the library's error carries (review P, E1 and E2).
IN_QUERY = [
    (
        "recu:31 mars 2021",
        "Colonne 6 : une date qui contient des espaces se met entre guillemets : écrivez "
        'recu:"31 mars 2021".',
        'Column 6: A date with spaces goes in quotes: write recu:"31 mars 2021".',
    ),
    (
        "recu:1066",
        "les années de 1800 à 2200 sont acceptées",
        "years from 1800 to 2200 are accepted",
    ),
    ('recu:"marss 2021"', "Vouliez-vous dire « mars » ?", "Did you mean 'mars'?"),
    (
        "foo:bar",
        "Les champs, avec un exemple : titre:mobilité, question:logement",
        "The fields, with an example: titre:mobilité, question:logement",
    ),
    (
        "recu:2021-02-31",
        "Colonne 6 : ce jour n'existe pas : « 2021-02-31 » (février 2021 compte 28 jours).",
        'Column 6: There is no such day: "2021-02-31" (February 2021 has 28 days).',
    ),
    (
        "session:[20 TO 21]",
        "pas pour le filtre session (colonne 9).",
        "not on session (column 9).",
    ),
    (
        "recu:2021 TO 2022",
        "Colonne 6 : une période se met entre crochets : écrivez recu:[2021 TO 2022].",
        "Column 6: A range goes in square brackets: write recu:[2021 TO 2022].",
    ),
    (
        'recu:"31 mars 2021" TO 2022',
        "Colonne 6 : une période se met entre crochets : écrivez recu:[31 mars 2021 TO 2022].",
        "Column 6: A range goes in square brackets: write recu:[31 mars 2021 TO 2022].",
    ),
    (
        "recu:2021 TO (logement OR vélo)",
        "Colonne 6 : après TO vient un groupe, pas la fin de la période. Une période se met "
        "entre crochets avec sa fin, comme recu:[2021 TO *] pour tout depuis « 2021 ».",
        "Column 6: TO is followed by a group, not the range's end. A range goes in square "
        'brackets with its end, as in recu:[2021 TO *] for everything from "2021" on.',
    ),
    (
        "portfolio==",
        "« portfolio== » (colonne 1) n'est pas un filtre : un champ est suivi de deux-points",
        '"portfolio==" at column 1 is not a filter: a field takes a colon',
    ),
    # A quoted value after "=": the colon is the one fix, no "put it in quotes" (s20 review).
    (
        'secteur="Q"',
        "« secteur= » (colonne 1) n'est pas un filtre : un champ est suivi de deux-points, pas "
        'd\'un =. Écrivez secteur:"Q".\n',
        '"secteur=" at column 1 is not a filter: a field takes a colon, not "=". Write '
        'secteur:"Q".\n',
    ),
    # The example in the page's language, quotes kept, and no CLI option (review P1, P3).
    (
        "logement portefeuille:=",
        "ne trouve rien : donnez le nom entier après le =, comme dans portefeuille:=urbanisme, "
        "ou retirez le filtre.",
        "matches nothing: give the whole name after the =, as in portfolio:=urbanisme, or "
        "remove the filter.",
    ),
    (
        "logement ministre:=",
        'comme dans ministre:="van den brandt", ou retirez le filtre.',
        'as in addressee:="van den brandt", or remove the filter.',
    ),
    # A field's name mid-sentence: in the page's language, without a capital (s20: « pas au
    # filtre number », « pas au filtre Secteur »).
    ("numero:3*", "pas au filtre numéro (colonne 8)", "not on number (column 8)"),
    ("secteur:F*", "pas au filtre secteur (colonne 9)", "not on sector (column 9)"),
    # A limit with the language's thousands separator (s20: « 10000 caractères »).
    pytest.param(
        "x " * 6_000,
        "La recherche dépasse 10\u202f000 caractères",
        "longer than 10,000 characters",
        id="query_too_long",
    ),
    pytest.param(
        "ab " * 1_001, "plus de 1\u202f000 termes", "more than 1,000 terms", id="too_many_terms"
    ),
    (
        "le la de",
        "Rien à chercher dans « le la de » : la recherche ne contient que des mots courants",
        'Nothing to search for in "le la de": it holds only common words',
    ),
    (
        "recu:{2021 TO 2022}",
        "ne sont pas acceptées dans « {2021 TO 2022} » : écrivez [a TO b]",
        'are not supported in "{2021 TO 2022}": write [a TO b]',
    ),
]


@pytest.mark.parametrize(("query", "french", "english"), IN_QUERY)
def test_a_date_error_in_the_query_says_its_values_on_the_page(
    server: Server, query: str, french: str, english: str
) -> None:
    for language, words in (("fr", french), ("en", english)):
        answer = server.get("/search", params={"q": query, "lang": language})
        assert answer.status_code == 400
        shown = unescape(answer.text)
        assert words in shown, shown[shown.find('class="message"') :][:600]
        assert not re.search(r"(Colonne|Column) 9\b.*\b(colonne|column) 9\b", shown)


def test_the_caret_still_points_at_the_column(server: Server, page: Watched) -> None:
    page.page.goto(server.url + "/search?q=logement+(habitat")
    lines = page.page.locator("pre.message").inner_text().splitlines()
    assert lines[-2:] == ["  logement (habitat", "           ^"]


def test_the_json_api_keeps_the_library_messages(server: Server) -> None:
    answer = server.get("/api/search", params={"q": "logement (habitat"})
    assert answer.status_code == 400
    assert answer.json()["error"].startswith(
        "Unbalanced parenthesis: the ( at column 10 is never closed. Add the missing ), or "
        "remove the (.\n  logement (habitat\n           ^"
    )
    answer = server.get("/api/search", params={"q": "logement", "sector": "zz"})
    assert answer.json()["error"].startswith("Unknown sector 'zz'. Sectors: A (")
    # s20: English names, and the closest sector for a client to offer.
    answer = server.get("/api/search", params={"sector": "helth"})
    assert answer.status_code == 400
    body = answer.json()
    assert body["error"].startswith(
        "Unknown sector 'helth'. Did you mean Q (Human health and social work activities)? "
        "Sectors: A (Agriculture, forestry and fishing), "
    )
    # The type clients matched on before s20, and the problem's kind as a stable key.
    assert (body["type"], body["kind"]) == ("QuerySyntaxError", "unknown_sector")
    assert body["suggestions"] == ["Q"]
    assert body["valid"][:3] == ["A", "B", "C"]
    for params, kind in [
        ({"q": "logement (habitat"}, "unclosed_parenthesis"),
        ({"q": "recu:2021 TO 2022"}, "range_unbracketed"),
        ({"q": "logement", "sectr": "F"}, "invalid_choice"),
        ({"q": "secteur:F", "sector": "zz"}, "unknown_sector"),
    ]:
        body = server.get("/api/search", params=params).json()
        assert body.get("kind") == kind, (params, body)
        assert body["type"] in {"QuerySyntaxError", "InvalidChoiceError"}, (params, body)
    answer = server.get("/api/search", params={"q": "logement", "from": "31/02/2021"})
    assert answer.json()["error"] == (
        "There is no day 31 in '31/02/2021': February 2021 has 28 days (dates are day/month/year)."
    )


def test_the_json_api_names_no_cli_option_for_an_empty_value(server: Server) -> None:
    """Review P3: the API's message said "(option: --addressee =van den brandt)", which no
    API client can type; the CLI adds its option line itself."""
    for params in [{"q": "logement ministre:="}, {"q": "logement", "addressee": "="}]:
        answer = server.get("/api/search", params=params)
        assert answer.status_code == 400
        body = answer.json()
        assert body["kind"] == "empty_exact_value", body
        assert body["error"] == (
            'An empty value for addressee ("=") matches nothing: give the whole name after the '
            '"=", as in addressee:="van den brandt", or remove the filter.'
        ), body


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("fr", "Le formulaire dépasse 200\u202f000 octets. Collez un projet plus court."),
        ("en", "The form is larger than 200,000 bytes. Paste a shorter draft."),
    ],
)
def test_a_form_too_large_is_said_in_the_page_language(
    server: Server, language: str, said: str
) -> None:
    answer = httpx.post(
        server.url + f"/draft?lang={language}", data={"text": "logement " * 30_000}, timeout=60
    )
    assert answer.status_code == 413
    assert said in answer.text.replace("&#39;", "'")


async def _refused(service: IndexService) -> BaseException:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (len(os.listdir("/proc/self/fd")), hard))
    try:
        with pytest.raises(ServerLimitError) as refused:
            await service.run(lambda index: index.search("logement").total)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    return refused.value


def test_the_server_out_of_file_handles_is_said_in_the_page_language(
    corpus_index: Path,
) -> None:
    # The real error of the web service's worker at this process's limit (tests/web/
    # test_file_limit.py), as the page words it.
    with api.open_index(corpus_index) as index:
        assert index.search("logement").total
    service = IndexService(corpus_index)
    try:
        with concurrent.futures.ThreadPoolExecutor(1) as thread:
            refused = thread.submit(asyncio.run, _refused(service)).result()
    finally:
        service.close()
    assert isinstance(refused, ServerLimitError)
    french = page_message(refused, Words("fr"))
    assert french.startswith(
        "Le serveur ne peut pas répondre pour l'instant : il ne peut pas ouvrir plus de "
        "fichiers à la fois (limite : "
    )
    assert "ulimit -n 4096" in french and "Cannot go on" not in french
    english = page_message(refused, Words("en"))
    assert english.startswith("The server cannot answer just now: it may not open more files")
    assert "Cannot go on" in str(refused)
