"""What a typed word is searched as beyond its own lemmas and form: its Dutch stem, its
synonyms and acronyms, and, when it matches nothing, its spelling correction.

`Compiler.alternatives` asks `Expander.more` for these; each comes with a weight relative
to the typed word (1.0) and where it came from (what `pqsearch synonyms WORD` shows):

- Dutch: the word's Dutch stem in the Dutch fields (`analyze.dutch`), at 1.0: a Dutch word
  typed is the user's own word.
- Thesaurus and user file (`query.synonyms`): `SYNONYM_WEIGHT`. An equivalent term is
  what the user may mean, not what they typed: a document using the typed word ranks first.
- Corpus acronyms (`analyze.acronyms`): `ACRONYM_WEIGHT`, the long form as a phrase of
  surface words; an acronym and the long form the documents give it are the same name.
- Correction (`query.correct`): a word with no match in any field is searched as the
  nearest indexed form at 1.0 (the search runs on the correction, and says so); a word the
  dictionary knows only as another inflection of itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pqsearch.analyze import acronyms
from pqsearch.analyze.dutch import dutch_stem, dutch_stopwords
from pqsearch.analyze.fold import fold
from pqsearch.analyze.lexicon import Lexicon
from pqsearch.index.reader import IndexReader
from pqsearch.index.schema import DUTCH_FIELDS, LEMMA_FIELDS, PART_BOOSTS, WORD_FIELDS
from pqsearch.query import correct
from pqsearch.query import tree as qt
from pqsearch.query.synonyms import thesaurus
from pqsearch.results import Synonym, SynonymSource

# A thesaurus synonym counts 0.3 of the typed word. On the dev queries every weight from 0.2
# to 0.8 finds the synonym queries' documents equally well, but from 0.5 a synonym met often
# ("vehicule" for "voitures") outranks documents holding the typed words' own family
# (inflection queries, with the stem level at 0.5): 0.3 is the weight that keeps both.
SYNONYM_WEIGHT = 0.3
ACRONYM_WEIGHT = 0.7
# Long forms kept per acronym (the ones most documents give).
MAX_LONG_FORMS = 2

ExpansionKind = Literal["lemma", "word", "dutch"]
# Where an expansion came from: the thesaurus' origins (`query.synonyms.Origin`) and these.
Source = SynonymSource
FIELDS = {"lemma": LEMMA_FIELDS, "word": WORD_FIELDS, "dutch": DUTCH_FIELDS}


@dataclass(frozen=True)
class Expansion:
    """One more term for a typed word. `text` holds several space-separated words for a
    multi-word term: a "lemma" one needs all its lemmas, a "word" one is a phrase."""

    kind: ExpansionKind
    text: str
    weight: float
    source: Source
    # The term as written (thesaurus, long form, correction), for display.
    label: str = ""


def term_query(field_name: str, kind: str, text: str, boost: float) -> qt.Query:
    """A term in one field; a multi-word one ("demandeur emploi") needs all its lemmas, or
    is a phrase of surface words, and counts as much as one word."""
    words = tuple(text.split())
    if len(words) == 1:
        return qt.Term(field_name, words[0], boost=boost)
    if kind == "word":
        return qt.Phrase(field_name, words, boost=boost / len(words))
    return qt.And(tuple(qt.Term(field_name, w) for w in words), boost=boost / len(words))


def thesaurus_terms(lexicon: Lexicon, words: Sequence[str]) -> list[tuple[ExpansionKind, str]]:
    """What a thesaurus term of the folded `words` is searched as (kind, text), or nothing.

    A term is written as a dictionary entry: it is searched as itself, never as another
    word's lemma. A one-word term is its own lemma where the corpus has that lemma, and its
    own form where the corpus read that form as another word ("travaux" is read as
    "travail", labour; "élève" as "élever"; "taxe" as "taxer"). A multi-word term needs all
    its content words' lemmas ("demandeur emploi"), a word written inflected ("zone de
    basses émissions") searched as the lemma the corpus gave it most often; nothing when
    that would leave one word of several ("sans-emploi" is not "emploi").
    """
    content = [w for w in words if not lexicon.is_stopword(w)]
    if len(words) > 1 and len(content) < 2:
        return []
    if len(content) > 1:
        return [("lemma", " ".join(_own_lemma(lexicon, w) for w in content))]
    word = content[0] if content else " ".join(words)
    readings = {lemma for lemma in lexicon.lemma_shares(word) if lemma}
    found: list[tuple[ExpansionKind, str]] = []
    if word in readings or lexicon.forms_of(word) or not readings:
        found.append(("lemma", word))
    if readings - {word}:
        found.append(("word", word))
    return found


def _own_lemma(lexicon: Lexicon, word: str) -> str:
    """`word` itself where the corpus has it as a lemma, else (a word written inflected)
    the lemma the corpus gave it most often, else its dictionary lemma."""
    shares = {lemma: share for lemma, share in lexicon.lemma_shares(word).items() if lemma}
    if word in shares or lexicon.forms_of(word):
        return word
    if shares:
        return max(sorted(shares), key=lambda lemma: shares[lemma])
    others = sorted(lexicon.expand(word) - {word})
    return others[0] if len(others) == 1 else word


@dataclass
class Spelling:
    """One query's spelling corrections: whether to make them, and those made (typed folded
    form -> the indexed form searched instead). Made afresh for each compile and passed
    down: the compiler and its expander are shared by the threads searching one
    generation, so they hold nothing of one query (two queries compiled at once searched a
    typo uncorrected, or reported each other's corrections)."""

    correct: bool = False
    corrections: dict[str, str] = field(default_factory=dict)


class Expander:
    """Expansions of typed words against one open index. Shared by threads: it keeps
    nothing of a query (`Spelling` holds that)."""

    def __init__(self, index: IndexReader) -> None:
        self.index = index
        self.lexicon = index.lexicon
        self._long_forms: dict[str, list[str]] | None = None

    def more(
        self, form: str, own: Iterable[tuple[str, str]], spelling: Spelling
    ) -> list[Expansion]:
        """The expansions of the folded `form`, whose own terms are `own` (kind, text); a
        correction when `spelling.correct`, recorded in `spelling.corrections`."""
        found: list[Expansion] = []
        stem = dutch_stem(form)
        if stem and self._in_any(FIELDS["dutch"].values(), stem):
            found.append(Expansion("dutch", stem, 1.0, "dutch", stem))
        own = list(own)
        keys = {text for kind, text in own if kind == "lemma"} | {form}
        found.extend(self.synonyms(keys))
        # A word the thesaurus knows, or a Dutch stopword ("voor", "het"), is no typo.
        if (
            spelling.correct
            and not found
            and form not in dutch_stopwords()
            and not self._matches(own)
        ):
            fixed = self.correction(form)
            if fixed is not None and self._may_become(form, fixed):
                spelling.corrections[form] = fixed
                found.extend(self._own_terms(fixed))
        return found

    def describe(self, word: str) -> tuple[Synonym, ...]:
        """What the typed `word` is searched as beyond its own lemmas and form."""
        form = fold(word)
        own = [("lemma", lemma) for lemma in sorted(self.lexicon.expand(form))] + [("word", form)]
        found = self.more(form, own, Spelling(correct=True))
        shown = {
            (e.label or e.text, e.source): e.weight
            for e in found
            if e.source != "correction" or e.kind == "word"
        }
        return tuple(Synonym(term, source, weight) for (term, source), weight in shown.items())

    def synonyms(self, keys: set[str]) -> list[Expansion]:
        """Thesaurus, user-file and corpus-acronym expansions of a word's form and lemmas."""
        found: list[Expansion] = []
        for term in thesaurus(self.index.data_dir).equivalents(keys):
            for kind, text in thesaurus_terms(self.lexicon, term.words):
                found.append(Expansion(kind, text, SYNONYM_WEIGHT, term.origin, term.text))
        long_forms = self.long_forms()
        for key in sorted(keys):
            for long_form in long_forms.get(key, [])[:MAX_LONG_FORMS]:
                # Shown with the documents' own spelling ("agence fédérale ...").
                label = " ".join(self.lexicon.display(w) or w for w in long_form.split())
                found.append(Expansion("word", long_form, ACRONYM_WEIGHT, "corpus acronym", label))
        return found

    def correction(self, form: str) -> str | None:
        """The nearest indexed form to `form`, or None."""
        if not correct.max_edits(form):
            return None
        candidates = correct.vocabulary(self.index).near(form)
        return candidates[0].form if candidates else None

    def suggestions(self, form: str) -> list[str]:
        """Plausible corrections of `form`, the likeliest first (for did-you-mean)."""
        if not correct.max_edits(form):
            return []
        near = correct.vocabulary(self.index).near(form)
        return [c.form for c in near if self._may_become(form, c.form)]

    def long_forms(self) -> dict[str, list[str]]:
        if self._long_forms is None:
            self._long_forms = acronyms.long_forms(self.lexicon)
        return self._long_forms

    def _own_terms(self, form: str) -> list[Expansion]:
        lemmas = [
            Expansion("lemma", lemma, 1.0, "correction", form)
            for lemma in sorted(self.lexicon.expand(form))
        ]
        return [*lemmas, Expansion("word", form, 1.0, "correction", form)]

    def _may_become(self, form: str, fixed: str) -> bool:
        """Whether `form` may be searched as `fixed`: a word the dictionary knows is no typo
        of another word ("meurtres" is not "mètres": in a query of synonyms the corpus lacks,
        that correction searched the wrong word at full weight), only of its own inflection
        ("arrets": "arret")."""
        if not self.lexicon.in_dictionary(form):
            return True
        return self.lexicon.share_lemma(form, fixed)

    def _matches(self, own: Sequence[tuple[str, str]]) -> bool:
        return any(
            self._in_any(FIELDS[kind].values(), text) for kind, text in own if kind in FIELDS
        )

    def _in_any(self, fields: Iterable[str], text: str) -> bool:
        return any(self.index.doc_frequency(field, text) > 0 for field in fields)


def quoted_in_dutch(tokens: Sequence[str], parts: Sequence[str]) -> tuple[qt.Query, ...]:
    """Quoted words in the Dutch text of `parts` (a Dutch title, a Dutch document), which the
    index keeps as stems without positions: every word's stem in the same part, in any
    order; nothing for Dutch stopwords alone."""
    stems = tuple(dict.fromkeys(stem for token in tokens if (stem := dutch_stem(token))))
    if not stems:
        return ()
    return tuple(
        qt.balanced_and([qt.Term(DUTCH_FIELDS[p], stem) for stem in stems], boost=PART_BOOSTS[p])
        for p in parts
    )
