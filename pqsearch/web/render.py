"""HTML rendering: the Jinja environment (autoescaped) and the few helpers templates use.

Everything a document says is text: templates print it through autoescape, highlights are
built from escaped pieces, and a link is only made of a URL whose scheme is on the allow-list
(`javascript:` and `data:` annex links are shown as text).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from pqsearch import Highlight
from pqsearch.web.params import shown_value

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
SAFE_SCHEMES = frozenset({"http", "https"})


def day(value: dt.date | None) -> str:
    """dd/mm/yyyy, the way a Belgian reader writes a date; a dash when unknown."""
    return value.strftime("%d/%m/%Y") if value else "—"


def safe_url(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) URL, else None (the template prints text)."""
    if not url:
        return None
    cleaned = url.strip()
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return None
    # Control characters or whitespace inside a URL are a trick, not an address.
    if any(ch.isspace() or ord(ch) < 32 for ch in cleaned):
        return None
    return cleaned


def marked(highlight: Highlight, css_class: str = "") -> Markup:
    """The highlight's text, escaped, with its matched words in `<mark>`."""
    opening = f'<mark class="{escape(css_class)}">' if css_class else "<mark>"
    pieces: list[str] = []
    last = 0
    for start, end in highlight.spans:
        pieces.append(str(escape(highlight.text[last:start])))
        pieces.append(f"{opening}{escape(highlight.text[start:end])}</mark>")
        last = end
    pieces.append(str(escape(highlight.text[last:])))
    return Markup("".join(pieces))


def paragraphs(text: str | None) -> list[str]:
    """A question or answer as its paragraphs (blank lines separate them in the records)."""
    if not text:
        return []
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def document_href(doc_id: str, language: str = "fr", results: str = "") -> str:
    """The document page's address (ids are quoted: they come from the documents), with the
    search it is opened from (`results`: `SearchState.results()`) for its link back."""
    pairs = [("lang", "en")] if language == "en" else []
    if results:
        pairs.append(("results", results))
    return f"/documents/{quote(doc_id, safe='')}" + (f"?{urlencode(pairs)}" if pairs else "")


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "svg"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["day"] = day
    env.filters["safe_url"] = safe_url
    env.filters["marked"] = marked
    env.filters["paragraphs"] = paragraphs
    env.globals["document_href"] = document_href
    env.globals["shown_value"] = shown_value
    return env
