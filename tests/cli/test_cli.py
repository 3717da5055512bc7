"""The `pqsearch` command as a user runs it: output, exit codes, messages instead of tracebacks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from pqsearch.models import Question
from tests.conftest import BRUSSELS_HTML, SEED

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def all_commands() -> list[tuple[str, Any]]:
    root: Any = get_command(app)
    found: list[tuple[str, Any]] = []
    for name, command in root.commands.items():
        if hasattr(command, "commands"):
            found.extend((f"{name} {sub}", c) for sub, c in command.commands.items())
        else:
            found.append((name, command))
    return found


@pytest.mark.parametrize(("name", "command"), all_commands())
def test_every_command_has_help_with_an_example(name: str, command: Any) -> None:
    assert command.help and "Example: pqsearch" in command.help, name
    code, out, _ = run(*name.split(), "--help")
    assert code == 0
    assert "Example: pqsearch" in out


def test_parse_prints_json_lines_that_parse_back(tmp_path: Path) -> None:
    code, out, err = run("parse", str(SEED), str(BRUSSELS_HTML / "170229.html"))
    assert code == 0, err
    records = [Question.from_dict(json.loads(line)) for line in out.splitlines()]
    assert [r.number for r in records] == [369, 59]
    saved = tmp_path / "records.jsonl"
    saved.write_text(out, encoding="utf-8")
    code, again, err = run("parse", str(saved))
    assert code == 0, err
    assert [Question.from_dict(json.loads(line)) for line in again.splitlines()] == records


def test_parse_reports_a_bad_file_and_exits_non_zero(tmp_path: Path) -> None:
    bad = tmp_path / "empty.html"
    bad.write_bytes(b"")
    code, out, err = run("parse", str(bad), str(SEED))
    assert code != 0
    assert "empty.html" in err
    assert len(out.splitlines()) == 1


def test_search_prints_hits_with_highlights_and_facets(corpus_index: Path) -> None:
    code, out, err = run("search", "diplomates", "technologiques", "--index", str(corpus_index))
    assert code == 0, err
    assert "n°369" in out
    assert "[diplomates]" in out or "[technologiques]" in out
    assert "Facets:" in out and "session:" in out


def test_search_json_is_the_typed_result(corpus_index: Path) -> None:
    code, out, _ = run("search", "logement", "--json", "--index", str(corpus_index))
    data = json.loads(out)
    assert code == 0
    assert data["total"] == len(data["hits"]) or data["total"] > len(data["hits"])
    assert {"hits", "total", "facets", "suggestions"} <= set(data)


def test_missing_index_says_how_to_build_one(tmp_path: Path) -> None:
    code, _, err = run("search", "logement", "--index", str(tmp_path / "nothing"))
    assert code != 0
    assert "pqsearch ingest" in err
    assert "Traceback" not in err


def test_unknown_filter_value_suggests(corpus_index: Path) -> None:
    code, _, err = run("search", "--session", "25-26", "--index", str(corpus_index))
    assert code != 0
    assert "did you mean '25/26'" in err


def test_show_prints_the_record(corpus_index: Path) -> None:
    code, out, _ = run("show", "170229", "--index", str(corpus_index))
    assert code == 0
    assert "Martin Casier → Audrey Henry" in out
    assert "Question orale transformée en question écrite" in out


def test_facets_lists_all_values(corpus_index: Path) -> None:
    code, out, _ = run("facets", "session", "--index", str(corpus_index))
    assert code == 0
    assert "25/26" in out and "20/21" in out


def test_ingest_reports_a_broken_file_and_keeps_the_good_ones(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "seed.txt")
    shutil.copy(BRUSSELS_HTML / "170229.html", corpus)
    (corpus / "broken.html").write_bytes(b"\x00\x01\x02 not a page")
    index_dir = tmp_path / "index"
    code, out, _ = run("ingest", str(corpus), "--index", str(index_dir), "--quiet")
    assert code != 0
    assert "broken.html" in out
    assert "2 added" in out
    with api.open_index(index_dir) as index:
        assert index.search("diplomates", facets=[]).total == 1
        assert index.search("gisement", facets=[]).total == 1


def test_reingest_is_incremental(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "seed.txt")
    for name in ("170229.html", "170152.html"):
        shutil.copy(BRUSSELS_HTML / name, corpus)
    index_dir = tmp_path / "index"
    first = api.ingest([corpus], index_dir=index_dir)
    assert len(first.added) == 3
    second = api.ingest([corpus], index_dir=index_dir)
    assert len(second.unchanged) == 3 and not second.added and not second.updated
    assert second.words == 0  # nothing was analysed again
    page = corpus / "170152.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</h3>", " modifiée</h3>", 1), encoding="utf-8"
    )
    third = api.ingest([corpus], index_dir=index_dir)
    assert third.updated == ("170152",)
    assert len(third.unchanged) == 2
    page.unlink()
    fourth = api.ingest([corpus], index_dir=index_dir, prune=True)
    assert fourth.removed == ("170152",)
    with api.open_index(index_dir) as index:
        assert index.document_count == 2


def test_search_pages_with_copies_list_every_document_once(corpus_index: Path) -> None:
    # Paging 3 at a time: the pages together list each of the 40 documents once, a copy of a
    # question beside its hit (third audit of session 11, G1: 170145 and 170147 on no page).
    shown: list[str] = []
    for page in range(1, 15):
        options = ["--limit", "3", "--page", str(page), "--json"]
        code, out, err = run("search", "bruxelles", "--index", str(corpus_index), *options)
        assert code == 0, err
        result = json.loads(out)
        for hit in result["hits"]:
            shown += [hit["id"], *(copy["id"] for copy in hit["copies"])]
    with api.open_index(corpus_index) as index:
        every = index.search("bruxelles", limit=100, facets=[])
    assert sorted(shown) == sorted(h.id for h in every.hits)
    assert len(shown) == result["total"] == 40


def test_a_page_past_the_hits_names_the_last_page(corpus_index: Path) -> None:
    # 40 documents, fewer hits with copies grouped: page 14 of 3 a page is past the last (R5).
    code, out, err = run(
        "search", "bruxelles", "--index", str(corpus_index), "--limit", "3", "--page", "1", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["listed"] is None
    code, out, err = run(
        "search",
        "bruxelles",
        "--index",
        str(corpus_index),
        "--limit",
        "3",
        "--page",
        "14",
        "--json",
    )
    assert code == 0, err
    listed = json.loads(out)["listed"]
    assert listed < 40
    code, out, err = run(
        "search", "bruxelles", "--index", str(corpus_index), "--limit", "3", "--page", "14"
    )
    assert code == 0, err
    assert f"Page 14 is past the last page of hits: --page {-(-listed // 3)}" in out
