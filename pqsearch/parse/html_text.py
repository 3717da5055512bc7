"""The text a browser shows for a part of an HTML page, with its layout made plain.

Paragraphs and headings are separated by a blank line, `<br>` ends a line, list items are
lines starting "- " (or "1. ", "2. ", ... in a numbered list; items of nested lists too, not
indented). A table is read row by row: a row of several cells is one line with the cells joined
by " | " (an empty cell stays as an empty column so the columns line up, empty cells at the end
of a row are dropped); a row with a cell holding several lines is written as paragraphs in
reading order, which is how the answers laid out as Word tables read best, and such a table's
rows are set apart by blank lines. Scripts, styles, images and comments show
nothing, as in a browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pqsearch.parse.normalize import clean_text

# Elements a browser does not show as text.
_HIDDEN = frozenset(
    {"script", "style", "svg", "head", "template", "noscript", "img", "iframe", "object", "math"}
)
_PARAGRAPHS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "hr", "address"}
)
_LINES = frozenset(
    {
        "div", "section", "article", "header", "footer", "main", "aside", "nav", "dl", "dt",
        "dd", "center", "form", "fieldset", "legend", "caption", "details", "summary", "tr",
        "td", "th", "tbody", "thead", "tfoot", "option", "figcaption",
    }
)  # fmt: skip
_ROW_GROUPS = frozenset({"tbody", "thead", "tfoot"})
_CELLS = frozenset({"td", "th"})

_LINE = 1
_PARAGRAPH = 2

# White space a browser collapses; a tab that does not follow a line break is kept, since a
# tab between two words separates the columns of a row laid out with tabs.
_INDENTED_LINE_BREAK = re.compile(r"[ \r\f]*\n[ \t\r\n\f]*")
_SPACES = re.compile(r"[ \r\f]+")

Node = Any  # a selectolax LexborNode; the library ships no type information


class _Writer:
    """Collects inline text and breaks; breaks in a row merge into the strongest of them."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.inline: list[str] = []
        self.pending = 0
        self.prefix = ""

    def text(self, value: str) -> None:
        self.inline.append(value)

    def block(self, value: str) -> None:
        """Text already laid out (a rendered table): kept apart as a paragraph."""
        self.brk(_PARAGRAPH)
        if value:
            self._emit(value)
        self.brk(_PARAGRAPH)

    def brk(self, strength: int) -> None:
        self._flush()
        self.pending = max(self.pending, strength)

    def line_break(self) -> None:
        """A `<br>`: ends the line; a second one in a row leaves an empty line."""
        if self._flush() or not self.pending:
            self.pending = max(self.pending, _LINE)
        else:
            self.pending += 1

    def list_item(self, marker: str) -> None:
        self.brk(_LINE)
        self.prefix = marker

    def end_list_item(self) -> None:
        self.brk(_LINE)
        # An empty item leaves no marker behind for the text after the list.
        self.prefix = ""

    def _flush(self) -> bool:
        if not self.inline:
            return False
        line = _SPACES.sub(" ", _INDENTED_LINE_BREAK.sub(" ", "".join(self.inline)))
        self.inline = []
        if not line.strip(" \t\u00a0"):
            return False
        self._emit(line)
        return True

    def _emit(self, value: str) -> None:
        if self.parts and self.pending:
            self.parts.append("\n" * self.pending)
        self.pending = 0
        if self.prefix:
            value = self.prefix + value.lstrip(" \t\u00a0")
            self.prefix = ""
        self.parts.append(value)

    def result(self) -> str:
        self._flush()
        return clean_text("".join(self.parts))


def render(node: Node) -> str:
    """The visible text of `node`'s content, laid out as plain text (see the module doc)."""
    writer = _Writer()
    for child in node.iter(include_text=True):
        _visit(child, writer, 0)
    return writer.result()


def _visit(node: Node, writer: _Writer, list_depth: int) -> None:
    tag = node.tag
    if tag == "-text":
        writer.text(node.text_content or "")
    elif tag in _HIDDEN or tag.startswith("-"):
        return
    elif tag == "br":
        writer.line_break()
    elif tag == "table":
        writer.block(_render_table(node))
    elif tag in ("ul", "ol"):
        _visit_list(node, writer, list_depth + 1)
    elif tag == "li":
        # An item outside any list: still an item.
        writer.list_item("- ")
        _visit_children(node, writer, list_depth)
        writer.end_list_item()
    elif tag in _PARAGRAPHS:
        # Inside a list item a paragraph is just the item's text on its own line.
        strength = _LINE if list_depth else _PARAGRAPH
        writer.brk(strength)
        _visit_children(node, writer, list_depth)
        writer.brk(strength)
    elif tag in _LINES:
        writer.brk(_LINE)
        _visit_children(node, writer, list_depth)
        writer.brk(_LINE)
    else:
        _visit_children(node, writer, list_depth)


def _visit_children(node: Node, writer: _Writer, list_depth: int) -> None:
    for child in node.iter(include_text=True):
        _visit(child, writer, list_depth)


def _visit_list(node: Node, writer: _Writer, list_depth: int) -> None:
    strength = _LINE if list_depth > 1 else _PARAGRAPH
    writer.brk(strength)
    numbered = node.tag == "ol"
    number = _int_attribute(node, "start", 1)
    for child in node.iter(include_text=True):
        if child.tag != "li":
            _visit(child, writer, list_depth)
            continue
        if numbered:
            number = _int_attribute(child, "value", number)
            marker = f"{number}. "
            number += 1
        else:
            marker = "- "
        writer.list_item(marker)
        _visit_children(child, writer, list_depth)
        writer.end_list_item()
    writer.brk(strength)


def _int_attribute(node: Node, name: str, default: int) -> int:
    value = (node.attributes.get(name) or "").strip()
    return int(value) if value.isdigit() and len(value) < 7 else default


def _render_table(table: Node) -> str:
    rows: list[str] = []
    for row in _rows(table):
        cells = [render(cell) for cell in row.iter() if cell.tag in _CELLS]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        if any("\n" in cell for cell in cells):
            rows.append("\n\n".join(cell for cell in cells if cell))
        else:
            rows.append(" | ".join(cells))
    # Rows of paragraphs (a Word layout table) are set apart; short rows stay together.
    separator = "\n\n" if any("\n" in row for row in rows) else "\n"
    return separator.join(rows)


def _rows(table: Node) -> Iterator[Node]:
    """The table's own rows, in order, not those of tables nested in its cells."""
    for child in table.iter():
        if child.tag == "tr":
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from (row for row in child.iter() if row.tag == "tr")
