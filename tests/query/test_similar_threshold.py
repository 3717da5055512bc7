"""`similar` lists documents on the same subject, not every document sharing a word (issue 16,
point 13: "98 documents share key terms" out of 109, with été, placer, affirmatif, capital,
carburer and Brussel among the key terms)."""

from __future__ import annotations

from pqsearch import api
from pqsearch.query.similar import MIN_SIMILARITY, key_terms, lemma_bag

NEUTRALITY_SERIES = {"170145", "170146", "170147", "170148", "170149"}


def test_the_tail_is_cut_by_a_similarity_threshold(index: api.Index) -> None:
    twin = index.similar("170290", limit=50)
    assert [hit.id for hit in twin.hits] == ["170291"]
    assert twin.total == 1
    for member in sorted(NEUTRALITY_SERIES):
        series = index.similar(member, limit=50)
        assert {hit.id for hit in series.hits} == NEUTRALITY_SERIES - {member}, member
    assert 0 < MIN_SIMILARITY < 1


def test_words_without_a_topic_are_not_key_terms(index: api.Index) -> None:
    text = (
        "Dans l'affirmative, la Région de Bruxelles-Capitale a-t-elle mis en place cet été un "
        "contrôle des carburants des bus de la STIB, comme le fait Brussel Mobiliteit ?"
    )
    # The thread-safe Index lends a searcher per call (pqsearch/views.py).
    with index._pool.lease() as view:
        terms = key_terms(view.runner, lemma_bag(view.runner, text))
    assert {"stib", "bus", "controle"} & set(terms)
    noise = {"ete", "placer", "affirmatif", "capital", "carburer", "brussel", "bruxelle", "region"}
    assert noise.isdisjoint(terms), noise & set(terms)
    for hit in index.similar(text=text, limit=20).hits:
        shared = {word.lower() for word in hit.extra.shared_terms}
        assert not shared & {"été", "placer", "affirmatif", "capital", "carburer", "brussel"}
