"""The answer types and their labels in French and English (`analyze.answers` decides them).

The types are plain strings because the index stores them as facet values.
"""

from __future__ import annotations

SUBSTANTIVE = "substantive"
BY_REFERENCE = "by_reference"
NOT_COMPETENT = "not_competent"
# Not the status "unanswered" (index.schema.UNANSWERED), though spelled the same: the type of
# a question with no answer, among the other answer types.
NO_ANSWER = "unanswered"
NOT_PUBLISHED = "not_published"
WITHDRAWN = "withdrawn"
LAPSED = "lapsed"
CONVERTED = "converted"
# The source kept only the first heading or number of the answer ("QUESTION 1", "1").
TRUNCATED = "truncated"

# Every type, in the order a facet lists them when counts tie.
ANSWER_TYPES = (
    SUBSTANTIVE,
    BY_REFERENCE,
    NOT_COMPETENT,
    NOT_PUBLISHED,
    NO_ANSWER,
    WITHDRAWN,
    LAPSED,
    CONVERTED,
    TRUNCATED,
)

ANSWER_TYPE_LABELS: dict[str, str] = {
    SUBSTANTIVE: "Réponse sur le fond",
    BY_REFERENCE: "Renvoi à une autre réponse",
    NOT_COMPETENT: "Hors compétence, réorientée",
    NOT_PUBLISHED: "Réponse non publiée",
    NO_ANSWER: "Sans réponse",
    WITHDRAWN: "Retirée",
    LAPSED: "Caduque",
    CONVERTED: "Transformée en une autre question",
    TRUNCATED: "Réponse tronquée par la source",
}
ANSWER_TYPE_LABELS_EN: dict[str, str] = {
    SUBSTANTIVE: "Answer on the substance",
    BY_REFERENCE: "Refers to another answer",
    NOT_COMPETENT: "Not competent, redirected",
    NOT_PUBLISHED: "Answer not published",
    NO_ANSWER: "Unanswered",
    WITHDRAWN: "Withdrawn",
    LAPSED: "Lapsed",
    CONVERTED: "Turned into another question",
    TRUNCATED: "Answer cut short by the source",
}
