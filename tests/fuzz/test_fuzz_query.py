"""The query language on random input: a query or a QuerySyntaxError, with bounded work;
on a real index, a result or a PqsearchError, never another exception.

Work is counted in Python calls (tests/work.py), not timed: a busy machine fails a clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pqsearch import api
from pqsearch.errors import PqsearchError, QuerySyntaxError
from pqsearch.query.syntax import parse_query
from tests.fuzz.profile import fuzz
from tests.work import counting_calls, first_search_calls

# Parsing takes about 5 Python calls per character of the query.
_PARSE_BASE = 1_000
_PARSE_PER_CHAR = 50
# A search may cost this many first one-word searches of a freshly opened index.
_SEARCH_FACTOR = 20

_PIECES = st.sampled_from(
    [
        "logement",
        "mobilité",
        "Bruxelles",
        "vélo",
        "techno*",
        "a*",
        "*",
        "-",
        "-loyer",
        "NOT",
        "AND",
        "OR",
        "ET",
        "OU",
        "SAUF",
        "(",
        ")",
        '"',
        "«",
        "»",
        ":",
        "titre:",
        "auteur:",
        "ministre:",
        "session:",
        "session:20/21",
        "recu:",
        "recu:2021",
        "recu:[2021-01 TO 2021-06]",
        "repondu:>=2021",
        "numero:",
        "numero:369",
        "statut:repondu",
        "secteur:construction",
        "type:renvoi",
        "id:170229",
        "[",
        "]",
        "TO",
        ">=",
        "<",
        "https://example.org/a:b",
        "10:30",
        "é",
        "\u00a0",
        "\t",
    ]
)
_QUERIES = st.one_of(
    st.text(max_size=60),
    st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=15).map(" ".join),
    st.lists(_PIECES, max_size=15).map("".join),
)


@fuzz
@given(_QUERIES)
def test_the_parser_gives_a_tree_or_a_message(query: str) -> None:
    with counting_calls() as calls:
        try:
            parse_query(query)
        except QuerySyntaxError as error:
            assert str(error)
    assert calls.count <= _PARSE_BASE + _PARSE_PER_CHAR * len(query)


@pytest.fixture(scope="module")
def search_budget(fuzz_root: Path) -> int:
    """The Python calls a fuzzed search may make: _SEARCH_FACTOR first one-word searches."""
    facets = ["session", "sector", "addressee"]
    return _SEARCH_FACTOR * first_search_calls(fuzz_root, "logement", facets=facets, limit=5)


@fuzz
@given(query=_QUERIES)
def test_a_search_gives_a_result_or_a_message(
    fuzz_index: api.Index, search_budget: int, query: str
) -> None:
    with counting_calls() as calls:
        try:
            result = fuzz_index.search(query, facets=["session", "sector", "addressee"], limit=5)
        except PqsearchError as error:
            assert str(error)
        else:
            assert result.total >= len(result.hits)
    assert calls.count < search_budget
