"""Dates typed without their quotes or brackets: where a field's date value goes on in the
next words ("recu:31 mars 2021") or in a range without brackets ("recu:2021 TO 2022"), for the
parser to refuse it with the query as it should be typed (s20)."""

from __future__ import annotations

import re

from pqsearch.errors import QuerySyntaxError
from pqsearch.query.dates import parse_date_range

# The one or two words after a date field's value, which may be the rest of its date.
_NEXT_WORDS = re.compile(r"\s+([^\s()\"]+)(?:\s+([^\s()\"]+))?")
# "TO" after a date field's value: a range typed without its brackets. The end follows it
# as a quoted phrase or up to three words ("31 mars 2022"), or nothing.
_RANGE_TO = re.compile(r"\s+TO(?=\s|\)|$)", re.IGNORECASE)
_RANGE_END = re.compile(
    r'\s+(?:["“”„]([^"“”„]*)["“”„]|«([^»]*)»'
    r'|([^\s()"“”„«»]+)(?:\s+([^\s()"“”„«»]+))?(?:\s+([^\s()"“”„«»]+))?)'
)
# A comparison before a date ("recu:>=2021"), which a bracketed range does not take.
_COMPARISON = re.compile(r"^[<>]=?")


def typed_field(text: str, value_start: int) -> str:
    """The field as typed before the value at `value_start`, with its colon ("recu:"),
    without what comes before it in the same word ("(" opening a group, "NOT(")."""
    return re.split(r"[\s(]", text[:value_start])[-1] if value_start else ""


def spaced_date(text: str, after: int, value: str) -> tuple[str, int] | None:
    """The date a field's unquoted `value` and the next words make ("recu:31 mars 2021"
    reaches the parser as "31": the rest of the date is the next words, from `after`) and
    where it ends in `text`, or None."""
    found = _NEXT_WORDS.match(text, after)
    if found is None:
        return None
    words = [value]
    for group, word in enumerate(found.groups(), start=1):
        if word is None:
            break
        words.append(word)
        try:
            parse_date_range(" ".join(words))
        except QuerySyntaxError:
            continue
        return " ".join(words), found.end(group)
    return None


def unbracketed_range(text: str, after: int, value: str) -> tuple[str, str | None, int] | None:
    """For a date `value` followed (from `after`) by "TO" and nothing, "*" or a date: the
    range's start (without a comparison, "recu:>=2021"), its end and where the end stops in
    `text`, when `[start TO end]` parses; None when the words after TO are no date
    ("recu:2021 to the minister" is searched as words). The end is None when a group follows
    TO ("recu:2021 TO (a OR b)"): the range has no end, and reading it as "from 2021" guessed
    (review F F6)."""
    to = _RANGE_TO.match(text, after)
    if to is None:
        return None
    start = _COMPARISON.sub("", value)
    if text[to.end() :].lstrip().startswith("("):
        return start, None, to.end()
    found = _range_end(text, to.end())
    if found is None:
        return None
    end, end_at = found
    try:
        parse_date_range(f"[{start} TO {end}]")
    except QuerySyntaxError:
        return None
    return start, end, end_at


def _range_end(text: str, position: int) -> tuple[str, int] | None:
    """The end of a range after its "TO" at `position` and where it ends in `text`: "*" when
    nothing or "*" follows, the longest date of a quoted phrase or up to three words, or None
    when no date follows."""
    match = _RANGE_END.match(text, position)
    if match is None:
        return "*", position
    quoted = match[1] if match[1] is not None else match[2]
    if quoted is not None:
        candidates = [(quoted.strip(), match.end())]
    else:
        words = [word for word in match.groups()[2:] if word is not None]
        if words[0] == "*":
            return "*", match.end(3)
        candidates = [(" ".join(words[:n]), match.end(2 + n)) for n in range(len(words), 0, -1)]
    for candidate, end in candidates:
        try:
            parse_date_range(candidate)
        except QuerySyntaxError:
            continue
        return candidate, end
    return None
