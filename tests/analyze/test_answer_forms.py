"""Answers sent, joined or declined, read by the form of the clause (`answer_forms`), and the
review's rest of R6 (session 14).

Written from the kinds of round 11's misses (BENCHMARKS.md, fifteenth session), in words no
round used: other verbs, tenses, voices, persons and holders of the same kinds, French and
Dutch, and the substantive near-miss of each reading, which must stay substantive.
"""

from __future__ import annotations

import pytest

from benchmarks.answer_type_wordings import load_wordings, measure_wordings
from pqsearch.analyze.answers import (
    BY_REFERENCE,
    NOT_COMPETENT,
    NOT_PUBLISHED,
    SUBSTANTIVE,
    _classify_text,
)
from tests.conftest import TEST_DATA

ASKED = "Combien de dossiers ont été traités en 2025 ? Quelles mesures sont prévues ?"


@pytest.mark.parametrize(
    "answer",
    [
        # Sent to the member, any tense, voice or person, with or without "directement".
        "La liste complète des bénéficiaires sera transmise au secrétariat de la députée.",
        "Nous vous avons communiqué par courriel l'inventaire demandé.",
        "Ces statistiques vous seront adressées dès leur consolidation.",
        "Je vous ferai parvenir le relevé détaillé dans les prochains jours.",
        "Le document a été remis en mains propres à l'honorable membre.",
        "Vu leur longueur, les tableaux ont été envoyés à Madame la Députée.",
        "Je transmettrai ces chiffres à l'honorable membre dès qu'ils seront disponibles.",
        "Les documents sollicités ont été déposés à l'intention de la députée.",
        # The member receives it, or it reaches them.
        "L'honorable membre recevra la liste par courriel.",
        "Les données vous parviendront par courrier.",
        # Dutch.
        "De gevraagde tabel werd u per e-mail toegestuurd.",
        "De lijst zal aan het geachte lid worden bezorgd.",
        # Withdrawn, become moot, not (yet) there.
        "Cette question est désormais sans objet.",
        "L'auteure a retiré sa question.",
        "De vraag werd door de indiener ingetrokken.",
        "La réponse n'est pas encore disponible.",
        "Le Ministre n'a pas répondu dans le délai imparti.",
        "Geen antwoord ontvangen binnen de reglementaire termijn.",
    ],
)
def test_an_answer_sent_to_the_member_or_not_there_is_not_published(answer: str) -> None:
    assert _classify_text(answer, ASKED).type == NOT_PUBLISHED


@pytest.mark.parametrize(
    "answer",
    [
        # A joint or coordinated answer, said in another tense or by another colleague.
        "Une réponse globale à l'ensemble de ces questions sera donnée par la Secrétaire d'État.",
        "Cette question a fait l'objet d'une réponse conjointe avec celle de M. Dupont.",
        "Une question analogue a été posée à plusieurs membres du Collège ; la réponse "
        "coordonnée sera formulée par le Ministre-Président.",
        "Er wordt een gezamenlijk antwoord gegeven door de minister-president.",
        # An earlier answer by its date and number.
        "Je me permets de rappeler ma réponse du 12 mars à votre question n° 88.",
        # Where to find all of it.
        "Vous pourrez trouver l'ensemble des chiffres dans le rapport d'activité de l'agence.",
    ],
)
def test_a_joint_or_earlier_answer_in_other_words_is_by_reference(answer: str) -> None:
    assert _classify_text(answer, ASKED).type == BY_REFERENCE


@pytest.mark.parametrize(
    "answer",
    [
        # The minister not able to answer or act for want of a remit.
        "Le Collège n'est pas habilité à intervenir dans ce litige entre particuliers.",
        "Le Gouvernement ne dispose d'aucun levier sur la fixation de ces tarifs.",
        "Nous n'avons aucune prise sur les décisions de cette société privée.",
        "De Brusselse Regering heeft ter zake geen bevoegdheid.",
        # The holder said again after the first, or a level's competences.
        "L'octroi de ces allocations relève du chômage, c'est-à-dire de l'État fédéral.",
        "Cette matière relève des compétences fédérales.",
        "Dit valt onder de federale bevoegdheden.",
        # With an account of who rules it, and what the question does not ask.
        "Les tarifs sont réglés par la Commission de régulation fédérale. Je vous invite dès "
        "lors à interroger le ministre fédéral de l'Énergie.",
        "La police locale relève des communes. Le Collège n'a pas été saisi de cette "
        "question par la zone.",
    ],
)
def test_declining_for_want_of_a_remit_is_not_competent(answer: str) -> None:
    assert _classify_text(answer, ASKED).type == NOT_COMPETENT


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # Review of session 14, R6 (rest): charging is not a remit, a unit placed under a body
        # describes how it is organised, and who pays or under which service is asked.
        ("Qui paie ?", "Les frais reviennent à la SNCB, propriétaire de l'ouvrage."),
        (ASKED, "Les coûts de démolition reviendront à Infrabel."),
        (
            "Comment est organisée la cellule ?",
            "La cellule est placée sous la responsabilité du Secrétariat régional au "
            "Développement urbain (SRDU).",
        ),
        (ASKED, "Le service est placé sous l'autorité du SPF Intérieur et compte douze agents."),
        ("Onder welke dienst valt de cel?", "De cel valt onder het Brussels Planningsbureau."),
        # Sent, but with information of its own, or not to the member, or another's answer.
        (ASKED, "Le tableau a été transmis au député ; il compte 1.240 dossiers traités."),
        (ASKED, "La réponse de la commune a été transmise au député par le bourgmestre."),
        (ASKED, "Les primes ont été versées directement aux ménages en mars."),
        (ASKED, "Les ménages recevront la prime par virement."),
        (ASKED, "Les données ont été transmises au membre du collège des bourgmestres."),
        (ASKED, "Une lettre vous a été adressée par le service des plaintes le 3 mars."),
        (ASKED, "Vous trouverez ci-dessous le détail des 1.240 dossiers traités."),
        (ASKED, "Vous trouverez le détail des 1.240 dossiers dans le rapport annuel."),
        (ASKED, "Het antwoord van Sibelga werd aan het parlementslid bezorgd."),
        # The answer given below is the answer; a joint answer with figures is substantive.
        (ASKED, "Voici une réponse commune aux deux questions : 1.240 dossiers ont été traités."),
        (ASKED, "La question de la prime est sans objet pour les locataires, qui en sont exclus."),
        # The minister's own remit, and levers that exist.
        (ASKED, "Le Gouvernement dispose de plusieurs leviers : la prime, le prêt et le conseil."),
        (ASKED, "Je suis habilité à signer ces conventions depuis le 1er janvier 2025."),
    ],
)
def test_the_near_misses_stay_substantive(question: str, answer: str) -> None:
    assert _classify_text(answer, question).type == SUBSTANTIVE


# Round 11 (120 whole pages written blind by s14-round11 while revision 13 was being written),
# measured once by the integrator after the fourteenth session's merge: 104/120, 59 of its 75
# non-substantive answers recognised, none misread. Dev since the fifteenth session: revision
# 14 was written from its misses' kinds and reads all 120 (in-sample). A new miss fails.
ROUND_11 = TEST_DATA / "answer_type_wordings_11.toml"


def test_round_eleven_tuned_on_whole_misses_nothing() -> None:
    report = measure_wordings(load_wordings(ROUND_11))
    assert report.total == 120
    assert report.misses == ()
