"""An ingest the index refuses to be written, and a rebuild whose switch the disk did not
confirm: messages that say what is true (review 16, W8 and W4).

W8: an ingest into an index whose data folder, lexicon or folder the user may not write was a
`PermissionError` (or SQLite "readonly database") traceback. The refusals are real: the
permissions of real files, in a process that they bind, root included (`permissions`).

W4: a rebuild whose `live` switch succeeded but whose folder sync after it failed said that
the index was unchanged while the new one was live. A failing sync cannot be made for real
without a failing disk: `os.fsync` fails once `live` has been replaced, and only then.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from pqsearch.index import store
from tests.conftest import REPO, TEST_DATA
from tests.permissions import bound_by_permissions

PROBE = TEST_DATA / "brussels_probe"


def _files(root: Path) -> dict[str, str]:
    """Every file of the index (links as their targets), by name: its bytes' digest."""
    held = {}
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root))
        if path.is_symlink():
            held[name] = "-> " + os.readlink(path)
        elif path.is_file():
            held[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return held


def _bound(*args: str) -> subprocess.CompletedProcess[str]:
    """`pqsearch ARGS` as a user whom file permissions bind (root too)."""
    return subprocess.run(
        bound_by_permissions([sys.executable, "-m", "pqsearch.cli", *args]),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=600,
        check=False,
    )


@pytest.mark.parametrize("refusing", ["data folder", "lexicon", "index folder", "rebuild"])
def test_an_ingest_the_index_refuses_names_the_place_and_changes_nothing(
    corpus_index: Path, tmp_path: Path, refusing: str
) -> None:
    root = tmp_path / "index"
    shutil.copytree(corpus_index, root, symlinks=True)
    live = store.live_data_dir(root)
    assert live is not None
    if refusing == "data folder":
        place = live
    elif refusing == "lexicon":
        place = live / store.LEXICON_FILE
    elif refusing == "index folder":
        # Without its lock file, which an ingest must then make there.
        (root / "ingest.lock").unlink(missing_ok=True)
        place = root
    else:
        # With it: a rebuild is refused the new data folder it makes beside the index.
        place = root
    before_search = _bound("search", "logement", "--index", str(root))
    assert before_search.returncode == 0, before_search.stderr
    before = _files(root)
    mode = place.stat().st_mode
    place.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        what = ["--rebuild"] if refusing == "rebuild" else [str(PROBE)]
        done = _bound("ingest", *what, "--index", str(root), "--quiet", "--jobs", "1")
        after = _files(root)
        searched = _bound("search", "logement", "--index", str(root))
    finally:
        place.chmod(mode)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("Error: ") and done.stderr.count("\n") == 1, done.stderr
    assert f"{place} refused a write (Permission denied)" in done.stderr
    assert "Nothing was changed" in done.stderr and "Searching it works" in done.stderr
    assert f"give this account write permission on {place}" in done.stderr
    assert after == before
    assert searched.returncode == 0 and searched.stdout == before_search.stdout


def test_a_rebuild_live_before_its_sync_failed_says_so_and_deletes_nothing(
    corpus_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "index"
    shutil.copytree(corpus_index, root, symlinks=True)
    previous = store.live_data_dir(root)
    assert previous is not None
    with api.open_index(root) as index:
        expected = index.search("logement", limit=100)
    replace, fsync = os.replace, os.fsync
    switched: list[str] = []

    def replacing(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        replace(source, target, *args, **kwargs)
        if Path(target) == root / "live":
            switched.append(str(target))

    def failing_once_switched(fd: int) -> None:
        if switched:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        fsync(fd)

    monkeypatch.setattr(os, "replace", replacing)
    monkeypatch.setattr(os, "fsync", failing_once_switched)
    result = CliRunner().invoke(app, ["ingest", "--rebuild", "--index", str(root), "--quiet"])
    monkeypatch.undo()
    assert switched, "the rebuild never switched"
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "unchanged" not in result.output
    assert "its new index is live" in result.stderr
    assert f"Nothing was deleted: the previous index is still in {previous}" in result.stderr
    assert "Input/output error" in result.stderr
    # What the message says: the new index is live, the previous one is still there.
    live = store.live_data_dir(root)
    assert live is not None and live != previous and previous.is_dir()
    with api.open_index(root) as index:
        assert index.search("logement", limit=100).total == expected.total
