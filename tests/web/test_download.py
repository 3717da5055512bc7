"""Downloading chosen results while an ingest changes the index between the page and the
download: the file holds the documents the page showed and the user ticked, and says which of
them are no longer in the index."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlencode

import httpx

from pqsearch.export import escape
from tests.conftest import SHIPPED_CORPUS
from tests.web.conftest import cli, running_server

SEED = SHIPPED_CORPUS / "seed" / "000_b24cdd112820c31b.txt"


def older_copy(folder: Path, number: int, year: int) -> str:
    """The seed question 369 as another question (its number) received in `year`; its id."""
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("Date de réception: 23/02/2021", f"Date de réception: 23/02/{year}")
    (folder / f"{number}.txt").write_text(text.replace("n°369", f"n°{number}"), encoding="utf-8")
    return f"PRB-19_24-20_21-pascal-smet-{number}"


def form_fields(page: str) -> list[tuple[str, str]]:
    """The hidden fields of the page's download form: its search, then the ids it shows."""
    (form,) = re.findall(r'<form action="/[^"]*export[^"]*"[^>]*>(.*?)</form>', page, re.S)
    pairs = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form)
    return [(name, html.unescape(value)) for name, value in pairs]


def boxes(page: str) -> list[str]:
    """The ids the page lists, in its order: the value of each result's tick box."""
    return [
        html.unescape(i) for i in re.findall(r'type="checkbox" name="id" value="([^"]*)"', page)
    ]


def ingest(*args: str) -> None:
    done = cli("ingest", *args)
    assert done.returncode == 0, done.stderr


def test_ticked_documents_moved_or_removed_by_an_ingest_are_never_dropped_silently(
    corpus_index: Path, tmp_path: Path
) -> None:
    index_dir, mine = tmp_path / "index", tmp_path / "mine"
    shutil.copytree(corpus_index, index_dir, symlinks=True)
    mine.mkdir()
    removed = older_copy(mine, 8370, 2019)
    ingest(str(mine), "--index", str(index_dir))
    with running_server(index_dir) as server:
        # The oldest questions, three a page: the user's 2019 question, then the corpus's.
        page = server.get("/search", params={"q": "", "sort": "oldest", "limit": "3"}).text
        fields = form_fields(page)
        shown = boxes(page)
        assert shown[0] == removed and len(shown) == 3
        draft_text = SEED.read_text(encoding="utf-8")
        draft_page = httpx.post(server.url + "/draft", data={"text": draft_text}, timeout=60)
        draft_fields = form_fields(draft_page.text)
        assert removed in boxes(draft_page.text)

        # Meanwhile: the 2019 question's file is deleted and pruned, two older ones come in,
        # so that the third document shown is now on page 2.
        (mine / "8370.txt").unlink()
        added = [older_copy(mine, 8368, 2017), older_copy(mine, 8369, 2018)]
        ingest(str(mine), "--index", str(index_dir), "--prune")
        now = server.get("/search", params={"q": "", "sort": "oldest", "limit": "3"}).text
        assert boxes(now)[:2] == added

        ticked = [shown[0], shown[2]]
        download = server.get(
            "/export", params=[*fields, *(("id", i) for i in ticked), ("format", "jsonl")]
        )
        assert download.status_code == 200
        records = [json.loads(line) for line in download.text.splitlines()]
        assert [(r["question"]["id"], r["rank"]) for r in records] == [(shown[2], 3)]
        assert download.headers["pqsearch-not-found"] == removed

        memo = server.get(
            "/export", params=[*fields, *(("id", i) for i in ticked), ("format", "md")]
        ).text
        assert [line.split(".")[0] for line in memo.splitlines() if line.startswith("## ")] == [
            "## 3"
        ]
        assert memo.rstrip().endswith(
            f"Documents choisis qui ne sont plus dans l'index (retirés depuis l'affichage de la "
            f"page) : {escape(removed)}."
        )

        # Nothing ticked: the whole page as it was shown, not as it would be now.
        whole = server.get("/export", params=[*fields, ("format", "jsonl")])
        records = [json.loads(line) for line in whole.text.splitlines()]
        ids = [(r["question"]["id"], r["rank"]) for r in records]
        assert ids == [(shown[1], 2), (shown[2], 3)]
        assert whole.headers["pqsearch-not-found"] == removed

        # The drafting page's download, the same way.
        (kept,) = [doc_id for doc_id in boxes(draft_page.text) if doc_id != removed]
        chosen = [*draft_fields, ("id", kept), ("id", removed), ("format", "csv")]
        draft_download = httpx.post(
            server.url + "/draft/export",
            content=urlencode(chosen),
            headers={"content-type": "application/x-www-form-urlencoded"},
            timeout=60,
        )
        assert draft_download.status_code == 200
        rows = csv.DictReader(io.StringIO(draft_download.text.lstrip("\ufeff")), delimiter=";")
        assert [row["id"] for row in rows] == [kept]
        assert draft_download.headers["pqsearch-not-found"] == removed

        # A link cut after its last `id=` (review of session 10): the empty id names nothing,
        # the header stays a valid value, and the server answers.
        cut = server.get(
            "/export", params=[*fields, ("id", removed), ("id", ""), ("format", "jsonl")]
        )
        assert cut.status_code == 200
        assert cut.text == ""
        assert cut.headers["pqsearch-not-found"] == removed
