"""Answer types on real pages and records, on hand-written cases, and their measured quality."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import hashlib
import inspect
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.answer_type_quality import (
    format_report,
    load_documents,
    load_labels,
    measure,
    qrva_question,
)
from benchmarks.answer_type_wordings import load_wordings, measure_wordings
from pqsearch.analyze import (
    answer_context,
    answer_gates,
    answer_holders,
    answer_information,
    answer_keywords,
    answer_model,
    answer_partial,
    answer_procedure,
    answer_roles,
    answer_sentences,
    answers,
)
from pqsearch.analyze.answer_types import ANSWER_TYPE_LABELS, CONVERTED, LAPSED, WITHDRAWN
from pqsearch.analyze.answers import (
    ANSWER_TYPES,
    BY_REFERENCE,
    NO_ANSWER,
    NOT_COMPETENT,
    NOT_PUBLISHED,
    SUBSTANTIVE,
    classify_answer,
)
from pqsearch.analyze.fold import fold_in_place
from pqsearch.models import ProcedureStep, Question
from pqsearch.parse import parse_file, versions
from tests.conftest import BRUSSELS_HTML, QRVA_2017, SEED, SHIPPED_CORPUS, TEST_DATA

# Accuracy measured on the 136 labelled documents when the rules were frozen (134/136), less
# the 0.05 margin the brief allows; see benchmarks/answer_type_quality.py.
ACCURACY_FLOOR = 0.985 - 0.05


@pytest.fixture(scope="module")
def pages() -> dict[str, Question]:
    parsed = [parse_file(path)[0] for path in sorted(BRUSSELS_HTML.glob("*.html"))]
    return {question.id: question for question in parsed}


@pytest.fixture(scope="module")
def qrva() -> dict[str, Question]:
    with QRVA_2017.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    return {str(record["doc_id"]): qrva_question(record) for record in records}


def test_answer_redirected_to_another_minister_is_not_competent(
    pages: dict[str, Question],
) -> None:
    result = classify_answer(pages["170132"])
    assert result.type == NOT_COMPETENT
    assert result.evidence is not None
    assert "relève des compétences de Madame Ans Persoons" in result.evidence


def test_answer_sending_the_member_to_the_city_is_not_competent(
    pages: dict[str, Question],
) -> None:
    result = classify_answer(pages["170291"])
    assert result.type == NOT_COMPETENT
    assert result.evidence == (
        "Je vous invite à vous tourner vers la Ville pour de plus amples informations."
    )


def test_question_withdrawn_by_its_author(pages: dict[str, Question]) -> None:
    result = classify_answer(pages["170150"])
    assert result.type == WITHDRAWN
    assert result.evidence == "Retirée par son auteur. (16/07/2026, Angelina Chan)"


def test_question_without_answer_or_reply_date_is_unanswered(pages: dict[str, Question]) -> None:
    assert classify_answer(pages["170290"]) == classify_answer(pages["170284"])
    assert classify_answer(pages["170290"]).type == NO_ANSWER


@pytest.mark.parametrize("moncode", ["170312", "170294", "169978", "170240", "170286"])
def test_reply_date_without_answer_row_is_not_published(
    pages: dict[str, Question], moncode: str
) -> None:
    question = pages[moncode]
    assert question.answer is None
    result = classify_answer(question)
    assert result.type == NOT_PUBLISHED
    assert question.answered_on is not None
    assert f"{question.answered_on:%d/%m/%Y}" in (result.evidence or "")


def test_oral_question_turned_into_this_written_one_is_not_converted(
    pages: dict[str, Question],
) -> None:
    question = pages["170229"]
    assert any("transformée en question écrite" in step.act for step in question.procedure)
    # The answer also sends one point to a colleague; it still answers on the substance.
    assert "il convient de s’adresser à ma collègue" in (question.answer or "")
    assert classify_answer(question) == classify_answer(pages["169976"])
    assert classify_answer(question).type == SUBSTANTIVE


def test_seed_answer_is_substantive() -> None:
    assert classify_answer(parse_file(SEED)[0]).type == SUBSTANTIVE


def test_dutch_answer_pointing_to_another_ministers_answer_is_by_reference(
    qrva: dict[str, Question],
) -> None:
    result = classify_answer(qrva["185868"])
    assert result.type == BY_REFERENCE
    # The abbreviation "nr." does not cut the quoted sentence short.
    assert result.evidence == (
        "Ik verwijs naar het antwoord van de eerste minister "
        "(Zie vraag nr. 206 van 7 februari 2017)."
    )


def test_dutch_answer_sent_directly_to_the_member_is_not_published(
    qrva: dict[str, Question],
) -> None:
    result = classify_answer(qrva["184741"])
    assert result.type == NOT_PUBLISHED
    assert "rechtstreeks toegestuurd" in (result.evidence or "")


def _question(
    answer: str | None = None,
    acts: tuple[str, ...] = (),
    answered_on: dt.date | None = None,
    asked: str = "Pouvez-vous me dire ...",
) -> Question:
    procedure = tuple(ProcedureStep(dt.date(2026, 7, 14 + i), act) for i, act in enumerate(acts))
    return Question(
        id="test",
        parliament="PRB",
        kind="written",
        legislature="24/29",
        session="25/26",
        number=12,
        language="fr",
        title="un sujet",
        title_nl=None,
        author="Une Députée",
        addressee="Audrey Henry",
        addressee_role=None,
        portfolios=(),
        received_on=dt.date(2026, 7, 1),
        published_on=None,
        answered_on=answered_on,
        procedure=procedure,
        question=asked,
        answer=answer,
        annexes=(),
        source="test",
        source_format="jsonl",
        content_hash="",
    )


@pytest.mark.parametrize(
    "answer",
    [
        "Je vous renvoie à ma réponse à la question écrite n° 59 du 12 mars 2026.",
        "Je me réfère à la réponse que j’ai donnée à votre question n° 12 (session 2024-2025).",
        "J'ai déjà répondu à cette question le 3 juin dernier en commission.",
        "La réponse à cette question sera donnée par le Ministre-Président, à qui elle a "
        "également été adressée.",
    ],
)
def test_french_answers_by_reference(answer: str) -> None:
    assert classify_answer(_question(answer)).type == BY_REFERENCE


@pytest.mark.parametrize(
    "answer",
    [
        "Cette question ne relève pas de mes compétences.",
        "Je ne suis pas compétente pour cette matière. Je vous renvoie vers ma collègue, "
        "Madame Persoons.",
        "Votre question a été transmise au Ministre de la Mobilité, compétent en la matière.",
    ],
)
def test_french_answers_outside_competence(answer: str) -> None:
    result = classify_answer(_question(answer))
    assert result.type == NOT_COMPETENT
    assert result.evidence is not None and result.evidence in answer


# Short answers whose figures are the answer, in wordings close to a redirection: a noun
# that spells like the verb ("les adresses", "les tournées"), the member's own contacts, a
# competence or a transmission that is the substance (the review of the seventh session's
# patterns found each of these classed not competent or by reference).
@pytest.mark.parametrize(
    "answer",
    [
        "Vous pourrez trouver les adresses des centres agréés sur le site de Bruxelles "
        "Environnement. En 2025, 42 centres étaient agréés.",
        "Vous pouvez constater que les tournées de contrôle ont augmenté de 12 %. Elles sont "
        "passées de 1.200 à 1.344 en 2025.",
        "Les services de Bruxelles Environnement sont à votre disposition et vous pouvez les "
        "contacter au 02/775.75.75. En 2025, ils ont traité 3.400 demandes de primes.",
        "Chaque membre peut s'adresser à la commune pour obtenir une attestation. Le "
        "formulaire a été téléchargé 8.000 fois en 2025.",
        "Le décret ne fait pas de distinction entre les compétences des communes et celles de "
        "la Région. Il s'applique aux 19 communes depuis le 1er janvier 2024.",
        "Les écoles ne tombent plus sous le régime du département de l'enseignement depuis "
        "2023. Elles sont 214 à avoir changé de statut.",
        "La commune, qui n'est pas compétente en matière de permis d'environnement, a "
        "transmis le dossier à Bruxelles Environnement. Celui-ci a délivré le permis en mars.",
        "Elle est transmise aux communes chaque année sous forme de rapport. Le budget est de "
        "4,2 millions d'euros.",
        "Face à la hausse des prix, la Région y a répondu par un plan de 12 mesures. Le "
        "budget de ce plan est de 30 millions d'euros.",
    ],
)
def test_short_answers_that_give_the_information_stay_substantive(answer: str) -> None:
    assert classify_answer(_question(answer)).type == SUBSTANTIVE


def test_polite_opening_is_not_a_redirection() -> None:
    answer = "J’ai l’honneur de vous adresser les éléments de réponse suivants : 12 dossiers."
    assert classify_answer(_question(answer)).type == SUBSTANTIVE


def test_lapsed_question() -> None:
    result = classify_answer(_question(acts=("Recevable", "Caduque")))
    assert result.type == LAPSED
    assert result.evidence == "Caduque (15/07/2026)"


def test_written_question_turned_into_an_oral_one_is_converted() -> None:
    acts = ("Recevable", "Question écrite transformée en question orale")
    assert classify_answer(_question(acts=acts)).type == CONVERTED
    assert classify_answer(_question(acts=("Omgezet in mondelinge vraag",))).type == CONVERTED
    turned_written = ("Question orale transformée en question écrite", "Recevable")
    assert classify_answer(_question(acts=turned_written)).type == NO_ANSWER


def test_an_answer_text_outweighs_a_withdrawal_act() -> None:
    question = _question("Les chiffres demandés sont les suivants : 12 en 2025.", ("Retirée",))
    assert classify_answer(question).type == SUBSTANTIVE


def test_blank_answer_counts_as_no_answer() -> None:
    assert classify_answer(_question("  \n ")).type == NO_ANSWER
    assert classify_answer(_question(" ", answered_on=dt.date(2026, 9, 1))).type == NOT_PUBLISHED


def test_every_type_has_a_french_label() -> None:
    assert set(ANSWER_TYPE_LABELS) == set(ANSWER_TYPES)
    assert ANSWER_TYPE_LABELS[NOT_COMPETENT] == "Hors compétence, réorientée"


def test_labelled_set_is_large_enough_and_explained() -> None:
    labels = load_labels()
    assert len(labels) >= 30
    assert len({label.key for label in labels}) == len(labels)
    assert all(label.reason and label.type in ANSWER_TYPES for label in labels)


def test_quality_on_hand_labelled_documents() -> None:
    labels = load_labels()
    report = measure(labels, load_documents(labels, [SHIPPED_CORPUS, TEST_DATA]))
    assert report.accuracy >= ACCURACY_FLOOR, report.misses
    french = report.per_source["brussels"][0] + report.per_source["seed"][0]
    assert french == report.per_source["brussels"][1] + report.per_source["seed"][1]
    for score in report.per_type:
        assert score.recall is not None and score.recall >= 0.75, score


def test_report_names_the_misses() -> None:
    labels = [dataclasses.replace(load_labels()[0], type=WITHDRAWN)]
    text = format_report(measure(labels, load_documents(labels, [SHIPPED_CORPUS, TEST_DATA])))
    assert "overall accuracy 0/1 = 0.000" in text
    assert "labelled withdrawn, predicted substantive" in text


# --- phrasings beyond the labelled documents (issue 15) ---------------------------------

_REDIRECTIONS = [
    (BY_REFERENCE, "Je souhaiterais vous renvoyer à ma réponse à la question n° 1234 du 3 mars."),
    (BY_REFERENCE, "Nous renvoyons l'honorable membre à la réponse donnée à la question n° 12."),
    (BY_REFERENCE, "Je me permets de vous référer à ma réponse à votre question orale du 5 mai."),
    (BY_REFERENCE, "Il a déjà été répondu à cette question dans le cadre de la question n° 300."),
    (BY_REFERENCE, "Je vous renverrais volontiers à la réponse que j'ai donnée à votre collègue."),
    (BY_REFERENCE, "La réponse à votre question sera donnée par le ministre de l'Emploi."),
    (
        BY_REFERENCE,
        "Pour le P+R comme pour les trains luxembourgeois, je vous prie de vous référer à ma "
        "réponse faite en commission du 7 mars.",
    ),
    (
        BY_REFERENCE,
        "J'ai l'honneur de renvoyer l'honorable député aux présentations publiques du nouveau "
        "plan de transport.",
    ),
    (
        NOT_COMPETENT,
        "Cette matière relève de la compétence de ma collègue, à qui je vous invite à adresser "
        "votre question.",
    ),
    (
        NOT_COMPETENT,
        "Cette question relève de la compétence de Mme Anne Dupont. Je vous suggère de "
        "l'interroger directement.",
    ),
    (NOT_COMPETENT, "Je ne suis pas compétente pour répondre à cette question."),
    (
        NOT_COMPETENT,
        "Les points 1 et 2 relèvent de la compétence du ministre des Finances. Le point 3 est à "
        "l'étude.",
    ),
    (
        NOT_COMPETENT,
        "Je vous prie de vous référer à mon collègue de l'Emploi, compétent en la matière.",
    ),
    (NOT_COMPETENT, "Mon collègue le ministre des Finances est seul compétent en la matière."),
    (
        NOT_COMPETENT,
        "La sensibilisation est une compétence des régions, et je vous invite à prendre contact "
        "avec mes homologues régionaux.",
    ),
    (
        NOT_COMPETENT,
        "Ce dossier ne fait pas partie de mes attributions; il convient de s'adresser au "
        "secrétaire d'État.",
    ),
    (
        BY_REFERENCE,
        "Vous trouverez la réponse à votre question dans ma réponse à la question n° 1234.",
    ),
    (BY_REFERENCE, "La réponse à cette question figure dans celle donnée à la question n° 9."),
    (
        NOT_COMPETENT,
        "Je vous saurais gré d'adresser votre question au ministre de la Santé publique.",
    ),
    (NOT_COMPETENT, "Cette question devrait être adressée au ministre de l'Économie."),
    (
        NOT_COMPETENT,
        "Il serait préférable de poser cette question à mon collègue, le ministre des Finances.",
    ),
    (NOT_COMPETENT, "Il appartient à l'honorable membre de s'adresser au ministre compétent."),
    (
        NOT_COMPETENT,
        "Cette question concerne les compétences du ministre de l'Économie, à qui elle a été "
        "transmise.",
    ),
    (NOT_PUBLISHED, "Vu son ampleur, la réponse a été envoyée directement au député."),
    (
        NOT_PUBLISHED,
        "La réponse à cette question a été transmise directement à l'honorable membre. Étant "
        "donné son ampleur, cette réponse n'a pas été insérée dans le Bulletin des Questions et "
        "Réponses. Sur simple demande, le greffe de la Chambre des représentants transmettra "
        "les documents.",
    ),
    (
        NOT_PUBLISHED,
        "Étant donné le volume des tableaux, ceux-ci sont communiqués directement à "
        "l'honorable membre.",
    ),
    (NOT_PUBLISHED, "Les annexes peuvent être consultées au greffe de la Chambre."),
    (
        BY_REFERENCE,
        "Certains points ont été précisés dans la réponse du 16 octobre 2019 donnée à la "
        "question n° 4 de monsieur Dupont, à laquelle je vous renvoie.",
    ),
    (
        NOT_PUBLISHED,
        "Dit overzicht kan geraadpleegd worden door het geachte lid bij de griffie van de Kamer.",
    ),
    # Sent to what was presented or said elsewhere instead of an answer.
    (
        BY_REFERENCE,
        "Je vous renvoie à la présentation que j'ai faite en commission de l'Économie le 3 mai.",
    ),
    (BY_REFERENCE, "Je me réfère à la présentation faite en commission de la Santé."),
    (
        BY_REFERENCE,
        "Ik verwijs naar de toelichting van de staatssecretaris in de commissie Financiën.",
    ),
]


@pytest.mark.parametrize(("expected", "answer"), _REDIRECTIONS)
def test_redirections_are_recognised_in_any_tense_mood_and_person(
    expected: str, answer: str
) -> None:
    result = classify_answer(_question(answer))
    assert result.type == expected
    assert result.evidence


@pytest.mark.parametrize(
    "answer",
    [
        # Words of the redirection patterns in answers that say something themselves.
        "Les objets saisis sont déposés au greffe du tribunal. Leur nombre a doublé en 2022.",
        "Il s'agit d'une compétence régionale. Toutefois, selon la police fédérale, 3.400 faits "
        "ont été enregistrés en 2022, soit 12 % de plus qu'en 2021.",
        "Ce point relève de la compétence des communes. Le budget fédéral prévoit 4 millions "
        "d'euros pour les zones de police. Douze zones en ont bénéficié l'an dernier.",
    ],
)
def test_an_answer_with_information_of_its_own_stays_substantive(answer: str) -> None:
    assert classify_answer(_question(answer)).type == SUBSTANTIVE


def test_a_sentence_that_answers_part_of_the_question_makes_a_partial_answer() -> None:
    # The team's decision of 2 December 2026: one sentence with a figure, a count or a yes/no
    # on the substance is information, even beside a referral; a sentence of context is not.
    referral = "Pour le reste, je vous renvoie à ma réponse à la question n° 12 du 3 mars."
    for part in (
        "La vente à bord représente 1,8 % du total des ventes.",
        "Non. Aucun contrat n'a été conclu avec cette société.",
        "1. En 2023, 234 contrôles ont été effectués. 2.",
    ):
        assert classify_answer(_question(f"{part} {referral}")).type == SUBSTANTIVE, part
    for context in (
        "La question de l'honorable membre porte sur un sujet que j'ai déjà abordé.",
        "Le sujet a été débattu en commission de la Mobilité le 24 mai 2023.",
    ):
        assert classify_answer(_question(f"{context} {referral}")).type == BY_REFERENCE, context


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # The member as the subject, imperatives, nominal referrals.
        (
            "L'honorable membre voudra bien se reporter à ma réponse à la question n° 77.",
            BY_REFERENCE,
        ),
        ("Voyez à ce propos la réponse donnée à la question n° 310.", BY_REFERENCE),
        ("Cf. la réponse à la question écrite n° 55-90 du 4 mai 2022.", BY_REFERENCE),
        ("Renvoi à la réponse fournie à la question n° 418.", BY_REFERENCE),
        ("Les données demandées figurent dans le rapport annuel de l'Observatoire.", BY_REFERENCE),
        (
            "Het geachte lid gelieve kennis te nemen van het antwoord op vraag nr. 55-31.",
            BY_REFERENCE,
        ),
        # Whom the member is sent to: a body that answers for itself, a pronoun.
        ("Je vous suggère de vous adresser directement à l'Ombudsman fédéral.", NOT_COMPETENT),
        (
            "Ce point relève de ma collègue de l'Emploi ; votre question lui a été transmise.",
            NOT_COMPETENT,
        ),
        ("Adressez-vous à la commune de résidence, qui tient ce registre.", NOT_COMPETENT),
        (
            "Dit is een bevoegdheid van de Gemeenschappen; ik stel voor dat u zich richt tot hen.",
            NOT_COMPETENT,
        ),
        ("Het antwoord werd per e-mail aan het geachte lid toegestuurd.", NOT_PUBLISHED),
    ],
)
def test_referrals_and_redirections_by_their_grammar(answer: str, expected: str) -> None:
    assert classify_answer(_question(answer)).type == expected


def test_a_numbered_item_after_a_stop_starts_a_sentence() -> None:
    # "n° 55-880. 1) Le budget": read as one sentence, the points were part of the referral.
    answer = (
        "Pour le surplus, je renvoie à ma réponse à la question n° 55-641. 1) Le plan compte "
        "neuf mesures. 2) Trois sont déjà en œuvre."
    )
    assert classify_answer(_question(answer)).type == SUBSTANTIVE


def test_a_clause_of_its_own_beside_the_referral_is_information() -> None:
    # Apart from the clause that sends the member elsewhere, and outside brackets.
    assert (
        classify_answer(
            _question(
                "Cette matière relève de la compétence de la zone de police, qui m'a indiqué "
                "avoir dressé 41 procès-verbaux en 2023."
            )
        ).type
        == SUBSTANTIVE
    )
    cited = (
        "Je renvoie à ma réponse du 6 juin 2023 à la question n° 331 (Questions et Réponses, "
        "n° 112, page 394)."
    )
    assert classify_answer(_question(cited)).type == BY_REFERENCE


@pytest.mark.parametrize(
    "not_held",
    [
        "Mon administration ne tient pas de statistiques sur le nombre de factures électroniques.",
        "Mijn diensten houden geen statistieken bij over het aantal elektronische facturen.",
        "Je ne dispose pas de ces chiffres, qui ne sont pas nécessaires pour établir l'impôt.",
    ],
)
def test_saying_the_figures_are_not_held_is_no_information_of_its_own(not_held: str) -> None:
    # The sentence says what the minister does not have; with one fact beside it, the
    # answer's business is still to send the member to the colleague who has it.
    fact = "Une étude sur un échantillon d'entreprises a été réalisée en 2012 par ce service."
    colleague = "Je vous invite à adresser votre question au secrétaire d'État compétent."
    result = classify_answer(_question(f"{not_held} {fact} {colleague}"))
    assert result.type == NOT_COMPETENT
    two_facts = f"{fact} Elle portait sur 2.000 entreprises et 40.000 factures. {colleague}"
    assert classify_answer(_question(two_facts)).type == SUBSTANTIVE


@pytest.mark.parametrize(
    "answer",
    [
        # Somebody else refers (doctors, patients), or "référence" is not a referral: answers.
        "Huisartsen verwijzen hun patiënten naar een specialist na bespreking in het "
        "multidisciplinair overleg. In 2022 ging het om 12.400 patiënten in het Brussels Gewest.",
        "Les médecins renvoient les patients vers la discussion en commission médicale locale. "
        "En 2022, 340 dossiers ont été traités par cette commission.",
        "En référence au débat en commission du 12 mai dernier, le gouvernement a dégagé 45 "
        "millions d'euros pour la rénovation des écoles. Ce montant sera réparti sur trois ans.",
        # Figures not held for one year, given for another: a sentence of information.
        "Je vous renvoie à ma réponse à la question n° 123. Je ne dispose pas de chiffres pour "
        "2023, mais en 2022, 1.234 demandes ont été introduites et 987 acceptées. Le délai "
        "moyen de traitement était de 45 jours.",
        "Ik verwijs naar mijn antwoord op vraag nr. 123 van 12 maart 2023. Er worden geen "
        "cijfers bijgehouden voor 2023, maar in 2022 werden 1.250 aanvragen ingediend en 980 "
        "goedgekeurd. De gemiddelde behandelingstermijn bedroeg 45 dagen in 2022.",
    ],
)
def test_ordinary_wording_near_the_referral_phrasings_stays_substantive(answer: str) -> None:
    assert classify_answer(_question(answer)).type == SUBSTANTIVE


# The eighth session's rules in other persons, tenses and voices than the wordings they were
# written from (tests/data/answer_type_wordings*.toml): written for this test.
@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Ce point a été débattu en commission le 3 mars. Nous vous y renvoyons.", BY_REFERENCE),
        ("L'honorable membre voudra bien s'y reporter.", BY_REFERENCE),
        ("Op die vraag heb ik al geantwoord in de commissie voor Justitie.", BY_REFERENCE),
        ("Ik verwijs naar het verslag van de plenaire vergadering van 12 mei.", BY_REFERENCE),
        (
            "Je vous remercie pour votre question. Nous vous invitons à relire le compte rendu "
            "de la séance plénière du 4 juin. Je reste à votre entière disposition.",
            BY_REFERENCE,
        ),
        ("La réponse à votre question vous sera transmise par courrier.", NOT_PUBLISHED),
        ("Ma réponse a été remise à l'honorable membre le 3 mai.", NOT_PUBLISHED),
        ("Nous vous avons fait parvenir notre réponse le 12 mars.", NOT_PUBLISHED),
        (
            "La sécurité sociale ne relève pas des Régions mais de l'autorité fédérale.",
            NOT_COMPETENT,
        ),
        (
            "Il ne nous appartient pas de répondre à cette question, qui relève des communes.",
            NOT_COMPETENT,
        ),
        ("Votre demande devrait plutôt être adressée à la ministre de l'Emploi.", NOT_COMPETENT),
        (
            "Ce dossier relève de ma collègue ; je vous suggère de vous tourner vers celle-ci.",
            NOT_COMPETENT,
        ),
        ("Je vous invite à lui soumettre votre question.", NOT_COMPETENT),
        (
            "Les communes sont compétentes pour la délivrance des permis. La Région n'intervient "
            "pas dans leur instruction.",
            NOT_COMPETENT,
        ),
        # Who is competent, then figures of the answer's own: context, not a redirection.
        (
            "Les communes sont compétentes pour la délivrance des permis. La Région a toutefois "
            "financé 14 guichets, pour 2,1 millions d'euros.",
            SUBSTANTIVE,
        ),
        # The recipient's reply follows the transmission: it is the answer.
        (
            "Votre question a été transmise au SPF Santé publique, qui m'indique que 42 "
            "inspections ont eu lieu en 2024.",
            SUBSTANTIVE,
        ),
        # An answer sent, but not to the member: a fact of the answer.
        ("La réponse de la commune a été transmise au député par le bourgmestre.", SUBSTANTIVE),
        (
            "Comme il a été répondu en commission, le chantier a pris du retard. Il reprendra en "
            "mai, après la livraison des poutres.",
            SUBSTANTIVE,
        ),
    ],
)
def test_referrals_redirections_and_mailings_in_any_form(answer: str, expected: str) -> None:
    assert classify_answer(_question(answer)).type == expected


# The fourth round's rules (s8-answers4) in other persons, tenses and wordings than the
# wordings they were written from: written for this test.
@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Nous renvoyons l'honorable membre à celle qui a été fournie le 4 mai.", BY_REFERENCE),
        ("Je me permettrai d'attirer votre attention sur la réponse du 3 mars.", BY_REFERENCE),
        ("Il a été répondu par la ministre de l'Intérieur à cette même question.", BY_REFERENCE),
        (
            "Une réponse commune y sera apportée par le Premier ministre, à laquelle il "
            "conviendra de se référer.",
            BY_REFERENCE,
        ),
        ("Seule la zone de police pourrait vous informer sur ce point.", NOT_COMPETENT),
        ("Ce choix relève de leur autonomie. Adressez-vous aux universités.", NOT_COMPETENT),
        ("Nous vous conseillons de prendre contact avec elle.", NOT_COMPETENT),
        ("Les programmes relèvent de la compétence propre des hautes écoles.", NOT_COMPETENT),
        ("Seules les communes sont compétentes pour y répondre.", NOT_COMPETENT),
        (
            "C'est auprès du CPAS qu'il faudrait vous renseigner sur ces aides.",
            NOT_COMPETENT,
        ),
        ("Nous avons fait parvenir directement la réponse à l'auteure.", NOT_PUBLISHED),
        ("Les annexes ont été communiquées directement à Monsieur le Député.", NOT_PUBLISHED),
        # A pointer in an incidental relative clause, the main clause giving the figures.
        (
            "L'étude, dont l'honorable membre pourra consulter le rapport sur le site, "
            "recense 312 accidents en 2025.",
            SUBSTANTIVE,
        ),
        # A date on which something starts or ends answers part of the question.
        (
            "Je vous invite à consulter le site de la STIB ; la ligne sera ouverte en "
            "septembre 2027.",
            SUBSTANTIVE,
        ),
        # "Seul" about who does the work, not who can inform: the substance.
        (
            "Seul le SIAMU peut intervenir sur les autoroutes, à raison de 40 sorties par an.",
            SUBSTANTIVE,
        ),
    ],
)
def test_round_four_referrals_redirections_and_mailings_in_other_forms(
    answer: str, expected: str
) -> None:
    assert classify_answer(_question(answer)).type == expected


def test_an_answer_that_restates_the_question_before_referring_is_by_reference() -> None:
    asked = (
        "Combien de places de stationnement pour vélos ont été créées en 2024 dans les gares "
        "bruxelloises ? Quel budget a été consacré à ces aménagements cette année-là ?"
    )
    answer = f"{asked} Je souhaiterais vous renvoyer à ma réponse à la question n° 88."
    question = dataclasses.replace(_question(answer), question=asked)
    assert classify_answer(question).type == BY_REFERENCE


def test_the_held_out_federal_answers_get_their_labelled_types() -> None:
    # The `test` part of the French federal labels, never looked at while writing the rules.
    # The first batch's 60 were measured 60/60 when the rules were first frozen; with the
    # second batch's 55, the test part measured 113/115 at the second freeze (a referral
    # phrased after the answer it names, and one substantive answer read as a referral).
    # The fifth session added the 26 unanswered records of the test part (file order: after the
    # answered ones), labelled before the classifier ran on them and measured once: 26/26.
    # The same session read the two answered misses (the brief asked for every miss) and
    # generalised the rules they showed (a referral in a relative clause after the answer it
    # names; list items as sentences): 115/115 since, no longer a held-out figure, so the
    # floor stays where the held-out measure put it.
    labels = [label for label in load_labels() if label.split == "test"]
    assert len(labels) == 141
    answered, unanswered = labels[:115], labels[115:]
    report = measure(answered, load_documents(answered, [TEST_DATA]))
    assert report.correct >= 113 - 2, report.misses
    first_batch = {label.key for label in answered[:60]}
    assert not [miss for miss in report.misses if miss.key in first_batch], report.misses
    assert {score.type for score in report.per_type} >= {BY_REFERENCE, NOT_COMPETENT}
    assert {label.type for label in unanswered} == {NO_ANSWER}
    assert measure(unanswered, load_documents(unanswered, [TEST_DATA])).misses == ()


def test_list_items_are_sentences_so_a_list_of_facts_is_not_one_sentence() -> None:
    # Two items of information of its own, then a referral for the last point: a partial
    # answer, substantive; read as one sentence, the items would count once.
    answer = (
        "Je peux répondre comme suit. - Pour ce qui est du budget: il n'y a pas eu d'appel à "
        "une telle prestation de service. - Pour ce qui est des consommateurs: il n'y a pas eu "
        "de recours à un tel service. Pour le reste, je vous renvoie à ma réponse à la "
        "question n° 12."
    )
    assert classify_answer(_question(answer)).type == SUBSTANTIVE


# --- wordings labelled blind, four rounds (tests/data/answer_type_wordings*.toml) -----------

ROUND_2 = TEST_DATA / "answer_type_wordings_2.toml"
# The type each round-2 id was written as ("r2-fr-sub-26": substantive), which drew its split.
_WRITTEN_AS = {"sub": SUBSTANTIVE, "ref": BY_REFERENCE, "nc": NOT_COMPETENT, "np": NOT_PUBLISHED}


def test_every_round_one_wording_gets_its_labelled_type() -> None:
    # Round 1's test half was measured once (65/74, seventh session) and its misses read, so
    # since the eighth session all 149 are dev: the rules were tuned on them.
    wordings = load_wordings()
    assert {label.split for label, _ in wordings} == {"dev"}
    assert all(label.reason for label, _ in wordings)
    report = measure_wordings(wordings, "dev")
    assert report.total == 149
    assert report.misses == (), report.misses


def test_round_two_is_labelled_with_a_reason_and_split_by_its_seed() -> None:
    wordings = load_wordings(ROUND_2)
    assert len(wordings) >= 165
    assert len({label.key for label, _ in wordings}) == len(wordings)
    assert all(label.reason for label, _ in wordings)
    # The split its header describes, drawn before any run: re-derived from the seed.
    rng = random.Random(20261203)
    drawn: dict[str, str] = {}
    for kind in (SUBSTANTIVE, BY_REFERENCE, NOT_COMPETENT, NOT_PUBLISHED):
        ids = sorted(
            label.key.split("/")[1]
            for label, _ in wordings
            if _WRITTEN_AS[label.key.split("-")[-2]] == kind
        )
        rng.shuffle(ids)
        drawn.update((id_, "test" if n < len(ids) // 2 else "dev") for n, id_ in enumerate(ids))
    assert {label.key.split("/")[1]: label.split for label, _ in wordings} == drawn


ROUND_3 = TEST_DATA / "answer_type_wordings_3.toml"
ROUND_4 = TEST_DATA / "answer_type_wordings_4.toml"
ROUND_5 = TEST_DATA / "answer_type_wordings_5.toml"
ROUND_6 = TEST_DATA / "answer_type_wordings_6.toml"


# Every half the rules were tuned on must be all right. Round 2's test half was measured once
# (76/86, s8-answers) with ten misses allowed, round 3's (80/87, s8-answers3) with seven; the
# next round then tuned the rules on them, so they are dev now (BENCHMARKS.md, eighth session).
# Round 6 (111 whole pages, measured once by the ninth session's integrator: 90/111) was tuned on
# whole by revision 9 (tenth session).
@pytest.mark.parametrize(
    ("path", "split", "total"),
    [
        (ROUND_2, "dev", 87),
        (ROUND_2, "test", 86),
        (ROUND_3, "dev", 90),
        (ROUND_3, "test", 87),
        (ROUND_4, "dev", 85),
        (ROUND_5, "dev", 94),
        (ROUND_6, None, 111),
    ],
    ids=[
        "round 2 dev",
        "round 2 test, tuned on since",
        "round 3 dev",
        "round 3 test, tuned on since",
        "round 4 dev",
        "round 5 dev",
        "round 6, tuned on whole since revision 9",
    ],
)
def test_every_wording_the_rules_were_tuned_on_gets_its_labelled_type(
    path: Path, split: str | None, total: int
) -> None:
    report = measure_wordings(load_wordings(path), split)
    assert report.total == total
    assert report.misses == (), report.misses


@pytest.mark.parametrize(("path", "seed"), [(ROUND_3, 20261204), (ROUND_4, 20261205)])
def test_rounds_three_and_four_are_labelled_with_a_reason_and_split_by_their_seed(
    path: Path, seed: int
) -> None:
    wordings = load_wordings(path)
    assert len(wordings) >= 165
    assert len({label.key for label, _ in wordings}) == len(wordings)
    assert all(label.reason for label, _ in wordings)
    # The split each header describes, drawn before any run: per type, the entries' positions
    # in file order shuffled with one generator, the first half (rounded up) dev.
    rng = random.Random(seed)
    drawn: dict[str, str] = {}
    for kind in (SUBSTANTIVE, BY_REFERENCE, NOT_COMPETENT, NOT_PUBLISHED):
        keys = [label.key for label, _ in wordings if label.type == kind]
        order = list(range(len(keys)))
        rng.shuffle(order)
        half = (len(keys) + 1) // 2
        drawn.update((keys[i], "dev" if n < half else "test") for n, i in enumerate(order))
    assert {label.key: label.split for label, _ in wordings} == drawn


# Round 4's test half when it was measured, once, after the rules were tuned on its dev half and
# on round 3 (2 December 2026, see BENCHMARKS.md): 71/83. These misses are allowed and left as
# they are, since fixing them would be tuning on the test half; a new miss fails, and so does a
# fixed one (remove it here when a later round's blind wordings fix it).
# Since revision 6 the answer-type model (`analyze.answer_model`) reads these answers too. Fitted
# on rounds 1-3 alone it fixes four of them (r4-fr-ref-19, ref-29, nc-30, nc-35: 74/83, the
# honest figure, benchmarks/answer_type_generalisation.py); the shipped model is fitted on all of
# round 4 as well and fixes three more (r4-fr-nc-03, nc-19, nc-34), which is in-sample. The
# misses left are allowed, no more. Revision 7 (s9-answers6, tuned on round 5's dev half and
# on rounds 1-4, this test half included) fixes r4-fr-ref-16 by its referral grammar, ref-04
# ("à laquelle je vous prie de vous référer": one refers to a document, not to a person), np-10
# and np-02 (an answer kept at the member's disposal; "aan de vraagsteller toegezonden").
# Revision 9 (s10-answers7) fixes r4-fr-ref-13 (a bracket that cites a record, "(CRIV 55 COM 812,
# p. 14)", holds no fact) and nc-19 ("lequel sera mieux à même de vous répondre"; "classe 1A" is
# a class, not a figure), by rules written for round 6 and checked on this half too.
_ROUND_4_TEST_MISSES_WHEN_MEASURED = {
    # "relève de la compétence de plusieurs membres", then "la réponse coordonnée est donnée
    # par la ministre de l'Emploi": an adjective after "réponse", and competence decides first.
    "federal-fr/r4-fr-ref-15",
}


def test_round_four_held_out_test_wordings_do_exactly_as_when_measured() -> None:
    report = measure_wordings(load_wordings(ROUND_4), "test")
    assert report.total == 83
    assert {miss.key for miss in report.misses} == _ROUND_4_TEST_MISSES_WHEN_MEASURED


# Rounds 5 and 6, measured once by the integrator on 3 December 2026 (ninth session) after the
# revision-7 rules and the refitted model were merged: round 5's test half (90 wordings, written
# blind by s9-answers5, never read by the developers who tuned the rules on its dev half) 76/90,
# with 35 of its 48 non-substantive answers recognised (main: 27/48) and one substantive answer
# misread (r5-053); round 6 (111 whole question/answer pages written blind by s9-round6, never
# read by them; both halves held out) 90/111, 47 of 64 non-substantive answers (main: 38/64) and
# four substantive misread (r6-041, 046, 088 as on main; r6-101 new). BENCHMARKS.md, "Ninth
# session, after the merge". As for round 4: these misses are allowed and left as they are
# (fixing them would be tuning on held-out text); a new miss fails, and so does a fixed one.
# Revision 8 (the review's fix: saying whose matter it is no longer outweighs a sentence of the
# answer's own, driven by 33 substantive answers the review wrote, not by these) reads r5-053
# ("les CPAS, qui relèvent des communes", then the answer) as substantive again: removed from
# the misses. Round 6 was then tuned on whole by revision 9 (s10-answers7, tenth session): it is
# a dev set since, above, where all 111 must be right. Revision 9 never ran round 5's test half;
# the integrator measured it after the merge: 77/90 still, r5-030 now right and r5-053 misread
# again (a substantive answer read as not competent), left as measured. Revision 11 (twelfth
# session, the model reading sentences' roles; its developer never ran this half either): 79/90,
# r5-032 and r5-156 now right, measured once by the integrator after the merge. Revision 12
# (thirteenth session, another holder and sending in any mood by grammar; never run on this
# half by its developer): 80/90, r5-019 now right, measured once by the integrator. Revision 13
# (fourteenth session, s14-answers; measured once by its developer at the end, counts and this
# comparison only): 81/90, r5-036 now right, no new miss. Revision 14 (fifteenth session,
# s15-answers; measured once by its developer at the end, counts and this comparison only):
# 82/90, r5-045 now right, no new miss. Revision 17 (eighteenth session, s18-answers; measured
# once by its developer at the end, counts and this comparison only): 83/90, r5-039 now right,
# no new miss.
_ROUND_5_TEST_MISSES_WHEN_MEASURED = {
    "brussels-fr/r5-016",
    "brussels-fr/r5-040",
    "brussels-fr/r5-046",
    "brussels-fr/r5-053",
    "federal-fr/r5-120",
    "brussels-fr/r5-179",
    "brussels-fr/r5-182",
}


def test_round_five_held_out_test_half_does_exactly_as_when_measured() -> None:
    report = measure_wordings(load_wordings(ROUND_5), "test")
    assert report.total == 90
    assert {miss.key for miss in report.misses} == _ROUND_5_TEST_MISSES_WHEN_MEASURED


# Round 7 (112 whole question/answer pages written blind by s10-round7 while revision 9 was
# being written; never read by its developer), measured once by the integrator on 3 December
# 2026 (tenth session) after the merge: 99/112, 54 of its 67 non-substantive answers recognised
# (main, revision 8: 50/67) and no substantive answer misread. BENCHMARKS.md, "Tenth session,
# after the merge". Revision 10 (s11-answers8, eleventh session) was tuned on it whole: a dev set
# since, with the one miss revision 10 leaves allowed exactly (r7-076: a dated fact of the
# Region's own before the police zone is named; read as a partial answer). A new miss fails, and
# so does a fixed one.
ROUND_7 = TEST_DATA / "answer_type_wordings_7.toml"
_ROUND_7_MISSES_LEFT = {"brussels-fr/r7-076"}


def test_round_seven_tuned_on_whole_misses_only_what_revision_ten_left() -> None:
    report = measure_wordings(load_wordings(ROUND_7))
    assert report.total == 112
    assert {miss.key for miss in report.misses} == _ROUND_7_MISSES_LEFT


# Round 8 (116 whole pages written blind by s11-round8 while revision 10 was being written),
# measured once by the integrator (eleventh session): 103/116, 57 of 70 non-substantive answers,
# none substantive misread. Dev since the twelfth session: revision 11 (s12-answers9) refitted
# the model on the sentences' roles over rounds 1-8, this one included: 59 of 70 (in-sample).
# Revision 12 (s13-answers10, tuned on rounds 8 and 9) reads 66 of 70 (in-sample); left out of
# the model's fit, 65 (BENCHMARKS.md, the leave-one-writer-out table). The misses left are
# allowed exactly: a new miss fails, and so does a fixed one.
ROUND_8 = TEST_DATA / "answer_type_wordings_8.toml"
# Revision 13 (s14-answers), written from round 10's kinds, reads two more without having read
# them: r8-ref-site-publication (where the information can be read) and r8-nc-pas-mon-ressort
# ("du SPF Intérieur", a holder by its acronym); and, after reading it, r8-nc-explication-
# longue-aucun-fait (the cleft "c'est auprès de ces organismes que les informations demandées
# peuvent être obtenues"). Revision 16 (s17-answers) reads the last, after reading it:
# r8-ref-document-publie (the document "y figurent" points to, named in the sentence before).
_ROUND_8_MISSES_LEFT: set[str] = set()


def test_round_eight_misses_only_what_revision_thirteen_left() -> None:
    report = measure_wordings(load_wordings(ROUND_8))
    assert report.total == 116
    assert {miss.key for miss in report.misses} == _ROUND_8_MISSES_LEFT


# --- substantive answers with the trigger words (tests/data/answer_type_negatives.toml) -------

NEGATIVES = TEST_DATA / "answer_type_negatives.toml"


def test_substantive_answers_with_trigger_words_stay_substantive() -> None:
    # The review's cases, written after the rules against them: a regression set. Misreading
    # an answer on the substance is the worst error for users.
    wordings = load_wordings(NEGATIVES)
    assert len(wordings) >= 76
    assert {label.type for label, _ in wordings} == {SUBSTANTIVE}
    report = measure_wordings(wordings)
    assert report.misses == (), report.misses


def test_every_match_of_every_phrasing_holds_a_keyword(qrva: dict[str, Question]) -> None:
    # The keywords gate the phrasings (`answer_keywords.KEYWORDS`, `GATE_ONLY`): a match without
    # one would never be seen. Every phrasing, alone, over every battery and the repository's
    # real answers.
    texts = [
        question.answer or ""
        for path in sorted(TEST_DATA.glob("answer_type_*.toml"))
        if path.name != "answer_types.toml"
        for _, question in load_wordings(path)
    ]
    texts += [question.answer or "" for question in qrva.values()]
    for folder in ("be_chamber_qrva_fr_2023", "brussels_probe", "be_chamber_plenary_fr"):
        texts += [q.answer or "" for q in parse_file(TEST_DATA / folder / "records.jsonl")]
    for path in sorted(SHIPPED_CORPUS.rglob("*.html")):
        texts += [question.answer or "" for question in parse_file(path)]
    patterns = [re.compile(p) for kind in answers._PHRASES.values() for p in kind]
    patterns.extend(answer_holders.ATTRIBUTIONS)
    matches = [
        match.group(0)
        for text in texts
        for pattern in patterns
        for match in pattern.finditer(fold_in_place(text))
    ]
    assert len(matches) > 500
    assert [m for m in matches if not answer_keywords.has_keyword(m)] == []


@pytest.mark.parametrize("filler", ["; ", ": ", "- ; ", "( "])
def test_a_long_run_of_punctuation_is_classified_without_hanging(filler: str) -> None:
    # A pattern with an unbounded run of punctuation before its verb backtracked
    # quadratically: 12 s for 20,000 characters of "; ", so 60,000 would take minutes. Run
    # apart so that a hang fails on the generous timeout instead of blocking the suite; no
    # duration is asserted.
    code = (
        "from pqsearch.analyze.answers import _classify_text; "
        f"print(_classify_text('Tableau ' + {filler!r} * (60000 // {len(filler)})).type)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == SUBSTANTIVE


# --- the rules' revision follows the decision code ------------------------------------------

# A digest of the code that decides answer types besides the data `rules_fingerprint` hashes:
# the functions of analyze/answers.py, and since revision 6 of the modules split from it
# (answer_sentences, answer_keywords) and of analyze/answer_model.py, since revision 7 of
# answer_context and answer_information, since revision 9 of answer_partial (split from
# answers), since revision 11 of answer_roles (what the model reads), since revision 13 of
# answer_holders (whose holder counts, what is an account of competences), since revision 15 of
# answer_gates (forms' readings gated on the rest and the question; since revision 16 also
# what the model does not overturn), since revision 18 of answer_procedure (the procedure
# table's endings, split from answers), and the truncation test
# of parse/versions.py, as Python reads them (`ast.unparse`: comments, docstrings and layout
# left out). Recorded per `ANSWER_RULES_REVISION`.
_DECISION_CODE_DIGEST = {
    2: "03af2d59277c",
    3: "7a269a4be6d5",
    4: "5784f582ab2f",
    5: "8bb02df730e1",
    6: "a72984d5c6f2",
    7: "6ddab63dcea1",
    8: "17a60792be94",
    9: "6292e4763349",
    10: "c19046c47cec",
    11: "0b48a963c1db",
    12: "523f7a981b27",
    13: "8f56f5b8a25b",
    14: "8b20c75fa5f0",
    15: "def2548f8b4e",
    16: "1be44cee9104",
    17: "9953e7e67e50",
    18: "b4844d63c7de",
    19: "3856097ba5bc",
    20: "9c67e3806d67",
}


def _decision_code_digest() -> str:
    def wanted(node: ast.stmt, module: object) -> bool:
        if module is answers:
            return isinstance(node, ast.FunctionDef) and node.name != "rules_fingerprint"
        if module in (
            answer_model,
            answer_roles,
            answer_sentences,
            answer_keywords,
            answer_context,
            answer_information,
            answer_partial,
            answer_holders,
            answer_gates,
            answer_procedure,
        ):
            return isinstance(node, ast.FunctionDef)
        if isinstance(node, ast.FunctionDef):
            return node.name == "truncated_answer"
        return isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "_TRUNCATED"

    parts = []
    modules = (
        answers,
        answer_sentences,
        answer_keywords,
        answer_model,
        answer_roles,
        answer_context,
        answer_information,
        answer_partial,
        answer_holders,
        answer_gates,
        answer_procedure,
        versions,
    )
    for module in modules:
        for node in ast.parse(inspect.getsource(module)).body:
            if not wanted(node, module):
                continue
            if isinstance(node, ast.FunctionDef) and ast.get_docstring(node) is not None:
                node.body = node.body[1:]
            parts.append(ast.unparse(node))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


def test_a_change_of_the_decision_code_comes_with_a_new_rules_revision() -> None:
    digest = _decision_code_digest()
    assert _DECISION_CODE_DIGEST.get(answers.ANSWER_RULES_REVISION) == digest, (
        "The code that decides answer types changed: bump ANSWER_RULES_REVISION in "
        "pqsearch/analyze/answers.py (indexes then re-type their documents at their next "
        f"ingest) and record {digest!r} for it in _DECISION_CODE_DIGEST."
    )


# Round 9 (112 whole pages written blind by s12-round9 while revision 11 was being written;
# never read by its developer), measured once by the integrator (twelfth session) after the
# merge: 98/112, 55 of its 69 non-substantive answers recognised (main, revision 10: 94/112,
# 51/69) and no substantive answer misread. Dev since the thirteenth session: revision 12
# (s13-answers10) was tuned on it whole and reads all 112 (in-sample; left out of the model's
# fit, 69 of 69 with the rules tuned on it, BENCHMARKS.md). A new miss fails. r9-086 (a
# passive naming who decides) is missed again since the review of the merge removed that
# passive: it read answers to "who decides?" as refusals.
ROUND_9 = TEST_DATA / "answer_type_wordings_9.toml"
_ROUND_9_MISSES_LEFT = {"brussels-fr/r9-086"}


def test_round_nine_tuned_on_whole_misses_only_what_revision_twelve_left() -> None:
    report = measure_wordings(load_wordings(ROUND_9))
    assert report.total == 112
    assert {miss.key for miss in report.misses} == _ROUND_9_MISSES_LEFT
