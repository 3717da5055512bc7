"""Bad JSON Lines lines are reported with their file and line, the batch goes on; an edited
record is indexed again even when it keeps its `content_hash` (issue 12, points 9 and 10)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from tests.conftest import BRUSSELS_RECORDS


def _records(count: int) -> list[dict[str, object]]:
    lines = BRUSSELS_RECORDS.read_text(encoding="utf-8").splitlines()[:count]
    return [json.loads(line) for line in lines]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_a_bad_line_is_reported_with_file_and_line_and_the_rest_goes_in(tmp_path: Path) -> None:
    good = _records(3)
    huge_number = dict(good[1], numero=2**31)
    deep = "[" * 100_000 + "]" * 100_000
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path = _write(
        corpus / "records.jsonl",
        [json.dumps(good[0]), deep, json.dumps(huge_number), json.dumps(good[2])],
    )
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--index", str(tmp_path / "ix")])
    assert "Traceback" not in result.output
    assert result.exit_code != 0
    assert f"{path}:2" in result.output and "nested too deeply" in result.output
    assert f"{path}:3" in result.output and "2147483648" in result.output
    with api.open_index(tmp_path / "ix") as index:
        assert index.search("").total == 2


def test_an_edited_record_keeping_its_content_hash_is_indexed_again(tmp_path: Path) -> None:
    (record,) = _records(1)
    record["empreinte_contenu"] = "sha256:unchanged"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path = _write(corpus / "records.jsonl", [json.dumps(record, ensure_ascii=False)])
    root = tmp_path / "ix"
    assert len(api.ingest([corpus], index_dir=root).added) == 1
    record["question"] = str(record["question"]) + " Xylophonistes bruxellois."
    _write(path, [json.dumps(record, ensure_ascii=False)])
    report = api.ingest([corpus], index_dir=root)
    assert len(report.updated) == 1 and not report.unchanged
    with api.open_index(root) as index:
        assert index.search("xylophonistes").total == 1
    assert len(api.ingest([corpus], index_dir=root).unchanged) == 1
