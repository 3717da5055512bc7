"""From the user's syntax tree and filters to our query tree (`tree.py`), without spaCy.

A word becomes every lemma the corpus gave its folded form (from the lexicon, with a
context-free fallback for unseen forms) in the lemma fields, or the folded form itself in the
surface-word fields, so an exact form always meets itself. A quoted phrase matches the
surface words in order. Plain words are combined so that documents holding all of them rank
first while documents lacking one are still found. Metadata values are resolved against the
values the index really holds, case- and accent-insensitively (`values.py`).

A typed word stands for weighted alternatives (`Alternative`: its lemmas, its own form), each
searched in every text part it may appear in with the part's boost times its weight; a stem
level, synonyms or spelling corrections are more alternatives (`Compiler.alternatives`,
which `alternatives.py` answers).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from pqsearch.analyze.fold import fold, surface_tokens
from pqsearch.errors import QuerySyntaxError
from pqsearch.index.reader import IndexReader
from pqsearch.index.schema import (
    DUTCH_FIELDS,
    LEMMA_FIELDS,
    PART_BOOSTS,
    TEXT_PARTS,
    WORD_FIELDS,
    date_to_int,
)
from pqsearch.query import syntax as st
from pqsearch.query import tree as qt
from pqsearch.query.alternatives import MAIN_READING, WordAlternatives, excludes_documents
from pqsearch.query.alternatives import Alternative as Alternative
from pqsearch.query.compiled import Compiled as Compiled
from pqsearch.query.expansions import (
    Expander,
    Expansion,
    Spelling,
    quoted_in_dutch,
    term_query,
)
from pqsearch.query.rank import prefix_terms
from pqsearch.query.spans import Runs
from pqsearch.query.typed_number import NUMBER_BOOST, typed_number
from pqsearch.query.values import value_terms
from pqsearch.results import MatchedTerm, Synonym, WordExplanation

# A document holding every typed word outranks one that lacks some: its "all words" part
# is boosted far above what the words score one by one.
ALL_WORDS_BOOST = 25.0
# `a*` over a large vocabulary would build a query of every word starting with "a".
MAX_PREFIX_TERMS = 2_000

# The index fields, per text part, that each kind of alternative is searched in.
FIELDS_OF_KIND = {"lemma": LEMMA_FIELDS, "word": WORD_FIELDS, "dutch": DUTCH_FIELDS}

# At most this many forms of one lemma per phrase word (a verb has dozens).
MAX_PHRASE_FORMS = 64


class Compiler:
    """Compiles syntax trees against one open index."""

    def __init__(
        self, index: IndexReader, *, sector_resolver: Callable[[str], str] | None = None
    ) -> None:
        self.index = index
        self.lexicon = index.lexicon
        self._sector_resolver = sector_resolver
        self.expander = Expander(index)
        self._alternatives = WordAlternatives(self.lexicon, self.expander)
        self._runs = Runs(self.expander)

    # --- public -----------------------------------------------------------------------

    def compile(
        self, tree: st.Node | None, *, correct: bool = False, required: bool = False
    ) -> Compiled:
        """`correct`: search a word that matches nothing as its spelling correction;
        `required`: the whole query is required as typed (`--all-words`), so a lone common
        word is searched too. A query of common words alone compiles to None."""
        compiled = Compiled(query=None, spelling=Spelling(correct=correct))
        if tree is not None:
            compiled.query = self._node(tree, compiled, explicit=required)
            number = typed_number(tree)
            if number is not None:
                compiled.query = self._number(number, compiled)
            elif compiled.has_text and not compiled.positive:
                if compiled.dropped or not compiled.searched:
                    # Only common words, perhaps beside filters or exclusions ("toujours
                    # -logement"): a message, not "0 documents" nor the exclusion's complement.
                    compiled.query = None
            elif isinstance(tree, st.Word) and tree.field is None:
                # One word may be a document id ("CHAMBRE-55-b113-1184-..."): that one first.
                by_id = qt.Term("id", tree.text.strip(), boost=NUMBER_BOOST)
                found = compiled.query
                items = found.items if isinstance(found, qt.Or) else (found or qt.Nothing(),)
                compiled.query = qt.Or((*items, by_id))
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
            terms.extend(value_terms(self.index, field_name, typed, self._sector_resolver))
        return qt.any_of(terms)

    def date_query(self, date_field: str, start: dt.date | None, end: dt.date | None) -> qt.Query:
        return qt.Range(date_field, date_to_int(start), date_to_int(end))

    def alternatives(self, form: str, spelling: Spelling) -> list[Alternative]:
        """The terms a typed word (folded surface form, not a stopword) is searched as: its
        lemmas weighed by how often the corpus gave each to this form, the lemmas of their
        families (stem level), and the form itself (`alternatives.py`); a correction made is
        recorded in the query's `spelling`. A subclass may add its own."""
        return self._alternatives.of(form, spelling)

    def describe(self, text: str) -> tuple[Synonym, ...]:
        """What a typed word is also searched as (`pqsearch synonyms`); for several words,
        what they name together (a long form's acronym)."""
        if len(surface_tokens(text)) > 1:
            return self._runs.describe(text)
        return self.expander.describe(text)

    # --- nodes ------------------------------------------------------------------------

    def _node(self, node: st.Node, out: Compiled, *, explicit: bool = False) -> qt.Query | None:
        """`explicit`: an operator names `node` (AND, OR, NOT, -, `--all-words`), so a
        common word in it is searched as its exact form rather than left out."""
        if isinstance(node, st.Word):
            return self._word(node.text, _parts(node.field), out, explicit=explicit)
        if isinstance(node, st.Prefix):
            return self._prefix(node.text, _parts(node.field), out)
        if isinstance(node, st.Phrase):
            return self._phrase(node.words, _parts(node.field), out, literal=node.literal)
        if isinstance(node, st.FieldValue):
            if not out.excluding:
                out.typed_values.append((node.field, node.value))
            return qt.any_of(value_terms(self.index, node.field, node.value, self._sector_resolver))
        if isinstance(node, st.DateRange):
            return qt.Range(node.field, date_to_int(node.start), date_to_int(node.end))
        if isinstance(node, st.Not):
            marked = (set(out.forms), set(out.lemmas), set(out.joining))
            out.excluding += 1  # an excluded word is no word searched for
            inner = self._node(node.item, out, explicit=True)
            out.excluding -= 1
            # Nor marked: it matched nothing of a hit ("logement -titre:social" keeps every
            # "social" outside titles unmarked).
            out.forms, out.lemmas, out.joining = marked
            return None if inner is None else qt.Not(inner)
        if isinstance(node, st.And):
            return self._all(node.items, out, explicit=explicit)
        if isinstance(node, st.Or):
            items = [self._node(item, out, explicit=True) for item in node.items]
            found = [q for q in items if q is not None]
            return qt.Or(tuple(found)) if found else qt.Nothing()
        if isinstance(node, st.AnyOf):
            dropped = len(out.dropped)
            words = self._any_of(node.items, out)
            if words is None and explicit:
                # A group of common words alone that an operator names ("-(toujours
                # déjà)", "vélo OR (toujours déjà)"): searched as written, not left out.
                del out.dropped[dropped:]
                words = self._any_of(node.items, out, explicit=True)
            return words
        raise TypeError(f"unknown syntax node {node!r}")

    def _all(
        self, items: Iterable[st.Node], out: Compiled, *, explicit: bool = False
    ) -> qt.Query | None:
        # Words lifted beside filters are no operand, unless an operator names their group
        # ("x AND (le de -y)"); a typed group is one ("x AND (le de)").
        compiled = [
            self._node(
                item,
                out,
                explicit=explicit or not (isinstance(item, st.AnyOf) and item.beside_filters),
            )
            for item in dict.fromkeys(items)
        ]
        required: list[qt.Query] = [
            q for q in compiled if q is not None and not isinstance(q, qt.Not)
        ]
        negated = [q.item for q in compiled if isinstance(q, qt.Not)]
        return qt.with_exclusions(required, negated)

    def _any_of(
        self, items: Iterable[st.Node], out: Compiled, *, explicit: bool = False
    ) -> qt.Query | None:
        """Plain juxtaposed words: OR, with a large bonus for documents matching all."""
        optional: list[qt.Query] = []
        required: list[qt.Query] = []
        negated: list[qt.Query] = []
        # Words that name one term together ("zone de basses émissions": LEZ).
        together = self._runs.of_words(list(items))
        for item in dict.fromkeys(items):  # a word typed twice counts once
            if isinstance(item, st.Word) and id(item) in together:
                q = self._word(
                    item.text, _parts(item.field), out, together[id(item)], explicit=explicit
                )
            else:
                q = self._node(item, out, explicit=explicit)
            if q is None:
                continue
            if isinstance(q, qt.Not):
                negated.append(q.item)
            elif isinstance(item, st.FieldValue | st.DateRange):
                required.append(q)
            else:
                optional.append(q)
        if len(optional) > 1:
            required.append(qt.Or((qt.balanced_and(optional, boost=ALL_WORDS_BOOST), *optional)))
        elif optional:
            required.extend(optional)
        return qt.with_exclusions(required, negated)

    def _word(
        self,
        text: str,
        parts: Sequence[str],
        out: Compiled,
        together: Sequence[Expansion] = (),
        *,
        explicit: bool = False,
    ) -> qt.Query | None:
        tokens = surface_tokens(text)
        if not tokens:
            return None
        if len(tokens) > 1:
            # "start-up", "23/02/2021": one typed word, several surface words in a row.
            return self._phrase(tuple(tokens), parts, out)
        form = tokens[0]
        out.has_text = True
        if self.lexicon.is_stopword(form):
            if explicit:
                return self._common_word(text, form, parts, out)
            # Among other words a stopword is not searched, so not marked either ("la").
            out.dropped.append(form)
            return None
        out.searching()
        out.forms.add(form)
        run_terms = self._alternatives.expanded(together)
        alternatives = [*self.alternatives(form, out.spelling), *run_terms]
        if out.excluding:
            alternatives = [a for a in alternatives if excludes_documents(a)]
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
        if all(form != fold(seen) for seen, _, _ in out.words):
            out.words.append((text, q, parts[0] if len(parts) == 1 else None))
        return q

    def _common_word(self, text: str, form: str, parts: Sequence[str], out: Compiled) -> qt.Query:
        """A common word an operator names ("logement AND toujours"): its exact form in the
        surface-word fields, which keep every word, as one quoted word is searched."""
        out.searching()
        out.forms.add(form)
        out.explanation.append(WordExplanation(text, (MatchedTerm("form", form, 1.0),)))
        words = tuple(qt.Term(WORD_FIELDS[p], form, boost=PART_BOOSTS[p]) for p in parts)
        return qt.Or(words + quoted_in_dutch((form,), parts))

    def _prefix(self, text: str, parts: Sequence[str], out: Compiled) -> qt.Query:
        # The parser refused a prefix of fewer than two letters or digits.
        stem = fold(text)
        out.has_text = True
        out.searching()
        expansions: set[str] = set()
        fields = [WORD_FIELDS[p] for p in parts] + [LEMMA_FIELDS[p] for p in parts]
        for name in fields:
            for term in prefix_terms(self.index, name, stem):
                expansions.add(term)
                if len(expansions) > MAX_PREFIX_TERMS:
                    raise QuerySyntaxError(
                        f"{text}* matches more than {MAX_PREFIX_TERMS:,} different words: "
                        "type more letters before the *.",
                        kind="prefix_too_common",
                        value=f"{text}*",
                        valid=(str(MAX_PREFIX_TERMS),),
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
        out.searching()
        out.forms.update(tokens)
        if len(tokens) > 1:
            # A phrase's stopwords are marked only next to its other words
            # (`highlight.Matcher`); one quoted common word ("toujours") is all of its phrase.
            out.joining.update(t for t in tokens if self.lexicon.is_stopword(t))
        dutch = quoted_in_dutch(tokens, parts)
        if len(tokens) == 1:
            form = tokens[0]
            return qt.Or(
                tuple(qt.Term(WORD_FIELDS[p], form, boost=PART_BOOSTS[p]) for p in parts) + dutch
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
            + dutch
        )

    def _inflections(self, form: str) -> tuple[str, ...]:
        """The surface forms a word of a lemmatized phrase may take: every form the corpus
        gave its main lemmas ("transports" for "transport"); a stopword stays as typed. An
        ambiguous form's minor readings are left out (they are another word: "permis de
        conduire" is not "permet de conduire")."""
        if self.lexicon.is_stopword(form):
            return (form,)
        forms = {form}
        for lemma in self._alternatives.lemmas(form):
            if lemma.weight >= MAIN_READING:
                forms.update(sorted(self.lexicon.forms_of(lemma.text))[:MAX_PHRASE_FORMS])
        return (form, *sorted(forms - {form}))


def _parts(field_name: str | None) -> Sequence[str]:
    if field_name is None:
        return TEXT_PARTS
    if field_name not in TEXT_PARTS:
        raise QuerySyntaxError(f"{field_name}: takes a date or a value, not words.")
    return (field_name,)
