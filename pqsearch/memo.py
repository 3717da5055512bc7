"""The precedents memo's words and layout, in French or English, with Markdown escaped.

`memo_text` lays out documents already chosen and ranked, with the passage of each answer a
caller picks (`pqsearch.export` picks the one holding most of the query's words). Every text
that comes from a document is escaped, so HTML or Markdown in a record is text in the rendered
memo, and only a web address is written as a link.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Literal

from pqsearch.analyze.answer_types import ANSWER_TYPE_LABELS, ANSWER_TYPE_LABELS_EN, NOT_PUBLISHED
from pqsearch.models import KIND_LABELS, Document, Question
from pqsearch.output_dates import day
from pqsearch.query.filters import choose

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\x00-\x1f\x7f]+", re.IGNORECASE)

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
        "question": "{kind} n°{number}",
        "legislature": "législature {value}",
        "session": "session {value}",
        "received": "Reçue le {d}",
        "published": "publiée le {d}",
        "answered": "réponse du {d}",
        "answered_unpublished": "réponse du {d}, non publiée",
        "published_answer": "réponse publiée, sans date de réponse",
        "answer_type": "Type de réponse : {label}",
        "source": "Source : {link}",
        "extract": "Réponse (extrait) :",
        "no_answer": "_Pas encore de réponse._",
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
        "question": "{kind} no. {number}",
        "legislature": "legislature {value}",
        "session": "session {value}",
        "received": "Received {d}",
        "published": "published {d}",
        "answered": "answered {d}",
        "answered_unpublished": "answered on {d}, answer not published",
        "published_answer": "answer published, no reply date given",
        "answer_type": "Answer type: {label}",
        "source": "Source: {link}",
        "extract": "Answer (extract):",
        "no_answer": "_No answer yet._",
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
    summary = _summary(words, language, sort, total, len(precedents), chosen)
    lines = [f"# {title}", "", summary]
    lines.append("")
    for rank, document in precedents:
        lines += _precedent(words, language, rank, document, passage)
    return "\n".join(lines)


def _summary(
    words: dict[str, str],
    language: MemoLanguage,
    sort: str,
    total: int,
    n: int,
    chosen: bool,
) -> str:
    orders = _ORDER[language]
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
        total=thousands(total, language),
        n=thousands(n, language),
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
    # An answer sent and not printed: its dates say "non publiée", once (s20: its type line and
    # a line in the answer's place said it twice more).
    answer_type = (
        []
        if _unpublished(q, document.answer_type)
        else ["- " + words["answer_type"].format(label=labels.get(document.answer_type, "?"))]
    )
    lines = [
        f"## {rank}. {escape(q.title)}",
        "",
        "- "
        + ", ".join(
            [
                words["question"].format(
                    kind=escape(kind), number=q.number if q.number is not None else "?"
                ),
                # A federal record has no session: no "session ?" (s19).
                *[
                    words[name].format(value=escape(value))
                    for name, value in (("legislature", q.legislature), ("session", q.session))
                    if value
                ],
            ]
        ),
        f"- {escape(q.author or '?')} → {escape(q.addressee or '?')}",
        *[f"- {dates}" for dates in [_dates(words, q, document.answer_type)] if dates],
        *answer_type,
        "- " + words["source"].format(link=_link(q.url, q.source)),
        "",
    ]
    if q.answer:
        lines += [words["extract"], ""]
        quoted = passage(q.answer).splitlines()
        lines += [f"> {_quote(line)}" if line.strip() else ">" for line in quoted]
    elif q.answered_on is None:
        lines.append(words["no_answer"])
    else:
        return lines  # nothing in the answer's place: its blank line is already there
    lines.append("")
    return lines


def _unpublished(q: Question, answer_type: str) -> bool:
    """A reply date without text: the dates line says the answer was not published."""
    return answer_type == NOT_PUBLISHED and not q.answer and q.answered_on is not None


def _dates(words: dict[str, str], q: Question, answer_type: str) -> str:
    """The known dates, and a published answer whose record gives no reply date (the federal
    Chamber's bulletin) said so: never "réponse du —" (s18); an answer sent to the member and not
    printed is not called published (its type line says so: review W1)."""
    known = [
        words[key].format(d=day(value))
        for key, value in (
            ("received", q.received_on),
            ("published", q.published_on),
            ("answered" if q.answer else "answered_unpublished", q.answered_on),
        )
        if value is not None
    ]
    if q.answered_on is None and q.answer and answer_type != NOT_PUBLISHED:
        known.append(words["published_answer"])
    if not known:
        return ""
    return ", ".join([known[0][:1].upper() + known[0][1:], *known[1:]])


def thousands(n: int, language: str) -> str:
    """A count with the language's thousands separator: 10 000 in French (a narrow no-break
    space), 10,000 in English. The web pages write their counts with it too."""
    return f"{n:,}".replace(",", "\u202f" if language == "fr" else ",")


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
