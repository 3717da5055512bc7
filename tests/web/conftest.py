"""A real server on 127.0.0.1 (the `pqsearch serve` command, in its own process) and a real
Chromium (Debian's `chromium` package, driven by Playwright; never a downloaded browser).

The browser is a required part of these tests: when it is missing they fail and say how to
install it, they are never skipped.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from tests.conftest import REPO, SHIPPED_CORPUS, TEST_DATA, run_pqsearch

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
HOSTILE = TEST_DATA / "web" / "hostile.jsonl"
# The README's screenshots are refreshed only on request (PQSEARCH_SCREENSHOTS=1): a test run
# must not rewrite files of the repository. Otherwise they go to a temporary folder.
SCREENSHOTS = (
    REPO / "docs" / "screenshots"
    if os.environ.get("PQSEARCH_SCREENSHOTS") == "1"
    else Path(tempfile.gettempdir()) / "pqsearch-screenshots"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    url: str
    index_dir: Path
    process: subprocess.Popen[bytes]

    def get(self, path: str, **options: Any) -> httpx.Response:
        return httpx.get(self.url + path, timeout=30, **options)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`pqsearch ARGS` from this checkout, as a user runs it."""
    return run_pqsearch(*args)


@contextlib.contextmanager
def running_server(index_dir: Path, *extra: str) -> Iterator[Server]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "pqsearch.cli", "serve", "--index", str(index_dir)]
    process = subprocess.Popen(
        [*command, "--port", str(port), *extra],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                assert process.stderr is not None
                raise AssertionError(f"pqsearch serve exited: {process.stderr.read().decode()}")
            try:
                httpx.get(url + "/static/style.css", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield Server(url, index_dir, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def server(corpus_index: Path) -> Iterator[Server]:
    """`pqsearch serve` over the shipped corpus."""
    with running_server(corpus_index) as started:
        yield started


@pytest.fixture(scope="session")
def hostile_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of one seed page and the hostile record."""
    from pqsearch import api

    corpus = tmp_path_factory.mktemp("hostile_corpus")
    shutil.copy(HOSTILE, corpus / HOSTILE.name)
    shutil.copy(SHIPPED_CORPUS / "seed" / "000_b24cdd112820c31b.txt", corpus / "seed.txt")
    index_dir = tmp_path_factory.mktemp("hostile") / "index"
    report = api.ingest([corpus], index_dir=index_dir)
    assert not report.failed, report.failed
    return index_dir


@pytest.fixture(scope="session")
def hostile_server(hostile_index: Path) -> Iterator[Server]:
    with running_server(hostile_index) as started:
        yield started


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), (
        f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
        "(apt-get install -y chromium; .ci/run installs it)."
    )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Watched:
    """A page with what would betray a script running: dialogs, console errors."""

    page: Page
    dialogs: list[str]
    console: list[str]


@pytest.fixture
def page(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    watched = Watched(opened, [], [])

    def on_dialog(dialog: Any) -> None:
        watched.dialogs.append(dialog.message)
        dialog.dismiss()

    opened.on("dialog", on_dialog)
    opened.on("console", lambda message: watched.console.append(message.text))
    yield watched
    context.close()
