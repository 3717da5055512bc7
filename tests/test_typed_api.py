"""The typed public API: no `Any` in what it takes or returns, closed sets checked at the
boundary, typed hits and cross-references, saved searches, the index's schema version."""

from __future__ import annotations

import dataclasses
import inspect
import json
import shutil
import typing
from pathlib import Path

import pytest

import pqsearch
from pqsearch import api
from pqsearch.output import as_json


def _hints(value: object) -> dict[str, object]:
    from pqsearch.analyze.taxonomy import Taxonomy  # imported by the api for type checking only

    # pqsearch loads its names on first use (pqsearch/lazy.py): ask for each one.
    public = {name: getattr(pqsearch, name) for name in pqsearch.__all__}
    names = {**public, **vars(pqsearch.models), "Taxonomy": Taxonomy}
    return typing.get_type_hints(value, localns=names, include_extras=True)


def _public_hints() -> list[tuple[str, object]]:
    """(where, type) for every parameter, result and field of the public surface."""
    found: list[tuple[str, object]] = []
    for name in pqsearch.__all__:
        value = getattr(pqsearch, name)
        if inspect.isfunction(value):
            found += [(f"{name}({key})", hint) for key, hint in _hints(value).items()]
        elif inspect.isclass(value) and not issubclass(value, BaseException):
            if dataclasses.is_dataclass(value):
                found += [(f"{name}.{key}", hint) for key, hint in _hints(value).items()]
            for attr, member in vars(value).items():
                function = member.fget if isinstance(member, property) else member
                if inspect.isfunction(function) and not attr.startswith("_"):
                    found += [
                        (f"{name}.{attr}({key})", hint) for key, hint in _hints(function).items()
                    ]
    return found


def test_no_any_in_the_public_signatures_and_results() -> None:
    hints = _public_hints()
    assert len(hints) > 100  # the walk reaches the surface
    assert any(where.startswith("Index.search(") for where, _ in hints)
    loose = [where for where, hint in hints if "Any" in repr(hint)]
    assert not loose, f"Any in the public API: {loose}"


def test_the_check_finds_an_any() -> None:
    def probe(value: typing.Any) -> list[typing.Any]:
        return [value]

    assert "Any" in repr(typing.get_type_hints(probe)["return"])


def test_a_string_given_for_a_sequence_filter_is_one_value(index: api.Index) -> None:
    assert pqsearch.Filters(session="25/26") == pqsearch.Filters(session=("25/26",))
    assert pqsearch.Filters(author=["Fabian Maingain"]).author == ("Fabian Maingain",)
    by_string = index.search("", filters=pqsearch.Filters(session="25/26"), limit=100)
    by_tuple = index.search("", filters=pqsearch.Filters(session=("25/26",)), limit=100)
    assert by_string.total > 0
    assert [h.id for h in by_string.hits] == [h.id for h in by_tuple.hits]
    with pytest.raises(TypeError, match="session"):
        pqsearch.Filters(session=2526)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: pqsearch.Filters(status="maybe"), "Unknown status 'maybe': use answered or"),
        (lambda: pqsearch.Filters(date_field="signed"), "received, published or answered"),
    ],
    ids=["status", "date_field"],
)
def test_a_value_outside_a_closed_set_names_the_valid_ones(
    make: typing.Callable[[], object], message: str
) -> None:
    with pytest.raises(pqsearch.InvalidChoiceError, match=message):
        make()


def test_status_takes_the_words_users_type() -> None:
    assert pqsearch.Filters(status="répondu").status == "answered"  # type: ignore[arg-type]
    assert pqsearch.Filters(status="").status is None  # type: ignore[arg-type]


def test_sort_and_format_are_checked_at_the_boundary(index: api.Index) -> None:
    with pytest.raises(pqsearch.InvalidChoiceError, match="use relevance, newest or oldest"):
        index.search("logement", sort="best")  # type: ignore[arg-type]
    with pytest.raises(pqsearch.InvalidChoiceError, match="use md, csv or jsonl") as raised:
        index.export("logement", fmt="pdf")  # type: ignore[arg-type]
    assert raised.value.valid == pqsearch.EXPORT_FORMATS
    assert isinstance(raised.value, pqsearch.QuerySyntaxError)


def test_hits_are_typed_and_their_json_keeps_its_shape(index: api.Index) -> None:
    result = index.search("logement", limit=5)
    assert result.hits
    for hit in result.hits:
        assert isinstance(hit.extra, pqsearch.HitDetails)
        assert hit.extra.source_format in ("html", "jsonl", "text", "index")
    answered = index.search("", filters=pqsearch.Filters(answer_type="substantive"), limit=3)
    assert {h.extra.answer_type for h in answered.hits} == {"substantive"}
    data = json.loads(as_json(result.hits[0]))
    assert {"answer_type", "sectors", "portfolios", "kind", "source_format"} <= set(data["extra"])


def test_similar_hits_carry_shared_terms_and_same_question(index: api.Index) -> None:
    result = index.similar("170145", limit=5)
    assert result.hits
    first = result.hits[0]
    assert first.extra.same_question is True
    assert isinstance(first.extra.shared_terms, tuple) and first.extra.shared_terms


def test_show_returns_the_cross_references_typed_and_get_the_record(index: api.Index) -> None:
    document = index.show("170245")
    assert document.cites
    assert all(isinstance(c, pqsearch.CrossReference) for c in document.cites)
    assert document.cites[0].number == 1807
    assert index.get("170245") == document.question


def test_saved_searches_through_the_public_api(tmp_path: Path, corpus_index: Path) -> None:
    copy = tmp_path / "index"
    shutil.copytree(corpus_index, copy, symlinks=True)
    with pqsearch.open_index(copy) as index:
        saved = pqsearch.add_watch(index, "emploi", "Actiris", pqsearch.Filters(status="answered"))
        assert isinstance(saved, pqsearch.Watch)
        assert [w.name for w in pqsearch.list_watches(index)] == ["emploi"]
        (report,) = pqsearch.run_watches(index)
        assert isinstance(report, pqsearch.WatchReport)
        assert report.first_run and report.new
        assert all(h.answered for h in report.new)
        pqsearch.remove_watch(index, "emploi")
        assert pqsearch.list_watches(index) == ()
        with pytest.raises(pqsearch.WatchError, match="No saved search is called 'emploi'"):
            pqsearch.remove_watch(index, "emploi")


def test_the_one_call_search_takes_every_option_of_index_search() -> None:
    import inspect

    one_call = set(inspect.signature(api.search).parameters) - {"index_dir"}
    method = set(inspect.signature(api.Index.search).parameters) - {"self"}
    assert one_call == method
