"""The literal pieces that gate the answer-type phrasings (`analyze.answers`): data.

Part of the rules' fingerprint (`answers.rules_fingerprint`).
"""

from __future__ import annotations

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
    "pouvoir",
    "il revient",
    "ai inform",
    "sans objet",
    "rapport",
    "tutelle",
    "relay",
    "suivre",
)


def has_keyword(text: str) -> bool:
    """Whether folded `text` holds any of `KEYWORDS`, so that a phrasing could match in it."""
    return any(keyword in text for keyword in KEYWORDS)
