"""The web application: routes, middleware and the shared index, assembled.

    app = create_app("index/")          # an ASGI app; `serve` runs it with uvicorn

Read-only: pages and API answer GET (and POST for a pasted draft, which changes nothing).
Only files of this package's `static/` folder are served, by Starlette's `StaticFiles`,
which refuses any path leading outside it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from pqsearch.web.api_routes import Api
from pqsearch.web.i18n import Words, language_of
from pqsearch.web.messages import not_found_message
from pqsearch.web.pages import Pages
from pqsearch.web.render import STATIC, environment
from pqsearch.web.security import SecurityHeaders, allowed_hosts
from pqsearch.web.service import DEFAULT_TIMEOUT, IndexService

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def create_app(
    index_dir: str | Path | None = None,
    *,
    host: str = DEFAULT_HOST,
    timeout: float = DEFAULT_TIMEOUT,
) -> Starlette:
    """The application over the index at `index_dir` (default: $PQSEARCH_INDEX, else index/).

    `host` is the address the server listens on: requests naming another host are refused.
    """
    service = IndexService(index_dir, timeout=timeout)
    templates = environment()
    pages = Pages(service, templates)
    api = Api(service)

    async def not_found(request: Request, error: Exception) -> Response:
        status = error.status_code if isinstance(error, HTTPException) else 500
        detail = error.detail if isinstance(error, HTTPException) else "Internal error"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": detail, "type": "HTTPError"}, status_code=status)
        words = Words(language_of(request.query_params.get("lang")))
        # Starlette's "Not Found" in the page's language (s18).
        shown = not_found_message(words) if status == 404 else detail
        html = templates.get_template("error.html").render(
            words=words, lang=words.language, switch_language="/search", error=shown
        )
        return HTMLResponse(html, status_code=status)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        service.close()

    routes = [
        Route("/", pages.home),
        Route("/search", pages.search),
        Route("/documents/{doc_id:path}", pages.document),
        Route("/draft", pages.draft, methods=["GET", "POST"]),
        Route("/draft/export", pages.draft_export, methods=["POST"]),
        Route("/export", pages.search_export),
        Route("/watches", pages.watches),
        Route("/api/search", api.search),
        Route("/api/documents/{doc_id:path}", api.document),
        Route("/api/similar", api.similar, methods=["GET", "POST"]),
        Route("/api/facets/{field}", api.facet),
        Route("/api/openapi.json", api.openapi),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(host)),
        ],
        exception_handlers={HTTPException: not_found},
        lifespan=lifespan,
    )
    app.state.service = service
    return app


# Worker processes read their settings from here (uvicorn starts them from an import path).
_SETTINGS_ENV = "PQSEARCH_WEB_SETTINGS"


def serve(
    index_dir: str | Path | None = None,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = 1,
) -> None:
    """Run the application with uvicorn until interrupted.

    `workers` > 1 runs that many processes, each with its own open index: Python runs one
    search at a time per process, so on a machine with several cores this is what scales.
    """
    import uvicorn

    app = create_app(index_dir, host=host, timeout=timeout)
    app.state.service.open()  # a missing or damaged index is reported before serving
    shown = f"[{host}]" if ":" in host else host
    print(f"pqsearch: serving http://{shown}:{port}/ (Ctrl-C stops)", file=sys.stderr, flush=True)
    options = {"host": host, "port": port, "log_level": "warning", "server_header": False}
    if workers <= 1:
        uvicorn.run(app, **options)  # type: ignore[arg-type]
        return
    app.state.service.close()
    root = str(Path(index_dir) if index_dir is not None else "")
    os.environ[_SETTINGS_ENV] = json.dumps({"index": root, "host": host, "timeout": timeout})
    uvicorn.run("pqsearch.web.app:from_environment", factory=True, workers=workers, **options)  # type: ignore[arg-type]


def from_environment() -> Starlette:
    """The application of a worker process started by `serve(workers=N)`."""
    settings = json.loads(os.environ[_SETTINGS_ENV])
    return create_app(settings["index"] or None, host=settings["host"], timeout=settings["timeout"])
