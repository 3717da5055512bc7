"""Answer types of paragraph-length answers, and competence by institution or level (revisions 7
and 9).

The wordings here were written by s9-answers6 and s10-answers7 while building the grammar, not
blind: they show what it reads; the blind rounds (tests/data/answer_type_wordings_*.toml)
measure it.
"""

from __future__ import annotations

import pytest

from pqsearch.analyze.answers import (
    BY_REFERENCE,
    NOT_COMPETENT,
    NOT_PUBLISHED,
    SUBSTANTIVE,
    classify_answer,
)
from pqsearch.models import Question
from tests.analyze.test_answers import _question as answers_question


def _question(answer: str, asked: str = "") -> Question:
    return answers_question(answer, asked=asked)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # Greeting, thanks, sympathy and a closing formula around the competence.
        (
            "Madame la Députée, je vous remercie pour votre question sur les horaires des bureaux "
            "de poste. Je comprends la préoccupation des habitants. L'organisation du réseau "
            "postal incombe toutefois à bpost, sous le contrôle de l'IBPT. Je vous prie d'agréer, "
            "Madame la Députée, l'expression de mes salutations distinguées.",
            NOT_COMPETENT,
        ),
        # The question restated, the policy's importance, then the referral.
        (
            "Monsieur le Député, je vous remercie pour votre question. La question du logement "
            "abordable est essentielle pour de nombreux ménages. Je vous invite à prendre "
            "connaissance de ma réponse à la question n° 312, qui reste d'actualité.",
            BY_REFERENCE,
        ),
        (
            "Votre question rejoint celle de Mme Genot. Les éléments de réponse figurent dans le "
            "compte rendu de la commission de l'Environnement du 4 mai.",
            BY_REFERENCE,
        ),
        (
            "Cette thématique a déjà fait l'objet d'un échange en commission. C'est à cette "
            "réponse que je vous prierais de bien vouloir vous référer.",
            BY_REFERENCE,
        ),
        ("L'honorable membre voudra bien se référer au compte rendu de la séance.", BY_REFERENCE),
        # Competence by institution or level, no colleague named.
        ("Cette matière relève des entités fédérées.", NOT_COMPETENT),
        (
            "La gestion des gares relève de la SNCB, à laquelle il appartient de se prononcer.",
            NOT_COMPETENT,
        ),
        (
            "Les universités sont des institutions autonomes. Il leur revient de fixer le montant "
            "des frais d'inscription.",
            NOT_COMPETENT,
        ),
        (
            "Vous m'interrogez sur les délais au tribunal de la famille. Le fonctionnement des "
            "juridictions relève du pouvoir judiciaire.",
            NOT_COMPETENT,
        ),
        ("Het beheer van de spoorwegen is een federale bevoegdheid.", NOT_COMPETENT),
        # Forwarded.
        (
            "La question a été transmise pour raison de compétence au ministre de la Justice.",
            NOT_COMPETENT,
        ),
        ("Les universités sont pleinement autonomes dans leurs cursus.", NOT_COMPETENT),
        # Not yet in.
        ("La réponse à cette question est toujours attendue.", NOT_PUBLISHED),
        ("Aucune réponse n'a été reçue dans le délai prévu par le règlement.", NOT_PUBLISHED),
        ("Het antwoord werd nog niet ontvangen.", NOT_PUBLISHED),
    ],
)
def test_paragraphs_and_competence_by_their_grammar(answer: str, expected: str) -> None:
    assert classify_answer(_question(answer)).type == expected


@pytest.mark.parametrize(
    "answer",
    [
        # A figure beside the competence or the referral is a partial answer.
        "La délivrance des cartes de riverain relève des communes, qui en ont délivré 4.212 "
        "en 2025.",
        "Les zones de police sont des entités autonomes ; la Région leur a versé 12 millions "
        "d'euros en 2025.",
        # Context and then information of the answer's own.
        "Je vous remercie pour votre question. Le plan a été présenté en commission le 3 mars. "
        "Il prévoit quatorze nouvelles stations, dont la première ouvrira en juin 2027.",
        # Competences laid out are the substance.
        "La répartition des compétences est la suivante : les Régions sont compétentes pour "
        "l'agrément ; l'autorité fédérale reste compétente pour les normes de produits.",
        # A pointer, then a summary of what it says.
        "Les informations figurent dans le rapport annuel de Bruxelles Fiscalité. En substance, "
        "la taxe s'applique aux surfaces de bureaux de plus de 200 mètres carrés.",
        # Another body's answer awaited is news on the substance.
        "La réponse de la Commission européenne n'est pas encore parvenue à mon administration.",
    ],
)
def test_near_misses_of_the_paragraph_grammar_stay_substantive(answer: str) -> None:
    assert classify_answer(_question(answer)).type == SUBSTANTIVE


def test_sentences_that_restate_the_question_are_context() -> None:
    asked = (
        "Quel est le calendrier de rénovation des tunnels du ring intérieur ? Quelles fermetures "
        "nocturnes des tunnels sont prévues pendant les travaux de rénovation ?"
    )
    answer = (
        "Le calendrier de rénovation des tunnels du ring intérieur reste inchangé. Les "
        "fermetures nocturnes des tunnels pendant les travaux de rénovation restent prévues. "
        "Je vous renvoie à ma réponse à la question n° 512, qui reste d'actualité."
    )
    # Two sentences of the answer's own beside a referral make it substantive; when they only
    # repeat the question's words, they are context and the referral decides.
    assert classify_answer(_question(answer)).type == SUBSTANTIVE
    assert classify_answer(_question(answer, asked)).type == BY_REFERENCE


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # Whose matter it is, then the answer's own substance: substantive (the ninth
        # session's review found 20 of 33 such answers misread at revision 7).
        (
            "Les autorisations de terrasse relèvent des communes. La Région a toutefois publié "
            "un guide de bonnes pratiques qui recommande un passage libre minimal.",
            SUBSTANTIVE,
        ),
        (
            "La SNCB est une entreprise publique autonome. Elle m'a toutefois confirmé que le "
            "guichet ne rouvrira pas, mais qu'un automate sera installé au printemps.",
            SUBSTANTIVE,
        ),
        # Whose matter it is, then declining to answer or pointing to whoever holds it.
        (
            "Les autorisations de terrasse relèvent des communes. Je ne dispose dès lors pas "
            "de ces informations.",
            NOT_COMPETENT,
        ),
        (
            "Le Port de Bruxelles relève de la tutelle de ma collègue. Je lui ai fait suivre "
            "votre question.",
            NOT_COMPETENT,
        ),
    ],
)
def test_saying_whose_matter_it_is_weighs_less_than_sending_the_member_there(
    answer: str, expected: str
) -> None:
    assert classify_answer(_question(answer)).type == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # Revision 9: the decisive sentence after a paragraph of policy background.
        (
            "Monsieur le Député, la mobilité entre Bruxelles et sa périphérie constitue un enjeu "
            "majeur pour la Région. La politique tarifaire de la SNCB est cependant fixée par la "
            "SNCB elle-même, et la Région n'y dispose d'aucune compétence. Veuillez agréer, "
            "Monsieur le Député, l'assurance de ma considération distinguée.",
            NOT_COMPETENT,
        ),
        (
            "La décision de fermer une agence appartient à la banque concernée. La Région ne "
            "dispose d'aucun levier en la matière.",
            NOT_COMPETENT,
        ),
        (
            "Les taxes additionnelles sont établies par les conseils communaux ; les communes "
            "concernées sont les mieux placées pour vous répondre.",
            NOT_COMPETENT,
        ),
        (
            "Je vous avais répondu sur ce point le 8 décembre ; ma réponse reste inchangée.",
            BY_REFERENCE,
        ),
        (
            "Les résultats de la campagne sont disponibles sur le site de Bruxelles Environnement.",
            BY_REFERENCE,
        ),
        # The same with a fact of the answer's own: a partial answer.
        (
            "La décision de fermer une agence appartient à la banque concernée. Le Gouvernement a "
            "toutefois conclu une charte avec le secteur bancaire.",
            SUBSTANTIVE,
        ),
        (
            "Les résultats sont disponibles sur le site de Bruxelles Environnement : 34 écoles "
            "sur 120 dépassaient le seuil.",
            SUBSTANTIVE,
        ),
        (
            "Toutes les cantines du SPRB acceptent les chèques-repas électroniques depuis "
            "septembre 2025. Pour les autres cantines, je vous invite à interroger les ministres "
            "de tutelle concernés.",
            SUBSTANTIVE,
        ),
        # The minister's own administration named as the competent one is the substance.
        (
            "C'est la Direction de l'Inspection régionale du logement qui est compétente : elle "
            "contrôle les logements sur plainte.",
            SUBSTANTIVE,
        ),
    ],
)
def test_whose_decision_it_is_and_what_stands_elsewhere_by_their_grammar(
    answer: str, expected: str
) -> None:
    assert classify_answer(_question(answer)).type == expected


def test_whose_matter_it_is_answers_a_question_that_asks_who_is_competent() -> None:
    answer = (
        "Het sociaal tarief blijft een federale bevoegdheid. De renovatiepremies zijn een "
        "gewestelijke bevoegdheid."
    )
    assert classify_answer(_question(answer)).type == NOT_COMPETENT
    asked = "Welke overheid is bevoegd voor het sociaal tarief en voor de renovatiepremies?"
    assert classify_answer(_question(answer, asked)).type == SUBSTANTIVE
    # Sending the member elsewhere is no answer to it.
    sending = answer + " Ik stel voor dat u zich tot de federale minister richt."
    assert classify_answer(_question(sending, asked)).type == NOT_COMPETENT
