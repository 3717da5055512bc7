"""Revision 20 (twenty-first session): round 17's dev kinds read by clause shapes that other
writers use too (`answer_not_mine.DIRECTING`, the duty in a cleft or to a holder just named, the
speaker's side denied that duty, a Dutch level's "materie"; `answer_documents`: what was asked
already said in a forum), the holder of a cleft by a title and a name, the Dutch colleague by
portfolio, and a minister named by the answering minister's own portfolio read as their own.

The cases were written from the shapes, in words, holders and verbs round 17 did not use, with a
substantive near miss beside each new reading.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from benchmarks.answer_type_generalisation import RULES_ALONE
from benchmarks.answer_type_wordings import _question, load_wordings, measure_wordings
from pqsearch.analyze.answers import BY_REFERENCE, NOT_COMPETENT, SUBSTANTIVE, classify_answer
from tests.conftest import TEST_DATA


def _classified(answer: str, *, language: str = "fr", role: str = "") -> tuple[str, str]:
    entry = {"id": "x", "source": "brussels", "language": language, "text": answer}
    entry["question"] = "Où en est ce dossier et combien de demandes ont été introduites ?"
    asked = dataclasses.replace(_question(entry), addressee_role=role or None)
    return classify_answer(asked, model=RULES_ALONE).type, classify_answer(asked).type


@pytest.mark.parametrize(
    ("expected", "answer"),
    [
        # A directive to take it to another holder or level, any mood.
        (
            NOT_COMPETENT,
            "Il faudrait que cette proposition soit soumise au niveau européen, où se négocie la"
            " directive.",
        ),
        (NOT_COMPETENT, "Ne serait-il pas plus judicieux d'interroger la SNCB elle-même ?"),
        (
            NOT_COMPETENT,
            "Je n'ai pas ces chiffres, qu'il faudrait solliciter auprès du gouvernement wallon.",
        ),
        # The duty is the holder's: a cleft, or a holder just named.
        (
            NOT_COMPETENT,
            "Faute de plainte, c'est à la zone de police qu'il incombe d'organiser ces contrôles.",
        ),
        (
            NOT_COMPETENT,
            "Le recours est pendant devant le tribunal du travail. Il appartiendra à"
            " celui-ci de trancher ; je ne m'exprimerai pas sur une affaire pendante.",
        ),
        # The speaker's side denied that duty.
        (NOT_COMPETENT, "Ce n'est pas au Gouvernement d'imposer un horaire aux commerçants."),
        # The holder of a cleft by a title and a name.
        (
            NOT_COMPETENT,
            "C'est M. Luc Peeters, secrétaire d'État à l'Urbanisme, qui détient ce dossier.",
        ),
        # Near misses: the law stated, a demand already carried, a fact of its own.
        (SUBSTANTIVE, "Il appartient au juge de paix de fixer le loyer au cas par cas."),
        (
            SUBSTANTIVE,
            "Cette demande a été portée au niveau fédéral le 3 mars ; 40 dossiers sont en cours.",
        ),
        (
            SUBSTANTIVE,
            "Il conviendrait de demander aux communes leur avis. La Région en a déjà consulté"
            " douze en 2025, et 40 demandes ont été introduites.",
        ),
        # What was asked already said in a forum.
        (
            BY_REFERENCE,
            "Ce point a été longuement débattu en commission du Logement le 12 mars (CRIV 56 COM"
            " 98, p. 4).",
        ),
        (
            SUBSTANTIVE,
            "Ce point a été débattu en commission le 3 mars, mais 12 agents ont depuis"
            " été engagés.",
        ),
        (
            SUBSTANTIVE,
            "Ces éléments ont été examinés lors de la commission de concertation, qui a remis un"
            " avis favorable le 4 mai.",
        ),
    ],
)
def test_round_seventeen_shapes_in_other_words(expected: str, answer: str) -> None:
    assert _classified(answer) == (expected, expected)


@pytest.mark.parametrize(
    ("expected", "answer"),
    [
        (NOT_COMPETENT, "Het toezicht op de scholen is een communautaire materie."),
        (NOT_COMPETENT, "Dit dossier wordt door mijn collega van Werk opgevolgd."),
        (SUBSTANTIVE, "Dit dossier wordt door mijn diensten opgevolgd: 40 aanvragen in 2025."),
    ],
)
def test_dutch_levels_and_colleagues_by_portfolio(expected: str, answer: str) -> None:
    assert _classified(answer, language="nl") == (expected, expected)


@pytest.mark.parametrize(
    ("expected", "role", "answer"),
    [
        # The minister of Mobility answering "followed by the minister of Mobility": their own.
        (
            SUBSTANTIVE,
            "Ministre de la Mobilité, des Travaux publics et de la Sécurité routière",
            "Ce dossier est suivi par le ministre de la Mobilité.",
        ),
        (
            SUBSTANTIVE,
            "Minister van Werk",
            "Dit dossier wordt door de minister van Werk opgevolgd.",
        ),
        # Another portfolio, or no title known: a refusal as before.
        (
            NOT_COMPETENT,
            "Ministre de l'Emploi et de la Formation professionnelle",
            "Ce dossier est suivi par le ministre de la Mobilité.",
        ),
        (NOT_COMPETENT, "", "Ce dossier est suivi par le ministre de la Mobilité."),
    ],
)
def test_a_minister_named_by_the_answering_ministers_portfolio(
    expected: str, role: str, answer: str
) -> None:
    language = "nl" if role.startswith("Minister ") else "fr"
    assert _classified(answer, language=language, role=role) == (expected, expected)


# Round 17 (120 pages written blind by s20-round17), measured once blind after the twentieth
# session's merge: 94/120. Its dev half (61 pages, split in its header) is dev since this
# session: revision 20 reads all but five of them (in-sample; 48 before; r17-002 by the model),
# leaving out the shapes no other writer used. Its test half and round 16's stay held out,
# measured once at the end of this session (counts only): their floors, never to be loosened.
ROUND_16 = TEST_DATA / "answer_type_wordings_16.toml"
ROUND_17 = TEST_DATA / "answer_type_wordings_17.toml"


def test_round_seventeen_dev_half_is_read_but_five() -> None:
    report = measure_wordings(load_wordings(ROUND_17), "dev")
    assert report.total == 61
    assert sorted(miss.key.split("/")[-1] for miss in report.misses) == [
        "r17-024",
        "r17-075",
        "r17-083",
        "r17-099",
        "r17-117",
    ]


@pytest.mark.parametrize(("path", "right", "misread"), [(ROUND_16, 50, 1), (ROUND_17, 47, 0)])
def test_held_out_test_halves_keep_their_measured_floors(
    path: Path, right: int, misread: int
) -> None:
    held_out = [(label, q) for label, q in load_wordings(path) if label.split == "test"]
    predicted = [(label.type, classify_answer(q).type) for label, q in held_out]
    assert sum(expected == got for expected, got in predicted) >= right
    assert sum(e == SUBSTANTIVE != got for e, got in predicted) <= misread
