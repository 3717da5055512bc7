"""Terms that several typed words name together: a long form typed in full finds the
documents that use only its acronym, and a multi-word thesaurus term its group's others.

"zone de basses émissions" typed is also searched as LEZ, "service d'incendie et d'aide
médicale urgente" as SIAMU (and as "pompier"), "demandeurs d'emploi" as "chômeur". Each
content word of the run typed gets the term's expansions, their weight
(`expansions.ACRONYM_WEIGHT`, `SYNONYM_WEIGHT`) shared between the run's words: a document
using only the acronym holds every word of the long form, as one spelling it out does, and
ranks below it.

Long forms come from the corpus (`analyze.acronyms`, as the documents write them) and from
the thesaurus (`query.synonyms`). A typed word meets a term's word when they are the same
folded word or share a lemma ("basse" typed meets "basses", "centres" meets "centre"), so a
run is recognised in any inflection; a stopword must be the same word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from pqsearch.analyze.fold import surface_tokens
from pqsearch.analyze.lexicon import Lexicon
from pqsearch.query import nodes as st
from pqsearch.query.expansions import (
    ACRONYM_WEIGHT,
    MAX_LONG_FORMS,
    SYNONYM_WEIGHT,
    Expander,
    Expansion,
    thesaurus_terms,
)
from pqsearch.query.synonyms import Term, Thesaurus, thesaurus
from pqsearch.results import Synonym

# Terms are filed under their first word's first letters: inflection changes a word's end.
KEY_CHARS = 4


@dataclass(frozen=True)
class RunTerm:
    """A multi-word term (its folded surface words) and what names the same: a corpus
    acronym, or the other terms of its thesaurus group."""

    words: tuple[str, ...]
    acronym: str = ""
    others: tuple[Term, ...] = ()


@dataclass(frozen=True)
class Run:
    """Typed words `start` to `end` (excluded) name `term` together."""

    start: int
    end: int
    term: RunTerm


class RunFinder:
    """The multi-word terms of one index's acronyms and one thesaurus, found in typed words.
    Filing them costs no lexicon read (a cold search stays cold-start cheap); what a term
    expands to is worked out when a query first types it."""

    def __init__(
        self, lexicon: Lexicon, long_forms: dict[str, list[str]], thesaurus: Thesaurus
    ) -> None:
        self.lexicon = lexicon
        self.thesaurus = thesaurus
        self._terms: dict[str, list[RunTerm]] = {}
        self._expansions: dict[RunTerm, tuple[Expansion, ...]] = {}
        # Their labels are the documents' spellings: read again when the lexicon's counts were.
        self._changes = lexicon.changes
        for acronym, forms in long_forms.items():
            for long_form in forms[:MAX_LONG_FORMS]:
                self._file(RunTerm(tuple(long_form.split()), acronym=acronym))
        for group in thesaurus.groups:
            for term in group:
                others = tuple(o for o in group if o is not term)
                if len(term.words) > 1 and others:
                    self._file(RunTerm(term.words, others=others))

    def expansions(self, term: RunTerm) -> tuple[Expansion, ...]:
        """What typing `term` adds, each at its full weight."""
        if self._changes != self.lexicon.changes:
            self._changes = self.lexicon.changes
            self._expansions.clear()
        found = self._expansions.get(term)
        if found is None:
            if term.acronym:
                label = self.lexicon.display(term.acronym) or term.acronym.upper()
                found = (Expansion("word", term.acronym, ACRONYM_WEIGHT, "corpus acronym", label),)
            else:
                found = tuple(
                    Expansion(kind, text, SYNONYM_WEIGHT, other.origin, other.text)
                    for other in term.others
                    for kind, text in thesaurus_terms(self.lexicon, other.words)
                )
            self._expansions[term] = found
        return found

    def find(self, typed: Sequence[str]) -> list[Run]:
        """The runs of the folded `typed` words that name a term, the longest first at each
        place, none overlapping."""
        found: list[Run] = []
        start = 0
        while start < len(typed):
            best: Run | None = None
            for term in self._terms.get(typed[start][:KEY_CHARS], ()):
                end = start + len(term.words)
                longer = end <= len(typed) and (best is None or end > best.end)
                if longer and all(map(self._meets, typed[start:end], term.words)):
                    best = Run(start, end, term)
            if best is not None and any(
                not self.lexicon.is_stopword(w) for w in typed[best.start : best.end]
            ):
                found.append(best)
                start = best.end
            else:
                start += 1
        return found

    def _file(self, term: RunTerm) -> None:
        if len(term.words) > 1:
            self._terms.setdefault(term.words[0][:KEY_CHARS], []).append(term)

    def _meets(self, typed: str, written: str) -> bool:
        return typed == written or self.lexicon.share_lemma(typed, written)


class Runs:
    """The runs of typed words of one index (its expander's acronyms) and the current
    thesaurus (the finder is built again when the user's file changes)."""

    def __init__(self, expander: Expander) -> None:
        self.expander = expander
        self._finder: RunFinder | None = None

    def finder(self) -> RunFinder:
        current = thesaurus(self.expander.index.data_dir)
        if self._finder is None or self._finder.thesaurus is not current:
            lexicon = self.expander.lexicon
            self._finder = RunFinder(lexicon, self.expander.long_forms(), current)
        return self._finder

    def of_words(self, items: Sequence[st.Node]) -> dict[int, tuple[Expansion, ...]]:
        """id of each plain word among `items` (typed in this order) that a run holds ->
        the expansions the run adds to it. Anything but a word of the same field ends a
        run."""
        extra: dict[int, tuple[Expansion, ...]] = {}
        sequence: list[tuple[str, st.Word]] = []
        for item in [*items, None]:
            if isinstance(item, st.Word) and (not sequence or sequence[-1][1].field == item.field):
                sequence.extend((token, item) for token in surface_tokens(item.text))
                continue
            if len(sequence) > 1:
                for run in self.finder().find([token for token, _ in sequence]):
                    content = [
                        word
                        for token, word in sequence[run.start : run.end]
                        if not self.expander.lexicon.is_stopword(token)
                    ]
                    # The run's words share the term's weight: it counts as much as one
                    # word, as a long form searched for an acronym typed does (`term_query`).
                    shared = tuple(
                        replace(e, weight=e.weight / len(content))
                        for e in self.finder().expansions(run.term)
                    )
                    for word in content:
                        extra[id(word)] = extra.get(id(word), ()) + shared
            sequence = []
            if isinstance(item, st.Word):
                sequence.extend((token, item) for token in surface_tokens(item.text))
        return extra

    def describe(self, text: str) -> tuple[Synonym, ...]:
        """What the words of `text`, typed together, are also searched as."""
        found: dict[tuple[str, str], Synonym] = {}
        finder = self.finder()
        for run in finder.find(surface_tokens(text)):
            for e in finder.expansions(run.term):
                found.setdefault(
                    (e.label or e.text, e.source), Synonym(e.label or e.text, e.source, e.weight)
                )
        return tuple(found.values())
