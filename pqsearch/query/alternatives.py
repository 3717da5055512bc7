"""The weighted alternatives a typed word is searched as: its lemmas, their family, its form.

A typed word stands for weighted alternatives (`Alternative`): the lemmas the corpus gave its
folded form, weighed by their share of its uses; the lemmas of the same derivation stem (the
stem level); the form itself; then synonyms, acronyms, the Dutch stem and a spelling
correction from the expander (`expansions.py`). `Compiler.alternatives` delegates here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from pqsearch.analyze.lexicon import Lexicon
from pqsearch.analyze.stems import derivation_stem
from pqsearch.query.expansions import Expander, Expansion, Spelling
from pqsearch.results import MatchedTerm, MatchSource, SynonymSource

# A word of the typed word's family (same derivation stem: financement for financer) counts
# this much of the typed word's own lemma. On the dev split of
# tests/data/retrieval_queries.toml (benchmarks/retrieval_quality.py) inflection nDCG@10 was
# 0.875 without stems, 0.946 from 0.1 to 0.4, 0.974 from 0.5 up; at 1.0 a family word would
# rank like the exact one, which the issue rules out: 0.5 is the highest weight that keeps a
# family match at half an exact one.
W_STEM = 0.5
# What another reading of a typed dictionary word counts, times its share of the word's uses.
OTHER_READING = 0.5
# A family this large is a stem that joins unrelated words: it expands to nothing.
MAX_STEM_FAMILY = 12
# A reading of a word counts as its lemma when it weighs this much: an excluded word excludes
# it (`excludes_documents`), a lemmatized phrase word takes its forms (`Compiler._inflections`).
MAIN_READING = 0.5


# Where an expansion came from (`expansions.py`) -> what `--explain` calls the match.
_SOURCES: dict[SynonymSource, MatchSource] = {
    "thesaurus": "synonym",
    "user file": "synonym",
    "corpus acronym": "synonym",
    "dutch": "dutch",
    "correction": "correction",
}


@dataclass(frozen=True)
class Alternative:
    """One term a typed word may be found as, and how much a match on it counts (1.0 for
    the word's own lemma and form; an ambiguous form's lemmas by their share; less for a
    looser match). `source` says why it is there (`--explain`)."""

    kind: Literal["lemma", "word", "dutch"]
    # Several space-separated words for a multi-word synonym: a "lemma" one needs all of
    # them, a "word" one is a phrase.
    text: str
    weight: float = 1.0
    source: MatchSource | None = None

    def explained(self) -> MatchedTerm:
        source = self.source or ("form" if self.kind == "word" else "lemma")
        return MatchedTerm(source, self.text, round(self.weight, 3))


class WordAlternatives:
    """The alternatives of typed words, from one lexicon and one expander."""

    def __init__(self, lexicon: Lexicon, expander: Expander) -> None:
        self.lexicon = lexicon
        self.expander = expander

    def of(self, form: str, spelling: Spelling) -> list[Alternative]:
        """The terms a typed word (folded surface form, not a stopword) is searched as: its
        lemmas weighed by how often the corpus gave each to this form, the lemmas of their
        families (stem level), and the form itself; then the expander's (a correction made
        is recorded in the query's `spelling`)."""
        lemmas = self.lemmas(form)
        # A form neither the corpus nor the dictionary knows stands for itself only
        # ("diplomatez"): its stem would turn a typo into a family match and hide the
        # did-you-mean. Real words have families ("recharger", unseen: "recharge").
        real = form in self.lexicon.lemma_shares(form) or self.lexicon.in_dictionary(form)
        known = [a for a in lemmas if a.text != form or real]
        own = [*lemmas, *self._stems(known), self._form(form)]
        # Synonyms, acronyms, the Dutch stem and a spelling correction (`expansions.py`).
        more = self.expander.more(form, [(a.kind, a.text) for a in own], spelling)
        fixed = spelling.corrections.get(form)
        if fixed is not None and any(e.source == "correction" for e in more):
            # A word that matches nothing is searched as its correction typed (its lemmas,
            # family and synonyms), so the hits are those of the corrected query they are
            # shown as, not of the correction's bare lemmas.
            more = [e for e in more if e.source != "correction"]
            return [*own, *self.expanded(more), *self._corrected(fixed, spelling)]
        return [*own, *self.expanded(more)]

    def _corrected(self, fixed: str, spelling: Spelling) -> list[Alternative]:
        """The alternatives of the correction `fixed` (an indexed form), its own lemmas and
        form marked as the correction (`--explain`)."""
        return [
            a if a.source else replace(a, source="correction") for a in self.of(fixed, spelling)
        ]

    def expanded(self, more: Iterable[Expansion]) -> list[Alternative]:
        """The expander's terms as alternatives (their source as `--explain` names it)."""
        return [Alternative(e.kind, e.text, e.weight, _SOURCES[e.source]) for e in more]

    def lemmas(self, form: str) -> list[Alternative]:
        """The lemmas of a typed form, weighed by their share of its uses."""
        # An ambiguous form's lemmas count by their share of its content uses, relative to
        # the commonest. When the form is itself one of its lemmas ("permis": the noun, and
        # a participle of "permettre"), a word typed alone is most often meant as that
        # dictionary word: it counts fully, each other reading its share times
        # OTHER_READING, so the verb's hundreds of "permet" do not flood the noun.
        shares = {k: v for k, v in self.lexicon.lemma_shares(form).items() if k}
        top = max(shares.values(), default=0.0)
        alternatives = []
        for lemma in sorted(self.lexicon.expand(form)):
            if lemma not in shares or not top:
                weight = 1.0
            elif form in shares and len(shares) > 1:
                weight = 1.0 if lemma == form else shares[lemma] * OTHER_READING
            else:
                weight = shares[lemma] / top
            alternatives.append(Alternative("lemma", lemma, weight))
        return alternatives

    def _stems(self, lemmas: list[Alternative]) -> list[Alternative]:
        own = {a.text for a in lemmas}
        family: dict[str, float] = {}
        for lemma in lemmas:
            stem = derivation_stem(lemma.text)
            members = self.lexicon.stem_lemmas(stem) if stem else frozenset()
            if len(members) > MAX_STEM_FAMILY:
                continue
            for other in members - own:
                family[other] = max(family.get(other, 0.0), W_STEM * lemma.weight)
        return [Alternative("lemma", t, w, "stem") for t, w in sorted(family.items())]

    def _form(self, form: str) -> Alternative:
        # "été" is nearly always "a été": the surface form counts by the share of its uses
        # that were content words (its summer sense is found by the lemma "ete"). Between
        # content senses the form keeps its full weight: the lemmatizer tells them apart
        # badly ("permis d'urbanisme" was often given "permettre").
        stopped = self.lexicon.lemma_shares(form).get("", 0.0)
        return Alternative("word", form, 1.0 - stopped)


def excludes_documents(alternative: Alternative) -> bool:
    """Whether an excluded word excludes the documents holding `alternative`: its own form,
    its main lemmas, its Dutch stem and its correction do; its family, synonyms, acronyms and
    minor readings, which only rank a word searched for, would exclude documents that never
    hold the word ("-chantiers" is not "-travail", "-permis" not "-permettre")."""
    if alternative.kind == "word" and alternative.source is None:
        return True
    return alternative.source in (None, "dutch", "correction") and (
        alternative.weight >= MAIN_READING
    )
