"""What highlighting keeps across searches (each text's forms, the forms met by lemma)
changes no highlight: a reader that has served other searches marks what a fresh one does."""

from __future__ import annotations

from pathlib import Path

from pqsearch import api
from pqsearch.query import highlight

QUERIES = (
    "logement",
    "mobilité OR logement",
    '"région de bruxelles-capitale"',
    "technolog*",
    "promouvoir",
    "diplomates technologiques",
    "logement -social",
)


def _highlights(index: api.Index, text: str) -> list[object]:
    return [hit.highlights for hit in index.search(text, facets=[], limit=20).hits]


def test_highlights_do_not_depend_on_earlier_searches(corpus_index: Path) -> None:
    expected = {}
    for text in QUERIES:
        highlight._FORMS_OF_TEXT.clear()
        highlight._WORDS_OF_CHUNK.clear()
        highlight._FORMS_OF_CHUNK.clear()
        with api.open_index(corpus_index) as fresh:
            expected[text] = _highlights(fresh, text)
    assert any(any(h.spans for hl in found for h in hl) for found in expected.values())
    with api.open_index(corpus_index) as warm:
        for _ in range(2):
            for text in reversed(QUERIES):
                assert _highlights(warm, text) == expected[text], text
