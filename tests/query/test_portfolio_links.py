"""A portfolio facet value selects as many documents as the facet counts (audit 17, Q3).

A plain portfolio filter takes every portfolio with a word starting as each typed word
(README: `--portfolio climat` finds "Transition climatique"), so the facet's "Budget (1)" of a
Brussels question used as a filter also took the federal "Budget, Protection consommateurs":
the search page's link led to more documents than its count said. A value written "=Budget"
is that whole name only, and the page's links are written so. Real records: one of the
shipped corpus (corpus/brussels/records.jsonl) and two of the federal Chamber
(tests/data/be_chamber_qrva_fr_2023).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from pqsearch import UnknownValueError, api
from tests.conftest import SHIPPED_CORPUS, TEST_DATA

BRUSSELS = SHIPPED_CORPUS / "brussels" / "records.jsonl"
FEDERAL = TEST_DATA / "be_chamber_qrva_fr_2023" / "records.jsonl"
# Portfolios Finances, Budget, Fonction publique, Transition numérique.
BRUSSELS_BUDGET = "170238"
# Portfolio "Budget, Protection consommateurs".
FEDERAL_BUDGET = {
    "CHAMBRE-55-b113-1300-0342-2022202320581",
    "CHAMBRE-55-b113-1300-0341-2022202320580",
}


def _lines(path: Path, keep: set[str], key: str) -> list[str]:
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and str(json.loads(line).get(key)) in keep
    ]


def budget_index(folder: Path) -> Path:
    """An index of the three records in `folder` (also the web test's)."""
    lines = _lines(BRUSSELS, {BRUSSELS_BUDGET}, "moncode") + _lines(FEDERAL, FEDERAL_BUDGET, "id")
    assert len(lines) == 3
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = api.ingest([folder], index_dir=folder / "index")
    assert not report.failed, report.failed
    return folder / "index"


@pytest.fixture(scope="module")
def budget(tmp_path_factory: pytest.TempPathFactory) -> Iterator[api.Index]:
    with api.open_index(budget_index(tmp_path_factory.mktemp("budget"))) as index:
        yield index


def total(index: api.Index, portfolio: str) -> int:
    return index.search("", filters=api.Filters(portfolio=(portfolio,)), limit=0).total


def test_an_exact_portfolio_selects_what_its_facet_counts(budget: api.Index) -> None:
    facet = budget.facet("portfolio")
    counts = {count.value: count.count for count in facet.results}
    assert counts["Budget"] == 1
    for value, count in counts.items():
        assert total(budget, "=" + value) == count, value
    # Words typed still find every portfolio holding a word that starts so (README).
    assert total(budget, "Budget") == 3


def test_an_exact_portfolio_ignores_accents_and_case_and_says_when_it_matches_none(
    budget: api.Index,
) -> None:
    assert total(budget, "=budget") == 1
    assert total(budget, "=TRANSITION NUMERIQUE") == 1
    with pytest.raises(UnknownValueError, match="did you mean '=Budget'"):
        total(budget, "=Budge")
