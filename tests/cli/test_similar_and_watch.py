"""`similar --text` (a file, or stdin) and `watch list` / `watch remove` as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app

runner = CliRunner()


def _draft(index: api.Index) -> str:
    question = index.get("170145")
    return f"{question.title}\n{question.question}"


def test_similar_text_reads_a_draft_from_a_file(
    tmp_path: Path, corpus_index: Path, index: api.Index
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(_draft(index), encoding="utf-8")
    result = runner.invoke(app, ["similar", "--text", str(draft), "--index", str(corpus_index)])
    assert result.exit_code == 0, result.stderr
    expected = index.similar(text=_draft(index), limit=10)
    assert expected.total >= 3
    assert "similar to the given text" in result.stdout
    for hit in expected.hits:
        assert f"[id {hit.id}]" in result.stdout
    assert "Shared key terms: " in result.stdout


def test_similar_text_reads_stdin_and_filters(corpus_index: Path, index: api.Index) -> None:
    args = ["similar", "--text", "-", "--json", "--author", "Joëlle Maison"]
    result = runner.invoke(app, [*args, "--index", str(corpus_index)], input=_draft(index))
    assert result.exit_code == 0, result.stderr
    hits = json.loads(result.stdout)["hits"]
    assert hits and {h["author"] for h in hits} == {"Joëlle Maison"}
    assert all(h["extra"]["shared_terms"] for h in hits)


def test_similar_text_of_a_missing_file_is_a_message(corpus_index: Path) -> None:
    result = runner.invoke(
        app, ["similar", "--text", "/nonexistent/draft.txt", "--index", str(corpus_index)]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: Cannot read the draft /nonexistent/draft.txt")
    assert "Traceback" not in result.stderr


def test_watch_list_and_remove(tmp_path: Path, corpus_index: Path) -> None:
    index_dir = tmp_path / "index"
    shutil.copytree(corpus_index, index_dir, symlinks=True)
    at = ["--index", str(index_dir)]

    def run(*args: str) -> tuple[int, str, str]:
        result = runner.invoke(app, [*args, *at])
        return result.exit_code, result.stdout, result.stderr

    assert run("watch", "list") == (0, "", "")
    assert run("watch", "add", "logement", "logement", "--status", "answered")[0] == 0
    assert run("watch", "add", "neutre", "--author", "Joëlle Maison")[0] == 0
    code, out, _ = run("watch", "list")
    assert code == 0
    assert out.splitlines() == [
        "logement: logement --status answered · last run never",
        "neutre (no query): --author 'Joëlle Maison' · last run never",
    ]
    assert run("watch", "run")[0] == 0
    code, out, _ = run("watch", "list", "--json")
    listed = json.loads(out)
    assert [w["name"] for w in listed] == ["logement", "neutre"]
    assert all(w["last_run"] for w in listed)
    assert run("watch", "remove", "logement") == (0, "Removed 'logement'.\n", "")
    (line,) = run("watch", "list")[1].splitlines()
    assert line.startswith("neutre (no query): --author 'Joëlle Maison' · last run 20")
    code, _, err = run("watch", "remove", "logement")
    assert code == 2
    assert err == (
        "Error: No saved search is called 'logement' (saved: neutre). "
        'Add one with "pqsearch watch add".\n'
    )
