"""Parsing files and folders: records and failures in order, never stopping."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from pqsearch.models import FileFailure, Question, SkippedFile
from pqsearch.parse import iter_parse, parse_jsonl_lines, parse_paths
from tests.conftest import BRUSSELS_RECORDS, REPO, SEED, SHIPPED_CORPUS
from tests.parse.conftest import page_path
from tests.permissions import bound_by_permissions


def test_public_surface() -> None:
    # Through importlib: the package attribute `pqsearch.parse` is also the API's function.
    assert set(importlib.import_module("pqsearch.parse").__all__) == {
        "DOCUMENT_SUFFIXES",
        "content_hash",
        "iter_parse",
        "parse_bytes",
        "parse_file",
        "parse_jsonl_lines",
        "parse_paths",
    }


def test_the_shipped_corpus_parses_without_failures() -> None:
    batch = parse_paths([SHIPPED_CORPUS])
    assert batch.failures == ()
    assert len(batch.questions) == 34 + 50 + 1
    sources = [question.source for question in batch.questions]
    assert sources == sorted(sources)
    assert {Path(source).name for source in sources} >= {"records.jsonl", SEED.name}


def _folder(tmp_path: Path) -> Path:
    """A folder of good and bad documents, notes and odd files."""
    root = tmp_path / "docs"
    (root / "sub").mkdir(parents=True)
    shutil.copy(page_path("170229"), root / "a.html")
    (root / "b.html").write_bytes(b"<html><body>nothing here</body></html>")
    (root / "c.md").write_text("notes")
    (root / "SHA256SUMS").write_text("abc  a.html\n")
    (root / ".hidden.html").write_bytes(b"\x00")
    lines = BRUSSELS_RECORDS.read_bytes().splitlines(keepends=True)
    (root / "d.jsonl").write_bytes(lines[0] + b"{broken\n" + lines[1])
    shutil.copy(SEED, root / "sub" / "e.txt")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "f.htm").symlink_to(root / "missing.html")
    (root / "g.html").symlink_to(root / "g.html")
    os.mkfifo(root / "h.html")
    return root


def test_a_folder_gives_records_and_failures_in_order(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    items = list(iter_parse([root]))
    described = [
        (
            item.id
            if isinstance(item, Question)
            else "SKIP"
            if isinstance(item, SkippedFile)
            else "FAIL",
            Path(item.source).name,
        )
        for item in items
    ]
    # Notes beside the documents (a checksum list, a Markdown note, a hidden file) are
    # skipped and listed, not failures (issue 16, point 5).
    assert described == [
        ("SKIP", ".hidden.html"),
        ("SKIP", "SHA256SUMS"),
        ("170229", "a.html"),
        ("FAIL", "b.html"),
        ("SKIP", "c.md"),
        ("170312", "d.jsonl"),
        ("FAIL", "d.jsonl:2"),
        ("170229", "d.jsonl"),
        ("FAIL", "f.htm"),
        ("FAIL", "g.html"),
        ("FAIL", "h.html"),
        ("PRB-19_24-20_21-pascal-smet-369", "e.txt"),
        ("FAIL", "loop"),
    ]
    reasons = {
        Path(item.source).name: item.reason for item in items if isinstance(item, FileFailure)
    }
    assert "not a question page" in reasons["b.html"]
    assert "not a JSON record" in reasons["d.jsonl:2"]
    missing = f"a symbolic link to {root / 'missing.html'}, which is missing"
    assert reasons["f.htm"].startswith(missing)
    assert "symbolic links" in reasons["g.html"]
    assert "not a regular file" in reasons["h.html"]
    assert "symlink loop" in reasons["loop"]


def test_parse_paths_collects_the_same(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    batch = parse_paths([root])
    items = list(iter_parse([root]))
    assert batch.questions == tuple(item for item in items if isinstance(item, Question))
    assert batch.failures == tuple(item for item in items if isinstance(item, FileFailure))
    assert batch.skipped == tuple(item for item in items if isinstance(item, SkippedFile))
    assert len(batch.skipped) == 3


def test_named_files_that_are_not_documents_or_missing_are_failures(tmp_path: Path) -> None:
    notes = tmp_path / "notes.pdf"
    notes.write_text("# hello")
    items = list(iter_parse([notes, tmp_path / "nope.html", str(SEED)]))
    assert isinstance(items[0], FileFailure)
    assert items[0].reason.startswith("not a document")
    assert isinstance(items[1], FileFailure)
    assert items[1].source == str(tmp_path / "nope.html")
    assert isinstance(items[2], Question)


def test_files_are_read_one_at_a_time(tmp_path: Path) -> None:
    shutil.copy(page_path("170229"), tmp_path / "1.html")
    shutil.copy(page_path("170245"), tmp_path / "2.html")
    items = iter_parse([tmp_path])
    first = next(items)
    assert isinstance(first, Question)
    # Had the walk read ahead, this change would not show.
    shutil.copy(page_path("170312"), tmp_path / "2.html")
    second = next(items)
    assert isinstance(second, Question)
    assert second.id == "170312"


def test_json_lines_are_read_line_by_line() -> None:
    lines = BRUSSELS_RECORDS.read_bytes().splitlines()

    def feed() -> Iterator[bytes]:
        yield lines[0]
        raise AssertionError("read past the first record")

    first = next(parse_jsonl_lines(feed(), source="r.jsonl"))
    assert isinstance(first, Question)
    assert first.id == "170312"


def test_unreadable_file_is_a_failure(tmp_path: Path) -> None:
    # A link to a file that is gone cannot be read by anyone, root included (CI runs as root,
    # for whom a chmod 0 file stays readable).
    path = tmp_path / "gone.html"
    path.symlink_to(tmp_path / "moved-away.html")
    (failure,) = iter_parse([path])
    assert isinstance(failure, FileFailure)
    assert failure.source == str(path)
    missing = f"a symbolic link to {tmp_path / 'moved-away.html'}, which is missing"
    assert failure.reason.startswith(missing)


def test_a_file_without_read_permission_is_a_failure_for_a_user(tmp_path: Path) -> None:
    """Parsed in a process that permissions bind: as root (CI), the capabilities that let root
    read any file are dropped (setpriv, from util-linux), so the check never skips."""
    path = tmp_path / "secret.html"
    shutil.copy(page_path("170229"), path)
    path.chmod(0)
    script = (
        "import sys\n"
        "from pqsearch.parse import iter_parse\n"
        "for item in iter_parse([sys.argv[1]]):\n"
        "    print(type(item).__name__, getattr(item, 'reason', ''))\n"
    )
    done = subprocess.run(
        bound_by_permissions([sys.executable, "-c", script, str(path)]),
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    assert line.startswith("FileFailure ")
    assert "Permission denied" in line


def test_json_lines_in_utf16_or_with_lone_crs_are_read_whole(tmp_path: Path) -> None:
    """Audit of session 11, U1: split as bytes at b"\\n", a UTF-16 file lost all but its first
    record ("binary data"), and one with CR line ends was one bad line."""
    lines = BRUSSELS_RECORDS.read_text(encoding="utf-8").splitlines()[:3]
    text = "\n".join(lines) + "\n"
    expected = [
        (q.id, q.title, q.answer) for q in parse_paths([_write(tmp_path, "utf8", text)]).questions
    ]
    assert len(expected) == 3
    saved = {
        "notepad": text.encode("utf-16"),  # with a byte-order mark
        "le": text.encode("utf-16-le"),
        "be": text.encode("utf-16-be"),
        "mac": text.replace("\n", "\r").encode(),
        "windows": text.replace("\n", "\r\n").encode(),
    }
    for name, data in saved.items():
        path = tmp_path / f"{name}.jsonl"
        path.write_bytes(data)
        batch = parse_paths([path])
        assert not batch.failures, (name, batch.failures)
        assert [(q.id, q.title, q.answer) for q in batch.questions] == expected, name
    # Broken UTF-16 at the end: the records before it, and the file named with the reason.
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(text.encode("utf-16")[:-3] + b"\x00\xd8")
    batch = parse_paths([broken])
    assert len(batch.questions) == 2
    assert [f.source for f in batch.failures] == [str(broken)]
    assert "broken utf-16 text" in batch.failures[0].reason


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.jsonl"
    path.write_text(text, encoding="utf-8")
    return path
