"""Field values read the same way whatever the source: dates, legislature, names, ids.

A page and a record of the same question go through these functions, so that both give the
same values ("2024-2029" and "24/29" are the legislature "24/29"; "Ahmed Laaouej - Ministre
..." and "Ahmed Laaouej, Ministre ..." give the same addressee and role).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from unidecode import unidecode

from pqsearch.models import ORAL_TURNED_WRITTEN, WRITTEN, Link, ProcedureStep, Question
from pqsearch.parse.labels import FRENCH, Labels
from pqsearch.parse.normalize import clean_inline

PARLIAMENT = "PRB"
PAGE_URL = "https://www.parlement.brussels/weblex-quest-det/?moncode={moncode}&base=1"

# "23/02/2021", "1/09/2026": day and month of one or two digits, a four-digit year.
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?")
# "19/24", "2019-2024", "2019/24", "19-24".
_PERIOD = re.compile(r"(?:\d\d)?(\d\d)\s*[/-]\s*(?:\d\d)?(\d\d)")
_MONCODE = re.compile(r"(?<!\w)moncode=(\d+)")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def parse_date(text: str | None) -> dt.date | None:
    """The date written as "dd/mm/yyyy" (or "d/m/yyyy", or ISO "yyyy-mm-dd"), else None.

    Pages write an unknown date as "//" or leave it blank; a date that cannot exist
    ("31/02/2026"), a two-digit year or any other text is treated the same way: unknown.
    """
    if not text:
        return None
    value = text.strip()
    if match := _DAY_MONTH_YEAR.fullmatch(value):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.fullmatch(value):
        year, month, day = (int(part) for part in match.groups())
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_blank_date(text: str | None) -> bool:
    """True when a date field says "no date" ("", "//", " / / ") rather than a bad date."""
    return not (text or "").replace("/", "").replace("-", "").strip()


def period(text: str | None) -> str | None:
    """A legislature or session as "yy/yy" ("2019-2024" -> "19/24"), None when absent."""
    if not text or not text.strip():
        return None
    value = clean_inline(text)
    if match := _PERIOD.fullmatch(value):
        return f"{match.group(1)}/{match.group(2)}"
    return value


def strip_title_prefix(title: str, prefixes: tuple[str, ...]) -> str:
    """The subject of a title: "Question écrite concernant la X" -> "la X"."""
    title = clean_inline(title)
    folded = title.casefold()
    for prefix in prefixes:
        if folded.startswith(prefix.casefold()):
            return title[len(prefix) :].lstrip(" :")
    return title


# The index keeps question numbers as signed 32-bit integers.
MAX_NUMBER = 2**31 - 1


def split_number(text: str, labels: Labels = FRENCH) -> tuple[str, int | None]:
    """The addressee text without its "(question n°369)" ending, and that number."""
    text = clean_inline(text)
    pattern = rf"\(\s*{_loose(labels.number)}\s*(\d+)\s*\)\s*$"
    if match := re.search(pattern, text, flags=re.IGNORECASE):
        return text[: match.start()].rstrip(" ,"), int(match.group(1))
    return text, None


def split_addressee(text: str) -> tuple[str | None, str | None]:
    """The person and their title: "Pascal Smet, Secrétaire d'État ..." -> both parts.

    Pages separate them with a comma, the records with " - "; whichever comes first counts.
    """
    text = clean_inline(text)
    if not text:
        return None, None
    # The first separator ends the name: a role may hold a comma or a dash itself.
    cuts = [
        (at, separator) for separator in (" - ", " – ", ", ") if (at := text.find(separator)) > 0
    ]
    if not cuts:
        return text, None
    at, separator = min(cuts)
    return text[:at].strip(), text[at + len(separator) :].strip() or None


def portfolios(role: str | None, labels: Labels = FRENCH) -> tuple[str, ...]:
    """The competences listed in an addressee's title, in order.

    "..., chargé de l'Urbanisme et du Patrimoine, des Relations européennes et
    internationales" -> ("Urbanisme", "Patrimoine", "Relations européennes et
    internationales"): items are separated by commas, or by the conjunction when an article
    follows it ("et du Patrimoine"), never inside a name ("européennes et internationales").
    """
    if not role:
        return ()
    markers = "|".join(sorted(map(re.escape, labels.portfolio_markers), key=len, reverse=True))
    start = re.search(rf"\b(?:{markers})\b", role, flags=re.IGNORECASE)
    if start is None:
        return ()
    listing = role[start.end() :]
    articles = "|".join(re.escape(article.strip()) for article in labels.portfolio_articles)
    # Split at ", <article>" and " et <article>"; an article is a word ("du ") or elided ("d'").
    conjunction = re.escape(labels.conjunction)
    boundary = rf"(?:,\s*|\s+{conjunction}\s+)(?=(?:{articles})(?:\s|(?<=['’])))"
    items = []
    for chunk in re.split(boundary, listing, flags=re.IGNORECASE):
        item = _strip_article(chunk.strip(" ,;."), labels)
        if item:
            items.append(item[0].upper() + item[1:])
    return tuple(items)


def _strip_article(item: str, labels: Labels) -> str:
    folded = item.casefold()
    for article in labels.portfolio_articles:
        if folded.startswith(article.casefold()):
            return item[len(article) :].strip()
    return item


def moncode_from_url(url: str) -> str | None:
    """The document code in a page link ("...?moncode=170229&base=1" -> "170229")."""
    match = _MONCODE.search(url)
    return match.group(1) if match else None


def page_url(moncode: str) -> str:
    """The French page of a question, as the pages link to it."""
    return PAGE_URL.format(moncode=moncode)


def derived_id(
    *,
    parliament: str,
    legislature: str | None,
    session: str | None,
    addressee: str | None,
    number: int | None,
    fallback: str,
) -> str:
    """A stable id for a question without a moncode: "PRB-19_24-20_21-pascal-smet-369".

    Parliament, legislature, session (with "_" for "/"), the addressee's name as lowercase
    ASCII words joined by "-", and the number: no spaces, no slashes, safe in a URL and a
    shell. Without a number the question cannot be told apart from the addressee's others,
    so the id falls back to "PRB-" and the start of `fallback` (the content hash).
    """
    if number is None or not addressee:
        return f"{parliament}-{fallback[:16]}"
    parts = [
        parliament,
        (legislature or "x").replace("/", "_"),
        (session or "x").replace("/", "_"),
        slug(addressee),
        str(number),
    ]
    return "-".join(part for part in parts if part)


def slug(text: str) -> str:
    """Lowercase ASCII words joined by "-": "Elke Van den Brandt" -> "elke-van-den-brandt"."""
    return _SLUG_JUNK.sub("-", unidecode(text).lower()).strip("-")


def content_hash(data: bytes) -> str:
    """The SHA-256 of the raw bytes of a document (of a record's line for JSON Lines), in hex."""
    return hashlib.sha256(data).hexdigest()


def _loose(label: str) -> str:
    """A regex for `label` that tolerates spacing and "n°"/"nº"/"no" variants."""
    pattern = r"\s*".join(re.escape(word) for word in label.split())
    return pattern.replace("°", "[°º.o]?")


def page_question(
    *,
    labels: Labels,
    values: dict[str, str],
    title: str,
    author: str | None,
    addressee: str | None,
    addressee_role: str | None,
    number: int | None,
    procedure: tuple[ProcedureStep, ...],
    question: str,
    answer: str,
    annexes: tuple[Link, ...],
    source: str,
    source_format: str,
    content_hash: str,
    moncode: str | None = None,
    url: str | None = None,
) -> Question:
    """The record of a question page, from what its parser (HTML or text rendering) read.

    `values` maps the page's labels ("Législature", "Date de réception", ...) to their text;
    the id, kind, portfolios and dates are derived here the same way for both renderings.
    """
    legislature = period(values[labels.legislature])
    session = period(values[labels.session])
    oral = any(step.act.startswith(labels.oral_turned_written) for step in procedure)
    return Question(
        id=moncode
        or derived_id(
            parliament=PARLIAMENT,
            legislature=legislature,
            session=session,
            addressee=addressee,
            number=number,
            fallback=content_hash,
        ),
        parliament=PARLIAMENT,
        kind=ORAL_TURNED_WRITTEN if oral else WRITTEN,
        legislature=legislature,
        session=session,
        number=number,
        language=labels.language,
        title=strip_title_prefix(title, labels.title_prefixes),
        title_nl=None,
        author=author or None,
        addressee=addressee,
        addressee_role=addressee_role,
        portfolios=portfolios(addressee_role, labels),
        received_on=parse_date(values.get(labels.received)),
        published_on=parse_date(values.get(labels.published)),
        answered_on=parse_date(values.get(labels.answered)),
        procedure=procedure,
        question=question,
        answer=answer or None,
        annexes=annexes,
        source=source,
        source_format=source_format,
        content_hash=content_hash,
        url=url,
    )
