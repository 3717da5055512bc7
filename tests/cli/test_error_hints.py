"""Errors at the terminal that say what to type (s20 review): a facet's "did you mean", an
empty exact value's example, and no "put it in quotes" when a quoted value follows "="."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch.cli import app

runner = CliRunner()


def _error(corpus_index: Path, *args: str) -> str:
    out = runner.invoke(app, [*args, "--index", str(corpus_index)])
    assert out.exit_code == 2, out.output
    return str(out.stderr)


@pytest.mark.parametrize(
    ("command", "typed", "meant"),
    [
        (["search", "logement", "--facets"], "sectr", "'sector'"),
        (["search", "logement", "--facets"], "secteurs", "'sector'"),
        (["search", "logement", "--facets"], "portfolio,auteurr", "'author'"),
        (["facets"], "sesion", "'session'"),
    ],
)
def test_an_unknown_facet_gets_a_did_you_mean(
    corpus_index: Path, command: list[str], typed: str, meant: str
) -> None:
    said = _error(corpus_index, *command, typed)
    assert f"Did you mean {meant}? Facets: addressee, " in said, said


def test_a_facet_near_nothing_gets_the_list_alone(corpus_index: Path) -> None:
    said = _error(corpus_index, "search", "logement", "--facets", "xyzzy")
    assert said.startswith("Error: Unknown facet 'xyzzy'. Facets: addressee, "), said


@pytest.mark.parametrize(
    "args",
    [["search", "logement portfolio:="], ["search", "logement", "--portfolio", "="]],
    ids=["query", "option"],
)
def test_an_empty_exact_value_says_what_to_type(corpus_index: Path, args: list[str]) -> None:
    said = _error(corpus_index, *args)
    assert said == (
        'Error: An empty value for portfolio ("=") matches nothing: give the whole name after '
        'the "=", as in portfolio:=urbanisme (option: --portfolio =urbanisme), or remove the '
        "filter.\n"
    )


def test_an_equals_before_a_quoted_value_offers_the_colon_alone(corpus_index: Path) -> None:
    said = _error(corpus_index, "search", 'secteur="Q"')
    assert said.startswith(
        "Error: 'secteur=' at column 1 is not a filter: a field takes a colon, not \"=\". "
        'Write secteur:"Q".\n'
    ), said
    assert "in quotes to search it as written" not in said
    # Without a quoted value, searching the word as written is still offered.
    said = _error(corpus_index, "search", "secteur=F")
    assert "Write secteur:F, or put 'secteur=F' in quotes to search it as written." in said
