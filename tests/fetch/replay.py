"""A replay of parlement.brussels on 127.0.0.1: the index, the real pages, injected faults.

The index is built in the site's format (`{"data": [16 strings a row]}`, HTML entities
left in, links as `<a>` markup) from the collector's records of the shipped pages
(`corpus/brussels/records.jsonl`; the page itself where a page has no record), plus the
example row of issue 19 (167852, which the replay does not serve: a 404) and a few rows of
the other kinds, made up for the test and marked so in their titles. The French pages are the
real pages of `corpus/brussels/html/`, byte for byte. No real Dutch page is available, so
each Dutch URL serves a small synthetic stand-in, marked as such, that is never parsed.

Faults are queued per path and served in order before the normal answer. The server answers
at most `max_requests` requests (then 503s, which the tests check never happen) and keeps a
log of every request with its time and headers.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from html.entities import codepoint2name
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Literal

from pqsearch.parse import parse_file
from tests.conftest import BRUSSELS_HTML, BRUSSELS_RECORDS

INDEX_PATH = "/prb_includes/weblex/data/dos_qu_legis_24-29.json"
PAGE_PATHS = sorted(BRUSSELS_HTML.glob("*.html"))
MONCODES = [path.stem for path in PAGE_PATHS]
# The example row of issue 19, verbatim: a written question whose page the replay lacks.
EXAMPLE_ROW = [
    "PRB",
    "BHP",
    '<a href="/weblex-quest-det/?moncode=167852&montitre=&base=1">fiche</a>',
    '<a href="/weblex-quest-det/?moncode=167852&montitre=&base=1&lang=nl">fiche</a>',
    "24/29",
    "31/12/2025",
    "question &eacute;crite",
    "schriftelijke vraag",
    "Question &eacute;crite concernant les donn&eacute;es statistiques relatives aux agences "
    "immobili&egrave;res sociales",
    "Schriftelijke vraag betreffende statistische gegevens met betrekking tot de sociale "
    "verhuurkantoren",
    "Marie Cruysmans",
    "Nawal Ben Hamou - Secr&eacute;taire d&#39;&Eacute;tat &agrave; la R&eacute;gion de "
    "Bruxelles-Capitale en charge du Logement et de l&#39;&Eacute;galit&eacute; des Chances",
    "Nawal Ben Hamou - Staatssecretaris van het Brussels Hoofdstedelijk Gewest bevoegd voor "
    "Huisvesting en Gelijke kansen",
    "",
    "",
    "1",
]
# Rows of the kinds with no written page: (moncode, assembly, type FR, type NL, title word).
OTHER_KINDS = [
    ("900001", "PRB", "question orale", "mondelinge vraag", "orale"),
    ("900002", "PRB", "interpellation", "interpellatie", "interpellation"),
    ("900003", "PRB", "demande d'explications", "vraag om uitleg", "explications"),
    ("900004", "PRB", "question d'actualit&eacute;", "dringende vraag", "actualite"),
    ("900005", "ARCCC", "question orale", "mondelinge vraag", "commission"),
]

Fault = Literal["429", "500", "timeout", "truncated", "error200", "cut200", "403", "404"]
ERROR_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Erreur</title></head><body><h1>Le service est "
    b"momentan\xc3\xa9ment indisponible</h1></body></html>\n"
)


def entities(text: str) -> str:
    """Text as the index writes it: markup characters and accents as HTML entities."""
    escaped = html.escape(text, quote=False).replace("'", "&#39;")
    return "".join(
        f"&{codepoint2name[ord(c)]};" if ord(c) > 127 and ord(c) in codepoint2name else c
        for c in escaped
    )


def page_path(moncode: str, *, dutch: bool = False) -> str:
    return f"/weblex-quest-det/?moncode={moncode}&montitre=&base=1" + ("&lang=nl" if dutch else "")


def _link(moncode: str, *, dutch: bool = False) -> str:
    return f'<a href="{page_path(moncode, dutch=dutch)}">fiche</a>'


def index_rows() -> list[list[str]]:
    """The replayed index: one written-question row per shipped page, the example, the rest."""
    records = {}
    for line in BRUSSELS_RECORDS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        records[record["moncode"]] = record
    rows = []
    for path in PAGE_PATHS:
        record = records.get(path.stem)
        if record is not None:
            title, title_nl = record["titre"], record["titre_nl"] or ""
            author, addressee = record["auteur"], record["destinataire"]
            day = "/".join(reversed(record["date_reception"].split("-")))
        else:
            (page,) = parse_file(path)
            title, title_nl = f"Question écrite concernant {page.title}", ""
            author = page.author or ""
            addressee = f"{page.addressee} - {page.addressee_role or ''}"
            day = page.received_on.strftime("%d/%m/%Y") if page.received_on else ""
        rows.append(
            [
                "PRB",
                "BHP",
                _link(path.stem),
                _link(path.stem, dutch=True),
                "24/29",
                day,
                "question &eacute;crite",
                "schriftelijke vraag",
                entities(title),
                entities(title_nl),
                entities(author),
                entities(addressee),
                "",
                "",
                "",
                "1",
            ]
        )
    rows.append(EXAMPLE_ROW)
    for number, (moncode, assembly, type_fr, type_nl, word) in enumerate(OTHER_KINDS, start=1):
        bulletin = (
            f'<a target=_blank href="http://weblex.irisnet.be/data/crb/biq/2025-26/000{number}'
            f'/images.pdf#page={number}">B.I.Q. {number} (25/26) p. {number}</a>'
        )
        rows.append(
            [
                assembly,
                "BHP" if assembly == "PRB" else "VVGGC",
                _link(moncode),
                _link(moncode, dutch=True),
                "24/29",
                f"0{number}/10/2025",
                type_fr,
                type_nl,
                f"{type_fr.capitalize()} concernant une entr&eacute;e de test {word}",
                f"{type_nl.capitalize()} betreffende een testrij {word}",
                "Membre Test",
                "Ministre Test - Ministre charg&eacute; de la Mobilit&eacute;",
                "Minister Test - Minister bevoegd voor Mobiliteit",
                bulletin,
                bulletin.replace("images.pdf", "images-n.pdf"),
                "2",
            ]
        )
    return rows


def dutch_stand_in(moncode: str) -> bytes:
    return (
        '<!DOCTYPE html>\n<html lang="nl-NL"><head><title>Synthetic stand-in</title>'
        f'<link rel="alternate" hreflang="nl" href="{page_path(moncode, dutch=True)}" />'
        f"</head><body><p>Synthetic stand-in for the Dutch page of {moncode}: no real Dutch "
        "page is available to the tests.</p></body></html>\n"
    ).encode()


@dataclass(frozen=True)
class Request:
    """One request the replay got: when it arrived, when its answer was written, what it was."""

    path: str
    at: float
    done: float
    headers: dict[str, str]
    status: int


@dataclass
class Site:
    """What the replay serves: bodies by path, robots.txt, and faults queued per path."""

    bodies: dict[str, bytes]
    robots: str | None = None
    faults: dict[str, list[Fault]] = field(default_factory=dict)
    retry_after: str = "1"
    stall: float = 1.5
    max_requests: int = 400

    @classmethod
    def replay(cls) -> Site:
        bodies = {INDEX_PATH: json.dumps({"data": index_rows()}).encode()}
        for path in PAGE_PATHS:
            bodies[page_path(path.stem)] = path.read_bytes()
            bodies[page_path(path.stem, dutch=True)] = dutch_stand_in(path.stem)
        return cls(bodies)

    def fault(self, path: str, *faults: Fault) -> None:
        self.faults.setdefault(path, []).extend(faults)


class Replay:
    """The server: `with Replay(site) as replay:` serves on `replay.url` until the block ends."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.log: list[Request] = []
        self.overflow = 0
        self._lock = threading.Lock()
        # Requests being answered: the block's end waits for them, so that a test reads a
        # log that holds every request the client made (the client can see an answer, and
        # the test end, before the handler's thread has written its line).
        self._busy = 0
        self._idle = threading.Condition(self._lock)
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                replay._serve(self)

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Replay:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self._idle:
            self._idle.wait_for(lambda: self._busy == 0, timeout=self.site.stall + 5)
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)

    def requests_for(self, path: str) -> list[Request]:
        return [request for request in self.log if request.path == path]

    def served(self, path: str) -> int:
        """How many times `path` was answered with its body (a 200)."""
        return sum(1 for request in self.requests_for(path) if request.status == 200)

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        arrived = time.monotonic()
        with self._lock:
            self._busy += 1
            if len(self.log) >= self.site.max_requests:
                self.overflow += 1
                fault: str | None = "overflow"
            else:
                queue = self.site.faults.get(handler.path) or []
                fault = queue.pop(0) if queue else None
            body = self.site.bodies.get(handler.path)
            if handler.path == "/robots.txt":
                body = self.site.robots.encode() if self.site.robots is not None else None
        status = 0
        try:
            status = self._answer(handler, body, fault)
        finally:
            with self._lock:
                self.log.append(
                    Request(handler.path, arrived, time.monotonic(), dict(handler.headers), status)
                )
                self._busy -= 1
                self._idle.notify_all()

    def _answer(
        self, handler: BaseHTTPRequestHandler, body: bytes | None, fault: str | None
    ) -> int:
        try:
            if fault == "overflow":
                return self._send(handler, 503, b"too many requests for one test")
            if fault == "timeout":
                time.sleep(self.site.stall)
            if fault in ("429", "500"):
                extra = {"Retry-After": self.site.retry_after} if fault == "429" else {}
                return self._send(handler, int(fault), b"busy", extra)
            if fault == "403":
                return self._send(handler, 403, b"<html><body>Forbidden</body></html>")
            if fault == "404" or body is None:
                return self._send(handler, 404, b"<html><body>Not found</body></html>")
            if fault == "error200":
                return self._send(handler, 200, ERROR_PAGE)
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if handler.headers.get("If-None-Match") == etag:
                return self._send(handler, 304, b"", {"ETag": etag})
            headers = {"ETag": etag, "Last-Modified": "Mon, 28 Sep 2026 08:00:00 GMT"}
            if fault == "truncated":
                # The announced length, then half the bytes and a closed connection.
                return self._send(handler, 200, body, headers, cut=len(body) // 2)
            if fault == "cut200":
                # No length announced: the cut is only visible in the content.
                return self._send(handler, 200, body, headers, cut=len(body) // 2, length=False)
            return self._send(handler, 200, body, headers)
        except OSError:
            # The client gave up (the timeout fault): nothing to answer to.
            return 0

    @staticmethod
    def _send(
        handler: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        headers: dict[str, str] | None = None,
        *,
        cut: int | None = None,
        length: bool = True,
    ) -> int:
        handler.send_response(status)
        handler.send_header("Content-Type", "text/html; charset=UTF-8")
        if length and status != 304:
            handler.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body if cut is None else body[:cut])
        handler.wfile.flush()
        return status


def closed_port_url() -> str:
    """The URL of a port on 127.0.0.1 where nothing listens: connections are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def gaps(log: list[Request]) -> list[float]:
    """Seconds between the arrivals of consecutive requests.

    Arrivals, not answer-to-request: a client that read a whole announced body may start
    waiting before the server's thread has noted that it finished writing."""
    arrivals = sorted(request.at for request in log)
    return [b - a for a, b in itertools.pairwise(arrivals)]


def page_file(folder: Path, moncode: str) -> Path:
    return folder / "fr" / f"{moncode}.html"
