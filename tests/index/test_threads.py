"""One open `Index` shared by threads, and kept current by another process's ingests.

Issue 12: 8 threads on one index gave 2,518 errors and 270 wrong results in 3,072 searches,
and an index opened before another process's rebuild answered a date filter with 0. Every
answer here is compared with the one computed by a single thread first.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.models import SearchResult
from pqsearch.query.search import Filters
from tests.conftest import BRUSSELS_HTML, SHIPPED_CORPUS

THREADS = 8


def _full() -> bool:
    return os.environ.get("PQSEARCH_FULL") == "1"


# Words, phrases, prefixes, fields, negations, filters, date sorts, facets, did-you-mean.
CALLS: list[tuple[str, dict[str, object]]] = [
    ("logement", {"facets": ["session", "addressee", "sector"]}),
    ("diplomates technologiques", {}),
    ('"plan climat"', {}),
    ("technolog*", {"limit": 5}),
    ("mobilité -vélo", {}),
    ("titre:mobilité OR reponse:école", {"facets": ["received_year"]}),
    ("", {"sort": "newest", "limit": 30, "facets": ["session"]}),
    ("", {"sort": "oldest", "filters": Filters(date_from="2021", date_to="2026")}),
    ("bruxelles", {"filters": Filters(status="answered"), "page": 2, "limit": 7}),
    ("diplomatez", {}),
    ("marche", {"sort": "newest"}),
    ("environnement", {"filters": Filters(date_from="2025-01", date_field="answered")}),
]


def _run(index: api.Index, call: tuple[str, dict[str, object]]) -> SearchResult:
    query, options = call
    return index.search(query, **options)  # type: ignore[arg-type]


def _hammer(
    index: api.Index, expected: list[SearchResult], searches: int
) -> tuple[int, list[str], list[str]]:
    """Run `searches` calls in each of THREADS threads; (done, errors, wrong answers)."""
    errors: list[str] = []
    wrong: list[str] = []
    done = [0]
    lock = threading.Lock()

    def work(offset: int) -> None:
        for n in range(searches):
            at = (n + offset) % len(CALLS)
            try:
                result = _run(index, CALLS[at])
            except Exception as error:  # every kind counts: the point is that none happens
                with lock:
                    errors.append(f"{CALLS[at][0]!r}: {type(error).__name__}: {error}")
                continue
            with lock:
                done[0] += 1
                if result != expected[at]:
                    wrong.append(f"{CALLS[at][0]!r}: {result.total} vs {expected[at].total}")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0], errors, wrong


def test_threads_sharing_one_index_get_exact_answers(corpus_index: Path) -> None:
    searches = 400 if _full() else 24
    with api.open_index(corpus_index) as index:
        expected = [_run(index, call) for call in CALLS]
        assert expected[0].total > 0 and expected[6].total > 30
        done, errors, wrong = _hammer(index, expected, searches)
    print(
        f"\n{THREADS} threads x {searches} searches: {done} answered, {len(errors)} errors, "
        f"{len(wrong)} wrong"
    )
    assert errors == []
    assert wrong == []
    assert done == THREADS * searches


def test_show_similar_and_facets_from_threads(corpus_index: Path) -> None:
    with api.open_index(corpus_index, readers=3) as index:
        ids = [hit.id for hit in index.search("bruxelles", limit=12).hits]
        expected = {doc_id: (index.show(doc_id), index.similar(doc_id, limit=3)) for doc_id in ids}
        sessions = index.facet("session")
        failures: list[str] = []

        def work() -> None:
            for doc_id in ids:
                got = (index.show(doc_id), index.similar(doc_id, limit=3))
                if got != expected[doc_id] or index.facet("session") != sessions:
                    failures.append(doc_id)

        threads = [threading.Thread(target=work) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []


_REBUILDS = """
import sys
from pqsearch import api
for n in range(int(sys.argv[3])):
    api.ingest([sys.argv[1]], index_dir=sys.argv[2], rebuild=True)
    print("rebuilt", n, flush=True)
"""


def _pages(folder: Path, names: list[str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copyfile(BRUSSELS_HTML / name, folder / name)
    return folder


def _ingest_elsewhere(corpus: Path, root: Path, *extra: str) -> None:
    """`pqsearch ingest` in another process, as an operator would run it."""
    command = [sys.executable, "-m", "pqsearch.cli", "ingest", str(corpus), "--index", str(root)]
    done = subprocess.run(
        [*command, "-q", *extra],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert done.returncode == 0, done.stderr


# Another process ingests or rebuilds meanwhile: minutes on two cores, in the slow step.
@pytest.mark.slow
def test_threads_get_exact_answers_while_another_process_rebuilds(tmp_path: Path) -> None:
    corpus = _pages(tmp_path / "corpus", sorted(p.name for p in BRUSSELS_HTML.glob("*.html"))[:12])
    root = tmp_path / "index"
    api.ingest([corpus], index_dir=root)
    rebuilds = 6 if _full() else 2
    process = subprocess.Popen(
        [sys.executable, "-c", _REBUILDS, str(corpus), str(root), str(rebuilds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    seen_folders: set[str] = set()
    try:
        with api.open_index(root) as index:
            expected = [_run(index, call) for call in CALLS]
            total, errors, wrong = 0, [], []
            # Searching until every rebuild has switched, so that they all land mid-search.
            while process.poll() is None:
                done, more_errors, more_wrong = _hammer(index, expected, 6)
                total += done
                errors += more_errors
                wrong += more_wrong
                seen_folders.add(os.readlink(root / "live"))
            _, stderr = process.communicate(timeout=600)
            assert process.returncode == 0, stderr
            done, more_errors, more_wrong = _hammer(index, expected, 3)
            total += done
            errors += more_errors
            wrong += more_wrong
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    print(
        f"\nwhile {rebuilds} rebuilds ran: {total} searches answered, {len(errors)} errors, "
        f"{len(wrong)} wrong, {len(seen_folders)} generations seen"
    )
    assert errors == []
    assert wrong == []
    assert len(seen_folders) >= 2, "no rebuild switched while the threads searched"
    assert total > 0


def _deleted_files_held(root: Path) -> list[str]:
    """Files under `root` this process still holds open or mapped although they were deleted."""
    held: list[str] = []
    real = str(root.resolve())
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(real) and target.endswith("(deleted)"):
            held.append(target)
    for line in Path("/proc/self/maps").read_text().splitlines():
        if real in line and line.endswith("(deleted)"):
            held.append(line.split(maxsplit=5)[-1])
    return held


# Another process ingests or rebuilds meanwhile: minutes on two cores, in the slow step.
@pytest.mark.slow
def test_an_open_index_serves_what_another_process_committed(tmp_path: Path) -> None:
    names = sorted(p.name for p in BRUSSELS_HTML.glob("*.html"))
    corpus = _pages(tmp_path / "corpus", names[:4])
    root = tmp_path / "index"
    api.ingest([corpus], index_dir=root)
    everything = SHIPPED_CORPUS / "brussels" / "html"

    def answers(index: api.Index) -> tuple[set[str], list[str], int]:
        browse = index.search("", sort="newest", limit=100)
        dated = index.search("", filters=Filters(date_from="2000", date_to="2100"), limit=0)
        return {hit.id for hit in browse.hits}, [hit.id for hit in browse.hits], dated.total

    with api.open_index(root) as index:
        before, _, _ = answers(index)
        assert len(before) == 4
        # An incremental ingest by another process: the open index sees the new pages.
        _pages(corpus, names[4:9])
        _ingest_elsewhere(corpus, root)
        with api.open_index(root) as fresh:
            expected = answers(fresh)
        assert answers(index) == expected
        assert len(expected[0]) == 9
        # A rebuild from another set: the date filter and the newest-first order are those
        # of a freshly opened index, and the old generation's files are let go.
        _ingest_elsewhere(everything, root, "--rebuild")
        with api.open_index(root) as fresh:
            expected = answers(fresh)
        got = answers(index)
        assert got == expected
        assert got[2] == len(names) and len(got[0]) == len(names)
        assert _deleted_files_held(root) == []


@pytest.mark.parametrize("misuse", ["search", "show", "document_count"])
def test_a_closed_index_says_so(corpus_index: Path, misuse: str) -> None:
    from pqsearch.errors import IndexProblemError

    index = api.open_index(corpus_index)
    doc_id = index.search("", limit=1).hits[0].id
    index.close()
    calls: dict[str, Callable[[], object]] = {
        "search": lambda: index.search("logement"),
        "show": lambda: index.show(doc_id),
        "document_count": lambda: index.document_count,
    }
    with pytest.raises(IndexProblemError, match="closed"):
        calls[misuse]()
