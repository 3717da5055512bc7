"""An ingest that is refused leaves the index folder as it was, byte for byte.

`ingest --rebuild` given no files where there is no index said so but left a marker and a
lock file in a folder it had made; `ingest --reanalyze` there made an empty index and exited
0; an ingest refused because another version wrote the index left an `ingest.lock` where
there was none. Each is refused now before anything is written.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch.cli import app
from pqsearch.index import store
from tests.conftest import SEED

runner = CliRunner()


def _tree(root: Path) -> dict[str, object]:
    """Everything under `root` (itself included): each entry's kind and content."""
    if not os.path.lexists(root):
        return {}
    found: dict[str, object] = {}
    for path in [root, *sorted(root.rglob("*"))]:
        name = str(path.relative_to(root))
        if path.is_symlink():
            found[name] = ("link", os.readlink(path))
        elif path.is_dir():
            found[name] = ("folder",)
        else:
            found[name] = ("file", path.read_bytes())
    return found


def _ingest(*args: str) -> tuple[int, str]:
    done = runner.invoke(app, ["ingest", *args, "-q"])
    return done.exit_code, done.output


@pytest.mark.parametrize("made", [False, True], ids=["no-folder", "empty-folder"])
@pytest.mark.parametrize(
    ("flag", "says"),
    [
        ("--rebuild", "Nothing to rebuild the index at"),
        ("--reanalyze", "No index at"),
    ],
)
def test_nothing_to_rebuild_or_reanalyze_makes_nothing(
    tmp_path: Path, flag: str, says: str, made: bool
) -> None:
    root = tmp_path / "idx"
    if made:
        root.mkdir()
    before = _tree(tmp_path)
    code, output = _ingest(flag, "--index", str(root))
    assert code == 2, output
    assert says in output and '"pqsearch ingest FOLDER ... ' in output
    assert "Traceback" not in output
    assert _tree(tmp_path) == before


def _of_version(corpus_index: Path, tmp_path: Path, version: str) -> Path:
    """A copy of a real index whose lexicon says `version`, without a lock file (an index
    copied or restored from a backup, as another pqsearch left it)."""
    root = tmp_path / "index"
    shutil.copytree(corpus_index, root, symlinks=True)
    (root / "ingest.lock").unlink(missing_ok=True)
    data = store.live_data_dir(root)
    assert data is not None
    connection = sqlite3.connect(data / store.LEXICON_FILE)
    with connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return root


@pytest.mark.parametrize(
    ("version", "rebuild"),
    [("99", False), ("99", True), ("1", False)],
    ids=["newer", "newer-rebuild", "older"],
)
def test_an_ingest_refused_for_another_version_leaves_no_lock_file(
    corpus_index: Path, tmp_path: Path, version: str, rebuild: bool
) -> None:
    root = _of_version(corpus_index, tmp_path, version)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "seed.txt")
    before = _tree(root)
    assert "ingest.lock" not in before
    code, output = _ingest(str(corpus), "--index", str(root), *(["--rebuild"] if rebuild else []))
    assert code == 2, output
    assert f"index schema {version}" in output and "nothing was changed" in output
    assert _tree(root) == before
