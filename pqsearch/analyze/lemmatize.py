"""French lemmas with spaCy: the only module of pqsearch that imports spaCy.

Text goes through spaCy with typographic apostrophes replaced (with "’" about 4% of tokens get
another POS and lemma), then every surface word of `fold.iter_words` receives the lemma of
the spaCy token that covers it, folded *after* lemmatizing (folding first breaks lemmas).
Words are the unit, not spaCy tokens, so that a document's lemmas, its surface words and the
words of a query all line up:

- A spaCy token that covers several words ("e-health", "23/02/2021", "peut-être") gives
  each word the matching piece of its lemma when the lemma splits into as many words, else
  each word keeps its own folded form.
- A word that spans several spaCy tokens ("quelqu'un", "presqu'île") keeps its folded form.
- A word is dropped when its folded form is in `stopwords()`, and also when its folded lemma
  is: "avez" (avoir) and "sommes" (être) carry nothing a search can use. The latter are
  listed in `Analysis.stopped` so that the lexicon drops them from queries as well.
- Numbers are kept: staff search for "2021" or a question number such as "369".
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, islice
from typing import TYPE_CHECKING

from pqsearch.analyze.fold import ELISIONS, fold, iter_words, normalize_apostrophes

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "fr_core_news_sm"

# Lemmas need only tok2vec, morphologizer, attribute_ruler and lemmatizer: with parser and ner
# the lemmas and POS of 44,476 corpus tokens were identical, at about 2.5 times the cost.
_DISABLED = ("parser", "ner")

# spaCy's list holds words that carry the topic of a parliamentary question ("personnes
# handicapées", "Pays-Bas", "premier ministre"): keep them searchable.
_CONTENT_WORDS = frozenset(
    {
        "bas",
        "cent",
        "different",
        "differente",
        "differentes",
        "differents",
        "directe",
        "effet",
        "gens",
        "juste",
        "mille",
        "nouveau",
        "ouvert",
        "ouverte",
        "ouverts",
        "personne",
        "possible",
        "possibles",
        "prealable",
        "premier",
        "premiere",
        "proche",
        "relative",
        "retour",
        "semblable",
        "specifique",
        "specifiques",
        "stop",
        "suffisant",
        "suffisante",
    }
)

# spaCy's memory grows with the characters in one batch (measured on a 1-million-character
# text: peak 3.1 GB with 100,000-character pieces, 0.67 GB with 2,000, at the same speed, and
# 0.69 GB for 3 million characters), so texts go in as paragraph-sized pieces, cut at line
# breaks or full stops, and come out as one `Analysis` in order.
MAX_CHUNK_CHARS = 2_000


@cache
def stopwords() -> frozenset[str]:
    """The folded French stopwords: spaCy's list without a few content words, plus the bare
    elision stems ("l", "qu", "jusqu") that a stray apostrophe can leave as a word."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    folded = {fold(word) for word in STOP_WORDS}
    return frozenset((folded - _CONTENT_WORDS) | ELISIONS)


@dataclass(frozen=True)
class Analysis:
    """What lemmatizing one text gives.

    `lemmas`: folded lemmas of the content words, in text order (one per word).
    `forms`: folded surface form of each content word -> the folded lemmas it received in
    this text (stopwords are absent: their forms map to nothing anywhere).
    `spellings`: folded form -> original spelling (NFC, straight apostrophes, case kept) ->
    occurrences, for the lexicon's did-you-mean display.
    `words`: the number of surface words, stopwords included (for words/s figures).
    `stopped`: folded forms dropped here only because their lemma is a stopword ("avez",
    "restants"), so that the lexicon can drop them from queries too.
    """

    lemmas: tuple[str, ...]
    forms: Mapping[str, frozenset[str]]
    spellings: Mapping[str, Mapping[str, int]]
    words: int
    stopped: frozenset[str] = frozenset()


class Lemmatizer:
    """Streams texts through spaCy once the model is loaded on first use.

    `n_process` > 1 uses that many of spaCy's worker processes (see
    benchmarks/lemmatize_throughput.py for when it pays).
    """

    def __init__(
        self,
        *,
        model: str = DEFAULT_MODEL,
        batch_size: int = 16,
        n_process: int = 1,
        max_chunk_chars: int = MAX_CHUNK_CHARS,
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process
        self.max_chunk_chars = max_chunk_chars
        self._loaded: Language | None = None
        self._term_lemmas: dict[str, tuple[str, ...]] = {}

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded once, without parser and ner."""
        if self._loaded is None:
            import spacy

            nlp = spacy.load(self.model, disable=list(_DISABLED))
            # The tok2vec tensor is of no use once tokens have lemmas; dropping it spares the
            # worker processes from serializing it back to the main process.
            nlp.add_pipe("doc_cleaner")
            self._loaded = nlp
        return self._loaded

    def analyze(self, texts: Iterable[str], *, n_process: int | None = None) -> Iterator[Analysis]:
        """Analyse `texts` lazily, one `Analysis` per text, in input order.

        `n_process` overrides the lemmatizer's; extra processes start only when the call has
        at least one batch of text pieces for each (a worker costs about 0.1 s to start).
        """
        wanted = self.n_process if n_process is None else n_process
        stops = stopwords()
        nlp = self.nlp
        nlp.max_length = max(nlp.max_length, self.max_chunk_chars)
        # Plain strings, not spaCy's `as_tuples`: with tuples the main process tokenizes every
        # text and ships it to the workers as a serialized Doc.
        last_piece: deque[bool] = deque()

        def pieces() -> Iterator[str]:
            for piece, is_last in _chunks(texts, self.max_chunk_chars):
                last_piece.append(is_last)
                yield piece

        stream: Iterator[str] = pieces()
        processes = 1
        if wanted > 1:
            head = list(islice(stream, wanted * self.batch_size))
            processes = max(1, min(wanted, len(head) // self.batch_size))
            stream = chain(head, stream)
        builder = _Builder(stops)
        for doc in nlp.pipe(stream, batch_size=self.batch_size, n_process=processes):
            builder.add(doc)
            if last_piece.popleft():
                yield builder.build()
                builder = _Builder(stops)

    def lemmatize_terms(self, terms: Sequence[str]) -> list[tuple[str, ...]]:
        """The folded content-lemma sequence of each short term ("soins de santé" ->
        ("soin", "sante")), with the same rules as `Analysis.lemmas`.

        Each term is lemmatized once by this lemmatizer: every ingest builds its sector
        detector from the taxonomy's thousands of terms, which cost seconds each time."""
        new = [term for term in dict.fromkeys(terms) if term not in self._term_lemmas]
        for term, analysis in zip(new, self.analyze(new, n_process=1), strict=True):
            self._term_lemmas[term] = analysis.lemmas
        return [self._term_lemmas[term] for term in terms]


def _chunks(texts: Iterable[str], max_chars: int) -> Iterator[tuple[str, bool]]:
    """(piece, is the last piece of its text); at least one piece per text, so that an empty
    text still gives an `Analysis`."""
    for text in texts:
        pieces = _split(normalize_apostrophes(text), max_chars)
        for index, piece in enumerate(pieces):
            yield piece, index == len(pieces) - 1


def _split(text: str, max_chars: int) -> list[str]:
    """`text` in pieces of at most `max_chars`, cut after the last line break, else after the
    last full stop, else at the last space (a word is cut only when there is none)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        cut = text.rfind("\n", start, limit) + 1
        if cut <= start + 1:
            cut = text.rfind(". ", start, limit) + 2
        if cut <= start + 2:
            cut = text.rfind(" ", start, limit) + 1
        if cut <= start + 1:
            cut = limit
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


class _Builder:
    """Gathers the words of one text piece by piece, so that no Doc outlives its piece."""

    def __init__(self, stops: frozenset[str]) -> None:
        self.stops = stops
        self.lemmas: list[str] = []
        self.forms: defaultdict[str, set[str]] = defaultdict(set)
        self.spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self.stopped: set[str] = set()
        self.words = 0

    def add(self, doc: Doc) -> None:
        for word, key, lemma in _word_lemmas(doc):
            self.words += 1
            if not key or key in self.stops:
                continue
            if lemma in self.stops:
                self.stopped.add(key)
                continue
            self.lemmas.append(lemma)
            self.forms[key].add(lemma)
            self.spellings[key][word] += 1

    def build(self) -> Analysis:
        return Analysis(
            lemmas=tuple(self.lemmas),
            forms={key: frozenset(found) for key, found in self.forms.items()},
            spellings={key: dict(counts) for key, counts in self.spellings.items()},
            words=self.words,
            stopped=frozenset(self.stopped),
        )


def _word_lemmas(doc: Doc) -> Iterator[tuple[str, str, str]]:
    """(original word, folded word, folded lemma) for every surface word of the doc's text."""
    from spacy.attrs import IDX, LEMMA, LENGTH

    words = list(iter_words(doc.text))
    # One array instead of a Token object per token: a tenth of the analysis time.
    tokens: list[list[int]] = doc.to_array([IDX, LENGTH, LEMMA]).tolist()
    # For each word, the spaCy tokens overlapping it; for each token, the words it overlaps.
    covering: list[list[int]] = [[] for _ in words]
    covered: list[list[int]] = [[] for _ in tokens]
    first = 0
    for w, (_, start, end) in enumerate(words):
        while first < len(tokens) and tokens[first][0] + tokens[first][1] <= start:
            first += 1
        t = first
        while t < len(tokens) and tokens[t][0] < end:
            covering[w].append(t)
            covered[t].append(w)
            t += 1
    strings = doc.vocab.strings
    for w, (word, _, _) in enumerate(words):
        key = fold(word)
        lemma = key
        if len(covering[w]) == 1:
            t = covering[w][0]
            pieces = [fold(piece) for piece, _, _ in iter_words(strings[tokens[t][2]])]
            if len(pieces) == len(covered[t]):
                lemma = pieces[covered[t].index(w)]
        yield unicodedata.normalize("NFC", word), key, lemma or key
