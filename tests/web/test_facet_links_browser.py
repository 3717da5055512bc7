"""A facet value's link finds the documents the facet counted, in a real Chromium; a record
without a session (the federal Chamber's) shows none.

Real documents whose values collide as typed filters do: the Brussels portfolio "Économie"
beside the federal "Économie et Travail" (a word-prefix match). (One federal author spelled
"CD&V" in one record and "cd&v" in another stays one author to a typed filter: case aside.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from pqsearch import api
from tests.conftest import TEST_DATA, brussels_folder
from tests.web.conftest import Server, Watched, running_server

FEDERAL = TEST_DATA / "be_chamber_qrva_fr_2023" / "records.jsonl"
# Two short answered questions to "Économie et Travail" and both of Nathalie Muylle's.
FEDERAL_IDS = (
    "CHAMBRE-55-b113-1182-1286-2022202320288",
    "CHAMBRE-55-b113-1182-1285-2022202320282",
    "CHAMBRE-55-b113-1320-2143-2022202320483",
    "CHAMBRE-55-b059-1320-0782-2020202110451",
)


@pytest.fixture(scope="module")
def colliding_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    corpus = brussels_folder(
        tmp_path_factory.mktemp("colliding") / "brussels", (), ("170156", "170139")
    )
    lines = FEDERAL.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if any(f'"id": "{i}"' in line for i in FEDERAL_IDS)]
    assert len(kept) == len(FEDERAL_IDS)
    (corpus / "federal.jsonl").write_text("".join(kept), encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("colliding_index") / "index"
    report = api.ingest([corpus], index_dir=index_dir)
    assert not report.failed, report.failed
    with running_server(index_dir) as started:
        yield started


def _click_value(page: Watched, server: Server, facet: str, value: str) -> tuple[int, int]:
    """(the count the facet shows beside `value`, the total its link gives)."""
    page.page.goto(server.url + "/search")
    section = page.page.locator(f"section.facet[aria-labelledby=facet-{facet}]")
    item = section.locator("li", has=page.page.get_by_role("link", name=value, exact=True))
    counted = int(item.locator(".count").inner_text())
    item.get_by_role("link", name=value, exact=True).click()
    page.page.wait_for_url(re.compile(rf"[?&]{facet}="))
    total = page.page.locator("#total").inner_text()
    return counted, int(total.split()[0])


def test_a_portfolio_link_is_not_widened_to_names_that_start_with_it(
    colliding_server: Server, page: Watched
) -> None:
    counted, found = _click_value(page, colliding_server, "portfolio", "Économie")
    assert (counted, found) == (2, 2)
    # A word typed by hand still finds every portfolio holding it, as the README says.
    with api.open_index(colliding_server.index_dir) as index:
        typed = index.search("", filters=api.Filters(portfolio=("economie",)), limit=0)
    assert typed.total == 4


def test_a_question_without_a_session_shows_no_question_mark(
    colliding_server: Server, page: Watched
) -> None:
    # The federal Chamber's records have a legislature and no session: the CLI leaves it out.
    page.page.goto(colliding_server.url + "/search?legislature=55")
    metas = [meta.inner_text() for meta in page.page.locator("li.hit p.meta").all()]
    assert len(metas) == len(FEDERAL_IDS)
    for meta in metas:
        assert " · 55 · reçue le " in meta and "?" not in meta
