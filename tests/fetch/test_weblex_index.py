"""The site's index: rows as the site writes them -> entries -> records the parser reads back."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from pqsearch.errors import FetchError
from pqsearch.fetch.weblex_index import (
    KIND_NAMES,
    ParsedIndex,
    index_record,
    index_url,
    parse_index,
)
from pqsearch.parse import parse_bytes
from pqsearch.parse.jsonl import KIND_ALIASES
from tests.fetch.replay import EXAMPLE_ROW, OTHER_KINDS, index_rows

SITE = "https://www.parlement.brussels"


def parse_rows(rows: list[list[str]]) -> ParsedIndex:
    data = json.dumps({"data": rows}).encode()
    return parse_index(data, base_url=SITE, legislature="24/29", source="index.json")


def test_the_example_row_of_the_issue_reads_with_entities_decoded_and_links_resolved() -> None:
    parsed = parse_index(
        json.dumps({"data": [EXAMPLE_ROW]}).encode(),
        base_url=SITE,
        legislature="2024-2029",
        source="index.json",
    )
    (entry,) = parsed.entries
    assert parsed.legislature == "24/29"
    assert (entry.moncode, entry.base, entry.kind, entry.assembly) == (
        "167852",
        "1",
        "written",
        "PRB",
    )
    assert entry.page_fr == f"{SITE}/weblex-quest-det/?moncode=167852&montitre=&base=1"
    assert entry.page_nl == entry.page_fr + "&lang=nl"
    assert entry.title_fr.startswith("Question écrite concernant les données statistiques")
    assert entry.addressee_fr.startswith("Nawal Ben Hamou - Secrétaire d'État à la Région")


def test_an_entry_becomes_a_record_the_json_lines_parser_reads_back() -> None:
    (entry,) = parse_index(
        json.dumps({"data": [EXAMPLE_ROW]}).encode(),
        base_url=SITE,
        legislature="24/29",
        source="index.json",
    ).entries
    line = json.dumps(index_record(entry), ensure_ascii=False).encode()
    (question,) = parse_bytes(line, source="index-only/24-29.jsonl")
    assert question.id == "167852"
    assert question.kind == "written"
    assert question.source_format == "index"
    assert question.title == "les données statistiques relatives aux agences immobilières sociales"
    assert question.title_nl == (
        "statistische gegevens met betrekking tot de sociale verhuurkantoren"
    )
    assert (question.author, question.addressee) == ("Marie Cruysmans", "Nawal Ben Hamou")
    assert question.addressee_role is not None and "Logement" in question.addressee_role
    assert question.received_on == dt.date(2025, 12, 31)
    assert question.question == "" and question.answer is None
    assert question.url == f"{SITE}/weblex-quest-det/?moncode=167852&montitre=&base=1"


def test_every_kind_of_the_index_is_named_and_keeps_its_bulletin_links() -> None:
    parsed = parse_index(
        json.dumps({"data": index_rows()}).encode(),
        base_url=SITE,
        legislature="24/29",
        source="index.json",
    )
    kinds = {entry.moncode: entry.kind for entry in parsed.entries}
    assert [kinds[row[0]] for row in OTHER_KINDS] == [
        "oral",
        "interpellation",
        "request_for_explanations",
        "topical",
        "oral",
    ]
    oral = next(entry for entry in parsed.entries if entry.moncode == "900001")
    record = index_record(oral)
    assert record["session"] == "25/26"
    assert [link["label"] for link in record["annexes"]] == ["B.I.Q. 1 (25/26) p. 1"] * 2
    assert [link["url"].rsplit("/", 1)[1] for link in record["annexes"]] == [
        "images.pdf#page=1",
        "images-n.pdf#page=1",
    ]
    arccc = next(entry for entry in parsed.entries if entry.moncode == "900005")
    assert index_record(arccc)["parliament"] == "ARCCC"


def test_every_kind_produced_is_one_the_json_lines_parser_accepts() -> None:
    assert set(KIND_NAMES) <= set(KIND_ALIASES)


def test_a_type_not_known_is_kept_as_other() -> None:
    row = [*EXAMPLE_ROW]
    row[6] = "question orale urgente"
    (entry,) = parse_rows([row]).entries
    assert entry.kind == "other"


def test_a_bad_row_is_named_and_the_others_are_kept() -> None:
    short = EXAMPLE_ROW[:15]
    unlinked = [*EXAMPLE_ROW]
    unlinked[2] = "fiche"
    parsed = parse_rows([short, EXAMPLE_ROW, unlinked, EXAMPLE_ROW])
    assert [entry.moncode for entry in parsed.entries] == ["167852"]
    assert parsed.problems == (
        "index.json row 1 skipped: 15 columns, expected 16",
        "index.json row 3 skipped: no link to the question's page",
        "index.json row 4: the same question as row 2 (moncode 167852), kept once",
    )


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("moncode=167852&base=1/../../outside", "has base '1/../../outside', not a number"),
        ("moncode=167852&base=%2Fhome%2Fuser", "has base '/home/user', not a number"),
        ("moncode=167852&base=..", "has base '..', not a number"),
        ("moncode=../167852&base=1", "has no moncode (a number)"),
        # `str.isdigit` says yes to these; a file name must not hold them.
        ("moncode=167852&base=\u00b2", "has base '\u00b2', not a number"),
        ("moncode=\u0661\u0662&base=1", "has no moncode (a number)"),
    ],
)
def test_a_page_link_that_would_name_a_file_outside_its_folder_skips_the_row(
    query: str, reason: str
) -> None:
    """Moncode and base name the page's file (fr/<moncode>-base<base>.html): only numbers."""
    hostile = [*EXAMPLE_ROW]
    hostile[2] = f'<a href="/weblex-quest-det/?{query}">fiche</a>'
    other = [*EXAMPLE_ROW]
    other[2] = other[2].replace("167852", "167853")
    parsed = parse_rows([hostile, other])
    assert [entry.moncode for entry in parsed.entries] == ["167853"]
    (problem,) = parsed.problems
    assert problem.startswith("index.json row 1 skipped: the page link ")
    assert problem.endswith(reason) or f"{reason} (" in problem


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"data": [["PRB"', "not the site's JSON index"),
        (b"<html><body>Erreur</body></html>", "not the site's JSON index"),
        (b'{"rows": []}', 'no "data" list'),
    ],
)
def test_what_is_not_an_index_says_so(data: bytes, expected: str) -> None:
    with pytest.raises(FetchError, match=expected):
        parse_index(data, base_url=SITE, legislature="24/29", source="index.json")


def test_the_index_url_of_a_legislature() -> None:
    assert index_url(SITE, "2024-2029") == (
        f"{SITE}/prb_includes/weblex/data/dos_qu_legis_24-29.json"
    )
    with pytest.raises(FetchError, match="write it as 24/29"):
        index_url(SITE, "latest")
