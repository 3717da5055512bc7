"""A rebuild keeps the documents of files that are there but did not read (final review of
session 20, F3).

The share's folders read but its files do not (permissions changed, a network share whose
files time out, an encrypted home locked), or a file the user broke (a line of a record file
cut short, bytes that are not text, a page cut short): on 06535d6 the rebuild switched in
without their documents (exit status 1, saved aside in a `kept-by-rebuild` file), so that
the live index no longer found them. As an ordinary ingest does, the rebuild now keeps the
version the previous index held, names the file and why it did not read, and goes on. The
real CLI, on the shipped records and pages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BRUSSELS_HTML, REPO
from tests.index.cli_records import IDS, LINES
from tests.index.cli_records import indexed_ids as _ids
from tests.index.cli_records import ingest as _ingest
from tests.index.cli_records import ingested_with_a_share as _ingested_with_a_share
from tests.index.cli_records import kept_files as _kept_files
from tests.permissions import bound_by_permissions

KEPT = "the rebuild kept the version the previous index held"


def _rebuild_bound_by_permissions(*given: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pqsearch.cli", "ingest", *given, "--rebuild"]
    return subprocess.run(
        bound_by_permissions([*command, "--index", "index"]),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=600,
        check=False,
    )


@pytest.mark.parametrize(
    ("given", "unreadable"),
    [((), "file"), (("local", "share"), "file"), (("local", "share"), "folder")],
    ids=["no paths", "the folders", "a folder entered but not listed"],
)
def test_a_rebuild_keeps_the_documents_of_files_it_cannot_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: tuple[str, ...], unreadable: str
) -> None:
    monkeypatch.chdir(tmp_path)
    old = _ingested_with_a_share(tmp_path)
    # The folders read, the file does not; or its folder may be entered, not listed.
    closed, mode, opened = (
        (old, 0o000, 0o644) if unreadable == "file" else (old.parent, 0o311, 0o755)
    )
    closed.chmod(mode)
    try:
        done = _rebuild_bound_by_permissions(*given)
    finally:
        closed.chmod(opened)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output  # a failure, said: the file and why
    assert "Permission denied" in output and str(closed) in output
    assert output.count(KEPT) == 2, output
    # To drop them: the file moved, and its folder then empty needs --allow-empty.
    assert "delete or move the file" in output and "--allow-empty" in output
    assert _ids() == IDS  # on 06535d6: {"170312"}, the two saved aside
    assert _kept_files() == []

    # Readable again, the rebuild reads it as any file.
    assert "0 failed" in _ingest(*given, "--rebuild", code=0)
    assert _ids() == IDS


@pytest.mark.parametrize(
    "broken",
    [LINES[1] + LINES[2][:60] + b"\n", LINES[1] + b"\xff\xfe\x00" + LINES[2][3:]],
    ids=["a line cut short", "bytes that are not text"],
)
def test_a_rebuild_keeps_a_document_whose_line_no_longer_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: bytes
) -> None:
    monkeypatch.chdir(tmp_path)
    old = _ingested_with_a_share(tmp_path)
    old.write_bytes(broken)  # the second record's line broken

    output = _ingest("--rebuild", code=1)
    assert f"{old}:2" in output  # the line, and why
    assert output.count(KEPT) == 1, output
    assert "170294" in output.split(KEPT)[0].splitlines()[-1]
    # The line named, and fixing it advised, not moving the file (its good records with it).
    assert f"line 2 of {old}" in output and "fix or remove the broken line" in output
    assert "delete or move the file" not in output
    assert _ids() == IDS  # on 06535d6: 170294 gone from the index
    assert _kept_files() == []

    # A file that reads to its end without the document is not a failure: the document is
    # dropped (saved aside), as before.
    old.write_bytes(LINES[1])
    output = _ingest("--rebuild", code=0)
    assert KEPT not in output
    assert _ids() == IDS - {"170294"}
    assert len(_kept_files()) == 1


def test_a_rebuild_keeps_the_document_of_a_page_cut_short(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page the user's editor or a download cut short: reported with its name and why, and
    the question stays as indexed; once the page is whole again, it is read."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    for name in ("169976.html", "169978.html"):
        shutil.copy(BRUSSELS_HTML / name, tmp_path / "pages" / name)
    _ingest("pages", code=0)
    before = _ids()
    assert len(before) == 2
    page = tmp_path / "pages" / "169976.html"
    page.write_bytes((BRUSSELS_HTML / "169976.html").read_bytes()[:3000])

    output = _ingest("--rebuild", code=1)
    assert f"{page}" in output and "cut short" in output
    assert output.count(KEPT) == 1, output
    assert _ids() == before  # on 06535d6: the question of the page gone from the index
    assert _kept_files() == []

    shutil.copy(BRUSSELS_HTML / "169976.html", page)
    assert "0 failed" in _ingest("--rebuild", code=0)
    assert _ids() == before
