"""A saved search reports a document "changed" only when what a reader sees changed (audit
of session 14, D4): on main `seen` held the hash of the source's bytes, so the same
questions read from another file (the index rebuilt from its own `export -f jsonl`) were all
"changed". Searches saved before keep their hashes until the next run, which reports no
change for them either. Real indexes on disk, the shipped pages.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from pqsearch import api, watch
from pqsearch.cli import app
from pqsearch.index.fingerprint import READER_HASH_PREFIX
from tests.conftest import BRUSSELS_HTML

runner = CliRunner()


def test_the_same_questions_read_from_an_export_are_not_changed(tmp_path: Path) -> None:
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    for moncode in ("170157", "170131"):
        shutil.copyfile(BRUSSELS_HTML / f"{moncode}.html", corpus / f"{moncode}.html")
    assert not api.ingest([corpus], index_dir=index_dir).failed
    with api.open_index(index_dir) as opened:
        watch.add_watch(opened, "logement", "logement")
        assert [h.id for h in watch.run_watches(opened)[0].new] == ["170157"]
    exported = tmp_path / "export.jsonl"
    result = runner.invoke(
        app,
        ["export", "--index", str(index_dir), "-f", "jsonl", "--limit", "100", "-o", str(exported)],
    )
    assert result.exit_code == 0, result.output
    report = api.ingest([exported], index_dir=index_dir, rebuild=True)
    assert not report.failed and len(report.added) == 2
    with api.open_index(index_dir) as opened:
        assert opened.get("170157").source == str(exported)
        (run,) = watch.run_watches(opened)
    # On main: 170157 "changed" (its hash was the page's bytes, now the export line's).
    assert (run.new, run.changed) == ((), ())


def test_a_search_saved_before_reports_no_change_at_its_first_run(
    corpus_index: Path, tmp_path: Path
) -> None:
    index_dir = tmp_path / "index"
    shutil.copytree(corpus_index, index_dir, symlinks=True)
    with api.open_index(index_dir) as opened:
        watch.add_watch(opened, "logement", "logement")
        watch.run_watches(opened)
    path = index_dir / "watches.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    # As versions before 0.2.0 wrote it: the index's own hash of each document.
    with api.open_index(index_dir) as opened:
        saved["logement"]["seen"] = {i: opened.content_hash(i) for i in saved["logement"]["seen"]}
    path.write_text(json.dumps(saved), encoding="utf-8")

    with api.open_index(index_dir) as opened:
        (run,) = watch.run_watches(opened)
        assert (run.new, run.changed) == ((), ())
        (seen,) = [w.seen for w in watch.list_watches(opened)]
    assert seen and all(h.startswith(READER_HASH_PREFIX) for h in seen.values())
