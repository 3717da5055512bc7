"""A polite HTTP client for one site: one request at a time, robots.txt, backoff, validators.

Politeness is enforced here, so no caller can forget it: every request (robots.txt
included) waits until `delay` seconds (or the robots.txt Crawl-delay, if longer) have passed
since the previous response; a 429 or 503 with `Retry-After` waits that long; 5xx answers,
timeouts, resets and cut bodies are retried with exponential backoff; a page already held is
asked for with `If-None-Match` / `If-Modified-Since`, so an unchanged one costs a 304.
Built on urllib alone: one request at a time needs no connection pool.
"""

from __future__ import annotations

import email.utils
import http.client
import math
import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urljoin, urlsplit

from pqsearch.errors import FetchError, SiteUnreachableError

USER_AGENT = "pqsearch/0.1 (search over parliamentary questions; one request at a time)"
# The token robots.txt rules are matched against.
ROBOTS_AGENT = "pqsearch"
# Statuses worth asking again: rate limiting and the server's own trouble.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# After this many URLs in a row without any HTTP answer, the site is taken to be down.
SILENT_LIMIT = 3

# "invalid": a body refused again and again (an error page served with 200, a cut body);
# "unreadable": a whole page that the check says asking again will not mend.
Outcome = Literal["ok", "not_modified", "robots", "http_error", "invalid", "unreadable"]


@dataclass(frozen=True)
class Validators:
    """What the server said identifies a version of a page (sent back when refreshing)."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Rejection:
    """Why a check refused a body, and whether asking again may give a good one."""

    reason: str
    retry: bool = True


@dataclass(frozen=True)
class Response:
    """A finished request: `body` for "ok", nothing for a 304 or a robots.txt refusal."""

    url: str
    outcome: Outcome
    status: int | None
    body: bytes
    validators: Validators
    reason: str = ""


# Seconds between the end of a response and the next request: at most one request every 2 s
# (plus the server's own time), a load a person browsing the site could make.
DEFAULT_DELAY = 2.0


@dataclass(frozen=True)
class Politeness:
    """How the client treats the site. The defaults are for the real site."""

    delay: float = DEFAULT_DELAY
    timeout: float = 30.0
    retries: int = 3
    # The first retry waits this long, each next one twice as long (10, 20, 40 s).
    backoff: float = 10.0
    # A Retry-After longer than this stops the run: better to come back later.
    max_retry_after: float = 900.0
    user_agent: str = USER_AGENT

    def __post_init__(self) -> None:
        # A negative or NaN delay would read as "no pause at all" (max() with NaN first is
        # NaN) and hammer the site; a timeout of 0 or less fails every request as if the site
        # were down, or ends in socket's own error.
        for name, value, least, open_below in (
            ("delay", self.delay, 0.0, False),
            ("timeout", self.timeout, 0.0, True),
            ("backoff", self.backoff, 0.0, False),
            ("max_retry_after", self.max_retry_after, 0.0, False),
        ):
            if not math.isfinite(value) or value < least or (open_below and value == least):
                bound = "more than" if open_below else "at least"
                raise FetchError(
                    f"The {name.replace('_', ' ')} must be a number of seconds {bound} "
                    f"{least:g}, not {value!r} (--{name.replace('_', '-')})."
                )
        if self.retries < 0:
            raise FetchError(f"The retries must be 0 or more, not {self.retries}.")


class PoliteClient:
    """GETs against one site, with the rules of `Politeness`; counts what it asked."""

    def __init__(self, base_url: str, politeness: Politeness = Politeness()) -> None:
        self.base_url = base_url
        self.politeness = politeness
        self.requests = 0
        # Each fault survived by asking again: "URL: reason; asked again after N s".
        self.retried: list[str] = []
        self.robots = urllib.robotparser.RobotFileParser()
        self.crawl_delay = 0.0
        self._last_done: float | None = None
        # URLs in a row that got no HTTP answer at all (timeouts, resets) after every retry.
        self._silent = 0
        self._opener = urllib.request.build_opener()

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc or self.base_url

    def read_robots(self) -> None:
        """Fetch and apply robots.txt. None there (404) allows everything; 401/403 forbid all;
        a server failure stops the run (RFC 9309: the rules are unknown, so no page)."""
        url = urljoin(self.base_url, "/robots.txt")
        response = self.get(url, check_robots=False)
        if response.status is None or response.status >= 500:
            raise FetchError(
                f"{url} could not be read ({response.reason}), so the site's rules for robots "
                "are unknown and nothing was fetched. Run the same command again later."
            )
        if response.outcome == "ok":
            self.robots.parse(response.body.decode("utf-8", "replace").splitlines())
            self.crawl_delay = float(self.robots.crawl_delay(ROBOTS_AGENT) or 0)
        elif response.status in (401, 403):
            self.robots.parse(["User-agent: *", "Disallow: /"])
        else:
            self.robots.parse([])

    def allowed(self, url: str) -> bool:
        return self.robots.can_fetch(ROBOTS_AGENT, url)

    def get(
        self,
        url: str,
        validators: Validators = Validators(),
        *,
        check_robots: bool = True,
        check: Callable[[bytes], Rejection | None] | None = None,
    ) -> Response:
        """GET `url` politely. `check` says why a 200 body is not what was asked (an error
        page, a cut page), or None; such a body is never returned as "ok": it is asked for
        again like a 5xx, unless the rejection says that would not help ("unreadable").
        Raises `SiteUnreachableError` when the site never answers."""
        if check_robots and not self.allowed(url):
            return Response(url, "robots", None, b"", Validators(), "disallowed by robots.txt")
        attempt = 0
        while True:
            retry_after: float | None = None
            failed: Response | None = None
            try:
                answer = self._once(url, validators)
            except _Retryable as problem:
                reason, retry_after = problem.reason, problem.retry_after
                unreachable = problem.unreachable
                if problem.answered:
                    self._silent = 0
            else:
                unreachable = False
                self._silent = 0
                rejection = check(answer.body) if check and answer.outcome == "ok" else None
                if rejection is None:
                    return answer
                reason = rejection.reason
                outcome: Outcome = "invalid" if rejection.retry else "unreadable"
                failed = Response(url, outcome, answer.status, b"", Validators(), reason)
                if not rejection.retry:
                    return failed
            # A refused connection or an unknown host seldom mends within minutes of
            # backoff: one more try after the usual pause, then say so.
            retries = min(self.politeness.retries, 1) if unreachable else self.politeness.retries
            if attempt >= retries:
                if failed is not None:
                    return failed
                self._silent += 1
                if unreachable or self._silent >= SILENT_LIMIT:
                    raise SiteUnreachableError(
                        f"Cannot reach {self.host}: {reason} ({attempt + 1} attempts). The "
                        "pages held and the search index stay as they were. Check the "
                        "connection (or --base-url) and run the same command again when the "
                        "site answers: it goes on where it stopped."
                    )
                return Response(url, "http_error", None, b"", Validators(), reason)
            attempt += 1
            wait = (
                self.politeness.delay
                if unreachable
                else self.politeness.backoff * 2 ** (attempt - 1)
            )
            if retry_after is not None:
                if retry_after > self.politeness.max_retry_after:
                    raise FetchError(
                        f"{self.host} asks to wait {retry_after:.0f} s before the next request "
                        f"(Retry-After). Stopped; run the same command again after that."
                    )
                wait = max(retry_after, self.politeness.delay)
            self.retried.append(f"{url}: {reason}; asked again after {wait:g} s")
            self._pause(wait)

    def _once(self, url: str, validators: Validators) -> Response:
        self._pause(max(self.politeness.delay, self.crawl_delay))
        headers = {"User-Agent": self.politeness.user_agent, "Accept-Encoding": "identity"}
        if validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        request = urllib.request.Request(url, headers=headers)
        self.requests += 1
        try:
            with self._opener.open(request, timeout=self.politeness.timeout) as answer:
                body = answer.read()
                status = answer.status
                found = Validators(answer.headers.get("ETag"), answer.headers.get("Last-Modified"))
            return Response(url, "ok", status, body, found)
        except urllib.error.HTTPError as error:
            error.close()
            if error.code == 304:
                return Response(url, "not_modified", 304, b"", validators)
            reason = f"HTTP {error.code} {error.reason}"
            if error.code in RETRY_STATUSES:
                retry_after = _retry_after(error.headers.get("Retry-After"))
                raise _Retryable(reason, retry_after, answered=True) from None
            return Response(url, "http_error", error.code, b"", Validators(), reason)
        except http.client.IncompleteRead as error:
            raise _Retryable(
                f"the body was cut short ({len(error.partial)} bytes of "
                f"{len(error.partial) + (error.expected or 0)})",
                answered=True,
            ) from None
        except TimeoutError:
            raise _Retryable(f"no answer within {self.politeness.timeout:g} s") from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError | socket.timeout):
                raise _Retryable(f"no answer within {self.politeness.timeout:g} s") from None
            raise _Retryable(_describe(error.reason), unreachable=True) from None
        except (ConnectionError, http.client.HTTPException) as error:
            raise _Retryable(_describe(error)) from None
        finally:
            self._last_done = time.monotonic()

    def _pause(self, seconds: float) -> None:
        if self._last_done is None:
            return
        remaining = self._last_done + seconds - time.monotonic()
        if remaining > 0:
            time.sleep(remaining)


class _Retryable(Exception):
    """A try that failed in a way worth another; `answered`: the server did answer."""

    def __init__(
        self,
        reason: str,
        retry_after: float | None = None,
        *,
        answered: bool = False,
        unreachable: bool = False,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.answered = answered
        self.unreachable = unreachable


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _describe(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason) or type(reason).__name__
