"""Which of the three input formats a document is, from its content (not its file name)."""

from __future__ import annotations

import re
from typing import Literal

from pqsearch.errors import UnknownFormatError
from pqsearch.parse.labels import LANGUAGES, Labels
from pqsearch.parse.text_page import looks_like_text_page

Format = Literal["html", "text", "jsonl"]

# Tags that any HTML page has and plain text hardly ever does.
_MARKUP = re.compile(r"<(?:!doctype\s+html|html|head|body|section|table|div|p|h3|dl)\b", re.I)


def detect_format(text: str, *, source: str) -> tuple[Format, Labels | None]:
    """The format of a decoded document and, for a page, the language of its labels.

    JSON Lines when the first non-blank character opens a JSON object; HTML when the
    question section's id is there; the text rendering when a question title line and a
    "Législature:" label are; other HTML (the HTML parser then says what is missing) when
    markup tags are. Anything else raises `UnknownFormatError` saying what was looked for.
    """
    start = text.lstrip("\ufeff \t\r\n")
    if start.startswith("{"):
        return "jsonl", None
    if any(labels.section_id in text for labels in LANGUAGES):
        return "html", None
    for labels in LANGUAGES:
        if looks_like_text_page(text, labels):
            return "text", labels
    if _MARKUP.search(text):
        return "html", None
    expected = "; ".join(
        f'a page with <section id="{labels.section_id}">, its text rendering '
        f'("{labels.title_prefixes[0]} ..." and "{labels.legislature}:")'
        for labels in LANGUAGES
    )
    raise UnknownFormatError(
        source,
        f"not a question page nor JSON Lines records: expected {expected}, or one JSON "
        "object per line",
    )
