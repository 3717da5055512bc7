"""One compiler shared by threads compiles each query as if it were alone.

A `QueryRunner`, its `Compiler` and the compiler's `Expander` hold nothing of one query:
the spelling state (whether to correct, the corrections made) lives in the query's own
`Compiled`. When it lived on the expander, another thread's compile between one query's
start and its words' expansions made that query search a typo uncorrected, report the other
query's corrections, or lose its own. The tests stop one compile at that very place (a real
subclass, through the compiler's documented extension point) and run another there, so
they fail on such state every time, not by luck of timing.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.index.reader import IndexReader
from pqsearch.query.compile import Alternative, Compiled, Compiler
from pqsearch.query.expansions import Spelling
from pqsearch.query.syntax import parse_query

WAIT = 120.0


class _StopsAt(Compiler):
    """Stops compiling `word` (after the query started, before the word is expanded) until
    `go_on` is set: where another thread's compile of another query may run."""

    def __init__(self, index: IndexReader, word: str) -> None:
        super().__init__(index)
        self.word = word
        self.reached = threading.Event()
        self.go_on = threading.Event()

    def alternatives(self, form: str, spelling: Spelling) -> list[Alternative]:
        if form == self.word and not self.reached.is_set():
            self.reached.set()
            if not self.go_on.wait(WAIT):
                raise TimeoutError("the other compile never let this one go on")
        return super().alternatives(form, spelling)


@pytest.fixture(scope="module")
def opened(corpus_index: Path) -> Iterator[IndexReader]:
    reader = IndexReader(corpus_index)
    yield reader
    reader.close()


def _compile(compiler: Compiler, text: str, correct: bool) -> Compiled:
    return compiler.compile(parse_query(text), correct=correct)


def _meanwhile(
    opened: IndexReader, stop_at: str, first: tuple[str, bool], other: Callable[[Compiler], object]
) -> Compiled:
    """`first` (query, correct) compiled in a thread that stops at its word `stop_at`, while
    `other` uses the same compiler; the first query's compiled form."""
    compiler = _StopsAt(opened, stop_at)
    got: list[Compiled] = []
    failed: list[BaseException] = []

    def compile_first() -> None:
        try:
            got.append(_compile(compiler, *first))
        except BaseException as error:
            failed.append(error)

    thread = threading.Thread(target=compile_first)
    thread.start()
    try:
        assert compiler.reached.wait(WAIT), failed
        other(compiler)
    finally:
        compiler.go_on.set()
        thread.join(WAIT)
    assert not failed, failed
    return got[0]


def _alone(opened: IndexReader, text: str, correct: bool) -> Compiled:
    return _compile(Compiler(opened), text, correct)


@pytest.mark.parametrize(
    ("first", "stop_at", "other"),
    [
        # A typo searched as its correction, while a query compiled without corrections.
        (("diplomatez", True), "diplomatez", ("logement", False)),
        # A query without typos, while another corrected one: no did-you-mean of the other.
        (("logement", True), "logement", ("diplomatez", True)),
        # A query whose first word was corrected keeps that correction.
        (("logemnet diplomatez", True), "diplomatez", ("mobilite", True)),
    ],
    ids=["correction-kept", "no-other-correction", "first-correction-kept"],
)
def test_a_compile_in_another_thread_changes_nothing_of_this_one(
    opened: IndexReader, first: tuple[str, bool], stop_at: str, other: tuple[str, bool]
) -> None:
    other_compiled: list[Compiled] = []
    got = _meanwhile(
        opened, stop_at, first, lambda compiler: other_compiled.append(_compile(compiler, *other))
    )
    alone = _alone(opened, *first)
    assert alone.corrections if first[0] != "logement" else not alone.corrections
    assert (got.corrections, got.query) == (alone.corrections, alone.query)
    assert other_compiled[0].corrections == _alone(opened, *other).corrections


def test_pqsearch_synonyms_in_another_thread_leaves_a_correction_made(
    opened: IndexReader,
) -> None:
    """`Index.synonyms` (what a word is also searched as) once switched corrections off."""
    described: list[object] = []
    got = _meanwhile(
        opened,
        "diplomatez",
        ("diplomatez", True),
        lambda compiler: described.append(compiler.describe("velo")),
    )
    assert got.corrections == {"diplomatez": "diplomates"}
    assert got.query == _alone(opened, "diplomatez", True).query
    assert described[0] == Compiler(opened).describe("velo")


# Typos with and without correction, synonyms and acronyms, and what a word is searched as.
CALLS: list[tuple[str, dict[str, object]]] = [
    ("diplomatez", {}),
    ("diplomatez", {"correct": False}),
    ("logemnet diplomatez", {}),
    ("neutralitee", {"correct": False}),
    ("environemment mobilitee", {}),
    ("bicyclette", {}),
    ("zone de basses emissions", {}),
    ("logement", {}),
    ("mobilitee", {"correct": False}),
]
WORDS = ["velo", "diplomatez", "LEZ"]


def test_threads_sharing_one_index_get_each_their_corrections(corpus_index: Path) -> None:
    """8 threads on one `Index`, switching threads as often as Python allows."""
    with api.open_index(corpus_index) as index:
        expected = [index.search(query, facets=[], **options) for query, options in CALLS]  # type: ignore[arg-type]
        described = [index.synonyms(word) for word in WORDS]
        assert expected[0].corrections and not expected[1].corrections
        wrong: list[str] = []
        lock = threading.Lock()

        def work(offset: int) -> None:
            for n in range(3 * len(CALLS)):
                at = (n + offset) % len(CALLS)
                query, options = CALLS[at]
                try:
                    result = index.search(query, facets=[], **options)  # type: ignore[arg-type]
                    words = index.synonyms(WORDS[n % len(WORDS)])
                except Exception as error:  # every kind counts: none may happen
                    with lock:
                        wrong.append(f"{query!r}: {type(error).__name__}: {error}")
                    continue
                if result != expected[at] or words != described[n % len(WORDS)]:
                    with lock:
                        wrong.append(f"{query!r} {options}: {result.corrections}")

        interval = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)
        try:
            threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            sys.setswitchinterval(interval)
    assert wrong == []
