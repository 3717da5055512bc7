"""A word typed in another encoding than UTF-8 (a Latin-1 terminal sends "é" as the byte
0xE9; Python keeps it as a lone surrogate) is one message, not a traceback (audit of session
14, D8): on main `search`, `show`, `similar`, `export` and `watch add` raised
UnicodeEncodeError from the index's term codec, and `--author $'\\xe9'` said the value was
empty. The real index of the shipped corpus; the CLI in a process of its own, with the bytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pqsearch import PqsearchError, api
from pqsearch.query.filters import Filters
from tests.conftest import REPO

LATIN1_WORD = os.fsdecode(b"r\xe9novation")  # "rénovation" from a Latin-1 terminal


def _cli(*args: bytes, index: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"pqsearch.cli", *args, b"--index", bytes(index)],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C.UTF-8"},
        timeout=600,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        (b"search", b"r\xe9novation"),
        (b"show", b"log\xffement"),
        (b"similar", b"log\xffement"),
        (b"export", b"log\xffement"),
        (b"watch", b"add", b"zz", b"log\xffement"),
        (b"search", b"logement", b"--author", b"\xe9"),
    ],
)
def test_a_word_not_in_utf8_is_one_message(args: tuple[bytes, ...], corpus_index: Path) -> None:
    done = _cli(*args, index=corpus_index)
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    assert done.returncode == 2
    assert b"is not valid UTF-8 text" in done.stderr
    assert b"\\xe9" in done.stderr or b"\\xff" in done.stderr  # the word, readable


def test_the_library_raises_its_own_error(index: api.Index) -> None:
    calls = [
        lambda: index.search(LATIN1_WORD),
        lambda: index.search("logement", filters=Filters(author=LATIN1_WORD)),
        lambda: index.search("logement", filters=Filters(date_from=LATIN1_WORD)),
        lambda: index.show(LATIN1_WORD),
        lambda: index.similar(text=LATIN1_WORD),
    ]
    for call in calls:
        with pytest.raises(PqsearchError, match=r"'r\\xe9novation' is not valid UTF-8 text"):
            call()
