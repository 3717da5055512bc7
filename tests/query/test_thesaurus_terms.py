"""A thesaurus entry is searched as the word it names, never as another word's lemma (audit
A11: the entry "travaux" was searched as "travail", so `chantiers` found documents about
labour; "élève" as "élever", "taxe" as "taxer", "salarié" as "salarier").

Over the whole shipped thesaurus and the real index of the shipped corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.analyze.fold import fold
from pqsearch.index.reader import IndexReader
from pqsearch.query.expansions import thesaurus_terms
from pqsearch.query.synonyms import Term, thesaurus


@pytest.fixture(scope="module")
def reader(corpus_index: Path) -> Iterator[IndexReader]:
    opened = IndexReader(corpus_index)
    yield opened
    opened.close()


def _shipped_groups(reader: IndexReader) -> list[list[Term]]:
    return [g for g in thesaurus(reader.data_dir).groups if g[0].origin == "thesaurus"]


def test_every_one_word_entry_is_searched_as_itself(index: api.Index) -> None:
    """Each one-word entry typed alone: every synonym the search reports is a term of a group
    the typed word belongs to (the auditor's scan), none another word's lemma."""
    groups = [g for g in thesaurus().groups if g[0].origin == "thesaurus"]
    wrong = []
    for group in groups:
        for term in group:
            if len(term.words) != 1:
                continue
            result = index.search(term.text, limit=0, correct=False)
            matches = [m for e in result.explanation for m in e.matches]
            # The groups the search looked up: those of the typed form and of its lemmas
            # (accents folded: "retraite" is also "retraité").
            keys = {m.term for m in matches if m.source in ("lemma", "form")}
            allowed = {
                " ".join(other.words)
                for g in groups
                if any(len(t.words) == 1 and t.words[0] in keys for t in g)
                for other in g
            }
            wrong.extend(
                (term.text, m.term)
                for m in matches
                if m.source == "synonym" and " " not in m.term and m.term not in allowed
            )
    assert not wrong


def test_every_entry_word_is_its_own_lemma_where_the_corpus_has_it(reader: IndexReader) -> None:
    """Multi-word entries too: a word is searched as itself wherever the corpus has that
    lemma; only a word written inflected ("basses") is searched as its reading (the corpus's,
    else the dictionary's)."""
    lexicon = reader.lexicon
    wrong = []
    for group in _shipped_groups(reader):
        for term in group:
            content = [w for w in term.words if not lexicon.is_stopword(w)]
            for kind, text in thesaurus_terms(lexicon, term.words):
                searched = text.split()
                if kind == "word":
                    ok = searched == list(term.words)
                elif len(searched) == 1 and len(content) <= 1:
                    ok = searched == (content or list(term.words))
                else:
                    ok = len(searched) == len(content) and all(
                        lemma == word
                        or (not lexicon.forms_of(word) and lemma in lexicon.expand(word))
                        for lemma, word in zip(searched, content, strict=True)
                    )
                if not ok:
                    wrong.append((term.text, kind, text))
    assert not wrong


def test_chantiers_finds_works_not_labour(index: api.Index) -> None:
    """`chantiers` is also searched as its group's "travaux", not as "travail": every hit
    holds one of them, and "travaux" is what --explain shows."""
    result = index.search("chantiers", limit=100, correct=False)
    assert result.total >= 5
    for hit in result.hits:
        question = index.get(hit.id)
        text = fold(" ".join(filter(None, (question.title, question.question, question.answer))))
        assert re.search(r"\b(chantiers?|travaux)\b", text), hit.id
    synonyms = {m.term for e in result.explanation for m in e.matches if m.source == "synonym"}
    assert synonyms == {"travaux"}
