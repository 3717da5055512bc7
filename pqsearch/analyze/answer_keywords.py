"""The literal pieces that gate the answer-type phrasings (`analyze.answers`): data.

Part of the rules' fingerprint (`answers.rules_fingerprint`).
"""

from __future__ import annotations

from pqsearch.analyze.answer_acts import GATE as ACTS_GATE
from pqsearch.analyze.answer_declines import GATE as DECLINES_GATE
from pqsearch.analyze.answer_forms import GATE as FORMS_GATE
from pqsearch.analyze.answer_holders import GATE
from pqsearch.analyze.answer_not_mine import GATE as NOT_MINE_GATE
from pqsearch.analyze.answer_remits import GATE as REMITS_GATE

# Literal pieces of which every phrasing's match holds one, looked for with `in` in each
# sentence before any regex: the phrasings have no leading literal, and trying them on every
# sentence cost ten times the rest of the classification. tests/analyze/test_answers.py checks
# every match of every phrasing over the batteries and the corpus's answers: a phrasing added
# without its keyword would otherwise silently never match.
KEYWORDS = (
    "repon",
    "compet",
    "renv",
    "refer",
    "report",
    "adress",
    "aupres",
    "antwoord",
    "bevoeg",
    "relev",
    "ressort",
    "attribution",
    "departement",
    "portefeuille",
    "question",
    "consult",
    "lire",
    "connaissance",
    "transm",
    "publie",
    "directement",
    "greffe",
    "griffie",
    "autonomie",
    "appart",
    "verwijs",
    "verwijz",
    "vraag",
    "vragen",
    "envo",
    "parvenir",
    "documentation",
    "rechtstreeks",
    "interrog",
    "tourn",
    "redirig",
    "reorient",
    "trouv",
    "obten",
    "obtiendr",
    "identique",
    "similaire",
    "semblable",
    "conforme",
    "voyez",
    "renvoi",
    "cf",
    "kennis",
    "raadpleeg",
    "hors",
    "dehors",
    "matiere",
    "conv",
    "lieu",
    "veuillez",
    "preferable",
    "seul",
    "vous",
    "membre",
    "depute",
    "parlementaire",
    "insere",
    "richt",
    "wend",
    "repris",
    "figur",
    "disponib",
    "contenu",
    "bulletin",
    "doorge",
    "overge",
    "toegez",
    "toegest",
    "verslag",
    # Competence by institution or level, forwarded questions (`answer_competence`), answers
    # not yet in (`answer_unpublished`).
    "incomb",
    "echapp",
    "autonom",
    "independan",
    "pas de pouvoir",
    "pas d'un pouvoir",
    "aucun pouvoir",
    "plus de pouvoir",
    "il revient",
    "ai inform",
    "sans objet",
    "rapporter",
    "tutelle",
    "relay",
    "fait suivre",
    "faire suivre",
    # Revision 9: the minister without any lever, someone else best placed to answer, a state
    # reform's transfers, documents in Dutch (a body's own decision is in `GATE_ONLY`).
    "levier",
    "mieux plac",
    "a meme de",
    "a meme d'",
    "a meme pour",
    "sous l'autorite",
    "sous la responsabilite",
    "transfer",
    "regionalis",
    "communautaris",
    "defederalis",
    "loisible",
    "autorite sur",
    "aucune autorite",
    "lui revien",
    "leur revien",
    "te vinden",
    "beschikbaar op",
    "beschikbaar in",
    "beschikbaar via",
    "gepubliceerd op",
    "gepubliceerd in",
    "gepubliceerd via",
    # Revision 10: bodies that run it themselves, the government taking no part, "rien à
    # ajouter à mes propos", what is accessible on a portal. (The other new phrasings hold a
    # keyword already: "vous", "question", "renv", "publie".)
    "gere par",
    "geres par",
    "geree par",
    "gerees par",
    "exploite par",
    "exploites par",
    "exploitee par",
    "exploitees par",
    "administre par",
    "administres par",
    "administree par",
    "administrees par",
    "n'intervien",
    "rien a ajouter",
    "accessib",
    "zaak van de",
    "aangelegenheid van de",
)


# Pieces of the phrasings of `answer_elsewhere` (revision 12) that say who holds the matter or
# where the answer is, not that anyone is sent elsewhere: a passive naming the holder, a body's
# legal form, a document holding everything asked. They gate the phrasings like `KEYWORDS`, but
# a clause of the answer's own that holds one ("Celui-ci a délivré le permis en mars") still
# counts as its own for the model (`answers.model_input`, `sends_elsewhere`).
GATE_ONLY = (
    "beheerd door",
    "behandeld door",
    "geregeld door",
    "georganiseerd door",
    "beslist door",
    "uitgebaat door",
    "j'invite",
    "contien",
    "rassembl",
    "regroup",
    "recense",
    "repertori",
    "societe anonyme",
    "societes anonymes",
    "entreprise publique",
    "entreprises publiques",
    "intercommunale",
    "asbl",
    "societe cooperative",
    "pendant",
    "apportee",
    "donnee par",
    "fournie",
    "formulee",
    # "il serait plus indiqué de poser la question à ...": the one verb of `answer_phrases`'
    # "il convient de ..." phrasing that no other word gates (found by round 10's texts).
    "poser",
    # A position stated in a debate instead of an answer (`answer_earlier`, revision 19).
    "ma position",
    "notre position",
    "notre point de vue",
    "ma vision",
    "notre vision",
    # A body's own decision (revision 9; here since revision 18): deciding sends no one
    # elsewhere, so "; l'audience est fixée au 12 juin" stays a clause of the answer's own.
    "fixe",
    "reglemente",
    "etablie",
    "etablis par",
    "etabli par",
    "decide",
    "determine",
)


# Every piece that gates a phrasing, in one tuple: most sentences hold none, so all are tried.
_GATE_PIECES = KEYWORDS + GATE_ONLY + GATE + FORMS_GATE + ACTS_GATE + DECLINES_GATE + REMITS_GATE
_GATE_PIECES += NOT_MINE_GATE


def has_keyword(text: str) -> bool:
    """Whether folded `text` holds any of `KEYWORDS`, `GATE_ONLY` or the gate pieces of
    `answer_holders`, `answer_forms` and `answer_acts`, so that a phrasing could match in it."""
    # `map` over `str.__contains__`: no Python frame per piece (the gate is tried on every
    # sentence of every answer).
    return any(map(text.__contains__, _GATE_PIECES))


def sends_elsewhere(text: str) -> bool:
    """Whether folded `text` holds any of `KEYWORDS`: a word that may send the member
    elsewhere."""
    return any(map(text.__contains__, KEYWORDS))
