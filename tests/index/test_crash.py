"""SIGKILL an ingest again and again on one index: nothing committed is lost, it always opens.

The harness is benchmarks/crash_harness.py. These runs take minutes: they are in the slow step
(`python -m pytest -m slow`, which CI runs after the default suite); the kill run makes 5 kills,
20 with PQSEARCH_FULL=1.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks.crash_harness import run_kills

pytestmark = pytest.mark.slow


def test_kills_in_a_row_lose_nothing(tmp_path: Path) -> None:
    full = os.environ.get("PQSEARCH_FULL") == "1"
    kills = 20 if full else 5
    report = run_kills(tmp_path, kills=kills, pages=8 if full else 4, seed=11 if full else 7)
    print(report.summary())
    assert report.kills == kills, report.summary()
    assert report.documents_lost == 0, report.summary()
    assert report.index_failures == 0, report.summary()
    assert report.final_exact, report.summary()
    # The kills landed in more than one stage of the run (parse, analyse, commit); twenty
    # of them in both the analysis and the commit.
    assert len(report.killed_in) >= 2, report.summary()
    stages = {"analyse", "commit"} if full else set()
    assert stages <= set(report.killed_in), report.summary()


def test_kills_while_the_worker_runs_leave_no_worker_and_no_lock(tmp_path: Path) -> None:
    # 300 records: more than the 256 after which spaCy moves to a worker process.
    report = run_kills(tmp_path, kills=2, pages=2, records=300, seed=5)
    assert report.worker_kills == 1, report.summary()
    assert report.workers_left == 0, report.summary()
    assert report.locked_after_kill == 0, report.summary()
    assert report.documents_lost == 0, report.summary()
    assert report.index_failures == 0, report.summary()
    assert report.final_exact, report.summary()
