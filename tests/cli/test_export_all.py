"""An export to a data format holds every match, page by page; one that holds fewer says so
(audit of session 14, D9: `export -f jsonl` stopped at 20 documents, at most 1,000, and said
only "Wrote ...", so the README's export -> ingest round trip kept 20 of 51 documents)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api, export
from pqsearch.cli import app

runner = CliRunner()


def _ids_of_jsonl(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"]["id"] for line in lines]


def test_a_jsonl_export_holds_every_document_and_goes_back_whole(
    corpus_index: Path, tmp_path: Path
) -> None:
    target = tmp_path / "all.jsonl"
    result = runner.invoke(
        app, ["export", "-f", "jsonl", "-o", str(target), "--index", str(corpus_index)]
    )
    assert result.exit_code == 0, result.output
    with api.open_index(corpus_index) as index:
        every = {hit.id for hit in index.search("", limit=1000).hits}
    assert len(every) == 51
    ids = _ids_of_jsonl(target)
    assert sorted(ids) == sorted(every)
    assert f"Wrote 51 documents to {target}" in result.stderr
    # The round trip of the README: every record is read back from the export.
    batch = api.parse_files([target])
    assert not batch.failures
    assert {q.id for q in batch.questions} == every


def test_an_export_cut_short_says_how_many_matched(corpus_index: Path, tmp_path: Path) -> None:
    target = tmp_path / "five.jsonl"
    result = runner.invoke(
        app,
        ["export", "-f", "jsonl", "--limit", "5", "-o", str(target), "--index", str(corpus_index)],
    )
    assert result.exit_code == 0, result.output
    assert len(_ids_of_jsonl(target)) == 5
    assert "Wrote 5 of 51 matching documents" in result.stderr
    assert "--limit 51 or --all" in result.stderr

    # A memo keeps the 20 most relevant unless told otherwise, and says so too.
    memo = runner.invoke(app, ["export", "-f", "md", "--index", str(corpus_index)])
    assert memo.exit_code == 0, memo.output
    assert memo.stdout.count("\n## ") == 20
    assert "Wrote 20 of 51 matching documents: --limit 51 or --all" in memo.stderr
    every = runner.invoke(app, ["export", "-f", "md", "--all", "--index", str(corpus_index)])
    assert every.stdout.count("\n## ") == 51 and every.stderr == ""


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_pages_of_an_export_hold_each_match_once_in_the_search_order(
    corpus_index: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Written 7 documents at a time (the page size is the only thing changed), the export is
    the search's order, each document once, with one CSV header."""
    monkeypatch.setattr(export, "EXPORT_PAGE", 7)
    with api.open_index(corpus_index) as index:
        order = [hit.id for hit in index.search("", sort="oldest", limit=1000).hits]
        stream = index.export_stream(fmt="jsonl" if fmt == "jsonl" else "csv", sort="oldest")
        pieces = list(stream)
    assert len(pieces) == 8  # 7 pages of 7, then 2
    assert (stream.written, stream.total) == (51, 51)
    text = "".join(pieces)
    if fmt == "jsonl":
        ids = [json.loads(line)["question"]["id"] for line in text.splitlines()]
    else:
        assert text.count("\ufeff") == 1
        ids = [
            row["id"] for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
        ]
    assert ids == order


def test_one_stream_iterated_twice_at_once_holds_every_match_each_time(
    corpus_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two iterations of one stream interleaved page by page (as two threads may): each is
    the whole export (they shared one count and stopped early: 31 and 30 of 51 lines,
    audit of session 16, T2)."""
    monkeypatch.setattr(export, "EXPORT_PAGE", 7)
    with api.open_index(corpus_index) as index:
        stream = index.export_stream(sort="oldest")
        whole = "".join(stream)
        first, second = iter(stream), iter(stream)
        got: tuple[list[str], list[str]] = ([], [])
        pending = [(first, got[0]), (second, got[1])]
        while pending:
            for entry in list(pending):
                piece = next(entry[0], None)
                if piece is None:
                    pending.remove(entry)
                else:
                    entry[1].append(piece)
    assert whole.count("\n") == 51
    assert ("".join(got[0]), "".join(got[1])) == (whole, whole)
    assert (stream.written, stream.total) == (51, 51)
