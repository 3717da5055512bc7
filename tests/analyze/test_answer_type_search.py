"""`type:renvoi` and `type:"hors compétence"` find the referrals of a real corpus (issue 15).

The README's own example once answered "No document has answer_type 'renvoi'": the Brussels
corpus has no referral, and the patterns missed those of the federal Chamber. Here real
federal records (tests/data/be_chamber_qrva_fr_2023) go through the whole ingest, and the
query syntax finds them by type.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pqsearch import api
from tests.conftest import TEST_DATA

pytestmark = pytest.mark.slow

RECORDS = TEST_DATA / "be_chamber_qrva_fr_2023" / "records.jsonl"
# Labelled by reading (tests/data/answer_types.toml, dev part): two referrals, two
# answers that send the member to the competent colleague, two answers on the substance.
REFERRALS = {
    "CHAMBRE-55-b113-1184-1592-2022202320120",  # "je vous prie de vous référer à ma réponse"
    "CHAMBRE-55-b113-1184-1585-2022202320095",  # "renvoyer l'honorable député aux road shows"
}
NOT_COMPETENT = {
    "CHAMBRE-55-b113-1192-1873-2022202320186",  # "ne relève pas de mes compétences mais ..."
    "CHAMBRE-55-b113-1240-1457-2022202320206",  # "ne relève pas de ma compétence ..."
}
SUBSTANTIVE = {
    "CHAMBRE-55-b113-1184-1589-2022202320106",
    "CHAMBRE-55-b113-1320-2134-2022202320413",
}


@pytest.fixture(scope="module")
def federal_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wanted = REFERRALS | NOT_COMPETENT | SUBSTANTIVE
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


def test_type_renvoi_finds_the_referrals_of_real_federal_answers(federal_index: Path) -> None:
    result = api.search("type:renvoi", index_dir=federal_index)
    assert {hit.id for hit in result.hits} == REFERRALS


def test_type_hors_competence_finds_the_answers_that_send_the_member_elsewhere(
    federal_index: Path,
) -> None:
    result = api.search('type:"hors compétence"', index_dir=federal_index)
    assert {hit.id for hit in result.hits} == NOT_COMPETENT
