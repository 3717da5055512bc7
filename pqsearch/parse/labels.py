"""The words the question pages use, as data: one `Labels` per language.

The parser never spells a label itself; it reads them from here, so the Dutch pages (the site
serves each question in Dutch too) become one more `Labels` value once we have samples, not a
second parser. Only French is known today; the Dutch title prefix is known from the records'
`titre_nl`.
"""

from __future__ import annotations

from dataclasses import dataclass

from pqsearch.models import EXPLANATIONS_TURNED_WRITTEN, INTERPELLATION_TURNED_WRITTEN


@dataclass(frozen=True)
class Labels:
    """The vocabulary of a question page (HTML or its plain-text rendering) in one language."""

    language: str
    # The `id` of the <section> that holds the question on the HTML page.
    section_id: str
    # What precedes the subject in the page title ("Question écrite concernant ...").
    title_prefixes: tuple[str, ...]
    author: str
    addressee: str
    # What precedes the number at the end of the addressee line ("(question n°369)").
    number: str
    received: str
    published: str
    answered: str
    legislature: str
    session: str
    question: str
    answer: str
    # The first two header cells of the acts table.
    procedure_header: tuple[str, str]
    # Acts, as the acts table writes them; used to split "02/03/2021 Recevable p.m." in text.
    acts: tuple[str, ...]
    # Bodies that appear in the acts table's "de" column.
    bodies: tuple[str, ...]
    # An act that makes the question an oral question turned written (starts with this).
    oral_turned_written: str
    # The word after which an addressee's title lists the competences ("chargé de ...").
    portfolio_markers: tuple[str, ...]
    # Articles in front of a competence ("de l'Urbanisme", "du Patrimoine"), longest first.
    portfolio_articles: tuple[str, ...]
    # The word joining the last competences ("... et de la Lutte ...").
    conjunction: str
    # Other acts that turn a question into a written one (an act starting with the text
    # gives the kind), checked after `oral_turned_written`.
    turned_written: tuple[tuple[str, str], ...] = ()


FRENCH = Labels(
    language="fr",
    section_id="weblex-quest-det-fr",
    title_prefixes=(
        "Question écrite concernant",
        "Question orale concernant",
        "Question concernant",
    ),
    author="de",
    addressee="à",
    number="question n°",
    received="Date de réception",
    published="Date de publication",
    answered="Date de réponse",
    legislature="Législature",
    session="Session",
    question="Question",
    answer="Réponse",
    procedure_header=("Date", "Intitulé de l'acte"),
    acts=(
        "Question orale transformée en question écrite",
        "Demande d'explications transformée en question écrite",
        "Interpellation transformée en question écrite",
        "Annexe à la réponse",
        "Retirée par son auteur.",
        "Recevable",
    ),
    bodies=("Bureau élargi du Parlement", "p.m."),
    oral_turned_written="Question orale transformée",
    portfolio_markers=("chargé", "chargée", "chargés", "chargées"),
    portfolio_articles=("de la ", "de l'", "de l’", "des ", "du ", "de ", "d'", "d’"),
    conjunction="et",
    turned_written=(
        ("Demande d'explications transformée", EXPLANATIONS_TURNED_WRITTEN),
        ("Demande d’explications transformée", EXPLANATIONS_TURNED_WRITTEN),
        ("Interpellation transformée", INTERPELLATION_TURNED_WRITTEN),
    ),
)

# Every language the parser knows, tried in this order.
LANGUAGES: tuple[Labels, ...] = (FRENCH,)

# The Dutch title prefixes, seen in the records' `titre_nl`.
TITLE_NL_PREFIXES: tuple[str, ...] = (
    "Schriftelijke vraag betreffende",
    "Mondelinge vraag betreffende",
)
