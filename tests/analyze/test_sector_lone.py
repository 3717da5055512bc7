"""The administration as the lone subject of a question about nothing else (seventeenth session
of issue 15): real taxonomy, real spaCy lemmas, invented questions in the Brussels style."""

from __future__ import annotations

import pytest

from pqsearch.analyze.lemmatize import Lemmatizer
from pqsearch.analyze.prominence import Prominence
from pqsearch.analyze.sector_lone import lone_administration
from pqsearch.analyze.sectors import THRESHOLD, SectorDetector, load_taxonomy
from pqsearch.analyze.segments import PartText
from tests.analyze.sector_reading import read_parts, topic_sectors


@pytest.fixture(scope="module")
def detector(lemmatizer: Lemmatizer) -> SectorDetector:
    return SectorDetector(load_taxonomy(), lemmatizer.lemmatize_terms)


def _scores(detector: SectorDetector, parts: dict[str, PartText]) -> dict[str, float]:
    return {mention.sector: mention.score for mention in detector.score(parts)}


def test_a_question_on_the_regions_debt_alone_is_about_the_administration(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = read_parts(
        lemmatizer,
        title="le coût de la dette régionale",
        question=(
            "Madame la Ministre, la hausse des taux pèse sur les comptes de la Région. "
            "Quel montant est prévu pour 2026 ? Quelle part est à taux fixe ?"
        ),
        answer="Le montant prévu pour 2026 est de 310 millions d'euros, dont 85 % à taux fixe.",
    )
    # One word of the title is the only evidence of any sector: below the threshold on its
    # own, it is still what the question asks about, at the threshold.
    assert _scores(detector, parts) == {"O": THRESHOLD}
    assert topic_sectors(detector, parts) == {"O"}


def test_a_question_with_a_topic_of_its_own_gets_no_administration_besides(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = read_parts(
        lemmatizer,
        title="la fréquence des trams le week-end",
        question=(
            "Monsieur le Ministre, les usagers de la STIB attendent longtemps le tram le dimanche. "
            "Quelle est la fréquence des trams le week-end ? Le budget régional permet-il de la "
            "renforcer ?"
        ),
    )
    scores = _scores(detector, parts)
    assert scores["H"] >= THRESHOLD
    assert scores.get("O", 0.0) < THRESHOLD
    assert topic_sectors(detector, parts) == {"H"}


def test_one_word_of_the_administration_in_a_long_speech_is_not_its_subject() -> None:
    def prominence(*, title: bool, question_share: float, answer_share: float) -> Prominence:
        return Prominence(title, question_share, answer_share, count=1, terms=1)

    # The strongest sector, named once in one of 60 sentences of the question: a passing word.
    passing = {"O": prominence(title=False, question_share=1 / 60, answer_share=0.0)}
    assert not lone_administration(passing, {"O": 0.3})
    # Only in the answer: the answer's words are not what was asked.
    answered = {"O": prominence(title=False, question_share=0.0, answer_share=0.5)}
    assert not lone_administration(answered, {"O": 0.3})
    # In a third of the question, or in the title: the subject.
    asked = {"O": prominence(title=False, question_share=1 / 3, answer_share=0.0)}
    assert lone_administration(asked, {"O": 0.3})
    titled = {"O": prominence(title=True, question_share=0.0, answer_share=0.0)}
    assert lone_administration(titled, {"O": 0.3})
    # Another sector more probable: not the administration's question.
    other = {**asked, "Q": prominence(title=True, question_share=0.5, answer_share=0.0)}
    assert not lone_administration(other, {"O": 0.3, "Q": 0.4})
