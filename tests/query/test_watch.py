"""Saved searches as a staff member runs them after each ingest (issue 16, points 1 and 14)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from pqsearch import api, watch
from pqsearch.cli import app
from tests.conftest import brussels_record


def _ingest(folder: Path, index_dir: Path, record: dict[str, Any], hash_suffix: str) -> None:
    # The collector's `empreinte_contenu` is the hash of the page it read: a new download of a
    # changed page comes with a new one.
    changed = {**record, "empreinte_contenu": record["empreinte_contenu"][:-8] + hash_suffix}
    (folder / "records.jsonl").write_text(json.dumps(changed, ensure_ascii=False) + "\n")
    report = api.ingest([folder], index_dir=index_dir)
    assert not report.failed, report.failed


def test_now_answered_only_when_the_answer_arrived(tmp_path: Path) -> None:
    """170153 answered since the last run is "now answered"; a sentence added to its answer
    later is a change, not a new answer."""
    folder, index_dir = tmp_path / "corpus", tmp_path / "index"
    folder.mkdir()
    answered = brussels_record("170153")
    unanswered = {**answered, "reponse": None, "date_reponse": None, "date_publication": None}
    _ingest(folder, index_dir, unanswered, "00000001")
    with api.open_index(index_dir) as opened:
        watch.add_watch(opened, "stib", "application STIB")
        assert [h.id for h in watch.run_watches(opened)[0].new] == ["170153"]
    _ingest(folder, index_dir, answered, "00000002")
    with api.open_index(index_dir) as opened:
        (report,) = watch.run_watches(opened)
    assert [h.id for h in report.changed] == ["170153"]
    assert report.newly_answered == ("170153",)
    assert "now answered" in api_text(report)
    edited = {**answered, "reponse": answered["reponse"] + " Une phrase ajoutée."}
    _ingest(folder, index_dir, edited, "00000003")
    with api.open_index(index_dir) as opened:
        (report,) = watch.run_watches(opened)
    assert [h.id for h in report.changed] == ["170153"]
    assert report.newly_answered == ()
    text = api_text(report)
    assert "now answered" not in text
    assert "~ 170153  n°169  changed:" in text


def api_text(report: watch.WatchReport) -> str:
    from pqsearch.output import watch_text

    return watch_text([report])


def test_a_watch_requires_every_word_and_ranks_as_search(
    tmp_path: Path, corpus_index: Path
) -> None:
    """`watch add actiris 'actiris délai'` reported documents about other delays: a watch keeps
    only documents holding all its words, in the order search ranks them."""
    index_dir = tmp_path / "index"
    shutil.copytree(corpus_index, index_dir, symlinks=True)
    with api.open_index(index_dir) as opened:
        both = opened.search("logement social", all_words=True, limit=100, facets=[])
        either = opened.search("logement social", limit=100, facets=[])
        assert 0 < both.total < either.total
        watch.add_watch(opened, "social", "logement social")
        watch.add_watch(opened, "any", "logement social", all_words=False)
        reports = {r.name: r for r in watch.run_watches(opened)}
    assert [h.id for h in reports["social"].new] == [h.id for h in both.hits]
    assert reports["social"].total == both.total
    assert [h.id for h in reports["any"].new] == [h.id for h in either.hits]


def test_watch_add_any_word_on_the_command_line(tmp_path: Path, corpus_index: Path) -> None:
    index_dir = tmp_path / "index"
    shutil.copytree(corpus_index, index_dir, symlinks=True)
    runner = CliRunner()
    for args in (["social", "logement", "social"], ["any", "logement", "social", "--any-word"]):
        result = runner.invoke(app, ["watch", "add", *args, "--index", str(index_dir)])
        assert result.exit_code == 0, result.output
    with api.open_index(index_dir) as opened:
        saved = {w.name: w.all_words for w in watch.list_watches(opened)}
    assert saved == {"social": True, "any": False}


def test_watch_add_refuses_a_name_in_use_unless_replace(tmp_path: Path, corpus_index: Path) -> None:
    # A name reused by mistake must not silently replace a saved search and its history
    # (second audit of session 10, finding 9).
    index_dir = tmp_path / "index"
    shutil.copytree(corpus_index, index_dir, symlinks=True)
    runner = CliRunner()
    first = runner.invoke(app, ["watch", "add", "budget", "logement", "--index", str(index_dir)])
    assert first.exit_code == 0, first.output
    assert runner.invoke(app, ["watch", "run", "--index", str(index_dir)]).exit_code == 0
    with api.open_index(index_dir) as opened:
        before = {w.name: w for w in watch.list_watches(opened)}

    again = ["watch", "add", "budget", "budget", "régional", "--index", str(index_dir)]
    refused = runner.invoke(app, again)
    assert refused.exit_code != 0
    assert "'budget' is already a saved search ('logement'" in refused.output
    assert "--replace" in refused.output
    with api.open_index(index_dir) as opened:
        assert {w.name: w for w in watch.list_watches(opened)} == before
        assert before["budget"].seen

    replaced = runner.invoke(app, [*again, "--replace"])
    assert replaced.exit_code == 0, replaced.output
    with api.open_index(index_dir) as opened:
        (kept,) = watch.list_watches(opened)
    assert (kept.query, kept.last_run, kept.seen) == ("budget régional", None, {})
