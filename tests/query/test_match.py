"""Totals and facet counts come from `matched_docs`: it must agree with the records."""

from __future__ import annotations

import pytest

from pqsearch import api

TEXTS = ("question", "answer", "title")


def texts_of(index: api.Index, query: str) -> list[str]:
    result = index.search(query, facets=[], limit=1000)
    assert result.total == len(result.hits)
    return [
        " ".join(str(getattr(index.get(hit.id), part) or "") for part in TEXTS).lower()
        for hit in result.hits
    ]


@pytest.mark.parametrize(
    ("query", "kept", "excluded"),
    [
        ("diplomates -logement", "diplomate", "logement"),
        ("région -bruxelles", "région", "bruxelles"),
    ],
)
def test_an_excluded_word_is_in_no_hit_and_no_total(
    index: api.Index, query: str, kept: str, excluded: str
) -> None:
    found = texts_of(index, query)
    assert found, query
    assert all(kept in text for text in found)
    assert not any(excluded in text for text in found)


@pytest.mark.parametrize(
    "query", ["technolog*", "diplomate", "recu:2021", '"diplomates technologiques"']
)
def test_the_total_is_the_number_of_hits_and_every_facet_adds_up(
    index: api.Index, query: str
) -> None:
    result = index.search(query, facets=["status"], facet_top=None, limit=1000)
    assert result.total == len(result.hits) > 0
    assert sum(count.count for count in result.facets[0].results) == result.total
