"""`--status` reads whether the answer's text is published (README, Faceted search): an answer
sent to the member and not printed is `unanswered`, as a reply date without text is.

Audit 17, Q2: the federal bulletin's "La réponse à cette question a été transmise directement
à l'honorable membre ..." (answer type `not_published`) counted as answered in the status
filter, the `statut:` field and the status facet. Real federal records
(tests/data/be_chamber_qrva_fr_2023) go through the whole ingest here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.analyze.answers import NOT_PUBLISHED
from tests.conftest import TEST_DATA

RECORDS = TEST_DATA / "be_chamber_qrva_fr_2023" / "records.jsonl"
# "La réponse à cette question a été transmise directement à l'honorable membre."
UNPRINTED = {
    "CHAMBRE-55-b113-1320-2094-2022202320089",
    "CHAMBRE-55-b113-1242-0986-2022202320448",
}
PRINTED = {"CHAMBRE-55-b113-1320-2145-2022202320490", "CHAMBRE-55-b113-1320-2144-2022202320489"}
NO_ANSWER = {"CHAMBRE-55-b113-1321-0190-2022202320288", "CHAMBRE-55-b113-1320-2111-2022202320235"}


@pytest.fixture(scope="module")
def federal_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wanted = UNPRINTED | PRINTED | NO_ANSWER
    folder = tmp_path_factory.mktemp("federal")
    lines = [
        line
        for line in RECORDS.read_text(encoding="utf-8").splitlines()
        if line.strip() and json.loads(line)["id"] in wanted
    ]
    assert len(lines) == len(wanted)
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    index_dir = folder / "index"
    report = api.ingest([folder], index_dir=index_dir)
    assert not report.failed, report.failed
    return index_dir


def ids(index: api.Index, query: str = "", **filters: object) -> set[str]:
    result = index.search(query, filters=api.Filters(**filters), limit=100)  # type: ignore[arg-type]
    assert result.total == len(result.hits)
    return {hit.id for hit in result.hits}


def test_an_answer_sent_and_not_printed_is_unanswered(federal_index: Path) -> None:
    with api.open_index(federal_index) as index:
        assert ids(index, answer_type=("not_published",)) == UNPRINTED
        assert ids(index, status="unanswered") == UNPRINTED | NO_ANSWER
        assert ids(index, status="answered") == PRINTED
        assert ids(index, "statut:repondu") == PRINTED
        assert ids(index, "statut:sans-reponse") == UNPRINTED | NO_ANSWER
        assert ids(index, "-statut:repondu") == UNPRINTED | NO_ANSWER


def test_the_status_facet_counts_as_the_filter_selects(federal_index: Path) -> None:
    with api.open_index(federal_index) as index:
        # Twice: the first count of a generation reads the columns, the next its tallies.
        for _ in range(2):
            facet = index.search("", facets=["status"], limit=0).facets[0]
            counts = {count.value: count.count for count in facet.results}
            assert counts == {"unanswered": 4, "answered": 2}
            facet = index.search("", filters=api.Filters(status="answered"), facets=["status"])
            assert [(c.value, c.count) for c in facet.facets[0].results] == [("answered", 2)]


def test_overdue_still_counts_an_unprinted_answer_as_answered(federal_index: Path) -> None:
    with api.open_index(federal_index) as index:
        late = ids(index, overdue=True, as_of="2024-01-01")
        assert late == NO_ANSWER


def test_the_status_module_names_the_analysis_type() -> None:
    from pqsearch.query import status

    assert status.NOT_PUBLISHED == NOT_PUBLISHED


def test_each_hit_says_what_its_status_says(federal_index: Path) -> None:
    # Review 17, V1: the status filter and facet said unanswered while each hit said
    # "answered —" (CLI), "answered": true (JSON) and "répondue le —" (web page).
    from pqsearch.output import hit_lines

    with api.open_index(federal_index) as index:
        result = index.search("", limit=100)
    by_id = {hit.id: hit for hit in result.hits}
    for hit_id in UNPRINTED:
        hit = by_id[hit_id]
        assert not hit.answered
        first = hit_lines(hit, color=False)[0]
        assert "not published" in first and "answered —" not in first, first
    assert all(by_id[i].answered for i in PRINTED)
    assert not any(by_id[i].answered for i in NO_ANSWER)
    assert all("no answer yet" in hit_lines(by_id[i], color=False)[0] for i in NO_ANSWER)


def test_a_status_no_document_has_is_named_absent(tmp_path: Path) -> None:
    # Review 17, V2: on an index whose answers are all unprinted or missing, `--status
    # answered` said nothing (main named the status absent, as for any closed value).
    wanted = UNPRINTED | NO_ANSWER
    lines = [
        line
        for line in RECORDS.read_text(encoding="utf-8").splitlines()
        if line.strip() and json.loads(line)["id"] in wanted
    ]
    (tmp_path / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = api.ingest([tmp_path / "records.jsonl"], index_dir=tmp_path / "index")
    assert not report.failed, report.failed
    with api.open_index(tmp_path / "index") as index:
        result = index.search("", filters=api.Filters(status="answered"))
        assert result.total == 0
        assert [(a.field, a.value) for a in result.absent] == [("status", "answered")]
        assert index.search("statut:repondu").absent
        assert not index.search("", filters=api.Filters(status="unanswered")).absent
