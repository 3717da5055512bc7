"""The index names the file an ingest read each document from (audit of session 11, B1).

A record printed by `pqsearch parse` (or held in an export) names the page it was first read
from. Ingest kept that path as the document's file, so with the pages deleted and the records
kept, `--prune` of another folder deleted the documents of a JSON Lines file that was there,
and a record file with a bad line lost that line's document. A folder renamed left the same
trap: its unchanged documents kept naming the old paths.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from tests.conftest import BRUSSELS_HTML, BRUSSELS_RECORDS

runner = CliRunner()
PAGES = ("170229", "170131", "170132")


def _pages(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for moncode in PAGES:
        shutil.copyfile(BRUSSELS_HTML / f"{moncode}.html", folder / f"{moncode}.html")
    return folder


def _archive(tmp_path: Path) -> Path:
    """The pages as `pqsearch parse` prints them, in a file of their own; the pages deleted."""
    pages = _pages(tmp_path / "pages")
    printed = runner.invoke(app, ["parse", *(str(p) for p in sorted(pages.iterdir()))])
    assert printed.exit_code == 0, printed.output
    archive = tmp_path / "records" / "archive.jsonl"
    archive.parent.mkdir()
    archive.write_text(printed.stdout, encoding="utf-8")
    shutil.rmtree(pages)
    return archive


def _other(tmp_path: Path) -> Path:
    other = tmp_path / "other"
    other.mkdir()
    (other / "new.jsonl").write_bytes(BRUSSELS_RECORDS.read_bytes().splitlines(keepends=True)[0])
    return other


def _ids(root: Path) -> set[str]:
    with api.open_index(root) as index:
        return {hit.id for hit in index.search("", facets=[], limit=100).hits}


def test_prune_keeps_the_documents_of_a_record_file_it_was_not_given(tmp_path: Path) -> None:
    archive, root = _archive(tmp_path), tmp_path / "index"
    assert len(api.ingest([archive.parent], index_dir=root).added) == 3
    with api.open_index(root) as index:
        assert index.get("170229").source == str(archive.absolute())
    report = api.ingest([_other(tmp_path)], index_dir=root, prune=True)
    assert report.removed == () and len(report.added) == 1
    assert set(PAGES) <= _ids(root)


def test_a_bad_line_keeps_its_document_through_prune(tmp_path: Path) -> None:
    archive, root = _archive(tmp_path), tmp_path / "index"
    api.ingest([archive.parent], index_dir=root)
    lines = archive.read_bytes().splitlines(keepends=True)
    archive.write_bytes(lines[0] + lines[1][:40] + b"\n" + lines[2])
    report = api.ingest([archive.parent], index_dir=root, prune=True)
    assert len(report.failed) == 1 and report.removed == ()
    assert set(PAGES) <= _ids(root)


def test_documents_of_a_renamed_folder_name_their_new_files(tmp_path: Path) -> None:
    before, root = _pages(tmp_path / "before"), tmp_path / "index"
    api.ingest([before], index_dir=root)
    after = before.rename(tmp_path / "after")
    moved = api.ingest([after], index_dir=root)
    assert sorted(moved.updated) == sorted(PAGES)
    with api.open_index(root) as index:
        assert index.get("170131").source == str(after.absolute() / "170131.html")
    # Read from where they are now: unchanged from then on, and a prune elsewhere keeps them.
    assert sorted(api.ingest([after], index_dir=root).unchanged) == sorted(PAGES)
    assert api.ingest([_other(tmp_path)], index_dir=root, prune=True).removed == ()
    assert set(PAGES) <= _ids(root)


def test_prune_of_another_folder_keeps_a_version_kept_over_a_record_held_there(
    tmp_path: Path,
) -> None:
    """Review of session 11: a page deleted, its question still in the folder's records; the
    index keeps the page's version (a record may cut the answer short) and names the gone page.
    `--prune` of another folder deleted it, though the records still held the question."""
    folder = tmp_path / "brussels"
    _pages(folder / "html")
    records = [
        line
        for line in BRUSSELS_RECORDS.read_bytes().splitlines(keepends=True)
        if json.loads(line)["moncode"] in PAGES
    ]
    (folder / "records.jsonl").write_bytes(b"".join(records))
    root = tmp_path / "index"
    api.ingest([folder], index_dir=root)
    (folder / "html" / "170131.html").unlink()
    api.ingest([folder], index_dir=root)
    assert api.ingest([_other(tmp_path)], index_dir=root, prune=True).removed == ()
    assert set(PAGES) <= _ids(root)
    # Pruning the folder itself drops only what no file of it holds any more.
    (folder / "records.jsonl").write_bytes(b"".join(r for r in records if b"170131" not in r))
    assert api.ingest([folder], index_dir=root, prune=True).removed == ("170131",)


def test_a_question_taken_out_of_one_record_file_names_the_other_that_holds_it(
    tmp_path: Path,
) -> None:
    """Review of session 11: one question in two record files, taken out of the one the index
    named. The index kept naming it, and `--prune` of that file deleted the question while the
    other file held it. Either order of the two files."""
    lines = BRUSSELS_RECORDS.read_bytes().splitlines(keepends=True)[:5]
    shared = json.loads(lines[2])["moncode"]
    for first, second in (("a.jsonl", "b.jsonl"), ("b.jsonl", "a.jsonl")):
        folder, root = tmp_path / first / "records", tmp_path / first / "index"
        folder.mkdir(parents=True)
        (folder / first).write_bytes(b"".join(lines[:3]))
        (folder / second).write_bytes(b"".join(lines[2:]))
        api.ingest([folder], index_dir=root)
        with api.open_index(root) as index:
            named = Path(index.get(shared).source)
        other = folder / ({first, second} - {named.name}).pop()
        named.write_bytes(
            b"".join(
                line
                for line in named.read_bytes().splitlines(True)
                if json.loads(line)["moncode"] != shared
            )
        )
        report = api.ingest([folder], index_dir=root, prune=True)
        assert report.removed == () and shared in report.updated
        with api.open_index(root) as index:
            assert index.get(shared).source == str(other)
        assert api.ingest([named], index_dir=root, prune=True).removed == ()
        assert shared in _ids(root)
