"""Saved searches as a staff member runs them after each ingest (issue 16, points 1 and 14)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pqsearch import Filters, api, watch
from pqsearch.cli import app
from tests.conftest import brussels_record


def _ingest(folder: Path, index_dir: Path, record: dict[str, Any], hash_suffix: str) -> None:
    # The collector's `empreinte_contenu` is the hash of the page it read: a new download of a
    # changed page comes with a new one.
    changed = {**record, "empreinte_contenu": record["empreinte_contenu"][:-8] + hash_suffix}
    (folder / "records.jsonl").write_text(json.dumps(changed, ensure_ascii=False) + "\n")
    report = api.ingest([folder], index_dir=index_dir)
    assert not report.failed, report.failed


def _watched(folder: Path, index_dir: Path, record: dict[str, Any], hash_suffix: str) -> None:
    """`record` ingested and followed by the saved search "stib", run once (it is new)."""
    _ingest(folder, index_dir, record, hash_suffix)
    with api.open_index(index_dir) as opened:
        watch.add_watch(opened, "stib", "application STIB")
        assert [h.id for h in watch.run_watches(opened)[0].new] == ["170153"]


def test_now_answered_only_when_the_answer_arrived(tmp_path: Path) -> None:
    """170153 answered since the last run is "now answered"; a sentence added to its answer
    later is a change, not a new answer."""
    folder, index_dir = tmp_path / "corpus", tmp_path / "index"
    folder.mkdir()
    answered = brussels_record("170153")
    unanswered = {**answered, "reponse": None, "date_reponse": None, "date_publication": None}
    _watched(folder, index_dir, unanswered, "00000001")
    _ingest(folder, index_dir, answered, "00000002")
    with api.open_index(index_dir) as opened:
        (report,) = watch.run_watches(opened)
    assert [h.id for h in report.changed] == ["170153"]
    assert report.newly_answered == ("170153",)
    assert "now answered" in api_text(report)
    # Added at the start: the end of this answer is the site's footer, which the parser drops.
    edited = {**answered, "reponse": "Une phrase ajoutée. " + answered["reponse"]}
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


def _copy(corpus_index: Path, tmp_path: Path) -> Path:
    index_dir = tmp_path / "index"
    shutil.copytree(corpus_index, index_dir, symlinks=True)
    return index_dir


SESSION = Filters(session=("25/26",))


def test_watch_add_refuses_a_search_already_past_the_limit(
    tmp_path: Path, corpus_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`watch add` checks the count `watch run` will find: one already past the limit would
    only fail at every run (audit 10, F4)."""
    index_dir = _copy(corpus_index, tmp_path)
    # The limit (1,000) scaled down to the shipped corpus, where session 25/26 holds 50.
    monkeypatch.setattr(watch, "MAX_MATCHES", 20)
    with api.open_index(index_dir) as opened:
        total = opened.search("", filters=SESSION, limit=0, facets=[]).total
    assert total > 20
    result = CliRunner().invoke(
        app, ["watch", "add", "broad", "--session", "25/26", "--index", str(index_dir)]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: The search matches {total} documents; a saved search follows at most 20. "
        "Narrow it with more words or filters (a session, a portfolio, a date range) and add "
        "it again.\n"
    )
    with api.open_index(index_dir) as opened:
        assert watch.list_watches(opened) == ()
        watch.add_watch(opened, "narrow", "logement")  # under the limit: accepted


def test_one_saved_search_that_cannot_run_does_not_stop_the_others(
    tmp_path: Path, corpus_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A saved search grown past the limit, or whose query an upgrade no longer reads, is an
    error line naming it; the others run and are recorded; the exit status says it after."""
    index_dir = _copy(corpus_index, tmp_path)
    with api.open_index(index_dir) as opened:
        watch.add_watch(opened, "broad", "", SESSION)
        watch.add_watch(opened, "narrow", "logement")
        watch.add_watch(opened, "gone", "logement secteur:L")
        narrow = opened.search("logement", limit=100, facets=[], all_words=True)
        total = opened.search("", filters=SESSION, limit=0, facets=[]).total
    # After an upgrade whose taxonomy no longer has the sector the search was saved with.
    saved = json.loads((index_dir / "watches.json").read_text(encoding="utf-8"))
    saved["gone"]["query"] = "logement secteur:Z"
    (index_dir / "watches.json").write_text(json.dumps(saved), encoding="utf-8")
    # The index grew: "broad" now matches more than a saved search follows.
    monkeypatch.setattr(watch, "MAX_MATCHES", 20)

    result = CliRunner().invoke(app, ["watch", "run", "--index", str(index_dir)])

    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert out[0] == (
        f"broad (filters only): not run, nothing recorded: The saved search 'broad' now "
        f"matches {total} documents, more than the 20 a saved search follows. Narrow it: "
        '"pqsearch watch remove broad", then "pqsearch watch add broad" with more words or '
        "filters."
    )
    assert out[1] == f"narrow (logement): {narrow.total} new (first run: everything is new)"
    assert [line.split()[1] for line in out[2 : 2 + narrow.total]] == [h.id for h in narrow.hits]
    assert out[2 + narrow.total].startswith(
        "gone (logement secteur:Z): not run, nothing recorded: Unknown sector 'Z'."
    )
    assert result.stderr == (
        "Error: 2 of 3 saved searches could not run (broad, gone); the others ran and were "
        "recorded.\n"
    )
    with api.open_index(index_dir) as opened:
        runs = {w.name: (w.last_run, len(w.seen)) for w in watch.list_watches(opened)}
        assert runs["narrow"][0] is not None and runs["narrow"][1] == narrow.total
        assert runs["broad"] == runs["gone"] == (None, 0)
        # From Python: the reports say which could not run and why.
        errors = {r.name: r.error for r in watch.run_watches(opened, mark_seen=False)}
    assert errors["narrow"] is None
    assert errors["broad"] is not None and "now matches" in errors["broad"]
    assert errors["gone"] is not None and errors["gone"].startswith("Unknown sector 'Z'.")


def test_an_ingest_landing_during_a_run_is_reported_at_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answer of 170153 arrives in a commit that lands between the run's search and the
    recording of what it showed: the run shows the hit as its search found it, and records
    that version, so the next run reports the answer (second audit of session 10: the hash
    was read again after the search, from the newer commit, and the answer never showed)."""
    folder, index_dir = tmp_path / "corpus", tmp_path / "index"
    folder.mkdir()
    answered = brussels_record("170153")
    unanswered = {**answered, "reponse": None, "date_reponse": None, "date_publication": None}
    _ingest(folder, index_dir, unanswered, "00000001")
    real_search = api.Index.search
    landed: list[bool] = []

    def search_then_commit(self: api.Index, *args: Any, **kwargs: Any) -> Any:
        result = real_search(self, *args, **kwargs)
        if not landed:
            landed.append(True)
            _ingest(folder, index_dir, answered, "00000002")
        return result

    with api.open_index(index_dir) as opened:
        watch.add_watch(opened, "stib", "application STIB")
        assert [h.id for h in watch.run_watches(opened)[0].new] == ["170153"]
        monkeypatch.setattr(api.Index, "search", search_then_commit)
        (during,) = watch.run_watches(opened)
        monkeypatch.undo()
        assert landed
        assert (during.new, during.changed) == ((), ())
        (after,) = watch.run_watches(opened)
    assert [h.id for h in after.changed] == ["170153"]
    assert after.newly_answered == ("170153",)


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


def test_a_document_read_again_from_another_file_is_not_changed(tmp_path: Path) -> None:
    """Audit of session 14, D4: the same question with a new source hash (a page downloaded
    again, a record read from an export) was "changed" though nothing a reader sees was. A
    watch run by an earlier version (its record of the index's digest) is read without a
    flood of "changed", and a change made before the upgrade is still reported."""
    folder, index_dir = tmp_path / "corpus", tmp_path / "index"
    folder.mkdir()
    record = brussels_record("170153")
    _watched(folder, index_dir, record, "00000001")
    _ingest(folder, index_dir, record, "00000002")
    with api.open_index(index_dir) as opened:
        (report,) = watch.run_watches(opened)
        assert (report.new, report.changed) == ((), ())
        legacy = opened.content_hash("170153")

    # As an earlier version recorded it: the index's digest of the document.
    path = index_dir / "watches.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    saved["stib"]["seen"] = {"170153": legacy}
    path.write_text(json.dumps(saved), encoding="utf-8")
    with api.open_index(index_dir) as opened:
        (report,) = watch.run_watches(opened)
        assert (report.new, report.changed) == ((), ())
        (report,) = watch.run_watches(opened)
        assert (report.new, report.changed) == ((), ())
    saved["stib"]["seen"] = {"170153": "0" * 32}
    path.write_text(json.dumps(saved), encoding="utf-8")
    with api.open_index(index_dir) as opened:
        (report,) = watch.run_watches(opened)
    assert [h.id for h in report.changed] == ["170153"]
