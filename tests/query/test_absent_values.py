"""A valid filter value that no document has is said when nothing matched (review 14, R4):
`--kind "question orale"` on an index of written questions printed "0 documents" and nothing
else, which reads as an answer about the words typed."""

from __future__ import annotations

import json

from pqsearch import api
from pqsearch.results import AbsentValue
from tests.conftest import run_pqsearch


def test_a_kind_no_document_has_is_named(index: api.Index) -> None:
    found = index.search("logement", filters=api.Filters(kind=("question orale",)))
    assert found.total == 0
    assert found.absent == (AbsentValue("kind", "question orale", "oral", "Question orale"),)


def test_values_typed_in_the_query_are_named_too(index: api.Index) -> None:
    found = index.search("logement type:renvoi legislature:29/34")
    assert found.total == 0
    assert [(a.field, a.value) for a in found.absent] == [
        ("answer_type", "by_reference"),
        ("legislature", "29/34"),
    ]


def test_a_value_naming_several_is_absent_only_when_none_is_held(index: api.Index) -> None:
    # Review 15, R1: "question" names every kind; the written ones are held.
    before = api.Filters(kind=("question",), date_from="1990-01-01", date_to="1990-12-31")
    assert index.search("logement", filters=before).absent == ()
    assert index.search("logement", filters=api.Filters(kind=("question",))).total > 0


def test_ids_are_not_values_that_match_nothing_yet(index: api.Index) -> None:
    # Review 15, R2: an id no document has is a lookup that found nothing, with no facet.
    assert index.search("id:nonexistent").absent == ()


def test_labels_name_what_the_value_is_without_repeating_it(index: api.Index) -> None:
    # Review 15, R8: a sector's label holds its code; a language is its code.
    (sector,) = index.search("logement", filters=api.Filters(sector=("A",))).absent
    assert sector.label.startswith("A ") and sector.value == "A"
    (language,) = index.search("logement", filters=api.Filters(language=("nl",))).absent
    assert language.label == "nl"


def test_nothing_is_named_when_the_values_exist_or_something_matched(index: api.Index) -> None:
    held = index.facet("kind").results[0].value
    # A value the index has: an empty result is the words' and the filters' together.
    before = api.Filters(kind=(held,), date_from="1990-01-01", date_to="1990-12-31")
    nothing = index.search("logement", filters=before)
    assert nothing.total == 0 and nothing.absent == ()
    # Hits: an absent value beside a present one needs no note.
    some = index.search("logement", filters=api.Filters(kind=("oral", held)))
    assert some.total > 0 and some.absent == ()
    # An excluded value no document has excludes nothing: no note.
    assert index.search("logement -type:renvoi").absent == ()


def test_the_cli_says_it_and_json_holds_it(corpus_index: object) -> None:
    shown = run_pqsearch(
        "search", "logement", "--kind", "question orale", "--index", str(corpus_index)
    )
    assert shown.returncode == 0, shown.stderr
    assert 'No document in this index has kind "question orale": it matches nothing' in (
        shown.stdout
    )
    typed = run_pqsearch(
        "search", "logement", "--answer-type", "renvoi", "--json", "--index", str(corpus_index)
    )
    assert json.loads(typed.stdout)["absent"] == [
        {
            "field": "answer_type",
            "typed": "renvoi",
            "value": "by_reference",
            "label": "Renvoi à une autre réponse",
        }
    ]
