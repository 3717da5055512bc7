"""A portfolio spelt in ways a filter cannot tell apart ("Prot vie privée", "Prot. vie privée",
"Prot. vie-privée": the ingest already makes case and accents one name, not punctuation) is
one facet entry with the count its link selects, each document once even when it holds two
spellings (session 19, after review W2 merged authors and addressees). Portfolios are
multi-valued: adding the spellings' counts would count such a document twice.

Real federal records (tests/data/be_chamber_qrva_fr_2023) with their portfolios rewritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pqsearch import UnknownValueError, api
from tests.conftest import TEST_DATA

FEDERAL = TEST_DATA / "be_chamber_qrva_fr_2023" / "records.jsonl"
PORTFOLIOS = [
    ["Prot vie privée", "Prot. vie privée"],  # two spellings in one document
    ["Prot vie privée"],
    ["Prot. vie-privée", "Budget"],
    ["Budget"],
]


@pytest.fixture(scope="module")
def spelt_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("portfolios")
    records = [json.loads(line) for line in FEDERAL.read_text(encoding="utf-8").splitlines()]
    chosen = [r for r in records if r.get("answer")][: len(PORTFOLIOS)]
    for record, portfolios in zip(chosen, PORTFOLIOS, strict=True):
        record["portfolios"] = portfolios
    (folder / "records.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8"
    )
    report = api.ingest([folder], index_dir=folder / "index")
    assert not report.failed, report.failed
    return folder / "index"


def test_spellings_of_a_portfolio_are_one_entry_counting_each_document_once(
    spelt_index: Path,
) -> None:
    with api.open_index(spelt_index) as index:
        # Twice: the first count of a generation reads the columns, later ones the tallies.
        for _ in range(2):
            facet = index.facet("portfolio")
            assert {c.value: c.count for c in facet.results} == {"Prot vie privée": 3, "Budget": 2}
            shown = index.search("", facets=["portfolio"], limit=0).facets[0]
            assert {c.value: c.count for c in shown.results} == {"Prot vie privée": 3, "Budget": 2}
        # The link of the entry selects the documents it counted.
        linked = index.search("", filters=api.Filters(portfolio=("=Prot vie privée",)), limit=10)
        assert linked.total == 3
        # Over part of the index: the document holding two spellings still counts once.
        narrowed = index.search(
            "", filters=api.Filters(portfolio=("=Budget",)), facets=["portfolio"], limit=0
        ).facets[0]
        assert {c.value: c.count for c in narrowed.results} == {"Budget": 2, "Prot vie privée": 1}


def test_a_misspelt_portfolio_suggests_each_merged_value_once(spelt_index: Path) -> None:
    # Three suggestions for the three spellings of one facet entry, three links to the same
    # documents (review P, P1).
    with api.open_index(spelt_index) as index, pytest.raises(UnknownValueError) as raised:
        index.search("", filters=api.Filters(portfolio=("=Prot vie priv",)), limit=0)
    assert raised.value.suggestions == ["=Prot vie privée"]
