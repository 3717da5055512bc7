"""`--prune` and updates compare a document's file by what it is, not by its spelling
(audit of session 12, P1 and P2).

The index names each document's file as the run that read it spelled it: `../data/r.jsonl`
made absolute kept its `..`, a folder reached through a link kept the link's name. Compared
as strings, `ingest . --prune` took a gone page of `../data` for one under `.` and deleted its
document while `../data/records.jsonl` held it; and a question taken out of a file read under
another spelling (`data` for `link`, `link/../data`) stayed indexed, counted nowhere.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from tests.conftest import BRUSSELS_HTML, BRUSSELS_RECORDS, SEED

runner = CliRunner()
PAGES = ("170145", "170131", "170132")


def _records(ids: tuple[str, ...]) -> bytes:
    lines = BRUSSELS_RECORDS.read_bytes().splitlines(keepends=True)
    return b"".join(line for line in lines if json.loads(line)["moncode"] in ids)


def _ingest(*args: str) -> str:
    result = runner.invoke(app, ["ingest", *args, "-q"])
    assert result.exit_code == 0, result.output
    return result.stdout


def _ids(root: Path) -> set[str]:
    with api.open_index(root) as index:
        return {hit.id for hit in index.search("", facets=[], limit=100).hits}


def test_prune_of_the_working_folder_keeps_a_gone_page_of_a_sibling_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """P1: `ingest ../data`, then `ingest . --prune` from `mine`, after a page of `../data` was
    deleted while `../data/records.jsonl` still holds its question."""
    data, mine = tmp_path / "data", tmp_path / "mine"
    (data / "html").mkdir(parents=True)
    mine.mkdir()
    for moncode in PAGES:
        shutil.copyfile(BRUSSELS_HTML / f"{moncode}.html", data / "html" / f"{moncode}.html")
    (data / "records.jsonl").write_bytes(_records(PAGES))
    shutil.copyfile(SEED, mine / SEED.name)
    monkeypatch.chdir(mine)
    _ingest("../data", "--index", "../index")
    _ingest(".", "--index", "../index")
    (data / "html" / "170145.html").unlink()
    report = api.ingest(["."], index_dir="../index", prune=True)
    assert report.removed == ()
    assert set(PAGES) <= _ids(tmp_path / "index")
    # The folder that held it, by any spelling, drops it once no file there holds it.
    (data / "records.jsonl").write_bytes(_records(PAGES[1:]))
    assert api.ingest(["../mine/../data"], index_dir="../index", prune=True).removed == ("170145",)


@pytest.mark.parametrize("spelling", ["data", "{tmp}/data/", "link/../data", "link/r.jsonl"])
def test_a_question_taken_out_of_a_file_read_by_another_spelling_is_pruned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    """P2: indexed through a link to its folder, pruned through the folder's own name (or a
    `..` path): the question taken out of the file is dropped, and the report counts all
    three documents of the file read."""
    lines = BRUSSELS_RECORDS.read_bytes().splitlines(keepends=True)[:3]
    taken = json.loads(lines[1])["moncode"]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "r.jsonl").write_bytes(b"".join(lines))
    (tmp_path / "link").symlink_to("data")
    monkeypatch.chdir(tmp_path)
    _ingest("link", "--index", "index")
    (tmp_path / "data" / "r.jsonl").write_bytes(lines[0] + lines[2])
    report = api.ingest([spelling.format(tmp=tmp_path)], index_dir="index", prune=True)
    assert report.removed == (taken,) and len(report.unchanged) == 2
    assert taken not in _ids(tmp_path / "index")


def test_a_file_changed_and_read_by_another_spelling_replaces_its_own_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same file read under another name is not another copy to weigh against the
    indexed version: its new content is weighed as its own file's, as under its first name
    (since audit 14's D6, a file's own answer cut short keeps the indexed one, with the
    warning of a file rewritten in place, not a duplicate's line)."""
    record = json.loads(BRUSSELS_RECORDS.read_bytes().splitlines()[1])  # answered
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "r.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "link").symlink_to("data")
    monkeypatch.chdir(tmp_path)
    _ingest("link", "--index", "index")
    # The file's own answer, cut short by its collector since: a copy from another file would
    # lose to the whole answer indexed; the file's own content is what it holds now.
    record["reponse"] = "1"
    (tmp_path / "data" / "r.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = api.ingest(["data"], index_dir="index")
    assert report.updated == () and report.duplicates == ()
    (warning,) = report.warnings
    assert "now has an answer cut short" in warning
    # A change that loses nothing is its own file's new content: it replaces.
    record["reponse"] = "Une autre réponse, entière, de la ministre."
    (tmp_path / "data" / "r.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = api.ingest(["data"], index_dir="index")
    assert report.updated == (record["moncode"],)
    with api.open_index("index") as index:
        assert index.get(record["moncode"]).answer == record["reponse"]


def test_a_folder_given_by_two_spellings_is_read_once(tmp_path: Path) -> None:
    """`ingest d L` with `L -> d` read every file twice, each question "a duplicate" of
    itself (review of session 12)."""
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "r.jsonl").write_bytes(b"".join(BRUSSELS_RECORDS.read_bytes().splitlines(True)[:2]))
    (tmp_path / "L").symlink_to(folder, target_is_directory=True)
    report = api.ingest([folder, tmp_path / "L"], index_dir=tmp_path / "index")
    assert len(report.added) == 2 and report.duplicates == () and report.identical == ()
