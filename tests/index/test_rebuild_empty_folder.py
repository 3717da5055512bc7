"""A rebuild keeps the index when a folder its documents were read from is empty now (audit
of session 20).

A disk, share or automount that is not mounted leaves its mount point an empty folder.
`ingest --prune` keeps the documents read from such a folder (session 14, D5); on main
`ingest --rebuild` (given no paths, as the damage and upgrade messages advise, or given the
folders) switched in an index without them, with exit status 0: they were saved beside it in
a `kept-by-rebuild` file, but the index no longer found them, and after the share came back a
rebuild given no paths did not read it again. The real CLI, on the shipped records.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from tests.conftest import BRUSSELS_RECORDS

runner = CliRunner()
LINES = BRUSSELS_RECORDS.read_bytes().splitlines(keepends=True)[:3]
IDS = {"170312", "170229", "170294"}  # the moncodes of those lines


def _ingest(*arguments: str, code: int) -> str:
    result = runner.invoke(app, ["ingest", *arguments, "--index", "index", "-q"])
    assert result.exit_code == code, result.output
    return result.output


def _ids() -> set[str]:
    with api.open_index(Path("index")) as index:
        return {hit.id for hit in index.search("", facets=[], limit=100).hits}


def _kept_files() -> list[Path]:
    return sorted(Path("index").glob("kept-by-rebuild-*.jsonl"))


def _ingested_with_a_share(tmp_path: Path) -> Path:
    """`local/new.jsonl` (one record) and `share/questions/old.jsonl` (two), ingested;
    returns the share's mount point."""
    (tmp_path / "local").mkdir()
    (tmp_path / "share" / "questions").mkdir(parents=True)
    (tmp_path / "local" / "new.jsonl").write_bytes(LINES[0])
    (tmp_path / "share" / "questions" / "old.jsonl").write_bytes(b"".join(LINES[1:]))
    _ingest("local", "share", code=0)
    assert _ids() == IDS
    return tmp_path / "share"


@pytest.mark.parametrize("given", [(), ("local", "share")], ids=["no paths", "the folders"])
def test_a_rebuild_keeps_the_index_when_a_folder_is_empty_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: tuple[str, ...]
) -> None:
    monkeypatch.chdir(tmp_path)
    share = _ingested_with_a_share(tmp_path)
    # The share is not mounted: its mount point is an empty folder.
    (share / "questions" / "old.jsonl").rename(tmp_path / "old.jsonl")
    (share / "questions").rmdir()

    output = _ingest(*given, "--rebuild", code=2)  # on main: exit 0, "2 removed"
    assert f"{share} (2 documents)" in output
    assert "The index is left as it was" in output and "--allow-empty" in output
    assert _ids() == IDS
    assert _kept_files() == []
    assert [p.name for p in Path("index").iterdir() if p.name.startswith("data-")] == [
        Path("index/live").readlink().name
    ]

    # Mounted again, the rebuild reads it.
    (share / "questions").mkdir()
    (tmp_path / "old.jsonl").rename(share / "questions" / "old.jsonl")
    assert "0 removed" in _ingest(*given, "--rebuild", code=0)
    assert _ids() == IDS


def test_a_rebuild_keeps_the_index_when_a_link_leads_to_a_missing_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "nas" / "questions").mkdir(parents=True)
    (tmp_path / "nas" / "questions" / "old.jsonl").write_bytes(b"".join(LINES[1:]))
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "new.jsonl").write_bytes(LINES[0])
    (tmp_path / "share").symlink_to(tmp_path / "nas" / "questions")
    _ingest("local", "share", code=0)
    # The disk is not mounted: the link leads nowhere.
    (tmp_path / "nas" / "questions").rename(tmp_path / "away")

    output = _ingest("--rebuild", code=2)  # on main: exit 0, "2 removed"
    assert f"{tmp_path / 'share'} (2 documents)" in output
    assert _ids() == IDS
    assert _kept_files() == []


def test_a_rebuild_drops_them_with_allow_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    share = _ingested_with_a_share(tmp_path)
    (share / "questions" / "old.jsonl").unlink()

    output = _ingest("--rebuild", "--allow-empty", code=0)
    assert "2 removed" in output
    assert _ids() == {"170312"}
    assert len(_kept_files()) == 1  # saved, as a rebuild saves what it drops


def test_a_rebuild_still_drops_files_deleted_beside_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    share = _ingested_with_a_share(tmp_path)
    # Not an empty mount point: a file deleted in a folder that holds others.
    (share / "questions" / "notes.txt").write_text("not a document\n", encoding="utf-8")
    (share / "questions" / "old.jsonl").unlink()

    output = _ingest("--rebuild", code=0)
    assert "2 removed" in output
    assert _ids() == {"170312"}
    assert len(_kept_files()) == 1
