"""Searching while an ingest writes; a second ingest; the lock a killed ingest leaves."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from benchmarks.crash_harness import StageWatcher, start_ingest
from pqsearch import api
from pqsearch.cli import app
from pqsearch.errors import IndexLockedError, NoIndexError
from pqsearch.index import store
from tests.conftest import BRUSSELS_HTML

_HOLD_LOCK = """
import sys, time
from pathlib import Path
from pqsearch.index import store
with store.write_lock(Path(sys.argv[1]), timeout=5):
    print("held", flush=True)
    time.sleep(120)
"""


def _corpus(folder: Path, pages: int) -> Path:
    folder.mkdir()
    for page in sorted(BRUSSELS_HTML.glob("*.html"))[:pages]:
        shutil.copyfile(page, folder / page.name)
    return folder


@pytest.fixture
def lock_holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """A process holding the write lock of tmp_path/index, as an ingest would."""
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(tmp_path / "index")],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held"
    yield process
    if process.poll() is None:
        process.kill()
    process.wait()


# A real ingest of eight pages committed one by one: minutes on two cores, in the slow step.
@pytest.mark.slow
def test_searches_during_an_ingest_see_whole_commits(tmp_path: Path) -> None:
    pages = 8
    corpus = _corpus(tmp_path / "corpus", pages)
    root = tmp_path / "index"
    process = start_ingest(corpus, root, commit_every=1, batch_size=1)
    watcher = StageWatcher(process)
    totals: list[int] = []
    snapshot: api.Index | None = None
    snapshot_total = 0
    second_ingest: list[Result] = []
    second: threading.Thread | None = None

    def try_second_ingest() -> None:
        args = ["ingest", str(corpus), "--index", str(root), "--wait", "0.5", "-q"]
        second_ingest.append(CliRunner().invoke(app, args))

    try:
        while process.poll() is None:
            try:
                with api.open_index(root) as index:
                    result = index.search("", limit=100, facets=["session", "addressee"])
                    ids = [hit.id for hit in result.hits]
                    # A commit is seen whole or not at all: no duplicate, no missing record.
                    assert len(set(ids)) == len(ids) == result.total
                    for doc_id in ids:
                        assert index.show(doc_id).question.id == doc_id
                    totals.append(result.total)
            except NoIndexError:
                continue
            if snapshot is None and totals[-1] > 0:
                snapshot = api.open_index(root)
                snapshot_total = snapshot.search("").total
            if snapshot is not None:
                # An index opened earlier follows the commits (issue 12, point 8), whole.
                old = snapshot.search("", limit=100)
                assert old.total >= snapshot_total
                snapshot_total = old.total
                assert len({hit.id for hit in old.hits}) == old.total
                assert {snapshot.show(hit.id).question.id for hit in old.hits}
            if second is None and watcher.wait_for("analyse", 3, timeout=0):
                # In a thread: while it waits for the lock, the child may commit all its
                # documents, and this loop must go on reading them one commit at a time.
                second = threading.Thread(target=try_second_ingest)
                second.start()
    finally:
        if second is not None:
            second.join()
        if snapshot is not None:
            snapshot.close()
        if process.poll() is None:
            process.kill()
        _, errors = process.communicate()
    assert process.returncode == 0, errors
    assert totals == sorted(totals) and len(set(totals)) >= 3, totals
    with api.open_index(root) as index:
        assert index.search("").total == pages
    assert second_ingest, "the ingest ended before a second one could be tried"
    assert second_ingest[0].exit_code == 2
    assert f"process {process.pid}" in second_ingest[0].stderr
    assert "waited 0.5 s" in second_ingest[0].stderr and "--wait" in second_ingest[0].stderr


def test_a_second_ingest_waits_then_names_the_holder(
    tmp_path: Path, lock_holder: subprocess.Popen[str]
) -> None:
    corpus = _corpus(tmp_path / "corpus", 1)
    result = CliRunner().invoke(
        app, ["ingest", str(corpus), "--index", str(tmp_path / "index"), "--wait", "1"]
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"Another ingest (process {lock_holder.pid}" in result.stderr
    assert "waited 1 s. Let it finish and run this again, or pass --wait SECONDS" in result.stderr
    assert not (tmp_path / "index" / store.LIVE).exists()


def test_a_second_ingest_waiting_long_enough_goes_on_when_the_first_ends(
    tmp_path: Path, lock_holder: subprocess.Popen[str]
) -> None:
    """Waiting is shown by what happens, not by a clock: the second ingest is seen holding
    the lock file open (it is in its wait) before the first lets go, and then it succeeds."""
    corpus = _corpus(tmp_path / "corpus", 1)
    index_dir = tmp_path / "index"
    lock_file = index_dir / store.LOCK_FILE
    command = [sys.executable, "-m", "pqsearch.cli", "ingest", str(corpus), "-q"]
    second = subprocess.Popen(
        [*command, "--index", str(index_dir), "--wait", "600"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while not _has_open(second.pid, lock_file):
            assert second.poll() is None, second.communicate()
            time.sleep(0.05)
        assert second.poll() is None
        lock_holder.kill()
        lock_holder.wait()
        _, errors = second.communicate(timeout=600)
    finally:
        if second.poll() is None:
            second.kill()
    assert second.returncode == 0, errors
    with api.open_index(tmp_path / "index") as index:
        assert index.document_count == 1


def _has_open(pid: int, path: Path) -> bool:
    """Whether process `pid` has `path` open (Linux: its /proc/PID/fd links)."""
    with contextlib.suppress(FileNotFoundError):
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            with contextlib.suppress(OSError):
                if Path(os.readlink(fd)) == path:
                    return True
    return False


def test_the_lock_of_a_killed_ingest_is_cleared(
    tmp_path: Path, lock_holder: subprocess.Popen[str]
) -> None:
    root = tmp_path / "index"
    with pytest.raises(IndexLockedError), store.write_lock(root, timeout=0.2):
        pass
    lock_holder.send_signal(signal.SIGKILL)
    lock_holder.wait()
    assert f"pid={lock_holder.pid}" in (root / store.LOCK_FILE).read_text()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(app, ["ingest", str(empty), "--index", str(root), "--wait", "0"])
    assert result.exit_code == 0, result.output
    # The user is told the lock was left behind and cleared.
    assert f"cleared the lock left by process {lock_holder.pid}" in result.stdout
    with store.write_lock(root, timeout=0) as stale:
        assert stale is None
