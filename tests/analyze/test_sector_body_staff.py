"""A public body's staff as the administration, beside the body's own sector, and the
employment, security, cleaning and congress services of NACE N78-N82 (twentieth session of
issue 15): real taxonomy, real spaCy lemmas, invented sentences."""

from __future__ import annotations

import pytest

from pqsearch.analyze.administration import STAFF_EVIDENCE, body_staff
from pqsearch.analyze.lemmatize import Lemmatizer
from pqsearch.analyze.sectors import SectorDetector, load_taxonomy
from tests.analyze.sector_reading import evidence_terms, read_parts, topic_sectors


@pytest.fixture(scope="module")
def detector(lemmatizer: Lemmatizer) -> SectorDetector:
    return SectorDetector(load_taxonomy(), lemmatizer.lemmatize_terms)


def test_the_managers_of_a_named_public_body_are_the_administration(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = read_parts(
        lemmatizer,
        title="l'évaluation des dirigeants de la SLRB",
        question=(
            "Monsieur le Ministre, les dirigeants de la SLRB ont-ils été évalués à mi-mandat ? "
            "Par qui et avec quelles conclusions ?"
        ),
    )
    assert STAFF_EVIDENCE in evidence_terms(detector, parts, "O")
    assert "O" in topic_sectors(detector, parts)


def test_a_bodys_staff_is_a_second_topic_beside_its_activity(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = read_parts(
        lemmatizer,
        title="l'accompagnement des chercheurs d'emploi et le personnel d'Actiris",
        question=(
            "Combien de chercheurs d'emploi Actiris a-t-il accompagnés en 2025 ? "
            "Combien d'agents d'Actiris sont statutaires et combien sont contractuels ? "
            "Le recrutement de conseillers supplémentaires par Actiris est-il prévu ?"
        ),
    )
    assert STAFF_EVIDENCE in evidence_terms(detector, parts, "O")
    assert {"N", "O"} <= topic_sectors(detector, parts)


def test_staff_words_with_no_public_body_named_are_not_the_administration(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = read_parts(
        lemmatizer,
        title="le manque de personnel dans les restaurants",
        question=(
            "Combien de restaurants bruxellois peinent-ils à recruter du personnel de salle ? "
            "Les cuisiniers sont-ils mieux payés qu'en 2020 ?"
        ),
    )
    assert body_staff(parts) == {}
    assert STAFF_EVIDENCE not in evidence_terms(detector, parts, "O")


def test_only_the_sentences_naming_a_body_and_its_staff_are_read(lemmatizer: Lemmatizer) -> None:
    parts = read_parts(
        lemmatizer,
        title="la propreté des rues",
        question=(
            "Les rues du centre sont-elles balayées chaque jour ? "
            "Combien d'agents de Bruxelles-Propreté y sont affectés ? "
            "Bruxelles-Propreté a-t-elle acheté de nouvelles balayeuses ?"
        ),
    )
    assert body_staff(parts) == {"question": {1}}


@pytest.mark.parametrize(
    ("title", "question", "term"),
    [
        (
            "les groupements d'employeurs",
            "Combien de groupements d'employeurs partagent-ils un travailleur entre plusieurs "
            "petites entreprises bruxelloises et la Région les soutient-elle ?",
            "groupement d'employeurs",
        ),
        (
            "les aides à l'embauche des chômeurs de longue durée",
            "Combien d'employeurs ont bénéficié d'une aide à l'embauche en 2025 ? "
            "Combien de personnes ont ainsi trouvé un emploi durable ?",
            "aide à l'embauche",
        ),
        (
            "le nouveau centre de congrès",
            "Où en est le projet de centre de congrès ? Combien de salons professionnels "
            "la Région a-t-elle accueillis cette année ?",
            "centre de congrès",
        ),
    ],
)
def test_employment_and_congress_services_are_support_services(
    detector: SectorDetector, lemmatizer: Lemmatizer, title: str, question: str, term: str
) -> None:
    parts = read_parts(lemmatizer, title=title, question=question)
    assert term in evidence_terms(detector, parts, "N")
    assert "N" in topic_sectors(detector, parts)
