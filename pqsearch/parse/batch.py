"""Many files and folders -> records and failures, in a stable order, never stopping."""

from __future__ import annotations

import itertools
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from pqsearch.errors import ParseError
from pqsearch.models import FileFailure, ParseBatch, Question
from pqsearch.parse.document import iter_document, read_file
from pqsearch.parse.jsonl import iter_records

# The file endings of documents; other files in a folder (README.md, SHA256SUMS) are notes.
DOCUMENT_SUFFIXES = (".html", ".htm", ".txt", ".jsonl")


def iter_parse(paths: Iterable[Path | str]) -> Iterator[Question | FileFailure]:
    """Every record in `paths`, and a `FileFailure` for everything that could not be read.

    Folders are walked recursively in name order; in them, files not ending in
    .html/.htm/.txt/.jsonl and hidden entries (".git") are skipped. A file named directly
    that is not a document is a failure. A bad JSON Lines line is one failure ("path:LINE")
    and the other lines still give records. Missing files, unreadable files, broken links,
    symlink loops and special files (pipes, devices) are failures, never exceptions. Files
    are read one at a time, JSON Lines line by line.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _walk(path, ancestors=frozenset())
        elif path.exists() and not _is_document(path.name):
            yield FileFailure(
                str(path),
                "not a document: pqsearch reads " + ", ".join(DOCUMENT_SUFFIXES) + " files",
            )
        else:
            yield from _parse_one(path)


def parse_paths(paths: Iterable[Path | str]) -> ParseBatch:
    """All of `iter_parse(paths)`: the records and the failures, each in file order."""
    questions: list[Question] = []
    failures: list[FileFailure] = []
    for item in iter_parse(paths):
        if isinstance(item, Question):
            questions.append(item)
        else:
            failures.append(item)
    return ParseBatch(questions=tuple(questions), failures=tuple(failures))


def _is_document(name: str) -> bool:
    return name.lower().endswith(DOCUMENT_SUFFIXES)


def _walk(
    folder: Path, *, ancestors: frozenset[tuple[int, int]]
) -> Iterator[Question | FileFailure]:
    try:
        identity = _identity(folder)
        if identity in ancestors:
            yield FileFailure(str(folder), "symlink loop: this folder contains itself")
            return
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield FileFailure(str(folder), f"cannot read the folder: {error.strerror or error}")
        return
    inside = ancestors | {identity}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            is_folder = entry.is_dir()
        except OSError as error:
            yield FileFailure(str(path), f"cannot read: {error.strerror or error}")
            continue
        if is_folder:
            yield from _walk(path, ancestors=inside)
        elif _is_document(entry.name):
            yield from _parse_one(path)


def _identity(folder: Path) -> tuple[int, int]:
    status = folder.stat()
    return status.st_dev, status.st_ino


def _parse_one(path: Path) -> Iterator[Question | FileFailure]:
    source = str(path)
    try:
        # Only regular files: reading a pipe or a device could block or never end.
        if not stat.S_ISREG(path.stat().st_mode):
            yield FileFailure(source, "not a regular file (a pipe, socket or device)")
            return
        if path.name.lower().endswith(".jsonl"):
            items = _stream_jsonl(path)
        else:
            items = iter_document(read_file(path), source=source)
        for item in items:
            yield FileFailure(item.source, item.reason) if isinstance(item, ParseError) else item
    except ParseError as error:
        yield FileFailure(error.source, error.reason)
    except OSError as error:
        yield FileFailure(source, f"cannot read the file: {error.strerror or error}")


def _stream_jsonl(path: Path) -> Iterator[Question | ParseError]:
    """A .jsonl file line by line; one holding something else is parsed as a whole."""
    with path.open("rb") as handle:
        head: list[bytes] = []
        for line in handle:
            head.append(line)
            if line.strip():
                break
        first = head[-1] if head else b""
        if first.lstrip(b"\xef\xbb\xbf \t").startswith(b"{"):
            yield from iter_records(itertools.chain(head, handle), source=str(path))
        else:
            yield from iter_document(b"".join(head) + handle.read(), source=str(path))
