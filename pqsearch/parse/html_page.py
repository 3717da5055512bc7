"""A parlement.brussels question page saved as HTML -> `Question`.

The question is the `<section id="weblex-quest-det-fr">` of the page: an `<h3>` title, a
`<dl>` with the author ("de") and the addressee ("à"), a table of dates, legislature and
session, the acts table, and a table whose rows are labelled "Question" and "Réponse". The
labels come from `labels.py`; the page is read with an HTML5 parser (Lexbor), which also maps
Windows-1252 numeric references such as `&#146;` to the characters meant.
"""

from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from pqsearch.errors import InvalidFieldError, MissingFieldError, UnknownFormatError
from pqsearch.models import Link, ProcedureStep, Question
from pqsearch.parse import fields
from pqsearch.parse.html_text import render
from pqsearch.parse.labels import LANGUAGES, Labels
from pqsearch.parse.normalize import clean_inline

Node = Any  # a selectolax LexborNode; the library ships no type information

# Lexbor's tree building is quadratic in the depth of nested block elements (100,000 nested
# <div> take half a minute); real pages nest about 25 deep, so far past that is refused first.
MAX_NESTING = 5_000
# Elements that never stay open around their followers (void, or closed by a sibling).
_NOT_NESTING = (
    "area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|dt|dd|tr|td|th|"
    "option|optgroup|tbody|thead|tfoot|colgroup|rb|rt|rp|frame|basefont|bgsound|keygen"
)
_NESTING_TAG = re.compile(
    rf"<(/?)(?!(?:{_NOT_NESTING})(?![a-zA-Z0-9:-]))[a-zA-Z][a-zA-Z0-9:-]*", re.IGNORECASE
)

# Longer than any label cell ("Date de publication: 01/09/2026" with the site's indentation).
_SHORT_CELL = 200


def parse_html(text: str, *, source: str, content_hash: str) -> Question:
    """The question on a saved page; `ParseError` naming what is missing when it is not one."""
    _check_nesting(text, source)
    tree = LexborHTMLParser(text)
    section, labels = _question_section(tree, text, source)
    _check_complete(text, labels, source)

    title = section.css_first("h3")
    if title is None or not clean_inline(title.text()):
        raise MissingFieldError(source, "no title: the question section has no <h3>")
    author, addressee, addressee_role, number = _people(section, labels, source)
    values = _labelled_values(section, labels)
    for label in (labels.legislature, labels.session):
        if label not in values:
            raise MissingFieldError(source, f'no "{label}:" in the question section')
    procedure = _procedure(section, labels)
    question_cell, answer_cell = _question_and_answer(section, labels, source)
    question = render(question_cell)
    answer = render(answer_cell) if answer_cell is not None else ""

    moncode, url = _moncode_and_url(tree, labels)
    return fields.page_question(
        labels=labels,
        values=values,
        title=title.text(),
        author=author,
        addressee=addressee,
        addressee_role=addressee_role,
        number=number,
        procedure=procedure,
        question=question,
        answer=answer,
        annexes=_annexes(section, labels, answer_cell),
        source=source,
        source_format="html",
        content_hash=content_hash,
        moncode=moncode,
        url=url,
    )


def _question_section(tree: LexborHTMLParser, text: str, source: str) -> tuple[Node, Labels]:
    for labels in LANGUAGES:
        section = tree.css_first(f'section[id="{labels.section_id}"]')
        if section is not None:
            return section, labels
    wanted = " or ".join(f'<section id="{labels.section_id}">' for labels in LANGUAGES)
    reason = f"an HTML page but not a question page: no {wanted}"
    if "</html>" not in text[-2000:].lower():
        reason += " (the file ends before </html>: it may be cut short)"
    raise UnknownFormatError(source, reason)


def _check_complete(text: str, labels: Labels, source: str) -> None:
    # The HTML5 parser closes whatever a cut file leaves open, so a page cut inside the
    # question would pass for a shorter question; the end tag in the bytes tells them apart.
    start = text.find(labels.section_id)
    if text.find("</section>", start) < 0:
        raise MissingFieldError(
            source, f'truncated page: the <section id="{labels.section_id}"> never ends'
        )


def _people(section: Node, labels: Labels, source: str) -> tuple[str, str, str | None, int | None]:
    """Author, addressee, the addressee's title and the question number, from the `<dl>`."""
    terms: dict[str, Node] = {}
    term: str | None = None
    # The site wraps some <dd> in <b>, so they are not the <dt>'s siblings: pair in page order.
    for node in section.css("dl dt, dl dd"):
        if node.tag == "dt":
            term = clean_inline(node.text())
        elif term is not None and term not in terms:
            terms[term] = node
    author_node, addressee_node = terms.get(labels.author), terms.get(labels.addressee)
    if author_node is None or not clean_inline(author_node.text()):
        raise MissingFieldError(source, f'no author: no "{labels.author}" entry with a name')
    if addressee_node is None or not clean_inline(addressee_node.text()):
        raise MissingFieldError(source, f'no addressee: no "{labels.addressee}" entry with a name')
    rest, number = fields.split_number(addressee_node.text(), labels)
    bold = addressee_node.css_first("b")
    name = clean_inline(bold.text()) if bold is not None else ""
    if name and rest.startswith(name):
        role = rest[len(name) :].lstrip(" ,-–") or None
    else:
        found_name, role = fields.split_addressee(rest)
        name = found_name or rest
    return clean_inline(author_node.text()), name, role, number


def _labelled_values(section: Node, labels: Labels) -> dict[str, str]:
    """Cells written "Label: value" (dates, legislature, session), first one of each label."""
    wanted = (
        labels.received,
        labels.published,
        labels.answered,
        labels.legislature,
        labels.session,
    )
    values: dict[str, str] = {}
    for cell in section.css("td"):
        raw = cell.text()
        # Label cells are short; skip the long text cells without cleaning them.
        if len(raw) > _SHORT_CELL or ":" not in raw:
            continue
        label, colon, value = clean_inline(raw).partition(":")
        if colon and label.strip() in wanted and label.strip() not in values:
            values[label.strip()] = value.strip()
    return values


def _procedure(section: Node, labels: Labels) -> tuple[ProcedureStep, ...]:
    for table in section.css("table"):
        rows = _rows(table)
        if not rows:
            continue
        header = [clean_inline(cell.text()) for cell in _cells(rows[0])]
        if tuple(header[:2]) != labels.procedure_header:
            continue
        steps = []
        for row in rows[1:]:
            cells = [clean_inline(cell.text()) for cell in _cells(row)]
            if not any(cells):
                continue
            cells += [""] * (5 - len(cells))
            link = next(iter(_links(row)), None)
            steps.append(
                ProcedureStep(
                    date=fields.parse_date(cells[0]),
                    act=cells[1],
                    body=cells[2] or None,
                    reference=cells[3] or None,
                    link=link.url if link else None,
                    page=cells[4] or None,
                )
            )
        return tuple(steps)
    return ()


def _question_and_answer(section: Node, labels: Labels, source: str) -> tuple[Node, Node | None]:
    """The cells next to the "Question" and "Réponse" labels (the answer's may be absent)."""
    for cell in section.css("td"):
        raw = cell.text()
        if len(raw) > _SHORT_CELL or clean_inline(raw) != labels.question:
            continue
        content = _next_cell(cell)
        table = _ancestor(cell, "table")
        if content is None or table is None:
            continue
        answer = None
        for row in _rows(table):
            cells = _cells(row)
            if cells and clean_inline(cells[0].text()) == labels.answer:
                answer = _next_cell(cells[0])
                break
        return content, answer
    raise MissingFieldError(source, f'no "{labels.question}" row: the question text is missing')


def _annexes(section: Node, labels: Labels, answer_cell: Node | None) -> tuple[Link, ...]:
    """Links of the acts table (the annexes of the answer) and of the answer itself."""
    found: dict[str, Link] = {}
    for table in section.css("table"):
        rows = _rows(table)
        header = [clean_inline(cell.text()) for cell in _cells(rows[0])] if rows else []
        if tuple(header[:2]) == labels.procedure_header:
            for link in _links(table):
                found.setdefault(link.url, link)
            break
    if answer_cell is not None:
        for link in _links(answer_cell):
            found.setdefault(link.url, link)
    return tuple(found.values())


def _links(node: Node) -> list[Link]:
    links = []
    for anchor in node.css("a[href]"):
        url = _href(anchor.attributes)
        # Footnote anchors ("#_ftn1") and mail links are not documents.
        if url.lower().startswith(("http://", "https://")):
            links.append(Link(label=clean_inline(anchor.text()) or url, url=url))
    return links


def _href(attributes: dict[str, str | None]) -> str:
    """An anchor's href, whole even when a stray quote or space ended it before the file's
    extension: `href='.../169909/IMAGES'.pdf#page=` reads as href=".../IMAGES" followed by
    an attribute named ".pdf#page", which no real attribute name starts like."""
    url = (attributes.get("href") or "").strip()
    names = list(attributes)
    for name in names[names.index("href") + 1 :] if "href" in names else ():
        if not name.startswith((".", "#", "?", "&")):
            break
        value = attributes[name]
        url += name + ("=" + value if value is not None else "")
    return url


def _moncode_and_url(tree: LexborHTMLParser, labels: Labels) -> tuple[str | None, str | None]:
    """The page's document code and URL, from its link to itself in its own language."""
    candidates = [
        node.attributes.get("href") or ""
        for node in tree.css(f'link[rel="alternate"][hreflang="{labels.language}"]')
    ]
    candidates += [node.attributes.get("href") or "" for node in tree.css("a[href], link[href]")]
    for href in candidates:
        moncode = fields.moncode_from_url(href)
        if moncode is not None:
            return moncode, fields.page_url(moncode)
    return None, None


def _rows(table: Node) -> list[Node]:
    rows = []
    for child in table.iter():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("tbody", "thead", "tfoot"):
            rows.extend(row for row in child.iter() if row.tag == "tr")
    return rows


def _cells(row: Node) -> list[Node]:
    return [cell for cell in row.iter() if cell.tag in ("td", "th")]


def _next_cell(cell: Node) -> Node | None:
    node = cell.next
    while node is not None and node.tag not in ("td", "th"):
        node = node.next
    return node


def _ancestor(node: Node, tag: str) -> Node | None:
    node = node.parent
    while node is not None and node.tag != tag:
        node = node.parent
    return node


def _check_nesting(text: str, source: str) -> None:
    """Refuse markup that would keep the HTML parser busy for minutes (see MAX_NESTING)."""
    depth = 0
    for match in _NESTING_TAG.finditer(text):
        if match.group(1):
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > MAX_NESTING:
            raise InvalidFieldError(
                source,
                f"markup nested more than {MAX_NESTING:,} elements deep; a question page "
                "nests about 25, so this is not one",
            )
