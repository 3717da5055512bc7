"""Which economic sectors a question and its answer are about, and which they mention.

`SectorDetector` compiles a taxonomy's terms to lemma sequences once (at ingest), then reads
each document's parts (title, question, answer; see `segments.PartText`): at every word it
takes the longest term that starts there, so "construction durable" counts once and never
also as "construction". Phrases are compared on stems of lemmas (see `compare_key`), one-word terms
on their lemma. An occurrence does not count when one of its sector's exclusions
covers it ("construction européenne"), nor when its sense rule says the sentence gives the
word another meaning ("énergie" beside "rénovation"; `sector_context`). An occurrence inside
a name (a body of the gazetteer, or words written with capitals in mid-sentence) is only a
mention, and so is a sector named in a list (`sector_lists`). A question most of whose items ask
about the administration's own staff, money, contracts, tools or procedures is evidence of O
whatever its words (`administration`), so is a sentence of the title or the question on a
public body's staff, beside the other sectors' (`administration.body_staff`), and so is a
question with no topic whose most probable sector, asked about, is the administration
(`sector_lone`).

Two tiers come out:
- mentioned: every sector with evidence, names included (recall first);
- topic: the sectors whose prominence (title, share of the question's and the answer's
  sentences, see `prominence`) gives a topic probability of at least the threshold
  (precision first). This is the facet and `--sector`.

No spaCy here: the caller passes the lemmatizer's `lemmatize_terms` and the documents' lemmas.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from pqsearch.analyze.administration import (
    ADMINISTRATION,
    EVIDENCE,
    STAFF_EVIDENCE,
    STAFF_WORDS,
    body_staff,
    is_means,
    own_functioning,
)
from pqsearch.analyze.fold import surface_tokens
from pqsearch.analyze.prominence import (
    CALIBRATION,
    COEFFICIENTS,
    TOPIC_THRESHOLD,
    Prominence,
)
from pqsearch.analyze.sector_context import (
    SenseRule,
    framed_sentences,
    in_sense,
)
from pqsearch.analyze.sector_lists import drop_lists
from pqsearch.analyze.sector_lone import topic_probabilities
from pqsearch.analyze.sector_terms import (
    ARTICLE,
    CANCELLED,
    NO_CONTENT_WORD,
    Phrase,
    PhraseIndex,
    compare_key,
    matches_at,
    stem,
    term_problem,
    term_variants,
)
from pqsearch.analyze.segments import PartText, plain_part
from pqsearch.analyze.taxonomy import Sector, Taxonomy, load_taxonomy
from pqsearch.errors import TaxonomyError
from pqsearch.models import SectorEvidence, SectorMention

__all__ = [
    "PARTS",
    "THRESHOLD",
    "Sector",
    "SectorDetector",
    "SectorEvidence",
    "SectorMention",
    "Taxonomy",
    "load_taxonomy",
]

PARTS = ("title", "question", "answer")
THRESHOLD = TOPIC_THRESHOLD

# Why an occurrence is only a mention (the third item of an evidence key; "" when it counts).
NAME, FRAME = "name", "frame"

LemmatizeTerms = Callable[[Sequence[str]], list[tuple[str, ...]]]


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
        coefficients: tuple[float, ...] = COEFFICIENTS,
        calibration: tuple[tuple[float, float], ...] = CALIBRATION,
    ) -> None:
        self.taxonomy = taxonomy
        self.threshold = threshold
        self.coefficients = coefficients
        self.calibration = calibration
        self._labels = {sector.id: sector.label for sector in taxonomy.sectors}
        self._generic = {sector.id: frozenset(sector.generic) for sector in taxonomy.sectors}
        self._employer = {
            (sector.id, phrase) for sector in taxonomy.sectors for phrase in sector.employer
        }
        entries = [
            (sector, text, is_exclusion)
            for sector in taxonomy.sectors
            for texts, is_exclusion in (
                (sector.terms, False),
                (sector.employer, False),
                (sector.exclusions, True),
            )
            for text in texts
        ]
        sense_words = sorted(
            {
                word
                for sector in taxonomy.sectors
                for sense in sector.senses
                for word in (*sense.unless, *sense.needs)
            }
            | {frame for sector in taxonomy.sectors for frame in sector.frames}
        )
        texts = [text for _, text, _ in entries] + sense_words
        # One-word terms are only read after the article (see `term_variants`).
        phrases_only = [text for text in texts if len(surface_tokens(text)) > 1]
        lemmatized = lemmatize_terms([f"{ARTICLE} {text}" for text in texts] + phrases_only)
        after_article = lemmatized[: len(texts)]
        alone = dict(zip(phrases_only, lemmatized[len(texts) :], strict=True))
        sense_lemmas = {
            word: term_variants(word, alone.get(word), with_article)
            for word, with_article in zip(sense_words, after_article[len(entries) :], strict=True)
        }
        # (sector, term as written) -> (unless, needs) as lemma sequences.
        self._senses: dict[tuple[str, str], SenseRule] = {
            (sector.id, sense.term): tuple(
                frozenset(v for word in words for v in sense_lemmas[word])
                for words in (sense.unless, sense.needs)
            )
            for sector in taxonomy.sectors
            for sense in sector.senses
        }
        phrases: dict[tuple[str, ...], Phrase] = {}
        excluded_by: dict[tuple[str, tuple[str, ...]], str] = {}
        for (sector, text, is_exclusion), with_article in zip(
            entries, after_article[: len(entries)], strict=True
        ):
            variants = term_variants(text, alone.get(text), with_article)
            if not variants:
                raise TaxonomyError(term_problem(taxonomy, sector, text, NO_CONTENT_WORD))
            for lemmas in variants:
                lemmas = compare_key(lemmas)
                phrase = phrases.setdefault(lemmas, Phrase(lemmas))
                if is_exclusion:
                    phrase.excluded.add(sector.id)
                    excluded_by[(sector.id, lemmas)] = text
                else:
                    phrase.terms.setdefault(sector.id, text)
        for phrase in phrases.values():
            for sector_id in phrase.terms.keys() & phrase.excluded:
                exclusion = excluded_by[(sector_id, phrase.lemmas)]
                sector = next(s for s in taxonomy.sectors if s.id == sector_id)
                why = CANCELLED.format(exclusion=exclusion, lemmas=" ".join(phrase.lemmas))
                term = phrase.terms[sector_id]
                raise TaxonomyError(term_problem(taxonomy, sector, term, why))
        # Indexed by first lemma, longest first: a word costs one dict lookup, and the first
        # phrase that matches is the longest.
        self._terms = PhraseIndex(phrase for phrase in phrases.values() if phrase.terms)
        self._exclusions = PhraseIndex(phrase for phrase in phrases.values() if phrase.excluded)
        self._first_lemmas = self._terms.first | self._exclusions.first
        # Frame phrase (as lemmas) -> the sector whose frame it is.
        self._frames = {
            lemmas: sector.id
            for sector in taxonomy.sectors
            for frame in sector.frames
            for lemmas in sense_lemmas[frame]
        }

    def detect(self, parts: Mapping[str, Sequence[str] | PartText]) -> tuple[SectorMention, ...]:
        """The sectors a document is about (the topic tier), most probable first.

        `parts` maps "title", "question" and "answer" (any of them) to that part as
        `segments.read_part` gives it, or to its bare lemmas (then read without names, in
        windows of lemmas instead of sentences).
        """
        return tuple(m for m in self.score(parts) if m.topic)

    def score(self, parts: Mapping[str, Sequence[str] | PartText]) -> tuple[SectorMention, ...]:
        """Every sector mentioned (the mention tier), topics first, then by probability.

        A mention's `score` is the probability that the document is about the sector; it is 0
        for a sector whose only evidence is in names.
        """
        counts, prominences = self._evidence(parts)
        probabilities = topic_probabilities(
            prominences, self.coefficients, self.calibration, self.threshold
        )
        mentions = []
        order = {part: rank for rank, part in enumerate(PARTS)}
        for sector_id, found in counts.items():
            # Topic evidence first, then names; title, question, answer; most frequent first.
            evidence = tuple(
                SectorEvidence(term, part, count, in_name=bool(aside), in_frame=aside == FRAME)
                for (term, part, aside), count in sorted(
                    found.items(),
                    key=lambda item: (item[0][2], order[item[0][1]], -item[1], item[0][0]),
                )
            )
            probability = probabilities.get(sector_id, 0.0)
            prominence = prominences.get(sector_id)
            mentions.append(
                SectorMention(
                    sector=sector_id,
                    label=self._labels[sector_id],
                    score=round(probability, 4),
                    count=sum(e.count for e in evidence),
                    evidence=evidence,
                    topic=prominence is not None and probability >= self.threshold,
                )
            )
        return tuple(sorted(mentions, key=lambda m: (not m.topic, -m.score, -m.count, m.sector)))

    def prominence(self, parts: Mapping[str, Sequence[str] | PartText]) -> dict[str, Prominence]:
        """The prominence of every sector with evidence outside names (what the topic
        probability is computed from; benchmarks/sector_quality.py fits the model on it)."""
        return self._evidence(parts)[1]

    def _evidence(
        self, parts: Mapping[str, Sequence[str] | PartText]
    ) -> tuple[dict[str, dict[tuple[str, str, str], int]], dict[str, Prominence]]:
        """Occurrences by sector as {(term, part, why only a mention: "", NAME or FRAME):
        count}, and the prominence of each sector that has evidence outside names and frames."""
        read = {part: _as_part(text) for part, text in parts.items()}
        for part in read:
            if part not in PARTS:
                raise ValueError(f"unknown part {part!r}; the parts are {', '.join(PARTS)}")
        counts: defaultdict[str, dict[tuple[str, str, str], int]] = defaultdict(dict)
        sentences: defaultdict[str, defaultdict[str, set[int]]] = defaultdict(
            lambda: defaultdict(set)
        )
        # A title on a body's staff makes them the document's subject: the question's items
        # need not name the body again ("les accidents du travail des agents de
        # Bruxelles-Propreté", then "- le taux d'absence pour maladie du personnel ouvrier").
        # A title that names the body only ("Actiris et la remise à l'emploi") does not: there
        # the staff words are other people's (job seekers', firms', partner associations').
        title = read.get("title")
        # The sentences with another sector's evidence, bar the administration's own means
        # ("informatique" is J's word and its services' equipment): see `administration`.
        busy: defaultdict[str, set[int]] = defaultdict(set)
        staff_title = title is not None and bool(title.bodies) and self._on_staff(title)
        for part, text in read.items():
            framed = framed_sentences(text, self._frames)
            # Otherwise the body whose staff or board a sentence is about is named in it.
            with_body = {text.sentence[start] for start, _, _ in text.bodies}
            for sector_id, term, start, end in self._matches(text.lemmas):
                if not in_sense(self._senses.get((sector_id, term)), text, start):
                    continue
                if (
                    (sector_id, term) in self._employer
                    and not staff_title
                    and text.sentence[start] not in with_body
                ):
                    continue
                # A term the taxonomy writes as a name, a capital on any of its words ("Code
                # pénal", "Good Move", "pro Deo"), is that name: capitals do not make it a
                # mere mention; a body of the gazetteer does.
                if any(word[:1].isupper() for word in term.split()) and not term.isupper():
                    in_name = any(a < end and start < b for a, b, _ in text.bodies)
                else:
                    in_name = any(p in text.named for p in range(start, end))
                # In a sentence about another sector's frame ("congé de maladie" of civil
                # servants), a term is a mention: its word is used there, not its sector.
                in_frame = framed.get(text.sentence[start], sector_id) != sector_id
                aside = NAME if in_name else FRAME if in_frame else ""
                key = (term, part, aside)
                counts[sector_id][key] = counts[sector_id].get(key, 0) + 1
                if not aside:
                    sentences[sector_id][part].add(text.sentence[start])
                    if sector_id != ADMINISTRATION and not is_means(text.lemmas[start:end]):
                        busy[part].add(text.sentence[start])
            for _, _, body in text.bodies:
                if body.sector in self._labels:
                    key = (body.names[0], part, NAME)
                    counts[body.sector][key] = counts[body.sector].get(key, 0) + 1
        # A question most of whose items ask about the administration's own staff, money,
        # contracts, tools or procedures, and about no other sector, is about it (see
        # `administration`): those sentences are evidence of it.
        own = own_functioning(read, busy) if ADMINISTRATION in self._labels else {}
        # A sentence of the title or the question on a public body's staff is evidence of it
        # too, beside any other sector the question is about (see `body_staff`).
        staff = body_staff(read) if ADMINISTRATION in self._labels else {}
        for evidence, found in ((EVIDENCE, own), (STAFF_EVIDENCE, staff)):
            for part, numbers in found.items():
                sentences[ADMINISTRATION][part].update(numbers)
                key = (evidence, part, "")
                counts[ADMINISTRATION][key] = counts[ADMINISTRATION].get(key, 0) + len(numbers)
        drop_lists(read, sentences)
        # An answer with no evidence of any sector (none yet, sent to the member directly, a
        # referral, a matter for a colleague) says nothing of what the document is about: the
        # question then stands for it, instead of every sector looking like a passing mention.
        silent = not any(by_part.get("answer") for by_part in sentences.values())
        prominences = {}
        for sector_id, by_part in sentences.items():
            topical = {k: c for k, c in counts[sector_id].items() if not k[2]}
            # Only generic terms ("numérique" for a service put online): mentioned, no topic.
            if {term for term, _, _ in topical} <= self._generic[sector_id]:
                continue
            question_share = _share(by_part.get("question"), read.get("question"))
            prominences[sector_id] = Prominence(
                title=bool(by_part.get("title")),
                question_share=question_share,
                answer_share=(
                    question_share if silent else _share(by_part.get("answer"), read.get("answer"))
                ),
                count=sum(topical.values()),
                terms=len({term for term, _, _ in topical}),
            )
        strongest = max((p.strength for p in prominences.values()), default=0.0)
        if strongest > 0:
            prominences = {
                sector_id: replace(p, relative=p.strength / strongest)
                for sector_id, p in prominences.items()
            }
        return dict(counts), prominences

    def _on_staff(self, text: PartText) -> bool:
        """Whether `text` speaks of a staff: a staff word or an `employer` phrase in it."""
        if any(lemma in STAFF_WORDS for lemma in text.lemmas):
            return True
        return any(
            (sector_id, term) in self._employer
            for sector_id, term, _, _ in self._matches(text.lemmas)
        )

    def _matches(self, lemmas: Sequence[str]) -> list[tuple[str, str, int, int]]:
        """(sector id, term, start, end) for each term occurrence that no exclusion of its
        sector covers."""
        # Most words start no phrase: find the few that do in one pass, then look only there.
        first = self._first_lemmas
        stems = [stem(lemma) for lemma in lemmas]
        starts = [
            position
            for position, lemma in enumerate(lemmas)
            if lemma in first or stems[position] in first
        ]
        excluded = self._excluded_spans(lemmas, stems, starts)
        found: list[tuple[str, str, int, int]] = []
        stop = 0
        for position in starts:
            if position < stop:
                continue
            phrase = self._terms.longest(lemmas, stems, position)
            if phrase is None:
                continue
            stop = position + len(phrase.lemmas)
            for sector_id, term in phrase.terms.items():
                spans = excluded.get(sector_id)
                if spans and any(a <= position and stop <= b for a, b in spans):
                    continue
                found.append((sector_id, term, position, stop))
        return found

    def _excluded_spans(
        self, lemmas: Sequence[str], stems: Sequence[str], starts: list[int]
    ) -> dict[str, list[tuple[int, int]]]:
        spans: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for position in starts:
            for phrase in self._exclusions.candidates(lemmas, stems, position):
                if matches_at(phrase.lemmas, stems if len(phrase.lemmas) > 1 else lemmas, position):
                    for sector_id in phrase.excluded:
                        spans[sector_id].append((position, position + len(phrase.lemmas)))
        return spans


def _as_part(text: Sequence[str] | PartText) -> PartText:
    return text if isinstance(text, PartText) else plain_part(text)


def _share(found: set[int] | None, part: PartText | None) -> float:
    """The share of the part's sentences that hold evidence."""
    if not found or part is None:
        return 0.0
    return len(found) / part.sentences
