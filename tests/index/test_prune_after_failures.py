"""`--prune` after a run with failures keeps what a failing path may hold (audit of session 12).

P6: a folder of the corpus that is a link to a disk not mounted (or a folder that cannot be
read) was skipped as "not a document", and `ingest corpus --prune` removed every document
under it. P4: a folder renamed while a line of its record file did not read: that line's
document was removed, as the failure was looked up under the new name and the document's
gone file under the old one. The real CLI, on the shipped records.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from tests.conftest import BRUSSELS_RECORDS, REPO
from tests.permissions import bound_by_permissions

runner = CliRunner()
LINES = BRUSSELS_RECORDS.read_bytes().splitlines(keepends=True)[:3]
IDS = ("170312", "170229", "170294")  # the moncodes of those lines
PRUNE_CORPUS = ("ingest", "corpus", "--prune", "-q", "--index", "index")


def _ingest(*arguments: str, code: int = 0) -> list[str]:
    """The CLI's report lines, run from the current folder, as a user types it."""
    result = runner.invoke(app, ["ingest", *arguments, "--index", "index", "-q"])
    assert result.exit_code == code, result.output
    return result.stdout.splitlines()


def _ids() -> set[str]:
    with api.open_index(Path("index")) as index:
        return {hit.id for hit in index.search("", facets=[], limit=100).hits}


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`corpus/new.jsonl` (one record) and `corpus/arch`, a link to `disk/arch` (two)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "new.jsonl").write_bytes(LINES[0])
    (tmp_path / "disk" / "arch").mkdir(parents=True)
    (tmp_path / "disk" / "arch" / "old.jsonl").write_bytes(b"".join(LINES[1:]))
    (tmp_path / "corpus" / "arch").symlink_to(tmp_path / "disk" / "arch")
    assert _ingest("corpus")[0].startswith("3 added")
    return tmp_path / "corpus"


def test_prune_keeps_the_documents_of_a_link_to_a_disk_not_mounted(corpus: Path) -> None:
    disk = corpus.parent / "disk"
    disk.rename(corpus.parent / "unmounted")
    report = _ingest("corpus", "--prune", code=1)
    # On main: "0 added, 0 updated, 1 unchanged, 2 removed, 0 failed, ..., 1 skipped".
    assert report[0].startswith("0 added, 0 updated, 1 unchanged, 0 removed, 1 failed")
    link = f"a symbolic link to {disk / 'arch'}, which is missing"
    assert report[2].startswith(f"  failed: corpus/arch: {link}")
    assert report[1].startswith(
        f"  note: --prune kept 2 indexed documents of {corpus / 'arch'} that this run did "
        "not read: it had failures (see failed)"
    )
    assert _ids() == set(IDS)
    # Mounted again: as it was, nothing to read again.
    (corpus.parent / "unmounted").rename(disk)
    assert _ingest("corpus", "--prune")[0].startswith("0 added, 0 updated, 3 unchanged, 0 removed")


def test_prune_keeps_the_documents_of_a_folder_it_cannot_read(corpus: Path) -> None:
    """As a user whom permissions bind (root's override is dropped from its capabilities,
    so the folder is unreadable for the CI's root too)."""
    private = corpus / "private"
    private.mkdir()
    (corpus.parent / "disk" / "arch" / "old.jsonl").rename(private / "old.jsonl")
    (corpus / "arch").unlink()
    assert _ingest("corpus")[0].startswith("0 added, 2 updated, 1 unchanged, 0 removed")
    private.chmod(0)
    try:
        done = subprocess.run(
            bound_by_permissions([sys.executable, "-m", "pqsearch.cli", *PRUNE_CORPUS]),
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
    finally:
        private.chmod(0o755)
    assert done.returncode == 1, done.stderr
    report = done.stdout.splitlines()
    # On main: "... 2 removed, 1 failed" (the failure named the folder, not its files).
    assert report[0].startswith("0 added, 0 updated, 1 unchanged, 0 removed, 1 failed"), report
    assert "  failed: corpus/private: cannot read the folder: Permission denied" in report
    assert f"--prune kept 2 indexed documents of {private} " in report[1]
    assert _ids() == set(IDS)


def test_a_renamed_folders_line_that_does_not_read_keeps_its_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs" / "A").mkdir(parents=True)
    (tmp_path / "docs" / "A" / "r.jsonl").write_bytes(b"".join(LINES))
    _ingest("docs")
    records = (tmp_path / "docs" / "A").rename(tmp_path / "docs" / "B") / "r.jsonl"
    records.write_bytes(LINES[0] + LINES[1][:200] + b"\n" + LINES[2])  # an edit half done
    report = _ingest("docs", "--prune", code=1)
    # On main: "0 added, 2 updated, 0 unchanged, 1 removed, 1 failed": 170229 deleted.
    assert report[0].startswith("0 added, 2 updated, 0 unchanged, 0 removed, 1 failed")
    assert report[1] == (
        "  note: --prune kept 1 indexed document whose file is gone: this run had failures "
        "(see failed), and a file of the same name or a folder that did not read may be where "
        "they are now (a folder renamed, say); they are dropped once those read cleanly"
    )
    assert report[2].startswith(f"  failed: {records}:2: not a JSON record")
    assert _ids() == set(IDS)
    # Every file reads cleanly: a document whose file is gone and that no file holds goes.
    records.write_bytes(LINES[0] + LINES[2])
    assert _ingest("docs", "--prune")[0].startswith("0 added, 0 updated, 2 unchanged, 1 removed")
    assert _ids() == {IDS[0], IDS[2]}


def test_a_remembered_file_behind_a_link_to_a_disk_not_mounted_keeps_its_question(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same question in a/r.jsonl and in b/s.jsonl, where b is a link to a disk. With the
    disk not mounted, `ingest a --prune` after the question was taken out of a took b's file
    for deleted: it dropped the question and forgot b (review of session 12)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "r.jsonl").write_bytes(b"".join(LINES))
    (tmp_path / "disk" / "docs").mkdir(parents=True)
    (tmp_path / "disk" / "docs" / "s.jsonl").write_bytes(LINES[0])
    (tmp_path / "b").symlink_to(tmp_path / "disk" / "docs")
    assert _ingest("a", "b")[0].startswith("3 added")
    (tmp_path / "disk").rename(tmp_path / "unmounted")
    (tmp_path / "a" / "r.jsonl").write_bytes(b"".join(LINES[1:]))
    report = _ingest("a", "--prune", code=1)
    assert " 0 removed" in report[0], report
    assert _ids() == set(IDS)
    # Mounted again, the question is still held by b: kept, and now named there.
    (tmp_path / "unmounted").rename(tmp_path / "disk")
    report = _ingest("a", "--prune")
    assert " 0 removed" in report[0], report
    assert _ids() == set(IDS)


def test_a_link_loop_does_not_keep_what_a_clean_file_no_longer_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`r/a/loop -> ..` fails (a loop); taken by what it points to, it made the whole of `r`
    a failed path, and `--prune` kept every document under it (review of session 12)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r" / "a").mkdir(parents=True)
    (tmp_path / "r" / "a" / "x.jsonl").write_bytes(LINES[0])
    (tmp_path / "r" / "w.jsonl").write_bytes(b"".join(LINES[1:]))
    (tmp_path / "r" / "a" / "loop").symlink_to("..")
    _ingest("r", code=1)
    assert _ids() == set(IDS)
    (tmp_path / "r" / "w.jsonl").write_bytes(LINES[1])  # read cleanly, without 170294
    (tmp_path / "r" / "a" / "x.jsonl").unlink()  # gone: the loop cannot be holding it
    report = _ingest("r", "--prune", code=1)
    assert " 2 removed" in report[0], report
    assert _ids() == {"170229"}


def test_a_line_that_never_reads_in_another_file_does_not_keep_gone_files_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record with no title in y/b.jsonl fails at every run; with any failure keeping every
    gone file's documents, `--prune` could never drop what x/a.jsonl held once deleted
    (review of session 12, F5). A renamed file is still kept (the test above)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c" / "x").mkdir(parents=True)
    (tmp_path / "c" / "y").mkdir()
    (tmp_path / "c" / "x" / "a.jsonl").write_bytes(b"".join(LINES[:2]))
    (tmp_path / "c" / "y" / "b.jsonl").write_bytes(b'{"titre": ""}\n' + LINES[2])
    _ingest("c", code=1)
    (tmp_path / "c" / "x" / "a.jsonl").unlink()
    # c/x is empty now: said and kept unless dropped on purpose (audit of session 14, D5).
    report = _ingest("c", "--prune", "--allow-empty", code=1)
    assert " 2 removed" in report[0], report
    assert _ids() == {IDS[2]}
