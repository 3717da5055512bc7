"""`pqsearch export -o FILE` never replaces a file by surprise, nor leaves half a file
(audit of session 9, finding 1: an export replaced a copy of the user's records.jsonl)."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import PqsearchError, write_export
from pqsearch.cli import app
from tests.conftest import BRUSSELS_RECORDS, REPO

runner = CliRunner()


def test_an_existing_file_is_refused_unless_force(corpus_index: Path, tmp_path: Path) -> None:
    """A source document named by mistake is left as it was; --force replaces it."""
    records = tmp_path / "my-records.jsonl"
    shutil.copyfile(BRUSSELS_RECORDS, records)
    notes = tmp_path / "notes.md"
    notes.write_text("my notes\n", encoding="utf-8")
    for target, words in ((records, "logement"), (notes, "nothingmatcheszzz")):
        result = runner.invoke(
            app, ["export", words, "-f", "md", "-o", str(target), "--index", str(corpus_index)]
        )
        assert result.exit_code == 2, result.output
        assert f"Error: {target} already exists" in result.stderr
        assert "--force" in result.stderr and "Traceback" not in result.output
    assert records.read_bytes() == BRUSSELS_RECORDS.read_bytes()
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-records.jsonl", "notes.md"]

    forced = runner.invoke(
        app, ["export", "logement", "-o", str(notes), "--force", "--index", str(corpus_index)]
    )
    assert forced.exit_code == 0, forced.output
    assert notes.read_text(encoding="utf-8").startswith("# Précédents : logement\n")


def test_the_python_api_refuses_an_existing_file_too(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    write_export(target, "first\n")
    with pytest.raises(PqsearchError, match=r"memo\.md already exists"):
        write_export(target, "second\n")
    assert target.read_text(encoding="utf-8") == "first\n"
    write_export(target, "second\n", force=True)
    assert target.read_text(encoding="utf-8") == "second\n"


def _export_with_file_size_limit(index: Path, target: Path, *options: str) -> str:
    """The real CLI exporting every document as JSON Lines (over 500 kB) in a process that
    may write at most 64 kB to a file, as a full disk or a quota would stop it (Python
    ignores SIGXFSZ: the write fails with EFBIG). SQLite needs 32 kB to open the lexicon."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))

    export = ["export", "--limit", "100", "-o", str(target), "--index", str(index), *options]
    done = subprocess.run(
        [sys.executable, "-m", "pqsearch.cli", *export],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=REPO,
        preexec_fn=limit,
        timeout=300,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert f"Cannot write the export to {target}: File too large" in done.stderr
    assert "Traceback" not in done.stderr
    return done.stderr


def test_a_failed_export_leaves_no_half_file_and_the_old_file_whole(
    corpus_index: Path, tmp_path: Path
) -> None:
    """The export cannot be written whole: no half export is left, and with --force the
    file it was to replace keeps every byte."""
    _export_with_file_size_limit(corpus_index, tmp_path / "all.jsonl")
    assert list(tmp_path.iterdir()) == []

    records = tmp_path / "records.jsonl"
    shutil.copyfile(BRUSSELS_RECORDS, records)
    _export_with_file_size_limit(corpus_index, records, "--force")
    assert records.read_bytes() == BRUSSELS_RECORDS.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["records.jsonl"]
