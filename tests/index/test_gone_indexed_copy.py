"""The indexed version of a question whose file is gone is still a copy of it (audit 10, F5).

A collector's record cuts answers laid out as tables to "1" or "QUESTION 1", and holds no
procedure steps. With the saved pages deleted, an ingest (with `--prune` or without) took the
record of every question instead of the page version the index held, without comparing the
two: four whole answers, whose last copy was the index, became "1". The shipped pages and
records are the real ones (`corpus/brussels/`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from tests.conftest import brussels_folder, brussels_record

runner = CliRunner()

# Answers laid out as tables: whole in the page, cut short in the record.
CUT_IN_RECORD = ("170248", "170264")
# Same dates and a whole answer in both, but only the page has the procedure steps and the
# kind (oral turned written): the page wins on format.
FORMAT_ONLY = "169976"
RECORD_ONLY = "170244"
CUT_REASON = "a whole answer where the other copy has one cut short"


def _ingest(folder: Path, root: Path, *options: str) -> str:
    result = runner.invoke(app, ["ingest", str(folder), "--index", str(root), "-q", *options])
    assert result.exit_code == 0, result.output
    return result.stdout


def _held(root: Path) -> dict[str, dict[str, Any]]:
    with api.open_index(root) as index:
        ids = [hit.id for hit in index.search("", limit=50, facets=[]).hits]
        return {
            i: {
                "source": index.get(i).source,
                "answer": index.get(i).answer,
                "answer_type": index.show(i).answer_type,
                "kind": index.get(i).kind,
                "procedure": index.get(i).procedure,
            }
            for i in sorted(ids)
        }


def test_a_cut_record_does_not_replace_the_indexed_page_whose_file_is_gone(
    tmp_path: Path,
) -> None:
    paged = (*CUT_IN_RECORD, FORMAT_ONLY)
    folder = brussels_folder(tmp_path / "brussels", paged, (*paged, RECORD_ONLY))
    root = tmp_path / "index"
    _ingest(folder, root)
    before = _held(root)
    assert all(before[i]["answer_type"] != "truncated" for i in CUT_IN_RECORD)
    assert before[FORMAT_ONLY]["kind"] == "oral_turned_written" and before[FORMAT_ONLY]["procedure"]

    shutil.rmtree(folder / "html")
    records = folder / "records.jsonl"
    for options in ((), ("--prune",)):
        output = _ingest(folder, root, *options)
        # The page versions stay, whole answers, procedure steps and kind included; on main,
        # "3 updated" and the records' "1" and "QUESTION 1" as answers, typed 'truncated'.
        assert output.startswith("0 added, 0 updated, 4 unchanged, 0 removed"), output
        assert _held(root) == before
        for moncode in paged:
            page = folder / "html" / f"{moncode}.html"
            (line,) = [w for w in output.splitlines() if w.startswith(f"  warning: {moncode}: ")]
            assert f"kept the version indexed from {page} (gone) over {records} (jsonl)" in line
            assert "--rebuild" in line
        assert all(
            CUT_REASON in line
            for line in output.splitlines()
            if line.startswith(tuple(f"  warning: {m}: " for m in CUT_IN_RECORD))
        )
        # The advice of the cut-answer warning ("Ingest the page") is for a record indexed.
        assert "Ingest the page" not in output

    # --prune drops a document once no file holds it any more, as before.
    kept = [
        line for line in records.read_bytes().splitlines(keepends=True) if b"170248" not in line
    ]
    records.write_bytes(b"".join(kept))
    output = _ingest(folder, root, "--prune")
    assert output.startswith("0 added, 0 updated, 3 unchanged, 1 removed"), output
    after = _held(root)
    assert sorted(after) == sorted(set(before) - {"170248"})
    assert after == {i: held for i, held in before.items() if i != "170248"}


def _write_records(path: Path, *records: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


def test_a_later_copy_in_the_run_is_compared_with_the_indexed_version(tmp_path: Path) -> None:
    """The record read first loses to the indexed page; a second record, newer than the first
    (a later publication) but cut short too, was compared with the first only, and replaced
    the page. A copy newer than the page itself still replaces it."""
    folder = brussels_folder(tmp_path / "brussels", ("170248",), ("170248",))
    root = tmp_path / "index"
    api.ingest([folder], index_dir=root)
    page = folder / "html" / "170248.html"
    whole = _held(root)["170248"]
    page.unlink()
    republished = {**brussels_record("170248"), "date_publication": "2026-10-05"}
    _write_records(folder / "update" / "records.jsonl", republished)
    report = api.ingest([folder], index_dir=root)
    assert report.unchanged == ("170248",) and not report.updated
    assert _held(root)["170248"] == whole
    (warning,) = report.warnings
    assert f"kept the version indexed from {page} (gone)" in warning
    (duplicate,) = report.duplicates
    assert duplicate.startswith(f"170248: {folder / 'update' / 'records.jsonl'} (jsonl) ")
    assert duplicate.endswith(f"kept {page} (html)")

    answered = {
        **republished,
        "date_reponse": "2026-10-05",
        "reponse": "Réponse complétée depuis, publiée le 5 octobre.",
    }
    _write_records(folder / "update" / "records.jsonl", answered)
    report = api.ingest([folder], index_dir=root, prune=True)
    assert report.updated == ("170248",) and not report.warnings
    with api.open_index(root) as index:
        assert index.get("170248").answer == answered["reponse"]
