"""One index shared by concurrent requests, and served fresh after an ingest."""

from __future__ import annotations

import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from pqsearch import api
from tests.web.conftest import HOSTILE, Server, cli, running_server

QUERIES = [
    {"q": "diplomates technologiques"},
    {"q": "logement", "session": "25/26"},
    {"q": "mobilité OR vélo", "sort": "newest"},
    {"q": "", "status": "unanswered", "limit": "30"},
    {"q": "permis", "from": "2026-07", "to": "2026-09"},
    {"q": "technolog*", "facets": "sector,received_month"},
    {"q": "climat", "page": "2", "limit": "3"},
    {"q": "secteur:construction"},
]


def test_concurrent_requests_get_exact_results(server: Server) -> None:
    expected = [server.get("/api/search", params=params).json() for params in QUERIES]
    assert all(result["total"] > 0 for result in expected)
    jobs = [i % len(QUERIES) for i in range(16 * 6)]

    def fetch(i: int) -> tuple[int, object]:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            return i, client.get("/api/search", params=QUERIES[i]).json()

    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(fetch, jobs))
    assert len(answers) == len(jobs)
    for i, answer in answers:
        assert answer == expected[i]
    pages = [server.get("/search", params=QUERIES[0]) for _ in range(2)]
    assert pages[0].text == pages[1].text


def test_an_ingest_is_served_without_restart(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(HOSTILE, corpus / "first.jsonl")
    index_dir = tmp_path / "index"
    assert not api.ingest([corpus], index_dir=index_dir).failed
    record = json.loads(HOSTILE.read_text(encoding="utf-8"))
    fresh = {
        **record,
        "id": "FRESH-1",
        "number": 4242,
        "title": "la fraîcheur des ruches urbaines",
        "question": "Combien de ruches urbaines la Région compte-t-elle ?",
        "answer": "La Région compte 312 ruches urbaines recensées.",
        "annexes": [],
        "procedure": [],
    }
    with running_server(index_dir) as server:
        before = server.get("/api/search", params={"q": "ruches"}).json()
        assert before["total"] == 0
        (corpus / "fresh.jsonl").write_text(json.dumps(fresh, ensure_ascii=False) + "\n")
        assert api.ingest([corpus], index_dir=index_dir).added == ("FRESH-1",)
        after = server.get("/api/search", params={"q": "ruches"}).json()
        assert [hit["id"] for hit in after["hits"]] == ["FRESH-1"]
        page = server.get("/documents/FRESH-1")
        assert "La Région compte 312 " in page.text


def test_worker_processes_serve_the_same_results(server: Server) -> None:
    with running_server(server.index_dir, "--workers", "2") as workers:
        for params in QUERIES[:3]:
            expected = server.get("/api/search", params=params).json()
            assert workers.get("/api/search", params=params).json() == expected


def test_serve_without_an_index_says_how_to_build_one(tmp_path: Path) -> None:
    ran = cli("serve", "--index", str(tmp_path / "none"), "--port", "1")
    assert ran.returncode == 2
    assert ran.stderr.startswith("Error: No index at")
    assert "Traceback" not in ran.stderr
