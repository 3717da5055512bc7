"""How a taxonomy's terms are compiled to lemma sequences and looked up in a document.

`sectors.SectorDetector` lemmatizes every term once; the helpers here say which lemma
sequences a term stands for (`term_variants`), what it is compared on (`compare_key`: stems
for phrases), and index the phrases by their first lemma so that a document's word costs two
lookups.
They also write the messages that name a faulty term's file and line.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pqsearch.analyze.fold import surface_tokens
from pqsearch.analyze.taxonomy import Sector, Taxonomy

# spaCy tags a word alone differently from the same word in a sentence: alone, "donnée"
# becomes the verb "donner", "musique" is cut to "musiqu", "permis" is always "permettre",
# whereas texts have "donnee", "musique" and either lemma of "permis". So every term is also
# lemmatized after this article (a stopword, dropped), which gives the noun reading.
ARTICLE = "le"


@dataclass
class Phrase:
    """A lemma sequence and what it means: the sectors it is a term of (with the term as
    written for each) and the sectors it is an exclusion of."""

    lemmas: tuple[str, ...]
    terms: dict[str, str] = field(default_factory=dict)
    excluded: set[str] = field(default_factory=set)


def term_variants(
    text: str, alone: tuple[str, ...] | None, after_article: tuple[str, ...]
) -> set[tuple[str, ...]]:
    """The lemma sequences a term is compiled to.

    A phrase: its reading after the article and its reading alone. A one-word term: its
    reading after the article and the word itself (folded), which is the lemma texts give to
    names, acronyms and loanwords ("Innoviris", "télécom"); not its reading alone, which
    turns nouns into verbs that texts use everywhere ("donnée" -> "donner"). A term with no
    content word gives nothing.
    """
    if not after_article:
        return {alone} - {()} if alone else set()
    if alone is None:
        return {after_article, tuple(surface_tokens(text))}
    return {alone, after_article} - {()}


def compare_key(lemmas: tuple[str, ...]) -> tuple[str, ...]:
    """What a term is compared on: a one-word term, its lemma; a phrase, the stems of its
    lemmas, since the lemmatizer reads a word of a phrase differently alone and in a sentence
    ("retour forcé" gives "force" alone, "forcer" in "des retours forcés")."""
    return lemmas if len(lemmas) == 1 else tuple(stem(lemma) for lemma in lemmas)


@cache
def stem(lemma: str) -> str:
    """The lemma without a final -s, -e or -er: the endings by which the lemmatizer's
    readings of one word differ (noun "force", participle "forcer", leftover plural)."""
    for ending in ("s", "er", "e"):
        if lemma.endswith(ending) and len(lemma) - len(ending) >= 3:
            lemma = lemma[: -len(ending)]
    return lemma


class PhraseIndex:
    """Phrases by the stem of their first lemma, one-word terms by their lemma: a word costs
    two dict lookups, and the first candidate that matches is the longest."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self.phrases: defaultdict[str, list[Phrase]] = defaultdict(list)
        self.words: dict[str, Phrase] = {}
        for phrase in phrases:
            if len(phrase.lemmas) > 1:
                self.phrases[phrase.lemmas[0]].append(phrase)
            else:
                self.words[phrase.lemmas[0]] = phrase
        for candidates in self.phrases.values():
            candidates.sort(key=lambda phrase: -len(phrase.lemmas))
        self.first = frozenset(self.phrases) | frozenset(self.words)

    def candidates(
        self, lemmas: Sequence[str], stems: Sequence[str], position: int
    ) -> list[Phrase]:
        found = self.phrases.get(stems[position], [])
        word = self.words.get(lemmas[position])
        return found if word is None else [*found, word]

    def longest(self, lemmas: Sequence[str], stems: Sequence[str], position: int) -> Phrase | None:
        for phrase in self.phrases.get(stems[position], ()):
            if matches_at(phrase.lemmas, stems, position):
                return phrase
        return self.words.get(lemmas[position])


def matches_at(sequence: tuple[str, ...], lemmas: Sequence[str], position: int) -> bool:
    """Whether `sequence` occurs at `position`; its first lemma is known to match (the
    index is by first lemma), and the second rejects most candidates without a slice."""
    length = len(sequence)
    if length == 1:
        return True
    end = position + length
    if end > len(lemmas) or lemmas[position + 1] != sequence[1]:
        return False
    return length == 2 or tuple(lemmas[position:end]) == sequence


NO_CONTENT_WORD = (
    "is only stopwords once lemmatized, so it could never match; add a content word or remove it"
)
CANCELLED = (
    "has the same lemmas ({lemmas}) as the exclusion {exclusion!r}, which cancels it; "
    "make the exclusion longer or remove one of them"
)


def term_problem(taxonomy: Taxonomy, sector: Sector, text: str, problem: str) -> str:
    """A message naming the term's file and line (or its sector when the line is unknown)."""
    line = _line_of(taxonomy.source, sector.line, text)
    if line:
        where = f"{taxonomy.source}, line {line}"
    elif taxonomy.source:
        where = f"{taxonomy.source}, sector {sector.id!r}"
    else:
        where = f"sector {sector.id!r}"
    return f"{where}: {text!r} {problem}."


def _line_of(source: str, after: int, text: str) -> int | None:
    """The line of `text` (as a quoted TOML string) in `source`, from line `after` on."""
    if not source or after < 1:
        return None
    try:
        lines = Path(source).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    quoted = (f'"{text}"', f"'{text}'")
    for number in range(after - 1, len(lines)):
        if any(q in lines[number] for q in quoted):
            return number + 1
    return None
