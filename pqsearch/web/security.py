"""Safe by default: headers on every response, bounded form bodies, known hosts only.

The pages run no script at all, so the Content-Security-Policy forbids every script: even a
document text that escaped escaping could not run. Styles and images come from this server
only (the timeline is inline SVG markup, not a style attribute).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import parse_qsl

from starlette.requests import ClientDisconnect, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pqsearch import PqsearchError

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
# A pasted draft is a few pages; a megabyte is an attack or a mistake.
MAX_FORM_BYTES = 200_000
LOOPBACK = ("127.0.0.1", "localhost", "::1")


class SecurityHeaders:
    """Adds `HEADERS` to every HTTP response (pages, API, static files, errors)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in HEADERS if n not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


class FormTooLargeError(PqsearchError):
    """A posted form larger than `limit` bytes (`MAX_FORM_BYTES`)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"The form is larger than {limit:,} bytes. Paste a shorter draft.")


class ClientGoneError(PqsearchError):
    """The client hung up while posting a form: answered with an error no one reads."""


async def read_form(request: Request) -> dict[str, list[str]]:
    """A URL-encoded form body (what a plain HTML form sends), read up to `MAX_FORM_BYTES`."""
    body = bytearray()
    try:
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > MAX_FORM_BYTES:
                raise FormTooLargeError(MAX_FORM_BYTES)
    except ClientDisconnect as gone:
        # A tab closed or a connection lost mid-post: nobody to answer, and nothing for the
        # server's terminal (it printed a traceback per hang-up).
        raise ClientGoneError("The browser hung up before sending the whole form.") from gone
    fields: dict[str, list[str]] = {}
    for name, value in parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True):
        fields.setdefault(name, []).append(value)
    return fields


class FormParams:
    """A parsed form with the `get`/`getlist` of query parameters."""

    def __init__(self, fields: dict[str, list[str]]) -> None:
        self.fields = fields

    def get(self, key: str, /) -> str | None:
        values = self.fields.get(key)
        return values[0] if values else None

    def getlist(self, key: str, /) -> list[str]:
        return list(self.fields.get(key, []))

    def keys(self) -> Iterable[str]:
        return self.fields.keys()


def allowed_hosts(host: str) -> Sequence[str]:
    """Host headers the server answers: its own address and loopback names (a page elsewhere
    cannot reach it by rebinding a DNS name to 127.0.0.1). Bound to every address, any."""
    if host in ("0.0.0.0", "::", ""):
        return ["*"]
    return list(dict.fromkeys([host, *LOOPBACK, "[::1]"]))
