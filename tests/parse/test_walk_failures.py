"""What the walk says of a path it cannot go into (audit of session 12, P6).

A folder of the corpus that is a link to a disk not mounted was "not a document: pqsearch
reads .html, ..." (skipped), and `--prune` then removed every document under it. A path it
cannot enter is a failure naming it and the reason; an editor's lock link (`.#name`, which
dangles by design) stays a skipped hidden file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from pqsearch.models import FileFailure, SkippedFile
from pqsearch.parse.walk import iter_files
from tests.conftest import BRUSSELS_RECORDS, REPO
from tests.permissions import bound_by_permissions


def _records(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "r.jsonl").write_bytes(BRUSSELS_RECORDS.read_bytes().splitlines(True)[0])
    return folder


def test_a_link_to_a_missing_folder_is_a_failure_naming_its_target(tmp_path: Path) -> None:
    corpus = _records(tmp_path / "corpus")
    disk = _records(tmp_path / "disk" / "arch")
    (corpus / "arch").symlink_to(disk, target_is_directory=True)
    (corpus / ".#r.jsonl").symlink_to("me@host.4242:1701000000")  # an Emacs lock
    disk.parent.rename(tmp_path / "unmounted")
    for given in (corpus, corpus / "arch"):
        failures = [item for item in iter_files([given]) if isinstance(item, FileFailure)]
        assert failures == [
            FileFailure(
                str(corpus / "arch"),
                f"a symbolic link to {disk}, which is missing: mount the disk or share it "
                "points to, or mend the link",
            )
        ]
    skipped = [item for item in iter_files([corpus]) if isinstance(item, SkippedFile)]
    assert skipped == [SkippedFile(str(corpus / ".#r.jsonl"), "a hidden file, not a document")]


def test_a_link_loop_given_is_a_failure_that_says_so(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    (failure,) = iter_files([loop])
    assert isinstance(failure, FileFailure)
    assert failure.reason == "cannot be read: Too many levels of symbolic links"


def test_a_folder_that_goes_away_during_the_walk_is_a_failure(tmp_path: Path) -> None:
    first, second = _records(tmp_path / "a"), _records(tmp_path / "b")
    walk = iter_files([tmp_path])
    assert next(walk) == first / "r.jsonl"
    shutil.rmtree(second)  # moved or deleted while the walk was in the first folder
    assert list(walk) == [
        FileFailure(str(second), "the folder went away during the walk (moved or deleted)")
    ]


def test_a_path_in_a_folder_that_cannot_be_read_is_a_failure_not_a_traceback(
    tmp_path: Path,
) -> None:
    """As a user whom permissions bind (root's override is dropped from its capabilities)."""
    private = _records(tmp_path / "private")
    private.chmod(0)
    script = (
        "import sys\n"
        "from pqsearch.parse.walk import iter_files\n"
        "for item in iter_files(sys.argv[1:]):\n"
        "    print(type(item).__name__, item.source, item.reason)\n"
    )
    try:
        done = subprocess.run(
            bound_by_permissions([sys.executable, "-c", script, str(private / "r.jsonl")]),
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
    finally:
        private.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"FileFailure {private / 'r.jsonl'} cannot be read: Permission denied"
    ]


def test_a_stale_shortcut_to_a_file_that_is_not_a_document_is_skipped(tmp_path: Path) -> None:
    """A dangling `scan.pdf` link is no folder of documents: a skip as when it was there, not a
    failure that would make every run exit 1 (review of session 12); `docs.2023`, a name a
    folder may have, still fails."""
    corpus = _records(tmp_path / "corpus")
    (corpus / "scan.pdf").symlink_to(tmp_path / "gone" / "scan.pdf")
    (corpus / "notes.docx").symlink_to(tmp_path / "gone" / "notes.docx")
    (corpus / "docs.2023").symlink_to(tmp_path / "gone" / "docs.2023")
    items = list(iter_files([corpus]))
    assert [i.source for i in items if isinstance(i, SkippedFile)] == [
        str(corpus / "notes.docx"),
        str(corpus / "scan.pdf"),
    ]
    assert [i.source for i in items if isinstance(i, FileFailure)] == [str(corpus / "docs.2023")]
