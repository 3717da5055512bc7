"""A rebuild stopped by a full disk says that a rebuild starts again and needs room for a
second index, and leaves no folder of its own behind (s16 audit, D6, D7, D8).

It said "it goes on from where this one stopped" (a rebuild does not); with no inode for its
first file it ended in a traceback and left an empty `data-*` folder for good; stopped at the
switch of `live` it left a whole second copy of the index on the full disk.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
from pathlib import Path

import pytest

from pqsearch import api, temporary
from pqsearch.errors import DiskFullError
from tests.conftest import SHIPPED_CORPUS, run_pqsearch
from tests.full_disk import needs_own_mounts, run_on_tmpfs


def _data_folders(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith("data-"))


@needs_own_mounts
@pytest.mark.parametrize("room", ["no-inode", "400-kB"])
def test_a_rebuild_on_a_full_disk_says_so_and_leaves_no_folder(
    corpus_index: Path, tmp_path: Path, room: str
) -> None:
    fill = "fill_inodes_to 1" if room == "no-inode" else "fill_to 400"
    done = run_on_tmpfs(
        tmp_path / "mount",
        f"""
cp -a {corpus_index} "$M/idx"
$PQ search logement --index "$M/idx" > {tmp_path}/before.txt
{fill}
$PQ ingest {SHIPPED_CORPUS} --rebuild --index "$M/idx" --jobs 1 --quiet 2> {tmp_path}/err.txt
echo "status $?"
$PQ search logement --index "$M/idx" > {tmp_path}/after.txt
echo "live $(readlink "$M/idx/live")"
echo "folder:" $(ls -A "$M/idx")
""",
    )
    assert done.returncode == 0, done.stderr
    error = (tmp_path / "err.txt").read_text(encoding="utf-8")
    assert "status 2" in done.stdout, error
    assert "Traceback" not in error
    assert "The rebuild stopped" in error and "starts again from the beginning" in error
    assert "goes on from where" not in error
    assert re.search(r"about \d[\d,.]* MB, the size of the index", error), error
    live = re.search(r"^live (\S+)$", done.stdout, re.MULTILINE)
    assert live is not None, done.stdout
    folder = done.stdout.split("folder:")[1].split()
    left = [n for n in folder if n.startswith("data-") or n.endswith(".tmp")]
    assert left == [live.group(1)]
    after = (tmp_path / "after.txt").read_text(encoding="utf-8")
    assert after == (tmp_path / "before.txt").read_text(encoding="utf-8") and after


def test_a_rebuild_under_a_file_size_limit_says_it_starts_again(
    corpus_index: Path, tmp_path: Path
) -> None:
    root = tmp_path / "index"
    shutil.copytree(corpus_index, root, symlinks=True)
    before = _data_folders(root)
    rebuild = ["ingest", str(SHIPPED_CORPUS), "--rebuild", "--index", str(root), "--jobs", "1"]
    done = run_pqsearch(*rebuild, "--quiet", file_size_limit=60_000)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "ulimit -f" in done.stderr
    assert "starts again from the beginning" in done.stderr
    assert "goes on from where" not in done.stderr
    assert _data_folders(root) == before


def test_a_rebuild_refused_at_the_switch_of_live_is_removed(
    corpus_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The switch's temporary link refused as on a file system with no inode left then (a
    real full disk does not strike there reliably: a rebuild holds most files before it);
    every other step runs for real."""
    root = tmp_path / "index"
    shutil.copytree(corpus_index, root, symlinks=True)
    live = os.readlink(root / "live")
    with api.open_index(root) as opened:
        expected = opened.search("logement").hits
    real = temporary.symlink

    def no_inode_for_live(target: str, path: Path) -> Path:
        if path.name == "live":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(target, path)

    monkeypatch.setattr(temporary, "symlink", no_inode_for_live)
    with pytest.raises(DiskFullError, match="starts again from the beginning"):
        api.ingest([SHIPPED_CORPUS], index_dir=root, rebuild=True, jobs=1)
    assert os.readlink(root / "live") == live
    assert _data_folders(root) == [live]
    assert [p.name for p in root.iterdir() if p.name.endswith(".tmp")] == []
    with api.open_index(root) as opened:
        assert opened.search("logement").hits == expected
