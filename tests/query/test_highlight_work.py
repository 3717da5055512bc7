"""What highlighting a fresh process's page costs, counted (not timed): the Python calls of
folding a text's words, and the lexicon statements asking which of a page's forms the
corpus never gave a lemma."""

from __future__ import annotations

from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.analyze.fold import iter_words
from pqsearch.analyze.lexicon import Lexicon
from pqsearch.index.reader import IndexReader
from pqsearch.query import highlight
from tests.work import counting_calls


def _longest_texts(corpus_index: Path, count: int) -> list[str]:
    reader = IndexReader(corpus_index)
    try:
        texts = [
            text
            for docnum in range(reader.doc_count_all)
            for part in ("question", "answer")
            if isinstance(text := reader.record(docnum)["question"].get(part), str)
        ]
    finally:
        reader.close()
    return sorted(texts, key=len)[-count:]


def test_a_texts_words_are_folded_without_a_python_call_each(corpus_index: Path) -> None:
    """Only its words holding an apostrophe or a combining mark take a Python call."""
    highlight._FORMS_OF_TEXT.clear()
    highlight._WORDS_OF_CHUNK.clear()
    for text in _longest_texts(corpus_index, 3):
        words = {text[start:end] for _, start, end in iter_words(text)}
        assert len(words) > 300
        with counting_calls() as calls:
            highlight._TextForms(text)
        assert calls.count < len(words) / 4, (calls.count, len(words))


def test_a_page_asks_the_lexicon_once_about_its_unknown_forms(
    corpus_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    unindexed = Lexicon.unindexed

    def counted(self: Lexicon, keys: frozenset[str]) -> frozenset[str]:
        asked.append(len(keys))
        return unindexed(self, keys)

    monkeypatch.setattr(Lexicon, "unindexed", counted)
    highlight._FORMS_OF_TEXT.clear()
    with api.open_index(corpus_index) as fresh:
        found = fresh.search("logement OR promouvoir OR région", facets=[], limit=20)
    assert len(found.hits) >= 10
    assert any(h.spans for hit in found.hits for h in hit.highlights)
    assert len(asked) == 1 and asked[0] > 500
