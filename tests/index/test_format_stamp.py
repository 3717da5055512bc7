"""The postings format check at open (`whoosh_format.check_format`, 9 ms of a terminal
search) is paid once per generation and Whoosh version, while the files stay unchanged."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import whoosh

from pqsearch.index import store, verified
from pqsearch.index.reader import IndexReader


def _open_counting(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[bool, int]:
    """Open a reader of `root`: whether it reads the fast way, and how many checks ran."""
    calls: list[Any] = []
    check = store.check_format

    def counted(reader: Any) -> Any:
        calls.append(reader)
        return check(reader)

    monkeypatch.setattr(store, "check_format", counted)
    with IndexReader(root) as reader:
        fast = reader.decoder.fast
    monkeypatch.setattr(store, "check_format", check)
    return fast, len(calls)


def test_the_check_is_stamped_and_done_again_for_another_whoosh_or_changed_files(
    corpus_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "index"
    shutil.copytree(corpus_index, root, symlinks=True)
    # Files copied a moment ago would wait two seconds for a stamp (`verified.py`).
    monkeypatch.setattr(verified, "SETTLE_SECONDS", 0.0)
    assert _open_counting(root, monkeypatch) == (True, 1)
    data = store.require_live(root)
    assert list(data.glob(f"verified-format-*-whoosh-{whoosh.versionstring()}.json"))
    assert _open_counting(root, monkeypatch) == (True, 0)
    # Another Whoosh: checked again.
    monkeypatch.setattr(whoosh, "versionstring", lambda *args, **kwargs: "2.7.99")
    assert _open_counting(root, monkeypatch) == (True, 1)
    monkeypatch.undo()
    monkeypatch.setattr(verified, "SETTLE_SECONDS", 0.0)
    # A segment file changed on disk (same bytes, a new change time): checked again.
    postings = next(data.glob("*.pst"))
    os.utime(postings)
    assert _open_counting(root, monkeypatch) == (True, 1)
