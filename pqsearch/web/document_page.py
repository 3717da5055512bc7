"""What a document's page reads from the index: the document, its sectors' evidence and
the documents like it."""

from __future__ import annotations

from pqsearch import Document, Highlight, Index, SearchResult

SIMILAR_SHOWN = 8


def read_document(index: Index, doc_id: str) -> tuple[Document, SearchResult, dict[str, Highlight]]:
    """The document, its similar documents and its sectors' evidence, all read from one
    generation: a commit between the three could show the text of one generation and the
    similar documents of the next, or "no document" for a document pruned meanwhile."""
    with index.one_generation():
        document = index.show(doc_id)
        evidence = {h.part: h for h in index.sector_evidence(document)}
        return document, index.similar(doc_id, facets=[], limit=SIMILAR_SHOWN), evidence
