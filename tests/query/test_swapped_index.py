"""An open `Index` whose index is replaced by another copy of it (audit 10, finding 1).

Two copies of one index that each took one ingest (a backup and the original, a copy built
on another disk) have the same data-folder name and the same commit number. The open index
told generations apart by those two alone, so after `mv A A.old; mv B A` it kept answering
from the replaced copy (its idle view held the old files, even once deleted), and a view
opened after the swap read the new copy's postings through the old copy's caches: records
by document number, columns and facet tallies of the other index (the audit's search for a
word of B's page found one hit, titled as A's page). Each case here swaps two real copies
and compares the open index's answers with a freshly opened one's. On main every case
failed: the idle view gave A's answers; a new view listed A's page (A's record at that
document number) that `show` then did not find.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.errors import NoIndexError
from pqsearch.index import store
from pqsearch.models import Document, SearchResult
from tests.conftest import BRUSSELS_HTML

BROWSE: dict[str, object] = {"limit": 60, "facet_top": None, "sort": "newest"}
PAGES = sorted(p.name for p in BRUSSELS_HTML.glob("*.html"))


def _ingest_pages(root: Path, corpus: Path, names: list[str]) -> set[str]:
    """Ingest the pages `names` (copied into `corpus`) into `root`; the ids it added."""
    corpus.mkdir()
    for name in names:
        (corpus / name).write_bytes((BRUSSELS_HTML / name).read_bytes())
    report = api.ingest([corpus], index_dir=root)
    assert not report.failed and len(report.added) == len(names)
    return set(report.added)


@pytest.fixture(scope="module")
def two_copies(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str], set[str]]:
    """A folder holding copies A and B of one index of 3 pages, then each given another
    page by one ingest; the ids only A holds and those only B holds."""
    work = tmp_path_factory.mktemp("copies")
    _ingest_pages(work / "base", work / "corpus", PAGES[:3])
    shutil.copytree(work / "base", work / "A", symlinks=True)
    shutil.copytree(work / "base", work / "B", symlinks=True)
    only_a = _ingest_pages(work / "A", work / "corpus-a", PAGES[3:4])
    only_b = _ingest_pages(work / "B", work / "corpus-b", PAGES[4:5])
    # What made the two look alike: the same data folder, at the same commit.
    assert os.readlink(work / "A" / store.LIVE) == os.readlink(work / "B" / store.LIVE)
    assert sorted(p.name for p in (work / "A" / store.LIVE).glob("*.toc")) == sorted(
        p.name for p in (work / "B" / store.LIVE).glob("*.toc")
    )
    return work, only_a, only_b


def _moved_in(a: Path, b: Path) -> None:
    os.rename(a, a.with_name("A.old"))
    os.rename(b, a)


def _moved_in_old_deleted(a: Path, b: Path) -> None:
    _moved_in(a, b)
    shutil.rmtree(a.with_name("A.old"))


def _restored(a: Path, b: Path) -> None:
    """As a restore from a backup: A deleted, then B copied in its place with its times."""
    shutil.rmtree(a)
    shutil.copytree(b, a, symlinks=True)


def _data_folder_moved_in(a: Path, b: Path) -> None:
    """Only the data folder replaced: the index folder and its `live` link stay."""
    data = os.readlink(a / store.LIVE)
    os.rename(a / data, a.with_name("old-data"))
    os.rename(b / data, a / data)


SWAPS: dict[str, Callable[[Path, Path], None]] = {
    "moved in": _moved_in,
    "moved in, old one deleted": _moved_in_old_deleted,
    "restored from a copy": _restored,
    "data folder moved in": _data_folder_moved_in,
}


@pytest.fixture
def copies(tmp_path: Path, two_copies: tuple[Path, set[str], set[str]]) -> tuple[Path, Path]:
    """This test's own copies A and B of the two diverged indexes."""
    work = two_copies[0]
    for name in ("A", "B"):
        shutil.copytree(work / name, tmp_path / name, symlinks=True)
    return tmp_path / "A", tmp_path / "B"


@pytest.fixture(params=["idle view", "new view"])
def lease(
    request: pytest.FixtureRequest,
) -> Callable[[api.Index], AbstractContextManager[None]]:
    """How the search after the swap gets its view: the idle one the earlier searches used,
    or a new one, while another thread holds that idle one."""

    @contextlib.contextmanager
    def held(index: api.Index) -> Iterator[None]:
        if request.param == "idle view":
            yield
            return
        taken, done = threading.Event(), threading.Event()

        def hold() -> None:
            with index._pool.lease():
                taken.set()
                done.wait()

        holder = threading.Thread(target=hold)
        holder.start()
        taken.wait()
        try:
            yield
        finally:
            done.set()
            holder.join()

    return held


Answers = tuple[SearchResult, dict[str, Document], SearchResult]


def _answers(index: api.Index, words: str) -> Answers:
    """What a user sees: every document newest first with every facet, the records shown,
    and a search for `words`."""
    browse = index.search("", **BROWSE)  # type: ignore[arg-type]
    shown = {hit.id: index.show(hit.id) for hit in browse.hits}
    return browse, shown, index.search(words, limit=10)


@pytest.mark.parametrize("swap", sorted(SWAPS))
def test_an_open_index_answers_from_the_copy_swapped_in(
    two_copies: tuple[Path, set[str], set[str]],
    copies: tuple[Path, Path],
    lease: Callable[[api.Index], AbstractContextManager[None]],
    swap: str,
) -> None:
    _, only_a, only_b = two_copies
    a, b = copies
    with api.open_index(b) as other:
        (b_page,) = [other.show(doc_id) for doc_id in only_b]
    words = b_page.question.title
    with api.open_index(a) as index:
        before = _answers(index, words)
        assert only_a <= {hit.id for hit in before[0].hits}
        SWAPS[swap](a, b)
        with lease(index):
            got = _answers(index, words)
        with api.open_index(a) as fresh:
            expected = _answers(fresh, words)
        browse, _, found = expected
        ids = {hit.id for hit in browse.hits}
        assert only_b <= ids and not only_a & ids
        assert found.hits[0].id in only_b
        assert found.hits[0].title == b_page.question.title
        assert got == expected
        # And from now on, with every view the open index lends.
        assert _answers(index, words) == expected


def test_an_unchanged_index_keeps_its_caches_between_searches(copies: tuple[Path, Path]) -> None:
    """The key is asked for before every search: what searches write into the data folder
    (the saved thesaurus, sector labels, checksum stamps) must not make it another one, or
    every search would build the caches again."""
    a, _ = copies
    with api.open_index(a) as index:
        caches = index._pool._shared
        data = a / os.readlink(a / store.LIVE)
        before = {p.name for p in data.iterdir()}
        first = _answers(index, "stationnement")
        index.sectors()
        assert {p.name for p in data.iterdir()} > before, "no search wrote into the folder"
        assert _answers(index, "stationnement") == first
        assert index._pool._shared is caches


@pytest.mark.parametrize("made_again", [False, True], ids=["deleted", "made again empty"])
def test_an_open_index_whose_folder_was_deleted_says_so_on_every_view(
    copies: tuple[Path, Path],
    lease: Callable[[api.Index], AbstractContextManager[None]],
    made_again: bool,
) -> None:
    # Audit 10, finding 6: the idle view answered from the deleted files, indefinitely, while a
    # call needing a new view said "No index": the same request answered or failed by chance.
    # The review after it: the same when the folder is made again, empty.
    a, _ = copies
    with api.open_index(a, readers=2) as index:
        assert index.search("", limit=0).total == 4
        with lease(index):
            shutil.rmtree(a)
            if made_again:
                a.mkdir()
            with pytest.raises(NoIndexError):
                index.search("", limit=0)
        with pytest.raises(NoIndexError):
            index.search("", limit=0)
