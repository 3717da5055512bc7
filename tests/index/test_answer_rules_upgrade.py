"""An index whose answer types came from other rules (`index/answer_version.py`).

The older index is built here by a real ingest whose answer-type rules are those of a release
that knew no redirections (every answered question substantive: what the README's
`type:renvoi` found on a real corpus before issue 15), with another rules fingerprint
recorded, or none (an index written before the fingerprint was). The documents are real
federal records (tests/data/be_chamber_qrva_fr_2023), the index a real one in a temp folder.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.analyze.answers import SUBSTANTIVE, AnswerClassification, rules_fingerprint
from pqsearch.cli import app
from pqsearch.index import store
from pqsearch.index.answer_version import ANSWER_RULES_META
from pqsearch.index.manifest import record_lexicon
from pqsearch.models import Question
from tests.conftest import TEST_DATA

RECORDS = TEST_DATA / "be_chamber_qrva_fr_2023" / "records.jsonl"
# Labelled by reading (tests/data/answer_types.toml): two referrals, one answer that sends the
# member to the competent colleague, two answers on the substance.
REFERRALS = {
    "CHAMBRE-55-b113-1184-1592-2022202320120",  # "je vous prie de vous référer à ma réponse"
    "CHAMBRE-55-b113-1184-1585-2022202320095",  # "renvoyer l'honorable député aux road shows"
}
NOT_COMPETENT = {"CHAMBRE-55-b113-1192-1873-2022202320186"}  # "ne relève pas de mes compétences"
SUBSTANTIVE_IDS = {
    "CHAMBRE-55-b113-1184-1589-2022202320106",
    "CHAMBRE-55-b113-1320-2134-2022202320413",
}
NOTE = "answer types: the indexed documents were typed by"
runner = CliRunner()


def _records(folder: Path) -> Path:
    wanted = REFERRALS | NOT_COMPETENT | SUBSTANTIVE_IDS
    folder.mkdir()
    lines = [
        line
        for line in RECORDS.read_text(encoding="utf-8").splitlines()
        if line.strip() and json.loads(line)["id"] in wanted
    ]
    assert len(lines) == len(wanted)
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _every_answer_substantive(question: Question) -> AnswerClassification:
    return AnswerClassification(SUBSTANTIVE if question.answer else "unanswered")


def _set_recorded_rules(index_dir: Path, fingerprint: str | None) -> None:
    """What the lexicon of an index typed by other rules records (None: no record at all)."""
    root = store.resolve_index_dir(index_dir)
    data = store.live_data_dir(root)
    assert data is not None
    with sqlite3.connect(data / store.LEXICON_FILE) as db:
        db.execute("DELETE FROM meta WHERE key = ?", (ANSWER_RULES_META,))
        if fingerprint is not None:
            db.execute("INSERT INTO meta VALUES (?, ?)", (ANSWER_RULES_META, fingerprint))
    db.close()
    record_lexicon(data, data / store.LEXICON_FILE)


def _recorded_rules(index_dir: Path) -> str | None:
    root = store.resolve_index_dir(index_dir)
    data = store.live_data_dir(root)
    assert data is not None
    lexicon = store.open_lexicon(root, data)
    try:
        return lexicon.get_meta(ANSWER_RULES_META)
    finally:
        lexicon.close()


def _ids(query: str, index_dir: Path) -> set[str]:
    return {hit.id for hit in api.search(query, index_dir=index_dir).hits}


def test_an_index_typed_by_older_rules_is_retyped_at_its_next_ingest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _records(tmp_path / "records")
    index_dir = tmp_path / "index"
    with monkeypatch.context() as older:
        older.setattr("pqsearch.index.analysis.classify_answer", _every_answer_substantive)
        assert len(api.ingest([folder], index_dir=index_dir).added) == 5
    _set_recorded_rules(index_dir, "0e1d2c3b4a59")
    assert _ids("type:renvoi", index_dir) == set()
    # `pqsearch info` says which rules typed the documents, beside the sector detector.
    shown = runner.invoke(app, ["info", "--index", str(index_dir)])
    assert shown.exit_code == 0, shown.stderr
    assert "sector detector: " in shown.stdout
    assert (
        f"answer-type rules: 0e1d2c3b4a59, this pqsearch's {rules_fingerprint()}: "
        "the next `pqsearch ingest` types the documents again"
    ) in shown.stdout

    # A routine ingest with nothing new: the stored types are read again with these rules.
    result = runner.invoke(app, ["ingest", str(folder), "--index", str(index_dir), "-q"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count(NOTE) == 1
    assert "rules 0e1d2c3b4a59" in result.stdout
    assert f"({rules_fingerprint()}), 3 changed type or evidence" in result.stdout
    assert _recorded_rules(index_dir) == rules_fingerprint()
    shown = runner.invoke(app, ["info", "--index", str(index_dir), "--json"])
    status = json.loads(shown.stdout)
    assert status["answer_rules"] == status["shipped_answer_rules"] == rules_fingerprint()

    assert _ids("type:renvoi", index_dir) == REFERRALS
    assert _ids('type:"hors compétence"', index_dir) == NOT_COMPETENT
    assert _ids("type:substantive", index_dir) == SUBSTANTIVE_IDS
    with api.open_index(index_dir) as index:
        (competence,) = NOT_COMPETENT
        shown = index.show(competence)
        assert shown.answer_type == "not_competent"
        assert "ne relève pas de" in (shown.answer_type_evidence or "")
        # Written again, not added: the words were counted when they first came.
        assert index.document_count == 5

    # Up to date now: the next ingest says nothing and writes nothing.
    again = api.ingest([folder], index_dir=index_dir)
    assert not [note for note in again.notes if NOTE in note]
    assert again.added == again.updated == ()
    assert len(again.unchanged) == 5


def test_an_index_that_recorded_no_rules_is_checked_and_rewrites_only_what_changed(
    tmp_path: Path,
) -> None:
    folder = _records(tmp_path / "records")
    index_dir = tmp_path / "index"
    api.ingest([folder], index_dir=index_dir)
    assert _recorded_rules(index_dir) == rules_fingerprint()
    _set_recorded_rules(index_dir, None)

    report = api.ingest([folder], index_dir=index_dir)
    (note,) = [note for note in report.notes if NOTE in note]
    assert "the rules of an earlier pqsearch" in note
    assert note.endswith(f"({rules_fingerprint()}), none changed type or evidence")
    # Every type agreed: nothing was analysed again, so spaCy had nothing to do.
    assert report.analysis_cpu_seconds == 0
    assert report.added == report.updated == ()
    assert _recorded_rules(index_dir) == rules_fingerprint()
    assert _ids("type:renvoi", index_dir) == REFERRALS


def test_reading_the_indexed_documents_again_shows_its_progress(tmp_path: Path) -> None:
    """At 100,000 documents this pass takes minutes: the display must not stand still on
    the files' last line (seen on the sixteenth session's 100k index: 45 minutes)."""
    folder = _records(tmp_path / "records")
    index_dir = tmp_path / "index"
    api.ingest([folder], index_dir=index_dir)
    _set_recorded_rules(index_dir, "0123456789ab")
    seen: list[tuple[str, int, int]] = []

    api.ingest(
        [folder],
        index_dir=index_dir,
        progress=lambda p: seen.append((p.stage, p.checked, p.to_check)),
    )
    checks = [(done, total) for stage, done, total in seen if stage == "retype"]
    documents = len(REFERRALS | NOT_COMPETENT | SUBSTANTIVE_IDS)
    assert checks[-1] == (documents, documents)
    assert [done for done, _ in checks] == sorted(done for done, _ in checks)


def test_the_terminal_line_of_that_pass_says_what_it_does() -> None:
    from pqsearch.cli.ingest import _IngestProgressPrinter
    from pqsearch.index.progress import Progress

    progress = Progress(files_total=1, files_done=1, stage="retype", checked=40, to_check=100)
    line = _IngestProgressPrinter().line(progress, 0.0)
    assert line == "answer types: 40/100 indexed documents read again with this pqsearch's rules"
