"""Dates as people type them: a day, a month or a year, alone or as a range.

Used by the query language (`recu:2021-03`, `repondu:[2021-01 TO 2021-06]`) and by the CLI's
`--from`/`--to` filters. A month or a year stands for its whole span, and both ends of a range
are included. Every input either gives dates or raises `QuerySyntaxError` saying what is wrong
and listing the accepted forms; nothing is silently dropped.

Day-first is the Belgian order: `1/3/2021` is 1 March. Years need four digits (`21` could be
1921 or 2021) and must lie between 1800 and 2200, which catches typos like `20211`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from pqsearch.analyze.fold import fold
from pqsearch.errors import QuerySyntaxError

MIN_YEAR = 1800
MAX_YEAR = 2200

ACCEPTED_DATES = (
    "Accepted dates: 2021 (the whole year), 2021-03 or 03/2021 (the whole month), "
    "2021-03-31, 31/03/2021, 31-03-2021, 31.03.2021, 1/3/2021 (day first), "
    "mars 2021, 31 mars 2021, 1er mars 2021 (French, English or Dutch month names)."
)
ACCEPTED_RANGES = (
    "Accepted ranges: [2021-01 TO 2021-06] (both ends included, * for an open end), "
    "2021-01..2021-06, >2021 (from 2022 on), >=2021-03, <31/03/2021, <=2021, "
    "or a single date for its whole span."
)

# Month names are matched folded (no accents): "février" and "fevrier" are the same.
_FRENCH_MONTHS = (
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
)
_ENGLISH_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_DUTCH_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_ABBREVIATIONS = {
    "janv": 1,
    "jan": 1,
    "fevr": 2,
    "fev": 2,
    "feb": 2,
    "mar": 3,
    "avr": 4,
    "apr": 4,
    "jun": 6,
    "juil": 7,
    "jul": 7,
    "aug": 8,
    "sept": 9,
    "sep": 9,
    "oct": 10,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
_FULL_NAMES = {
    name: month
    for names in (_FRENCH_MONTHS, _ENGLISH_MONTHS, _DUTCH_MONTHS)
    for month, name in enumerate(names, start=1)
}
_MONTHS = {**_FULL_NAMES, **_ABBREVIATIONS}

# Patterns run on folded text (lowercase, no accents, single spaces); ASCII so that `\d` is 0-9.
_YEAR = re.compile(r"(\d+)", re.ASCII)
_YEAR_MONTH = re.compile(r"(\d{3,})[-/.](\d{1,2})", re.ASCII)
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d+)", re.ASCII)
_ISO_DAY = re.compile(r"(\d{3,})([-/.])(\d{1,2})\2(\d{1,2})", re.ASCII)
_BELGIAN_DAY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d+)", re.ASCII)
_NAMED = re.compile(r"(?:(\d{1,2})(?:er|st|nd|rd|th)? )?([a-z]+)\.? (\d+)", re.ASCII)
_NAMED_US = re.compile(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d+)", re.ASCII)
_LONE_WORD = re.compile(r"([a-z]+)\.?", re.ASCII)
_RANGE_WORD = re.compile(r"\s+to\s+", re.IGNORECASE)


def parse_date_span(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a typed date: a year, a month or a single day.

    `"2021"` -> 2021-01-01..2021-12-31, `"03/2021"` -> 2021-03-01..2021-03-31,
    `"1er mars 2021"` -> 2021-03-01..2021-03-01. Raises `QuerySyntaxError` otherwise.
    """
    typed = text.strip()
    if not typed:
        raise QuerySyntaxError(f"Empty date. {ACCEPTED_DATES}", kind="date_empty")
    key = fold(typed)
    if match := _YEAR.fullmatch(key):
        year = _year(match[1], typed)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if match := _YEAR_MONTH.fullmatch(key):
        return _month_span(_year(match[1], typed), _month(match[2], typed))
    if match := _MONTH_YEAR.fullmatch(key):
        return _month_span(_year(match[2], typed), _month(match[1], typed))
    if match := _ISO_DAY.fullmatch(key):
        return _day_span(match[1], match[3], match[4], typed)
    if match := _BELGIAN_DAY.fullmatch(key):
        return _day_span(match[4], match[3], match[1], typed, day_first=True)
    if match := _NAMED.fullmatch(key):
        month = _month_name(match[2], typed)
        if match[1] is None:
            return _month_span(_year(match[3], typed), month)
        return _day_span(match[3], str(month), match[1], typed)
    if match := _NAMED_US.fullmatch(key):
        return _day_span(match[3], str(_month_name(match[1], typed)), match[2], typed)
    if (match := _LONE_WORD.fullmatch(key)) and match[1] in _MONTHS:
        raise QuerySyntaxError(
            f"The date {_shown(typed)} has no year: write it with one, "
            f"as in '{match[1]} 2021'. "
            f"{ACCEPTED_DATES}",
            kind="date_no_year",
            value=typed,
        )
    raise QuerySyntaxError(
        f"Not a date: {_shown(typed)}. {ACCEPTED_DATES}", kind="date_not_a_date", value=typed
    )


def parse_date_range(text: str) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day (both included) of a typed date or range; None is an open end.

    Accepts every form of `parse_date_span` and `[a TO b]`, `a..b`, `>a`, `>=a`, `<a`, `<=a`,
    with `*` (or nothing, around `..`) for an open end: `">2021"` -> (2022-01-01, None).
    Raises `QuerySyntaxError` for anything else, a range without any end, or a reversed range.
    """
    typed = text.strip()
    if not typed:
        raise QuerySyntaxError(f"Empty date range. {ACCEPTED_RANGES}", kind="date_empty")
    if typed[0] in "[{" or typed[-1] in "]}":
        return _bracket_range(typed)
    for operator in (">=", "<=", ">", "<"):
        if typed.startswith(operator):
            return _comparison(operator, typed[len(operator) :].strip(), typed)
    if ".." in typed:
        low, _, high = typed.partition("..")
        return _checked(_open_start(low), _open_end(high), typed)
    if _RANGE_WORD.search(typed):
        raise QuerySyntaxError(
            f"The range {_shown(typed)} needs square brackets, as in [2021 TO 2022]. "
            f"{ACCEPTED_RANGES}",
            kind="range_needs_brackets",
            value=typed,
        )
    if typed == "*":
        raise QuerySyntaxError(
            f"'*' alone is not a range: give at least one date. {ACCEPTED_RANGES}",
            kind="range_no_end",
            value=typed,
        )
    return parse_date_span(typed)


def _bracket_range(typed: str) -> tuple[dt.date | None, dt.date | None]:
    if typed[0] == "{" or typed[-1] == "}":
        raise QuerySyntaxError(
            f"Exclusive bounds {{...}} are not supported in {_shown(typed)}: write [a TO b], "
            f"which includes both ends, or use >a and <b. {ACCEPTED_RANGES}",
            kind="range_exclusive",
            value=typed,
        )
    if typed[0] != "[" or typed[-1] != "]" or len(typed) < 2:
        raise QuerySyntaxError(
            f"Unbalanced square bracket in {_shown(typed)}. {ACCEPTED_RANGES}",
            kind="range_unbalanced",
            value=typed,
        )
    # Padding lets "[TO 2021]" split into an empty start rather than miss its TO.
    parts = _RANGE_WORD.split(f" {typed[1:-1]} ")
    if len(parts) != 2:
        raise QuerySyntaxError(
            f"A range in brackets is [start TO end], with one TO: {_shown(typed)} is not. "
            f"{ACCEPTED_RANGES}",
            kind="range_one_to",
            value=typed,
        )
    low, high = parts[0].strip(), parts[1].strip()
    if not low or not high:
        raise QuerySyntaxError(
            f"Both ends of {_shown(typed)} need a date or *, as in [2021-01 TO *]. "
            f"{ACCEPTED_RANGES}",
            kind="range_both_ends",
            value=typed,
        )
    return _checked(_open_start(low), _open_end(high), typed)


def _comparison(operator: str, operand: str, typed: str) -> tuple[dt.date | None, dt.date | None]:
    if not operand or operand == "*":
        raise QuerySyntaxError(
            f"{operator} needs a date after it, as in {operator}2021 (not {_shown(typed)}). "
            f"{ACCEPTED_RANGES}",
            kind="range_operator_alone",
            value=typed,
            valid=(operator,),
        )
    if operand[0] in "<>=":
        raise QuerySyntaxError(
            f"Too many comparison signs in {_shown(typed)}. {ACCEPTED_RANGES}",
            kind="range_signs",
            value=typed,
        )
    start, end = parse_date_span(operand)
    one_day = dt.timedelta(days=1)
    if operator == ">=":
        return start, None
    if operator == ">":
        return end + one_day, None
    if operator == "<=":
        return None, end
    return None, start - one_day


def _open_start(text: str) -> dt.date | None:
    text = text.strip()
    return None if text in ("", "*") else parse_date_span(text)[0]


def _open_end(text: str) -> dt.date | None:
    text = text.strip()
    return None if text in ("", "*") else parse_date_span(text)[1]


def _checked(
    start: dt.date | None, end: dt.date | None, typed: str
) -> tuple[dt.date | None, dt.date | None]:
    if start is None and end is None:
        raise QuerySyntaxError(
            f"The range {_shown(typed)} has no end at all: give at least one date. "
            f"{ACCEPTED_RANGES}",
            kind="range_no_end",
            value=typed,
        )
    if start is not None and end is not None and start > end:
        raise QuerySyntaxError(
            f"The range {_shown(typed)} ends before it starts ({start.isoformat()} > "
            f"{end.isoformat()}): put the earlier date first.",
            kind="range_reversed",
            value=typed,
        )
    return start, end


def _shown(text: str) -> str:
    """Text quoted for a message, cut short: a hostile query must not flood the terminal."""
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _year(digits: str, typed: str) -> int:
    if len(digits) == 2:
        raise QuerySyntaxError(
            f"The year in {_shown(typed)} has two digits: write all four (2021, not 21). "
            f"{ACCEPTED_DATES}",
            kind="date_short_year",
            value=typed,
        )
    # A length check first: int() refuses strings of more than 4,300 digits.
    year = int(digits) if len(digits) <= 4 else MAX_YEAR + 1
    if not MIN_YEAR <= year <= MAX_YEAR:
        shown_year = digits if len(digits) <= 8 else digits[:8] + "..."
        raise QuerySyntaxError(
            f"The year {shown_year} in {_shown(typed)} is out of range: years from {MIN_YEAR} "
            f"to {MAX_YEAR} are accepted.",
            kind="date_year_out_of_range",
            value=typed,
            valid=(str(MIN_YEAR), str(MAX_YEAR)),
        )
    return year


def _month(digits: str, typed: str) -> int:
    month = int(digits)
    if not 1 <= month <= 12:
        raise QuerySyntaxError(
            f"There is no month {month} in {_shown(typed)}: months run from 1 to 12 "
            f"(dates are day/month/year or year-month-day). {ACCEPTED_DATES}",
            kind="date_no_such_month",
            value=typed,
        )
    return month


def _month_name(word: str, typed: str) -> int:
    month = _MONTHS.get(word)
    if month is None:
        import difflib  # only for an error's suggestion: kept out of every search's start

        close = difflib.get_close_matches(word, _FULL_NAMES, n=1, cutoff=0.6)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise QuerySyntaxError(
            f"Unknown month name {_shown(word)} in {_shown(typed)}.{hint} Month names: "
            f"{', '.join(_FRENCH_MONTHS)} (also English or Dutch, or abbreviated: janv., feb, "
            "sept...).",
            kind="date_month_name",
            value=typed,
            valid=tuple(close),
        )
    return month


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def _day_span(
    year_digits: str, month_digits: str, day_digits: str, typed: str, *, day_first: bool = False
) -> tuple[dt.date, dt.date]:
    year = _year(year_digits, typed)
    month = _month(month_digits, typed)
    day = int(day_digits)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        month_label = f"{_ENGLISH_MONTHS[month - 1].capitalize()} {year}"
        order = " (dates are day/month/year)" if day_first else ""
        raise QuerySyntaxError(
            f"There is no day {day} in {_shown(typed)}: {month_label} has {last} days{order}.",
            kind="date_no_such_day_first" if day_first else "date_no_such_day",
            value=typed,
            valid=(str(last), str(month), str(year)),
        )
    day_date = dt.date(year, month, day)
    return day_date, day_date
