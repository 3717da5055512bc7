"""Errors at the terminal that say what to type (s20 review): a facet's "did you mean", an
empty exact value's example, and no "put it in quotes" when a quoted value follows "="."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch.cli import app
from pqsearch.query.fields import FIELDS

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
        'the "=", as in portfolio:=urbanisme, or remove the filter.\n'
        "As an option: --portfolio =urbanisme\n"
    )


def _total(corpus_index: Path, *args: str) -> int:
    out = runner.invoke(app, ["search", *args, "--index", str(corpus_index), "--json"])
    assert out.exit_code == 0, (args, out.output)
    return int(json.loads(out.stdout)["total"])


def test_every_empty_value_example_works_as_typed(corpus_index: Path) -> None:
    """Review P1: `ministre:=` offered `addressee:=van den brandt`, which searches "den" and
    "brandt" as words, and the option `--addressee =van den brandt`, three words in a shell.
    Each field's example, typed as shown (the query form as one argument, the option form
    read by a shell), selects what the field's own example does."""
    tried = []
    for spec in FIELDS:
        out = runner.invoke(app, ["search", f"{spec.name}:=", "--index", str(corpus_index)])
        said = str(out.stderr)
        if "An empty value for" not in said:
            continue
        tried.append(spec.name)
        example = said.split(", as in ", 1)[1].split(", or remove the filter.", 1)[0]
        expected = _total(corpus_index, spec.example)
        assert _total(corpus_index, example) == expected, (spec.name, example)
        option = re.search(r"^As an option: (.*)$", said, re.M)
        if spec.name == "parliament":
            assert option is None, said  # no option sets it
            continue
        assert option is not None, said
        assert _total(corpus_index, *shlex.split(option[1])) == expected, (spec.name, option[1])
    assert "addressee" in tried and "portfolio" in tried and len(tried) >= 8, tried


def test_the_shell_form_of_a_quoted_word_has_the_other_errors_fixed(corpus_index: Path) -> None:
    """Review P6: "put it in quotes" was offered on the query as typed, keeping its other
    errors; now on what the correction gives."""
    said = _error(corpus_index, "search", "secteur=F recu:2021 TO 2022")
    line = said.splitlines()[-1]
    assert line == (
        "In a shell, put the query in single quotes to keep its double quotes: "
        "'\"secteur=F\" recu:[2021 TO 2022]'"
    ), said
    (offered,) = shlex.split(line.split(": ", 1)[1])
    out = runner.invoke(app, ["search", offered, "--index", str(corpus_index)])
    assert out.exit_code == 0, out.output


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
