"""From the user's syntax tree and filters to our query tree (`tree.py`), without spaCy.

A word becomes every lemma the corpus gave its folded form (from the lexicon, with a
context-free fallback for unseen forms) in the lemma fields, or the folded form itself in the
surface-word fields, so an exact form always meets itself. A quoted phrase matches the
surface words in order. Plain words are combined so that documents holding all of them rank
first while documents lacking one are still found. Metadata values are resolved against the
values the index really holds, case- and accent-insensitively.

A typed word stands for weighted alternatives (`Alternative`: its lemmas, its own form), each
searched in every text part it may appear in with the part's boost times its weight; a stem
level, synonyms or spelling corrections are more alternatives (`Compiler.alternatives`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pqsearch.analyze.answers import ANSWER_TYPE_LABELS
from pqsearch.analyze.fold import fold, surface_tokens
from pqsearch.analyze.stems import derivation_stem
from pqsearch.errors import QuerySyntaxError, UnknownValueError
from pqsearch.index.reader import IndexReader
from pqsearch.index.schema import (
    DUTCH_FIELDS,
    LEMMA_FIELDS,
    PART_BOOSTS,
    TEXT_PARTS,
    WORD_FIELDS,
    date_to_int,
)
from pqsearch.models import (
    KIND_LABELS,
    MatchedTerm,
    MatchSource,
    SynonymSource,
    WordExplanation,
)
from pqsearch.query import syntax as st
from pqsearch.query import tree as qt
from pqsearch.query.expansions import Expander, term_query
from pqsearch.query.fields import check_status, field_spec

# A document holding every typed word outranks one that lacks some: its "all words" part
# is boosted far above what the words score one by one.
ALL_WORDS_BOOST = 25.0
# `a*` over a large vocabulary would build a query of every word starting with "a".
MAX_PREFIX_TERMS = 2_000
AND_FAN_OUT = 16
# Question numbers are indexed as 32-bit integers; no parliament numbers past millions.
MAX_NUMBER_DIGITS = 9

# A document whose id or question number is the typed number scores this much: more than any
# document can score on words, so it comes first.
NUMBER_BOOST = 1_000.0
# The whole query is a number, perhaps after "n°", "no", "numéro" ("n°369", "N° 369").
_TYPED_NUMBER = re.compile(
    rf"^(?:n\s*[°º]|no\.?|n\.|num[eé]ro)?\s*(\d{{1,{MAX_NUMBER_DIGITS}}})$", re.IGNORECASE
)
_SEASON = re.compile(r"^(?:19|20)(\d\d)\s*[-/]\s*(?:19|20)(\d\d)$")
# A legislature or session as the index writes it: a well-formed one with no document yet
# matches nothing instead of being an unknown value.
_PERIOD = re.compile(r"^\d\d/\d\d$")
# Fields whose every valid value is known in advance, with the labels that also name them.
CLOSED_VALUES: dict[str, dict[str, str]] = {
    "answer_type": ANSWER_TYPE_LABELS,
    "kind": {kind: labels["fr"] for kind, labels in KIND_LABELS.items()},
    "language": {"fr": "français", "nl": "néerlandais nederlands"},
}


# The index fields, per text part, that each kind of alternative is searched in.
FIELDS_OF_KIND = {"lemma": LEMMA_FIELDS, "word": WORD_FIELDS, "dutch": DUTCH_FIELDS}


# A word of the typed word's family (same derivation stem: financement for financer) counts
# this much of the typed word's own lemma. On the dev split of
# tests/data/retrieval_queries.toml (benchmarks/retrieval_quality.py) inflection nDCG@10 was
# 0.875 without stems, 0.946 from 0.1 to 0.4, 0.974 from 0.5 up; at 1.0 a family word would
# rank like the exact one, which the issue rules out: 0.5 is the highest weight that keeps a
# family match at half an exact one.
W_STEM = 0.5
# What another reading of a typed dictionary word counts, times its share of the word's uses.
OTHER_READING = 0.5
# A reading of a phrase word counts as its lemma when it weighs this much (`_inflections`).
MAIN_READING = 0.5
# At most this many forms of one lemma per phrase word (a verb has dozens).
MAX_PHRASE_FORMS = 64
# A family this large is a stem that joins unrelated words: it expands to nothing.
MAX_STEM_FAMILY = 12


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


@dataclass
class Compiled:
    """A query tree and what the rest of the search needs to know about it."""

    query: qt.Query | None
    # Folded forms and lemmas to highlight in the original text.
    forms: set[str] = field(default_factory=set)
    lemmas: set[str] = field(default_factory=set)
    # Words whose own query is worth checking for a did-you-mean: (typed word, its query).
    words: list[tuple[str, qt.Query]] = field(default_factory=list)
    # Per typed text-part restriction (for snippets): which parts words were searched in.
    has_text: bool = False
    # Typed word (folded) -> the indexed form searched instead (it matched nothing).
    corrections: dict[str, str] = field(default_factory=dict)
    # What each typed word was searched as, in the order typed (`--explain`).
    explanation: list[WordExplanation] = field(default_factory=list)


class Compiler:
    """Compiles syntax trees against one open index."""

    def __init__(
        self, index: IndexReader, *, sector_resolver: Callable[[str], str] | None = None
    ) -> None:
        self.index = index
        self.lexicon = index.lexicon
        self._sector_resolver = sector_resolver
        self.expander = Expander(index)

    # --- public -----------------------------------------------------------------------

    def compile(self, tree: st.Node | None, *, correct: bool = False) -> Compiled:
        """`correct`: search a word that matches nothing as its spelling correction."""
        compiled = Compiled(query=None)
        self.expander.begin(correct=correct)
        if tree is not None:
            compiled.query = self._node(tree, compiled)
            number = _typed_number(tree)
            if number is not None:
                compiled.query = self._number(number, compiled)
            elif isinstance(tree, st.Word) and tree.field is None:
                # One word may be a document id ("CHAMBRE-55-b113-1184-..."): that one first.
                by_id = qt.Term("id", tree.text.strip(), boost=NUMBER_BOOST)
                found = compiled.query
                items = found.items if isinstance(found, qt.Or) else (found or qt.Nothing(),)
                compiled.query = qt.Or((*items, by_id))
        compiled.corrections = dict(self.expander.corrections)
        return compiled

    def _number(self, digits: str, out: Compiled) -> qt.Query:
        """A query that is only a question number or a document id ("369", "n° 369",
        "170155"): the document with that id or number first, then the digits as a word."""
        words = self._word(digits, TEXT_PARTS, out)
        return qt.Or(
            (
                words or qt.Nothing(),
                qt.Term("id", digits, boost=NUMBER_BOOST),
                qt.Range("number", int(digits), int(digits), boost=NUMBER_BOOST),
            )
        )

    def values_query(self, field_name: str, typed_values: Sequence[str]) -> qt.Query:
        """A filter: any of `typed_values` of a metadata field (each resolved, or an error)."""
        terms: list[qt.Query] = []
        for typed in typed_values:
            terms.extend(self._field_value(field_name, typed))
        return qt.any_of(terms)

    def date_query(self, date_field: str, start: dt.date | None, end: dt.date | None) -> qt.Query:
        return qt.Range(date_field, date_to_int(start), date_to_int(end))

    def alternatives(self, form: str) -> list[Alternative]:
        """The terms a typed word (folded surface form, not a stopword) is searched as: its
        lemmas weighed by how often the corpus gave each to this form, the lemmas of their
        families (stem level), and the form itself."""
        lemmas = self._lemma_alternatives(form)
        # A form neither the corpus nor the dictionary knows stands for itself only
        # ("diplomatez"): its stem would turn a typo into a family match and hide the
        # did-you-mean. Real words have families ("recharger", unseen: "recharge").
        real = form in self.lexicon.lemma_shares(form) or self.lexicon.in_dictionary(form)
        known = [a for a in lemmas if a.text != form or real]
        own = [*lemmas, *self._stem_alternatives(known), self._form_alternative(form)]
        # Synonyms, acronyms, the Dutch stem and a spelling correction (`expansions.py`).
        more = self.expander.more(form, [(a.kind, a.text) for a in own])
        return [*own, *(Alternative(e.kind, e.text, e.weight, _SOURCES[e.source]) for e in more)]

    def _lemma_alternatives(self, form: str) -> list[Alternative]:
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

    def _stem_alternatives(self, lemmas: list[Alternative]) -> list[Alternative]:
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

    def _form_alternative(self, form: str) -> Alternative:
        # "été" is nearly always "a été": the surface form counts by the share of its uses
        # that were content words (its summer sense is found by the lemma "ete"). Between
        # content senses the form keeps its full weight: the lemmatizer tells them apart
        # badly ("permis d'urbanisme" was often given "permettre").
        stopped = self.lexicon.lemma_shares(form).get("", 0.0)
        return Alternative("word", form, 1.0 - stopped)

    # --- nodes ------------------------------------------------------------------------

    def _node(self, node: st.Node, out: Compiled) -> qt.Query | None:
        if isinstance(node, st.Word):
            return self._word(node.text, _parts(node.field), out)
        if isinstance(node, st.Prefix):
            return self._prefix(node.text, _parts(node.field), out)
        if isinstance(node, st.Phrase):
            return self._phrase(node.words, _parts(node.field), out, literal=node.literal)
        if isinstance(node, st.FieldValue):
            return qt.any_of(self._field_value(node.field, node.value))
        if isinstance(node, st.DateRange):
            return qt.Range(node.field, date_to_int(node.start), date_to_int(node.end))
        if isinstance(node, st.Not):
            # Excluding a stopword excludes nothing: stopwords are not searched at all.
            inner = self._node(node.item, out)
            return None if inner is None else qt.Not(inner)
        if isinstance(node, st.And):
            return self._all(node.items, out)
        if isinstance(node, st.Or):
            items = [self._node(item, out) for item in node.items]
            found = [q for q in items if q is not None]
            return qt.Or(tuple(found)) if found else qt.Nothing()
        if isinstance(node, st.AnyOf):
            return self._any_of(node.items, out)
        raise TypeError(f"unknown syntax node {node!r}")

    def _all(self, items: Iterable[st.Node], out: Compiled) -> qt.Query | None:
        compiled = [self._node(item, out) for item in dict.fromkeys(items)]
        required: list[qt.Query] = [
            q for q in compiled if q is not None and not isinstance(q, qt.Not)
        ]
        negated = [q.item for q in compiled if isinstance(q, qt.Not)]
        return _with_exclusions(required, negated)

    def _any_of(self, items: Iterable[st.Node], out: Compiled) -> qt.Query | None:
        """Plain juxtaposed words: OR, with a large bonus for documents matching all."""
        optional: list[qt.Query] = []
        required: list[qt.Query] = []
        negated: list[qt.Query] = []
        for item in dict.fromkeys(items):  # a word typed twice counts once
            q = self._node(item, out)
            if q is None:
                continue
            if isinstance(q, qt.Not):
                negated.append(q.item)
            elif isinstance(item, st.FieldValue | st.DateRange):
                required.append(q)
            else:
                optional.append(q)
        if len(optional) > 1:
            required.append(qt.Or((_and(optional, boost=ALL_WORDS_BOOST), *optional)))
        elif optional:
            required.extend(optional)
        return _with_exclusions(required, negated)

    def _word(self, text: str, parts: Sequence[str], out: Compiled) -> qt.Query | None:
        tokens = surface_tokens(text)
        if not tokens:
            return None
        if len(tokens) > 1:
            # "start-up", "23/02/2021": one typed word, several surface words in a row.
            return self._phrase(tuple(tokens), parts, out)
        form = tokens[0]
        out.has_text = True
        out.forms.add(form)
        if self.lexicon.is_stopword(form):
            return None
        alternatives = self.alternatives(form)
        out.lemmas.update(a.text for a in alternatives if a.kind == "lemma")
        out.explanation.append(WordExplanation(text, tuple(a.explained() for a in alternatives)))
        # Grouped by kind, then part, then term: the order Whoosh adds their scores in.
        q = qt.Or(
            tuple(
                term_query(FIELDS_OF_KIND[kind][p], a.kind, a.text, PART_BOOSTS[p] * a.weight)
                for kind in FIELDS_OF_KIND
                for p in parts
                for a in alternatives
                if a.kind == kind
            )
        )
        if all(form != fold(seen) for seen, _ in out.words):
            out.words.append((text, q))
        return q

    def _prefix(self, text: str, parts: Sequence[str], out: Compiled) -> qt.Query:
        # The parser refused a prefix of fewer than two letters or digits.
        stem = fold(text)
        out.has_text = True
        expansions: set[str] = set()
        fields = [WORD_FIELDS[p] for p in parts] + [LEMMA_FIELDS[p] for p in parts]
        for name in fields:
            for term in self.index.prefix_terms(name, stem):
                expansions.add(term)
                if len(expansions) > MAX_PREFIX_TERMS:
                    raise QuerySyntaxError(
                        f"{text}* matches more than {MAX_PREFIX_TERMS:,} different words: "
                        "type more letters before the *."
                    )
        out.forms.update(expansions)
        out.lemmas.update(expansions)
        return qt.Or(
            tuple(qt.Prefix(WORD_FIELDS[p], stem, boost=PART_BOOSTS[p]) for p in parts)
            + tuple(qt.Prefix(LEMMA_FIELDS[p], stem, boost=PART_BOOSTS[p]) for p in parts)
        )

    def _phrase(
        self, words: Sequence[str], parts: Sequence[str], out: Compiled, *, literal: bool = True
    ) -> qt.Query | None:
        """Words in order in the surface-word fields: as typed when `literal` (and for one
        quoted word: "this exact form"), else each content word as any form of its lemmas."""
        tokens = surface_tokens(" ".join(words))
        if not tokens:
            return None
        out.has_text = True
        out.forms.update(tokens)
        if len(tokens) == 1:
            return qt.Or(
                tuple(qt.Term(WORD_FIELDS[p], tokens[0], boost=PART_BOOSTS[p]) for p in parts)
            )
        words_in_order = tuple(tokens)
        places = () if literal else tuple(self._inflections(token) for token in tokens)
        if any(len(forms) > 1 for forms in places):
            for forms in places:
                out.forms.update(forms)
            out.explanation.append(
                WordExplanation(
                    f'"{" ".join(words)}"',
                    tuple(MatchedTerm("form", f, 1.0) for forms in places for f in forms),
                )
            )
        else:
            places = ()
        return qt.Or(
            tuple(
                qt.Phrase(WORD_FIELDS[p], words_in_order, boost=PART_BOOSTS[p], alternatives=places)
                for p in parts
            )
        )

    def _inflections(self, form: str) -> tuple[str, ...]:
        """The surface forms a word of a lemmatized phrase may take: every form the corpus
        gave its main lemmas ("transports" for "transport"); a stopword stays as typed. An
        ambiguous form's minor readings are left out (they are another word: "permis de
        conduire" is not "permet de conduire")."""
        if self.lexicon.is_stopword(form):
            return (form,)
        forms = {form}
        for lemma in self._lemma_alternatives(form):
            if lemma.weight >= MAIN_READING:
                forms.update(sorted(self.lexicon.forms_of(lemma.text))[:MAX_PHRASE_FORMS])
        return (form, *sorted(forms - {form}))

    # --- metadata ---------------------------------------------------------------------

    def _field_value(self, field_name: str, typed: str) -> list[qt.Query]:
        if field_name == "id":
            return [qt.Term("id", typed.strip())]
        if field_name == "number":
            digits = typed.strip().lstrip("nN°º").strip()
            if not digits.isdigit() or len(digits) > MAX_NUMBER_DIGITS:
                raise QuerySyntaxError(
                    f"A question number is a whole number of at most {MAX_NUMBER_DIGITS} "
                    f"digits (numero:369), not {typed!r}."
                )
            return [qt.Range("number", int(digits), int(digits))]
        spec = field_spec(field_name)
        if spec is None or spec.kind != "metadata":
            raise QuerySyntaxError(f"{field_name} cannot be used as a filter.")
        index_field = spec.index_field
        if index_field == "status":
            return [qt.Term("status", check_status(typed))]
        if index_field in ("sectors", "sectors_mentioned") and self._sector_resolver is not None:
            # A sector of the taxonomy that no document mentions matches nothing, quietly.
            return [qt.Term(index_field, self._sector_resolver(typed))]
        if index_field in ("legislature", "session"):
            typed = _short_season(typed)
            if _PERIOD.match(typed.strip()):
                return [qt.Term(index_field, typed.strip())]
        available = self.index.field_values(index_field)
        if index_field in CLOSED_VALUES:
            # "renvoi" or "hors compétence" name a type as well as "by_reference" does; a
            # known value that no document has yet matches nothing, without an error.
            labels = CLOSED_VALUES[index_field]
            known = list(dict.fromkeys([*labels, *available]))
            exact = [v for v in known if _norm(v) == _norm(typed)]
            named = {f"{v} {labels.get(v, '')}".strip(): v for v in known}
            chosen = exact or [named[n] for n in resolve_values(index_field, typed, list(named))]
            return [qt.Term(index_field, value) for value in chosen]
        if index_field == "portfolios":
            return [qt.Term(index_field, v) for v in resolve_words(index_field, typed, available)]
        values = resolve_values(index_field, typed, available)
        return [qt.Term(index_field, value) for value in values]


def _typed_number(tree: st.Node) -> str | None:
    """The digits of a query that is only a question number or a document id, else None."""
    items = tree.items if isinstance(tree, st.AnyOf) else (tree,)
    if not all(isinstance(item, st.Word) and item.field is None for item in items):
        return None
    match = _TYPED_NUMBER.match(" ".join(item.text for item in items if isinstance(item, st.Word)))
    return match.group(1) if match else None


def _parts(field_name: str | None) -> Sequence[str]:
    if field_name is None:
        return TEXT_PARTS
    if field_name not in TEXT_PARTS:
        raise QuerySyntaxError(f"{field_name}: takes a date or a value, not words.")
    return (field_name,)


def _with_exclusions(required: list[qt.Query], negated: list[qt.Query]) -> qt.Query | None:
    if not required and not negated:
        return None
    positive = qt.Every() if not required else _and(required)
    if not negated:
        return positive
    return qt.AndNot(positive, qt.any_of(negated))


def _and(items: list[qt.Query], boost: float = 1.0) -> qt.Query:
    """AND of `items` as a balanced tree of small ANDs, so that evaluating a thousand typed
    words never recurses a thousand levels deep."""
    if len(items) == 1 and boost == 1.0:
        return items[0]
    if len(items) <= AND_FAN_OUT:
        return qt.And(tuple(items), boost=boost)
    middle = len(items) // 2
    return qt.And((_and(items[:middle]), _and(items[middle:])), boost=boost)


def _norm(value: str) -> str:
    """A metadata value as typed values are matched to it: folded, every mark but "/" (in
    sessions, 20/21) a word break, so "Mobilité, Travaux publics" holds "travaux"."""
    return " ".join(re.sub(r"[^a-z0-9/]+", " ", fold(value)).split())


def _short_season(typed: str) -> str:
    """`2019-2024` and `2019/2024` are the legislature 19/24; `2020-2021` the session 20/21."""
    match = _SEASON.match(typed.strip())
    return f"{match.group(1)}/{match.group(2)}" if match else typed


def resolve_words(field_name: str, typed: str, available: Sequence[str]) -> list[str]:
    """The values holding a word that starts with each typed word, folded ("climat" finds
    "Transition climatique", "energie" finds "Énergie"); else as `resolve_values`."""
    keys = _norm(typed).split()
    found = [
        value
        for value in available
        if keys and all(any(w.startswith(k) for w in _norm(value).split()) for k in keys)
    ]
    return found or resolve_values(field_name, typed, available)


def resolve_values(field_name: str, typed: str, available: Sequence[str]) -> list[str]:
    """The indexed values a typed filter value means, or UnknownValueError with suggestions.

    Equal after folding wins; otherwise every value containing all the typed words ("smet"
    finds "Pascal Smet").
    """
    key = _norm(typed)
    if not key:
        raise QuerySyntaxError(f"An empty value for {field_name} matches nothing.")
    normalised = {value: _norm(value) for value in available}
    exact = [value for value, norm in normalised.items() if norm == key]
    if exact:
        return exact
    words = set(key.split())
    partial = [value for value, norm in normalised.items() if words <= set(norm.split())]
    if partial:
        return partial
    close = difflib.get_close_matches(key, list(normalised.values()), n=3, cutoff=0.6)
    suggestions = [value for value, norm in normalised.items() if norm in close]
    suggestions.sort(key=lambda v: close.index(normalised[v]))
    raise UnknownValueError(field_name, typed, suggestions)
