"""What `show`, the memo and the page say of a record's answer and place (session 19): a reply
date without a published text reads "answer not published" everywhere `search` says so, and a
federal record (a legislature, no session) shows no "session ?".

Real processes, the real shipped corpus (170312: "Date de réponse: 22/09/2026, sans texte") and
real federal records (tests/data/be_chamber_qrva_fr_2023)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pqsearch import api
from tests.conftest import TEST_DATA, run_pqsearch
from tests.web.conftest import running_server

UNPUBLISHED = "170312"
FEDERAL = TEST_DATA / "be_chamber_qrva_fr_2023" / "records.jsonl"
PRINTED = "CHAMBRE-55-b113-1320-2145-2022202320490"


@pytest.fixture(scope="module")
def federal_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("federal")
    lines = [
        line
        for line in FEDERAL.read_text(encoding="utf-8").splitlines()
        if line.strip() and json.loads(line)["id"] == PRINTED
    ]
    assert len(lines) == 1
    (folder / "records.jsonl").write_text(lines[0] + "\n", encoding="utf-8")
    report = api.ingest([folder], index_dir=folder / "index")
    assert not report.failed, report.failed
    return folder / "index"


def test_show_says_a_reply_date_without_text_as_search_does(corpus_index: Path) -> None:
    found = run_pqsearch("search", f"id:{UNPUBLISHED}", "--index", str(corpus_index))
    assert found.returncode == 0, found.stderr
    assert "answered on 22/09/2026, answer not published" in found.stdout
    shown = run_pqsearch("show", UNPUBLISHED, "--index", str(corpus_index))
    assert shown.returncode == 0, shown.stderr
    dates = next(line for line in shown.stdout.splitlines() if line.startswith("  Received"))
    # It said "· answered 22/09/2026".
    assert dates.endswith("· answered on 22/09/2026, answer not published"), dates


@pytest.mark.parametrize(
    ("language", "dates"),
    [
        ("fr", "- Reçue le 14/07/2026, publiée le 22/09/2026, réponse du 22/09/2026, non publiée"),
        (
            "en",
            "- Received 14/07/2026, published 22/09/2026, answered on 22/09/2026, answer not "
            "published",
        ),
    ],
)
def test_the_memo_says_a_reply_date_without_text_is_not_published(
    corpus_index: Path, language: str, dates: str
) -> None:
    memo = run_pqsearch(
        "export", f"id:{UNPUBLISHED}", "--memo-language", language, "--index", str(corpus_index)
    )
    assert memo.returncode == 0, memo.stderr
    assert dates in memo.stdout.splitlines(), memo.stdout


def test_show_and_the_memo_say_no_session_a_federal_record_lacks(federal_index: Path) -> None:
    shown = run_pqsearch("show", PRINTED, "--index", str(federal_index))
    assert shown.returncode == 0, shown.stderr
    place = shown.stdout.splitlines()[1]
    assert place == f"  id {PRINTED} · CHAMBRE · question n°2145 · legislature 55 · written"
    memo = run_pqsearch("export", "--index", str(federal_index))
    assert memo.returncode == 0, memo.stderr
    assert "- Question écrite n°2145, législature 55" in memo.stdout.splitlines()
    assert "session ?" not in memo.stdout


def test_the_document_page_agrees(corpus_index: Path, federal_index: Path) -> None:
    with running_server(corpus_index) as server:
        page = server.get(f"/documents/{UNPUBLISHED}", params={"lang": "en"}).text
        assert "<dt>Answered</dt><dd>22/09/2026, answer not published</dd>" in page
        page = server.get(f"/documents/{UNPUBLISHED}").text
        assert "<dt>Répondue le</dt><dd>22/09/2026, réponse non publiée</dd>" in page
    with running_server(federal_index) as server:
        page = server.get(f"/documents/{PRINTED}").text
        assert "<dt>Législature</dt><dd>55</dd>" in page
        assert "<dt>Session</dt>" not in page
