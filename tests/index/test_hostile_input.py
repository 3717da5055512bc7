"""Hostile files in a batch: each is reported with its reason, and the batch goes on.

One ingest (through the CLI, as a user runs it) reads a folder where real pages alternate
with bad files; everything good before and after each bad file must be in the index.
"""

from __future__ import annotations

import base64
import html
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from whoosh.fields import TEXT

from pqsearch import api
from pqsearch.cli import app
from pqsearch.index.schema import build_schema
from pqsearch.parse import parse_file
from tests.conftest import BRUSSELS_HTML, BRUSSELS_RECORDS, SEED
from tests.permissions import bound_by_permissions

ANSWER_CELL = '<b>R&eacute;ponse &nbsp;&nbsp;</b>\n\t\t\t<td valign="top">'
HUGE_BYTES = 20_000_000


def _page(moncode: str) -> bytes:
    return (BRUSSELS_HTML / f"{moncode}.html").read_bytes()


def _with_answer_prefix(moncode: str, extra: str) -> bytes:
    """A real page with `extra` markup at the start of its answer cell."""
    text = _page(moncode).decode("utf-8")
    at = text.index(ANSWER_CELL) + len(ANSWER_CELL)
    return (text[:at] + extra + text[at:]).encode("utf-8")


def text_page(title: str, question: str, answer: str, number: int) -> bytes:
    """The seed's text rendering with another title, question, answer and number."""
    text = SEED.read_text(encoding="utf-8").replace("question n°369", f"question n°{number}")
    text = re.sub(
        r"(?m)^Question écrite concernant .*$", f"Question écrite concernant {title}", text
    )
    head = text[: text.index("\nQuestion \u00a0")]
    labels = "\u00a0 \u00a0"  # the NBSP indentation of the site's "Question" and "Réponse"
    return f"{head}\nQuestion {labels} {question}\n\n\u00a0\nRéponse {labels} {answer}\n".encode()


def _records(*, same_as_page: str, skip: set[str]) -> list[str]:
    """The record of `same_as_page`, and one record of a question none of `skip` has."""
    lines = BRUSSELS_RECORDS.read_text(encoding="utf-8").splitlines()
    twin = next(line for line in lines if json.loads(line)["moncode"] == same_as_page)
    other = next(line for line in lines if json.loads(line)["moncode"] not in skip)
    return [twin, other]


GOOD_PAGES = {
    "00_good.html": "170131",
    "04_good.html": "170132",
    "30_good.html": "170149",
}


def _build(folder: Path) -> dict[str, Any]:
    """Write the hostile folder; returns what each entry should give."""
    rng = random.Random(99)
    folder.mkdir()
    for name, moncode in GOOD_PAGES.items():
        (folder / name).write_bytes(_page(moncode))
    (folder / "01_empty.html").write_bytes(b"")
    (folder / "02_binary.html").write_bytes(rng.randbytes(8192))
    (folder / "03_png.html").write_bytes(b"\x89PNG\r\n\x1a\n" + rng.randbytes(4096))
    invalid = _page("170140")
    at = invalid.index(b"Recupel") if b"Recupel" in invalid else len(invalid) // 2
    (folder / "05_invalid_utf8.html").write_bytes(invalid[:at] + b"\xff\xfe\xc3(" + invalid[at:])
    latin1 = _page("170145").decode("utf-8").encode("latin-1", errors="xmlcharrefreplace")
    (folder / "06_latin1.html").write_bytes(latin1)
    (folder / "07_utf16.html").write_bytes(_page("170151").decode("utf-8").encode("utf-16"))
    nul = _page("170147")
    (folder / "08_nul.html").write_bytes(nul[:5000] + b"\x00" * 16 + nul[5000:])
    image = base64.b64encode(rng.randbytes(HUGE_BYTES * 3 // 4)).decode()
    (folder / "09_huge.html").write_bytes(
        _with_answer_prefix("170229", f'<img src="data:image/png;base64,{image}">')
    )
    seed = SEED.read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in seed.splitlines() if line)
    (folder / "09_huge_text.html").write_bytes(
        _with_answer_prefix("170152", paragraphs * (HUGE_BYTES // len(paragraphs) + 1))
    )
    (folder / "10_nested.html").write_bytes(
        b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000 + b"</body></html>"
    )
    (folder / "11_stopwords.txt").write_bytes(
        text_page("le la les de", "le la les de du des et", "et ou mais donc or ni car", 9001)
    )
    (folder / "12_punctuation.txt").write_bytes(
        text_page("… ? !", "— ; : … ? « »", "!!! ??? ... ---", 9002)
    )
    (folder / "13_duplicate_a.html").write_bytes(_page("170148"))
    (folder / "14_duplicate_b.html").write_bytes(
        _with_answer_prefix("170148", "<p>Une autre version de la réponse.</p>")
    )
    (folder / "15_loop.html").symlink_to("15_loop.html")
    (folder / "16_folder_loop").mkdir()
    (folder / "16_folder_loop" / "up").symlink_to("..")
    (folder / "17_broken.html").symlink_to("no-such-file.html")
    (folder / "18_device.html").symlink_to("/dev/zero")
    os.mkfifo(folder / "19_fifo.html")
    (folder / "20_proc_mem.html").symlink_to("/proc/self/mem")
    pages = {
        *GOOD_PAGES.values(),
        "170140",
        "170145",
        "170147",
        "170148",
        "170151",
        "170152",
        "170229",
    }
    records = _records(same_as_page="170229", skip=pages)
    (folder / "21_records.jsonl").write_text(
        records[0] + "\n{not json\n" + records[1] + "\n", encoding="utf-8"
    )
    return {
        "ids": {
            *GOOD_PAGES.values(),
            "170140",
            "170145",
            "170151",
            "170229",
            "170148",
            *(json.loads(r)["moncode"] for r in records),
        },
        "text_ids": {"stopwords": "9001", "punctuation": "9002"},
    }


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    work = tmp_path_factory.mktemp("hostile")
    expected = _build(work / "corpus")
    result = CliRunner().invoke(
        app, ["ingest", str(work / "corpus"), "--index", str(work / "index"), "--json", "-q"]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    report = json.loads(result.stdout)
    corpus = work / "corpus"
    failed = {
        str(Path(f["source"].split(":")[0]).relative_to(corpus)): f["reason"]
        for f in report["failed"]
    }
    lines = {f["source"] for f in report["failed"]}
    return {
        "root": work / "index",
        "corpus": work / "corpus",
        "exit_code": result.exit_code,
        "report": report,
        "failed": failed,
        "failed_sources": lines,
        **expected,
    }


def test_the_batch_goes_on_and_keeps_every_good_document(ingested: dict[str, Any]) -> None:
    assert ingested["exit_code"] == 1  # some files failed: the exit code says so
    with api.open_index(ingested["root"]) as index:
        for doc_id in ingested["ids"]:
            assert index.search(f"id:{doc_id}").total == 1, doc_id
        assert index.search("recupel").total >= 1  # a word of 170229's answer, after 20 MB


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("01_empty.html", "the file is empty"),
        ("02_binary.html", "binary data"),
        ("03_png.html", "binary data"),
        ("08_nul.html", "NUL bytes"),
        ("09_huge_text.html", "characters of text; pqsearch analyses up to 1,000,000"),
        ("10_nested.html", "nested more than 5,000 elements deep"),
        ("15_loop.html", "symbolic link"),
        ("16_folder_loop/up", "loop"),
        ("17_broken.html", "symbolic link"),
        ("18_device.html", "not a regular file"),
        ("19_fifo.html", "not a regular file"),
        ("20_proc_mem.html", "Input/output error"),
    ],
)
def test_each_bad_file_is_reported_with_its_reason(
    ingested: dict[str, Any], name: str, reason: str
) -> None:
    assert name in ingested["failed"], sorted(ingested["failed"])
    assert reason in ingested["failed"][name]


def test_a_bad_line_of_records_is_reported_with_its_line(ingested: dict[str, Any]) -> None:
    sources = {s for s in ingested["failed_sources"] if s.startswith(str(ingested["corpus"]))}
    assert str(ingested["corpus"] / "21_records.jsonl") + ":2" in sources


def test_nothing_else_failed(ingested: dict[str, Any]) -> None:
    assert set(ingested["failed"]) == {
        "01_empty.html",
        "02_binary.html",
        "03_png.html",
        "08_nul.html",
        "09_huge_text.html",
        "10_nested.html",
        "15_loop.html",
        "16_folder_loop/up",
        "17_broken.html",
        "18_device.html",
        "19_fifo.html",
        "20_proc_mem.html",
        "21_records.jsonl",
    }


def test_encodings_are_read_as_text(ingested: dict[str, Any]) -> None:
    with api.open_index(ingested["root"]) as index:
        for moncode, name in (("170145", "06_latin1.html"), ("170151", "07_utf16.html")):
            original = parse_file(BRUSSELS_HTML / f"{moncode}.html")[0]
            indexed = index.get(moncode)
            assert indexed.title == original.title, name
            assert indexed.question == original.question, name
        assert index.get("170140").source.endswith("05_invalid_utf8.html")


def test_stopword_and_punctuation_pages_are_indexed(ingested: dict[str, Any]) -> None:
    """Whoosh-Reloaded issue 99: an empty token stream through a MultiFilter raised
    RuntimeError; these pages analyse to no token at all and must still be indexed."""
    with api.open_index(ingested["root"]) as index:
        result = index.search("numero:9001 OR numero:9002", limit=10)
        assert result.total == 2
        assert {hit.title for hit in result.hits} == {"le la les de", "… ? !"}


def test_the_schema_takes_documents_without_any_token(tmp_path: Path) -> None:
    from whoosh import index as whoosh_index

    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    texts = {name: "" for name, field in build_schema().items() if isinstance(field, TEXT)}
    writer = ix.writer()
    writer.add_document(id="empty", **texts)
    writer.commit()
    assert ix.doc_count() == 1


def test_duplicate_ids_keep_the_first_page_and_say_so(ingested: dict[str, Any]) -> None:
    corpus = ingested["corpus"]
    messages = {m.split(":")[0]: m for m in ingested["report"]["duplicates"]}
    assert set(messages) == {"170148", "170229"}
    # Two pages of one question: the first in name order is kept.
    assert f"{corpus / '14_duplicate_b.html'} (html) is another version" in messages["170148"]
    assert messages["170148"].endswith(f"kept {corpus / '13_duplicate_a.html'} (html)")
    # A page and a record of one question: the page is kept, wherever it comes in the walk.
    assert f"{corpus / '21_records.jsonl'} (jsonl)" in messages["170229"]
    assert messages["170229"].endswith(f"kept {corpus / '09_huge.html'} (html)")
    with api.open_index(ingested["root"]) as index:
        assert index.get("170148").source.endswith("13_duplicate_a.html")
        assert index.get("170229").source.endswith("09_huge.html")


def test_20_mb_pages_are_bounded_work(ingested: dict[str, Any]) -> None:
    """A 20 MB page of pictures is indexed with its text alone; one of 20 MB of text is
    refused before analysis (see index.limits.MAX_TEXT_CHARS): analysing it took past 16 GB of
    memory."""
    assert (ingested["corpus"] / "09_huge.html").stat().st_size > HUGE_BYTES
    assert (ingested["corpus"] / "09_huge_text.html").stat().st_size > HUGE_BYTES
    assert "pqsearch analyses up to 1,000,000" in ingested["failed"]["09_huge_text.html"]
    with api.open_index(ingested["root"]) as index:
        question = index.get("170229")
    assert question.source.endswith("09_huge.html")
    text = "".join(part or "" for part in (question.title, question.question, question.answer))
    assert "recupel" in text.lower()
    assert len(text) < 1_000_000  # what ingest analyses at most (its message above)


def test_an_unreadable_file_is_reported(tmp_path: Path) -> None:
    """Permissions: as root, chmod 000 does not stop reading, so the check runs without the
    capabilities that let root bypass file permissions (setpriv, from util-linux)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.html").write_bytes(_page("170131"))
    (folder / "b_locked.html").write_bytes(_page("170132"))
    (folder / "b_locked.html").chmod(0)
    (folder / "c.html").write_bytes(_page("170149"))
    command = [sys.executable, "-m", "pqsearch.cli", "parse", str(folder)]
    result = subprocess.run(
        bound_by_permissions(command), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["170131", "170149"]
    assert f"{folder / 'b_locked.html'}: cannot read the file: Permission denied" in result.stderr


@pytest.mark.slow
def test_a_folder_of_10000_files(tmp_path: Path) -> None:
    """10,000 files: real pages among notes that are not questions; each is reported."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    pages = sorted(BRUSSELS_HTML.glob("*.html"))[:10]
    for number in range(10_000):
        if number % 1000 == 0:
            source = pages[number // 1000]
            (folder / f"{number:05d}.html").write_bytes(source.read_bytes())
        else:
            (folder / f"{number:05d}.html").write_text(
                f"<html><body><p>Note {number}: {html.escape('pas une question')}</p></body></html>"
            )
    report = api.ingest([folder], index_dir=tmp_path / "index")
    assert len(report.added) == 10
    assert len(report.failed) == 9_990
    assert all("not a question page" in failure.reason for failure in report.failed)
