"""An excluded word (NOT, -) excludes the documents holding it, not those of its expansions.

A word searched for also finds its family, its synonyms and its minor readings, at a weight
that ranks them after the word itself; an exclusion has no ranking, so the same expansions
would exclude, in full, documents that never hold the word (audit 14, A8). The reference is
independent of the index: the folded surface words of each document's record.
"""

from __future__ import annotations

import pytest

from pqsearch import api
from pqsearch.analyze.fold import fold, surface_tokens


def ids(index: api.Index, query: str) -> set[str]:
    return {h.id for h in index.search(query, limit=1000, facets=[]).hits}


def holding(index: api.Index, forms: set[str]) -> set[str]:
    """The documents whose title, question or answer has one of `forms` (folded) as a word."""
    found = set()
    for doc_id in ids(index, ""):
        record = index.get(doc_id)
        words = set(surface_tokens(" ".join((record.title, record.question, record.answer or ""))))
        if words & {fold(form) for form in forms}:
            found.add(doc_id)
    return found


@pytest.mark.parametrize(
    ("word", "forms", "expansion"),
    [
        ("chantiers", {"chantier", "chantiers"}, "synonym"),  # the thesaurus: "travail"
        ("permis", {"permis"}, "lemma"),  # its minor reading: "permettre"
        ("vélo", {"vélo", "vélos"}, "synonym"),  # the thesaurus: "bicyclette", "cycliste"
    ],
)
def test_an_excluded_word_excludes_its_own_forms_not_its_expansions(
    index: api.Index, word: str, forms: set[str], expansion: str
) -> None:
    everything, logement = ids(index, ""), ids(index, "logement")
    with_word = holding(index, forms)
    searched = index.search(word, facets=[], limit=1000)
    # The word searched for reaches documents without it, through the expansion named.
    assert {h.id for h in searched.hits} - with_word
    assert any(m.source == expansion and m.weight < 1 for m in searched.explanation[0].matches)
    assert ids(index, f"-{word}") == everything - with_word
    assert ids(index, f"NOT {word}") == everything - with_word
    assert ids(index, f"logement -{word}") == logement - with_word
    assert ids(index, f"logement AND NOT {word}") == logement - with_word
