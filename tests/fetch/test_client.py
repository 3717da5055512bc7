"""The polite client's rules that the harvest tests do not reach: Retry-After, Crawl-delay."""

from __future__ import annotations

import email.utils
import time
from pathlib import Path

import pytest

from pqsearch import harvest
from pqsearch.errors import FetchError
from pqsearch.fetch.client import _retry_after
from tests.fetch.replay import Replay, Site, gaps
from tests.fetch.test_harvest import FAST


def test_retry_after_is_read_as_seconds_or_as_a_date() -> None:
    assert _retry_after("120") == 120.0
    in_a_minute = _retry_after(email.utils.formatdate(time.time() + 60, usegmt=True))
    assert in_a_minute is not None and 50 <= in_a_minute <= 60
    assert _retry_after("soon") is None


def test_a_retry_after_too_long_stops_the_run_with_the_wait_asked(tmp_path: Path) -> None:
    site = Site.replay()
    site.retry_after = "3600"
    site.fault("/robots.txt", "429")
    with Replay(site) as replay, pytest.raises(FetchError) as raised:
        harvest(folder=tmp_path, base_url=replay.url, **FAST)
    assert "asks to wait 3600 s" in str(raised.value)
    assert len(replay.log) == 1


def test_the_crawl_delay_of_robots_txt_is_honoured_when_longer(tmp_path: Path) -> None:
    site = Site.replay()
    site.robots = "User-agent: *\nCrawl-delay: 1\n"
    with Replay(site) as replay:
        harvest(folder=tmp_path, base_url=replay.url, max_pages=2, **FAST)
    assert len(replay.log) == 4  # robots.txt, the index, two pages
    assert min(gaps(replay.log[1:])) >= 1.0


def test_a_robots_txt_the_server_fails_to_give_stops_before_any_page(tmp_path: Path) -> None:
    site = Site.replay()
    site.fault("/robots.txt", "500", "500", "500", "500")
    with Replay(site) as replay, pytest.raises(FetchError) as raised:
        harvest(folder=tmp_path, base_url=replay.url, **FAST)
    assert "robots.txt could not be read (HTTP 500 Internal Server Error)" in str(raised.value)
    assert {request.path for request in replay.log} == {"/robots.txt"}
