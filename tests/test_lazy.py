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


# In a fresh interpreter: Whoosh's analysis package without the English stemmer and double
# metaphone, typer without subprocess and difflib; each still answers when asked.
_FRESH_ANALYSIS_AND_TYPER = """
import contextlib, io, sys
import pqsearch.cli, pqsearch.index, whoosh.analysis
deferred = ("whoosh.lang.porter", "whoosh.lang.dmetaphone", "subprocess", "difflib")
assert [name for name in deferred if name in sys.modules] == []

from whoosh.analysis import DoubleMetaphoneFilter, RegexTokenizer, StemmingAnalyzer
stems = [t.text for t in StemmingAnalyzer()("running dogs connected")]
metaphones = [t.text for t in (RegexTokenizer() | DoubleMetaphoneFilter())("Smith Schmidt")]
from whoosh.lang.dmetaphone import double_metaphone
from whoosh.lang.porter import stem
assert stems == [stem(w) for w in ("running", "dogs", "connected")]
assert stems[1:] == ["dog", "connect"]
assert metaphones == [code for w in ("smith", "schmidt") for code in double_metaphone(w) if code]
assert metaphones == ["SM0", "XMT", "XMT", "SMT"]

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


def test_stand_ins_of_whoosh_analysis_and_typer_answer_as_the_modules() -> None:
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
