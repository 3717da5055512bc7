"""An open index stays the index it opened: a relative path is read once, at `open_index`,
not at every call, so a program that changes its current folder (`os.chdir`: a batch over
project folders, a library it calls) keeps searching, and saving searches into, that index
(second audit of session 10, finding 8)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.watch import add_watch
from tests.conftest import BRUSSELS_RECORDS


def test_a_relative_index_path_is_bound_at_open(
    corpus_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # p1/index: the shipped corpus (the seed holds "diplomates"); p2/index: one record only.
    shutil.copytree(corpus_index, tmp_path / "p1" / "index", symlinks=True)
    one = tmp_path / "one.jsonl"
    one.write_text(BRUSSELS_RECORDS.read_text(encoding="utf-8").splitlines()[0] + "\n")
    api.ingest([one], index_dir=tmp_path / "p2" / "index")

    monkeypatch.chdir(tmp_path / "p1")
    with api.open_index("index") as index:
        before = (index.document_count, index.search("diplomates", correct=False).total)
        assert before == (51, 1)
        monkeypatch.chdir(tmp_path / "p2")
        assert (index.document_count, index.search("diplomates", correct=False).total) == before
        assert index.root == tmp_path / "p1" / "index"
        add_watch(index, "mine", "logement")
    assert (tmp_path / "p1" / "index" / "watches.json").exists()
    assert not (tmp_path / "p2" / "index" / "watches.json").exists()
