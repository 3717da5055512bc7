"""A saved search shown as the `watch add` command that saves it (review F F4 of s20).

`watch list` shows each search's filters as the options that set them, and `watch run`'s hint
for a search this version refuses gives the whole command: followed as printed, through the
real CLI, it saves the search again with the same filters and `--any-word`.
"""

from __future__ import annotations

import dataclasses
import json
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pqsearch import Filters, api, watch
from pqsearch.cli import app

runner = CliRunner()

# Every filter of `Filters` away from its default, with values of the shipped corpus.
EVERY_FILTER = [
    *("--legislature", "19/24", "--session", "25/26", "--session", "24/25"),
    *("--author", "Fabian Maingain", "--addressee", "Elke Van den Brandt"),
    *("--portfolio", "Mobilité", "--language", "fr", "--sector", "F"),
    *("--sector-mentioned", "H", "--answer-type", "not_competent", "--status", "answered"),
    *("--from", "2021-03", "--to", "31/12/2025", "--date", "answered", "--kind", "written"),
    *("--overdue", "--reply-delay", "45", "--as-of", "2025-12-31"),
]


def _copy(corpus_index: Path, tmp_path: Path) -> Path:
    index_dir = tmp_path / "index"
    shutil.copytree(corpus_index, index_dir, symlinks=True)
    return index_dir


def _watch(*args: str, index_dir: Path) -> Any:
    return runner.invoke(app, ["watch", *args, "--index", str(index_dir)])


def _saved(index_dir: Path) -> dict[str, watch.Watch]:
    with api.open_index(index_dir) as opened:
        return {w.name: w for w in watch.list_watches(opened)}


def test_watch_list_shows_each_searchs_filters_as_the_options_that_save_them(
    corpus_index: Path, tmp_path: Path
) -> None:
    index_dir = _copy(corpus_index, tmp_path)
    added = _watch("add", "tout", "logement", *EVERY_FILTER, "--any-word", index_dir=index_dir)
    assert added.exit_code == 0, added.output
    assert _watch("add", "simple", "budget", index_dir=index_dir).exit_code == 0

    listed = _watch("list", index_dir=index_dir)
    assert listed.exit_code == 0, listed.output
    everything, simple = listed.stdout.splitlines()
    assert simple == "simple: budget · last run never"
    assert everything.startswith("tout: logement --legislature 19/24 --session 25/26 ")
    assert "--author 'Fabian Maingain' " in everything
    shown = shlex.split(everything.removeprefix("tout: ").removesuffix(" · last run never"))
    assert shown[0] == "logement"
    assert shown[-1] == "--any-word"
    # The options shown save the same search again.
    again = _watch("add", "again", *shown, index_dir=index_dir)
    assert again.exit_code == 0, again.output
    saved = _saved(index_dir)
    assert saved["again"].filters == saved["tout"].filters
    # The sample sets every filter: one added to `Filters` must be added to it (and shown).
    defaults = Filters()
    unset = [
        field.name
        for field in dataclasses.fields(Filters)
        if getattr(saved["tout"].filters, field.name) == getattr(defaults, field.name)
    ]
    assert not unset
    assert saved["again"].all_words is saved["tout"].all_words is False

    as_json = json.loads(_watch("list", "--json", index_dir=index_dir).stdout)
    assert as_json[0]["filters"]["portfolio"] == ["Mobilité"]
    assert as_json[0]["filters"]["reply_delay_days"] == 45
    assert as_json[0]["all_words"] is False
    assert as_json[1]["all_words"] is True


@pytest.mark.parametrize(
    ("query", "options"),
    [
        ("l'État -vélo", ["--status", "answered"]),
        ("-vélo logement", ["--portfolio", "Mobilité"]),
        ("", ["--author", "Joëlle Maison", "--any-word"]),
    ],
    ids=["apostrophe", "leading-dash", "filters-only"],
)
def test_a_watch_list_line_pasted_after_watch_add_saves_the_same_search(
    corpus_index: Path, tmp_path: Path, query: str, options: list[str]
) -> None:
    """Review P4: the query was shown unquoted ("l'État" broke a shell's reading, "-vélo" was
    read as an option) and a filters-only search showed "(filters only)" where a query goes."""
    index_dir = _copy(corpus_index, tmp_path)
    typed = [*options, "--", query] if query else options
    # --index before the words: after "--" it would be a word.
    added = runner.invoke(app, ["watch", "add", "--index", str(index_dir), "first", *typed])
    assert added.exit_code == 0, added.output
    (line,) = _watch("list", index_dir=index_dir).stdout.splitlines()
    head, _, rest = line.partition(": ")
    assert head == ("first" if query else "first (no query)")
    pasted = rest.removesuffix(" · last run never")
    again = runner.invoke(
        app, ["watch", "add", "--index", str(index_dir), "again", *shlex.split(pasted)]
    )
    assert again.exit_code == 0, again.output
    saved = _saved(index_dir)
    assert (saved["again"].query, saved["again"].filters, saved["again"].all_words) == (
        saved["first"].query,
        saved["first"].filters,
        saved["first"].all_words,
    )
    assert saved["again"].query == query


def test_the_hint_for_a_refused_search_saves_it_again_with_its_filters(
    corpus_index: Path, tmp_path: Path
) -> None:
    """The hint gave only the corrected query: following it dropped the search's filters
    and --any-word."""
    index_dir = _copy(corpus_index, tmp_path)
    options = ["--portfolio", "Mobilité", "--status", "answered", "--from", "2021"]
    added = _watch("add", "rng", "logement", *options, "--any-word", index_dir=index_dir)
    assert added.exit_code == 0, added.output
    path = index_dir / "watches.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    # As f5e3ce3 saved it, before s20 refused "TO" outside brackets.
    data["rng"]["query"] = "-vélo recu:2021 TO 2022"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    ran = _watch("run", index_dir=index_dir)
    assert ran.exit_code == 1
    (hint,) = [line.strip() for line in ran.stdout.splitlines() if "Change it" in line]
    command = hint.split("): ", 1)[1]
    assert command == (
        "pqsearch watch add --replace --portfolio Mobilité --status answered --from 2021 "
        f"--any-word --index {index_dir} -- rng '-vélo recu:[2021 TO 2022]'"
    )
    words = shlex.split(command)
    assert words[:3] == ["pqsearch", "watch", "add"]
    # As printed: the index it is saved in is part of the command.
    followed = runner.invoke(app, words[1:])
    assert followed.exit_code == 0, followed.output
    saved = _saved(index_dir)["rng"]
    assert saved.query == "-vélo recu:[2021 TO 2022]"
    assert saved.filters == Filters(portfolio=("Mobilité",), status="answered", date_from="2021")
    assert saved.all_words is False
    assert _watch("run", "rng", index_dir=index_dir).exit_code == 0
