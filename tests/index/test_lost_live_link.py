"""A lost `live` link is damage to repair, never "no index" (audit 9, finding 2).

An index folder copied by a tool that skips symbolic links (`rsync -r` without `-l`) keeps its
data folder but loses `live`. Search said "No index ... Run pqsearch ingest", and the ingest it
recommended deleted the data folder as an orphan: with only some of the sources at hand, the
index went from every document to those few.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from pqsearch.index import store
from tests.conftest import BRUSSELS_HTML

PAGES = ("169976.html", "169978.html", "170229.html")


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    """An index of three pages, and a folder holding only the first of their sources."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in PAGES:
        shutil.copyfile(BRUSSELS_HTML / name, corpus / name)
    root = tmp_path / "idx"
    api.ingest([corpus], index_dir=root)
    remaining = tmp_path / "remaining"
    remaining.mkdir()
    shutil.copyfile(corpus / PAGES[0], remaining / PAGES[0])
    return root, remaining


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.mark.parametrize("loss", ["missing", "dangling"])
def test_a_lost_live_link_is_relinked_and_no_document_is_lost(
    built: tuple[Path, Path], loss: str
) -> None:
    root, remaining = built
    data = store.live_data_dir(root)
    assert data is not None
    (root / store.LIVE).unlink()
    if loss == "dangling":
        (root / store.LIVE).symlink_to("data-1")
    code, output = _cli("search", "", "--index", str(root))
    assert code != 0
    assert "No index" not in output
    assert str(data) in output and "ln -sfn" in output
    code, output = _cli("ingest", str(remaining), "--index", str(root), "-q")
    assert code == 0, output
    assert f"relinked it to {data}" in output
    assert data.is_dir()
    with api.open_index(root) as index:
        assert index.document_count == len(PAGES)


def test_with_several_indexed_data_folders_none_is_chosen_nor_deleted(
    built: tuple[Path, Path],
) -> None:
    root, remaining = built
    data = store.live_data_dir(root)
    assert data is not None
    # A second finished index beside it, e.g. a rebuild killed just before its switch.
    other = root / f"data-{int(data.name.removeprefix('data-')) + 1}"
    shutil.copytree(data, other)
    (root / store.LIVE).unlink()
    code, output = _cli("ingest", str(remaining), "--index", str(root), "-q")
    assert code != 0
    assert "several data folders" in output and str(data) in output and str(other) in output
    assert data.is_dir() and other.is_dir()
    assert not (root / store.LIVE).is_symlink()


def test_a_finished_index_newer_than_live_is_kept(built: tuple[Path, Path]) -> None:
    root, remaining = built
    data = store.live_data_dir(root)
    assert data is not None
    # `live` repointed by hand to an older copy: the newer finished index is not an orphan.
    older = root / f"data-{int(data.name.removeprefix('data-')) - 1}"
    shutil.copytree(data, older)
    (root / store.LIVE).unlink()
    (root / store.LIVE).symlink_to(older.name)
    code, output = _cli("ingest", str(remaining), "--index", str(root), "-q")
    assert code == 0, output
    assert data.is_dir() and f"kept {data}" in output


def test_an_unfinished_rebuild_is_still_cleaned_up(built: tuple[Path, Path]) -> None:
    root, remaining = built
    # What a rebuild killed before its end leaves: a newer folder with no lexicon checksum.
    unfinished = store.new_data_dir(root)
    code, output = _cli("ingest", str(remaining), "--index", str(root), "-q")
    assert code == 0, output
    assert not unfinished.exists()
