"""Search results written out: a Markdown precedents memo, CSV, or JSON Lines.

The memo is what a drafter pastes into a note: for each precedent its title, number, session,
dates, author and addressee, a link to the source and the most relevant passage of the
answer, quoted word for word. It is in French unless English is asked for (its words and
layout: `pqsearch.memo`).
CSV and JSON Lines carry every field, with the cross-references both ways, for other tools.
CSV comes in two dialects: `excel-fr` (the default: UTF-8 with a byte-order mark, ";"
between fields, CRLF line ends), which a spreadsheet set to a French locale opens in columns
with its accents, and `comma` (plain UTF-8, ",", LF) for programs.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Literal

from pqsearch.errors import QuerySyntaxError
from pqsearch.memo import MEMO_LANGUAGES, MemoLanguage, escape, memo_text
from pqsearch.models import Document, Hit, jsonable
from pqsearch.query.filters import SORTS, Filters, Sort, choose
from pqsearch.query.highlight import Matcher
from pqsearch.query.search import QueryRunner
from pqsearch.query.syntax import parse_query
from pqsearch.query.views import View
from pqsearch.results import SearchResult

ExportFormat = Literal["md", "csv", "jsonl"]
FORMATS: tuple[ExportFormat, ...] = ("md", "csv", "jsonl")
CsvDialect = Literal["excel-fr", "comma"]
CSV_DIALECTS: tuple[CsvDialect, ...] = ("excel-fr", "comma")
__all__ = [
    "CSV_COLUMNS",
    "CSV_DIALECTS",
    "FORMATS",
    "MEMO_LANGUAGES",
    "CsvDialect",
    "ExportFormat",
    "ExportStream",
    "MemoLanguage",
    "Precedent",
    "best_passage",
    "escape",
    "markdown",
    "render",
    "to_csv",
    "to_jsonl",
]
PASSAGE_CHARS = 700
MIN_PASSAGE_CHARS = 80
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
    "cited_by",
    "procedure",
    "annexes",
    "question",
    "answer",
    "url",
    "source",
    "source_format",
    "content_hash",
    # Added in 0.2.0, after the others so that a column read by its place stays the same.
    "sectors_mentioned",
    "answer_type_evidence",
)


@dataclass(frozen=True)
class Precedent:
    """One exported result: its place in the ranking and the whole document."""

    hit: Hit
    document: Document


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


def markdown(
    query: str,
    precedents: Sequence[Precedent],
    matcher: Matcher,
    total: int,
    *,
    language: MemoLanguage = "fr",
    sort: str = "relevance",
    chosen: bool = False,
) -> str:
    """The precedents memo: in French by default, `language="en"` for English; `sort` is the
    order the precedents come in (relevance, newest, oldest), which the memo states; `chosen`
    when they are the ones a user picked out of the matches rather than the first of them."""
    return memo_text(
        query,
        [(p.hit.rank, p.document) for p in precedents],
        lambda answer: best_passage(answer, matcher),
        total,
        language=language,
        sort=sort,
        chosen=chosen,
    )


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
        "answer_type_evidence": document.answer_type_evidence or "",
        "sectors": "; ".join(s.sector for s in document.sectors),
        # Every sector mentioned, topics included (`--sector-mentioned`).
        "sectors_mentioned": "; ".join(s.sector for s in document.mentioned),
        "cites": "; ".join(r.text for r in document.cites),
        "cited_by": "; ".join(document.cited_by),
        "procedure": json.dumps(jsonable(q.procedure), ensure_ascii=False),
        "annexes": json.dumps(jsonable(q.annexes), ensure_ascii=False),
        "question": q.question,
        "answer": q.answer or "",
        "url": q.url or "",
        "source": q.source,
        "source_format": q.source_format,
        "content_hash": q.content_hash,
    }


def to_csv(
    precedents: Sequence[Precedent], *, dialect: CsvDialect = "excel-fr", header: bool = True
) -> str:
    """Every field as CSV, in the `excel-fr` dialect (BOM, ";", CRLF, a text that a spreadsheet
    would take for a formula quoted with an apostrophe) or the `comma` one (values as they are);
    `header=False` for the rows alone (a page after the first)."""
    dialect = choose("CSV dialect", dialect, CSV_DIALECTS)
    buffer = io.StringIO()
    french = dialect == "excel-fr"
    writer = csv.DictWriter(
        buffer,
        fieldnames=CSV_COLUMNS,
        delimiter=";" if french else ",",
        lineterminator="\r\n" if french else "\n",
    )
    if header:
        writer.writeheader()
    for precedent in precedents:
        row = _row(precedent)
        writer.writerow({k: _as_text(v) for k, v in row.items()} if french else row)
    # The byte-order mark is how a spreadsheet knows the file is UTF-8 (else "Ã©" for "é").
    return ("\ufeff" if french and header else "") + buffer.getvalue()


# A spreadsheet reads a cell that begins with one of these as a formula: an answer's "- 12 %"
# shows as an error, and a title written "=HYPERLINK(...)" as a live link (OWASP's CSV
# injection). The `excel-fr` dialect, written for a spreadsheet, quotes them as text with a
# leading apostrophe; `comma`, for programs, keeps every value exactly.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _as_text(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


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


def render(
    runner: QueryRunner,
    precedents: Sequence[Precedent],
    *,
    fmt: ExportFormat,
    query: str,
    total: int,
    sort: str,
    language: MemoLanguage,
    csv_dialect: CsvDialect,
    chosen: bool = False,
    header: bool = True,
) -> str:
    """The precedents as CSV, JSON Lines or a memo whose passages hold the words of `query`
    (compiled by `runner`, which found them); `header=False` leaves out the CSV header."""
    if fmt == "csv":
        return to_csv(precedents, dialect=csv_dialect, header=header)
    if fmt == "jsonl":
        return to_jsonl(precedents)
    compiled = runner.compiler.compile(parse_query(query))
    matcher = Matcher(runner.index.lexicon, compiled.forms, compiled.lemmas, compiled.joining)
    return markdown(query, precedents, matcher, total, language=language, sort=sort, chosen=chosen)


# Documents read and written at a time by an export of every match: the memory it takes is
# that of one page, whatever the number of documents.
EXPORT_PAGE = 200


@dataclass(eq=False)
class ExportStream:
    """An export of a search, read page by page: iterate it for its text, in pieces.

    `limit` None holds every match; a memo (md) is one piece, CSV and JSON Lines one piece per
    page of `EXPORT_PAGE` documents. Once it has been iterated, `total` is how many documents
    matched and `written` how many the export holds.
    """

    search: Callable[..., SearchResult]  # Index.search
    show: Callable[[str], Document]
    lease: Callable[[], AbstractContextManager[View]]  # ViewPool.lease
    holding: Callable[[View], AbstractContextManager[None]]  # ViewPool.holding
    query: str
    filters: Filters | None
    limit: int | None
    fmt: ExportFormat
    sort: Sort
    language: MemoLanguage
    csv_dialect: CsvDialect
    total: int = 0
    written: int = 0

    def __post_init__(self) -> None:
        self.fmt = choose("format", self.fmt, FORMATS)
        self.sort = choose("sort", self.sort, SORTS)
        self.language = choose("memo language", self.language, MEMO_LANGUAGES)
        self.csv_dialect = choose("CSV dialect", self.csv_dialect, CSV_DIALECTS)
        if self.limit is not None and self.limit < 0:
            raise QuerySyntaxError(f"The limit is a number of documents, 0 or more: {self.limit}.")

    def __iter__(self) -> Iterator[str]:
        self.total = self.written = 0
        # One view throughout: every page and record comes from the same generation. The
        # thread that started the stream holds it between the pieces (its searches there see
        # that generation too), and a thread resuming the stream holds it for that step (a
        # consumer may resume the stream on another thread: audit 16, T1).
        with self.lease() as view:
            pages = self._pages()
            if self.fmt == "md":
                with self.holding(view):
                    memo = self._render(view, [p for page in pages for p in page], header=True)
                yield memo
                return
            number = 0
            while True:
                with self.holding(view):
                    page = next(pages, None)
                    if page is None:
                        return
                    piece = self._render(view, page, header=number == 0)
                yield piece
                number += 1

    def _pages(self) -> Iterator[list[Precedent]]:
        size = EXPORT_PAGE if self.limit is None else max(0, min(self.limit, EXPORT_PAGE))
        number = 1
        # Counted by this iteration: two at once (two threads, or interleaved) each hold
        # every match (sharing `written`, each stopped early: audit 16, T2).
        written = 0
        while True:
            result = self.search(
                self.query, filters=self.filters, sort=self.sort, page=number, limit=size, facets=[]
            )
            wanted = result.total if self.limit is None else min(self.limit, result.total)
            hits = result.hits[: max(0, wanted - written)]
            written += len(hits)
            self.total, self.written = result.total, written
            yield [Precedent(hit, self.show(hit.id)) for hit in hits]
            if written >= wanted or len(result.hits) < size:
                return
            number += 1

    def _render(self, view: View, precedents: list[Precedent], *, header: bool) -> str:
        return render(
            view.runner,
            precedents,
            fmt=self.fmt,
            query=self.query,
            total=self.total,
            sort=self.sort,
            language=self.language,
            csv_dialect=self.csv_dialect,
            header=header,
        )
