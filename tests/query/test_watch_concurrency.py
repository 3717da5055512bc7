"""Saved searches changed by several processes or threads at once are all kept (audit of
session 9, finding 3: two processes adding 15 searches each while a third ran them kept 15
of the 30), and a damaged `watches.json` is a message, never replaced."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import threading
from pathlib import Path

import pytest

from pqsearch import api, watch
from pqsearch.errors import WatchError

PER_WRITER = 15
RUNS = 15


def _add(root: str, prefix: str, start: threading.Barrier) -> None:
    with api.open_index(root) as opened:
        start.wait()
        for i in range(PER_WRITER):
            watch.add_watch(opened, f"{prefix}{i}", "logement")


def _run(root: str, start: threading.Barrier) -> None:
    with api.open_index(root) as opened:
        start.wait()
        for _ in range(RUNS):
            watch.run_watches(opened)


def _copy(corpus_index: Path, tmp_path: Path) -> Path:
    root = tmp_path / "index"
    shutil.copytree(corpus_index, root, symlinks=True)
    return root


def test_processes_adding_while_another_runs_lose_nothing(
    corpus_index: Path, tmp_path: Path
) -> None:
    """Real processes, released together once each has its index open (a barrier, not a
    sleep): two add searches while a third runs them all, as cron would."""
    root = _copy(corpus_index, tmp_path)
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(3)
    processes = [
        context.Process(target=_add, args=(str(root), "a", start)),
        context.Process(target=_add, args=(str(root), "b", start)),
        context.Process(target=_run, args=(str(root), start)),
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=600)
    assert [p.exitcode for p in processes] == [0, 0, 0]
    saved = json.loads((root / "watches.json").read_text(encoding="utf-8"))
    assert sorted(saved) == sorted(f"{p}{i}" for p in "ab" for i in range(PER_WRITER))
    with api.open_index(root) as opened:
        assert len(watch.run_watches(opened)) == 2 * PER_WRITER


def test_threads_sharing_an_index_lose_nothing(corpus_index: Path, tmp_path: Path) -> None:
    root = _copy(corpus_index, tmp_path)
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def add(prefix: str) -> None:
        try:
            for i in range(PER_WRITER):
                watch.add_watch(opened, f"{prefix}{i}", "logement")
        except BaseException as error:  # the assertion below reports it
            errors.append(error)

    with api.open_index(root) as opened:
        threads = [threading.Thread(target=lambda p=p: (start.wait(), add(p))) for p in "abcd"]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        names = {w.name for w in watch.list_watches(opened)}
    assert names == {f"{p}{i}" for p in "abcd" for i in range(PER_WRITER)}


def test_two_indexes_whose_watches_file_is_one_link_lose_nothing(
    corpus_index: Path, tmp_path: Path
) -> None:
    """`watches.json` of two index folders linked to one file (a synced folder): the lock of
    each index folder did not exclude the other, and of two processes adding at once through
    the two links, one wrote over the other's searches (review R3 of session 21). Real
    processes, released together by a barrier."""
    shared = tmp_path / "shared" / "w.json"
    shared.parent.mkdir()
    shared.write_text("{}", encoding="utf-8")
    roots = []
    for name in ("one", "two"):
        root = tmp_path / name
        shutil.copytree(corpus_index, root, symlinks=True)
        (root / "watches.json").symlink_to(shared)
        roots.append(root)
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    processes = [
        context.Process(target=_add, args=(str(root), prefix, start))
        for root, prefix in zip(roots, "ab", strict=True)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=600)
    assert [p.exitcode for p in processes] == [0, 0]
    saved = json.loads(shared.read_text(encoding="utf-8"))
    assert sorted(saved) == sorted(f"{p}{i}" for p in "ab" for i in range(PER_WRITER))
    assert all((root / "watches.json").is_symlink() for root in roots)


@pytest.mark.parametrize("content", ["", '{"a": {"query": "x"', "[]"])
def test_a_damaged_watches_file_is_never_replaced(
    corpus_index: Path, tmp_path: Path, content: str
) -> None:
    """Adding, removing or running saved searches over a file that cannot be read says so
    and leaves it as it was, for the user to repair: an empty list in its place would lose
    every search it held."""
    root = _copy(corpus_index, tmp_path)
    path = root / "watches.json"
    path.write_text(content, encoding="utf-8")
    with api.open_index(root) as opened:
        for change in (
            lambda: watch.add_watch(opened, "logement", "logement"),
            lambda: watch.remove_watch(opened, "a"),
            lambda: watch.run_watches(opened),
        ):
            with pytest.raises(WatchError, match=r"watches\.json cannot be read"):
                change()
    assert path.read_text(encoding="utf-8") == content


def test_a_change_never_waits_for_a_run_searching_and_both_are_kept(
    corpus_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`watch run` searches without the lock and records under it, merged with what changed
    meanwhile: `add` and `remove` while it searches go through at once (here with no wait
    allowed at all; session 9's review: `add` waited up to 60 s for a long cron run), the
    search added is kept, the one removed stays removed, and the run is recorded. The run
    is held inside its first search by an event the test controls."""
    root = _copy(corpus_index, tmp_path)
    monkeypatch.setattr(watch, "LOCK_WAIT", 0.0)
    with api.open_index(root) as opened:
        watch.add_watch(opened, "topic", "logement")
        watch.add_watch(opened, "gone", "mobilité")
        searching, go_on = threading.Event(), threading.Event()
        search = opened.search

        def held_search(*args: object, **kwargs: object) -> object:
            if threading.current_thread() is not threading.main_thread():
                searching.set()
                assert go_on.wait(timeout=300)
            return search(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(opened, "search", held_search)
        reports: list[object] = []
        runner = threading.Thread(target=lambda: reports.extend(watch.run_watches(opened)))
        runner.start()
        try:
            assert searching.wait(timeout=300)
            watch.add_watch(opened, "other", "bruit")
            watch.remove_watch(opened, "gone")
        finally:
            go_on.set()
            runner.join()
        saved = {w.name: w for w in watch.list_watches(opened)}
    assert sorted(saved) == ["other", "topic"]
    assert [report.name for report in reports] == ["topic", "gone"]  # type: ignore[attr-defined]
    assert saved["topic"].last_run is not None and saved["topic"].seen
    assert saved["other"].last_run is None and not saved["other"].seen


def test_two_runs_at_once_report_each_new_document_once(
    corpus_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runs that record are one at a time (review of session 10: with the search outside the
    lock, a cron run and a hand run at once both reported the same documents as new). The
    first run is held inside its search until the second searches, or 5 s at most: with runs
    serialised the second cannot search before the first has recorded, and reports nothing
    new; unserialised, it searches meanwhile and the searches overlap."""
    root = _copy(corpus_index, tmp_path)
    with api.open_index(root) as opened:
        watch.add_watch(opened, "topic", "logement")
        search = opened.search
        first_searching, first_searched = threading.Event(), threading.Event()
        second_searched = threading.Event()
        overlapped: list[bool] = []

        def held_search(*args: object, **kwargs: object) -> object:
            if threading.current_thread().name == "first":
                first_searching.set()
                second_searched.wait(timeout=5)
                found = search(*args, **kwargs)  # type: ignore[arg-type]
                first_searched.set()
                return found
            overlapped.append(not first_searched.is_set())
            second_searched.set()
            return search(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(opened, "search", held_search)
        reports: dict[str, list[watch.WatchReport]] = {"first": [], "second": []}
        first = threading.Thread(
            target=lambda: reports["first"].extend(watch.run_watches(opened)), name="first"
        )
        second = threading.Thread(
            target=lambda: reports["second"].extend(watch.run_watches(opened)), name="second"
        )
        first.start()
        assert first_searching.wait(timeout=300)
        second.start()
        first.join()
        second.join()
    (shown,) = reports["first"]
    (again,) = reports["second"]
    assert shown.new and again.new == ()
    assert overlapped == [False]
