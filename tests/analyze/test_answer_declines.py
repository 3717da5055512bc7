"""Revision 17 (eighteenth session): round 14's dev kinds and the earlier rounds' rules-alone
misses read in general (`answer_declines`, and the readings it added to `answer_unpublished`,
`answer_holders`, `answer_acts`, `answer_context` and `answer_gates`), the s17 review's two
substantive misreads, and round 14's dev half.

The paraphrases (tests/data/answer_type_paraphrases_18.toml) were written from those kinds in
words no round used, with a substantive near miss beside each new reading; revision 16 misreads
41 of the 71.
"""

from __future__ import annotations

import pytest

from benchmarks.answer_type_generalisation import RULES_ALONE
from benchmarks.answer_type_wordings import _question, load_wordings, measure_wordings
from pqsearch.analyze.answers import (
    BY_REFERENCE,
    NOT_COMPETENT,
    NOT_PUBLISHED,
    SUBSTANTIVE,
    classify_answer,
)
from tests.conftest import TEST_DATA

PARAPHRASES = TEST_DATA / "answer_type_paraphrases_18.toml"


def test_the_kinds_are_read_in_other_words_tenses_persons_and_languages() -> None:
    wordings = load_wordings(PARAPHRASES)
    assert len(wordings) == 71
    assert measure_wordings(wordings).misses == ()


# The s17 review's two substantive answers that revision 16 still misread
# (tests/data/answer_type_negatives_3.toml): a judge left to decide each case is the law's
# answer; a route of appeal after the procedure asked is part of that procedure.
def test_the_review_s17_substantive_answers_are_all_read_substantive() -> None:
    wordings = load_wordings(TEST_DATA / "answer_type_negatives_3.toml")
    assert len(wordings) == 51
    assert measure_wordings(wordings).misses == ()


def _rules_alone(question: str, answer: str) -> str:
    entry = {"id": "x", "source": "brussels", "language": "fr", "question": question}
    return classify_answer(_question({**entry, "text": answer}), model=RULES_ALONE).type


@pytest.mark.parametrize(
    ("question", "answer", "expected"),
    [
        # Round 14's dev misses and the earlier rounds' rules-alone ones, each read by the rules
        # alone (the model's second reading caught some of them before).
        (
            "Comment comptez-vous la faire connaître ?",
            "Ce dossier est du ressort de M. Thomas Wauters, secrétaire d'État au Logement.",
            NOT_COMPETENT,
        ),
        (
            "Hoeveel jongeren volgden een stage?",
            "Zie het jaarverslag 2025 van Actiris, waarin alle gevraagde cijfers zijn opgenomen.",
            BY_REFERENCE,
        ),
        (
            "Quels résultats ont donné les analyses ?",
            "Les résultats sont en cours de compilation par l'administration ; ils vous seront "
            "communiqués par courrier dès qu'ils seront disponibles.",
            NOT_PUBLISHED,
        ),
        (
            "Quelle autorité peut imposer le port de la muselière à un chien jugé dangereux ?",
            "Si le bien-être animal est une compétence régionale, les mesures de police à "
            "l'égard d'un chien dangereux relèvent du bourgmestre. C'est donc lui qui peut "
            "imposer la muselière.",
            SUBSTANTIVE,
        ),
        (
            "Wat is uw standpunt?",
            "Het betreft hier een gewestelijke bevoegdheid, waarover ik mij niet kan uitspreken.",
            NOT_COMPETENT,
        ),
        (
            "Combien de consultations ?",
            "Pour la réponse à cette question, il convient de consulter le rapport annuel 2024 "
            "de la Banque-Carrefour, pages 45 à 52.",
            BY_REFERENCE,
        ),
        (
            "Hoeveel opleidingsplaatsen komen er bij?",
            "Uw vraag stuur ik door naar minister Pieter Claessens, die bevoegd is voor Werk.",
            NOT_COMPETENT,
        ),
        (
            "Quelles sont les chances de voir le permis annulé ?",
            "Il ne m'appartient pas de commenter une procédure pendante devant le Conseil d'État.",
            NOT_COMPETENT,
        ),
        (
            "Les horaires seront-ils allongés ?",
            "Ces parcs appartiennent aux communes, qui en fixent librement les horaires.",
            NOT_COMPETENT,
        ),
        # Near misses that stay substantive: a refusal on the substance, a courtesy, the
        # remit denied then information, another's duty, the procedure of citizens.
        (
            "Combien ?",
            "Je ne peux vous communiquer ces chiffres, qui relèvent du secret statistique.",
            SUBSTANTIVE,
        ),
        (
            "Combien ?",
            "Je reste à votre disposition pour vous fournir des précisions.",
            SUBSTANTIVE,
        ),
        # The usual opening of an answer announces what follows in it, even when the text
        # stops there (the generated index's one-sentence answers): not a sending elsewhere.
        (
            "Combien ?",
            "J'ai l'honneur de vous communiquer les éléments suivants :",
            SUBSTANTIVE,
        ),
        (
            "Combien ?",
            "Je vous communique ci-après les chiffres demandés.",
            SUBSTANTIVE,
        ),
        (
            "Quelle est la procédure ?",
            "Il revient aux communes de répondre aux demandes de prime dans les trente jours.",
            SUBSTANTIVE,
        ),
        (
            "Le recours aboutira-t-il ?",
            "Il ne m'appartient pas de commenter les décisions de justice. Je peux toutefois "
            "vous indiquer que l'audience est fixée au 14 octobre 2025.",
            SUBSTANTIVE,
        ),
    ],
)
def test_the_rules_alone_read_each_kind(question: str, answer: str, expected: str) -> None:
    assert _rules_alone(question, answer) == expected


# Round 14 (120 pages written blind by s17-round14), measured once blind by the seventeenth
# session's integrator with revision 16: 111/120. Its dev half (61 pages, split in its header) is
# dev since the eighteenth session: revision 17 reads all of them (in-sample: its four misses
# were read). Its test half stays held out.
ROUND_14 = TEST_DATA / "answer_type_wordings_14.toml"


def test_round_fourteen_dev_half_is_read_whole() -> None:
    report = measure_wordings(load_wordings(ROUND_14), "dev")
    assert report.total == 61
    assert report.misses == ()
