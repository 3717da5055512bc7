"""The `pqsearch` command: a thin coat over `pqsearch.api`.

Each command parses its options, calls one public function and formats the result. Only
`PqsearchError` is caught (printed, non-zero exit); anything else is a bug and keeps its
traceback.

The commands live in modules by group (`ingest`: parse/ingest/fetch; `search`: search, show,
facets, sectors, similar; `export`; `watch`; `serve`); importing them registers them on `app`
in the order `pqsearch --help` lists them.
"""

from __future__ import annotations

# Imported for their side effect: each module registers its commands on `app`, in this order.
from pqsearch.cli import ingest, search, export, watch, serve  # noqa: F401  isort: skip
from pqsearch.cli.common import app

__all__ = ["app", "main"]


def main() -> None:
    app()
