"""A write that the disk or the folder refuses is a message that names the place and what to
do, for the ingest's lock and the saved searches as for the rest of an ingest (s16 audit, D1,
D4): not a traceback from the lock file on a full disk, nor "the folder must be writable"
for a folder that is writable on a disk that is full.

A file-size limit cannot stand for the full disk of the saved searches: reading the lexicon
to check the query needs SQLite's 32 KiB shared-memory file first, and is refused first."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import TEST_DATA, run_pqsearch
from tests.full_disk import needs_own_mounts, run_on_tmpfs

PROBE = TEST_DATA / "brussels_probe"


def test_an_ingest_whose_lock_file_cannot_grow_says_so(corpus_index: Path, tmp_path: Path) -> None:
    root = tmp_path / "index"
    shutil.copytree(corpus_index, root, symlinks=True)
    before = run_pqsearch("search", "logement", "--index", str(root)).stdout
    # Not one byte may be written: the lock file's "pid=..." is the first write of an ingest.
    done = run_pqsearch("ingest", str(PROBE), "--index", str(root), "--quiet", file_size_limit=0)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"Cannot write in the index at {root}" in done.stderr and "ulimit -f" in done.stderr
    assert "as its last commit left it" in done.stderr
    assert run_pqsearch("search", "logement", "--index", str(root)).stdout == before


@needs_own_mounts
def test_an_ingest_and_saved_searches_on_a_full_disk_say_the_disk_is_full(
    corpus_index: Path, tmp_path: Path
) -> None:
    done = run_on_tmpfs(
        tmp_path / "mount",
        f"""
cp -a {corpus_index} "$M/idx"
$PQ search logement --index "$M/idx" > {tmp_path}/before.txt
$PQ watch add loyers logement --index "$M/idx" > /dev/null
cp "$M/idx/watches.json" {tmp_path}/watches-before.json
fill_to 0
$PQ ingest {PROBE} --index "$M/idx" --jobs 1 --quiet 2> {tmp_path}/ingest.txt
echo "ingest $?"
$PQ watch add bruit bruit --index "$M/idx" 2> {tmp_path}/watch.txt
echo "watch $?"
$PQ search logement --index "$M/idx" > {tmp_path}/after.txt
cp "$M/idx/watches.json" {tmp_path}/watches-after.json
""",
    )
    assert done.returncode == 0, done.stderr
    assert "ingest 2" in done.stdout and "watch 2" in done.stdout, done.stdout
    ingest = (tmp_path / "ingest.txt").read_text(encoding="utf-8")
    assert "Traceback" not in ingest and "is full" in ingest and "Free some space" in ingest
    watch = (tmp_path / "watch.txt").read_text(encoding="utf-8")
    assert "Traceback" not in watch and "must be writable" not in watch
    assert "is full" in watch and "Free some space" in watch
    after = (tmp_path / "after.txt").read_text(encoding="utf-8")
    assert after == (tmp_path / "before.txt").read_text(encoding="utf-8") and after
    kept = (tmp_path / "watches-after.json").read_bytes()
    assert kept == (tmp_path / "watches-before.json").read_bytes()
