"""`pqsearch ingest` with no files named, run in a folder without corpus/ (a new user's first
command, in the wrong folder): a message saying what it reads, exit 2, and no empty index left
behind (it made one, loading spaCy for nothing, and reported "corpus: no such file")."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_pqsearch


def test_no_corpus_folder_is_a_message_and_no_index(tmp_path: Path) -> None:
    done = run_pqsearch("ingest", cwd=tmp_path)
    assert done.returncode == 2
    assert f"there is no corpus/ folder in {tmp_path}" in done.stderr
    assert "pqsearch ingest FOLDER" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_rebuild_without_files_still_reads_the_index_s_files(tmp_path: Path) -> None:
    # No corpus/ either: a rebuild of no index is its own message, not the corpus one.
    done = run_pqsearch("ingest", "--rebuild", "--index", str(tmp_path / "ix"), cwd=tmp_path)
    assert "there is no corpus/ folder" not in done.stderr
    assert done.returncode != 0
