"""A rebuild carries a document over only for a failure of its own file, or of a folder above
a file it did not read (review of s21-reliab, R1 and R2).

A folder that failed (a symlink loop `share/self -> .`, a folder that can be entered but not
listed) made the rebuild keep every document below it, also those whose file is gone or read
to its end without them, in every later rebuild; and a folder named `q:2` that could not be
read was taken for line 2 of `q`. The real CLI on the shipped records, the unreadable folder
under setpriv as the other rebuild tests do.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch.cli import app
from tests.conftest import BRUSSELS_RECORDS, REPO
from tests.index.cli_records import indexed_ids as _ids
from tests.index.cli_records import ingest as _ingest
from tests.permissions import bound_by_permissions

KEPT = "the rebuild kept the version the previous index held"
LINES = BRUSSELS_RECORDS.read_bytes().splitlines(keepends=True)[:4]
IDS = ["170312", "170229", "170294", "170293"]  # the moncodes of those lines


def _rebuild(*given: str) -> str:
    """`pqsearch ingest GIVEN --rebuild`, as a user whom file permissions bind; exit 1."""
    command = [sys.executable, "-m", "pqsearch.cli", "ingest", *given, "--rebuild"]
    done = subprocess.run(
        bound_by_permissions([*command, "--index", "index", "-q"]),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=600,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    return output


def _saved_aside() -> set[str]:
    return {
        json.loads(line)["id"]
        for kept in Path("index").glob("kept-by-rebuild-*.jsonl")
        for line in kept.read_text(encoding="utf-8").splitlines()
    }


@pytest.mark.parametrize("failing", ["a symlink loop", "a folder entered but not listed"])
def test_a_failing_folder_keeps_no_document_of_a_file_gone_or_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "new.jsonl").write_bytes(LINES[0])
    share = tmp_path / "share"
    folder = share if failing == "a symlink loop" else share / "q"
    folder.mkdir(parents=True)
    (folder / "a.jsonl").write_bytes(LINES[1] + LINES[2])
    (folder / "b.jsonl").write_bytes(LINES[3])
    if failing == "a symlink loop":
        (share / "self").symlink_to(".")
    _ingest("local", "share", code=1 if failing == "a symlink loop" else 0)
    assert _ids() == set(IDS)

    # A file deleted; in the loop's case, a record taken out of a file that reads.
    (folder / "b.jsonl").unlink()
    if failing == "a symlink loop":
        (folder / "a.jsonl").write_bytes(LINES[1])
        output = _rebuild("local", "share")
        kept = {IDS[0], IDS[1]}  # on s21-reliab: all four
    else:
        folder.chmod(0o311)
        try:
            output = _rebuild("local", "share")
        finally:
            folder.chmod(0o755)
        kept = set(IDS[:3])  # a.jsonl's, not listed; on s21-reliab b.jsonl's too
    assert _ids() == kept, output
    assert output.count(KEPT) == (0 if failing == "a symlink loop" else 2), output
    assert set(IDS) - kept <= _saved_aside()  # dropped, saved aside, as on 06535d6


def test_a_folder_named_as_a_line_that_cannot_be_read_keeps_its_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`share/q:2` is a folder, not line 2 of `share/q`."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "new.jsonl").write_bytes(LINES[0])
    folder = tmp_path / "share" / "q:2"
    folder.mkdir(parents=True)
    (folder / "a.jsonl").write_bytes(LINES[1] + LINES[2])
    _ingest("local", "share", code=0)
    folder.chmod(0o311)
    try:
        output = _rebuild("local", "share")
    finally:
        folder.chmod(0o755)
    assert "cannot read the folder" in output and output.count(KEPT) == 2, output
    assert _ids() == set(IDS[:3])  # on s21-reliab: "2 removed", saved aside


def test_the_help_says_what_a_rebuild_keeps_and_what_allow_empty_drops() -> None:
    """`--rebuild` keeps the documents of a file that did not read; `--allow-empty` also
    drops those of a given path that is not there (review R5 of session 21)."""
    result = CliRunner().invoke(app, ["ingest", "--help"], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.replace("│", " ").split())
    assert "except the documents of a file that is there but did not read" in text, text
    assert "or of a file or folder given that is not there" in text, text
