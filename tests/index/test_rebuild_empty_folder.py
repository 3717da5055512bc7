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

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pqsearch.index import empty_folders, store
from tests.conftest import REPO
from tests.index.cli_records import IDS, LINES, ingested_with_a_share
from tests.index.cli_records import indexed_ids as _ids
from tests.index.cli_records import ingest as _ingest
from tests.index.cli_records import kept_files as _kept_files
from tests.permissions import bound_by_permissions


def _ingested_with_a_share(tmp_path: Path) -> Path:
    """The records ingested from `local` and `share`; returns the share's mount point."""
    return ingested_with_a_share(tmp_path).parent.parent


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
    # Not an empty mount point: a file deleted in a folder that holds another document
    # (one the index never read: a rebuild given no paths does not read it either).
    (share / "questions" / "later.jsonl").write_bytes(LINES[0])
    (share / "questions" / "old.jsonl").unlink()

    output = _ingest("--rebuild", code=0)
    assert "2 removed" in output
    assert _ids() == {"170312"}
    assert len(_kept_files()) == 1


def _data_folders() -> list[str]:
    return sorted(p.name for p in Path("index").iterdir() if p.name.startswith("data-"))


@pytest.mark.parametrize("given", [(), ("local", "share")], ids=["no paths", "the folders"])
def test_a_rebuild_keeps_the_index_when_the_mount_point_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: tuple[str, ...]
) -> None:
    """The mount point itself is gone (udisks, autofs), beside a folder holding other things
    (`local`, the index): that folder does not hide it (review of session 20, R1)."""
    monkeypatch.chdir(tmp_path)
    share = _ingested_with_a_share(tmp_path)
    before = _data_folders()
    share.rename(tmp_path / "away")

    output = _ingest(*given, "--rebuild", code=2)  # on s20-integ: exit 0 (1), "2 removed"
    assert f"{share} (2 documents)" in output and "gone" in output
    assert _ids() == IDS
    assert _kept_files() == []
    assert _data_folders() == before


def test_a_rebuild_given_no_paths_refuses_before_it_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing is built, nor its folder made, to be refused at the end: for 100,000 documents
    that was over an hour (review of session 20, R4)."""
    monkeypatch.chdir(tmp_path)
    share = _ingested_with_a_share(tmp_path)
    (share / "questions").rename(tmp_path / "away")

    def no_build(root: Path) -> Path:
        raise AssertionError("the rebuild's folder was made")

    monkeypatch.setattr(store, "new_data_dir", no_build)
    output = _ingest("--rebuild", code=2)
    assert f"{share} (2 documents)" in output
    assert _ids() == IDS


def test_a_rebuild_keeps_the_index_when_file_links_dangle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Documents given through links to files of a share not mounted: the links dangle
    (review of session 20, R2)."""
    monkeypatch.chdir(tmp_path)
    share = _ingested_with_a_share(tmp_path)
    (tmp_path / "links").mkdir()
    (tmp_path / "links" / "old.jsonl").symlink_to(share / "questions" / "old.jsonl")
    _ingest("links", "local", "--rebuild", code=0)  # now read through the link
    assert _ids() == IDS
    (share / "questions" / "old.jsonl").rename(tmp_path / "old.jsonl")  # share: empty now

    output = _ingest("--rebuild", code=2)  # on s20-integ: exit 0, "2 removed"
    assert f"{share} (2 documents)" in output
    assert _ids() == IDS

    output = _ingest("--rebuild", "--allow-empty", code=0)
    assert f"its file {tmp_path / 'links' / 'old.jsonl'} is a dangling link" in output


def test_a_rebuild_keeps_the_index_when_the_folder_holds_no_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mount point holding what the system or an admin left there, no document: empty, as
    for --prune (review of session 20, R3)."""
    monkeypatch.chdir(tmp_path)
    share = _ingested_with_a_share(tmp_path)
    (share / "questions" / "old.jsonl").rename(tmp_path / "old.jsonl")
    (share / "questions" / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (share / "questions" / "NOT_MOUNTED").write_text("the NAS is not mounted\n")
    (share / "questions" / "lost+found").mkdir()

    output = _ingest("--rebuild", code=2)  # on s20-integ: exit 0, "2 removed"
    assert f"{share} (2 documents)" in output
    assert _ids() == IDS


def test_a_rebuild_keeps_the_index_when_the_folder_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mount point its user cannot read (root's, mode 700): said as such (R3)."""
    monkeypatch.chdir(tmp_path)
    share = _ingested_with_a_share(tmp_path)
    share.chmod(0o000)
    try:
        done = _rebuild_bound_by_permissions()
    finally:
        share.chmod(0o755)
    assert done.returncode == 2, done.stdout + done.stderr  # on s20-integ: 0, "2 removed"
    assert f"cannot be read: {share}: cannot read the folder: Permission denied" in done.stderr
    assert "Traceback" not in done.stderr
    assert _ids() == IDS


def test_a_rebuild_drops_a_file_given_directly_from_a_folder_of_other_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record file given directly, from a user's folder that holds other kinds of files
    (PDFs, a spreadsheet) and no other document: deleted, it is a deletion, not an unmounted
    share; f5e3ce3 rebuilt without it (final review of session 20, F1)."""
    monkeypatch.chdir(tmp_path)
    _ingested_with_a_share(tmp_path)
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "q.jsonl").write_bytes(LINES[0].replace(b"170312", b"990001"))
    (tmp_path / "inbox" / "a.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "inbox" / "b.xlsx").write_bytes(b"PK\3\4")
    _ingest("inbox/q.jsonl", code=0)
    (tmp_path / "inbox" / "q.jsonl").unlink()

    output = _ingest("--rebuild", code=0)  # on s20-integ: exit 2, "inbox … empty now"
    assert "1 removed" in output
    assert "990001" not in _ids()


def _rebuild_bound_by_permissions() -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        bound_by_permissions(
            [sys.executable, "-m", "pqsearch.cli", "ingest", "--rebuild", "--index", "index"]
        ),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=600,
        check=False,
    )


def test_a_folder_that_cannot_be_read_beside_a_document_does_not_refuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file deleted from a folder that still holds a document and also a subfolder its user
    cannot read: the document decides, whatever the order of the names (F2)."""
    monkeypatch.chdir(tmp_path)
    share = _ingested_with_a_share(tmp_path)
    questions = share / "questions"
    (questions / "Archive").mkdir()  # before "later.jsonl" and "old.jsonl" in name order
    (questions / "later.jsonl").write_bytes(LINES[0])
    (questions / "old.jsonl").unlink()
    (questions / "Archive").chmod(0o000)
    try:
        done = _rebuild_bound_by_permissions()
    finally:
        (questions / "Archive").chmod(0o755)
    assert done.returncode == 0, done.stdout + done.stderr  # on s20-integ: 2, "cannot be read"
    assert _ids() == {"170312"}


def test_a_gone_share_is_named_and_its_siblings_are_not_entered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The share's folder is gone and its parent holds only a folder its user cannot read:
    the refusal names the share (F2). Above a gone folder only the parent's own entries are
    looked at: the folder beside it, which may be another share's mount point, a stale one
    whose walk would block, is not entered (s21; on 06535d6 it was walked, said "cannot be
    read")."""
    monkeypatch.chdir(tmp_path)
    share = _ingested_with_a_share(tmp_path)
    (share / "questions" / "old.jsonl").rename(tmp_path / "old.jsonl")
    (share / "questions").rmdir()
    (share / "aaa-private").mkdir(mode=0o000)
    try:
        done = _rebuild_bound_by_permissions()
    finally:
        (share / "aaa-private").chmod(0o755)
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"{share / 'questions'} (2 documents)" in done.stderr  # on s20-integ: not named
    assert "aaa-private" not in done.stderr  # on 06535d6: "cannot be read: …/aaa-private"
    assert _ids() == IDS


@pytest.mark.parametrize(("markers", "code"), [(49, 2), (50, 0)], ids=["below", "at the cap"])
def test_the_look_into_a_folder_stops_at_its_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, markers: int, code: int
) -> None:
    """A folder that gives this many entries and no document is taken as holding things, not
    as a mount point, so that no large tree is walked whole: the file gone from it is a
    deletion (the cap, 10,000, lowered to 50 here)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(empty_folders, "_LOOKED_AT_MOST", 50)
    share = _ingested_with_a_share(tmp_path)
    (share / "questions" / "old.jsonl").unlink()
    for number in range(markers):  # files without an ending, as a mount point's markers
        (share / "questions" / f"MARKER_{number:03}").write_text("")

    output = _ingest("--rebuild", code=code)
    assert (f"{share} (2 documents)" in output) == (code == 2)
    assert _ids() == (IDS if code == 2 else {"170312"})
