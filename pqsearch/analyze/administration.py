"""Whether a question is about the administration itself: its own staff, money, contracts,
tools, buildings and procedures.

The labels' O is "the public administration as a subject in itself", and Brussels members ask
about it in ordinary words that name no sector: "Combien d'ETP vos services comptent-ils ?",
"Quel est le délai moyen de paiement des factures par le SPRB ?", "Le logiciel de la régie
a-t-il été remplacé ?". Vocabulary chases those wordings one by one and fits the documents it
was written from. The rule here reads the shape of the question instead: it names the
administration as who acts (`AGENTS`, or a body of the gazetteer that is an administration)
and most of its items (`MOST`) ask about something an administration runs on (`RUNS_ON`),
without having to name it again, and about no other sector's activity. One such item is common
in any question ("Quel budget votre administration consacre-t-elle à la rénovation des
trottoirs ?"); most of them are not. The budget, staff or procedure of a policy stays that
policy's: a title or an item that names another sector's activity is its own.

No spaCy here: it reads `segments.PartText`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pqsearch.analyze.segments import PartText

# The sector of the public administration in the packaged taxonomy (NACE section O). A user's
# taxonomy without it gets no evidence from this rule.
ADMINISTRATION = "O"
# The evidence's name in `show` and in the mention tier.
EVIDENCE = "fonctionnement de l'administration"

# Who: the administration as an organisation, the minister's own services (lemmas, accents
# removed; the possessive of "vos services" is a stopword, so "service" stands for it). Not its
# staff ("personnel", "agent"): a hospital's nursing staff and a school's teachers are recruited
# and paid too, and their questions are health care and education.
AGENTS = frozenset(
    {"administration", "sprb", "spf", "spp", "organisme", "regie", "cabinet", "ministere",
     "departement", "service"}
)  # fmt: skip

# What an administration runs on, by kind (lemmas, accents removed). Each word was kept only if,
# on the dev labels, it made no question not labelled O pass `own_functioning`: "coût",
# "contrat", "offre", "application", "plateforme", "prime", "salaire", "contrôle", "sanction"
# did (a policy's cost, a quarter's contract, a job offer, a member's app, a workers' wage).
# "frais" (expense claims, running costs: eleventh session) made none pass.
STAFF = frozenset(
    {
        "etp", "effectif", "recrutement", "recruter", "engagement", "engager", "poste", "vacant",
        "statut", "statutaire", "contractuel", "absenteisme", "absence", "carriere", "bareme",
        "remuneration", "teletravail", "organigramme", "administrateur", "dirigeant", "mandat",
    }
)  # fmt: skip
MONEY = frozenset(
    {"budget", "budgetaire", "credit", "allocation", "article", "depense", "facture", "paiement",
     "liquidation", "frais"}
)  # fmt: skip
CONTRACTS = frozenset(
    {"marche", "prestataire", "consultant", "consultance", "adjudicataire", "soumissionnaire",
     "externalisation", "externaliser", "sous-traitance"}
)  # fmt: skip
TOOLS = frozenset(
    {"informatique", "logiciel", "numerisation", "digitalisation", "serveur", "ordinateur",
     "cloud", "cybersecurite", "cyberattaque"}
)  # fmt: skip
BUILDINGS = frozenset({"batiment", "local", "loyer"})
PROCEDURES = frozenset(
    {"procedure", "delai", "traitement", "dossier", "formulaire", "courrier", "plainte",
     "reclamation", "recours", "guichet"}
)  # fmt: skip
RUNS_ON = STAFF | MONEY | CONTRACTS | TOOLS | BUILDINGS | PROCEDURES
# Who works for a body (lemmas, accents removed): with the words of `STAFF`, a sentence that
# names a public body and these speaks of that body's staff (`body_staff`).
STAFF_WORDS = frozenset({"personnel", "agent", "fonctionnaire", "collaborateur", "employe"})
# The evidence's name for a body's staff in `show` and in the mention tier.
STAFF_EVIDENCE = "personnel d'un organisme public"

# The share of the question's items (of its sentences when it has fewer than two items) that
# must ask about what the administration runs on, in a question that names the administration.
MOST = 0.4


def own_functioning(
    parts: Mapping[str, PartText], busy: Mapping[str, set[int]]
) -> dict[str, set[int]]:
    """The sentences of each part about the administration's own functioning, when the
    question is about it; otherwise nothing.

    `busy` holds, by part, the sentences with evidence of another sector (`is_means` words
    aside). The question is about the administration when its title or question names it, its
    title is on no other sector's activity, and `MOST` of its items ask about something of
    `RUNS_ON` and of no other sector. Then the title, those items and the answer's sentences
    that name both an agent and a means, and no other sector, are (the answer speaks of other
    things too: the policy the services carry out, the figures of the sector).
    """
    question = parts.get("question")
    if question is None:
        return {}
    words = {part: _words(text) for part, text in parts.items()}
    if not _names_agent(parts, words):
        return {}
    # A title on another sector's activity makes the items its budget, staff or procedure:
    # "les moyens budgétaires consacrés à la lutte contre les violences faites aux femmes".
    if busy.get("title"):
        return {}
    items = question.items if len(question.items) >= 2 else frozenset(range(question.sentences))
    asked = {
        n
        for n in items
        if words["question"].get(n, set()) & RUNS_ON and n not in busy.get("question", ())
    }
    # Most of its items, and two at least: one sentence on telework as a cause of congestion
    # is not a question about the administration's telework.
    if len(asked) < max(MOST * len(items), 2):
        return {}
    found = {"question": asked}
    if "title" in parts:
        found["title"] = {n for n, lemmas in words["title"].items() if lemmas & (RUNS_ON | AGENTS)}
    if "answer" in parts:
        found["answer"] = {
            n
            for n, lemmas in words["answer"].items()
            if lemmas & AGENTS and lemmas & RUNS_ON and n not in busy.get("answer", ())
        }
    return {part: numbers for part, numbers in found.items() if numbers}


def body_staff(parts: Mapping[str, PartText]) -> dict[str, set[int]]:
    """The sentences of the title and the question that name a public body and its staff.

    The labels' rules put a body's staff, status, careers and management in O, and a body
    named is not its sector: "le statut des conseillers emploi d'Actiris", "l'évaluation des
    dirigeants de citydev.brussels", "les agents de Bruxelles-Propreté" are the administration
    as a subject, whatever the body's own business. Such a sentence is evidence of O beside
    the other sectors' (a second topic, not in place of them), which the topic model weighs
    like any other: one item of a question on the body's activity stays a passing mention.
    A body is one of the gazetteer or a name read from its head word (`segments`).
    """
    staff = STAFF | STAFF_WORDS
    found: dict[str, set[int]] = {}
    for part in ("title", "question"):
        text = parts.get(part)
        if text is None or not text.bodies:
            continue
        with_body = {text.sentence[start] for start, _, _ in text.bodies}
        numbers = {n for n, lemmas in _words(text).items() if n in with_body and lemmas & staff}
        if numbers:
            found[part] = numbers
    return found


def is_means(lemmas: Sequence[str]) -> bool:
    """Whether a term's lemmas all name something the administration runs on."""
    return set(lemmas) <= RUNS_ON


def _names_agent(parts: Mapping[str, PartText], words: Mapping[str, dict[int, set[str]]]) -> bool:
    """Whether the title or the question names the administration: a word of `AGENTS`, or a
    body of the gazetteer that is an administration (no sector of its own, or O's), not an
    operator of a sector (the STIB's recruiting drivers is its transport service)."""
    return any(
        lemmas & AGENTS for part in ("title", "question") for lemmas in words.get(part, {}).values()
    ) or any(
        body.sector in (None, ADMINISTRATION)
        for part in ("title", "question")
        if part in parts
        for _, _, body in parts[part].bodies
    )


def _words(text: PartText) -> dict[int, set[str]]:
    """The lemmas of each sentence of `text`."""
    words: dict[int, set[str]] = {}
    for position, lemma in enumerate(text.lemmas):
        words.setdefault(text.sentence[position], set()).add(lemma)
    return words
