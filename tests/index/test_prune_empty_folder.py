"""`--prune` keeps the documents of a folder that is empty now (audit of session 14, D5).

A disk, share or automount that is not mounted leaves its mount point an empty folder; on
main `ingest DIR --prune` then removed every document read from DIR (or from the empty
sub-folder), with exit status 0. The real CLI, on the shipped records.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.index.cli_records import IDS, LINES
from tests.index.cli_records import indexed_ids as _ids
from tests.index.cli_records import ingest as _ingest


def _ingested_with_an_archive(tmp_path: Path) -> None:
    """`corpus/new.jsonl` (one record) and `corpus/arch/old.jsonl` (two), ingested."""
    (tmp_path / "corpus" / "arch").mkdir(parents=True)
    (tmp_path / "corpus" / "new.jsonl").write_bytes(LINES[0])
    (tmp_path / "corpus" / "arch" / "old.jsonl").write_bytes(b"".join(LINES[1:]))
    _ingest("corpus", code=0)


def test_prune_keeps_the_documents_of_an_empty_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _ingested_with_an_archive(tmp_path)
    (tmp_path / "corpus" / "arch" / "old.jsonl").rename(tmp_path / "old.jsonl")

    # The sub-folder is a mount point with nothing mounted: its two documents are kept.
    output = _ingest("corpus", "--prune", code=1)  # on main: exit 0, "2 removed"
    assert "0 removed" in output
    assert f"failed: {tmp_path / 'corpus' / 'arch'}: the folder is empty now" in output
    assert "--prune --allow-empty" in output
    assert _ids() == IDS

    # The folder given is empty: all three are kept.
    (tmp_path / "corpus" / "new.jsonl").rename(tmp_path / "new.jsonl")
    output = _ingest("corpus", "--prune", code=1)
    assert f"failed: {tmp_path / 'corpus'}: the folder is empty now, while 3 indexed" in output
    assert _ids() == IDS

    # Dropped on purpose.
    _ingest("corpus", "--prune", "--allow-empty", code=0)
    assert _ids() == set()


def test_prune_still_drops_a_folder_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _ingested_with_an_archive(tmp_path)
    (tmp_path / "corpus" / "arch" / "old.jsonl").unlink()
    (tmp_path / "corpus" / "arch").rmdir()
    assert "2 removed" in _ingest("corpus", "--prune", code=0)
    assert _ids() == {"170312"}


def test_a_folder_emptied_by_moving_its_files_elsewhere_in_the_corpus_is_not_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Review of session 14, R2: a record moved out of an inbox folder into another folder of
    # the corpus is read again from its new file; the inbox, empty now, holds nothing at
    # stake, so `--prune` neither fails nor keeps anything for it.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus" / "inbox").mkdir(parents=True)
    (tmp_path / "corpus" / "2024").mkdir()
    (tmp_path / "corpus" / "inbox" / "a.jsonl").write_bytes(LINES[0])
    (tmp_path / "corpus" / "2024" / "b.jsonl").write_bytes(LINES[1])
    _ingest("corpus", code=0)
    (tmp_path / "corpus" / "inbox" / "a.jsonl").rename(tmp_path / "corpus" / "2024" / "a.jsonl")
    output = _ingest("corpus", "--prune", code=0)  # before: exit 1, "the folder is empty now"
    assert "failed" not in output.split("\n", 1)[1]
    assert _ids() == {"170312", "170229"}
