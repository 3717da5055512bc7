"""SIGKILL an ingest again and again on one index: nothing committed is lost, it always opens.

The harness is benchmarks/crash_harness.py; the default run makes 5 kills, the full one
(`-m slow` or PQSEARCH_FULL=1) 20.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks.crash_harness import run_kills


def _full_run_requested(config: pytest.Config) -> bool:
    return os.environ.get("PQSEARCH_FULL") == "1" or "slow" in str(config.getoption("-m"))


def test_five_kills_lose_nothing(tmp_path: Path) -> None:
    report = run_kills(tmp_path, kills=5, pages=4, seed=7)
    assert report.kills == 5, report.summary()
    assert report.documents_lost == 0, report.summary()
    assert report.index_failures == 0, report.summary()
    assert report.final_exact, report.summary()
    # The kills landed in more than one stage of the run (parse, analyse, commit).
    assert len(report.killed_in) >= 2, report.summary()


@pytest.mark.slow
def test_twenty_kills_in_a_row_lose_nothing(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if not _full_run_requested(request.config):
        pytest.skip("the full kill run is opt-in: -m slow or PQSEARCH_FULL=1")
    report = run_kills(tmp_path, kills=20, pages=8, seed=11)
    print(report.summary())
    assert report.kills == 20, report.summary()
    assert report.documents_lost == 0, report.summary()
    assert report.index_failures == 0, report.summary()
    assert report.final_exact, report.summary()
    assert set(report.killed_in) >= {"analyse", "commit"}, report.summary()


def test_kills_while_the_worker_runs_leave_no_worker_and_no_lock(tmp_path: Path) -> None:
    # 300 records: more than the 256 after which spaCy moves to a worker process.
    report = run_kills(tmp_path, kills=2, pages=2, records=300, seed=5)
    assert report.worker_kills == 1, report.summary()
    assert report.workers_left == 0, report.summary()
    assert report.locked_after_kill == 0, report.summary()
    assert report.documents_lost == 0, report.summary()
    assert report.index_failures == 0, report.summary()
    assert report.final_exact, report.summary()
