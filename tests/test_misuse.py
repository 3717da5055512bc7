"""Issue 12's "Low" list: each misuse gets a message, never a traceback nor a wrong answer."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.analyze.taxonomy import default_taxonomy_path, load_taxonomy
from pqsearch.cli import app
from pqsearch.errors import QuerySyntaxError, TaxonomyError
from tests.conftest import BRUSSELS_HTML, BRUSSELS_RECORDS


@pytest.mark.parametrize("query", ["le la les", "🏠", "\\", "de , du"])
def test_a_query_with_nothing_to_search_is_not_the_whole_corpus(
    index: api.Index, corpus_index: Path, query: str
) -> None:
    with pytest.raises(QuerySyntaxError, match="Nothing to search for"):
        index.search(query)
    result = CliRunner().invoke(app, ["search", query, "--index", str(corpus_index)])
    assert result.exit_code == 2 and "Traceback" not in result.output


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060"])
def test_invisible_characters_inside_a_query_word_are_dropped(
    index: api.Index, invisible: str
) -> None:
    expected = index.search("logement")
    assert expected.total > 0
    typed = f"loge{invisible}ment"
    assert index.search(typed) == dataclasses.replace(expected, query=typed)


@pytest.mark.parametrize(
    "call",
    [
        {"query": b"logement"},
        {"query": None},
        {"query": 3},
        {"query": "logement", "limit": 2.5},
        {"query": "logement", "page": "2"},
        {"query": "logement", "limit": True},
    ],
)
def test_wrong_argument_types_are_messages(index: api.Index, call: dict[str, object]) -> None:
    with pytest.raises(QuerySyntaxError):
        index.search(**call)  # type: ignore[arg-type]


def test_a_taxonomy_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.toml"
    path.write_bytes(b"\xef\xbb\xbf" + default_taxonomy_path().read_bytes())
    assert load_taxonomy(path).sectors == load_taxonomy(None).sectors


def test_a_deeply_nested_taxonomy_is_a_message(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.toml"
    path.write_text("x = " + "[" * 50_000 + "]" * 50_000 + "\n")
    with pytest.raises(TaxonomyError, match=r"nested too deeply|invalid TOML"):
        load_taxonomy(path)


def test_export_into_a_missing_folder_is_a_message(corpus_index: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "memo.md"
    result = CliRunner().invoke(
        app, ["export", "logement", "--index", str(corpus_index), "-o", str(target)]
    )
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "Cannot write the export" in result.stderr


@pytest.mark.parametrize("content", ["[]", '{"a": 1}', "[" * 100_000])
def test_a_malformed_watches_file_is_a_message(
    corpus_index: Path, tmp_path: Path, content: str
) -> None:
    root = tmp_path / "index"
    shutil.copytree(corpus_index, root, symlinks=True)
    (root / "watches.json").write_text(content)
    result = CliRunner().invoke(app, ["watch", "run", "--index", str(root)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "watches.json" in result.stderr


def test_the_advice_for_a_folder_holding_other_things_is_not_to_ingest_there(
    tmp_path: Path,
) -> None:
    (tmp_path / "notes.txt").write_text("x")
    result = CliRunner().invoke(app, ["search", "logement", "--index", str(tmp_path)])
    assert result.exit_code == 2
    assert f"--index {tmp_path}/pqsearch-index" in result.stderr
    assert f'--index {tmp_path}"' not in result.stderr


def test_prune_keeps_the_documents_of_a_file_that_failed_to_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    pages = sorted(BRUSSELS_HTML.glob("*.html"))[:2]
    for page in pages:
        shutil.copyfile(page, corpus / page.name)
    root = tmp_path / "index"
    assert len(api.ingest([corpus], index_dir=root).added) == 2
    # Half written by a copy in progress: binary garbage this time.
    (corpus / pages[0].name).write_bytes(b"\0\1\2" * 1000)
    report = api.ingest([corpus], index_dir=root, prune=True)
    assert len(report.failed) == 1 and not report.removed
    with api.open_index(root) as index:
        assert index.search("").total == 2


def test_prune_keeps_the_document_of_a_record_line_that_failed_to_read(tmp_path: Path) -> None:
    # Audit 9, finding 5: a whole failing file kept its documents, a failing line lost its.
    records = tmp_path / "records.jsonl"
    lines = BRUSSELS_RECORDS.read_bytes().splitlines(keepends=True)[:5]
    records.write_bytes(b"".join(lines))
    root = tmp_path / "index"
    assert len(api.ingest([records], index_dir=root).added) == 5
    cut = json.loads(lines[2])["moncode"]
    # Line 3 cut in the middle, as a collector's partial write leaves it.
    records.write_bytes(b"".join([*lines[:2], lines[2][: len(lines[2]) // 2] + b"\n", *lines[3:]]))
    result = CliRunner().invoke(app, ["ingest", str(records), "--index", str(root), "--prune"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "4 unchanged, 0 removed, 1 failed" in result.output
    assert f"failed: {records}:3: not a JSON record" in result.output
    assert f"note: --prune kept 1 indexed document of {records} " in result.output
    with api.open_index(root) as index:
        assert index.document_count == 5 and index.get(cut).id == cut
    # Once the file reads cleanly without the line, its document goes.
    records.write_bytes(b"".join([*lines[:2], *lines[3:]]))
    report = api.ingest([records], index_dir=root, prune=True)
    assert report.removed == (cut,) and not report.failed
    assert not [note for note in report.notes if "--prune kept" in note]
