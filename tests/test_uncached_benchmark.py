"""`benchmarks/uncached.py`: searches from fresh processes, page cache warm and evicted.

The eviction is checked on a real file (the figures of the evicted mode mean nothing if the
pages stay); the script itself runs end to end on the shipped corpus's index (slow: a
Python process per query).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.query_mix import query_mix
from benchmarks.uncached import evict, index_files, resident_bytes
from tests.conftest import REPO


def test_evicting_a_file_empties_its_pages_from_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "postings"
    path.write_bytes(bytes(range(256)) * 4096)  # 1 MB, just written: dirty pages
    path.read_bytes()
    assert resident_bytes(path) == path.stat().st_size
    evict([path])
    assert resident_bytes(path) == 0
    path.read_bytes()
    assert resident_bytes(path) == path.stat().st_size


def test_index_files_are_every_regular_file_under_the_index(corpus_index: Path) -> None:
    files = index_files(corpus_index)
    assert any(p.suffix == ".sqlite" for p in files)  # the lexicon
    assert any(p.suffix == ".pst" for p in files)  # the postings
    assert all(p.is_file() and not p.is_symlink() for p in files)


@pytest.mark.slow
def test_every_query_of_the_chosen_kinds_runs_in_its_own_process_in_both_modes(
    corpus_index: Path, tmp_path: Path
) -> None:
    out = tmp_path / "uncached.json"
    command = [sys.executable, str(REPO / "benchmarks" / "uncached.py")]
    command += ["--index", str(corpus_index), "--kinds", "phrase,browse", "--out", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=REPO)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(out.read_text())
    expected = [q for q in query_mix() if q.kind in ("phrase", "browse")]
    for mode in ("warm", "evicted"):
        runs = results["modes"][mode]["runs"]
        assert [r["kind"] for r in runs] == [q.kind for q in expected]
        assert all(r["open_search_ms"] > 0 and r["wall_ms"] > r["inside_ms"] for r in runs)
    # Fresh processes answer alike whatever the page cache holds.
    warm, evicted = (results["modes"][m]["runs"] for m in ("warm", "evicted"))
    assert [(r["total"], r["ids"]) for r in warm] == [(r["total"], r["ids"]) for r in evicted]
    assert any(r["total"] > 0 for r in warm)
    assert results["modes"]["evicted"]["resident_after_evict_bytes"] == 0
    assert "| **all** |" in done.stdout and "Page cache evicted" in done.stdout
