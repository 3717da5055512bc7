"""The site's per-legislature index (`dos_qu_legis_24-29.json`) -> `IndexEntry` -> records.

The index is not a documented API: it is the JSON the site's own question selector loads,
`{"data": [row, ...]}`, each row 16 strings with HTML entities left in and links as `<a>`
markup (see `COLUMNS`). Every entry becomes a metadata-only record (`source_format`
"index") so that it is searchable even when no page text is held; a fetched page of the
same question replaces it (the page's rank is higher at ingest, and `harvest` leaves the
entries whose page it holds out of the index-only file).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from typing import Any, Literal, get_args
from urllib.parse import parse_qs, urljoin, urlsplit

from pqsearch.analyze.fold import fold
from pqsearch.errors import FetchError
from pqsearch.models import Link, Question
from pqsearch.parse import fields
from pqsearch.parse.labels import FRENCH, TITLE_NL_PREFIXES
from pqsearch.parse.normalize import clean_inline

INDEX_PATH = "/prb_includes/weblex/data/dos_qu_legis_{legislature}.json"

# The 16 positional columns of a row, in order.
COLUMNS = (
    "assembly",
    "assembly_nl",
    "page_fr",
    "page_nl",
    "legislature",
    "date",
    "type_fr",
    "type_nl",
    "title_fr",
    "title_nl",
    "author",
    "addressee_fr",
    "addressee_nl",
    "bulletin_fr",
    "bulletin_nl",
    "type_code",
)

Kind = Literal["written", "oral", "interpellation", "request_for_explanations", "topical", "other"]
# The French type column, folded (lowercase ASCII), and the kind it is. A type not listed
# here is kept as "other" and named in the harvest's notes.
# The values are `models`' kind constants (WRITTEN, ORAL, ...), spelled out for the type checker.
KINDS: dict[str, Kind] = {
    "question ecrite": "written",
    "question orale": "oral",
    "interpellation": "interpellation",
    "demande d'explications": "request_for_explanations",
    "question d'actualite": "topical",
}
KIND_NAMES: tuple[Kind, ...] = get_args(Kind)

_ANCHOR = re.compile(
    r"""<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>(.*?)</a\s*>""",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]*>")
# A moncode or base: ASCII digits (`str.isdigit` also takes "²" and other scripts' digits).
_CODE = re.compile(r"[0-9]{1,20}")
# "B.I.Q. 53 (25/26) p. 12": the bulletin's session.
_BULLETIN_SESSION = re.compile(r"\((\d\d/\d\d)\)")


@dataclass(frozen=True)
class IndexEntry:
    """One row of the index, entities decoded and links taken out of their markup."""

    assembly: str
    legislature: str
    moncode: str
    base: str
    page_fr: str
    page_nl: str | None
    date: str
    type_fr: str
    type_nl: str
    kind: Kind
    title_fr: str
    title_nl: str
    author: str
    addressee_fr: str
    addressee_nl: str
    bulletins: tuple[Link, ...]
    type_code: str
    # SHA-256 of the raw row: a page is fetched again when its entry changed.
    row_hash: str

    @property
    def key(self) -> str:
        """What tells questions apart on the site: a number is not unique, base + moncode is."""
        return f"{self.base}/{self.moncode}"


@dataclass(frozen=True)
class ParsedIndex:
    """The entries of one legislature's index, and the rows that could not be read."""

    legislature: str
    entries: tuple[IndexEntry, ...]
    problems: tuple[str, ...]


def index_url(base_url: str, legislature: str) -> str:
    """The index of a legislature ("24/29" -> .../dos_qu_legis_24-29.json) on `base_url`."""
    return urljoin(base_url, INDEX_PATH.format(legislature=legislature_slug(legislature)))


def legislature_slug(legislature: str) -> str:
    """ "24/29" (or "2024-2029") as the index's file name writes it: "24-29"."""
    value = fields.period(legislature)
    if value is None or not re.fullmatch(r"\d\d/\d\d", value):
        raise FetchError(
            f"Legislature {legislature!r} is not one the site lists: write it as 24/29 "
            "(or 2024-2029)."
        )
    return value.replace("/", "-")


def parse_index(data: bytes, *, base_url: str, legislature: str, source: str) -> ParsedIndex:
    """The entries of an index file; `FetchError` when it is not an index at all.

    A row that cannot be read (or whose page link could name a file outside the harvest
    folder) is named in `problems` with the reason, and the others are kept.
    """
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise FetchError(
            f"{source} is not the site's JSON index ({error}); it may be cut short or an error "
            "page. Run the command again later."
        ) from None
    rows = document.get("data") if isinstance(document, dict) else None
    if not isinstance(rows, list):
        raise FetchError(f'{source} is JSON but has no "data" list of rows: not the site\'s index.')
    entries: list[IndexEntry] = []
    problems: list[str] = []
    rows_of: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        try:
            entry = _entry(row, base_url)
        except ValueError as error:
            problems.append(f"{source} row {number} skipped: {error}")
            continue
        if entry.key in rows_of:
            problems.append(
                f"{source} row {number}: the same question as row {rows_of[entry.key]} "
                f"(moncode {entry.moncode}), kept once"
            )
            continue
        rows_of[entry.key] = number
        entries.append(entry)
    return ParsedIndex(fields.period(legislature) or legislature, tuple(entries), tuple(problems))


def _entry(row: Any, base_url: str) -> IndexEntry:
    if not isinstance(row, list) or not all(isinstance(cell, str) for cell in row):
        raise ValueError("not a list of strings")
    if len(row) != len(COLUMNS):
        raise ValueError(f"{len(row)} columns, expected {len(COLUMNS)}")
    cells = dict(zip(COLUMNS, row, strict=True))
    links_fr = _links(cells["page_fr"], base_url)
    if not links_fr:
        raise ValueError("no link to the question's page")
    page_fr = links_fr[0].url
    query = parse_qs(urlsplit(page_fr).query)
    moncode = (query.get("moncode") or [""])[0]
    if not _CODE.fullmatch(moncode):
        raise ValueError(f"the page link {page_fr!r} has no moncode (a number)")
    # Both name the page's file (`pages.PageTask.file`): anything but a number could lead
    # out of the harvest folder ("1/../../x") or make a name the site never gives.
    base = (query.get("base") or ["1"])[0]
    if not _CODE.fullmatch(base):
        raise ValueError(
            f"the page link {page_fr!r} has base {base!r}, not a number (the page's file "
            "would be named by it)"
        )
    links_nl = _links(cells["page_nl"], base_url)
    text = {
        name: clean_inline(html.unescape(_TAG.sub(" ", value))) for name, value in cells.items()
    }
    return IndexEntry(
        assembly=text["assembly"] or fields.PARLIAMENT,
        legislature=fields.period(text["legislature"]) or text["legislature"],
        moncode=moncode,
        base=base,
        page_fr=page_fr,
        page_nl=links_nl[0].url if links_nl else None,
        date=text["date"],
        type_fr=text["type_fr"],
        type_nl=text["type_nl"],
        kind=KINDS.get(fold(text["type_fr"]), "other"),
        title_fr=text["title_fr"],
        title_nl=text["title_nl"],
        author=text["author"],
        addressee_fr=text["addressee_fr"],
        addressee_nl=text["addressee_nl"],
        bulletins=(
            *_links(cells["bulletin_fr"], base_url),
            *_links(cells["bulletin_nl"], base_url),
        ),
        type_code=text["type_code"],
        row_hash=hashlib.sha256(json.dumps(row, ensure_ascii=False).encode()).hexdigest(),
    )


def _links(markup: str, base_url: str) -> list[Link]:
    links = []
    for match in _ANCHOR.finditer(markup):
        href = html.unescape(next(group for group in match.groups()[:3] if group is not None))
        label = clean_inline(html.unescape(_TAG.sub(" ", match.group(4))))
        url = urljoin(base_url, href.strip())
        links.append(Link(label=label or url, url=url))
    return links


def index_record(entry: IndexEntry) -> dict[str, Any]:
    """The entry as a JSON Lines record in pqsearch's own schema (`Question.to_dict()`).

    No `source` or `content_hash`: the JSON Lines parser gives the file and the line's hash,
    so an unchanged entry stays unchanged at ingest. `question` is empty and `source_format`
    is "index": only the index's metadata is known.
    """
    addressee, role = fields.split_addressee(entry.addressee_fr)
    session = next(
        (m.group(1) for link in entry.bulletins if (m := _BULLETIN_SESSION.search(link.label))),
        None,
    )
    title = fields.strip_title_prefix(
        entry.title_fr, (f"{entry.type_fr} concernant", *FRENCH.title_prefixes)
    )
    title_nl = fields.strip_title_prefix(
        entry.title_nl, (f"{entry.type_nl} betreffende", *TITLE_NL_PREFIXES)
    )
    question = Question(
        id=entry.moncode,
        parliament=entry.assembly,
        kind=entry.kind,
        legislature=entry.legislature,
        session=session,
        number=None,
        language=FRENCH.language,
        title=title or entry.title_fr or f"{entry.type_fr} {entry.moncode}",
        title_nl=title_nl or None,
        author=entry.author or None,
        addressee=addressee,
        addressee_role=role,
        portfolios=fields.portfolios(role),
        # The index's one date: when the question was put (the sitting, for oral questions).
        received_on=fields.parse_date(entry.date),
        published_on=None,
        answered_on=None,
        procedure=(),
        question="",
        answer=None,
        annexes=entry.bulletins,
        source="",
        source_format="index",
        content_hash="",
        url=entry.page_fr,
    )
    record = question.to_dict()
    del record["source"], record["content_hash"]
    return record
