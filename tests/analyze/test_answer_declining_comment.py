"""A refusal followed by "I will not comment while the case runs" stays a refusal.

Revision 20 read "C'est au tribunal qu'il reviendra de trancher. Vous comprendrez que je
m'abstienne de tout commentaire tant que la procédure est en cours." as substantive: the second
sentence counted as the answer's own information, because the list of what may follow whose
matter it is (`answer_competence.DECLINING`) knew "je ne commenterai pas" but not declining to
comment in other tenses, moods and verbs. The class is read now: a negated comment or stance
in any form, refraining from it ("m'abstenir", "me garder", "me refuser"), an impersonal "il ne
serait pas opportun que je me prononce", and the same in Dutch. A fact told in the rest of the
declining sentence is still the answer's own ("..., mais 38 riverains ont été indemnisés").

The cases were written for this test, with other holders, verbs and frames than the
integrator's report; the guards are substantive answers that mention a procedure under way.
"""

from __future__ import annotations

import pytest

from benchmarks.answer_type_generalisation import RULES_ALONE
from benchmarks.answer_type_wordings import _question
from pqsearch.analyze.answers import NOT_COMPETENT, SUBSTANTIVE, classify_answer


def _classified(answer: str, *, language: str = "fr") -> tuple[str, str]:
    """The type by the rules alone, and by the rules with the shipped model."""
    entry = {"id": "x", "source": "brussels", "language": language, "text": answer}
    entry["question"] = "La Région indemnisera-t-elle les riverains touchés par le chantier ?"
    asked = _question(entry)
    return classify_answer(asked, model=RULES_ALONE).type, classify_answer(asked).type


@pytest.mark.parametrize(
    "answer",
    [
        # The integrator's report.
        "C'est au tribunal qu'il reviendra de trancher. Vous comprendrez que je m'abstienne de"
        " tout commentaire tant que la procédure est en cours.",
        "C'est au Conseil d'État qu'il appartiendra de se prononcer sur la légalité du permis."
        " Vous comprendrez que je m'abstienne de tout commentaire d'ici là.",
        "C'est à la cour du travail qu'il revient de statuer sur ce recours. Je m'abstiendrai"
        " donc de commenter ce dossier.",
        "C'est au juge d'instruction qu'il incombe d'établir les faits. Je ne souhaite pas"
        " m'exprimer sur une enquête judiciaire en cours.",
        "C'est au tribunal de l'entreprise qu'il reviendra de trancher. Je me refuse à commenter"
        " une affaire dont la justice est saisie.",
        "C'est aux cours et tribunaux qu'il appartient de trancher ce litige. Nous nous"
        " abstiendrons de toute prise de position avant le jugement.",
        "C'est au parquet qu'il revient d'apprécier les suites à donner. Il ne serait pas"
        " opportun que je commente une information judiciaire en cours.",
        "C'est au tribunal de police qu'il appartiendra de statuer. Je n'ai aucun commentaire à"
        " formuler sur un dossier pendant.",
        # The declining sentence first.
        "Vous comprendrez que je m'abstienne de tout commentaire. C'est au tribunal qu'il"
        " reviendra de trancher.",
    ],
)
def test_declining_to_comment_after_a_refusal_adds_nothing(answer: str) -> None:
    assert _classified(answer) == (NOT_COMPETENT, NOT_COMPETENT)


@pytest.mark.parametrize(
    "answer",
    [
        "Dit is een federale materie. U zal begrijpen dat ik over een hangende zaak geen"
        " commentaar geef.",
        "Dit is een federale materie. Ik onthoud mij van elk commentaar zolang het onderzoek"
        " loopt.",
        "Dit is een federale materie. Zolang de zaak hangende is, kan ik daar niet op ingaan.",
    ],
)
def test_declining_to_comment_after_a_refusal_in_dutch(answer: str) -> None:
    assert _classified(answer, language="nl") == (NOT_COMPETENT, NOT_COMPETENT)


@pytest.mark.parametrize(
    ("language", "answer"),
    [
        # A fact after the declining clause is the answer's own.
        (
            "fr",
            "C'est au tribunal qu'il reviendra de trancher. Je m'abstiendrai de tout commentaire,"
            " mais la Région a déjà indemnisé 38 riverains.",
        ),
        (
            "nl",
            "Dit is een federale materie. Ik onthoud mij van commentaar, maar 14 gezinnen werden"
            " al vergoed.",
        ),
        # A procedure under way, and information all the same.
        (
            "fr",
            "Une procédure est en cours devant le Conseil d'État. Dans l'intervalle, la Région a"
            " suspendu les travaux et 12 recours ont été introduits.",
        ),
        (
            "fr",
            "C'est au tribunal qu'il reviendra de trancher. L'affaire est pendante depuis mars"
            " 2025 et l'audience est fixée au 4 mai 2026.",
        ),
        (
            "fr",
            "Je ne commente pas les décisions de justice. Le Gouvernement a toutefois adopté le"
            " 3 avril 2026 un plan d'indemnisation de 2 millions d'euros.",
        ),
        # "Je ne peux que me prononcer pour" takes a stance; it declines nothing.
        (
            "fr",
            "C'est à la commune qu'il reviendra de décider. Je ne peux que me prononcer en faveur"
            " d'une indemnisation rapide des riverains.",
        ),
    ],
)
def test_a_procedure_under_way_with_information_stays_substantive(
    language: str, answer: str
) -> None:
    assert _classified(answer, language=language) == (SUBSTANTIVE, SUBSTANTIVE)
