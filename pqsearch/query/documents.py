"""One indexed document as `Index.show` gives it, and its sector evidence marked in its text.

The stored record holds the question as parsed and what ingest found in it (answer type,
portfolios, every sector mentioned with its evidence, the references it makes); the
cross-references are resolved here, against the view's generation, as a search would.
"""

from __future__ import annotations

from pqsearch.models import Document, Question, SectorMention
from pqsearch.query.evidence import evidence_spans
from pqsearch.query.filters import check_text
from pqsearch.query.links import cited_by, resolved, unresolved
from pqsearch.query.views import View
from pqsearch.results import Highlight


def document(view: View, doc_id: str, *, links: bool = True) -> Document:
    """The document `doc_id` of the view's generation; `links=False` leaves its references
    unresolved and finds none citing it (faster, for bulk export)."""
    check_text("document id", doc_id)
    stored = view.reader.record(view.reader.docnum(doc_id))
    question = Question.from_dict(stored["question"])
    mentioned = tuple(SectorMention.from_dict(s) for s in stored.get("sectors", ()))
    return Document(
        question=question,
        answer_type=stored.get("answer_type", ""),
        answer_type_evidence=stored.get("answer_type_evidence"),
        portfolios=tuple(stored.get("portfolios", ())),
        sectors=tuple(m for m in mentioned if m.topic),
        cites=tuple(
            resolved(view.runner, question, ref) if links else unresolved(ref)
            for ref in stored.get("references", ())
        ),
        cited_by=cited_by(view.runner, question) if links else (),
        mentioned=mentioned,
    )


def sector_evidence(view: View, document: Document) -> tuple[Highlight, ...]:
    """The document's title, question and answer with the terms of every sector it mentions
    marked: one `Highlight` per part holding the whole text, for parts where evidence was
    found."""
    q = document.question
    texts = {"title": q.title, "question": q.question, "answer": q.answer or ""}
    marked: list[Highlight] = []
    for part, text in texts.items():
        terms = [e.term for s in document.mentioned for e in s.evidence if e.part == part]
        if terms:
            spans = evidence_spans(view.reader.lexicon, text, terms)
            marked.append(Highlight(part=part, text=text, spans=spans))
    return tuple(marked)
