"""Ingest never deletes nor changes what is not its own (issue 12, point 2).

With `--index` at a folder of the user's, ingest deleted a `data-old/` in it, a `live/`
folder, the target of a `live` link to an absolute path, and with `live -> ..` the index's
parent. Each case below snapshots every entry around the index (type, mtime, contents) and
checks that none changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from pqsearch.errors import NotAnIndexFolderError
from pqsearch.index import ownership, store
from tests.conftest import BRUSSELS_HTML

PAGES = ("169976.html", "169978.html")

Snapshot = dict[str, tuple[str, int, str]]


def snapshot(top: Path, *, skip: Path | None = None) -> Snapshot:
    """Every entry under `top` (links not followed), but `skip` and what is in it."""
    found: Snapshot = {}
    for folder, dirs, files in os.walk(top):
        here = Path(folder)
        if skip is not None and here == skip:
            dirs.clear()
            continue
        info = here.lstat()
        found[str(here)] = ("dir", info.st_mtime_ns, "")
        for name in files + [d for d in dirs if (here / d).is_symlink()]:
            path = here / name
            if skip is not None and path == skip:
                continue
            info = path.lstat()
            if path.is_symlink():
                found[str(path)] = ("link", info.st_mtime_ns, os.readlink(path))
            else:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                found[str(path)] = ("file", info.st_mtime_ns, digest)
    return found


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in PAGES:
        shutil.copyfile(BRUSSELS_HTML / name, folder / name)
    return folder


def _ingest(corpus: Path, root: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--index", str(root), "-q", *options])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _user_folder(parent: Path) -> Path:
    folder = parent / "mine"
    (folder / "data-old").mkdir(parents=True)
    (folder / "data-old" / "thesis.tex").write_text("\\chapter{Un}\n")
    (folder / "live").mkdir()
    (folder / "live" / "photo.jpg").write_bytes(b"\xff\xd8\xff" + b"\0" * 100)
    (folder / "notes.txt").write_text("à garder\n")
    return folder


@pytest.mark.parametrize("options", [(), ("--rebuild",), ("--prune",)])
def test_a_folder_of_the_users_is_neither_written_nor_deleted(
    tmp_path: Path, corpus: Path, options: tuple[str, ...]
) -> None:
    parent = tmp_path / "home"
    folder = _user_folder(parent)
    before = snapshot(parent)
    code, output = _ingest(corpus, folder, *options)
    assert code == 2
    assert "not a pqsearch index folder" in output
    assert "--index" in output
    assert snapshot(parent) == before


def test_a_live_folder_alone_is_not_taken_for_an_index(tmp_path: Path, corpus: Path) -> None:
    folder = tmp_path / "mine"
    (folder / "live").mkdir(parents=True)
    (folder / "live" / "photo.jpg").write_bytes(b"\xff\xd8")
    before = snapshot(tmp_path, skip=corpus)
    code, output = _ingest(corpus, folder, "--rebuild")
    assert code == 2 and "live" in output
    assert snapshot(tmp_path, skip=corpus) == before


def _built(parent: Path, corpus: Path) -> Path:
    root = parent / "index"
    api.ingest([corpus], index_dir=root)
    return root


def test_a_rebuild_never_deletes_where_an_absolute_live_link_points(
    tmp_path: Path, corpus: Path
) -> None:
    parent = tmp_path / "home"
    root = _built(parent, corpus)
    # The index's data moved to another disk, `live` now an absolute link to it.
    data = store.live_data_dir(root)
    assert data is not None
    other_disk = parent / "disk2"
    other_disk.mkdir()
    moved = other_disk / data.name
    shutil.move(data, moved)
    (root / store.LIVE).unlink()
    (root / store.LIVE).symlink_to(moved.resolve())
    with api.open_index(root) as index:
        assert index.search("").total == len(PAGES)
    before = snapshot(parent, skip=root)
    code, output = _ingest(corpus, root, "--rebuild")
    assert code == 0, output
    assert snapshot(parent, skip=root) == before
    with api.open_index(root) as index:
        assert index.search("").total == len(PAGES)


def test_a_live_link_to_the_parent_folder_deletes_nothing(tmp_path: Path, corpus: Path) -> None:
    parent = tmp_path / "home"
    root = _built(parent, corpus)
    (parent / "dossier").mkdir()
    (parent / "dossier" / "lettre.odt").write_bytes(b"PK\x03\x04")
    (root / store.LIVE).unlink()
    (root / store.LIVE).symlink_to("..")
    before = snapshot(parent, skip=root)
    code, output = _ingest(corpus, root)
    assert code == 2 and "--rebuild" in output
    code, output = _ingest(corpus, root, "--rebuild")
    assert code == 0, output
    assert snapshot(parent, skip=root) == before
    with api.open_index(root) as index:
        assert index.search("").total == len(PAGES)


def test_only_the_data_folders_the_index_made_are_cleaned_up(tmp_path: Path, corpus: Path) -> None:
    root = _built(tmp_path, corpus)
    # Folders named like pqsearch's, but not made by this index: a user's copy, another
    # index's data folder, and a link to a folder elsewhere.
    (root / "data-1").mkdir()
    (root / "data-1" / "copie.txt").write_text("copie\n")
    live = store.live_data_dir(root)
    assert live is not None
    shutil.copytree(live, tmp_path / "other")
    (tmp_path / "other" / ownership.DATA_MARKER).write_text("pqsearch data someone-else\n")
    shutil.copytree(tmp_path / "other", root / "data-2")
    (root / "data-3").symlink_to(tmp_path / "other")
    # An orphan this index made (an interrupted rebuild's): it goes.
    orphan = store.new_data_dir(root)
    before = snapshot(tmp_path, skip=live)
    code, output = _ingest(corpus, root, "--rebuild")
    assert code == 0, output
    after = snapshot(tmp_path)
    changing = {root, root / store.LIVE, root / store.LOCK_FILE, live, orphan}
    kept = {
        k: v for k, v in before.items() if Path(k) not in changing and orphan not in Path(k).parents
    }
    assert {k: after.get(k) for k in kept} == kept
    assert not orphan.exists() and not live.exists()


def test_an_index_from_before_markers_is_adopted(tmp_path: Path, corpus: Path) -> None:
    root = _built(tmp_path, corpus)
    (root / ownership.MARKER).unlink()
    for data in root.glob("data-*"):
        (data / ownership.DATA_MARKER).unlink()
    code, output = _ingest(corpus, root, "--rebuild")
    assert code == 0, output
    assert ownership.index_id(root) is not None
    assert len(list(root.glob("data-*"))) == 1


def test_an_index_from_before_markers_with_saved_searches_is_adopted(
    tmp_path: Path, corpus: Path
) -> None:
    """`watches.json` and the `watches.lock` its changes hold are pqsearch's own names."""
    from pqsearch import watch

    root = _built(tmp_path, corpus)
    with api.open_index(root) as opened:
        watch.add_watch(opened, "logement", "logement")
    (root / ownership.MARKER).unlink()
    for data in root.glob("data-*"):
        (data / ownership.DATA_MARKER).unlink()
    assert (root / watch.LOCK_FILE).exists()
    code, output = _ingest(corpus, root, "--rebuild")
    assert code == 0, output
    with api.open_index(root) as opened:
        assert [w.name for w in watch.list_watches(opened)] == ["logement"]


def test_the_repositorys_own_index_folder_is_taken_as_empty(tmp_path: Path, corpus: Path) -> None:
    # The README's main command ingests into the repository's `index/`, which git keeps with a
    # `.gitkeep`: that folder is the index's, and the placeholder stays.
    root = tmp_path / "index"
    root.mkdir()
    (root / ".gitkeep").write_text("")
    report = api.ingest([corpus], index_dir=root)
    assert report.added and not report.failed
    assert (root / ".gitkeep").read_text() == ""
    api.ingest([corpus], index_dir=root, rebuild=True)
    assert (root / ".gitkeep").exists()
    with api.open_index(root) as index:
        assert index.document_count == len(report.added)


def test_a_folder_with_a_placeholder_and_a_users_file_is_still_refused(
    tmp_path: Path, corpus: Path
) -> None:
    root = tmp_path / "index"
    root.mkdir()
    (root / ".gitkeep").write_text("")
    (root / "notes.txt").write_text("mine")
    with pytest.raises(NotAnIndexFolderError, match=r"notes\.txt"):
        api.ingest([corpus], index_dir=root)
    assert sorted(p.name for p in root.iterdir()) == [".gitkeep", "notes.txt"]


def test_an_index_inside_the_corpus_folder_is_one_skipped_line(corpus: Path) -> None:
    # Audit 9, finding 11: the walk went into the index, and again through its `live` link,
    # listing every index file as skipped (52 lines for 3 documents).
    root = corpus / "index"
    for options in ((), (), ("--rebuild", "--prune")):
        code, output = _ingest(corpus, root, *options)
        assert code == 0, output
        skipped = [line for line in output.splitlines() if line.startswith("  skipped:")]
        assert skipped == [
            f"  skipped: {root}: a pqsearch index (it holds .pqsearch-index), not documents: "
            "not read"
        ]
    with api.open_index(root) as index:
        assert index.document_count == len(PAGES)


@pytest.mark.parametrize("marker", ["garbage", "", "pqsearch index", "flipped id"])
def test_a_damaged_marker_is_a_message_and_nothing_is_written(
    tmp_path: Path, corpus: Path, marker: str
) -> None:
    """A marker that cannot be read as "pqsearch index <id>" made ingest end in an
    AssertionError traceback (audit 9, finding 8); nothing may be written or deleted on the
    strength of it, and the message gives the marker to restore."""
    root = _built(tmp_path, corpus)
    owner = ownership.index_id(root)
    assert owner is not None
    damaged = owner[:5] + chr(ord(owner[5]) ^ 0x20) + owner[6:]
    text = f"pqsearch index {damaged}\n" if marker == "flipped id" else marker
    (root / ownership.MARKER).write_text(text)
    before = snapshot(tmp_path)
    for options in ((), ("--rebuild",)):
        code, output = _ingest(corpus, root, *options)
        assert code == 2, output
        assert f"The marker {root / ownership.MARKER}" in output
        assert f"printf 'pqsearch index {owner}\\n'" in output
        assert snapshot(tmp_path) == before
    with api.open_index(root) as index:
        assert index.search("").total == len(PAGES)
    (root / ownership.MARKER).write_text(f"pqsearch index {owner}\n")
    code, output = _ingest(corpus, root)
    assert code == 0, output
