"""A harvest whose pages or manifest the disk refuses, or whose folder cannot be written, is
a message that names the folder and what to do, not a traceback; what was fetched before is
kept, and the next run goes on (s16 audit, D2 and D3)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, run_pqsearch
from tests.fetch.replay import Replay, Site
from tests.full_disk import needs_own_mounts, run_on_tmpfs
from tests.permissions import bound_by_permissions

FAST = ["--delay", "0", "--timeout", "2", "--quiet", "--language", "fr"]


def _held(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in ("manifest.ndjson", ".fetch.lock")
    }


def test_a_harvest_under_a_file_size_limit_says_so_and_keeps_its_pages(tmp_path: Path) -> None:
    folder = tmp_path / "harvest"
    with Replay(Site.replay()) as replay:
        fetch = ["fetch", "--base-url", replay.url, "--folder", str(folder), *FAST]
        first = run_pqsearch(*fetch, "--max-pages", "4")
        assert first.returncode in (0, 1) and "Traceback" not in first.stderr, first.stderr
        before = _held(folder)
        assert before
        done = run_pqsearch(*fetch, file_size_limit=2_000)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"Cannot write in the harvest folder {folder}" in done.stderr
    assert "ulimit -f" in done.stderr and "goes on where it stopped" in done.stderr
    after = _held(folder)
    assert {name: after.get(name) for name in before} == before


def test_a_harvest_folder_that_cannot_be_written_is_said(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with Replay(Site.replay()) as replay:
            for folder in (locked, locked / "new"):
                command = [sys.executable, "-m", "pqsearch.cli", "fetch", "--base-url"]
                done = subprocess.run(
                    bound_by_permissions([*command, replay.url, "--folder", str(folder), *FAST]),
                    capture_output=True,
                    text=True,
                    env={**os.environ, "PYTHONPATH": str(REPO)},
                    timeout=600,
                    check=False,
                )
                assert done.returncode == 2, done.stderr
                assert "Traceback" not in done.stderr
                assert f"The harvest folder {folder} cannot be written" in done.stderr
                assert "pass --folder with a folder you can write" in done.stderr
    finally:
        locked.chmod(0o755)
    assert list(locked.iterdir()) == []


@needs_own_mounts
def test_a_harvest_on_a_full_and_on_a_read_only_disk_says_so(tmp_path: Path) -> None:
    with Replay(Site.replay()) as replay:
        fetch = f"$PQ fetch --base-url {replay.url} {' '.join(FAST)}"
        done = run_on_tmpfs(
            tmp_path / "mount",
            f"""
held() {{ (cd "$M/h" && find . -type f ! -name manifest.ndjson ! -name .fetch.lock | sort |
    xargs sha256sum); }}
{fetch} --folder "$M/h" --max-pages 4 > /dev/null 2>&1
held > {tmp_path}/before.txt
fill_to 0
{fetch} --folder "$M/h" 2> {tmp_path}/full.txt
echo "full $?"
held > {tmp_path}/after.txt
mount -o remount,ro "$M"
{fetch} --folder "$M/h" 2> {tmp_path}/ro.txt
echo "ro $?"
{fetch} --folder "$M/new" 2> {tmp_path}/ro-new.txt
echo "ro-new $?"
""",
        )
    assert done.returncode == 0, done.stderr
    for name in ("full", "ro", "ro-new"):
        assert f"{name} 2" in done.stdout.split("\n"), (done.stdout, name)
        said = (tmp_path / f"{name}.txt").read_text(encoding="utf-8")
        assert "Traceback" not in said, said
    full = (tmp_path / "full.txt").read_text(encoding="utf-8")
    assert "is full" in full and "goes on where it stopped" in full
    held = (tmp_path / "before.txt").read_text()
    assert held and (tmp_path / "after.txt").read_text() == held
    for name in ("ro", "ro-new"):
        said = (tmp_path / f"{name}.txt").read_text(encoding="utf-8")
        assert "cannot be written (Read-only file system" in said, said


def test_a_harvest_whose_subfolder_cannot_be_written_names_it_and_resumes(
    tmp_path: Path,
) -> None:
    """Not a temporary file's name and "pass --folder" (which throws the resumable harvest
    away): the subfolder, its permissions, and the same command again (review 16, W6)."""
    folder = tmp_path / "harvest"
    with Replay(Site.replay()) as replay:
        fetch = [sys.executable, "-m", "pqsearch.cli", "fetch", "--base-url", replay.url]
        fetch += ["--folder", str(folder), *FAST]
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        first = subprocess.run([*fetch, "--max-pages", "4"], capture_output=True, env=env)
        assert first.returncode in (0, 1), first.stderr
        before = _held(folder)
        pages = folder / "fr"
        assert any(name.startswith("fr/") for name in before), before
        pages.chmod(0o555)
        try:
            done = subprocess.run(
                bound_by_permissions(fetch),
                capture_output=True,
                text=True,
                env=env,
                timeout=600,
                check=False,
            )
        finally:
            pages.chmod(0o755)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr and ".tmp" not in done.stderr
        assert f"{pages}, in the harvest folder {folder}, cannot be written" in done.stderr
        assert f"write permission on {pages}" in done.stderr
        assert "run the same command again" in done.stderr and "--folder" not in done.stderr
        assert {name: _held(folder).get(name) for name in before} == before
        # As said: the same command, once the folder is writable, goes on.
        again = subprocess.run(fetch, capture_output=True, text=True, env=env, timeout=600)
    assert again.returncode in (0, 1) and "Traceback" not in again.stderr, again.stderr
    assert len(_held(folder)) > len(before)
