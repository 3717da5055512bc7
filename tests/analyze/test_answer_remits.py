"""Revision 18 (nineteenth session): round 15's dev kinds read in general (`answer_remits`, and
the readings it added to `answer_holders`, `answer_information`, `answer_forms`,
`answer_gates` and `answer_keywords`), the s17 review's refusals R1 and R3, and round 15's dev
half.

The paraphrases (tests/data/answer_type_paraphrases_19.toml) were written from those kinds in
words no round used, with a substantive near miss beside each new reading; revision 17 misreads
24 of the 52.
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

PARAPHRASES = TEST_DATA / "answer_type_paraphrases_19.toml"
# Round 15 (120 pages written blind by s18-round15), measured once blind by the eighteenth
# session's integrator with revision 17: 98/120. Its dev half (61 pages, split in its header) is
# dev since the nineteenth session: revision 18 reads all of them (in-sample: its thirteen misses
# were read). Its test half stays held out.
ROUND_15 = TEST_DATA / "answer_type_wordings_15.toml"


def test_the_kinds_are_read_in_other_words_tenses_persons_and_languages() -> None:
    wordings = load_wordings(PARAPHRASES)
    assert len(wordings) == 52
    assert measure_wordings(wordings).misses == ()


def test_round_fifteen_dev_half_is_read_whole() -> None:
    report = measure_wordings(load_wordings(ROUND_15), "dev")
    assert report.total == 61
    assert report.misses == ()


def _rules_alone(question: str, answer: str) -> str:
    entry = {"id": "x", "source": "brussels", "language": "fr", "question": question}
    return classify_answer(_question({**entry, "text": answer}), model=RULES_ALONE).type


@pytest.mark.parametrize(
    ("question", "answer", "expected"),
    [
        # Another holder able to give the member what was asked (the s17 review's R1).
        (
            "Combien de voyageurs ?",
            "Ces données ne sont pas détenues par mes services ; la STIB pourra vous les fournir "
            "directement.",
            NOT_COMPETENT,
        ),
        # Sent to a body that publishes it (the s17 review's R3).
        (
            "Combien ?",
            "Pour les chiffres demandés, je vous renvoie vers Statbel, qui les publie chaque "
            "trimestre sur son site.",
            NOT_COMPETENT,
        ),
        # A Dutch directive to question a holder, whatever stands between.
        (
            "Plant de minister een beperking?",
            "Ik verzoek het geachte lid de bevoegde gewestminister te ondervragen.",
            NOT_COMPETENT,
        ),
        (
            "Wat onderneemt de regering?",
            "Het geachte lid wordt verzocht zich met deze vraag te wenden tot de minister van "
            "Welzijn van de Vlaamse Gemeenschap.",
            NOT_COMPETENT,
        ),
        # The minister's side without power, beside the holder.
        (
            "La Région peut-elle limiter la hausse ?",
            "Les tarifs sont approuvés par un régulateur indépendant. Le Gouvernement n'a pas le "
            "pouvoir de les modifier.",
            NOT_COMPETENT,
        ),
        (
            "Hoeveel plaatsen komen er bij?",
            "Dat is een gemeenschapsbevoegdheid. Het Gewest heeft hierin geen zeggenschap.",
            NOT_COMPETENT,
        ),
        # The account of who holds what beside a forwarding: a reform's transfer, "relève lui
        # aussi des Régions" (whose "a" of "aussi" was read as the preposition).
        (
            "Quelles aides sont prévues ?",
            "L'agriculture est une matière régionalisée. Le fonds relève lui aussi des Régions. "
            "Je transmets votre question à mes homologues régionaux.",
            NOT_COMPETENT,
        ),
        (
            "Des inspections ont-elles eu lieu ?",
            "Les crèches relèvent des entités fédérées. Les services d'inspection compétents sont "
            "ceux des Communautés.",
            NOT_COMPETENT,
        ),
        # The earlier answer repeated, nothing added to what was said.
        (
            "Une étude a-t-elle été réalisée ?",
            "Je ne puis que réitérer les termes de ma réponse à votre précédente question.",
            BY_REFERENCE,
        ),
        (
            "Welke maatregelen worden genomen?",
            "Ik heb hieraan niets toe te voegen ten opzichte van wat ik vorige maand in de "
            "commissie heb gezegd.",
            BY_REFERENCE,
        ),
        # An impersonal directive to a document; a document holding all that was asked.
        (
            "Quels sont les comptages ?",
            "On se reportera au portail régional des données ouvertes, où ils sont publiés.",
            BY_REFERENCE,
        ),
        (
            "Lesquels ont été signés ?",
            "Le communiqué de presse du 4 mars 2025 détaille l'ensemble des accords conclus ; il "
            "est joint au dossier de la commission.",
            BY_REFERENCE,
        ),
        (
            "Quels événements ont été soutenus ?",
            "La liste exhaustive est reprise au tableau publié en annexe du budget ajusté.",
            BY_REFERENCE,
        ),
        # The answer found in an earlier one; bodies answering for themselves, a word between
        # (round 15's r15-013 and r15-081, which only the model read before).
        (
            "Hoeveel premies werden toegekend?",
            "Het antwoord op deze vraag is terug te vinden in mijn antwoord op schriftelijke vraag "
            "nr. 318.",
            BY_REFERENCE,
        ),
        (
            "Que compte faire la ministre ?",
            "Si le contrôle a bien été régionalisé, la prise de rendez-vous relève des organismes "
            "agréés eux-mêmes.",
            NOT_COMPETENT,
        ),
        # What was asked arriving later.
        (
            "Quel est le taux ?",
            "Les chiffres sont en cours de consolidation. Ils vous parviendront par courrier.",
            NOT_PUBLISHED,
        ),
        # Near misses that stay substantive: a duty quoted then done (round 15's r15-025 kind),
        # an own clause after a pointer that holds "fixée" (no word of deciding sends anyone
        # elsewhere), a service offered, the Region's own reform to a question asking who.
        (
            "La commune a-t-elle adopté son plan ?",
            "Il appartient à chaque commune d'adopter un plan ; Uccle l'a fait par délibération "
            "du 3 février 2025.",
            SUBSTANTIVE,
        ),
        (
            "Où en est le dossier ?",
            "Le dossier a fait l'objet d'un communiqué ; la date de la décision a été fixée au 3 "
            "mars 2026 et le permis sera délivré en avril 2026.",
            SUBSTANTIVE,
        ),
        (
            "Quelles aides existent ?",
            "Actiris peut vous fournir un accompagnement ; 2.340 personnes en ont bénéficié.",
            SUBSTANTIVE,
        ),
        (
            "Qui est compétent pour les loyers ?",
            "Le bail a été régionalisé en 2014 ; la Région en fixe les règles.",
            SUBSTANTIVE,
        ),
        (
            "La Région peut-elle intervenir ?",
            "La Région n'a pas le pouvoir d'imposer ces tarifs, mais elle a octroyé 1,2 million "
            "d'euros de primes en 2025.",
            SUBSTANTIVE,
        ),
    ],
)
def test_the_rules_alone_read_each_kind(question: str, answer: str, expected: str) -> None:
    assert _rules_alone(question, answer) == expected


@pytest.mark.parametrize(
    ("source", "answer", "expected"),
    [
        # Whose matter a level of power is depends on who answers: a Brussels minister's
        # "régionale" is their own, a federal minister's "fédérale" too.
        ("brussels", "Il s'agit d'une compétence régionale.", SUBSTANTIVE),
        ("brussels", "C'est une matière régionale.", SUBSTANTIVE),
        ("brussels", "Il s'agit d'une compétence fédérale.", NOT_COMPETENT),
        ("brussels", "Dit is een federale materie.", NOT_COMPETENT),
        ("federal", "Il s'agit d'une compétence régionale.", NOT_COMPETENT),
        ("federal", "Het betreft een gewestelijke materie.", NOT_COMPETENT),
        ("federal", "Il s'agit d'une compétence fédérale.", SUBSTANTIVE),
        ("federal", "Dit is een federale materie.", SUBSTANTIVE),
        # Another level than either, or the Region's remit denied, declines for both.
        ("brussels", "Il s'agit d'une compétence communale.", NOT_COMPETENT),
        ("federal", "Il s'agit d'une compétence communale.", NOT_COMPETENT),
        ("brussels", "Cette matière échappe à la compétence régionale.", NOT_COMPETENT),
    ],
)
def test_a_level_of_power_is_read_by_who_answers(source: str, answer: str, expected: str) -> None:
    entry = {"id": "x", "source": source, "language": "fr", "question": "Que comptez-vous faire ?"}
    question = _question({**entry, "text": answer})
    assert classify_answer(question, model=RULES_ALONE).type == expected
