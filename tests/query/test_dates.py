"""Dates as people type them: every accepted form works, every malformed one says why."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pqsearch.errors import QuerySyntaxError
from pqsearch.query.dates import MAX_YEAR, MIN_YEAR, parse_date_range, parse_date_span

FUZZ = settings(max_examples=int(os.environ.get("PQSEARCH_FUZZ_EXAMPLES", "300")), deadline=None)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


SPANS = [
    ("2021", "2021-01-01", "2021-12-31"),
    (" 2021 ", "2021-01-01", "2021-12-31"),
    ("2021-03", "2021-03-01", "2021-03-31"),
    ("2021-3", "2021-03-01", "2021-03-31"),
    ("2021/03", "2021-03-01", "2021-03-31"),
    ("03/2021", "2021-03-01", "2021-03-31"),
    ("3/2021", "2021-03-01", "2021-03-31"),
    ("02-2024", "2024-02-01", "2024-02-29"),
    ("2021-03-31", "2021-03-31", "2021-03-31"),
    ("2021/03/31", "2021-03-31", "2021-03-31"),
    ("31/03/2021", "2021-03-31", "2021-03-31"),
    ("31-03-2021", "2021-03-31", "2021-03-31"),
    ("31.03.2021", "2021-03-31", "2021-03-31"),
    ("1/3/2021", "2021-03-01", "2021-03-01"),
    ("29/02/2024", "2024-02-29", "2024-02-29"),
    ("mars 2021", "2021-03-01", "2021-03-31"),
    ("Mars 2021", "2021-03-01", "2021-03-31"),
    ("février 2023", "2023-02-01", "2023-02-28"),
    ("fevrier 2024", "2024-02-01", "2024-02-29"),
    ("févr. 2024", "2024-02-01", "2024-02-29"),
    ("sept 2021", "2021-09-01", "2021-09-30"),
    ("31 mars 2021", "2021-03-31", "2021-03-31"),
    ("1er mars 2021", "2021-03-01", "2021-03-01"),
    ("1 mars 2021", "2021-03-01", "2021-03-01"),
    ("15 août 2021", "2021-08-15", "2021-08-15"),
    ("15  AOUT   2021", "2021-08-15", "2021-08-15"),
    ("March 2021", "2021-03-01", "2021-03-31"),
    ("31 March 2021", "2021-03-31", "2021-03-31"),
    ("March 31, 2021", "2021-03-31", "2021-03-31"),
    ("1st May 2021", "2021-05-01", "2021-05-01"),
    ("maart 2021", "2021-03-01", "2021-03-31"),
    ("31 december 2021", "2021-12-31", "2021-12-31"),
    ("1800", "1800-01-01", "1800-12-31"),
    ("2200", "2200-01-01", "2200-12-31"),
]


@pytest.mark.parametrize(("text", "first", "last"), SPANS, ids=[s[0] for s in SPANS])
def test_each_date_form_gives_its_whole_span(text: str, first: str, last: str) -> None:
    assert parse_date_span(text) == (d(first), d(last))
    assert parse_date_range(text) == (d(first), d(last))


RANGES = [
    ("[2021-01-01 TO 2021-06-30]", "2021-01-01", "2021-06-30"),
    ("[2021-01 TO 2021-06]", "2021-01-01", "2021-06-30"),
    ("[2021-01 to 2021-06]", "2021-01-01", "2021-06-30"),
    ("[ mars 2021 TO 15/04/2021 ]", "2021-03-01", "2021-04-15"),
    ("[2021 TO 2021]", "2021-01-01", "2021-12-31"),
    ("[2021-01 TO *]", "2021-01-01", None),
    ("[* TO 2020]", None, "2020-12-31"),
    (">2021", "2022-01-01", None),
    ("> 2021", "2022-01-01", None),
    (">2021-02", "2021-03-01", None),
    (">31/12/2021", "2022-01-01", None),
    (">=2021-03", "2021-03-01", None),
    ("<31/03/2021", None, "2021-03-30"),
    ("<2021", None, "2020-12-31"),
    ("<=2021", None, "2021-12-31"),
    ("<=mars 2021", None, "2021-03-31"),
    ("2021-03-01..2021-03-31", "2021-03-01", "2021-03-31"),
    ("2021..2022", "2021-01-01", "2022-12-31"),
    ("31.03.2021..30.04.2021", "2021-03-31", "2021-04-30"),
    ("2021..", "2021-01-01", None),
    ("..2021", None, "2021-12-31"),
    ("*..2021", None, "2021-12-31"),
]


@pytest.mark.parametrize(("text", "first", "last"), RANGES, ids=[r[0] for r in RANGES])
def test_each_range_form_includes_both_ends(text: str, first: str | None, last: str | None) -> None:
    assert parse_date_range(text) == (
        d(first) if first else None,
        d(last) if last else None,
    )


MALFORMED = [
    ("", ("Empty date",)),
    ("   ", ("Empty date",)),
    ("2021-13", ("no month 13", "1 to 12")),
    ("13/13/2021", ("no month 13", "day/month/year")),
    ("2021-00", ("no month 0",)),
    ("32/03/2021", ("no day 32", "March 2021 has 31 days")),
    ("31/04/2021", ("no day 31", "April 2021 has 30 days")),
    ("30/02/2021", ("no day 30", "February 2021 has 28 days")),
    ("29/02/2023", ("no day 29", "February 2023 has 28 days")),
    ("0/03/2021", ("no day 0",)),
    ("32 mars 2021", ("no day 32",)),
    ("0", ("year 0", "out of range", "1800", "2200")),
    ("0000", ("year 0000", "out of range")),
    ("1799", ("year 1799", "out of range")),
    ("2201", ("year 2201", "out of range")),
    ("20211", ("out of range",)),
    ("31/03/21", ("two digits", "2021, not 21")),
    ("21", ("two digits",)),
    ("marz 2021", ("Unknown month name 'marz'", "Did you mean 'mars'", "janvier")),
    ("15 blah 2021", ("Unknown month name 'blah'",)),
    ("mars", ("no year", "mars 2021")),
    ("hier", ("Not a date", "Accepted dates", "31/03/2021", "mars 2021")),
    ("2021-03-31T10:00", ("Not a date",)),
    ("2021-03/31", ("Not a date",)),
    ("31 mars", ("Not a date",)),
]


@pytest.mark.parametrize(("text", "phrases"), MALFORMED, ids=[m[0] or "<empty>" for m in MALFORMED])
def test_each_malformed_date_says_what_is_wrong(text: str, phrases: tuple[str, ...]) -> None:
    for parse in (parse_date_span, parse_date_range):
        with pytest.raises(QuerySyntaxError) as caught:
            parse(text)
        for phrase in phrases:
            assert phrase in str(caught.value)


MALFORMED_RANGES = [
    ("[2021 TO", ("Unbalanced square bracket",)),
    ("2021]", ("Unbalanced square bracket",)),
    ("[]", ("[start TO end]",)),
    ("[2021 2022]", ("[start TO end]",)),
    ("[2021 TO 2022 TO 2023]", ("with one TO",)),
    ("[TO 2021]", ("Both ends", "[2021-01 TO *]")),
    ("[2021 TO ]", ("Both ends",)),
    ("[* TO *]", ("no end at all",)),
    ("..", ("no end at all",)),
    ("*", ("'*' alone",)),
    ("[2022 TO 2021]", ("ends before it starts", "2022-01-01 > 2021-12-31")),
    ("2021-04..2021-03", ("ends before it starts",)),
    ("{2021 TO 2022}", ("Exclusive bounds", "[a TO b]")),
    ("[2021 TO 2022}", ("Exclusive bounds",)),
    ("2021 TO 2022", ("needs square brackets",)),
    (">", ("needs a date after it", ">2021")),
    (">=*", ("needs a date after it",)),
    (">>2021", ("Too many comparison signs",)),
    ("=2021", ("Not a date",)),
    ("[2021-13 TO 2022]", ("no month 13",)),
    (">32/01/2021", ("no day 32",)),
]


@pytest.mark.parametrize(
    ("text", "phrases"), MALFORMED_RANGES, ids=[m[0] for m in MALFORMED_RANGES]
)
def test_each_malformed_range_says_what_is_wrong(text: str, phrases: tuple[str, ...]) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse_date_range(text)
    message = str(caught.value)
    for phrase in phrases:
        assert phrase in message


def test_a_huge_number_is_refused_not_crashed() -> None:
    with pytest.raises(QuerySyntaxError, match="out of range"):
        parse_date_span("9" * 5000)
    with pytest.raises(QuerySyntaxError) as caught:
        parse_date_range("[" + "1" * 5000 + " TO *]")
    assert len(str(caught.value)) < 1000


# Property tests.

_days = st.dates(dt.date(MIN_YEAR, 1, 1), dt.date(MAX_YEAR, 12, 31))
_FRENCH = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"


def _day_forms(day: dt.date) -> list[str]:
    month_name = _FRENCH.split()[day.month - 1]
    ordinal = "1er" if day.day == 1 else str(day.day)
    return [
        day.isoformat(),
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day:02d}-{day.month:02d}-{day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.day} {month_name} {day.year}",
        f"{ordinal} {month_name.upper()} {day.year}",
    ]


def _last_of_month(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


@FUZZ
@given(_days)
def test_every_form_of_a_day_gives_that_day(day: dt.date) -> None:
    for form in _day_forms(day):
        assert parse_date_span(form) == (day, day), form


@FUZZ
@given(_days)
def test_a_month_covers_its_first_to_its_last_day(day: dt.date) -> None:
    expected = (day.replace(day=1), _last_of_month(day.year, day.month))
    month_name = _FRENCH.split()[day.month - 1]
    for form in (
        f"{day.year}-{day.month:02d}",
        f"{day.month}/{day.year}",
        f"{month_name} {day.year}",
    ):
        assert parse_date_span(form) == expected, form


@FUZZ
@given(_days, _days)
def test_comparisons_and_brackets_agree_with_date_order(first: dt.date, second: dt.date) -> None:
    low, high = sorted((first, second))
    one_day = dt.timedelta(days=1)
    assert parse_date_range(f"[{low.isoformat()} TO {high.isoformat()}]") == (low, high)
    assert parse_date_range(f"{low:%d/%m/%Y}..{high:%d/%m/%Y}") == (low, high)
    assert parse_date_range(f">={low.isoformat()}") == (low, None)
    assert parse_date_range(f"<={high.isoformat()}") == (None, high)
    assert parse_date_range(f">{low.isoformat()}") == (low + one_day, None)
    assert parse_date_range(f"<{high.isoformat()}") == (None, high - one_day)


def _parse_or_refuse(text: str) -> None:
    try:
        start, end = parse_date_range(text)
    except QuerySyntaxError as error:
        assert str(error)
        return
    assert start is not None or end is not None
    if start is not None and end is not None:
        assert start <= end


@FUZZ
@given(st.text(max_size=30))
def test_random_text_gives_dates_or_a_syntax_error(text: str) -> None:
    _parse_or_refuse(text)


_PIECES = [
    "2021",
    "03",
    "31",
    "13",
    "0",
    "/",
    "-",
    ".",
    " ",
    "[",
    "]",
    " TO ",
    "*",
    "..",
    ">",
    "<",
    "=",
    "mars",
    "1er",
    "févr.",
    "{",
    "}",
    "99999",
]


@FUZZ
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=12).map("".join))
def test_random_date_pieces_give_dates_or_a_syntax_error(text: str) -> None:
    _parse_or_refuse(text)
