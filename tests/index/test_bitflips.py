"""One flipped byte in any kind of index file: reported as damage or harmless, never a
silently different answer nor a traceback (issue 12, point 4). The harness is
benchmarks/bitflip_harness.py: 3 flips per file kind here, 30 with PQSEARCH_FULL=1."""

from __future__ import annotations

import os
from pathlib import Path

from benchmarks.bitflip_harness import run_flips


def test_flipped_bytes_never_give_a_silent_wrong_answer(tmp_path: Path) -> None:
    flips = 30 if os.environ.get("PQSEARCH_FULL") == "1" else 3
    report = run_flips(tmp_path, flips=flips, pages=6, seed=4)
    print(report.summary())
    assert report.total("wrong") == 0, report.summary()
    assert report.total("error") == 0, report.summary()
    # Every kind of file was damaged, and damage was found.
    assert all(sum(counts.values()) == flips for counts in report.by_kind.values())
    assert report.total("damaged") > 0
