"""Anything that is not a question is a `ParseError` naming the file and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from pqsearch.errors import (
    EncodingProblemError,
    InvalidFieldError,
    MissingFieldError,
    ParseError,
    UnknownFormatError,
    UnreadableFileError,
)
from pqsearch.parse import parse_bytes, parse_file
from tests.conftest import SEED
from tests.parse.conftest import page_path

PAGE = page_path("170229").read_bytes()
QUESTION_CELL = PAGE.index(b'<td valign="top"><p>Afin')
INSIDE_QUESTION_CELL = QUESTION_CELL + len(b'<td valign="top">')


def _error(data: bytes, tmp_path: Path, name: str = "doc.html") -> ParseError:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ParseError) as raised:
        parse_file(path)
    assert raised.value.source == str(path)
    assert str(raised.value).startswith(f"{path}: ")
    return raised.value


@pytest.mark.parametrize("data", [b"", b"  \r\n\n\t"])
def test_empty_file(data: bytes, tmp_path: Path) -> None:
    error = _error(data, tmp_path)
    assert isinstance(error, UnknownFormatError)
    assert "empty" in error.reason


def test_binary_and_nul_bytes(tmp_path: Path) -> None:
    assert isinstance(_error(bytes(range(256)) * 8, tmp_path), EncodingProblemError)
    error = _error(PAGE[:5000] + b"\x00" + PAGE[5000:], tmp_path)
    assert isinstance(error, EncodingProblemError)
    assert "NUL" in error.reason


def test_other_html(tmp_path: Path) -> None:
    error = _error(b"<!DOCTYPE html><html><body><p>Bonjour</p></body></html>", tmp_path)
    assert isinstance(error, UnknownFormatError)
    assert 'no <section id="weblex-quest-det-fr">' in error.reason


def test_other_text(tmp_path: Path) -> None:
    error = _error("# Notes\n\nRien à voir.\n".encode(), tmp_path, "notes.txt")
    assert isinstance(error, UnknownFormatError)
    assert "Question écrite concernant" in error.reason


def test_page_cut_inside_the_question(tmp_path: Path) -> None:
    error = _error(PAGE[: QUESTION_CELL + 400], tmp_path)
    assert isinstance(error, MissingFieldError)
    assert "truncated page" in error.reason


def test_page_cut_before_the_question_section(tmp_path: Path) -> None:
    error = _error(PAGE[:20000], tmp_path)
    assert isinstance(error, UnknownFormatError)
    assert "cut short" in error.reason


def test_page_cut_after_the_question_section_loses_nothing() -> None:
    (whole,) = parse_bytes(PAGE, source="p.html")
    (cut,) = parse_bytes(PAGE[: PAGE.index(b"</section>") + 10], source="p.html")
    assert cut.question == whole.question
    assert cut.answer == whole.answer


def test_section_without_a_title_or_people(tmp_path: Path) -> None:
    without_title = PAGE.replace(b"<h3>", b"<h4>").replace(b"</h3>", b"</h4>")
    error = _error(without_title, tmp_path)
    assert isinstance(error, MissingFieldError)
    assert "no title" in error.reason
    error = _error(PAGE.replace(b"<dt>de </dt>", b""), tmp_path)
    assert isinstance(error, MissingFieldError)
    assert "no author" in error.reason
    error = _error(PAGE.replace(b"<b>Question &nbsp;&nbsp;</b>", b"<b>Q</b>"), tmp_path)
    assert isinstance(error, MissingFieldError)
    assert 'no "Question" row' in error.reason


def test_markup_nested_beyond_reason(tmp_path: Path) -> None:
    nested = PAGE[:INSIDE_QUESTION_CELL] + b"<div>" * 20000 + PAGE[INSIDE_QUESTION_CELL:]
    assert isinstance(_error(nested, tmp_path), InvalidFieldError)


def test_text_rendering_without_its_question(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    error = _error(text[: text.index("Question \u00a0")].encode(), tmp_path, "seed.txt")
    assert isinstance(error, MissingFieldError)
    assert 'no "Question" line' in error.reason


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_a_page_saved_in_another_encoding_reads_the_same(encoding: str) -> None:
    (original,) = parse_bytes(PAGE, source="p.html")
    (resaved,) = parse_bytes(PAGE.decode("utf-8").encode(encoding), source="p.html")
    assert resaved.question == original.question
    assert resaved.answer == original.answer
    assert resaved.author == original.author


def test_seed_saved_as_latin_1_reads_the_same() -> None:
    text = SEED.read_text(encoding="utf-8").replace("\u2019", "'").replace("\u201c", '"')
    (question,) = parse_bytes(text.replace("\u201d", '"').encode("latin-1"), source="seed.txt")
    assert question.title.startswith("le déploiement éventuel")
    assert question.answer is not None and question.answer.endswith("l'exportation.")


def test_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="cannot read the file"):
        parse_file(tmp_path / "missing.html")
    with pytest.raises(UnreadableFileError, match="a folder, not a file"):
        parse_file(tmp_path)
