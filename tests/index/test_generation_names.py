"""What a commit changes, as a reader checks it before and after opening (`store._generation`):
the live folder and the names of its tables of contents, read without `Path.glob` (whose
pattern costs a search at the terminal a regular expression) and the same as it found."""

from __future__ import annotations

import os
from pathlib import Path

from pqsearch.index import store
from pqsearch.index.folders import LIVE


def _as_glob_found(root: Path) -> tuple[str, frozenset[str]]:
    target = os.readlink(root / LIVE)
    return target, frozenset(p.name for p in (root / target).glob("*.toc"))


def test_the_tables_of_contents_are_those_glob_finds(tmp_path: Path) -> None:
    data = tmp_path / "data-1"
    data.mkdir()
    for name in ("_MAIN_3.toc", "_MAIN_4.toc", ".hidden.toc", "MAIN_x.seg", "toc", "a.toc.tmp"):
        (data / name).write_bytes(b"")
    (data / "folder.toc").mkdir()
    (tmp_path / LIVE).symlink_to("data-1")
    found = store._generation(tmp_path)
    assert found == _as_glob_found(tmp_path)
    assert found[1] == {"_MAIN_3.toc", "_MAIN_4.toc", ".hidden.toc", "folder.toc"}


def test_a_live_link_to_a_missing_folder_has_no_tables(tmp_path: Path) -> None:
    (tmp_path / LIVE).symlink_to("data-gone")
    assert store._generation(tmp_path) == ("data-gone", frozenset())
    assert store._generation(tmp_path) == _as_glob_found(tmp_path)


def test_no_live_link_is_no_generation(tmp_path: Path) -> None:
    assert store._generation(tmp_path) == ("", frozenset())
