"""Harvesting the replayed site: every fault survived, nothing lost, nothing fetched twice."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pqsearch import api, harvest, temporary
from pqsearch.errors import FetchError, SiteUnreachableError
from pqsearch.fetch.manifest import MANIFEST, Manifest
from pqsearch.fetch.report import HarvestProgress, HarvestReport
from pqsearch.parse import parse_file
from tests.conftest import BRUSSELS_HTML, REPO
from tests.fetch.replay import (
    INDEX_PATH,
    MONCODES,
    Replay,
    Site,
    closed_port_url,
    gaps,
    page_path,
)

DELAY = 0.05
# Fast for the tests; the politeness rules are the same as with the real defaults.
FAST: dict[str, Any] = {"delay": DELAY, "timeout": 0.5, "retries": 3, "backoff": 0.05}
ROBOTS = "User-agent: *\nDisallow: /weblex-quest-det/?moncode=170290\n"
# Pages with an answer (all answered in 2026 before October): not asked again when the
# refresh looks back 30 days only. The others are asked again.
ANSWERED = [m for m in MONCODES if parse_file(BRUSSELS_HTML / f"{m}.html")[0].answered]


def fetch(replay: Replay, folder: Path, **options: Any) -> HarvestReport:
    return harvest(folder=folder, base_url=replay.url, **{**FAST, **options})


def manifest(folder: Path) -> dict[str, dict[str, Any]]:
    lines = (folder / MANIFEST).read_text(encoding="utf-8").splitlines()
    return {record["key"]: record for record in map(json.loads, lines) if "key" in record}


def index_only(folder: Path) -> dict[str, dict[str, Any]]:
    lines = (folder / "index-only" / "24-29.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["id"]: record for record in map(json.loads, lines)}


def test_every_fault_is_survived_and_every_page_is_held_as_served(tmp_path: Path) -> None:
    site = Site.replay()
    site.robots = ROBOTS
    site.fault(INDEX_PATH, "500")
    site.fault(page_path("170229"), "429")
    site.fault(page_path("170131"), "500", "500")
    site.fault(page_path("170140"), "timeout")
    site.fault(page_path("170145"), "truncated")
    site.fault(page_path("170147"), "error200")
    site.fault(page_path("170148"), "cut200")
    site.fault(page_path("170149", dutch=True), "error200", "cut200")
    with Replay(site) as replay:
        report = fetch(replay, tmp_path)

    assert replay.overflow == 0
    held = sorted(MONCODES)
    held.remove("170290")
    for moncode in held:
        page = (tmp_path / "fr" / f"{moncode}.html").read_bytes()
        assert page == (BRUSSELS_HTML / f"{moncode}.html").read_bytes(), moncode
        assert (tmp_path / "nl" / f"{moncode}.html.nl").is_file()
    assert len(report.new) == 2 * len(held)
    assert report.complete
    # Each fault survived is said, with what was done about it.
    retried = {line.split("?")[-1].split(":")[0]: line for line in report.retried}
    assert len(report.retried) == 10  # 170131 and the Dutch 170149 twice
    faults = {
        "moncode=170229&montitre=&base=1": "HTTP 429 Too Many Requests; asked again after 1 s",
        "moncode=170140&montitre=&base=1": "no answer within 0.5 s",
        "moncode=170145&montitre=&base=1": "the body was cut short (",
        "moncode=170147&montitre=&base=1": "not a question page: an HTML page but not",
        "moncode=170148&montitre=&base=1": "the page is cut short (no </html> at its end)",
        "moncode=170149&montitre=&base=1&lang=nl": "the page is cut short",
        "moncode=170131&montitre=&base=1": "HTTP 500 Internal Server Error",
    }
    for url, reason in faults.items():
        assert reason in retried[url], (url, retried[url])
    assert any("dos_qu_legis_24-29.json: HTTP 500" in line for line in report.retried)
    # The example row of the issue has no page in the replay: a clear failure, no file.
    assert [(f.source.split("?")[1], f.reason) for f in report.failed] == [
        ("moncode=167852&montitre=&base=1", "HTTP 404 Not Found"),
        ("moncode=167852&montitre=&base=1&lang=nl", "HTTP 404 Not Found"),
    ]
    assert not (tmp_path / "fr" / "167852.html").exists()
    # robots.txt: never asked for, reported, and still searchable through the index.
    assert [url.split("?")[1] for url in report.robots] == [
        "moncode=170290&montitre=&base=1",
        "moncode=170290&montitre=&base=1&lang=nl",
    ]
    assert not replay.requests_for(page_path("170290"))
    assert not replay.requests_for(page_path("170290", dutch=True))
    records = index_only(tmp_path)
    assert set(records) == {"170290", "167852", "900001", "900002", "900003", "900004", "900005"}
    assert records["900002"]["kind"] == "interpellation"
    assert report.index_only == 7
    # The manifest: URL, times, validators and the hash of what is on disk.
    entries = manifest(tmp_path)
    page = entries["fr/1/170229"]
    body = (tmp_path / page["file"]).read_bytes()
    assert page["sha256"] == hashlib.sha256(body).hexdigest()
    assert page["etag"] and page["last_modified"] and page["fetched_at"]
    assert page["url"] == replay.url + page_path("170229")
    assert report.dutch_held == len(held)
    assert any("not parsed yet" in note for note in report.notes)


def test_the_client_is_polite(tmp_path: Path) -> None:
    site = Site.replay()
    site.fault(page_path("170229"), "429")
    with Replay(site) as replay:
        fetch(replay, tmp_path, languages=["fr"])
    log = replay.log
    assert log[0].path == "/robots.txt"
    assert all(request.headers["User-Agent"].startswith("pqsearch/") for request in log)
    # One request at a time, each after the pause: never two closer than the delay.
    assert min(gaps(log)) >= DELAY
    first, second = replay.requests_for(page_path("170229"))
    assert first.status == 429
    assert second.at - first.at >= float(site.retry_after)


def test_an_interrupted_run_resumed_fetches_each_page_once(tmp_path: Path) -> None:
    site = Site.replay()
    with Replay(site) as replay:
        stopped = fetch(replay, tmp_path, max_pages=10)
        assert not stopped.complete
        assert len(stopped.new) == 10
        assert any("--max-pages" in note for note in stopped.notes)

        def interrupt(progress: HarvestProgress) -> None:
            if progress.requested >= 8:
                raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            fetch(replay, tmp_path, progress=interrupt)
        # A kill while a manifest line was being written leaves half a line.
        with (tmp_path / MANIFEST).open("ab") as handle:
            handle.write(b'{"key": "fr/1/1702')
        fetch(replay, tmp_path, max_pages=3)
        assert len(Manifest(tmp_path).good) == 1 + 10 + 8 + 3  # the index, then pages
        resumed = fetch(replay, tmp_path)

    assert resumed.complete
    assert resumed.resumed == 10 + 8 + 3
    for moncode in MONCODES:
        for dutch in (False, True):
            path = page_path(moncode, dutch=dutch)
            assert replay.served(path) == 1, path
    assert replay.served(page_path("167852")) == 0
    assert replay.overflow == 0


def test_a_refresh_asks_only_for_new_and_open_pages_and_keeps_good_copies(
    tmp_path: Path,
) -> None:
    site = Site.replay()
    all_rows = json.loads(site.bodies[INDEX_PATH])["data"]
    rows = [row for row in all_rows if "170312" not in row[2]]
    site.bodies[INDEX_PATH] = json.dumps({"data": rows}).encode()
    original_284 = site.bodies[page_path("170284")]
    with Replay(site) as replay:
        first = fetch(replay, tmp_path)
        assert first.complete
        # Since then: a new entry in the index, a page changed, a page served as an error.
        site.bodies[INDEX_PATH] = json.dumps({"data": all_rows}).encode()
        changed = original_284.replace(b"</h3>", b" (texte modifi\xc3\xa9)</h3>", 1)
        site.bodies[page_path("170284")] = changed
        site.fault(page_path("170289"), "error200", "error200", "error200", "error200")
        before = len(replay.log)
        again = fetch(replay, tmp_path, recent_days=30)
        refresh = replay.log[before:]

    assert [url.split("?")[1] for url in again.new] == [
        "moncode=170312&montitre=&base=1",
        "moncode=170312&montitre=&base=1&lang=nl",
    ]
    assert [url.split("?")[1] for url in again.changed] == ["moncode=170284&montitre=&base=1"]
    assert (tmp_path / "fr" / "170284.html").read_bytes() == changed
    # A Dutch page is asked again when its French page changed, not otherwise.
    asked = {request.path for request in refresh}
    assert page_path("170284", dutch=True) in asked
    for moncode in ANSWERED:
        assert page_path(moncode) not in asked
        assert page_path(moncode, dutch=True) not in asked
    # Pages held are asked for with their validators: an unchanged one is a 304.
    (unanswered,) = replay.requests_for(page_path("170293"))[1:]
    assert unanswered.headers.get("If-None-Match") and unanswered.status == 304
    # The error page served with 200 is refused; the good copy stays.
    (failure,) = [f for f in again.failed if "170289" in f.source]
    assert "not a question page" in failure.reason and "is kept" in failure.reason
    assert (tmp_path / "fr" / "170289.html").read_bytes() == (
        BRUSSELS_HTML / "170289.html"
    ).read_bytes()
    assert manifest(tmp_path)["fr/1/170289"]["status"] == "ok"
    # The new entry's page is held, so its index-only record is gone.
    assert "170312" not in index_only(tmp_path)


def test_a_run_deletes_its_own_leftovers_and_never_a_users_file(tmp_path: Path) -> None:
    """A run cleans up what a killed run left while writing, but the harvest folder is the
    user's corpus: a `.notes.tmp` of theirs stays (session 9: every `.*.tmp` was deleted)."""
    with Replay(Site.replay()) as replay:
        fetch(replay, tmp_path, languages=["fr"], max_pages=2)
        users = [tmp_path / ".notes.tmp", tmp_path / "fr" / ".draft.html.tmp"]
        for path in users:
            path.write_text("the user's own notes", encoding="utf-8")
        # An export another pqsearch is writing into a folder of the user's under the harvest
        # folder (review of session 10): pqsearch's name, but not the harvest's to clean.
        (tmp_path / "notes").mkdir()
        fd, exporting = temporary.create(tmp_path / "notes" / "memo.md")
        os.close(fd)
        # What a run killed while writing a page and the manifest leaves.
        leftovers = []
        for target in (tmp_path / "fr" / "170284.html", tmp_path / MANIFEST):
            fd, leftover = temporary.create(target)
            os.close(fd)
            leftovers.append(leftover)
        report = fetch(replay, tmp_path, languages=["fr"])
    assert report.complete
    for path in users:
        assert path.read_text(encoding="utf-8") == "the user's own notes"
    assert not any(leftover.exists() for leftover in leftovers)
    assert exporting.exists()


def test_an_unreachable_site_changes_nothing_and_says_what_to_do(tmp_path: Path) -> None:
    with Replay(Site.replay()) as replay:
        fetch(replay, tmp_path, languages=["fr"])
    files = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    with pytest.raises(SiteUnreachableError) as raised:
        harvest(folder=tmp_path, base_url=closed_port_url(), **FAST)
    message = str(raised.value)
    assert "Cannot reach 127.0.0.1" in message and "connection refused" in message
    assert "run the same command again" in message
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == files


def test_the_site_going_down_during_a_run_stops_it_and_the_next_run_goes_on(
    tmp_path: Path,
) -> None:
    site = Site.replay()
    with Replay(site) as replay:

        def go_down(progress: HarvestProgress) -> None:
            if progress.requested == 5:
                replay.server.shutdown()
                replay.server.server_close()

        with pytest.raises(SiteUnreachableError):
            fetch(replay, tmp_path, languages=["fr"], progress=go_down)
    with Replay(site) as replay:
        report = fetch(replay, tmp_path, languages=["fr"])
    assert report.resumed == 5
    assert report.complete
    assert len(list((tmp_path / "fr").glob("*.html"))) == len(MONCODES)


def test_an_index_that_cannot_be_fetched_is_a_clear_error(tmp_path: Path) -> None:
    site = Site.replay()
    site.fault(INDEX_PATH, "error200", "error200", "error200", "error200")
    with Replay(site) as replay, pytest.raises(FetchError) as raised:
        fetch(replay, tmp_path)
    assert "The index of legislature 24/29 could not be fetched" in str(raised.value)
    assert "not the site's JSON index" in str(raised.value)
    assert not (tmp_path / "fr").exists()


def test_a_kind_or_legislature_not_known_is_refused_before_any_request(tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="kind 'questions' is not known: use one of written"):
        harvest(folder=tmp_path, kinds=["questions"], base_url=closed_port_url())
    with pytest.raises(FetchError, match="'latest' is not one the site lists: write it as"):
        harvest(["latest"], folder=tmp_path, base_url=closed_port_url())
    assert not list(tmp_path.iterdir())


def test_a_fetched_page_takes_precedence_over_its_index_only_record(tmp_path: Path) -> None:
    folder = tmp_path / "harvest"
    with Replay(Site.replay()) as replay:

        def interrupt(progress: HarvestProgress) -> None:
            if progress.requested >= 2:
                raise KeyboardInterrupt

        # Killed before the index-only file was written again: both copies are in the folder.
        with pytest.raises(KeyboardInterrupt):
            fetch(replay, folder, languages=["fr"], progress=interrupt)
    (held,) = [path.stem for path in (folder / "fr").glob("*.html")][:1]
    assert held in index_only(folder)
    report = api.ingest([folder], index_dir=tmp_path / "index")
    assert not report.failed
    with api.open_index(tmp_path / "index") as index:
        question = index.get(held)
        assert question.source_format == "html" and question.question
        assert index.get("900001").source_format == "index"
        assert index.document_count == len(index_only(folder))


def test_a_killed_fetch_resumed_fetches_each_page_once(tmp_path: Path) -> None:
    folder = tmp_path / "harvest"
    site = Site.replay()
    with Replay(site) as replay:
        command = [
            sys.executable, "-m", "pqsearch.cli", "fetch", "--base-url", replay.url,
            "--folder", str(folder), "--delay", "0.2", "--quiet",
        ]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        process = subprocess.Popen(command, env=env, cwd=tmp_path)
        try:
            # Killed (SIGKILL: no clean-up of any kind) once five pages are recorded.
            deadline = time.monotonic() + 120
            while _pages_recorded(folder) < 5 and time.monotonic() < deadline:
                assert process.poll() is None, "the fetch ended before it was killed"
                time.sleep(0.05)
        finally:
            process.kill()
            process.wait(timeout=30)
        killed_at = time.monotonic()
        assert process.returncode == -signal.SIGKILL
        killed_after = _pages_recorded(folder)
        assert 5 <= killed_after < 2 * len(MONCODES)
        report = fetch(replay, folder)

    assert report.complete
    assert report.resumed == killed_after
    paths = {page_path(moncode, dutch=dutch) for moncode in MONCODES for dutch in (False, True)}
    assert all(replay.served(path) >= 1 for path in paths)
    # A page recorded before the kill is never fetched again. The client fetches one page at
    # a time, so at most one page can have been answered and not yet recorded when the kill
    # came (a loaded machine can delay the kill past the next request): that one, and only
    # that one, is fetched a second time.
    before_kill = [
        request
        for request in replay.log
        if request.path in paths and request.status == 200 and request.at < killed_at
    ]
    unrecorded = len(before_kill) - killed_after
    assert unrecorded in (0, 1)
    assert len([path for path in paths if replay.served(path) > 1]) == unrecorded
    assert not list(folder.rglob("*.tmp"))


def _pages_recorded(folder: Path) -> int:
    try:
        lines = (folder / MANIFEST).read_bytes().splitlines()
    except FileNotFoundError:
        return 0
    return sum(1 for line in lines if line.startswith((b'{"key": "fr/', b'{"key": "nl/')))


def test_a_site_that_refuses_every_page_stops_the_run_early(tmp_path: Path) -> None:
    site = Site.replay()
    for path in list(site.bodies):
        if path != INDEX_PATH:
            site.fault(path, "403")
    with Replay(site) as replay, pytest.raises(FetchError) as raised:
        fetch(replay, tmp_path)
    assert "20 pages in a row were refused or failed, the last with HTTP 403 Forbidden" in str(
        raised.value
    )
    assert len(replay.log) == 2 + 20  # robots.txt, the index, then twenty pages
    assert len(index_only(tmp_path)) == len(MONCODES) + 6  # every entry stays searchable


def test_a_whole_page_the_parser_cannot_read_is_not_asked_for_again(tmp_path: Path) -> None:
    site = Site.replay()
    # A stand-in for an oral question's page, whose layout is not known: a real page with
    # its "Question" row renamed, so that the parser cannot find the question.
    page = site.bodies[page_path("170229")].replace(b"<b>Question &nbsp;", b"<b>Texte &nbsp;")
    site.bodies[page_path("900001")] = page.replace(b"170229", b"900001")
    with Replay(site) as replay:
        first = fetch(replay, tmp_path, kinds=["oral"], languages=["fr"])
        again = fetch(replay, tmp_path, kinds=["oral"], languages=["fr"])
        assert len(replay.requests_for(page_path("900001"))) == 1
    (unreadable, missing) = first.failed
    assert unreadable.source.endswith(page_path("900001"))
    assert 'a question page the parser cannot read (no "Question" row' in unreadable.reason
    assert missing.reason == "HTTP 404 Not Found"  # 900005: asked again, it may appear
    assert again.kept == 1 and [f.reason for f in again.failed] == ["HTTP 404 Not Found"]
    assert "900001" in index_only(tmp_path)
