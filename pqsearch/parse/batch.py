"""Many files and folders -> records and failures, in a stable order, never stopping."""

from __future__ import annotations

import codecs
import io
import itertools
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from io import BufferedReader
from pathlib import Path

from pqsearch.errors import EncodingProblemError, ParseError
from pqsearch.models import FileFailure, ParseBatch, Question, SkippedFile
from pqsearch.parse.document import iter_document, read_file
from pqsearch.parse.jsonl import iter_records
from pqsearch.parse.walk import DOCUMENT_SUFFIXES, is_checksum_list, iter_files

__all__ = ["DOCUMENT_SUFFIXES", "iter_parse", "parse_paths", "unexpected"]


def iter_parse(
    paths: Iterable[Path | str], *, on_read: Callable[[int], None] | None = None
) -> Iterator[Question | FileFailure | SkippedFile]:
    """Every record in `paths`, a `FileFailure` for everything that could not be read, and a
    `SkippedFile` for each file that is plainly not a document. `on_read`, when given, is
    told the size of each JSON Lines line as it is read (for a progress display: a large
    file is read a record at a time).

    Files and folders are found by `walk.iter_files` (see there which files are read and
    which are skipped). A text file holding a checksum list is skipped too. A bad JSON Lines
    line is one failure ("path:LINE") and the other lines still give records. Missing files,
    unreadable files, broken links, symlink loops and special files (pipes, devices) are
    failures, never exceptions. Files are read one at a time, JSON Lines line by line.
    """
    for item in iter_files(paths):
        if isinstance(item, Path):
            yield from _parse_one(item, on_read)
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


def _parse_one(
    path: Path, on_read: Callable[[int], None] | None
) -> Iterator[Question | FileFailure | SkippedFile]:
    source = str(path)
    try:
        # Only regular files: reading a pipe or a device could block or never end.
        if not stat.S_ISREG(path.stat().st_mode):
            yield FileFailure(source, "not a regular file (a pipe, socket or device)")
            return
        if path.name.lower().endswith(".jsonl"):
            items = _stream_jsonl(path, on_read)
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
    except Exception as error:  # a bug met on one file must not cost the batch
        yield FileFailure(source, unexpected(error))


def unexpected(error: Exception) -> str:
    """The reason given for a file whose reading raised what no reader expects: a bug."""
    return (
        f"pqsearch could not read it ({type(error).__name__}: {error}): this is a bug in "
        "pqsearch; please report it with this file. The other files were read."
    )


def _stream_jsonl(
    path: Path, on_read: Callable[[int], None] | None = None
) -> Iterator[Question | ParseError]:
    """A .jsonl file line by line; one holding something else is parsed as a whole."""
    with path.open("rb") as handle:
        lines = _utf8_lines(handle, source=str(path))
        if on_read is not None:
            lines = _counted(lines, on_read)
        head: list[bytes] = []
        for line in lines:
            head.append(line)
            if line.strip():
                break
        first = head[-1] if head else b""
        if first.lstrip(b"\xef\xbb\xbf \t").startswith(b"{"):
            yield from iter_records(itertools.chain(head, lines), source=str(path))
        else:
            yield from iter_document(b"".join(head) + b"".join(lines), source=str(path))


def _counted(lines: Iterator[bytes], on_read: Callable[[int], None]) -> Iterator[bytes]:
    for line in lines:
        on_read(len(line))
        yield line


# A CR not followed by LF: a line end of old Mac files (a JSON string cannot hold a raw CR).
_LONE_CR = re.compile(rb"\r(?!\n)")


def _utf8_lines(handle: BufferedReader, *, source: str) -> Iterator[bytes]:
    """The file's lines in UTF-8. Most files are read as they are; one in UTF-16 (Notepad's
    "Unicode": a byte-order mark, or the NUL bytes of ASCII text in UTF-16) or with lone CRs
    as line ends is read as text, as its lines split at b"\n" would not be its lines (audit
    of session 11, U1: all but the first record of a UTF-16 file were "binary data")."""
    start = handle.peek(4)[:4]
    encoding = None
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif start[:2] in (b"{\x00", b"\n\x00"):
        encoding = "utf-16-le"
    elif start[:2] in (b"\x00{", b"\x00\n"):
        encoding = "utf-16-be"
    elif _LONE_CR.search(handle.peek(1 << 16)[:-1]):
        encoding = "utf-8-sig"
    if encoding is None:
        yield from handle
        return
    text = io.TextIOWrapper(handle, encoding=encoding, newline=None)
    try:
        for line in text:
            yield line.encode("utf-8")
    except UnicodeDecodeError as error:
        raise EncodingProblemError(source, f"broken {encoding} text: {error.reason}") from None
