"""A full disk, a read-only index, and the order of writes that survives a power cut
(issue 12, points 5, 6 and 7). Real files throughout; the full disk is a write that fails
with ENOSPC past a budget, at the layer every Whoosh file is written through."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from benchmarks.crash_harness import stray_files
from pqsearch import api
from pqsearch.cli import app
from pqsearch.index import durable, store
from pqsearch.index.durable import DurableStorage
from tests.conftest import BRUSSELS_HTML
from tests.permissions import bound_by_permissions

REPO = Path(__file__).resolve().parents[2]


def _pages(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(BRUSSELS_HTML / name, folder / name)
    return folder


NAMES = sorted(p.name for p in BRUSSELS_HTML.glob("*.html"))


class _FullDisk:
    """A file whose writes fail with ENOSPC once the disk's `budget` of bytes is spent."""

    def __init__(self, raw: Any, budget: list[int]) -> None:
        self._raw = raw
        self._budget = budget

    def write(self, data: bytes) -> int:
        self._budget[0] -= len(data)
        if self._budget[0] < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return int(self._raw.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


@pytest.mark.parametrize("rebuild", [False, True])
def test_a_full_disk_is_one_sentence_and_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rebuild: bool
) -> None:
    corpus = _pages(tmp_path / "corpus", NAMES[:3])
    root = tmp_path / "index"
    api.ingest([corpus], index_dir=root)
    with api.open_index(root) as index:
        before = index.search("", limit=100)
    folders = sorted(p.name for p in root.iterdir())
    _pages(corpus, NAMES[3:12])
    budget = [40_000]
    create = DurableStorage.create_file

    def limited(self: DurableStorage, name: str, *args: Any, **kwargs: Any) -> Any:
        structfile = create(self, name, *args, **kwargs)
        structfile.file = _FullDisk(structfile.file, budget)
        return structfile

    monkeypatch.setattr(DurableStorage, "create_file", limited)
    options = ["--rebuild"] if rebuild else []
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--index", str(root), *options])
    assert budget[0] < 0, "the disk never filled up"
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "is full" in result.stderr and "Free some space" in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    # A rebuild does not go on where it stopped: it starts again (s16 audit, D6).
    ending = "then run it again." if rebuild else "where this one stopped."
    assert len(errors) == 1 and errors[0].endswith(ending)
    assert ("starts again from the beginning" in errors[0]) == rebuild
    # The index is as before, and nothing of the unfinished commit is left.
    with api.open_index(root) as index:
        assert index.search("", limit=100) == before
    assert sorted(p.name for p in root.iterdir()) == folders
    assert stray_files(root) == 0
    live = store.live_data_dir(root)
    assert live is not None and not list(live.glob("*.tmp*"))
    monkeypatch.undo()
    report = api.ingest([corpus], index_dir=root)
    assert len(report.added) == 9
    with api.open_index(root) as index:
        assert index.search("").total == 12


_CLI = """
import sys
from typer.testing import CliRunner
from pqsearch.cli import app
result = CliRunner().invoke(app, sys.argv[1:])
print(result.exit_code)
print(result.output)
"""


def _read_only_copy(built: Path, where: Path) -> Path:
    """A copy of the index with no write permission on any file or folder."""
    shutil.copytree(built, where, symlinks=True)
    for folder, _, files in os.walk(where):
        for name in files:
            os.chmod(Path(folder) / name, 0o444)
        os.chmod(folder, 0o555)
    return where


def _without_write_permission(*arguments: str) -> tuple[int, str]:
    """The CLI in a process that permissions bind: root's power to override them (which CI
    has) is dropped from its capabilities, as for a colleague reading a shared index."""
    done = subprocess.run(
        bound_by_permissions([sys.executable, "-c", _CLI, *arguments]),
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 0, done.stderr
    code, _, output = done.stdout.partition("\n")
    return int(code), output


def test_a_read_only_index_is_searchable(tmp_path: Path) -> None:
    corpus = _pages(tmp_path / "corpus", NAMES[:3])
    built = tmp_path / "built"
    api.ingest([corpus], index_dir=built)
    with api.open_index(built) as index:
        expected = index.search("bruxelles").total
    root = _read_only_copy(built, tmp_path / "index")
    try:
        code, output = _without_write_permission("search", "bruxelles", "--index", str(root))
        assert code == 0, output
        assert f"{expected} documents" in output
        code, output = _without_write_permission("ingest", str(corpus), "--index", str(root))
        assert code == 2, output
        assert "Traceback" not in output
        assert "cannot be written" in output and "Searching it works" in output
    finally:
        for folder, _, _ in os.walk(root):
            os.chmod(folder, stat.S_IRWXU)


def test_files_are_on_disk_before_the_previous_generation_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _pages(tmp_path / "corpus", NAMES[:2])
    root = tmp_path / "index"
    api.ingest([corpus], index_dir=root)
    live = store.live_data_dir(root)
    assert live is not None
    old_toc = next(live.glob("_MAIN_*.toc"))
    old_files = {str(p) for p in live.iterdir()}
    events: list[tuple[str, str]] = []
    fsync, remove = os.fsync, os.remove

    def record_fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        fsync(fd)

    def record_remove(path: Any, *args: Any, **kwargs: Any) -> None:
        events.append(("remove", str(path)))
        remove(path, *args, **kwargs)

    monkeypatch.setattr(os, "fsync", record_fsync)
    monkeypatch.setattr(os, "remove", record_remove)
    _pages(corpus, NAMES[2:4])
    api.ingest([corpus], index_dir=root)
    monkeypatch.undo()
    gone = events.index(("remove", str(old_toc)))
    synced = {path for kind, path in events[:gone] if kind == "fsync"}
    new_toc = max(live.glob("_MAIN_*.toc"), key=lambda p: int(p.stem.rsplit("_", 1)[1]))
    new_files = {str(p) for p in live.iterdir() if p.name.startswith("MAIN_") and "." in p.name}
    new_files -= old_files
    # Written under a temporary name, synced, then renamed and the folder synced.
    assert any(
        Path(path).name.startswith(f"_MAIN_{new_toc.stem.rsplit('_', 1)[1]}") for path in synced
    )
    assert new_files and new_files <= synced
    assert str(live) in synced  # the folder, after the rename


def test_write_atomic_leaves_the_old_file_when_the_disk_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "files-1.json"
    path.write_bytes(b"old")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError):
        durable.write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["files-1.json"]
