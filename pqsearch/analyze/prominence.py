"""How prominent a sector is in a document, and the chance that the document is about it.

Counting terms rewards long answers and lists: a sector named once in each of five list items
scores like one discussed for a page. What tells a topic from a passing mention is where and
how widely it is discussed: in the title, in the question's sentences and items, in a share of
the answer's sentences. `Prominence` holds those measures; `topic_probability` turns them
into the probability that a hand labeller calls the sector a topic, with a logistic model
fitted on the dev part of the labels (benchmarks/sector_quality.py --fit). The threshold
is a probability, so a score at the threshold is what the calibration table says it is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Fitted on the dev labels (the 51 Brussels questions and the 60 dev questions of the
# federal Chamber), every (question, sector with evidence) pair one example, by
# `python benchmarks/sector_quality.py --fit`. Order: intercept, title, question share,
# answer share, log(1 + evidence count), distinct terms. Refitted when an answer with no
# evidence of any sector started to count as repeating the question (see `sectors`).
COEFFICIENTS = (-4.63, 1.6, 1.32, 2.16, 1.08, 0.68)
# The probability from which a sector is a topic, chosen on dev: at 0.3 precision is 0.89 and
# recall 0.93 (0.4: 0.90 and 0.86; 0.5: 0.91 and 0.86). On dev, none of the 9 sectors scored
# between 0.2 and 0.3 is labelled a topic, 10 of the 12 between 0.3 and 0.4 are: the threshold
# sits at the bottom of that gap, so a score just above it is a topic more often than not.
TOPIC_THRESHOLD = 0.3


@dataclass(frozen=True)
class Prominence:
    """Where a sector's evidence is: in the title, in what share of the question's sentences
    and of the answer's, how many occurrences of how many distinct terms."""

    title: bool
    question_share: float
    answer_share: float
    count: int
    terms: int

    def features(self) -> tuple[float, ...]:
        return (
            1.0,
            1.0 if self.title else 0.0,
            self.question_share,
            self.answer_share,
            math.log1p(self.count),
            float(min(self.terms, 5)),
        )


def topic_probability(
    prominence: Prominence, coefficients: tuple[float, ...] = COEFFICIENTS
) -> float:
    """The fitted probability that the sector is a topic of the document."""
    z = sum(w * x for w, x in zip(coefficients, prominence.features(), strict=True))
    return 1.0 / (1.0 + math.exp(-z))
