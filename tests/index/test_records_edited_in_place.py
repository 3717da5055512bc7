"""A records file rewritten in place without an answer keeps the indexed answer (audit of
session 14, D6): on main the next ingest replaced the answered question by an unanswered
one, saying only "1 updated". A change that loses nothing is still taken. The real CLI on
the shipped records.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from tests.conftest import brussels_record

runner = CliRunner()


def _write(path: Path, records: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")


def _ingest() -> str:
    result = runner.invoke(app, ["ingest", "corpus", "--index", "index", "-q"])
    assert result.exit_code == 0, result.output
    return result.output


def _indexed_then_unanswered(tmp_path: Path) -> tuple[Path, dict[str, object], dict[str, object]]:
    """`corpus/r.jsonl` holding 170312 and the answered 170229, ingested into `index`: the
    file, then the answered record and the other as written."""
    (tmp_path / "corpus").mkdir()
    records = tmp_path / "corpus" / "r.jsonl"
    answered, other = brussels_record("170229"), brussels_record("170312")
    _write(records, [other, answered])
    _ingest()
    return records, answered, other


def test_an_answer_taken_out_of_its_own_file_is_kept_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    records, answered, other = _indexed_then_unanswered(tmp_path)
    with api.open_index(Path("index")) as index:
        whole = index.get("170229")
    assert whole.answer and whole.answered_on

    _write(records, [other, {**answered, "reponse": None, "date_reponse": None}])
    output = _ingest()

    # On main: "0 added, 1 updated", no warning, and the answer gone from the index.
    assert "0 updated" in output
    assert "170229: " in output and "now has no answer" in output and "--rebuild" in output
    with api.open_index(Path("index")) as index:
        kept = index.get("170229")
    assert (kept.answer, kept.answered_on) == (whole.answer, whole.answered_on)

    # An answer corrected in place is taken, as before.
    corrected = whole.answer.replace("Recupel", "Recupel asbl")
    assert corrected != whole.answer
    _write(records, [other, {**answered, "reponse": corrected}])
    assert "1 updated" in _ingest()
    with api.open_index(Path("index")) as index:
        assert "Recupel asbl" in (index.get("170229").answer or "")


def test_the_kept_answer_is_analysed_again_with_a_new_taxonomy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Review of session 14, R3: the kept version went to "unchanged", never re-analysed, so
    # after `--taxonomy` it kept NACE sector ids the index's taxonomy does not have, while
    # the index said every document was analysed with it.
    monkeypatch.chdir(tmp_path)
    records, answered, other = _indexed_then_unanswered(tmp_path)
    _write(records, [other, {**answered, "reponse": None, "date_reponse": None}])
    hub = Path(__file__).resolve().parents[2] / "pqsearch" / "data" / "sectors_hub_brussels.toml"
    result = runner.invoke(
        app, ["ingest", "corpus", "--index", "index", "-q", "--taxonomy", str(hub)]
    )
    assert result.exit_code == 0, result.output
    with api.open_index(Path("index")) as index:
        kept = index.show("170229")
        assert kept.question.answer  # still the answered version
        assert kept.sectors
        assert all(len(s.sector) > 1 for s in kept.sectors), kept.sectors  # not NACE letters
        assert not index.sector_status().reanalysis_pending
