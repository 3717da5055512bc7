"""The CLI shows a suggested query holding double quotes in a form a shell keeps (s20 review,
L5): typed as `pqsearch search recu:"31 mars 2021"`, the shell strips the quotes and the same
error comes back. The library's message (the page, the JSON API) keeps the bare query."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch.cli import app
from pqsearch.errors import QuerySyntaxError
from pqsearch.query.syntax import parse_query

runner = CliRunner()
SAID = "In a shell, put the query in single quotes to keep its double quotes: "


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("logement recu:31 mars 2021", ['logement recu:"31 mars 2021"']),
        ("NOT(recu:31 mars 2021)", ['NOT(recu:"31 mars 2021")']),
        ("logement portfolio==", ['logement "portfolio=="']),
        ('secteur="Santé humaine"', ['secteur:"Santé humaine"']),
    ],
)
def test_a_suggestion_with_double_quotes_is_shown_as_a_shell_keeps_it(
    corpus_index: Path, query: str, shown: list[str]
) -> None:
    result = runner.invoke(app, ["search", query, "--index", str(corpus_index)])
    assert result.exit_code == 2
    line = result.stderr.splitlines()[-1]
    assert line.startswith(SAID), result.stderr
    typed = [shlex.split(form)[0] for form in line[len(SAID) :].split(" or ")]
    assert typed == shown
    for form in typed:
        parse_query(form)
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query(query)
    assert SAID not in str(caught.value)


def test_a_suggestion_without_double_quotes_gets_no_shell_line(corpus_index: Path) -> None:
    result = runner.invoke(app, ["search", "recu:2021 TO 2022", "--index", str(corpus_index)])
    assert result.exit_code == 2
    assert "recu:[2021 TO 2022]" in result.stderr and SAID not in result.stderr
