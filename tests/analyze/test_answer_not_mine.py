"""Revision 19 (twentieth session): "this is not mine" read by its parts (`answer_not_mine`),
round 16's dev kinds of referral and of answers sent later, and the level of power in Dutch read
by who answers (`answer_gates.the_speakers_own`).

The cases below were written from the clause shapes, in words, holders and verbs round 16 did not
use, with a substantive near miss beside the new readings; revision 18 reads only 14 of the 38
as labelled (the near misses and four it already read).
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

# Round 16 (120 pages written blind by s19-round16), measured once blind by the nineteenth
# session's integrator with revision 18: 94/120. Its dev half (61 pages, split in its header) is
# dev since the twentieth session: revision 19 reads all but two of them (in-sample), against 42
# by the rules alone before. Its test half stays held out.
ROUND_16 = TEST_DATA / "answer_type_wordings_16.toml"


def test_round_sixteen_dev_half_is_read_but_two_accounts() -> None:
    # Left: a first sentence the rules read as information of the answer's own ("Le nombre de
    # collectes relève de l'organisation opérationnelle", a predecessor's contract "attribué en
    # 2023"), before the refusal.
    report = measure_wordings(load_wordings(ROUND_16), "dev")
    assert report.total == 61
    assert sorted(miss.key.split("/")[-1] for miss in report.misses) == ["r16-056", "r16-118"]


# Each case: the type, where it is answered ("F": a federal minister; a Brussels one otherwise),
# its language ("NL"; French otherwise), "QWHO" when the question asks which authority fixes it.
@pytest.mark.parametrize(
    ("expected", "flags", "answer"),
    [
        (
            NOT_COMPETENT,
            "",
            "Les statistiques d'accidents sont centralisées par la zone de police Midi.",
        ),
        (
            NOT_COMPETENT,
            "",
            "Le registre des locations est tenu par chaque commune ; la Région ne le reçoit pas.",
        ),
        (NOT_COMPETENT, "", "La gestion des cimetières a été transférée aux communes en 1989."),
        (
            NOT_COMPETENT,
            "",
            "C'est la ministre de l'Emploi, Mme Sara Lemaire, qui pilote ce dossier.",
        ),
        (
            NOT_COMPETENT,
            "",
            "C'est désormais le collège des bourgmestres et échevins qui décide des horaires.",
        ),
        (NOT_COMPETENT, "", "Seul le parquet est habilité à communiquer sur une enquête en cours."),
        (NOT_COMPETENT, "", "Seuls les conseils communaux peuvent instaurer une telle redevance."),
        (
            NOT_COMPETENT,
            "",
            "L'attribution d'un logement est une décision propre de la société immobilière de"
            " service public.",
        ),
        (NOT_COMPETENT, "", "Le choix du tracé est une prérogative exclusive d'Infrabel."),
        (NOT_COMPETENT, "", "La STIB reste seule juge de l'opportunité de ces travaux."),
        (
            NOT_COMPETENT,
            "",
            "Je répondrais volontiers si ce dossier relevait de ma compétence, ce qui n'est "
            "pas le cas.",
        ),
        (NOT_COMPETENT, "", "Je ne peux commenter un dossier qui n'est pas de mon ressort."),
        (
            NOT_COMPETENT,
            "",
            "Le Gouvernement ne saurait s'immiscer dans la gestion journalière d'un CPAS.",
        ),
        (
            NOT_COMPETENT,
            "",
            "Le gouvernement fédéral n'a aucune prise sur les tarifs fixés par les Régions.",
        ),
        (
            NOT_COMPETENT,
            "",
            "Mon collègue chargé de la Mobilité suit ce chantier ; il pourra vous renseigner "
            "sur le calendrier.",
        ),
        (
            NOT_COMPETENT,
            "NL",
            "Het komt de Brusselse regering niet toe zich over die beslissing uit te spreken.",
        ),
        (NOT_COMPETENT, "NL", "De dossiers worden door de arbeidsrechtbank behandeld."),
        (
            NOT_COMPETENT,
            "NL",
            "Het onderhoud van de buurtwegen is een louter gemeentelijke aangelegenheid.",
        ),
        (
            NOT_COMPETENT,
            "NL",
            "Het geachte lid kan zich hiervoor het best tot de schepen van Mobiliteit richten.",
        ),
        (NOT_COMPETENT, "NL", "Die cijfers zijn bij het OCMW op te vragen."),
        (
            NOT_PUBLISHED,
            "",
            "Le rapport est en cours de finalisation ; nous ne manquerons pas de vous le "
            "transmettre.",
        ),
        (NOT_PUBLISHED, "NL", "Ze werden op 3 maart per e-mail aan het geachte lid bezorgd."),
        (BY_REFERENCE, "", "La réponse donnée à M. Lenoir vaut aussi pour votre question."),
        (
            BY_REFERENCE,
            "",
            "Je fais mienne la réponse de ma collègue, à laquelle je n'ai rien à ajouter.",
        ),
        (BY_REFERENCE, "", "Même réponse que pour la question n° 88."),
        (
            BY_REFERENCE,
            "",
            "J'ai exprimé notre position lors de la séance plénière consacrée à ce projet.",
        ),
        (
            SUBSTANTIVE,
            "",
            "Aucune compétence n'a été confiée aux communes en la matière : Bruxelles "
            "Environnement gère les 40 parcs.",
        ),
        (
            SUBSTANTIVE,
            "",
            "Le registre est tenu par chaque commune ; en 2025, 12.400 inscriptions y ont été"
            " faites.",
        ),
        (SUBSTANTIVE, "", "C'est la commune qui délivre le permis ; elle en a délivré 42 en 2025."),
        (
            SUBSTANTIVE,
            "",
            "Seul le conseil communal peut abroger la taxe ; il l'a fait le 14 mars 2026.",
        ),
        (SUBSTANTIVE, "", "Je vous tiendrai informée de l'évolution du dossier."),
        (SUBSTANTIVE, "", "Les travaux commenceront en mars 2027. Je vous tiendrai informé."),
        (
            SUBSTANTIVE,
            "",
            "Nous ne manquerons pas de vous inviter à l'inauguration, prévue le 3 mai.",
        ),
        (
            SUBSTANTIVE,
            "QWHO",
            "Le tarif est fixé par le conseil communal, sur proposition du collège.",
        ),
        (SUBSTANTIVE, "F NL", "Dat is een federale bevoegdheid."),
        (SUBSTANTIVE, "NL", "Dat is een gewestelijke bevoegdheid."),
        (NOT_COMPETENT, "F NL", "Dat is een gewestelijke bevoegdheid."),
        (NOT_COMPETENT, "NL", "Dat is een federale bevoegdheid."),
    ],
)
def test_not_mine_by_its_parts(expected: str, flags: str, answer: str) -> None:
    entry = {
        "id": "x",
        "source": "federal" if "F" in flags.split() else "brussels",
        "language": "nl" if "NL" in flags else "fr",
        "question": "Quelle autorité fixe le tarif ?" if "QWHO" in flags else "Qu'en est-il ?",
        "text": answer,
    }
    asked = _question(entry)
    assert classify_answer(asked, model=RULES_ALONE).type == expected
    assert classify_answer(asked).type == expected


# A weak reading of "not mine" followed by the question sent on to that holder by pronouns
# (`answer_not_mine.RELAYING`): revision 19 as first merged counted the sending as information of
# the answer's own and read each pair substantive, while the first sentence alone was not
# competent. Holders, verbs and shapes vary; the answers with a fact of their own stay substantive.
@pytest.mark.parametrize(
    ("expected", "flags", "answer"),
    [
        (
            NOT_COMPETENT,
            "",
            "Cette question sera mieux traitée par ma collègue Anne Marchal, qui a"
            " l'Environnement dans ses attributions. Je la lui ai transmise.",
        ),
        (
            NOT_COMPETENT,
            "",
            "Ces données sont détenues par la commune d'Ixelles, qui en assure la collecte. Je"
            " la lui ai fait suivre.",
        ),
        (
            NOT_COMPETENT,
            "",
            "C'est la ministre de l'Emploi, Mme Nadia Haddad, qui suit ce dossier. Je la lui ai"
            " communiquée.",
        ),
        (
            NOT_COMPETENT,
            "",
            "Il s'agit d'un dossier qui n'est pas le mien. Je l'ai transmise à mon collègue"
            " chargé de la Mobilité.",
        ),
        (
            NOT_COMPETENT,
            "",
            "La gestion des cimetières a été transférée aux communes. Je leur ai demandé de vous"
            " répondre directement.",
        ),
        (
            NOT_COMPETENT,
            "",
            "Le Gouvernement ne saurait s'immiscer dans la gestion journalière d'un CPAS. Nous"
            " les lui avons transmises.",
        ),
        (
            NOT_COMPETENT,
            "NL",
            "Het onderhoud van de buurtwegen is een louter gemeentelijke aangelegenheid. Ik heb"
            " ze aan de burgemeester doorgestuurd.",
        ),
        (
            NOT_COMPETENT,
            "F NL",
            "De dossiers worden door de arbeidsrechtbank behandeld. Ik heb uw vraag aan haar"
            " voorzitter doorgestuurd.",
        ),
        (
            NOT_COMPETENT,
            "NL",
            "Het onderhoud van de buurtwegen is een louter gemeentelijke aangelegenheid. Ik heb"
            " de burgemeesters gevraagd u te antwoorden.",
        ),
        (
            SUBSTANTIVE,
            "",
            "Ces données sont détenues par la commune d'Ixelles. Je la lui ai transmise. Selon"
            " elle, 312 dépôts ont été verbalisés en 2025.",
        ),
        (
            SUBSTANTIVE,
            "",
            "Il s'agit d'un dossier qui n'est pas le mien. Je la lui ai fait suivre. La Région a"
            " néanmoins installé 40 caméras aux points noirs en 2025.",
        ),
        (
            SUBSTANTIVE,
            "",
            "Ces données sont détenues par la commune d'Ixelles. Je l'ai transmise à la commune,"
            " qui m'informe que les contrôles ont été renforcés autour des bulles à verre.",
        ),
        (
            SUBSTANTIVE,
            "NL",
            "Het onderhoud van de buurtwegen is een louter gemeentelijke aangelegenheid. Ik heb"
            " ze aan de burgemeester doorgestuurd, die mij meldt dat de werken in april starten.",
        ),
        (
            SUBSTANTIVE,
            "",
            "Le bourgmestre m'a demandé le rapport d'évaluation du plan. Je le lui ai transmis"
            " le 3 mars.",
        ),
        (
            SUBSTANTIVE,
            "NL",
            "Het onderhoud van de buurtwegen is een louter gemeentelijke aangelegenheid. Ik heb"
            " ze aan de burgemeester doorgestuurd. In 2025 werden 14 wegen hersteld.",
        ),
    ],
)
def test_a_refusal_then_the_question_sent_on(expected: str, flags: str, answer: str) -> None:
    test_not_mine_by_its_parts(expected, flags, answer)
