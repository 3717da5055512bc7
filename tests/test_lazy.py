"""Imports deferred for a fast start (`pqsearch/lazy.py`): what a library gets in place of a
module it names but does not need behaves as the real one."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

from pqsearch import lazy
from tests.conftest import REPO

# In a fresh interpreter: the index package imports Whoosh's compat module and
# cached_property without urllib.request and asyncio; both still do their work, and a later
# import of those modules is the real one.
_FRESH = """
import sys, pathlib, tempfile
import pqsearch.index, whoosh.compat, cached_property
assert "asyncio" not in sys.modules and "urllib.request" not in sys.modules

class Lengths:
    @cached_property.cached_property
    def total(self):
        return 3

    @cached_property.cached_property
    async def later(self):
        return 4

lengths = Lengths()
assert lengths.total == 3 and "asyncio" not in sys.modules
folder = pathlib.Path(tempfile.mkdtemp())
(folder / "a.txt").write_text("copied")
whoosh.compat.urlretrieve((folder / "a.txt").as_uri(), folder / "b.txt")
assert (folder / "b.txt").read_text() == "copied"
import asyncio, urllib.request
assert hasattr(asyncio, "get_event_loop") and hasattr(urllib.request, "Request")
async def read_later():
    return await lengths.later

assert asyncio.run(read_later()) == 4
print("ok")
"""


def test_stand_ins_do_the_work_of_the_modules_they_defer(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", _FRESH], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


async def _coroutine() -> None:
    return None


def _plain() -> None:
    return None


def test_iscoroutinefunction_answers_as_asyncio_does() -> None:
    for function in (_plain, _coroutine, mock.AsyncMock(), mock.Mock(), len, lambda: None):
        assert lazy.iscoroutinefunction(function) == asyncio.iscoroutinefunction(function)


# In a fresh interpreter: typer without subprocess and difflib, each still answering when
# asked; and Whoosh's analysis left whole (a stand-in for its English stemmer became the
# default of every StemFilter, and a schema holding one could no longer be pickled: the
# benchmark's Whoosh baseline failed so).
_FRESH_ANALYSIS_AND_TYPER = """
import contextlib, io, pickle, sys
import pqsearch.cli, pqsearch.index
assert [name for name in ("subprocess", "difflib") if name in sys.modules] == []

from whoosh import fields
from whoosh.analysis import StemmingAnalyzer
schema = fields.Schema(text=fields.TEXT(analyzer=StemmingAnalyzer()))
assert pickle.loads(pickle.dumps(schema))["text"].analyzer("running dogs") is not None

import typer.main
assert typer.main.subprocess.DEVNULL == -3 and "subprocess" in sys.modules
sys.argv = ["pqsearch", "serach", "logement"]
err = io.StringIO()
with contextlib.redirect_stderr(err):
    try:
        pqsearch.cli.main()
    except SystemExit as done:
        assert done.code == 2
assert "Did you mean 'search'" in err.getvalue(), err.getvalue()
print("ok")
"""


def test_typer_stand_ins_answer_and_whoosh_schemas_still_pickle() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", _FRESH_ANALYSIS_AND_TYPER],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
