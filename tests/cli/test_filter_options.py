"""Every command that says it takes the filters of search takes all of them, and means them.

search, similar, export and watch add share one declaration of the filter options
(`pqsearch.cli.options`); each is run here with each option on the real index and compared
with the library called with the same `Filters`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import Filters, api
from pqsearch.cli import app
from pqsearch.cli.options import FILTER_OPTIONS

runner = CliRunner()

# (options as typed, the same restriction through the library)
CASES: list[tuple[list[str], Filters]] = [
    (["--legislature", "19/24"], Filters(legislature=("19/24",))),
    (["--author", "Fabian Maingain"], Filters(author=("Fabian Maingain",))),
    (["--answer-type", "not_competent"], Filters(answer_type=("not_competent",))),
    (["--sector-mentioned", "H"], Filters(sector_mentioned=("H",))),
    (["--status", "answered"], Filters(status="answered")),
    (
        ["--from", "2025-11", "--date", "answered"],
        Filters(date_from="2025-11", date_field="answered"),
    ),
    (["--language", "fr", "--session", "25/26"], Filters(language=("fr",), session=("25/26",))),
    (["--kind", "written", "--to", "2025-12"], Filters(kind=("written",), date_to="2025-12")),
]
IDS = [" ".join(options) for options, _ in CASES]
COMMANDS = ["search", "similar", "export", "watch add"]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_every_filter_command_lists_every_filter_option(command: str) -> None:
    code, out, _ = run(*command.split(), "--help")
    assert code == 0
    flags = ["--" + name.replace("_", "-") for name, _, _ in FILTER_OPTIONS]
    flags = [{"--date-from": "--from", "--date-to": "--to"}.get(f, f) for f in flags]
    missing = [flag for flag in flags if flag not in out]
    assert not missing, f"{command} lacks {missing}"


@pytest.mark.parametrize(("options", "filters"), CASES, ids=IDS)
def test_search_applies_each_filter_option(
    options: list[str], filters: Filters, corpus_index: Path, index: api.Index
) -> None:
    code, out, err = run(
        "search", "--json", "--limit", "100", "--index", str(corpus_index), *options
    )
    assert code == 0, err
    expected = index.search("", filters=filters, facets=[], limit=100)
    assert [h["id"] for h in json.loads(out)["hits"]] == [h.id for h in expected.hits]
    # The option restricts: the filter is not a no-op on this index.
    assert expected.total < index.search("", facets=[], limit=0).total


@pytest.mark.parametrize(("options", "filters"), CASES, ids=IDS)
def test_similar_applies_each_filter_option(
    options: list[str], filters: Filters, corpus_index: Path, index: api.Index
) -> None:
    args = ["similar", "170145", "--json", "--limit", "50", "--index", str(corpus_index)]
    code, out, err = run(*args, *options)
    assert code == 0, err
    expected = index.similar("170145", filters=filters, limit=50)
    assert [h["id"] for h in json.loads(out)["hits"]] == [h.id for h in expected.hits]


def test_similar_with_a_filter_keeps_only_matching_precedents(
    corpus_index: Path, index: api.Index
) -> None:
    assert index.similar("170145", limit=50).total > 0
    code, out, err = run(
        "similar", "170145", "--legislature", "19/24", "--json", "--index", str(corpus_index)
    )
    assert code == 0, err
    assert json.loads(out)["total"] == 0


@pytest.mark.parametrize(("options", "filters"), CASES, ids=IDS)
def test_export_applies_each_filter_option(
    options: list[str], filters: Filters, corpus_index: Path, index: api.Index
) -> None:
    args = ["export", "--format", "jsonl", "--limit", "100", "--index", str(corpus_index)]
    code, out, err = run(*args, *options)
    assert code == 0, err
    expected = index.search("", filters=filters, facets=[], limit=100)
    exported = [json.loads(line)["question"]["id"] for line in out.splitlines()]
    assert exported == [h.id for h in expected.hits]


@pytest.mark.parametrize(("options", "filters"), CASES, ids=IDS)
def test_watch_add_saves_each_filter_option(
    options: list[str], filters: Filters, corpus_index: Path, index: api.Index, tmp_path: Path
) -> None:
    copy = tmp_path / "index"
    shutil.copytree(corpus_index, copy, symlinks=True)
    code, _, err = run("watch", "add", "topic", "--index", str(copy), *options)
    assert code == 0, err
    code, out, err = run("watch", "run", "--json", "--index", str(copy))
    assert code == 0, err
    (report,) = json.loads(out)
    expected = index.search("", filters=filters, facets=[], limit=1000)
    assert sorted(h["id"] for h in report["new"]) == sorted(h.id for h in expected.hits)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_wrong_status_or_date_is_a_message_on_every_command(
    command: str, corpus_index: Path
) -> None:
    target = {"similar": ["170145"], "watch add": ["topic"]}.get(command, [])
    for options, message in (
        (["--status", "maybe"], "Unknown status 'maybe': use answered or unanswered."),
        (["--date", "signed"], "Unknown date 'signed': use received, published or answered."),
    ):
        code, _, err = run(*command.split(), *target, "--index", str(corpus_index), *options)
        assert code == 2
        assert err.strip() == f"Error: {message}"
