"""The serve command: the web interface and JSON API."""

from __future__ import annotations

from typing import Annotated

import typer

from pqsearch.cli.common import IndexOption, app, user_errors


@app.command()
def serve(
    index: IndexOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    timeout: Annotated[float, typer.Option(help="Seconds a search may take.")] = 10.0,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Server processes (one per core scales best).")
    ] = 1,
) -> None:
    """Serve the web interface and the JSON API (read-only) until Ctrl-C.

    Example: pqsearch serve --index index/ --port 8000, then open http://127.0.0.1:8000/
    """
    from pqsearch.web import serve as run_server

    with user_errors():
        run_server(index, host=host, port=port, timeout=timeout, workers=workers)
