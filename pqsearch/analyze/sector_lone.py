"""The administration as the subject of a question about nothing else.

The labels' O is "the public administration as a subject in itself": the region's debt and its
credit rating, the communes' general grant, a backlog of appeals, the services' data
protection. Such a question often names no other sector and gives O only one sentence of the
question and one of the answer, below the topic threshold, so it came out with no topic at all.
A question is about something: when no sector reaches the threshold and the administration is
the most probable sector, with evidence in the title or in a tenth of the question's sentences
(not only in the answer, not one word of a long speech), it is the question's subject. Left one
battery out, on the 730 dev questions, this made O a topic four more times, all four right, in
four batteries, and nothing else moved (BENCHMARKS.md, s17-sectors).

No spaCy here: it reads the prominences and the model's scores.
"""

from __future__ import annotations

from collections.abc import Mapping

from pqsearch.analyze.administration import ADMINISTRATION
from pqsearch.analyze.prominence import Prominence, model_probability, topic_probability

__all__ = ["ASKED_SHARE", "lone_administration", "topic_probabilities"]

# The share of the question's sentences that must hold the administration's evidence, when the
# title does not: one word in a long plenary speech ("militaire" in one of 60 sentences on the
# Middle East) is not what it asks. On the dev questions, the four this rule made right had a
# share of 0.14 or more, or the title; the two it made wrong 0.04 and 0.02.
ASKED_SHARE = 0.1


def topic_probabilities(
    prominences: Mapping[str, Prominence],
    coefficients: tuple[float, ...],
    calibration: tuple[tuple[float, float], ...],
    threshold: float,
) -> dict[str, float]:
    """Each sector's topic probability (`prominence.topic_probability`); the administration's
    is raised to `threshold` when it is the lone subject of a document with no topic."""
    probabilities = {
        sector: topic_probability(prominence, coefficients, calibration)
        for sector, prominence in prominences.items()
    }
    if all(p < threshold for p in probabilities.values()) and lone_administration(
        prominences, {s: model_probability(p, coefficients) for s, p in prominences.items()}
    ):
        probabilities[ADMINISTRATION] = max(probabilities[ADMINISTRATION], threshold)
    return probabilities


def lone_administration(prominences: Mapping[str, Prominence], scores: Mapping[str, float]) -> bool:
    """Whether the administration is the subject of a document that has no topic (the caller
    knows): it is the sector of the highest score (the model's, before calibration, whose steps
    would tie; ties go to the first sector by id) and it has evidence in the title or in
    `ASKED_SHARE` of the question's sentences."""
    if not scores:
        return False
    best = min(scores, key=lambda sector: (-scores[sector], sector))
    prominence = prominences.get(best)
    return (
        best == ADMINISTRATION
        and prominence is not None
        and (prominence.title or prominence.question_share >= ASKED_SHARE)
    )
