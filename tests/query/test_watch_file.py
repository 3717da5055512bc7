"""`watches.json` as earlier and later versions wrote it: read again without losing a saved
search or what it has shown (audit 11, W1)."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pqsearch import Filters, api, watch
from pqsearch.cli import app

runner = CliRunner()


def _index_with_a_run_search(corpus_index: Path, tmp_path: Path) -> Path:
    index_dir = tmp_path / "index"
    shutil.copytree(corpus_index, index_dir, symlinks=True)
    for args in (["add", "logement", "logement"], ["run"]):
        result = runner.invoke(app, ["watch", *args, "--index", str(index_dir)])
        assert result.exit_code == 0, result.output
    return index_dir


def _saved(index_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((index_dir / "watches.json").read_text(encoding="utf-8"))
    return data


def _write(index_dir: Path, data: dict[str, Any]) -> None:
    (index_dir / "watches.json").write_text(json.dumps(data, ensure_ascii=False, indent=1))


def _edited(text: str, **fields: Any) -> str:
    data = json.loads(text)
    data["logement"].update(fields)
    return json.dumps(data)


def _watch(*args: str, index_dir: Path) -> Any:
    return runner.invoke(app, ["watch", *args, "--index", str(index_dir)])


def test_saved_searches_from_before_now_answered_survive_the_next_change(
    corpus_index: Path, tmp_path: Path
) -> None:
    """A file from before 8858743 (no "answered", no "all_words") read fine, but the next
    `watch add` wrote `"answered": null` back, and every watch command then failed."""
    index_dir = _index_with_a_run_search(corpus_index, tmp_path)
    old = _saved(index_dir)
    for record in old.values():
        del record["answered"], record["all_words"]
    _write(index_dir, old)

    assert _watch("add", "budget", "budget", index_dir=index_dir).exit_code == 0
    listed = _watch("list", index_dir=index_dir)
    assert listed.exit_code == 0, listed.output
    assert [line.split(":")[0] for line in listed.stdout.splitlines()] == ["logement", "budget"]
    ran = _watch("run", "--json", index_dir=index_dir)
    assert ran.exit_code == 0, ran.output
    reports = {r["name"]: r for r in json.loads(ran.stdout)}
    # What the old search had shown is still known: nothing of it is new again.
    assert (reports["logement"]["new"], reports["logement"]["first_run"]) == ([], False)
    assert reports["budget"]["first_run"] is True
    with api.open_index(index_dir) as opened:
        kept = {w.name: w for w in watch.list_watches(opened)}
    assert kept["logement"].seen == old["logement"]["seen"]
    assert kept["logement"].all_words is True


def test_a_file_already_written_with_answered_null_is_read_again_without_loss(
    corpus_index: Path, tmp_path: Path
) -> None:
    """The state users are in now: the previous version wrote `"answered": null` for a search
    saved before it kept answers, and could not read its own file again."""
    index_dir = _index_with_a_run_search(corpus_index, tmp_path)
    broken = _saved(index_dir)
    broken["logement"]["answered"] = None  # what `_save` wrote for `answered=None`
    _write(index_dir, broken)

    with api.open_index(index_dir) as opened:
        (legacy,) = watch.list_watches(opened)
    assert legacy.answered is None  # not known: no "now answered" until it has run once
    assert legacy.seen == broken["logement"]["seen"] and legacy.last_run is not None

    added = _watch("add", "budget", "budget", index_dir=index_dir)
    assert added.exit_code == 0, added.output
    # Written so that the previous version reads it too (it took a null for a list).
    assert "answered" not in _saved(index_dir)["logement"]
    page = _watch("run", index_dir=index_dir)
    assert page.exit_code == 0, page.output
    assert page.stdout.startswith("logement (logement): 0 new\n")
    with api.open_index(index_dir) as opened:
        tracked = {w.name: w for w in watch.list_watches(opened)}["logement"]
    assert tracked.answered is not None and tracked.seen == broken["logement"]["seen"]


def test_null_or_missing_optional_fields_mean_their_default(
    corpus_index: Path, tmp_path: Path
) -> None:
    index_dir = _index_with_a_run_search(corpus_index, tmp_path)
    saved = _saved(index_dir)
    record = saved["logement"]
    record["filters"] = {name: None for name in record["filters"]}
    record.update(seen=None, answered=None, all_words=None)
    del record["last_run"]
    saved["nofilters"] = {"query": "budget", "created": record["created"]}
    _write(index_dir, saved)

    with api.open_index(index_dir) as opened:
        read = {w.name: w for w in watch.list_watches(opened)}
        (logement, nofilters) = read["logement"], read["nofilters"]
        assert (logement.filters, logement.seen, logement.last_run) == (Filters(), {}, None)
        assert (logement.answered, logement.all_words) == (None, True)
        assert (nofilters.filters, nofilters.all_words) == (Filters(), True)
        reports = {r.name: r for r in watch.run_watches(opened)}
    everything = reports["logement"]
    assert everything.first_run and everything.total == len(everything.new) > 0


def test_fields_a_newer_version_wrote_are_kept_with_their_saved_search(
    corpus_index: Path, tmp_path: Path
) -> None:
    """Going back to this version for a while must not strip what a newer one recorded."""
    index_dir = _index_with_a_run_search(corpus_index, tmp_path)
    saved = _saved(index_dir)
    saved["logement"]["notify"] = {"mail": "service@example.be"}
    _write(index_dir, saved)

    assert _watch("add", "budget", "budget", index_dir=index_dir).exit_code == 0
    assert _watch("run", index_dir=index_dir).exit_code == 0
    assert _saved(index_dir)["logement"]["notify"] == {"mail": "service@example.be"}
    # Replaced, it is another saved search: what the newer version said of the old one goes.
    replaced = _watch("add", "logement", "logement social", "--replace", index_dir=index_dir)
    assert replaced.exit_code == 0, replaced.output
    assert "notify" not in _saved(index_dir)["logement"]


@pytest.mark.parametrize(
    ("spoil", "said"),
    [
        (lambda text: text[: len(text) // 2], "watches.json cannot be read: "),
        (
            lambda text: text.replace('"filters": {', '"filters": {"region": ["x"], '),
            "the saved search 'logement' has a filter this version of pqsearch does not know: "
            "region",
        ),
        # Audit of session 14, D1: on main, tracebacks at `watch run` (TypeError).
        (
            lambda text: _edited(text, last_run=5),
            "the saved search 'logement' has last_run 5, not a date",
        ),
        (
            lambda text: _edited(text, answered=[1, 2]),
            "the saved search 'logement' has an answered that is not a list of ids",
        ),
        (
            lambda text: _edited(text, answered="170146"),
            "the saved search 'logement' has an answered that is not a list of ids",
        ),
        (
            lambda text: _edited(text, last_run="yesterday"),
            "the saved search 'logement' has last_run 'yesterday', not a date and time",
        ),
        # Review of session 14, R8: a traceback (AttributeError) on main.
        (
            lambda text: _edited(text, filters={"date_from": 5}),
            "the saved search 'logement' has a filter date_from of the wrong kind: 5",
        ),
    ],
    ids=[
        "cut",
        "newer filter",
        "last_run number",
        "answered numbers",
        "answered text",
        "day",
        "date number",
    ],
)
def test_an_unreadable_file_is_kept_as_it_is_and_the_message_says_so(
    corpus_index: Path, tmp_path: Path, spoil: Any, said: str
) -> None:
    """The advice was "Fix or delete it": deleting it loses every saved search."""
    index_dir = _index_with_a_run_search(corpus_index, tmp_path)
    path = index_dir / "watches.json"
    path.write_text(spoil(path.read_text(encoding="utf-8")), encoding="utf-8")
    before = path.read_bytes()

    for args in (["add", "budget", "budget"], ["run"], ["list"], ["remove", "logement"]):
        result = _watch(*args, index_dir=index_dir)
        assert result.exit_code == 2, result.output
        assert said in result.stderr
        assert "delete" not in result.stderr
        assert "Nothing was written to it: it still holds your saved searches." in result.stderr
        assert f"mv {path} {path}.unreadable" in result.stderr
    assert path.read_bytes() == before


def test_a_saved_search_this_version_refuses_says_how_to_change_it(
    corpus_index: Path, tmp_path: Path
) -> None:
    """s20 refuses "recu:2021 TO 2022" and "portfolio==Mobilité", which f5e3ce3 saved and
    searched as words: `watch run` names the search and the commands that change it, with
    the corrected query, and the corrected query is saved and runs."""
    index_dir = _index_with_a_run_search(corpus_index, tmp_path)
    old = _saved(index_dir)
    for name, query in [("rng", "logement recu:2021 TO 2022"), ("eqs", "portfolio==Mobilité")]:
        old[name] = {**old["logement"], "query": query, "seen": {}}
    _write(index_dir, old)

    ran = _watch("run", index_dir=index_dir)
    assert ran.exit_code == 1
    assert (
        "Change it (this forgets what it has shown): pqsearch watch add rng "
        f"'logement recu:[2021 TO 2022]' --replace --index {index_dir}" in ran.stdout
    )
    assert (
        "Change it (this forgets what it has shown): pqsearch watch add eqs "
        f"portfolio:=Mobilité --replace --index {index_dir}" in ran.stdout
    )
    added = _watch("add", "rng", "logement recu:[2021 TO 2022]", "--replace", index_dir=index_dir)
    assert added.exit_code == 0, added.output
    ran = _watch("run", "rng", index_dir=index_dir)
    assert ran.exit_code == 0, ran.output


def test_a_watches_file_that_is_a_link_stays_one(corpus_index: Path, tmp_path: Path) -> None:
    """`watches.json` linked to a file elsewhere (a synced folder, a share): a change is
    written into that file. On 06535d6 it replaced the link by a file of its own: the file
    elsewhere no longer got the changes, and the next machine reading it lacked them (s21)."""
    index_dir = _index_with_a_run_search(corpus_index, tmp_path)
    (tmp_path / "synced").mkdir()
    kept = tmp_path / "synced" / "watches.json"
    (index_dir / "watches.json").rename(kept)
    (index_dir / "watches.json").symlink_to(kept)

    assert _watch("add", "budget", "budget", index_dir=index_dir).exit_code == 0
    assert (index_dir / "watches.json").is_symlink()
    assert sorted(json.loads(kept.read_text(encoding="utf-8"))) == ["budget", "logement"]


def test_a_watches_file_linked_to_a_share_not_mounted_is_not_replaced(
    corpus_index: Path, tmp_path: Path
) -> None:
    """The link leads nowhere (the share is not mounted): that is not "no saved search".
    On 06535d6 `watch add` wrote a new file holding its search alone in place of the link,
    so that, the share back, the saved searches there were no longer the index's (s21)."""
    index_dir = _index_with_a_run_search(corpus_index, tmp_path)
    (tmp_path / "share").mkdir()
    kept = tmp_path / "share" / "watches.json"
    (index_dir / "watches.json").rename(kept)
    (index_dir / "watches.json").symlink_to(kept)
    (tmp_path / "share").rename(tmp_path / "away")  # not mounted

    added = _watch("add", "budget", "budget", index_dir=index_dir)
    assert added.exit_code != 0 and "cannot be read" in added.output
    assert "Nothing was written to it" in added.output
    assert (index_dir / "watches.json").is_symlink()
    (tmp_path / "away").rename(tmp_path / "share")
    listed = _watch("list", index_dir=index_dir)
    assert listed.exit_code == 0 and "logement" in listed.output


def test_a_private_watches_file_stays_private(corpus_index: Path, tmp_path: Path) -> None:
    """A `watches.json` the user made 0600, in the index folder or reached through a link: a
    change keeps its permission bits (it became 0644, readable by all; review R6, s21)."""
    index_dir = _index_with_a_run_search(corpus_index, tmp_path)
    own = index_dir / "watches.json"
    own.chmod(0o600)
    assert _watch("add", "budget", "budget", index_dir=index_dir).exit_code == 0
    assert stat.S_IMODE(own.stat().st_mode) == 0o600
    (tmp_path / "synced").mkdir()
    kept = tmp_path / "synced" / "watches.json"
    own.rename(kept)
    own.symlink_to(kept)
    assert _watch("add", "mobilite", "mobilité", index_dir=index_dir).exit_code == 0
    assert own.is_symlink() and stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_a_watches_link_leading_nowhere_names_where_it_leads(
    corpus_index: Path, tmp_path: Path
) -> None:
    """The message names the file the link leads to, the one to bring back (it named only
    the link; review R7, s21)."""
    index_dir = _index_with_a_run_search(corpus_index, tmp_path)
    (index_dir / "watches.json").unlink()
    (index_dir / "watches.json").symlink_to(tmp_path / "nowhere" / "w.json")
    added = _watch("add", "budget", "budget", index_dir=index_dir)
    assert added.exit_code != 0 and "cannot be read" in added.output
    assert str(tmp_path / "nowhere" / "w.json") in "".join(added.output.split())
