"""Search results written out: a Markdown precedents memo, CSV, or JSON Lines.

The memo is what a drafter pastes into a note: for each precedent its title, number, session,
dates, author and addressee, a link to the source and the most relevant passage of the
answer, quoted word for word. It is in French unless English is asked for (`memo_text`).
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from pqsearch.analyze.answers import ANSWER_TYPE_LABELS, ANSWER_TYPE_LABELS_EN
from pqsearch.models import KIND_LABELS, Document, Hit, jsonable
from pqsearch.output import day
from pqsearch.query.filters import choose
from pqsearch.query.highlight import Matcher
from pqsearch.query.search import QueryRunner
from pqsearch.query.syntax import parse_query

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
    "MemoLanguage",
    "Precedent",
    "best_passage",
    "escape",
    "markdown",
    "render",
    "to_csv",
    "to_jsonl",
]
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\x00-\x1f\x7f]+", re.IGNORECASE)
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


# --- the memo's words, per language ---------------------------------------------------

MemoLanguage = Literal["fr", "en"]
MEMO_LANGUAGES: tuple[MemoLanguage, ...] = ("fr", "en")

# The words of the memo. "{n}" is a count, "{order}" the sort's words.
_WORDS: dict[MemoLanguage, dict[str, str]] = {
    "fr": {
        "title": "Précédents",
        "none": "Aucun document ne correspond.",
        "one": "1 document correspond ; le voici.",
        "all": "{total} documents correspondent ; les voici, {order_all}.",
        "first": "{total} documents correspondent ; voici le {order_one}.",
        "some": "{total} documents correspondent ; voici les {n} {order_some}.",
        "chosen_one": "{total} documents correspondent ; voici celui qui a été choisi.",
        "chosen_some": "{total} documents correspondent ; voici les {n} qui ont été choisis.",
        "question": "{kind} n°{number}, législature {legislature}, session {session}",
        "dates": "Reçue le {received}, publiée le {published}, réponse du {answered}",
        "answer_type": "Type de réponse : {label}",
        "source": "Source : {link}",
        "extract": "Réponse (extrait) :",
        "no_answer": "_Pas encore de réponse._",
        "not_published": "_Réponse du {answered}, non publiée._",
    },
    "en": {
        "title": "Precedents",
        "none": "No document matches.",
        "one": "1 document matches; here it is.",
        "all": "{total} documents match; here they are, {order_all}.",
        "first": "{total} documents match; the {order_one} follows.",
        "some": "{total} documents match; the {n} {order_some} follow.",
        "chosen_one": "{total} documents match; the one chosen follows.",
        "chosen_some": "{total} documents match; the {n} chosen follow.",
        "question": "{kind} no. {number}, legislature {legislature}, session {session}",
        "dates": "Received {received}, published {published}, answered {answered}",
        "answer_type": "Answer type: {label}",
        "source": "Source: {link}",
        "extract": "Answer (extract):",
        "no_answer": "_No answer yet._",
        "not_published": "_Answered on {answered}, answer not published._",
    },
}
# How the precedents are ordered, per sort: for all of them, the first one, the first few.
_ORDER: dict[MemoLanguage, dict[str, tuple[str, str, str]]] = {
    "fr": {
        "relevance": ("du plus pertinent au moins pertinent", "plus pertinent", "plus pertinents"),
        "newest": ("du plus récent au plus ancien", "plus récent", "plus récents"),
        "oldest": ("du plus ancien au plus récent", "plus ancien", "plus anciens"),
    },
    "en": {
        "relevance": ("most relevant first", "most relevant", "most relevant"),
        "newest": ("newest first", "newest", "newest"),
        "oldest": ("oldest first", "oldest", "oldest"),
    },
}


def escape(text: str) -> str:
    """Text on one line with Markdown's special characters escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def memo_text(
    query: str,
    precedents: Sequence[tuple[int, Document]],
    passage: Callable[[str], str],
    total: int,
    *,
    language: MemoLanguage = "fr",
    sort: str = "relevance",
    chosen: bool = False,
) -> str:
    """The memo for `precedents` ((rank, document) pairs) out of `total` matches; `passage`
    picks the quoted part of an answer; `chosen` as for `markdown`."""
    language = choose("memo language", language, MEMO_LANGUAGES)
    words = _WORDS[language]
    colon = " : " if language == "fr" else ": "  # French sets a space before the colon
    title = f"{words['title']}{colon}{escape(query)}" if query.strip() else words["title"]
    summary = _summary(words, _ORDER[language], sort, total, len(precedents), chosen)
    lines = [f"# {title}", "", summary]
    lines.append("")
    for rank, document in precedents:
        lines += _precedent(words, language, rank, document, passage)
    return "\n".join(lines)


def _summary(
    words: dict[str, str],
    orders: dict[str, tuple[str, str, str]],
    sort: str,
    total: int,
    n: int,
    chosen: bool,
) -> str:
    order_all, order_one, order_some = orders.get(sort, orders["relevance"])
    if total == 0:
        return words["none"]
    if total == 1:
        return words["one"]
    if chosen and n < total:
        # Picked by hand: they are not "the first n" of the sort, whatever their ranks.
        key = "chosen_one" if n == 1 else "chosen_some"
    else:
        key = "all" if n >= total else "first" if n == 1 else "some"
    return words[key].format(
        total=_count(total),
        n=_count(n),
        order_all=order_all,
        order_one=order_one,
        order_some=order_some,
    )


def _precedent(
    words: dict[str, str],
    language: MemoLanguage,
    rank: int,
    document: Document,
    passage: Callable[[str], str],
) -> list[str]:
    q = document.question
    labels = ANSWER_TYPE_LABELS if language == "fr" else ANSWER_TYPE_LABELS_EN
    kind = KIND_LABELS.get(q.kind, {}).get(language, q.kind)
    lines = [
        f"## {rank}. {escape(q.title)}",
        "",
        "- "
        + words["question"].format(
            kind=escape(kind),
            number=q.number if q.number is not None else "?",
            legislature=escape(q.legislature or "?"),
            session=escape(q.session or "?"),
        ),
        f"- {escape(q.author or '?')} → {escape(q.addressee or '?')}",
        "- "
        + words["dates"].format(
            received=day(q.received_on),
            published=day(q.published_on),
            answered=day(q.answered_on),
        ),
        "- " + words["answer_type"].format(label=labels.get(document.answer_type, "?")),
        "- " + words["source"].format(link=_link(q.url, q.source)),
        "",
    ]
    if q.answer:
        lines += [words["extract"], ""]
        quoted = passage(q.answer).splitlines()
        lines += [f"> {_quote(line)}" if line.strip() else ">" for line in quoted]
    elif q.answered_on is not None:
        lines.append(words["not_published"].format(answered=day(q.answered_on)))
    else:
        lines.append(words["no_answer"])
    lines.append("")
    return lines


def _count(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


def _quote(line: str) -> str:
    """A line of an answer escaped as the other lines are ("<script>", "a <b et c> d" are
    text in the rendered memo, not markup); a "* " item stays an item, as "- " ones do."""
    text = line.strip()
    return "* " + escape(text[2:]) if text.startswith("* ") else escape(text)


def _link(url: str | None, source: str) -> str:
    # Only a web address an autolink holds whole is a link: another scheme (javascript:) may
    # run where the memo is rendered; a "<", ">" or space would end it and let markup through.
    if url:
        return f"<{url}>" if _WEB_ADDRESS.fullmatch(url) else escape(url)
    # Fenced with more backquotes than it holds in a row, on one line, nothing in it ends it.
    one_line = " ".join(source.split())
    fence = "`" * (1 + max(map(len, re.findall("`+", one_line)), default=0))
    return f"{fence} {one_line} {fence}" if "`" in one_line else f"`{one_line}`"


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


def to_csv(precedents: Sequence[Precedent], *, dialect: CsvDialect = "excel-fr") -> str:
    """Every field as CSV, in the `excel-fr` dialect (BOM, ";", CRLF) or the `comma` one."""
    dialect = choose("CSV dialect", dialect, CSV_DIALECTS)
    buffer = io.StringIO()
    french = dialect == "excel-fr"
    writer = csv.DictWriter(
        buffer,
        fieldnames=CSV_COLUMNS,
        delimiter=";" if french else ",",
        lineterminator="\r\n" if french else "\n",
    )
    writer.writeheader()
    for precedent in precedents:
        writer.writerow(_row(precedent))
    # The byte-order mark is how a spreadsheet knows the file is UTF-8 (else "Ã©" for "é").
    return ("\ufeff" if french else "") + buffer.getvalue()


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
) -> str:
    """The precedents as CSV, JSON Lines or a memo whose passages hold the words of `query`
    (compiled by `runner`, which found them)."""
    if fmt == "csv":
        return to_csv(precedents, dialect=csv_dialect)
    if fmt == "jsonl":
        return to_jsonl(precedents)
    compiled = runner.compiler.compile(parse_query(query))
    matcher = Matcher(runner.index.lexicon, compiled.forms, compiled.lemmas, compiled.joining)
    return markdown(query, precedents, matcher, total, language=language, sort=sort, chosen=chosen)
