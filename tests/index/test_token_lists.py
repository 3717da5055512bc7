"""Text fields handed to Whoosh as token lists (`schema.tokens_value`) index exactly what the
joined text did through Whoosh's space tokenizer."""

from __future__ import annotations

import pytest

from pqsearch.index.schema import (
    DUTCH_FIELDS,
    LEMMA_FIELDS,
    WORD_FIELDS,
    build_schema,
    tokens_value,
)

TOKENS = [
    ["ministre", "logement", "ministre", "a"],
    ["l'ecole", "ca", "e\u0301te\u0301"],
    ["un mot", "deux"],  # a token holding a space: two tokens for Whoosh
    ["", "vide", ""],
    [" bord", "bord "],
    ["tab\tulation", "ligne\nneuve", "retour\rchariot"],
    ["\xa0insecable", "a\x0bb"],  # not separators for Whoosh's tokenizer
    ["seul"],
    [],
]
FIELDS = [*LEMMA_FIELDS.values(), *WORD_FIELDS.values(), *DUTCH_FIELDS.values()]


@pytest.mark.parametrize("tokens", TOKENS)
def test_the_value_indexes_what_the_joined_text_indexes(tokens: list[str]) -> None:
    schema = build_schema()
    value = tokens_value(tokens)
    joined = " ".join(tokens)
    assert (value == "") == (joined == "")
    for name in FIELDS:
        field = schema[name]
        expected = sorted(field.index(joined)) if joined else []
        found = sorted(field.index(value)) if value != "" else []
        assert found == expected, name


def test_plain_tokens_go_as_a_list_which_whoosh_does_not_tokenize_again() -> None:
    assert tokens_value(["question", "ecrite", "logement"]) == ["question", "ecrite", "logement"]
    assert tokens_value(["un mot", "deux"]) == ["un", "mot", "deux"]
    assert tokens_value(["tab\tulation"]) == "tab\tulation"
