"""Filters and facet counts on the real corpus, checked against the records themselves."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pqsearch import api
from pqsearch.errors import QuerySyntaxError, UnknownValueError
from pqsearch.models import Question
from tests.conftest import SEED, SHIPPED_CORPUS


@pytest.fixture(scope="module")
def records() -> dict[str, Question]:
    """The corpus as the index should hold it: one record per id, pages winning.

    The files are listed here by hand, not by the ingest's own folder walk, so that a file the
    walk skipped or read twice would show."""
    from pqsearch.parse import iter_parse

    brussels = SHIPPED_CORPUS / "brussels"
    files = [
        *sorted((brussels / "html").glob("*.html")),
        brussels / "records.jsonl",
        SEED,
    ]
    chosen: dict[str, Question] = {}
    for item in iter_parse(files):
        if isinstance(item, Question) and item.id not in chosen:
            chosen[item.id] = item
    return chosen


def all_ids(index: api.Index, query: str = "", **filters: object) -> set[str]:
    result = index.search(query, filters=api.Filters(**filters), facets=[], limit=1000)  # type: ignore[arg-type]
    assert result.total == len(result.hits)
    return {h.id for h in result.hits}


def test_the_index_holds_every_question_once(
    index: api.Index, records: dict[str, Question]
) -> None:
    assert index.document_count == len(records)
    assert all_ids(index) == set(records)


@pytest.mark.parametrize(
    ("option", "value", "attribute"),
    [
        ("session", "25/26", "session"),
        ("session", "20/21", "session"),
        ("legislature", "24/29", "legislature"),
        ("addressee", "Ans Persoons", "addressee"),
        ("addressee", "Laurent Hublet", "addressee"),
        ("author", "Bianca Debaets", "author"),
    ],
)
def test_filters_narrow_to_exactly_the_matching_records(
    index: api.Index, records: dict[str, Question], option: str, value: str, attribute: str
) -> None:
    expected = {i for i, q in records.items() if getattr(q, attribute) == value}
    assert expected
    assert all_ids(index, **{option: (value,)}) == expected


def test_filter_values_are_case_and_accent_insensitive_and_partial(
    index: api.Index, records: dict[str, Question]
) -> None:
    expected = {i for i, q in records.items() if q.addressee == "Boris Dilliès"}
    assert all_ids(index, addressee=("dillies",)) == expected
    assert all_ids(index, addressee=("BORIS DILLIÈS",)) == expected


def test_status_filter(index: api.Index, records: dict[str, Question]) -> None:
    assert all_ids(index, status="unanswered") == {
        i for i, q in records.items() if q.answer is None
    }
    assert all_ids(index, status="répondu") == {i for i, q in records.items() if q.answer}


def test_an_unknown_value_suggests_the_closest_real_ones(index: api.Index) -> None:
    with pytest.raises(UnknownValueError) as caught:
        index.search("", filters=api.Filters(session=("25-26",)))
    assert "25/26" in caught.value.suggestions
    assert "did you mean" in str(caught.value)


def test_date_filters_include_both_ends(index: api.Index, records: dict[str, Question]) -> None:
    day = dt.date(2026, 6, 22)
    expected = {i for i, q in records.items() if q.received_on == day}
    assert expected
    assert all_ids(index, date_from="2026-06-22", date_to="22/06/2026") == expected
    month = {
        i
        for i, q in records.items()
        if q.answered_on and (q.answered_on.year, q.answered_on.month) == (2026, 9)
    }
    assert all_ids(index, date_from="2026-09", date_to="2026-09", date_field="answered") == month


@pytest.mark.parametrize("form", ["2021", "2021-03", "2021-03-31", "31/03/2021", "03/2021"])
def test_each_date_form_is_accepted(
    index: api.Index, records: dict[str, Question], form: str
) -> None:
    from pqsearch.query.dates import parse_date_span

    first, last = parse_date_span(form)
    expected = {i for i, q in records.items() if q.answered_on and first <= q.answered_on <= last}
    assert all_ids(index, date_from=form, date_to=form, date_field="answered") == expected


@pytest.mark.parametrize("bad", ["2021-13", "32/03/2021", "mars", "yesterday", "30/02/2021"])
def test_malformed_dates_say_what_is_accepted(index: api.Index, bad: str) -> None:
    with pytest.raises(QuerySyntaxError):
        index.search("", filters=api.Filters(date_from=bad))


def test_date_syntax_in_the_query(index: api.Index, records: dict[str, Question]) -> None:
    expected = {i for i, q in records.items() if q.answered_on and q.answered_on.year == 2021}
    assert all_ids(index, "repondu:2021") == expected
    assert all_ids(index, "recu:[2021-01-01 TO 2021-06-30]") == {
        i
        for i, q in records.items()
        if q.received_on and dt.date(2021, 1, 1) <= q.received_on <= dt.date(2021, 6, 30)
    }
    assert all_ids(index, "recu:>2021") == {
        i for i, q in records.items() if q.received_on and q.received_on.year > 2021
    }


def test_field_search_in_the_query(index: api.Index, records: dict[str, Question]) -> None:
    assert all_ids(index, "auteur:debaets") == {
        i for i, q in records.items() if q.author == "Bianca Debaets"
    }
    assert all_ids(index, "ministre:smet session:20/21") == {
        i for i, q in records.items() if q.addressee == "Pascal Smet"
    }


@pytest.mark.parametrize(
    ("facet", "attribute"),
    [
        ("session", "session"),
        ("addressee", "addressee"),
        ("author", "author"),
        ("legislature", "legislature"),
    ],
)
def test_facet_counts_equal_independent_counts(
    index: api.Index, records: dict[str, Question], facet: str, attribute: str
) -> None:
    expected = Counter(getattr(q, attribute) for q in records.values() if getattr(q, attribute))
    counted = index.facet(facet)
    assert {c.value: c.count for c in counted.results} == dict(expected)
    assert not counted.truncated


def test_facets_count_the_whole_result_set_not_the_page(
    index: api.Index, records: dict[str, Question]
) -> None:
    result = index.search("", facets=["addressee", "received_month"], limit=2)
    assert len(result.hits) == 2
    by_name = {f.name: f for f in result.facets}
    assert sum(c.count for c in by_name["addressee"].results) == len(records)
    months = Counter(q.received_on.strftime("%Y-%m") for q in records.values() if q.received_on)
    assert {c.value: c.count for c in by_name["received_month"].results} == dict(months)


def test_multi_valued_portfolios_count_each_value(index: api.Index) -> None:
    facet = index.facet("portfolio")
    assert facet.results
    for count in facet.results[:8]:
        assert count.count == len(all_ids(index, portfolio=(count.value,)))
    total_values = sum(c.count for c in facet.results)
    assert total_values > index.document_count  # documents have several portfolios


def test_top_n_sets_truncated(index: api.Index) -> None:
    result = index.search("", facets=["author"], facet_top=2, limit=0)
    (facet,) = result.facets
    assert len(facet.results) == 2
    assert facet.truncated


QUERY_ALPHABET = st.sampled_from(
    [
        *list("abcdeéèà \"()*:-/[]<>=.,'"),
        "AND",
        "OR",
        "NOT",
        "recu:",
        "auteur:",
        "session:",
        "TO",
        "2021",
        "03",
    ]
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(QUERY_ALPHABET, max_size=14).map("".join) | st.text(max_size=40))
def test_random_queries_raise_only_query_errors(index: api.Index, text: str) -> None:
    with contextlib.suppress(QuerySyntaxError):
        index.search(text, facets=["session"], limit=3)


@pytest.mark.parametrize("date_field", ["published", "answered"])
def test_documents_without_a_date_are_outside_every_date_range_and_facet(
    index: api.Index, records: dict[str, Question], date_field: str
) -> None:
    """Whoosh's column gives a missing date the largest integer; it is no date."""
    attribute = f"{date_field}_on"
    dated = {i for i, q in records.items() if getattr(q, attribute) is not None}
    assert dated != set(records), "the corpus should hold a document without this date"
    assert all_ids(index, date_from="1990", date_field=date_field) == dated
    result = index.search("", facets=[f"{date_field}_year", f"{date_field}_month"], limit=0)
    years = {count.value for count in result.facets[0].results}
    expected_years = {str(getattr(records[i], attribute).year) for i in dated}
    assert years == expected_years
    assert all(count.value < "2100" for count in result.facets[1].results)
    newest_first = index.search("", filters=api.Filters(date_field=date_field), sort="newest")
    assert newest_first.hits[0].id in dated


@given(
    st.lists(st.integers(min_value=0, max_value=999_912), max_size=60)
    | st.lists(st.integers(min_value=200_601, max_value=202_612), max_size=60)
)
def test_date_buckets_present_are_numpys_unique(buckets: list[int]) -> None:
    import numpy as np

    from pqsearch.query.facets import _present

    found = _present(np.array(buckets, dtype=np.int64))
    assert found.dtype == np.int64
    assert found.tolist() == np.unique(np.array(buckets, dtype=np.int64)).tolist()
