"""The derivation stem of a folded lemma: words of one family (construire / construction,
financer / financement, technologie / technologique, énergie / énergétique) share it.

Snowball's French stemmer (Whoosh's, so no new dependency) removes inflectional and most
derivational endings; two families it keeps apart ("construir" / "construct", "energ" /
"energet") are joined by rewriting the lemma's ending first (-uction is the noun of an
-uire verb, -étique the adjective of an -ie noun). Rules on whole endings, not on stems:
cutting "ct" or "et" off any stem also joined conviction/convier and internet/interne.
Stems shorter than `MIN_STEM` join unrelated words ("part": partie, partir, parti), so they
join nothing. Pure Python: the query path stems the typed word's lemmas.
"""

from __future__ import annotations

from functools import lru_cache

from whoosh.lang.snowball.french import FrenchStemmer

# Recorded in the lexicon with the stems it wrote: another rule means other stems.
STEMMER = "snowball-fr+derivation 1"
MIN_STEM = 5
# Lemma ending -> the ending of the family member Snowball stems like the others.
_FAMILY_ENDINGS = (("uction", "uire"), ("etique", "ie"))

_STEMMER = FrenchStemmer()


@lru_cache(maxsize=4096)
def derivation_stem(lemma: str) -> str:
    """The family stem of a folded lemma, or "" when it is too short to join words safely."""
    if " " in lemma or not lemma.isalpha():
        return ""
    for ending, family in _FAMILY_ENDINGS:
        if lemma.endswith(ending):
            lemma = lemma[: -len(ending)] + family
            break
    stem = str(_STEMMER.stem(lemma))
    return stem if len(stem) >= MIN_STEM else ""
