"""`ingest_running` tells from the write lock itself whether an ingest is writing the index
(review 17, F1 and F2): not from the pid a killed ingest left in the lock file, and without
releasing the lock of an ingest of its own process."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from pqsearch.index.lock import LOCK_FILE, ingest_running, write_lock
from tests.conftest import REPO, lock_held_elsewhere

TAKE_AT_ONCE = (
    "import sys\n"
    "from pathlib import Path\n"
    "from pqsearch.index.lock import write_lock\n"
    "from pqsearch.errors import IndexLockedError\n"
    "try:\n"
    "    with write_lock(Path(sys.argv[1]), timeout=0):\n"
    "        print('taken')\n"
    "except IndexLockedError:\n"
    "    print('refused')\n"
)


def _other_process_takes(root: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", TAKE_AT_ONCE, str(root)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
        check=True,
    )
    return done.stdout.strip()


def test_a_pid_left_by_a_killed_ingest_is_not_a_running_ingest(tmp_path: Path) -> None:
    # A kill -9 leaves the holder's text; its pid may be any live process's since (here 1,
    # and this test's own process).
    tmp_path.mkdir(exist_ok=True)
    for pid in (1, os.getppid()):
        (tmp_path / LOCK_FILE).write_text(f"pid={pid}\nstarted=x\ncommand=pqsearch ingest\n")
        assert not ingest_running(tmp_path)
    assert not ingest_running(tmp_path / "no such index")


def test_an_ingest_of_this_process_keeps_its_lock_when_asked(tmp_path: Path) -> None:
    with write_lock(tmp_path):
        assert ingest_running(tmp_path)
        # Asking opened no descriptor of the lock file: another process is still refused.
        assert _other_process_takes(tmp_path) == "refused"
    assert not ingest_running(tmp_path)
    assert _other_process_takes(tmp_path) == "taken"


def test_an_ingest_of_another_process_is_running(tmp_path: Path) -> None:
    with lock_held_elsewhere(tmp_path):
        assert ingest_running(tmp_path)
        assert ingest_running(tmp_path)  # asking twice changes nothing
    assert not ingest_running(tmp_path)


def test_probes_at_once_without_an_ingest_say_none_runs(tmp_path: Path) -> None:
    # Audit 18, T1: each probe held the lock that stands for an ingest of this process while
    # it looked, so a probe made by another thread meanwhile said an ingest was running (43,129
    # of 48,000 probes by 16 threads; the web page of an empty index said "an ingest is
    # running" to some of its concurrent requests).
    with write_lock(tmp_path):
        pass
    said_running: list[bool] = []

    def probe() -> None:
        said_running.extend(ingest_running(tmp_path) for _ in range(500))

    threads = [threading.Thread(target=probe) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(said_running) == 4000
    assert not any(said_running)


def test_probes_of_many_threads_never_release_an_ingest_of_this_process(tmp_path: Path) -> None:
    stop = threading.Event()
    answers: list[bool] = []

    def probe() -> None:
        while not stop.is_set():
            answers.append(ingest_running(tmp_path))

    threads = [threading.Thread(target=probe) for _ in range(8)]
    for thread in threads:
        thread.start()
    try:
        for _ in range(2):
            with write_lock(tmp_path):
                assert ingest_running(tmp_path)
                # No probe's descriptor, opened and closed meanwhile, released the lock.
                assert _other_process_takes(tmp_path) == "refused"
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert answers
    # The probes, stopped, hold no shared lock that would refuse it for an instant.
    assert _other_process_takes(tmp_path) == "taken"
