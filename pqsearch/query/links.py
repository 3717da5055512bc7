"""Cross-references read back from the index: what a question cites, and who cites it.

Ingest stores each reference as the text found ("ma question n° 123 du ..."); which indexed
questions it designates depends on what else is indexed, so it is resolved when a document
is shown (`pqsearch.analyze.references.resolve`), against the index as it is then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from pqsearch.analyze.references import Reference, resolve
from pqsearch.index.schema import ref_key
from pqsearch.models import CrossReference, Question
from pqsearch.query import tree as qt
from pqsearch.query.search import QueryRunner

# A stored reference: number, session, kind, text and date as ingest wrote them.
StoredReference = Mapping[str, object]


def unresolved(ref: StoredReference) -> CrossReference:
    """The reference as stored, not looked up (`resolved` empty)."""
    session = ref.get("session")
    return CrossReference(
        number=int(str(ref["number"])),
        session=str(session) if session is not None else None,
        kind=str(ref.get("kind", "")),
        text=str(ref.get("text", "")),
    )


def resolved(runner: QueryRunner, question: Question, ref: StoredReference) -> CrossReference:
    """The reference with the ids of the indexed questions it designates."""
    stored = unresolved(ref)
    date = ref.get("date")
    reference = Reference(
        number=stored.number,
        session=stored.session,
        kind=stored.kind,
        text=stored.text,
        date=dt.date.fromisoformat(str(date)) if date else None,
    )
    found = resolve(
        reference,
        _by_number(runner, reference.number),
        citing_id=question.id,
        citing_session=question.session,
        citing_addressee=question.addressee,
    )
    return CrossReference(
        number=stored.number,
        session=stored.session,
        kind=stored.kind,
        text=stored.text,
        resolved=tuple(found),
    )


def cited_by(runner: QueryRunner, question: Question) -> tuple[str, ...]:
    """The ids of the indexed questions whose references resolve to `question`."""
    if question.number is None:
        return ()
    keys = {ref_key(question.session, question.number), ref_key(None, question.number)}
    citing: list[str] = []
    docs = runner.matched(qt.Or(tuple(qt.Term("refs", k) for k in sorted(keys))))
    for docnum in docs:
        stored = runner.index.record(int(docnum))
        other = Question.from_dict(stored["question"])
        if other.id == question.id:
            continue
        for ref in stored.get("references", ()):
            if question.id in resolved(runner, other, ref).resolved:
                citing.append(other.id)
                break
    return tuple(citing)


def _by_number(
    runner: QueryRunner, number: int
) -> list[tuple[str, int | None, str | None, str | None]]:
    result = runner.search(f"numero:{number}", facets=[], limit=1000, sort="oldest")
    return [(h.id, h.number, h.session, h.addressee) for h in result.hits]
