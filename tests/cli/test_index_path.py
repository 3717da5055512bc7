"""`~` in an index path is the user's home, wherever the product takes one (audit 9, minor
note): a quoted `--index '~/idx'`, `index_dir="~/idx"` in the API, and `serve --index`
made or looked for a folder literally named `~` in the current folder."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pqsearch import api
from tests.conftest import BRUSSELS_HTML, run_pqsearch

PAGES = ("169976.html", "169978.html")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of its own, and a current folder apart from it (holding the pages)."""
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    (work / "pages").mkdir(parents=True)
    for name in PAGES:
        shutil.copyfile(BRUSSELS_HTML / name, work / "pages" / name)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    return home


def _pqsearch(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI run in the current folder (the test's `work`), where `~` must not be made."""
    return run_pqsearch(*args, cwd=None)


def test_a_quoted_tilde_in_the_cli_is_the_home_folder(home: Path) -> None:
    ran = _pqsearch("ingest", "pages", "--index", "~/idx", "-q")
    assert ran.returncode == 0, ran.stderr
    assert (home / "idx" / "live").is_symlink()
    assert not Path("~").exists()
    ran = _pqsearch("search", "", "--index", "~/idx")
    assert ran.stdout.startswith(f"{len(PAGES)} documents"), ran.stderr
    ran = _pqsearch("serve", "--index", "~/none", "--port", "1")
    assert ran.returncode == 2
    assert ran.stderr.startswith(f"Error: No index at {home / 'none'}.")


def test_a_tilde_in_the_api_is_the_home_folder(home: Path) -> None:
    report = api.ingest(["pages"], index_dir="~/idx")
    assert len(report.added) == len(PAGES)
    assert (home / "idx" / "live").is_symlink()
    assert not Path("~").exists()
    with api.open_index("~/idx") as index:
        assert index.document_count == len(PAGES)
