"""Which economic sectors a question and its answer talk about, with the evidence.

`SectorDetector` compiles a taxonomy's terms to lemma sequences once (at ingest), then reads
each document's lemmas part by part (title, question, answer): at every word it takes the
longest term that starts there, so "construction durable" counts once and never also as
"construction". A term found inside one of its sector's exclusions ("construction
européenne") does not count. A sector is mentioned when its weighted count reaches the
threshold; the weights and the threshold were chosen on the hand-labelled set
(tests/data/sectors_labels.toml, benchmarks/sector_quality.py).

No spaCy here: the caller passes the lemmatizer's `lemmatize_terms` and the documents' lemmas.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pqsearch.analyze.fold import surface_tokens
from pqsearch.analyze.taxonomy import Sector, Taxonomy, load_taxonomy
from pqsearch.errors import TaxonomyError
from pqsearch.models import SectorEvidence, SectorMention

__all__ = [
    "PARTS",
    "PART_WEIGHTS",
    "THRESHOLD",
    "Sector",
    "SectorDetector",
    "SectorEvidence",
    "SectorMention",
    "Taxonomy",
    "load_taxonomy",
]

PARTS = ("title", "question", "answer")

# A title names the subject in a dozen words, so a sector term there is enough on its own;
# in the question and answer it takes five mentions. On the labelled set, sectors a document
# talks about score 5 or more in the body or appear in the title, while passing mentions
# (a body named in a list, a sector among others) score up to 4: at 4 the precision falls
# from 0.95 to 0.90 for no gain in recall. See benchmarks/sector_quality.py --sweep.
PART_WEIGHTS: Mapping[str, float] = {"title": 5.0, "question": 1.0, "answer": 1.0}
THRESHOLD = 5.0

LemmatizeTerms = Callable[[Sequence[str]], list[tuple[str, ...]]]

# spaCy tags a word alone differently from the same word in a sentence: alone, "donnée"
# becomes the verb "donner", "musique" is cut to "musiqu", "permis" is always "permettre",
# whereas texts have "donnee", "musique" and either lemma of "permis". So every term is also
# lemmatized after this article (a stopword, dropped), which gives the noun reading.
_ARTICLE = "le"


@dataclass
class _Phrase:
    """A lemma sequence and what it means: the sectors it is a term of (with the term as
    written for each) and the sectors it is an exclusion of."""

    lemmas: tuple[str, ...]
    terms: dict[str, str] = field(default_factory=dict)
    excluded: set[str] = field(default_factory=set)


class SectorDetector:
    """Finds a taxonomy's sectors in lemmatized documents.

    `lemmatize_terms` is `Lemmatizer().lemmatize_terms`: it is called once, here, on every
    term and exclusion, so that they are compared with the documents' lemmas under the same
    rules. Raises `TaxonomyError` for a term that has no content word (it could never match).
    """

    def __init__(
        self,
        taxonomy: Taxonomy,
        lemmatize_terms: LemmatizeTerms,
        *,
        threshold: float = THRESHOLD,
        part_weights: Mapping[str, float] = PART_WEIGHTS,
    ) -> None:
        self.taxonomy = taxonomy
        self.threshold = threshold
        self.part_weights = dict(part_weights)
        self._labels = {sector.id: sector.label for sector in taxonomy.sectors}
        entries = [
            (sector, text, is_exclusion)
            for sector in taxonomy.sectors
            for texts, is_exclusion in ((sector.terms, False), (sector.exclusions, True))
            for text in texts
        ]
        texts = [text for _, text, _ in entries]
        # One-word terms are only read after the article (see `_variants`).
        phrases_only = [text for text in texts if len(surface_tokens(text)) > 1]
        lemmatized = lemmatize_terms([f"{_ARTICLE} {text}" for text in texts] + phrases_only)
        after_article = lemmatized[: len(texts)]
        alone = dict(zip(phrases_only, lemmatized[len(texts) :], strict=True))
        phrases: dict[tuple[str, ...], _Phrase] = {}
        excluded_by: dict[tuple[str, tuple[str, ...]], str] = {}
        for (sector, text, is_exclusion), with_article in zip(entries, after_article, strict=True):
            variants = _variants(text, alone.get(text), with_article)
            if not variants:
                raise TaxonomyError(_problem(taxonomy, sector, text, _NO_CONTENT_WORD))
            for lemmas in variants:
                phrase = phrases.setdefault(lemmas, _Phrase(lemmas))
                if is_exclusion:
                    phrase.excluded.add(sector.id)
                    excluded_by[(sector.id, lemmas)] = text
                else:
                    phrase.terms.setdefault(sector.id, text)
        for phrase in phrases.values():
            for sector_id in phrase.terms.keys() & phrase.excluded:
                exclusion = excluded_by[(sector_id, phrase.lemmas)]
                sector = next(s for s in taxonomy.sectors if s.id == sector_id)
                problem = _CANCELLED.format(exclusion=exclusion, lemmas=" ".join(phrase.lemmas))
                raise TaxonomyError(_problem(taxonomy, sector, phrase.terms[sector_id], problem))
        # Indexed by first lemma, longest first: a word costs one dict lookup, and the first
        # phrase that matches is the longest.
        self._terms = _index(phrase for phrase in phrases.values() if phrase.terms)
        self._exclusions = _index(phrase for phrase in phrases.values() if phrase.excluded)
        self._first_lemmas = frozenset(self._terms) | frozenset(self._exclusions)

    def detect(self, parts: Mapping[str, Sequence[str]]) -> tuple[SectorMention, ...]:
        """The sectors mentioned in a document, highest score first.

        `parts` maps "title", "question" and "answer" (any of them) to that part's lemmas,
        as `Analysis.lemmas` gives them.
        """
        return tuple(m for m in self.score(parts) if m.score >= self.threshold)

    def score(self, parts: Mapping[str, Sequence[str]]) -> tuple[SectorMention, ...]:
        """Every sector with at least one matching term, whatever its score, highest first."""
        counts: defaultdict[str, defaultdict[tuple[str, str], int]] = defaultdict(
            lambda: defaultdict(int)
        )
        for part, lemmas in parts.items():
            if part not in self.part_weights:
                raise ValueError(
                    f"unknown part {part!r}; the parts are {', '.join(self.part_weights)}"
                )
            for sector_id, term in self._matches(lemmas):
                counts[sector_id][(term, part)] += 1
        mentions = []
        order = {part: rank for rank, part in enumerate(self.part_weights)}
        for sector_id, found in counts.items():
            # Title first, then question, answer; within a part the most frequent term first.
            evidence = tuple(
                SectorEvidence(term, part, count)
                for (term, part), count in sorted(
                    found.items(), key=lambda item: (order[item[0][1]], -item[1], item[0][0])
                )
            )
            mentions.append(
                SectorMention(
                    sector=sector_id,
                    label=self._labels[sector_id],
                    score=sum(self.part_weights[e.part] * e.count for e in evidence),
                    count=sum(e.count for e in evidence),
                    evidence=evidence,
                )
            )
        return tuple(sorted(mentions, key=lambda m: (-m.score, m.sector)))

    def _matches(self, lemmas: Sequence[str]) -> list[tuple[str, str]]:
        """(sector id, term) for each term occurrence that no exclusion of its sector covers."""
        # Most words start no phrase: find the few that do in one pass, then look only there.
        first = self._first_lemmas
        starts = [position for position, lemma in enumerate(lemmas) if lemma in first]
        excluded = self._excluded_spans(lemmas, starts)
        found: list[tuple[str, str]] = []
        stop = 0
        for position in starts:
            if position < stop:
                continue
            phrase = _longest(self._terms.get(lemmas[position]), lemmas, position)
            if phrase is None:
                continue
            stop = position + len(phrase.lemmas)
            for sector_id, term in phrase.terms.items():
                spans = excluded.get(sector_id)
                if spans and any(a <= position and stop <= b for a, b in spans):
                    continue
                found.append((sector_id, term))
        return found

    def _excluded_spans(
        self, lemmas: Sequence[str], starts: list[int]
    ) -> dict[str, list[tuple[int, int]]]:
        spans: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for position in starts:
            for phrase in self._exclusions.get(lemmas[position], ()):
                if _matches_at(phrase.lemmas, lemmas, position):
                    for sector_id in phrase.excluded:
                        spans[sector_id].append((position, position + len(phrase.lemmas)))
        return spans


def _variants(
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


def _index(phrases: Iterable[_Phrase]) -> dict[str, list[_Phrase]]:
    index: defaultdict[str, list[_Phrase]] = defaultdict(list)
    for phrase in phrases:
        index[phrase.lemmas[0]].append(phrase)
    for candidates in index.values():
        candidates.sort(key=lambda phrase: -len(phrase.lemmas))
    return dict(index)


def _longest(
    candidates: list[_Phrase] | None, lemmas: Sequence[str], position: int
) -> _Phrase | None:
    for phrase in candidates or ():
        if _matches_at(phrase.lemmas, lemmas, position):
            return phrase
    return None


def _matches_at(sequence: tuple[str, ...], lemmas: Sequence[str], position: int) -> bool:
    """Whether `sequence` occurs at `position`; its first lemma is known to match (the
    index is by first lemma), and the second rejects most candidates without a slice."""
    length = len(sequence)
    if length == 1:
        return True
    end = position + length
    if end > len(lemmas) or lemmas[position + 1] != sequence[1]:
        return False
    return length == 2 or tuple(lemmas[position:end]) == sequence


_NO_CONTENT_WORD = (
    "is only stopwords once lemmatized, so it could never match; add a content word or remove it"
)
_CANCELLED = (
    "has the same lemmas ({lemmas}) as the exclusion {exclusion!r}, which cancels it; "
    "make the exclusion longer or remove one of them"
)


def _problem(taxonomy: Taxonomy, sector: Sector, text: str, problem: str) -> str:
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
