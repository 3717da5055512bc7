"""`pqsearch search` at the terminal loads only what a search needs (issue 18, cold start).

Every terminal search starts a process, so each module it imports is paid at every search:
these run the real command in a fresh interpreter and read its `sys.modules` at exit.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pqsearch.index.verified import SETTLE_SECONDS, VERIFIED_PREFIX
from tests.conftest import REPO

# What a search must not load: spaCy and the ingest, the fetcher, the exports, the web
# server; and the standard modules some dependencies import for code a search never runs
# (whoosh.compat's urllib.request with http, email and ssl; cached_property's asyncio;
# Whoosh's own searcher and query machinery; numpy.ma, which `np.unique` imports; typer's
# subprocess and difflib; the saved searches;
# the records of documents, ingests and sectors, `pqsearch.models`: a search makes none;
# tomllib, once the index holds the thesaurus' groups, saved by the first search;
# secrets with hmac, which a temporary file's name once imported: a search writes one when it
# stamps files an ingest wrote just before it (`index.verified`); the limits of
# `pqsearch.resources` with the standard `resource`, read only when a lock or the lexicon fails).
NOT_FOR_A_SEARCH = (
    "spacy",
    "thinc",
    "simplemma",
    "selectolax",
    "rich",
    "starlette",
    "uvicorn",
    "jinja2",
    "pqsearch.index.ingest",
    "pqsearch.index.segments",
    "pqsearch.analyze.lemmatize",
    "pqsearch.analyze.answers",
    "pqsearch.analyze.references",
    "pqsearch.fetch",
    "pqsearch.export",
    "pqsearch.web",
    "pqsearch.query.links",
    "urllib.request",
    "http.client",
    "email",
    "ssl",
    "asyncio",
    "whoosh.searching",
    "whoosh.query",
    "whoosh.highlight",
    "numpy.ma",
    "subprocess",
    "difflib",
    "pqsearch.watch",
    "pqsearch.models",
    "tomllib",
    "secrets",
    "hmac",
    "pqsearch.resources",
    "resource",
)

# The command run as the console script runs it, then the modules it loaded.
_RUN = """
import json, sys
from pqsearch.cli import main
sys.argv = ["pqsearch", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit as done:
    assert not done.code, done.code
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_of(*arguments: str) -> tuple[str, set[str]]:
    """The output of `pqsearch ARGUMENTS` in a fresh interpreter, and the modules it loaded."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, json.dumps(arguments)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout, set(json.loads(done.stderr.splitlines()[-1]))


def _loaded(modules: set[str], name: str) -> bool:
    return any(m == name or m.startswith(f"{name}.") for m in modules)


def _settled(index_dir: Path) -> None:
    """Wait until every file of the index is old enough to be stamped by the next check (at
    most `SETTLE_SECONDS`, and not at all for an index built a while ago)."""
    newest = max(
        max(info.st_mtime_ns, info.st_ctime_ns)
        for info in (path.stat() for path in index_dir.rglob("*") if path.is_file())
    )
    wait = (newest - time.time_ns()) / 1e9 + SETTLE_SECONDS + 0.1
    if wait > 0:
        time.sleep(wait)


def _files(index_dir: Path) -> dict[str, int]:
    """Each file of the index and its modification time, but SQLite's shared memory and log
    (`lexicon.sqlite-shm`), which any reader of the lexicon touches."""
    return {
        str(path.relative_to(index_dir)): path.stat().st_mtime_ns
        for path in index_dir.rglob("*")
        if path.is_file() and not path.name.endswith(("-shm", "-wal"))
    }


def test_a_search_loads_none_of_what_it_does_not_need(corpus_index: Path) -> None:
    # Once the files settle the first search stamps them, and the next one writes nothing,
    # whenever the index was built (it failed once: the index built just before the first
    # search, the second was the one to stamp it, and the stamp's name imported secrets).
    _settled(corpus_index)
    _modules_of("search", "logement", "--index", str(corpus_index))
    before = _files(corpus_index)
    output, modules = _modules_of("search", "diplomates", "--index", str(corpus_index))
    assert _files(corpus_index) == before
    assert "diplomates" in output.lower() and "Facets:" in output
    assert [name for name in NOT_FOR_A_SEARCH if _loaded(modules, name)] == []
    # What it does need came in (a check that the subprocess saw the search's imports).
    assert {"numpy", "whoosh.reading", "pqsearch.query.search"} <= modules


def test_a_search_that_stamps_the_index_loads_no_secrets(
    corpus_index: Path, tmp_path: Path
) -> None:
    """The search after an ingest's files settle checks them and records the check: that
    write names a temporary file without importing secrets and hmac."""
    index_dir = tmp_path / "index"
    shutil.copytree(corpus_index, index_dir, symlinks=True)  # new files: no stamp holds
    _settled(index_dir)
    before = _files(index_dir)
    _, modules = _modules_of("search", "diplomates", "--index", str(index_dir))
    written = {name for name, mtime in _files(index_dir).items() if before.get(name) != mtime}
    assert any(Path(name).name.startswith(VERIFIED_PREFIX) for name in written), written
    assert not _loaded(modules, "secrets") and not _loaded(modules, "hmac")


@pytest.mark.parametrize(
    ("arguments", "loads"),
    [
        # The answer types' names only (analyze/answer_types.py), not the rules that type.
        (["--overdue", "--as-of", "2030-01-01"], "pqsearch.analyze.answer_types"),
        (["--answer-type", "substantive"], "pqsearch.analyze.answer_types"),
        (["--kind", "written"], "pqsearch.models"),
    ],
)
def test_a_filter_that_needs_a_module_loads_it_then(
    corpus_index: Path, arguments: list[str], loads: str
) -> None:
    output, modules = _modules_of("search", "--index", str(corpus_index), "--json", *arguments)
    assert json.loads(output)["total"] > 0
    assert loads in modules
    assert not _loaded(modules, "pqsearch.analyze.answers")


def test_show_resolves_cross_references_with_the_module_it_loads(corpus_index: Path) -> None:
    output, modules = _modules_of("show", "170229", "--index", str(corpus_index), "--json")
    assert json.loads(output)["question"]["id"] == "170229"
    assert "pqsearch.query.links" in modules
