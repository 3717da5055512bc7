"""The administration as a subject: a question most of whose items ask about its own staff,
money, contracts, tools or procedures is about O (`pqsearch.analyze.administration`).

Each rule both ways, on realistic Brussels questions written for these tests and on two real
questions of the shipped corpus; the real spaCy model reads them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pqsearch.analyze import administration, detector_version
from pqsearch.analyze.administration import EVIDENCE, own_functioning
from pqsearch.analyze.lemmatize import Lemmatizer
from pqsearch.analyze.sectors import SectorDetector, SectorMention, load_taxonomy
from pqsearch.analyze.segments import PartText, read_part
from pqsearch.parse import parse_file

BRUSSELS = Path(__file__).resolve().parents[2] / "corpus" / "brussels"

# Its services' computers: no word of O's vocabulary, items on purchases, a supplier, a budget.
COMPUTERS = {
    "title": "le renouvellement du matériel informatique des services régionaux",
    "question": (
        "Le parc informatique des services régionaux vieillit et plusieurs agents signalent des "
        "pannes répétées.\n"
        "1. Combien d'ordinateurs portables ont été achetés en 2025 et pour quel montant ?\n"
        "2. Quel prestataire a été retenu et selon quelle procédure ?\n"
        "3. Les anciens ordinateurs sont-ils reconditionnés ?\n"
        "4. Quel budget est prévu pour 2026 ?"
    ),
    "answer": (
        "En 2025, 1.240 ordinateurs portables ont été livrés pour un montant de 1,1 million "
        "d'euros. Le prestataire a été désigné après une procédure ouverte. Les anciens appareils "
        "sont cédés à une association. Le budget 2026 prévoit 900.000 euros pour le "
        "renouvellement du matériel des services."
    ),
}
# A policy question that asks, in one item of three, what the administration spends on it.
PAVEMENTS = {
    "title": "la rénovation des trottoirs régionaux",
    "question": (
        "De nombreux trottoirs régionaux sont en mauvais état.\n"
        "1. Quel budget votre administration consacre-t-elle à la rénovation des trottoirs en "
        "2025 ?\n"
        "2. Quels tronçons seront rénovés en priorité ?\n"
        "3. Comment les piétons à mobilité réduite sont-ils pris en compte ?"
    ),
    "answer": (
        "Six millions d'euros sont consacrés à la rénovation des trottoirs en 2025. Les tronçons "
        "prioritaires sont ceux où les chutes de piétons sont les plus nombreuses."
    ),
}
# An administration of the gazetteer (no sector of its own) paying its suppliers late ("délai
# moyen de paiement" is no payment instrument of K's).
INVOICES = {
    "title": "les retards de paiement des factures par Bruxelles Mobilité",
    "question": (
        "Des entrepreneurs se plaignent d'attendre plusieurs mois leur dû.\n"
        "1. Quel est le délai moyen de paiement des factures en 2025 ?\n"
        "2. Combien de factures ont été réglées après trente jours ?\n"
        "3. Quels intérêts de retard ont été versés ?"
    ),
}
# The same items about an operator's front-line staff: the labels read the STIB's recruiting
# of drivers as transport (tests/data/sectors_labels_brussels_probe2.toml, probe2-021).
DRIVERS = {
    "title": "le recrutement des conducteurs de la STIB",
    "question": (
        "La STIB annonce vouloir recruter des centaines de conducteurs de bus et de tram.\n"
        "1. Combien de conducteurs ont été recrutés en 2025 ?\n"
        "2. Combien de courses ont été supprimées faute de conducteurs ?\n"
        "3. Quelle est la durée de la formation des nouveaux conducteurs ?"
    ),
}
# A hospital's staff are recruited and paid too: that is health care.
NURSES = {
    "title": "la pénurie d'infirmiers dans les hôpitaux bruxellois",
    "question": (
        "Le personnel infirmier manque dans de nombreux hôpitaux bruxellois.\n"
        "1. Combien de postes d'infirmiers sont vacants dans les hôpitaux publics ?\n"
        "2. Combien d'infirmiers ont été recrutés en 2024 ?\n"
        "3. Quel budget est prévu pour la revalorisation des barèmes ?"
    ),
}


@pytest.fixture(scope="module")
def detector(lemmatizer: Lemmatizer) -> SectorDetector:
    return SectorDetector(load_taxonomy(), lemmatizer.lemmatize_terms)


def _parts(lemmatizer: Lemmatizer, texts: dict[str, str]) -> dict[str, PartText]:
    analyses = lemmatizer.analyze(list(texts.values()))
    return {
        part: read_part(texts[part], analysis)
        for part, analysis in zip(texts, analyses, strict=True)
    }


def _real(lemmatizer: Lemmatizer, question_id: str, path: Path) -> dict[str, PartText]:
    (question,) = [q for q in parse_file(path) if q.id == question_id]
    texts = {"title": question.title, "question": question.question}
    return _parts(lemmatizer, {**texts, "answer": question.answer or ""})


def _sector(mentions: tuple[SectorMention, ...], sector: str) -> SectorMention | None:
    return next((m for m in mentions if m.sector == sector), None)


def test_a_question_whose_items_ask_about_its_services_means_is_about_o(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    mentions = detector.score(_parts(lemmatizer, COMPUTERS))
    o = _sector(mentions, "O")
    assert o is not None and o.topic
    assert EVIDENCE in {e.term for e in o.evidence if e.part == "question"}


def test_one_budget_item_in_a_policy_question_is_not_about_o(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = _parts(lemmatizer, PAVEMENTS)
    assert own_functioning(parts, {}) == {}
    assert "O" not in {m.sector for m in detector.detect(parts)}


def test_an_administration_of_the_gazetteer_names_who_acts(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = _parts(lemmatizer, INVOICES)
    assert own_functioning(parts, {})["question"]
    assert "O" in {m.sector for m in detector.detect(parts)}


@pytest.mark.parametrize("texts", [DRIVERS, NURSES], ids=["operator", "hospital"])
def test_an_operators_or_a_hospitals_staff_are_their_sector_not_the_administration(
    detector: SectorDetector, lemmatizer: Lemmatizer, texts: dict[str, str]
) -> None:
    parts = _parts(lemmatizer, texts)
    assert own_functioning(parts, {}) == {}
    assert "O" not in {m.sector for m in detector.detect(parts)}


def test_a_real_question_on_recruitment_and_staff_plans_is_read_as_the_administrations(
    lemmatizer: Lemmatizer,
) -> None:
    # 170238, labelled O: the reinforced moratorium on recruitment and the staff plans.
    found = own_functioning(_real(lemmatizer, "170238", BRUSSELS / "records.jsonl"), {})
    assert len(found["question"]) >= 10 and found["title"]


@pytest.mark.parametrize("path", ["html/170286.html", "records.jsonl"])
def test_a_real_question_on_the_budget_of_a_policy_keeps_the_policys_sector(
    detector: SectorDetector, lemmatizer: Lemmatizer, path: str
) -> None:
    # 170286, labelled Q: the regional budget against violence towards women. The record
    # loses the page's bullets, so two of its four numbered items ask about budget lines;
    # its title on the policy keeps them the policy's.
    topics = {m.sector for m in detector.detect(_real(lemmatizer, "170286", BRUSSELS / path))}
    assert topics == {"Q"}


def test_a_title_on_the_services_equipment_is_not_another_sectors_activity(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    # "informatique" is J's word; as what the services run on it does not make the title J's.
    # (A title on another sector's activity stops the rule: 170286's record, above.)
    parts = _parts(lemmatizer, COMPUTERS)
    j = _sector(detector.score(parts), "J")
    assert j is not None and "informatique" in {e.term for e in j.evidence if e.part == "title"}
    assert "O" in {m.sector for m in detector.detect(parts)}


def test_the_detector_fingerprint_follows_the_rules_share_and_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = detector_version.detector_fingerprint()
    detector_version.detector_fingerprint.cache_clear()
    try:
        monkeypatch.setattr(administration, "MOST", 0.5)
        assert detector_version.detector_fingerprint() != before
    finally:
        monkeypatch.undo()
        detector_version.detector_fingerprint.cache_clear()
    assert detector_version.detector_fingerprint() == before
