"""Whether an answer that sends the member elsewhere answers part of the question itself.

The partial-answer rule of tests/data/answer_types.toml: an answer that points to another
answer, a colleague or a report is still substantive when a sentence or a clause of its own
gives information on the question (`answer_information`: a figure, a yes or no, a count of
none, a decision). These functions say which sentences and clauses do, for `analyze.answers`;
they are part of the decision code its revision digest covers.
"""

from __future__ import annotations

import re

from pqsearch.analyze import answer_information as information

# Sentences shorter than `MIN_OWN_WORDS` words ("Voir ci-dessous.", a numbering) do not count
# as information unless they say yes or no, nor do sentences that repeat the question (answers
# often restate it), nor a sentence that says the information is not held unless it gives
# figures all the same (`answer_information.NOT_HELD`).
MIN_OWN_WORDS = 5
# Except a table the source flattened into a line of numbers ("1., 3. en 4.2016201714239-12-
# 1027"): that many digits are the answer to a sub-question, however few the words.
MIN_TABLE_DIGITS = 8

# A bracket in a sentence is a citation ("(Questions et Réponses, n° 112, page 394)").
BRACKETS = re.compile(r"\([^)]*\)?")


def clause_answers_part(sentence: str, match: re.Match[str], asked: str) -> bool:
    """Whether a sentence that sends the member elsewhere has a clause of its own, apart from
    the one that sends (`answer_information.CLAUSE_BREAK`), that answers part of the question:
    "... n° 55-300, le nombre de dossiers s'élevait à 1.245", "la question relève de la zone
    de police, qui m'a indiqué avoir dressé 96 procès-verbaux"; brackets are left out."""
    start = 0
    for boundary in [*information.CLAUSE_BREAK.finditer(sentence), None]:
        end = len(sentence) if boundary is None else boundary.start()
        clause = BRACKETS.sub(" ", sentence[start:end])
        if (
            not start <= match.start() < end
            and information.answers_part(clause)
            and not information.NOTHING_NEW.search(clause)
            and informative(clause, asked)
        ):
            return True
        if boundary is not None:
            start = boundary.end()
    for incidental in information.INCIDENTAL.finditer(sentence):
        if incidental.start() <= match.start() < incidental.end():
            main = f"{sentence[: incidental.start()]} {sentence[incidental.end() :]}"
            if information.answers_part(main) and informative(main, asked):
                return True
    citation = information.CITATION.match(sentence)
    return citation is not None and information.answers_part(citation.group("rest"))


def rest_answers_part(sentence: str, match: re.Match[str], asked: str) -> bool:
    """Whether a sentence that sends the member elsewhere gives a fact of its own outside the
    phrase that sends, with no clause break between them: "selon les chiffres que vous
    obtiendrez auprès de Sciensano, 1.245 cas ont été recensés". Cited numbers ("aux questions
    n° 301, 302 et 303") are no fact (`answer_information.CITED_NUMBERS`), so a referral stays
    one."""
    # Cited numbers blanked in the whole sentence, keeping its length: the phrase that sends may
    # hold the start of a citation ("voir question | écrite 412 du 3 mars 2025").
    blank = information.CITED_NUMBERS.sub(lambda cited: " " * len(cited[0]), sentence)
    rest = BRACKETS.sub(" ", f"{blank[: match.start()]} {blank[match.end() :]}")
    return (
        information.answers_part(rest)
        and not information.NOTHING_NEW.search(rest)
        and informative(rest, asked)
    )


def informative(sentence: str, asked: str) -> bool:
    """Whether a sentence of the answer says something itself: long enough, not courtesy,
    not a statement that the information is not held, and not a restatement of the
    question."""
    words = sentence.split()
    if len(words) < MIN_OWN_WORDS:
        return sum(char.isdigit() for char in sentence) >= MIN_TABLE_DIGITS
    if (
        information.NOT_HELD.search(sentence) or information.COURTESY.search(sentence)
    ) and not information.FIGURE.search(sentence):
        return False
    words_only = " ".join(words)
    return not (len(words_only) > 30 and words_only.rstrip(".?! ") in asked)


def cites_then_informs(sentence: str, asked: str) -> bool:
    """Whether `sentence` cites an earlier answer and then gives information of its own
    ("comme indiqué dans ma réponse à la question n° 512, la Région soutient 14 projets")."""
    citation = information.CITATION.match(sentence)
    if citation is None:
        return False
    rest = citation.group("rest")
    return information.NOTHING_NEW.search(rest) is None and informative(rest, asked)
