"""Sector evidence found again in the original text, for the document page to mark."""

from __future__ import annotations

from pqsearch import api
from pqsearch.analyze.fold import fold


def test_every_sector_term_is_found_where_ingest_found_it(index: api.Index) -> None:
    checked = 0
    result = index.search("", facets=[], limit=1000)
    for hit in result.hits:
        document = index.show(hit.id, links=False)
        marked = {h.part: h for h in index.sector_evidence(document)}
        for sector in document.sectors:
            for evidence in sector.evidence:
                highlight = marked[evidence.part]
                assert highlight.spans, (hit.id, evidence)
                checked += 1
        for highlight in marked.values():
            for start, end in highlight.spans:
                assert fold(highlight.text[start:end]).strip() == fold(highlight.text[start:end])
    assert checked > 50


def test_marks_cover_the_words_of_the_term(index: api.Index) -> None:
    document = index.show("170246")
    marked = {h.part: h for h in index.sector_evidence(document)}
    title = marked["title"]
    words = [title.text[start:end] for start, end in title.spans]
    assert words == ["achat du terrain", "construction", "soins pour la faune"]
