"""`watches.json` reached through links (review F of session 21): a loop is a message, not a
traceback; an index linked to another index's own file shares its lock, so concurrent saves
through both lose nothing; a link to a file beside it never waits on its own lock."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pqsearch import api, watch
from pqsearch.errors import WatchError

from .test_watch_concurrency import PER_WRITER, _add


def _index(corpus_index: Path, root: Path) -> Path:
    shutil.copytree(corpus_index, root, symlinks=True)
    return root


@pytest.mark.parametrize("command", [["list"], ["add", "logement", "logement"]])
def test_a_watches_link_loop_is_said_without_a_traceback(
    corpus_index: Path, tmp_path: Path, command: list[str]
) -> None:
    """Two indexes whose `watches.json` lead to each other: `Path.resolve` raised
    RuntimeError("Symlink loop") and the CLI printed a traceback; 06535d6 said the file
    cannot be read, and so does this version, writing nothing."""
    one, two = _index(corpus_index, tmp_path / "one"), _index(corpus_index, tmp_path / "two")
    (one / "watches.json").symlink_to("../two/watches.json")
    (two / "watches.json").symlink_to("../one/watches.json")
    done = subprocess.run(
        [sys.executable, "-m", "pqsearch.cli", "watch", *command, "--index", str(one)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert "cannot be read" in done.stderr
    assert (one / "watches.json").is_symlink() and (two / "watches.json").is_symlink()


def test_an_index_linked_to_another_index_s_file_shares_its_lock(
    corpus_index: Path, tmp_path: Path
) -> None:
    """Index `two`'s `watches.json` leads to index `one`'s plain file: `one` took only its own
    lock and `two` a lock beside the file under another name, so of two processes adding at
    once, one wrote over the other's searches (11 of 13 kept in review F). Real processes."""
    one, two = _index(corpus_index, tmp_path / "one"), _index(corpus_index, tmp_path / "two")
    (one / "watches.json").write_text("{}", encoding="utf-8")
    (two / "watches.json").symlink_to("../one/watches.json")
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    processes = [
        context.Process(target=_add, args=(str(root), prefix, start))
        for root, prefix in ((one, "a"), (two, "b"))
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=600)
    assert [p.exitcode for p in processes] == [0, 0]
    saved = json.loads((one / "watches.json").read_text(encoding="utf-8"))
    assert sorted(saved) == sorted(f"{p}{i}" for p in "ab" for i in range(PER_WRITER))


def test_a_link_to_a_file_beside_it_does_not_wait_on_its_own_lock(
    corpus_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`watches.json -> watches` in the index folder: the lock beside the target was the
    index's own `watches.lock`, taken twice by one process, which waited for itself and
    failed with "Another process is changing ..." (review F3)."""
    monkeypatch.setattr(watch, "LOCK_WAIT", 1.0)
    root = _index(corpus_index, tmp_path / "index")
    (root / "watches").write_text("{}", encoding="utf-8")
    (root / "watches.json").symlink_to("watches")
    with api.open_index(root) as opened:
        try:
            watch.add_watch(opened, "logement", "logement")
        except WatchError as error:  # pragma: no cover - the failure this test is for
            pytest.fail(str(error))
    assert list(json.loads((root / "watches").read_text(encoding="utf-8"))) == ["logement"]
