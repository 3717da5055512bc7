"""The query tree the compiler builds, and its extension point for looser matches."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pqsearch.index.reader import IndexReader
from pqsearch.index.schema import PART_BOOSTS
from pqsearch.query import tree as qt
from pqsearch.query.compile import Alternative, Compiler
from pqsearch.query.expansions import Spelling
from pqsearch.query.rank import Ranker
from pqsearch.query.syntax import parse_query


@pytest.fixture(scope="module")
def opened(corpus_index: Path) -> Iterator[IndexReader]:
    reader = IndexReader(corpus_index)
    yield reader
    reader.close()


def test_a_word_is_its_lemmas_and_its_form_in_every_part(opened: IndexReader) -> None:
    query = Compiler(opened).compile(parse_query("logements")).query
    assert isinstance(query, qt.Or)
    terms = [(t.field, t.text, t.boost) for t in query.items if isinstance(t, qt.Term)]
    assert len(terms) == len(query.items)
    assert ("title_lemmas", "logement", PART_BOOSTS["title"]) in terms
    assert ("answer_words", "logements", PART_BOOSTS["answer"]) in terms
    lemma_fields = [field for field, _, _ in terms if field.endswith("_lemmas")]
    assert terms[: len(lemma_fields)] == [t for t in terms if t[0].endswith("_lemmas")]


class _WithSynonym(Compiler):
    """As the retrieval work may: a typed word also stands for a weighted synonym."""

    def alternatives(self, form: str, spelling: Spelling) -> list[Alternative]:
        found = super().alternatives(form, spelling)
        if form == "habitation":
            found.append(Alternative("lemma", "logement", weight=0.5))
        return found


def test_a_weighted_alternative_finds_its_documents_at_its_weight(opened: IndexReader) -> None:
    plain = Compiler(opened).compile(parse_query("habitation")).query
    wider = _WithSynonym(opened).compile(parse_query("habitation")).query
    housing = Compiler(opened).compile(parse_query("logement")).query
    assert plain is not None and wider is not None and housing is not None
    ranker = Ranker(opened)
    before, after = ranker.score(plain), ranker.score(wider)
    assert len(after.docs) > len(before.docs)
    # A document with "logement" but no "habitation" scores half the lemma's own score.
    assert isinstance(housing, qt.Or)
    lemma_only = qt.Or(
        tuple(
            t
            for t in housing.items
            if isinstance(t, qt.Term) and "_lemmas" in t.field and t.text == "logement"
        )
    )
    scored = ranker.score(lemma_only)
    lemma_scores = dict(zip(scored.docs.tolist(), scored.scores.tolist(), strict=True))
    new = sorted(set(after.docs.tolist()) - set(before.docs.tolist()))
    got = dict(zip(after.docs.tolist(), after.scores.tolist(), strict=True))
    assert new
    for docnum in new:
        assert got[docnum] == pytest.approx(0.5 * lemma_scores[docnum])
