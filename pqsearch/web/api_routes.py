"""The JSON HTTP API: the library's results as `pqsearch ... --json` prints them.

`/api/search` takes the parameters of the search page; errors are `{"error", "type"}` with the
library's message, plus the problem's `kind` when it has one, and a status saying whose fault
it is (400 the request, 404 no such document, 503 the index or the time limit).
"""

from __future__ import annotations

import difflib
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from pqsearch import (
    Index,
    IndexProblemError,
    InvalidChoiceError,
    NotFoundError,
    PqsearchError,
    QuerySyntaxError,
    UnknownValueError,
)
from pqsearch.errors import InstallationError, UnknownSectorError
from pqsearch.models import jsonable
from pqsearch.web.openapi import openapi
from pqsearch.web.params import MULTI, QueryParams, SearchState
from pqsearch.web.security import FormParams, FormTooLargeError, read_form
from pqsearch.web.service import IndexService, SearchTimeoutError

API_LIMIT = 10  # as `pqsearch search`, so the same request gives the same JSON
MAX_API_LIMIT = 1000


def status_of(error: Exception) -> int:
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, FormTooLargeError):
        return 413
    # The server's side: its index or its installation, not the request.
    if isinstance(error, IndexProblemError | InstallationError | SearchTimeoutError):
        return 503
    return 400


# Library classes the API names as their parent, so that a client matching the `type` it
# got before they existed keeps working: an unknown sector was a `QuerySyntaxError` (s20).
_NAMED_AS_PARENT = (UnknownSectorError,)


def _public_type(error: Exception) -> str:
    """The name of the nearest class of `error` that pqsearch's errors module defines: a
    class of the web layer alone (a bad `page` or `limit`) is named as the library's
    `QuerySyntaxError`, which clients match on (review W3), and so is an unknown sector."""
    for kind in type(error).__mro__:
        if kind.__module__ == "pqsearch.errors" and kind not in _NAMED_AS_PARENT:
            return kind.__name__
    return type(error).__name__


# The CLI's option names that the API spells otherwise (`--minister`), and names that no
# endpoint reads but that clients add on their own: `_`, jQuery's cache buster (cache: false),
# and the empty name of a stray `&=`.
_CLI_NAMES = {"minister": "addressee", "no_correct": "correct"}
IGNORED = ("_", "")


def closest_parameter(name: str, known: tuple[str, ...]) -> str | None:
    """The parameter of `known` that `name` most likely meant: the CLI's name for it
    (`minister`, `all-copies`), another case (`Q`), or a close spelling (`sectr`)."""
    plain = name.strip().lower().replace("-", "_")
    for meant in (_CLI_NAMES.get(plain), plain):
        if meant in known:
            return meant
    close = difflib.get_close_matches(plain, known, n=1, cutoff=0.6)
    return close[0] if close else None


class UnknownParameterError(InvalidChoiceError):
    """A parameter the endpoint does not take (a misspelt `sectr=F`), which it ignored, and
    answered as if no filter were given (Q4): `value` the names, `valid` the known ones."""

    def __init__(self, path: str, unknown: list[str], known: tuple[str, ...]) -> None:
        super().__init__("parameter", unknown, known)
        said = []
        for name in unknown:
            close = closest_parameter(name, known)
            said.append(f"{name!r}" + (f" (did you mean {close!r}?)" if close else ""))
        self.args = (
            f"Unknown parameter{'s' if len(unknown) > 1 else ''} {', '.join(said)}: {path} "
            f"takes {', '.join(known)}.",
        )


def known_parameters(path: str) -> tuple[str, ...]:
    """The query parameters of the API's `path` as its OpenAPI description lists them, and
    `lang`, which a search page's address carries (its `/search` turned into `/api/search`
    answers the same); a document's also `results`, which every document link of a search
    page carries (both taken and ignored)."""
    operation = openapi()["paths"][path]["get"]
    named = [p["name"] for p in operation.get("parameters", ()) if p["in"] == "query"]
    extra = ["lang", "results"] if path == "/api/documents/{id}" else ["lang"]
    return tuple(dict.fromkeys([*named, *extra]))


def refuse_unknown(
    params: QueryParams, path: str, known: tuple[str, ...] | None = None, where: str = ""
) -> None:
    """Raise `UnknownParameterError` for a parameter `path` does not take (`known`: its
    parameters, by default those of its OpenAPI description; `where` names the place).
    The names of `IGNORED` are taken everywhere, and ignored."""
    known = known_parameters(path) if known is None else known
    unknown = [
        name for name in dict.fromkeys(params.keys()) if name not in known and name not in IGNORED
    ]
    if unknown:
        raise UnknownParameterError(where or path, unknown, known)
    for name in dict.fromkeys(params.keys()):
        given = len(params.getlist(name))
        if given > 1 and name not in MULTI and name not in IGNORED:
            raise RepeatedParameterError(where or path, name, given)


class RepeatedParameterError(QuerySyntaxError):
    """A parameter that takes one value given several times: the last one was used, and the
    others dropped without a word (`facets=session&facets=sector`, review P, A5)."""

    def __init__(self, path: str, name: str, given: int) -> None:
        how = " (several facets: facets=session,sector)" if name == "facets" else ""
        super().__init__(
            f"The parameter {name!r} is given {given} times: {path} takes it once{how}. The "
            f"ones that take several values, repeated or each once: {', '.join(MULTI)}.",
            kind="repeated_parameter",
            value=name,
        )


FORM_TYPE = "application/x-www-form-urlencoded"


class NotAFormError(QuerySyntaxError):
    """A POST whose body is not a URL-encoded form (multipart, JSON): it was read as one, and
    its raw text answered as an unknown parameter's name (review P, A2)."""

    def __init__(self, content_type: str) -> None:
        super().__init__(
            f"POST /api/similar takes a form (Content-Type: {FORM_TYPE}) with text, as "
            f"curl -d text=... sends it; it received a body of type {content_type}. Or use GET "
            "/api/similar?text=....",
            kind="not_a_form",
            value=content_type,
        )


def _similar_form(request: Request) -> None:
    """Refuse what a POST to /api/similar carries besides its form: a body of another type,
    and a parameter in its address (its filters there were ignored: review P, A1)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    # Without a type, the body is read as a form, as before (curl --data-binary says it is).
    if content_type not in (FORM_TYPE, ""):
        raise NotAFormError(content_type)
    refuse_unknown(
        request.query_params,
        "/api/similar",
        known=("lang",),
        where="the address of POST /api/similar (its parameters go in the form)",
    )


def error_response(error: Exception) -> JSONResponse:
    body: dict[str, Any] = {"error": str(error), "type": _public_type(error)}
    kind = getattr(error, "kind", "")
    if kind:
        # The stable key for a client that branches on the problem ("unknown_sector").
        body["kind"] = kind
    if isinstance(error, UnknownValueError):
        body["suggestions"] = error.suggestions
    if isinstance(error, InvalidChoiceError):
        body["valid"] = list(error.valid)
    if isinstance(error, UnknownSectorError):
        # The ids, and the closest sectors' (s20): the message names them in English.
        body["suggestions"] = list(error.suggestions)
        body["valid"] = list(error.valid)
    return JSONResponse(body, status_code=status_of(error))


def _facet_names(params: QueryParams) -> list[str] | None:
    """`facets=session,sector` as the CLI's --facets; absent: the library's default set."""
    raw = params.get("facets")
    return None if raw is None else [raw]


class Api:
    def __init__(self, service: IndexService) -> None:
        self.service = service

    async def _json(self, work: Any) -> Response:
        try:
            return JSONResponse(jsonable(await self.service.run(work)))
        except PqsearchError as error:
            return error_response(error)

    async def search(self, request: Request) -> Response:
        params = request.query_params
        try:
            refuse_unknown(params, "/api/search")
            state = SearchState.read(params, max_limit=MAX_API_LIMIT, default_limit=API_LIMIT)
        except PqsearchError as error:
            return error_response(error)
        facets = _facet_names(params)
        # Copies grouped, as `pqsearch search --json` and the search page list them;
        # `all_copies=1` as `--all-copies`.
        grouped = (params.get("all_copies") or "0").strip().lower() in ("0", "false", "no", "")
        return await self._json(
            lambda index: index.search(
                state.q,
                filters=state.filters(),
                facets=facets,
                sort=state.sort,
                page=state.page,
                limit=state.limit,
                correct=state.correct,
                group_copies=grouped,
            )
        )

    async def document(self, request: Request) -> Response:
        doc_id = request.path_params["doc_id"]
        try:
            refuse_unknown(request.query_params, "/api/documents/{id}")
        except PqsearchError as error:
            return error_response(error)
        return await self._json(lambda index: index.show(doc_id))

    async def similar(self, request: Request) -> Response:
        try:
            if request.method == "POST":
                _similar_form(request)
            params: QueryParams = (
                FormParams(await read_form(request))
                if request.method == "POST"
                else request.query_params
            )
            refuse_unknown(params, "/api/similar")
            state = SearchState.read(params, max_limit=MAX_API_LIMIT, default_limit=API_LIMIT)
        except PqsearchError as error:
            return error_response(error)
        doc_id = params.get("id") or None
        text = params.get("text") or None

        def work(index: Index) -> Any:
            return index.similar(
                doc_id, text=text, filters=state.filters(), facets=[], limit=state.limit
            )

        return await self._json(work)

    async def facet(self, request: Request) -> Response:
        name = request.path_params["field"]
        try:
            refuse_unknown(request.query_params, "/api/facets/{field}")
            state = SearchState.read(request.query_params)
        except PqsearchError as error:
            return error_response(error)
        return await self._json(
            lambda index: index.facet(name, query=state.q, filters=state.filters())
        )

    async def openapi(self, request: Request) -> Response:
        return JSONResponse(openapi())
