"""`pqsearch ingest` of files and folders none of which exists (a typo, a share not mounted)
says so at once (session 19): it loaded spaCy (about 19 s), made an empty index and then
reported "1 failed: no such file or folder". Now: exit 2, the paths named, spaCy never
loaded, and no index folder made, nor anything changed in an existing one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, run_pqsearch
from tests.permissions import bound_by_permissions

# The CLI run in a process of its own, which then says whether spaCy was imported.
_CLI_THEN_SPACY = """
import sys
from typer.testing import CliRunner
from pqsearch.cli import app
done = CliRunner().invoke(app, sys.argv[1:])
print(done.exit_code, "spacy" in sys.modules)
print(done.output)
"""


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.lstat().st_size, p.lstat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
    }


def test_a_missing_folder_is_said_at_once_and_no_index_is_made(tmp_path: Path) -> None:
    done = run_pqsearch("ingest", "corpsu", "notes.html", cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "No such file or folder: corpsu, notes.html." in done.stderr
    assert "pqsearch ingest FOLDER" in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_spacy_is_not_loaded_for_a_missing_folder(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CLI_THEN_SPACY, "ingest", "gone", "--index", "ix"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        timeout=600,
        check=True,
    )
    assert done.stdout.splitlines()[0] == "2 False", done.stdout
    assert "No such file or folder: gone." in done.stdout
    assert list(tmp_path.iterdir()) == []


def test_an_existing_index_is_left_as_it_was(corpus_index: Path, tmp_path: Path) -> None:
    before = _tree(corpus_index)
    done = run_pqsearch("ingest", str(tmp_path / "gone"), "--index", str(corpus_index))
    assert done.returncode == 2
    assert f"No such file or folder: {tmp_path / 'gone'}." in done.stderr
    assert _tree(corpus_index) == before


def test_a_folder_that_cannot_be_entered_is_not_called_missing(tmp_path: Path) -> None:
    # `os.path.lexists` is False for a path under a folder one may not enter: it was refused
    # as "No such file or folder ... Check the path" (review P, I1). The walk says what it is.
    locked = tmp_path / "locked"
    (locked / "corpus").mkdir(parents=True)
    (locked / "corpus" / "question.txt").write_text("logement\n", encoding="utf-8")
    locked.chmod(0o600)
    try:
        done = subprocess.run(
            bound_by_permissions(
                [sys.executable, "-m", "pqsearch.cli", "ingest", "locked/corpus", "--index", "ix"]
            ),
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
            timeout=600,
        )
    finally:
        locked.chmod(0o700)
    said = done.stdout + done.stderr
    assert "No such file or folder" not in said, said
    assert "cannot be read: Permission denied" in said, said
    assert "Traceback" not in said


def test_missing_paths_among_others_are_said_before_the_others_are_read(tmp_path: Path) -> None:
    # s20: when some named paths exist, the missing ones were said only in the final report,
    # after minutes of reading the others (and a missing "x.html" as "cannot read the file").
    from pqsearch import IngestProgress, api
    from tests.conftest import BRUSSELS_HTML

    shutil.copy(BRUSSELS_HTML / "170229.html", tmp_path)
    named = [tmp_path / "170229.html", tmp_path / "gone.html", tmp_path / "gone"]
    seen: list[IngestProgress] = []
    report = api.ingest(named, index_dir=tmp_path / "ix", progress=seen.append)
    first = seen[0]
    assert first.missing == (str(tmp_path / "gone.html"), str(tmp_path / "gone"))
    assert (first.files_total, first.files_done, first.documents) == (1, 0, 0)
    assert report.added == ("170229",)
    assert {(f.source, f.reason) for f in report.failed} == {
        (str(tmp_path / "gone.html"), "no such file or folder"),
        (str(tmp_path / "gone"), "no such file or folder"),
    }
    # The CLI says them first, --quiet too; the exit code stays 1 for them.
    done = run_pqsearch("ingest", "170229.html", "gone.html", "--index", "ix", "-q", cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr.splitlines()[0] == (
        "Warning: no such file or folder: gone.html. Reading the others; these are counted as "
        "failed at the end."
    )
    assert "failed: gone.html: no such file or folder" in done.stdout
