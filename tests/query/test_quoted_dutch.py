"""Quoted words and phrases search the Dutch text too (a Dutch title, a Dutch document).

The README says a question's Dutch title is searchable in Dutch and that quotes mean "these
words, in this order" or "this exact form": quoting a Dutch word must not lose the documents
that have it only in Dutch (audit 14, A2). The reference is the records' own Dutch titles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.analyze.fold import fold
from tests.conftest import run_pqsearch


def ids(index: api.Index, query: str) -> set[str]:
    return {h.id for h in index.search(query, limit=1000, facets=[]).hits}


def with_dutch_title(index: api.Index, phrase: str) -> set[str]:
    """The documents whose Dutch title holds `phrase` (folded, as written)."""
    return {
        doc_id
        for doc_id in ids(index, "")
        if fold(phrase) in fold(index.get(doc_id).title_nl or "")
    }


@pytest.mark.parametrize("phrase", ["buitenlandse nummerplaten", "blauwe kubus", "mivb"])
def test_a_quoted_dutch_word_or_phrase_finds_the_dutch_titles_holding_it(
    index: api.Index, phrase: str
) -> None:
    in_dutch = with_dutch_title(index, phrase)
    assert in_dutch  # the check below can fail
    assert in_dutch <= ids(index, phrase)  # unquoted, they were already found
    assert in_dutch <= ids(index, f'"{phrase}"')
    assert in_dutch <= ids(index, f'="{phrase}"')
    assert in_dutch <= ids(index, f'titre:"{phrase}"')
    assert not ids(index, f'question:"{phrase}"') & (in_dutch - ids(index, f"question:{phrase}"))


def test_the_header_does_not_quote_a_quoted_query_twice(corpus_index: Path) -> None:
    result = run_pqsearch(
        "search", '"buitenlandse nummerplaten"', "--no-facets", "--index", str(corpus_index)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 document for '\"buitenlandse nummerplaten\"'")
