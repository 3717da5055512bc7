"""Many files and folders -> records and failures, in a stable order, never stopping."""

from __future__ import annotations

import itertools
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from pqsearch.errors import ParseError
from pqsearch.models import FileFailure, ParseBatch, Question, SkippedFile
from pqsearch.parse.document import iter_document, read_file
from pqsearch.parse.jsonl import iter_records
from pqsearch.parse.walk import DOCUMENT_SUFFIXES, is_checksum_list, iter_files

__all__ = ["DOCUMENT_SUFFIXES", "iter_parse", "parse_paths"]


def iter_parse(paths: Iterable[Path | str]) -> Iterator[Question | FileFailure | SkippedFile]:
    """Every record in `paths`, a `FileFailure` for everything that could not be read, and a
    `SkippedFile` for each file that is plainly not a document.

    Files and folders are found by `walk.iter_files` (see there which files are read and
    which are skipped). A text file holding a checksum list is skipped too. A bad JSON Lines
    line is one failure ("path:LINE") and the other lines still give records. Missing files,
    unreadable files, broken links, symlink loops and special files (pipes, devices) are
    failures, never exceptions. Files are read one at a time, JSON Lines line by line.
    """
    for item in iter_files(paths):
        if isinstance(item, Path):
            yield from _parse_one(item)
        else:
            yield item


def parse_paths(paths: Iterable[Path | str]) -> ParseBatch:
    """All of `iter_parse(paths)`: the records, failures and skipped files, in file order."""
    questions: list[Question] = []
    failures: list[FileFailure] = []
    skipped: list[SkippedFile] = []
    for item in iter_parse(paths):
        if isinstance(item, Question):
            questions.append(item)
        elif isinstance(item, SkippedFile):
            skipped.append(item)
        else:
            failures.append(item)
    return ParseBatch(questions=tuple(questions), failures=tuple(failures), skipped=tuple(skipped))


def _parse_one(path: Path) -> Iterator[Question | FileFailure | SkippedFile]:
    source = str(path)
    try:
        # Only regular files: reading a pipe or a device could block or never end.
        if not stat.S_ISREG(path.stat().st_mode):
            yield FileFailure(source, "not a regular file (a pipe, socket or device)")
            return
        if path.name.lower().endswith(".jsonl"):
            items = _stream_jsonl(path)
        else:
            data = read_file(path)
            if is_checksum_list(data):
                yield SkippedFile(source, "a list of checksums, not a document")
                return
            items = iter_document(data, source=source)
        for item in items:
            yield FileFailure(item.source, item.reason) if isinstance(item, ParseError) else item
    except ParseError as error:
        yield FileFailure(error.source, error.reason)
    except OSError as error:
        link = " (a broken or looping symbolic link)" if path.is_symlink() else ""
        yield FileFailure(source, f"cannot read the file: {error.strerror or error}{link}")


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
