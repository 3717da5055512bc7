"""Cleaning the public space is N (NACE 81.29), collecting and treating waste E (NACE 38), and
a cleaning agency only named is neither (eighteenth session of issue 15): real taxonomy, real
spaCy lemmas, invented sentences."""

from __future__ import annotations

import pytest

from pqsearch.analyze.lemmatize import Lemmatizer
from pqsearch.analyze.sectors import SectorDetector, load_taxonomy
from tests.analyze.sector_reading import evidence_terms, read_parts, topic_sectors


@pytest.fixture(scope="module")
def detector(lemmatizer: Lemmatizer) -> SectorDetector:
    return SectorDetector(load_taxonomy(), lemmatizer.lemmatize_terms)


def test_the_cleanliness_of_the_streets_is_street_cleaning_not_waste(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = read_parts(
        lemmatizer,
        title="la propreté des places et des trottoirs du centre-ville",
        question=(
            "Combien de balayeurs sont affectés au centre-ville le week-end ? "
            "Le nettoiement des places est-il renforcé après les marchés ? "
            "Quelles mesures sont prises contre les mégots jetés sur les trottoirs ? "
            "Quel est le délai d'effacement des graffitis signalés ?"
        ),
    )
    assert {"propreté", "balayeur", "nettoiement", "mégot"} <= evidence_terms(detector, parts, "N")
    assert not evidence_terms(detector, parts, "E")
    assert "N" in topic_sectors(detector, parts)
    assert "E" not in topic_sectors(detector, parts)


def test_collecting_and_recycling_household_waste_stays_waste_management(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = read_parts(
        lemmatizer,
        title="la collecte des déchets ménagers et le taux de recyclage",
        question=(
            "Quel tonnage de déchets ménagers a été collecté l'an dernier ? "
            "Le tri sélectif des biodéchets progresse-t-il ? "
            "Quel est le taux de recyclage des sacs PMC ?"
        ),
    )
    assert "E" in topic_sectors(detector, parts)
    assert "N" not in topic_sectors(detector, parts)


def test_the_cleaning_agency_named_for_its_staff_is_not_street_cleaning(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = read_parts(
        lemmatizer,
        title="les examens de promotion du personnel de l'Agence Bruxelles-Propreté",
        question=(
            "Combien d'agents de l'Agence Bruxelles-Propreté ont présenté l'examen de promotion ? "
            "Quel est le taux de réussite par rôle linguistique ?"
        ),
    )
    assert not evidence_terms(detector, parts, "N")
    assert not {"N", "E"} & topic_sectors(detector, parts)
