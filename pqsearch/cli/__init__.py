"""The `pqsearch` command: a thin coat over `pqsearch.api`.

Each command parses its options, calls one public function and formats the result. Only
`PqsearchError` is caught (printed, non-zero exit); anything else is a bug and keeps its
traceback.

The commands live in modules by group (`ingest`: parse/ingest/fetch; `search`: search, show,
facets, sectors, similar; `export`; `watch`; `serve`); importing them registers them on `app`
in the order `pqsearch --help` lists them.
"""

from __future__ import annotations

import gc
import os
import sys

from pqsearch.lazy import deferred, import_without

# At the terminal every search starts a process (BENCHMARKS.md, "Cold start"). Two costs of
# that start are not the search's:
# - numpy's OpenBLAS starts a thread per core when numpy is imported, 45 ms of a 0.45 s
#   `pqsearch search` here; no command multiplies matrices (spaCy's models use their own
#   BLAS), so one thread unless the user chose otherwise;
# - the modules imported below make most of the objects the process will hold, and the
#   garbage collector walked them again and again while they were made (80 ms of collector
#   passes in one search): it waits for them, then leaves them out of later passes.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
_collecting = gc.isenabled()
gc.disable()
try:
    # typer imports subprocess for `typer.launch` (which opens a URL or a file) and difflib
    # for the "did you mean" of a misspelt command: neither runs in a command of ours that
    # succeeds, and subprocess was about 5 % of a terminal search. A stand-in imports the
    # real module the first time typer asks it anything (`lazy.import_without`).
    import_without(
        "typer",
        {
            "subprocess": {},
            "difflib": {"get_close_matches": deferred("difflib", "get_close_matches")},
        },
    )
    # Imported for their side effect: each module registers its commands on `app`, in this
    # order.
    from pqsearch.cli import ingest, search, export, watch, serve  # noqa: F401  isort: skip
    from pqsearch.cli.common import app, app_for
    from pqsearch.cli.stdout import checked_stdout, refuse_closed_stdout
finally:
    gc.freeze()
    if _collecting:
        gc.enable()

__all__ = ["app", "main"]


def main() -> None:
    refuse_closed_stdout()
    arguments = sys.argv[1:]
    command = " ".join(arguments[:2]) if arguments[:1] == ["watch"] else " ".join(arguments[:1])
    with checked_stdout(command):
        app_for(arguments)()
