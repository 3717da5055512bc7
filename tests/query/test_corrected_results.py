"""The results shown under « Résultats pour X » are those of X typed (audit 14, A9).

A word that matches nothing is searched as its correction; the correction must be searched as
a typed word is (its lemmas, family, synonyms), so that the hits are the ones of the
corrected query the output names, not of the correction's bare lemmas.
"""

from __future__ import annotations

import pytest

from pqsearch import api


def ids(index: api.Index, query: str) -> set[str]:
    return {h.id for h in index.search(query, limit=1000, facets=[]).hits}


@pytest.mark.parametrize(
    ("typed", "corrected"),
    [
        ("chanliers", "chantiers"),  # "chantiers" also finds its synonym "travail"
        ("ercrutements", "recrutements"),  # ... and its family, "recruter"
        ("juilliet -brussels -chantaers", "juillet -brussels -chantiers"),
    ],
)
def test_a_corrected_query_gives_the_results_of_the_corrected_words_typed(
    index: api.Index, typed: str, corrected: str
) -> None:
    result = index.search(typed, limit=1000, facets=[])
    assert result.corrected_query == corrected
    assert {h.id for h in result.hits} == ids(index, corrected)
    assert result.total == index.search(corrected, facets=[]).total
