"""The administration's subjects in ordinary words, and a school or a computer as the setting
(fifteenth session of issue 15): real taxonomy, real spaCy lemmas, invented sentences."""

from __future__ import annotations

import pytest

from pqsearch.analyze.lemmatize import Lemmatizer
from pqsearch.analyze.sectors import SectorDetector, load_taxonomy
from tests.analyze.sector_reading import evidence_terms, read_parts, topic_sectors


@pytest.fixture(scope="module")
def detector(lemmatizer: Lemmatizer) -> SectorDetector:
    return SectorDetector(load_taxonomy(), lemmatizer.lemmatize_terms)


def test_crime_prevention_and_police_cameras_are_the_administrations_public_order(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = read_parts(
        lemmatizer,
        title="les gardiens de la paix dans les quartiers",
        question=(
            "Combien de gardiens de la paix la commune emploie-t-elle ? "
            "Combien de caméras de surveillance sont installées sur les places ? "
            "La politique de prévention de la délinquance est-elle évaluée ?"
        ),
    )
    assert {"gardien de la paix", "caméra de surveillance"} <= evidence_terms(detector, parts, "O")
    assert "O" in topic_sectors(detector, parts)


def test_how_long_a_grant_or_a_permit_takes_is_the_administrations_procedure(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = read_parts(
        lemmatizer,
        title="le délai de paiement des subsides aux associations",
        question=(
            "Quel est le délai moyen de paiement des subsides ? "
            "Combien de demandes sont en souffrance et quel est le délai moyen de "
            "décision ? Les subsides facultatifs sont-ils repris dans un cadastre des subsides ?"
        ),
    )
    found = evidence_terms(detector, parts, "O")
    assert {"délai moyen de paiement", "délai moyen de décision", "subside facultatif"} <= found
    assert "O" in topic_sectors(detector, parts)


def test_a_school_as_the_place_of_road_safety_is_traffic_not_education(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    road = read_parts(
        lemmatizer,
        title="la sécurité routière devant les écoles",
        question=(
            "Combien de rues scolaires la Région compte-t-elle ? Combien d'accidents ont "
            "blessé des élèves piétons près d'une école ? La vitesse y est-elle contrôlée ?"
        ),
    )
    teaching = read_parts(
        lemmatizer,
        title="le manque d'enseignants dans les écoles",
        question="Combien d'élèves n'ont pas eu de professeur de mathématiques dans leur école ?",
    )
    assert not evidence_terms(detector, road, "P")
    assert "H" in topic_sectors(detector, road)
    assert "P" in topic_sectors(detector, teaching)


def test_the_administrations_own_it_is_its_tools_not_the_it_sector(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    own = read_parts(
        lemmatizer,
        title="la cybersécurité des administrations régionales",
        question=(
            "Combien de cyberattaques ont visé les administrations régionales ? "
            "Quel logiciel les agents de l'administration utilisent-ils pour la paie ?"
        ),
    )
    industry = read_parts(
        lemmatizer,
        title="les entreprises de cybersécurité à Bruxelles",
        question="Combien d'entreprises bruxelloises développent des logiciels de cybersécurité ?",
    )
    assert not evidence_terms(detector, own, "J")
    assert "J" in topic_sectors(detector, industry)


@pytest.mark.parametrize(
    ("title", "question", "sector", "kept"),
    [
        # Review 15, R5: road words with an ordinary other sense.
        (
            "les fournitures scolaires",
            "Le coût des fournitures scolaires à la rentrée pèse sur les familles ; la Région "
            "prévoit-elle une aide aux écoles ?",
            "P",
            True,
        ),
        (
            "un enseignement à deux vitesses",
            "Les élèves des écoles à discrimination positive vivent-ils un enseignement à deux "
            "vitesses ?",
            "P",
            True,
        ),
        # R6: a firm in a commune, chatbots.
        (
            "les entreprises de cybersécurité",
            "Combien d'entreprises de cybersécurité se sont installées dans la commune "
            "d'Anderlecht grâce au soutien régional au secteur informatique ?",
            "J",
            True,
        ),
        # R7: ordinary phrases, not the administration's procedures.
        (
            "l'arriéré de loyers des locataires sociaux",
            "Combien de locataires sociaux ont un arriéré de loyers ? Quel accompagnement ?",
            "O",
            False,
        ),
        (
            "les délais de paiement des entreprises",
            "Les PME souffrent-elles des délais de paiement de leurs clients privés ?",
            "O",
            False,
        ),
    ],
)
def test_ordinary_wordings_keep_their_sense(
    detector: SectorDetector,
    lemmatizer: Lemmatizer,
    title: str,
    question: str,
    sector: str,
    kept: bool,
) -> None:
    parts = read_parts(lemmatizer, title=title, question=question)
    assert (sector in topic_sectors(detector, parts)) is kept
