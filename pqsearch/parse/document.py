"""One document (a page, its text rendering, a JSON Lines file) -> its records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pqsearch.errors import InvalidFieldError, ParseError, UnreadableFileError
from pqsearch.models import Question
from pqsearch.parse.detect import detect_format
from pqsearch.parse.fields import content_hash
from pqsearch.parse.html_page import parse_html
from pqsearch.parse.jsonl import iter_records
from pqsearch.parse.normalize import decode
from pqsearch.parse.text_page import parse_text


def parse_bytes(data: bytes, *, source: str) -> list[Question]:
    """The records in a document's bytes, whatever its format (detected from the content).

    A page gives one record, JSON Lines one per line. `source` names the document in the
    records and in errors. Raises a `ParseError` subclass saying what is missing or wrong; for
    JSON Lines, the first bad line's (use `iter_document` to go on past bad lines).
    """
    questions = []
    for item in iter_document(data, source=source):
        if isinstance(item, ParseError):
            raise item
        questions.append(item)
    return questions


def parse_file(path: Path) -> list[Question]:
    """The records in a file (`parse_bytes` of its content, with `source` = the path)."""
    return parse_bytes(read_file(path), source=str(path))


def read_file(path: Path) -> bytes:
    """A file's bytes; `UnreadableFileError` (a ParseError) when it cannot be read."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise UnreadableFileError(path, "a folder, not a file") from None
    except OSError as error:
        raise UnreadableFileError(
            path, f"cannot read the file: {error.strerror or error}"
        ) from None


def iter_document(data: bytes, *, source: str) -> Iterator[Question | ParseError]:
    """Each record of a document, or the `ParseError` that stopped it (one per bad line)."""
    try:
        text = decode(data, source=source)
        document_format, labels = detect_format(text, source=source)
    except ParseError as error:
        yield error
        return
    if document_format == "jsonl":
        yield from iter_records(data.split(b"\n"), source=source)
        return
    digest = content_hash(data)
    try:
        if document_format == "html":
            yield parse_html(text, source=source, content_hash=digest)
        elif labels is not None:
            yield parse_text(text, labels, source=source, content_hash=digest)
    except ParseError as error:
        yield error
    except RecursionError:
        yield InvalidFieldError(source, "markup nested too deeply to be a question page")
