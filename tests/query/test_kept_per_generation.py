"""What an open index keeps per generation (terms' scores, facet tallies, the date order of
every document) changes no answer: a reader that served other searches, one that keeps
nothing (`cache_mb=0`) and a fresh one give the same hits, scores, totals and facets, on
the generated index (four segments, deleted documents)."""

from __future__ import annotations

from pathlib import Path

from pqsearch import api
from pqsearch.index.reader import IndexReader
from pqsearch.query.facets import facet_catalogue
from pqsearch.query.search import Filters, QueryRunner

SEARCHES: tuple[tuple[str, dict[str, object], str], ...] = (
    ("bruxelles", {}, "relevance"),
    ("région bruxelles logement", {}, "relevance"),
    ("logement OR énergie", {"status": "answered"}, "relevance"),
    ("bruxelles -région", {}, "relevance"),
    ("minist*", {"date_from": "2015"}, "relevance"),
    ("", {}, "newest"),
    ("", {}, "oldest"),
    ("région", {}, "newest"),
    ("emploi", {"date_field": "answered"}, "oldest"),
)


def _answers(index: api.Index) -> list[tuple[object, ...]]:
    answers: list[tuple[object, ...]] = []
    for text, filters, sort in SEARCHES:
        result = index.search(
            text,
            filters=Filters(**filters),  # type: ignore[arg-type]
            facets=sorted(facet_catalogue()),
            facet_top=None,
            sort=sort,  # type: ignore[arg-type]
            limit=30,
        )
        hits = [(hit.id, hit.score) for hit in result.hits]
        answers.append((text, result.total, hits, result.facets))
    return answers


def test_answers_do_not_depend_on_what_the_index_kept(generated_index: Path) -> None:
    with api.open_index(generated_index) as fresh:
        expected = _answers(fresh)
    assert all(total for _, total, _, _ in expected)
    with api.open_index(generated_index, cache_mb=0) as keeping_nothing:
        assert _answers(keeping_nothing) == expected
    with api.open_index(generated_index) as warm:
        for _ in range(2):
            assert _answers(warm) == expected
        assert list(reversed(_answers(warm))) == list(reversed(expected))


def test_a_browse_lists_every_document_newest_first(generated_index: Path) -> None:
    """Read, page by page, from the order of every document made once per generation."""
    with api.open_index(generated_index) as index:

        def every(sort: str) -> list[object]:
            pages = [
                index.search("", facets=[], sort=sort, page=page, limit=1000)  # type: ignore[arg-type]
                for page in (1, 2)
            ]
            assert pages[0].total == index.document_count > 1000
            return [hit.received_on for page in pages for hit in page.hits]

        dates = every("newest")
        assert len(dates) == index.document_count
        known = [day for day in dates if day is not None]
        assert known == sorted(known, reverse=True)  # type: ignore[type-var]
        assert dates == known + [None] * (len(dates) - len(known))
        assert every("oldest") == sorted(known) + dates[len(known) :]  # type: ignore[type-var]


def test_a_record_changed_by_its_caller_changes_no_later_answer(corpus_index: Path) -> None:
    """The readers of a generation keep the records they parsed and share them: a caller
    of `record` gets a copy of its own, so what it changes reaches no later search or
    record."""
    with IndexReader(corpus_index) as reader:
        runner = QueryRunner(reader)
        before = runner.search("logement", limit=5)
        docnum = reader.docnum(before.hits[0].id)
        original = reader.record(docnum)
        changed = reader.record(docnum)
        changed["question"]["title"] = "changed"
        changed["question"]["answer"] = None
        changed["sectors"].clear()
        changed["portfolios"].append("changed")
        assert runner.search("logement", limit=5) == before
        assert reader.record(docnum) == original
