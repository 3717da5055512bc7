"""NACE's other support services (street cleaning, mowing, pest control, congresses) are N,
and a road or a station as the place of cleaning is not transport (sixteenth session of issue
15): real taxonomy, real spaCy lemmas, invented sentences."""

from __future__ import annotations

import pytest

from pqsearch.analyze.lemmatize import Lemmatizer
from pqsearch.analyze.sectors import SectorDetector, load_taxonomy
from pqsearch.analyze.segments import PartText, read_part


@pytest.fixture(scope="module")
def detector(lemmatizer: Lemmatizer) -> SectorDetector:
    return SectorDetector(load_taxonomy(), lemmatizer.lemmatize_terms)


def _parts(lemmatizer: Lemmatizer, **texts: str) -> dict[str, PartText]:
    analyses = lemmatizer.analyze(list(texts.values()))
    return {
        part: read_part(texts[part], analysis)
        for part, analysis in zip(texts, analyses, strict=True)
    }


def _evidence(detector: SectorDetector, parts: dict[str, PartText], sector: str) -> set[str]:
    return {
        item.term
        for mention in detector.score(parts)
        if mention.sector == sector
        for item in mention.evidence
        if not item.in_name and not item.in_frame
    }


def _topics(detector: SectorDetector, parts: dict[str, PartText]) -> set[str]:
    return {mention.sector for mention in detector.detect(parts)}


def test_mowing_verges_and_caring_for_trees_are_support_services(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = _parts(
        lemmatizer,
        title="le fauchage tardif des talus et l'entretien des arbres",
        question=(
            "Quelle surface est gérée en fauchage tardif ? "
            "Combien d'équipes assurent l'entretien des arbres le long des avenues ? "
            "La gestion différenciée sera-t-elle étendue à d'autres parcs ?"
        ),
    )
    assert {"fauchage tardif", "entretien des arbres", "gestion différenciée"} <= _evidence(
        detector, parts, "N"
    )
    assert "N" in _topics(detector, parts)


def test_pest_control_snow_clearing_and_congresses_are_support_services(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = _parts(
        lemmatizer,
        question=(
            "Quelle est la politique de lutte contre les rats dans les quartiers ? "
            "Le déneigement des trottoirs est-il organisé par la Région ? "
            "Où en est le projet de centre de congrès ?"
        ),
    )
    assert {"lutte contre les rats", "déneigement", "centre de congrès"} <= _evidence(
        detector, parts, "N"
    )


def test_a_road_or_a_station_as_the_place_of_cleaning_is_not_transport(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    cleaning = _parts(
        lemmatizer,
        title="le nettoyage des voiries autour des gares",
        question=(
            "Quelle est la fréquence du nettoyage des voiries autour des gares ? "
            "Les abords des stations de métro sont-ils jonchés de déchets ?"
        ),
    )
    assert not {"voirie", "gare", "métro"} & _evidence(detector, cleaning, "H")
    assert "nettoyage des voiries" in _evidence(detector, cleaning, "N")
    # The same words about the roads and stations themselves stay transport.
    transport = _parts(
        lemmatizer,
        question="La voirie sera réaménagée et la gare sera desservie par le métro.",
    )
    assert {"voirie", "gare", "métro"} <= _evidence(detector, transport, "H")
