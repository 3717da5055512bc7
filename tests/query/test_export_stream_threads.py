"""An export stream resumed on another thread (audit 16, T1).

A consumer may hand an export's iterator between threads (a web framework's thread pool runs
each `next` where it likes). The stream's view must belong to the stream: the thread that
started it must not keep holding a view returned to the pool, where it would search on a
view lent to another thread and, after a commit, fail with Whoosh's `ReaderClosed`.
"""

from __future__ import annotations

import concurrent.futures as cf
import json
import shutil
import threading
from pathlib import Path

from pqsearch import api


def _two_threads() -> tuple[cf.ThreadPoolExecutor, cf.ThreadPoolExecutor]:
    return cf.ThreadPoolExecutor(1), cf.ThreadPoolExecutor(1)


def test_a_stream_finished_elsewhere_leaves_its_first_thread_waiting_for_a_reader(
    corpus_index: Path,
) -> None:
    first, second = _two_threads()
    keeper = cf.ThreadPoolExecutor(1)
    with api.open_index(corpus_index, readers=1) as index:
        pieces = iter(index.export_stream("", fmt="jsonl"))
        start = first.submit(next, pieces).result()
        rest = second.submit(lambda: list(pieces)).result()
        lines = (start + "".join(rest)).splitlines()
        assert len(lines) == index.document_count
        assert len({json.loads(line)["question"]["id"] for line in lines}) == len(lines)

        # Another thread takes the only reader: the first thread's search must wait for it.
        taken, give_back = threading.Event(), threading.Event()

        def keep() -> None:
            with index.one_generation():
                taken.set()
                give_back.wait(60)

        kept = keeper.submit(keep)
        assert taken.wait(60)
        waiting = first.submit(lambda: index.search("logement").total)
        try:
            done, _ = cf.wait([waiting], timeout=2)
            assert not done, "the first thread searched on a view it no longer holds"
        finally:
            give_back.set()
        kept.result(timeout=60)
        assert waiting.result(timeout=60) == index.search("logement").total
    for pool in (first, second, keeper):
        pool.shutdown()


def test_the_first_thread_sees_the_next_commit(corpus_index: Path, tmp_path: Path) -> None:
    copy = tmp_path / "index"
    shutil.copytree(corpus_index, copy, symlinks=True)
    more = Path(__file__).resolve().parents[1] / "data" / "brussels_probe" / "records.jsonl"
    first, second = _two_threads()
    with api.open_index(copy, readers=2) as index:
        before = index.document_count
        pieces = iter(index.export_stream("", fmt="jsonl"))
        first.submit(next, pieces).result()
        second.submit(lambda: list(pieces)).result()
        report = api.ingest([more], index_dir=copy)
        assert report.added
        # Before the fix: whoosh.reading.ReaderClosed on the first thread, for good.
        assert first.submit(lambda: index.document_count).result() == before + len(report.added)
        assert first.submit(lambda: index.search("").total).result() == before + len(report.added)
    for pool in (first, second):
        pool.shutdown()


def test_searches_between_the_pieces_share_the_streams_reader(corpus_index: Path) -> None:
    """With one reader, a consumer looking something up between two pieces, or reading two
    streams in turn, must not wait for the reader its own paused stream holds (review 16, V1)."""
    worker = cf.ThreadPoolExecutor(1)

    def search_between() -> int:
        with api.open_index(corpus_index, readers=1) as index:
            totals = []
            for _piece in index.export_stream("", fmt="jsonl"):
                totals.append(index.search("logement").total)
            return len(totals)

    def two_streams() -> int:
        with api.open_index(corpus_index, readers=1) as index:
            first = iter(index.export_stream("", fmt="jsonl"))
            second = iter(index.export_stream("logement", fmt="csv"))
            pieces = [next(first), next(second)]
            return len(pieces + list(first) + list(second))

    assert worker.submit(search_between).result(timeout=120) >= 1
    assert worker.submit(two_streams).result(timeout=120) >= 2
    worker.shutdown()


def test_a_stream_begun_in_one_generation_keeps_its_reader_after_the_block(
    corpus_index: Path,
) -> None:
    """The block's end must not return the reader the stream still reads (review 16, V2):
    with one reader, another thread waits until the stream is done."""
    other, reader = _two_threads()
    with api.open_index(corpus_index, readers=1) as index:
        with index.one_generation():
            pieces = iter(index.export_stream("", fmt="jsonl"))
            first = next(pieces)
        waiting = other.submit(lambda: index.search("logement").total)
        done, _ = cf.wait([waiting], timeout=2)
        assert not done, "another thread was lent the reader the stream still reads"
        rest = reader.submit(lambda: list(pieces)).result(timeout=120)
        assert len((first + "".join(rest)).splitlines()) == index.document_count
        assert waiting.result(timeout=60) == index.search("logement").total
    for pool in (other, reader):
        pool.shutdown()
