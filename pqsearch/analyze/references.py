"""References in a text to other parliamentary questions, and which indexed ones they mean.

`extract_references` finds "question écrite n° 123", "ma réponse à la question n° 59 (session
2020-2021)", "QE n° 45", "questions écrites nos 12 et 13", "interpellation n° 7", and the
Dutch of the federal bulletins ("schriftelijke vraag nr. 1590 van 5 december 2016"). It needs
a number sign ("n°", "nr.", "numéro"): "la question 7" inside an answer is a sub-question.

`resolve` is the pure half of linking: given the indexed documents that carry the cited
number, it says which ones the reference may mean.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pqsearch.analyze.fold import fold, fold_in_place
from pqsearch.models import Question

# Kinds of cited question (`Reference.kind`).
WRITTEN = "written"
ORAL = "oral"
INTERPELLATION = "interpellation"
UNSPECIFIED = "unspecified"

# Kinds that can name an indexed document: the index holds written questions (including the
# oral questions turned into written ones, which are numbered with the written ones).
RESOLVABLE_KINDS = frozenset({WRITTEN, UNSPECIFIED})

# (id, number, session, addressee) of an indexed document.
Candidate = tuple[str, int | None, str | None, str | None]


@dataclass(frozen=True)
class Reference:
    """One cited question.

    `session` is normalised like the parse step ("20/21") and None when the text gives none;
    `date` is the date written next to the number ("du 12 mars 2021"), which may be the date
    of the question or of its answer; `text` is the matched span as written.
    """

    number: int
    session: str | None
    kind: str
    text: str
    date: dt.date | None = None


_KIND_WORDS = (
    # (pattern, kind); the first that matches the words before the number sign decides.
    (r"\b(?:qe|schriftelijke)\b|ecrites?\b", WRITTEN),
    (r"\b(?:orales?|mondelinge|actualite)\b", ORAL),
    (r"\binterpellati", INTERPELLATION),
)

# Patterns run on text folded by `fold_in_place` (lowercase, no accents). Matching starts at
# the number sign, which always begins with "n": a pattern with a literal first character lets
# the regex engine skip through a long answer quickly (an alternation of words does not).
_SIGN_CORE = r"n(?:\s?[°º?]\s?s?|os?\b|rs?\b\.?|umeros?\b|ummers?\b)"
_SIGN = rf"(?:met\s+)?{_SIGN_CORE}"
# The words before the sign, ending where the sign starts.
_PREFIX = (
    r"(?:\bqe"
    r"|\bquestions?(?:\s+(?:ecrites?|orales?|parlementaires?|d'actualite))?"
    r"|\binterpellations?"
    r"|\b(?:schriftelijke\s+|mondelinge\s+)?(?:parlementaire\s+)?(?:vraag|vragen)"
    r"|\binterpellaties?"
    r")\s+(?:met\s+)?$"
)
_PREFIX_WINDOW = 60
# "1807" or "1.807"; not "12/2021" (a numbering scheme we cannot resolve).
_NUMBER = r"(?:\d{1,3}(?:\.\d{3})+|\d{1,6})(?![\d/])"
# Dutch "en" is "and", French "en" is "in": "n° 45 en 2020" is not two questions.
_LIST_SEP = r"(?:,|\bet\b|\ben\b(?!\s+(?:19|20)\d\d\b)|&)"
_RANGE_SEP = r"(?:\ba\b|\bau\b|\btot\b|-)"
_MORE = rf"(?:\s*(?:{_LIST_SEP}|{_RANGE_SEP})\s*(?:{_SIGN}\s*)?{_NUMBER})*"
# A range longer than this is more likely a misreading than a list of cited questions.
_MAX_RANGE = 50
_SESSION = r"(?P<session>(?:19|20)?\d\d\s*[-/]\s*(?:19|20)?\d\d)"
_MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "oktober": 10, "september": 9, "november": 11, "december": 12,
}  # fmt: skip
_DATE = (
    r"(?P<date>(?P<day>\d{1,2})(?:er)?\s+(?P<month>" + "|".join(_MONTHS) + r")\s+(?P<year>\d{4})"
    r"|(?P<nday>\d{1,2})/(?P<nmonth>\d{1,2})/(?P<nyear>\d{4}))"
)
_TAIL = (
    rf"(?:\s*,?\s*\(?\s*(?:de\s+la\s+|van\s+de\s+)?(?:session|zitting)\s+{_SESSION}\)?"
    rf"|\s+(?:du|van|d[eu]\s+)\s*{_DATE})?"
)
_SIGN_RE = re.compile(_SIGN_CORE)
_PREFIX_RE = re.compile(_PREFIX)
_AFTER_RE = re.compile(rf"{_SIGN_CORE}\s*(?P<numbers>{_NUMBER}{_MORE}){_TAIL}")
_NUMBERS_RE = re.compile(rf"(?P<number>{_NUMBER})|(?P<range>{_RANGE_SEP})")
_KIND_RES = tuple((re.compile(p), kind) for p, kind in _KIND_WORDS)


def extract_references(text: str) -> tuple[Reference, ...]:
    """The questions `text` cites, in order of first mention, each (number, session, kind) once.

    A list ("questions écrites nos 12 et 13 (session 2020-2021)") gives one reference per
    number, each with the session and the whole list as `text`.
    """
    folded = fold_in_place(text)
    found: dict[tuple[int, str | None, str], Reference] = {}
    covered = 0
    for sign in _SIGN_RE.finditer(folded):
        at = sign.start()
        if at < covered or (at > 0 and folded[at - 1].isalnum()):
            continue
        window_start = max(0, at - _PREFIX_WINDOW)
        prefix = _PREFIX_RE.search(folded, window_start, at)
        after = _AFTER_RE.match(folded, at)
        if prefix is None or after is None:
            continue
        covered = after.end()
        kind = _kind(prefix.group())
        session = normalize_session(after.group("session"))
        day = _date(after)
        span = " ".join(text[prefix.start() : after.end()].split())
        for number in _numbers(after.group("numbers")):
            found.setdefault((number, session, kind), Reference(number, session, kind, span, day))
    return tuple(found.values())


def question_references(question: Question) -> tuple[Reference, ...]:
    """The references in a question's text and answer, each once (question text first)."""
    found: dict[tuple[int, str | None, str], Reference] = {}
    for text in (question.question, question.answer or ""):
        for reference in extract_references(text):
            found.setdefault((reference.number, reference.session, reference.kind), reference)
    return tuple(found.values())


def resolve(
    reference: Reference,
    candidates: Iterable[Candidate],
    *,
    citing_id: str | None = None,
    citing_session: str | None = None,
    citing_addressee: str | None = None,
) -> list[str]:
    """The ids of the indexed documents `reference` may point to, best first.

    `candidates` are (id, number, session, addressee) of indexed documents, typically those
    with the cited number. The rule:

    1. Only written (or unqualified) references resolve, to documents with the same number,
       never to the citing document itself.
    2. A session in the reference must match: none left means the cited question is not
       indexed, and the answer is [].
    3. Without one, prefer the session of the date written next to the number, then the
       citing document's session; a preference only narrows when some candidate has it.
    4. Then prefer the citing document's addressee: numbers restart per minister, so two
       ministers each have a question n° 59 in session 25/26, and a minister's "ma réponse à
       la question n° 59" means their own.

    An empty list means unresolved; more than one id means ambiguous.
    """
    if reference.kind not in RESOLVABLE_KINDS:
        return []
    pool = [c for c in candidates if c[1] == reference.number and c[0] != citing_id]
    if reference.session is not None:
        pool = [c for c in pool if normalize_session(c[2]) == reference.session]
    else:
        date_sessions = _sessions_around(reference.date)
        pool = _prefer(pool, lambda c: normalize_session(c[2]) in date_sessions)
        session = normalize_session(citing_session)
        pool = _prefer(pool, lambda c: session is not None and normalize_session(c[2]) == session)
    addressee = fold(citing_addressee or "")
    pool = _prefer(pool, lambda c: bool(addressee) and fold(c[3] or "") == addressee)
    return [c[0] for c in pool]


def normalize_session(value: str | None) -> str | None:
    """A session as "20/21", from "20/21", "2020-2021", "2020/21" or "20-21"; else None."""
    if not value:
        return None
    years = re.findall(r"\d+", value)
    if len(years) != 2:
        return None
    first, second = (int(y) % 100 for y in years)
    if (first + 1) % 100 != second:
        return None
    return f"{first:02d}/{second:02d}"


def _prefer(pool: list[Candidate], wanted: Callable[[Candidate], bool]) -> list[Candidate]:
    narrowed = [c for c in pool if wanted(c)]
    return narrowed or pool


def _sessions_around(day: dt.date | None) -> set[str | None]:
    """The sessions a date may fall in: parliamentary years turn in September or October."""
    if day is None:
        return set()
    year = day.year % 100
    before, after = f"{(year - 1) % 100:02d}/{year:02d}", f"{year:02d}/{(year + 1) % 100:02d}"
    if day.month < 9:
        return {before}
    if day.month > 10:
        return {after}
    return {before, after}


def _numbers(listed: str) -> list[int]:
    """The numbers of "12, 13 et 14" or "12 à 14" or "1899 tot 1910" (a range is expanded).

    The end of an implausible range ("n° 59 - 2021") is dropped: it is rarely a question.
    """
    numbers: list[int] = []
    in_range = False
    for token in _NUMBERS_RE.finditer(listed):
        if token.group("range"):
            in_range = bool(numbers)
            continue
        number = int(token.group("number").replace(".", ""))
        if in_range:
            in_range = False
            if not 0 < number - numbers[-1] <= _MAX_RANGE:
                continue
            numbers.extend(range(numbers[-1] + 1, number))
        numbers.append(number)
    return numbers


def _kind(prefix: str) -> str:
    for pattern, kind in _KIND_RES:
        if pattern.search(prefix):
            return kind
    return UNSPECIFIED


def _date(match: re.Match[str]) -> dt.date | None:
    if match.group("date") is None:
        return None
    if match.group("month"):
        year, month, day = int(match["year"]), _MONTHS[match["month"]], int(match["day"])
    else:
        year, month, day = int(match["nyear"]), int(match["nmonth"]), int(match["nday"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
