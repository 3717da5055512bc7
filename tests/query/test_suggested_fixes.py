"""Every fix the parser suggests parses when typed as written (review of s20-papercuts, M1/L1)."""

from __future__ import annotations

import pytest

from pqsearch.errors import QuerySyntaxError
from pqsearch.query.syntax import parse_query

# The review's table and more: comparisons, a missing end, words that are not dates, a
# quoted end, groups opened right before the field, "=" for ":" with a quoted value.
TRICKY = [
    "recu:2021 TO 2022",
    "recu:2021 to 2022",
    "recu:>=2021 TO 2022",
    "recu:>2021 TO 2022",
    "recu:<2021 to",
    "recu:<=2021 TO *",
    "recu:2021 TO",
    "recu:2021 TO *",
    "publie:2021 TO mars 2022",
    "recu:2021 TO 31 mars 2022 logement",
    'recu:2021 TO "31 mars 2022"',
    "recu:2021 TO «31 mars 2022»",
    "recu:2021-03 TO 2021-05",
    "logement AND(recu:2021 TO 2022)",
    "NOT(recu:2021 TO 2022)",
    "x NOT(recu:2021 TO)",
    "(recu:2021 TO 2022)",
    "NOT(recu:31 mars 2021)",
    "logement AND(recu:31 mars 2021)",
    "recu:31 mars 2021",
    "repondu:mars 2022",
    "secteur=F",
    "Secteur=F",
    "portfolio==",
    "portfolio==Mobilité",
    'secteur="Santé humaine"',
    'secteur="F Construction"',
    'portfolio=="Mobilité douce"',
    "portfolio=«Mobilité douce»",
    "(secteur=F)",
    "type=B",
    "date-reponse=2021",
]
CHECKED = {"range_unbracketed", "field_equals", "field_equals_quoted", "date_spaced"}


@pytest.mark.parametrize("query", TRICKY)
def test_a_suggested_fix_parses_when_typed(query: str) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query(query)
    error = caught.value
    assert error.kind in CHECKED, (query, error.kind, str(error))
    assert error.valid, query
    assert "None" not in error.value
    parse_query(error.valid[0])
    # The whole query with the fix in place (what `watch run` offers to save instead).
    if query != "portfolio==":
        assert error.valid[0] in error.corrected, query
        parse_query(error.corrected)


@pytest.mark.parametrize(
    "query",
    [
        "recu:2021 to the minister",
        "recu:2021 TO recu:2022",
        "recu:2021 TO mars",
        "recu:2021 TOTAL",
        "recu:2021 TO*",
    ],
)
def test_words_after_to_that_are_no_date_are_searched_as_before(query: str) -> None:
    assert parse_query(query) is not None


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        ("recu:>=2021 TO 2022", "recu:[2021 TO 2022]"),
        ("logement AND(recu:2021 TO 2022)", "recu:[2021 TO 2022]"),
        ("publie:2021 TO mars 2022", "publie:[2021 TO mars 2022]"),
        ('recu:2021 TO "31 mars 2022"', "recu:[2021 TO 31 mars 2022]"),
        ("NOT(recu:31 mars 2021)", 'recu:"31 mars 2021"'),
        ('secteur="Santé humaine"', 'secteur:"Santé humaine"'),
        ('portfolio=="Mobilité douce"', 'portfolio:="Mobilité douce"'),
        ("portfolio=«Mobilité douce»", "portfolio:«Mobilité douce»"),
    ],
)
def test_the_suggestion_keeps_what_was_typed(query: str, suggestion: str) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query(query)
    assert caught.value.valid[0] == suggestion
    assert suggestion in str(caught.value)
