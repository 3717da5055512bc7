"""Searching the real shipped corpus: lemmas, accents, phrases, ranking, highlights."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.errors import QuerySyntaxError

SEED_NUMBER = 369


def seed_found(index: api.Index, query: str) -> bool:
    result = index.search(query, limit=50, facets=[])
    return any(hit.number == SEED_NUMBER and hit.session == "20/21" for hit in result.hits)


@pytest.mark.parametrize(
    "query",
    [
        "diplomate",
        "diplomates",
        "technologique",
        "technologies",
        "attachés",
        "promouvoir",
        "investisseur",
        "region bruxelles",
        '"diplomates technologiques"',
        "DIPLOMATES",
        "Région",
    ],
)
def test_inflections_and_accents_find_the_seed(index: api.Index, query: str) -> None:
    assert seed_found(index, query)


def test_a_phrase_in_another_order_does_not_match(index: api.Index) -> None:
    assert not seed_found(index, '"technologiques diplomates"')


def test_energie_without_accent_finds_energie(index: api.Index) -> None:
    plain = index.search("energie", facets=[], limit=100)
    accented = index.search("énergie", facets=[], limit=100)
    assert plain.total > 0
    assert {h.id for h in plain.hits} == {h.id for h in accented.hits}


def test_documents_with_all_words_rank_first_but_others_are_found(index: api.Index) -> None:
    result = index.search("diplomates entreprises", facets=[], limit=100)
    ids = [h.id for h in result.hits]
    both = index.search("diplomates AND entreprises", facets=[], limit=100)
    only_entreprises = index.search("entreprises -diplomates", facets=[], limit=100)
    assert only_entreprises.total > 0
    assert result.total == len(
        {h.id for h in both.hits}
        | {h.id for h in only_entreprises.hits}
        | {h.id for h in index.search("diplomates", facets=[], limit=100).hits}
    )
    assert both.total > 0  # the seed has both words
    assert set(ids[: both.total]) == {h.id for h in both.hits}


def test_hits_highlight_the_original_words(index: api.Index) -> None:
    result = index.search("promouvoir", facets=[], limit=50)
    seed = next(h for h in result.hits if h.number == SEED_NUMBER)
    marked = [h.text[s:e] for h in seed.highlights for s, e in h.spans]
    assert marked, "no word of the seed was highlighted"
    assert all(m.lower().startswith(("prom", "promeu")) for m in marked), marked


def test_browse_without_words_lists_filtered_documents_newest_first(index: api.Index) -> None:
    result = index.search("", filters=api.Filters(addressee=("Ans Persoons",)), limit=100)
    assert result.total > 0
    assert all(h.addressee == "Ans Persoons" for h in result.hits)
    received = [h.received_on for h in result.hits if h.received_on]
    assert received == sorted(received, reverse=True)


def test_pages_concatenate_to_the_full_ranking(index: api.Index) -> None:
    full = index.search("question région", facets=[], limit=1000)
    pages = []
    page = 1
    while True:
        result = index.search("question région", facets=[], limit=7, page=page)
        if not result.hits:
            break
        pages.extend(h.id for h in result.hits)
        page += 1
    assert pages == [h.id for h in full.hits]
    assert len(set(pages)) == full.total


def test_sort_by_answer_date(index: api.Index) -> None:
    filters = api.Filters(status="answered", date_field="answered")
    result = index.search("", sort="oldest", filters=filters, limit=100)
    answered = [h.answered_on for h in result.hits if h.answered_on]
    assert answered == sorted(answered)


def test_did_you_mean_suggests_a_real_word_with_its_hits(index: api.Index) -> None:
    # Searched as typed: by default the word would be searched as its correction.
    result = index.search("diplomatez", facets=[], correct=False)
    assert result.total == 0
    (suggestion,) = result.suggestions
    assert suggestion.suggestion in ("diplomates", "diplomate")
    assert suggestion.hits == index.search(suggestion.suggestion, facets=[]).total


@pytest.mark.parametrize("bad", ['"unbalanced', "(open", "close)", "*", "a*", "AND"])
def test_bad_queries_say_what_is_wrong(index: api.Index, bad: str) -> None:
    with pytest.raises(QuerySyntaxError):
        index.search(bad, facets=[])


def test_the_query_path_never_imports_spacy(corpus_index: Path) -> None:
    code = (
        "import sys, pqsearch\n"
        f"r = pqsearch.search('diplomates technologiques', index_dir={str(corpus_index)!r})\n"
        "assert r.total > 0\n"
        "print('spacy' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "False"


def test_json_result_round_trips_hits_and_facets(index: api.Index) -> None:
    result = index.search("logement", limit=3)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["total"] == result.total
    assert len(data["hits"]) == len(result.hits)
    assert {f["name"] for f in data["facets"]} >= {"session", "addressee"}
