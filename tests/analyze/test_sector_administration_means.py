"""The administration's own means as its subject: public finances, the governance of public
bodies, a public body's staff and the administration's fleet and tools (nineteenth session of
issue 15): real taxonomy, real spaCy lemmas, invented sentences."""

from __future__ import annotations

import pytest

from pqsearch.analyze.lemmatize import Lemmatizer
from pqsearch.analyze.sectors import SectorDetector, load_taxonomy
from tests.analyze.sector_reading import evidence_terms, read_parts, topic_sectors


@pytest.fixture(scope="module")
def detector(lemmatizer: Lemmatizer) -> SectorDetector:
    return SectorDetector(load_taxonomy(), lemmatizer.lemmatize_terms)


def test_the_regions_debt_and_its_credit_rating_are_public_finances(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = read_parts(
        lemmatizer,
        title="la charge de la dette et la notation financière de la Région",
        question=(
            "Quel montant la Région a-t-elle payé en charges d'intérêts l'an dernier ? "
            "Quelle agence de notation a revu sa note et pour quelles raisons ? "
            "Quel est le taux d'exécution des crédits votés ?"
        ),
    )
    found = evidence_terms(detector, parts, "O")
    assert {"charge de la dette", "agence de notation", "taux d'exécution"} <= found
    assert topic_sectors(detector, parts) == {"O"}


def test_the_members_of_advisory_councils_are_the_governance_of_public_bodies(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = read_parts(
        lemmatizer,
        title="la désignation des membres des conseils consultatifs",
        question=(
            "Combien de conseils consultatifs compte la Région ? "
            "Comment leurs membres sont-ils désignés et combien de femmes y siègent-elles ?"
        ),
    )
    assert "conseil consultatif" in evidence_terms(detector, parts, "O")
    assert "O" in topic_sectors(detector, parts)


def test_a_public_bodys_staff_overtime_is_the_administration_not_its_sector(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = read_parts(
        lemmatizer,
        title="les heures supplémentaires du personnel de la STIB",
        question=(
            "Combien d'heures supplémentaires le personnel administratif de la STIB a-t-il "
            "prestées l'an dernier ? Ont-elles été payées ou récupérées ? "
            "Combien de postes vacants restent à pourvoir ?"
        ),
    )
    assert {"heures supplémentaires", "postes vacants"} <= evidence_terms(detector, parts, "O")
    assert topic_sectors(detector, parts) == {"O"}


def test_overtime_in_a_private_trade_is_no_evidence_of_the_administration(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    # The employer's words count only for a public body named: a trade's overtime is labour
    # law, whoever asks.
    parts = read_parts(
        lemmatizer,
        title="les heures supplémentaires dans le secteur de la construction",
        question=(
            "Combien d'heures supplémentaires les ouvriers du bâtiment prestent-ils en moyenne ? "
            "Le harcèlement moral sur les chantiers est-il suivi ?"
        ),
    )
    staff_words = {"heures supplémentaires", "harcèlement moral"}
    assert not evidence_terms(detector, parts, "O") & staff_words
    assert "O" not in topic_sectors(detector, parts)


def test_the_administrations_service_vehicles_are_its_own_means_not_transport(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = read_parts(
        lemmatizer,
        title="le remplacement des véhicules de service des administrations régionales",
        question=(
            "Combien de véhicules de service compte la flotte régionale ? "
            "Combien seront remplacés cette année et selon quel cahier des charges ?"
        ),
    )
    assert {"véhicule de service", "flotte régionale"} <= evidence_terms(detector, parts, "O")
    assert "O" in topic_sectors(detector, parts)
