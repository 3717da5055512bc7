"""A full disk, a file-size limit, too many open files and a file system without locks are
said as such.

A search or an ingest stopped by a file-size limit (`ulimit -f`, a full disk for the
process) was reported as a damaged index to rebuild, or ended in a traceback; a lock file
on a file system without locks (NFS without its lock service) ended in a traceback
(session 9's closing note). The limits are real (`RLIMIT_FSIZE` in the process, which then
gets EFBIG, or SQLite a "disk I/O error"); a file system refusing locks is a lock call
failing with ENOLCK, as NFS makes it fail.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pqsearch import api, harvest
from pqsearch.cli import app
from pqsearch.errors import LockUnsupportedError
from tests.conftest import BRUSSELS_HTML, run_pqsearch
from tests.fetch.replay import closed_port_url


def _refused_for_room(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "damaged" not in done.stderr and "--rebuild" not in done.stderr
    assert "ulimit -f" in done.stderr
    return done.stderr


def test_a_search_under_a_file_size_limit_says_so_and_changes_nothing(
    corpus_index: Path, tmp_path: Path
) -> None:
    root = tmp_path / "index"
    shutil.copytree(corpus_index, root, symlinks=True)
    for shared in (root / "live").glob("lexicon.sqlite-*"):
        shared.unlink()  # SQLite makes its 32 KiB shared-memory file to read the lexicon
    expected = run_pqsearch("search", "bruxelles", "--index", str(corpus_index))
    assert expected.returncode == 0, expected.stderr
    message = _refused_for_room(
        run_pqsearch("search", "bruxelles", "--index", str(root), file_size_limit=1024)
    )
    assert "The index is unchanged" in message and "then search again" in message
    assert run_pqsearch("search", "bruxelles", "--index", str(root)).stdout == expected.stdout


def test_an_ingest_under_a_file_size_limit_says_so_and_the_next_one_completes(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = sorted(p.name for p in BRUSSELS_HTML.glob("*.html"))[:2]
    for name in names:
        shutil.copyfile(BRUSSELS_HTML / name, corpus / name)
    root = tmp_path / "index"
    ingest = ["ingest", str(corpus), "--index", str(root)]
    # Under the size of the term dictionary and the lexicon of two pages (83 and 74 kB).
    message = _refused_for_room(run_pqsearch(*ingest, file_size_limit=60_000))
    assert "run the ingest again" in message
    assert len(api.ingest([corpus], index_dir=root).added) == 2


def test_too_many_open_files_is_said_as_such_and_damages_nothing(
    corpus_index: Path, tmp_path: Path
) -> None:
    # Audit 13, E1: "ulimit -n" too low for the command gave "the index is damaged: rebuild
    # it", a traceback, or "watches.json cannot be read: move it aside", depending on where
    # the limit struck. Each limit below strikes somewhere else (imports, the lexicon, the
    # segment files, the saved searches); every answer is the normal one or the message.
    root = tmp_path / "index"
    shutil.copytree(corpus_index, root, symlinks=True)
    added = run_pqsearch("watch", "add", "bruit", "bruit", "--index", str(root))
    assert added.returncode == 0, added.stderr
    commands = (("search", "bruxelles"), ("show", "170146"), ("watch", "run"))
    normal = {c: run_pqsearch(*c, "--index", str(root)).stdout for c in commands}
    refused = 0
    for limit in range(10, 42, 4):
        for command in commands:
            done = run_pqsearch(*command, "--index", str(root), open_files_limit=limit)
            if done.returncode == 0:
                if command != ("watch", "run"):  # a run records what it saw
                    assert done.stdout == normal[command]
                continue
            refused += 1
            assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
            assert "ulimit -n" in done.stderr and "Nothing is damaged" in done.stderr
            assert "--rebuild" not in done.stderr and "move it aside" not in done.stderr
    assert refused  # the limits did strike
    listed = run_pqsearch("watch", "list", "--index", str(root))
    assert "bruit" in listed.stdout
    assert run_pqsearch("search", "bruxelles", "--index", str(root)).stdout == normal[commands[0]]


@pytest.fixture
def no_locks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every lock call fails as on NFS without its lock service."""

    def refuse(*_args: Any) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(fcntl, "lockf", refuse)
    monkeypatch.setattr(fcntl, "flock", refuse)


def _says_no_locks(output: str, lock_file: Path) -> None:
    assert "Traceback" not in output
    assert f"Cannot lock {lock_file} (No locks available)" in " ".join(output.split())
    assert "does not give file locks" in " ".join(output.split())


@pytest.mark.usefixtures("no_locks")
def test_an_ingest_on_a_file_system_without_locks_says_so(tmp_path: Path) -> None:
    root = tmp_path / "index"
    result = CliRunner().invoke(app, ["ingest", str(BRUSSELS_HTML), "--index", str(root)])
    assert result.exit_code == 2, result.output
    _says_no_locks(result.stderr, root / "ingest.lock")
    assert not (root / "live").exists()


@pytest.mark.usefixtures("no_locks")
def test_saved_searches_on_a_file_system_without_locks_say_so(
    corpus_index: Path, tmp_path: Path
) -> None:
    root = tmp_path / "index"
    shutil.copytree(corpus_index, root, symlinks=True)
    result = CliRunner().invoke(app, ["watch", "add", "bruit", "bruit", "--index", str(root)])
    assert result.exit_code == 2, result.output
    _says_no_locks(result.stderr, root / "watches.lock")
    assert not (root / "watches.json").exists()


@pytest.mark.usefixtures("no_locks")
def test_a_harvest_on_a_file_system_without_locks_says_so(tmp_path: Path) -> None:
    with pytest.raises(LockUnsupportedError) as raised:
        harvest(folder=tmp_path, base_url=closed_port_url())
    _says_no_locks(str(raised.value), tmp_path / ".fetch.lock")
