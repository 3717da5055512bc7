"""Search results written out: a Markdown precedents memo, CSV, or JSON Lines.

The memo is what a drafter pastes into a note: for each precedent its title, number, session,
dates, author and addressee, a link to the source and the most relevant passage of the
answer, quoted word for word. CSV and JSON Lines carry every field, for other tools.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pqsearch.models import Document, Hit, jsonable
from pqsearch.output import day
from pqsearch.query.highlight import Matcher

FORMATS = ("md", "csv", "jsonl")
PASSAGE_CHARS = 700
MIN_PASSAGE_CHARS = 80
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")

CSV_COLUMNS = (
    "rank",
    "score",
    "id",
    "parliament",
    "kind",
    "legislature",
    "session",
    "number",
    "language",
    "title",
    "title_nl",
    "author",
    "addressee",
    "addressee_role",
    "portfolios",
    "received_on",
    "published_on",
    "answered_on",
    "answer_type",
    "sectors",
    "cites",
    "procedure",
    "annexes",
    "question",
    "answer",
    "url",
    "source",
    "source_format",
    "content_hash",
)


@dataclass(frozen=True)
class Precedent:
    """One exported result: its place in the ranking and the whole document."""

    hit: Hit
    document: Document


def escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def best_passage(answer: str, matcher: Matcher, width: int = PASSAGE_CHARS) -> str:
    """The paragraph (or run of sentences) of `answer` holding the most matched words.

    The passage is a verbatim slice of the answer, so a quote can be checked against it.
    """
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", answer) if p.strip()]
    if not paragraphs:
        return ""
    scored = [(len(matcher.spans(p)), -i, p) for i, p in enumerate(paragraphs)]
    count, _, best = max(scored)
    if count == 0:
        # No query word in the answer: its first real paragraph, not "J'ai l'honneur de…".
        best = next((p for p in paragraphs if len(p) >= MIN_PASSAGE_CHARS), paragraphs[0])
    if len(best) <= width:
        return best
    # Sentence boundaries as offsets, so every window is a verbatim slice of the answer.
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(best)]
    ends = [m.start() for m in _SENTENCE_END.finditer(best)] + [len(best)]
    chosen = (-1, best[:width])
    for i, begin in enumerate(starts):
        last = i
        while last + 1 < len(ends) and ends[last + 1] - begin <= width:
            last += 1
        window = best[begin : ends[last]]
        score = len(matcher.spans(window))
        if score > chosen[0]:
            chosen = (score, window)
    return chosen[1]


def markdown(query: str, precedents: Sequence[Precedent], matcher: Matcher, total: int) -> str:
    title = f"Precedents: {escape(query)}" if query.strip() else "Precedents"
    lines = [
        f"# {title}",
        "",
        f"{total} documents match; the {len(precedents)} most relevant follow.",
        "",
    ]
    for precedent in precedents:
        q = precedent.document.question
        number = f"n°{q.number}" if q.number is not None else "n° ?"
        lines += [
            f"## {precedent.hit.rank}. {escape(q.title)}",
            "",
            f"- Question {number}, legislature {q.legislature or '?'}, session {q.session or '?'}",
            f"- {escape(q.author or '?')} → {escape(q.addressee or '?')}",
            f"- Received {day(q.received_on)}, published {day(q.published_on)}, "
            f"answered {day(q.answered_on)}",
            f"- Answer type: {precedent.document.answer_type}",
            f"- Source: {_link(q.url, q.source)}",
            "",
        ]
        if q.answer:
            passage = best_passage(q.answer, matcher)
            lines += ["Answer (extract):", ""]
            lines += [f"> {line}" if line.strip() else ">" for line in passage.splitlines()]
        else:
            lines.append("_No answer yet._")
        lines.append("")
    return "\n".join(lines)


def _link(url: str | None, source: str) -> str:
    if url:
        return f"<{url}>"
    return f"`{source}`"


def _row(precedent: Precedent) -> dict[str, object]:
    document = precedent.document
    q = document.question
    return {
        "rank": precedent.hit.rank,
        "score": round(precedent.hit.score, 4),
        "id": q.id,
        "parliament": q.parliament,
        "kind": q.kind,
        "legislature": q.legislature,
        "session": q.session,
        "number": q.number,
        "language": q.language,
        "title": q.title,
        "title_nl": q.title_nl,
        "author": q.author,
        "addressee": q.addressee,
        "addressee_role": q.addressee_role,
        "portfolios": "; ".join(document.portfolios),
        "received_on": q.received_on.isoformat() if q.received_on else "",
        "published_on": q.published_on.isoformat() if q.published_on else "",
        "answered_on": q.answered_on.isoformat() if q.answered_on else "",
        "answer_type": document.answer_type,
        "sectors": "; ".join(s.sector for s in document.sectors),
        "cites": "; ".join(r.text for r in document.cites),
        "procedure": json.dumps(jsonable(q.procedure), ensure_ascii=False),
        "annexes": json.dumps(jsonable(q.annexes), ensure_ascii=False),
        "question": q.question,
        "answer": q.answer or "",
        "url": q.url or "",
        "source": q.source,
        "source_format": q.source_format,
        "content_hash": q.content_hash,
    }


def to_csv(precedents: Sequence[Precedent]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for precedent in precedents:
        writer.writerow(_row(precedent))
    return buffer.getvalue()


def to_jsonl(precedents: Sequence[Precedent]) -> str:
    lines = []
    for precedent in precedents:
        data = {
            "rank": precedent.hit.rank,
            "score": precedent.hit.score,
            **precedent.document.to_dict(),
        }
        lines.append(json.dumps(data, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
