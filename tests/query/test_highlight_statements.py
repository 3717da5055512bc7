"""What highlighting a fresh process's page costs, counted (not timed): the lexicon
statements asking which of a page's forms the corpus never gave a lemma."""

from __future__ import annotations

from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.analyze.lexicon import Lexicon
from pqsearch.query import highlight


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
