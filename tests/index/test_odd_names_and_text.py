"""A file whose name is not UTF-8, or a record holding half an emoji, costs only itself
(audit of session 14, D2 and D7): on main either aborted the whole ingest with a traceback,
and a first ingest committed nothing. The real CLI on the shipped pages and records.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from pqsearch.parse import batch
from pqsearch.parse.batch import iter_parse
from pqsearch.parse.jsonl import parse_record_line
from tests.conftest import BRUSSELS_HTML, brussels_record

runner = CliRunner()


def _odd(folder: Path, name: bytes) -> Path:
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + name))


def _cut_record(moncode: str) -> bytes:
    """The record of `moncode`, its question cut in the middle of a UTF-16 pair."""
    record = brussels_record(moncode)
    record["question"] = record["question"][:200] + "\ud83d"
    return (json.dumps(record) + "\n").encode("ascii")  # "\ud83d" escaped, as JSON allows


def test_odd_names_and_half_characters_cost_only_themselves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "170132.html").write_bytes((BRUSSELS_HTML / "170132.html").read_bytes())
    _odd(corpus, b"r\xe9ponse.html").write_bytes((BRUSSELS_HTML / "170131.html").read_bytes())
    folder = _odd(corpus, b"archiv\xe9")
    folder.mkdir()
    (folder / "170140.html").write_bytes((BRUSSELS_HTML / "170140.html").read_bytes())
    (corpus / "records.jsonl").write_bytes(_cut_record("170229"))

    result = runner.invoke(app, ["ingest", "corpus", "--index", "index", "-q"])

    # On main: a traceback (UnicodeEncodeError), exit status 1, and nothing indexed.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 1, result.output
    failed = [line.strip() for line in result.output.splitlines() if "failed:" in line]
    assert [line.split(": ")[1] for line in failed] == [
        "corpus/archiv\\xe9",
        "corpus/r\\xe9ponse.html",
    ]
    assert all("name is not valid UTF-8" in line and "rename it" in line for line in failed)
    with api.open_index(Path("index")) as index:
        assert {hit.id for hit in index.search("", facets=[], limit=10).hits} == {
            "170132",
            "170229",
        }
        question = index.show("170229").question
    assert question.question is not None
    assert question.question.endswith("\ufffd")


def test_a_lone_surrogate_in_a_record_is_read_as_the_replacement_character() -> None:
    line = _cut_record("170229").rstrip(b"\n")
    question = parse_record_line(line, source="r.jsonl", line_number=1)
    assert question.question is not None
    assert question.question.endswith("\ufffd")
    json.dumps(question.to_dict(), ensure_ascii=False).encode("utf-8")  # no lone surrogate


def test_a_bug_met_reading_one_file_is_that_files_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("170131", "170132"):
        (tmp_path / f"{name}.html").write_bytes((BRUSSELS_HTML / f"{name}.html").read_bytes())
    real = batch.iter_document

    def buggy(data: bytes, *, source: str):  # type: ignore[no-untyped-def]
        if source.endswith("170131.html"):
            raise KeyError("a bug")
        return real(data, source=source)

    monkeypatch.setattr(batch, "iter_document", buggy)
    items = list(iter_parse([tmp_path]))
    assert [type(item).__name__ for item in items] == ["FileFailure", "Question"]
    assert "this is a bug in pqsearch; please report it" in items[0].reason  # type: ignore[union-attr]
