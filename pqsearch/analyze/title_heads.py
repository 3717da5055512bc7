"""What a title names as its subject: the head of each of its noun phrases, not their
complements.

A written question's title is a noun phrase, or several joined by "et" or a comma: "le
nettoyage des voiries autour des gares", "le fauchage tardif des bords de voiries et des
talus", "la rénovation de l'éclairage public". Its subject is the head ("nettoyage",
"fauchage", "rénovation") with its adjectives; what follows a preposition ("des voiries",
"autour des gares") says which ones, where or for whom, and a sector named only there is the
setting. A head that only measures or frames its complement ("le nombre de", "l'évolution
des", "la lutte contre", "le coût de") hands the subject on: its complement is the head then
(`LIGHT`). Found on the text's words without a parser: the words before the first preposition
of each phrase, a phrase starting again after a comma or a semicolon, and after "et" or "ou"
unless a preposition follows ("des bords de voiries et des talus": one complement).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# Folded words that open a complement.
PREPOSITIONS = frozenset(
    {
        "de", "du", "des", "d", "pour", "dans", "sur", "a", "au", "aux", "par", "contre",
        "autour", "entre", "avec", "en", "vers", "chez", "apres", "avant", "face", "lors",
        "selon", "via", "sous", "pendant", "durant", "aupres", "envers", "concernant", "suite",
        "dont", "qui", "que",
    }
)  # fmt: skip
# Folded words that join two phrases of the title, each with its own head.
COORDINATIONS = frozenset({"et", "ou", "ainsi"})
# Folded head nouns that measure, date or frame their complement rather than name a subject:
# the complement is the head ("le nombre de places en crèche", "la lutte contre les rats").
LIGHT = frozenset(
    {
        "evolution", "evolutions", "suivi", "cout", "couts", "nombre", "nombres", "budget",
        "budgets", "gestion", "lutte", "politique", "politiques", "situation", "situations",
        "avenir", "avancement", "etat", "bilan", "mise", "oeuvre", "impact", "impacts",
        "developpement", "delai", "delais", "plan", "plans", "strategie", "strategies",
        "mesure", "mesures", "projet", "projets", "role", "place", "question", "questions",
        "problematique", "probleme", "problemes", "difficulte", "difficultes", "consequence",
        "consequences", "resultat", "resultats", "chiffre", "chiffres", "statistique",
        "statistiques", "financement", "financements", "soutien", "reforme", "reformes",
        "amelioration", "renforcement", "promotion", "acces", "utilisation", "usage",
        "montant", "montants", "part", "taux", "calendrier", "modalites", "perspective",
        "perspectives", "enjeu", "enjeux", "prevention", "securite", "nuisance", "nuisances",
        "qualite", "reduction", "augmentation", "hausse", "baisse", "manque", "penurie",
        "absence", "retard", "retards", "fermeture", "ouverture", "creation", "avenir",
        "accompagnement", "encadrement", "prise", "charge", "point", "etude", "etudes",
        "evaluation", "action", "actions", "initiative", "initiatives", "programme",
        "programmes", "dispositif", "dispositifs", "offre", "demande", "demandes", "besoin",
        "besoins", "cas", "type", "types", "niveau", "niveaux", "volume", "proportion",
        "lancement", "mise", "application", "respect", "controle", "controles",
    }
)  # fmt: skip


def head_words(text: str, words: Sequence[tuple[str, int, int]], keys: Sequence[str]) -> set[int]:
    """The indexes (in `words`) of the words in the heads of the noun phrases of the title
    `text` (`words` from `fold.iter_words`, `keys` their folded forms)."""
    heads: set[int] = set()
    in_head = True
    named = False  # the current phrase's head has a word that is not light
    coordinated = False  # the word follows "et", "ou"
    previous_end = 0
    for index, key in enumerate(keys):
        start, end = words[index][1], words[index][2]
        gap = text[previous_end:start]
        previous_end = end
        if any(mark in gap for mark in ",;"):
            in_head, named = True, False
        if key in COORDINATIONS:
            # "et des talus" after a complement goes on with it; "et le rôle de" is a phrase.
            coordinated, named = True, False
            continue
        if coordinated:
            in_head, coordinated = in_head or key not in PREPOSITIONS, False
        # An elided "d'" before the word ("le délai d'intervention"): a preposition.
        if key in PREPOSITIONS or gap.rstrip().lower().endswith(("d'", "d’")):
            if named:
                in_head = False
            if key in PREPOSITIONS:
                continue
        if not in_head:
            continue
        heads.add(index)
        if key not in LIGHT and key not in _ARTICLES:
            named = True
    return heads


def head_lemmas(heads: Iterable[int], kept: Sequence[int]) -> frozenset[int]:
    """The positions of the lemmas (each from the word `kept[position]`) that are heads."""
    wanted = set(heads)
    return frozenset(position for position, word in enumerate(kept) if word in wanted)


_ARTICLES = frozenset({"le", "la", "les", "l", "un", "une", "leur", "leurs", "ses", "son", "sa"})
