"""`pqsearch CMD ...` runs an app holding CMD alone (`cli.common.app_for`): a user sees the
same output, help, errors and exit codes as from the whole app."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch.cli import app
from pqsearch.cli.common import app_for

runner = CliRunner()


def _both(arguments: list[str]) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    whole = runner.invoke(app, arguments)
    alone = runner.invoke(app_for(arguments), arguments)
    return (
        (whole.exit_code, whole.stdout, whole.stderr),
        (alone.exit_code, alone.stdout, alone.stderr),
    )


@pytest.mark.parametrize(
    "arguments",
    [
        ["search", "logement"],
        ["search", "logement", "--json", "--session", "20/21"],
        ["search", "logement", "--status", "bogus"],
        ["search", "logement", "--bogus"],
        ["search", "--help"],
        ["show", "170229", "--json"],
        ["show", "no-such-id"],
        ["facets", "session"],
        ["watch", "list"],
        ["watch", "--help"],
        ["synonyms", "SIAMU"],
    ],
)
def test_one_command_answers_as_the_whole_app(corpus_index: Path, arguments: list[str]) -> None:
    with_index = [*arguments, "--index", str(corpus_index)]
    if "--help" in arguments:
        with_index = arguments
    whole, alone = _both(with_index)
    assert alone == whole
    assert app_for(with_index) is not app


@pytest.mark.parametrize("arguments", [[], ["--help"], ["serach", "logement"]])
def test_no_command_or_an_unknown_one_gets_the_whole_app(arguments: list[str]) -> None:
    assert app_for(arguments) is app
    result = runner.invoke(app, arguments)
    if arguments[:1] == ["serach"]:
        assert result.exit_code == 2 and "Did you mean 'search'" in result.stderr
    else:
        # Every command listed: the help of the whole app.
        assert all(name in result.output for name in ("search", "ingest", "watch", "serve"))
