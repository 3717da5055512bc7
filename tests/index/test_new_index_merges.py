"""A new index's commits leave Whoosh's merges to the one merge at its end; an update's
commits keep Whoosh's merge policy."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import Generator, load_pools
from pqsearch.index import ingest as ingest_module
from pqsearch.index import store
from tests.conftest import SHIPPED_CORPUS


def _records(path: Path, start: int, count: int) -> Path:
    pools = dataclasses.replace(
        load_pools(SHIPPED_CORPUS), question_lengths=(1,), answer_lengths=(1,)
    )
    generator = Generator(pools, 5)
    lines = (
        json.dumps(generator.record(i), ensure_ascii=False) for i in range(start, start + count)
    )
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _segments(index_dir: Path) -> int:
    data = store.live_data_dir(index_dir)
    assert data is not None
    with store.open_whoosh(index_dir, data).reader() as reader:
        return len(list(reader.leaf_readers()))


# Some sixty commits, each synced and recorded.
@pytest.mark.slow
def test_commits_of_a_new_index_never_merge_and_updates_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    merged: list[Any] = []
    monkeypatch.setattr(ingest_module, "merge_segments", merged.append)
    index_dir = tmp_path / "index"
    # A commit per document: Whoosh's policy merges such small segments from 17 on.
    first = ingest_module.ingest(
        [_records(tmp_path / "a.jsonl", 0, 20)], index_dir=index_dir, commit_every=1, batch_size=1
    )
    assert len(first.added) == 20 and len(merged) == 1
    assert _segments(index_dir) == 20
    second = ingest_module.ingest(
        [_records(tmp_path / "b.jsonl", 20, 5)], index_dir=index_dir, commit_every=1, batch_size=1
    )
    assert len(second.added) == 5 and len(merged) == 1
    assert _segments(index_dir) < 20
