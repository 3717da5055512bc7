"""A shared `Index` opening a reader while an ingest commits (audit 9, finding 6).

The pool picks the live generation and its shared caches under its lock, then opens the
reader outside it. A commit landing in between made the reader read the new generation
through the old one's caches: records by document number, columns and facet tallies of 4
documents read against 9 (an IndexError in the facets), or updated documents missing from
the hits with the total unchanged. `views.before_open` places a real ingest's commit exactly
there; another thread holds the one idle view, so that the search has to open a new one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.models import IngestReport, SearchResult
from pqsearch.query import views
from tests.conftest import BRUSSELS_HTML

BROWSE: dict[str, object] = {"limit": 60, "facet_top": None, "sort": "newest"}
# On main, with every facet the old tallies raised an IndexError; without facets, the 3
# updated documents were missing from the hits, the total still 4.
NO_FACETS: dict[str, object] = {**BROWSE, "facets": []}


def _copy_pages(folder: Path, names: list[str]) -> None:
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_bytes((BRUSSELS_HTML / name).read_bytes())


def _edit_pages(folder: Path, names: list[str]) -> None:
    """Change each page's text, so that an ingest replaces those documents."""
    for name in names:
        page = folder / name
        text = page.read_text(encoding="utf-8", errors="surrogateescape")
        assert "Bruxelles" in text
        edited = text.replace("Bruxelles", "Bruxelles-Capitale", 1)
        page.write_text(edited, encoding="utf-8", errors="surrogateescape")


@pytest.fixture
def idle_view_lent(tmp_path: Path) -> Iterator[tuple[api.Index, Path]]:
    """An open index of 4 pages whose caches served a search, and whose one idle view
    another thread holds until the test ends."""
    names = sorted(p.name for p in BRUSSELS_HTML.glob("*.html"))
    corpus = tmp_path / "corpus"
    _copy_pages(corpus, names[:4])
    root = tmp_path / "index"
    assert not api.ingest([corpus], index_dir=root).failed
    _copy_pages(tmp_path / "more", names[4:9])
    with api.open_index(root) as index:
        warm = index.search("", **BROWSE)  # type: ignore[arg-type]
        assert warm.total == 4 and warm.facets
        for hit in warm.hits:
            index.show(hit.id)
        held, done = threading.Event(), threading.Event()

        def hold() -> None:
            with index._pool.lease():
                held.set()
                done.wait()

        holder = threading.Thread(target=hold)
        holder.start()
        held.wait()
        try:
            yield index, corpus
        finally:
            done.set()
            holder.join()


def _commit_before_open(monkeypatch: pytest.MonkeyPatch, commit: Callable[[], None]) -> None:
    """The next view the pool opens opens after `commit()` (an ingest) ran."""
    pending = [commit]

    def once() -> None:
        if pending:
            pending.pop()()

    monkeypatch.setattr(views, "before_open", once)


@pytest.mark.parametrize("change", ["added", "updated"])
@pytest.mark.parametrize("attempts", [views.OPEN_ATTEMPTS, 1])
def test_a_commit_while_a_reader_opens_gives_the_new_generations_answer(
    idle_view_lent: tuple[api.Index, Path],
    monkeypatch: pytest.MonkeyPatch,
    change: str,
    attempts: int,
) -> None:
    index, corpus = idle_view_lent
    browse = BROWSE if change == "added" else NO_FACETS
    # attempts=1: the one open is the last, whose caches are its own.
    monkeypatch.setattr(views, "OPEN_ATTEMPTS", attempts)
    ingested: list[IngestReport] = []

    def ingest() -> None:
        if change == "added":
            _copy_pages(corpus, sorted(p.name for p in (corpus.parent / "more").iterdir()))
        else:
            _edit_pages(corpus, sorted(p.name for p in corpus.iterdir())[:3])
        ingested.append(api.ingest([corpus], index_dir=index.root))

    _commit_before_open(monkeypatch, ingest)
    got: SearchResult = index.search("", **browse)  # type: ignore[arg-type]
    assert ingested and not ingested[0].failed, "the ingest did not run between pick and open"
    changed = ingested[0].added if change == "added" else ingested[0].updated
    assert len(changed) == (5 if change == "added" else 3)
    with api.open_index(index.root) as fresh:
        expected: SearchResult = fresh.search("", **browse)  # type: ignore[arg-type]
        shown = {hit.id: fresh.show(hit.id) for hit in expected.hits}
    assert got.total == len(got.hits) == (9 if change == "added" else 4)
    assert got == expected
    # The caches the shared index keeps from now on are the new generation's.
    assert index.search("", **browse) == expected  # type: ignore[arg-type]
    assert {hit.id: index.show(hit.id) for hit in expected.hits} == shown
