"""What makes one open `Index` safe to share between threads and always current.

A Whoosh searcher reads its files with seek-then-read on shared handles, and a SQLite
connection belongs to one thread, so one reader used by eight threads gave errors and wrong
answers (issue 12: 2,518 errors and 270 wrong results in 3,072 searches). An `Index`
therefore keeps a small pool of views, each a reader with its searcher, lent to one thread
at a time; the views of one generation share their caches (`SharedArrays`).

Before lending a view the pool asks the disk which generation is live (`live_generation`,
a readlink, a listdir and two stats): when another process's ingest or rebuild committed, or
the index was replaced by another copy (moved in, restored), new searches get views of the
new generation, views still in use finish on the old one and are closed when returned, and
idle ones are closed at once, releasing the old files.

A view's reader opens outside the pool's lock, after the generation and its caches were
picked: when a commit lands in between, the reader refuses the caches (`GenerationMoved`;
records by document number and facet tallies of 15 documents read against another
generation's gave hits missing, or an IndexError) and the pool picks again.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pqsearch.errors import ClosedIndexError, QuerySyntaxError
from pqsearch.index import store
from pqsearch.index.reader import IndexReader
from pqsearch.index.shared_arrays import GenerationMoved, SharedArrays
from pqsearch.query.search import QueryRunner
from pqsearch.query.sector_labels import saved_labels

# Views opened at most per generation; a thread beyond them waits for one to be returned.
# Each holds a Whoosh searcher (a few open files per segment) and a SQLite connection; the
# caches are shared, so more views cost little memory.
DEFAULT_READERS = 8

# Opens of a view that a commit may overtake before the last, whose caches are its own (an
# ingest committing during every open: its batches, while a first reader checks 100,000
# documents' files for seconds) and which is closed when returned.
OPEN_ATTEMPTS = 5

Generation = store.LiveGeneration | None

# A test seam, None in production: called after the pool picked a generation and its caches
# and before the view's reader opens, where another process's commit may land.
before_open: Callable[[], None] | None = None


class View:
    """One reader of one generation, with its searcher and the taxonomy it was built with."""

    def __init__(self, root: Path, shared: SharedArrays) -> None:
        # Its generation is its caches' (`SharedArrays.generation`, checked by the reader).
        # The caches it reads through, and the pool's it was counted for (the same, unless
        # a commit overtook every open): the pool keeps it only while both are the pool's.
        self.shared = shared
        self.counted = shared
        # Leases using it now (`ViewPool.lease`): the last one to end returns it.
        self.leases = 0
        self.reader = IndexReader(root, shared=shared)
        self._taxonomy: Any = None
        self._labels: dict[str, str] | None = None
        self.runner = QueryRunner(
            self.reader, sector_resolver=self._sector_id, sector_label=self._sector_label
        )

    def close(self) -> None:
        self.reader.close()

    @property
    def taxonomy(self) -> Any:
        """The taxonomy of the reader's generation (`IndexReader.taxonomy`), else the
        shipped one (an index from before taxonomies were kept with it)."""
        if self._taxonomy is None:
            from pqsearch.analyze.taxonomy import load_taxonomy

            held = self.reader.taxonomy
            raw = held.read()
            self._taxonomy = (
                load_taxonomy(held.path, raw=raw) if raw is not None else load_taxonomy()
            )
        return self._taxonomy

    def _sector_id(self, typed: str) -> str:
        sector = self.taxonomy.find(typed) or self._sector_of_label(typed)
        if sector is None:
            from pqsearch.query.sector_names import unknown_sector

            raise unknown_sector(self.taxonomy, typed)
        return str(sector.id)

    def _sector_of_label(self, typed: str) -> Any:
        """The sector whose facet value ("F Construction") is `typed`: facet values filter."""
        head = typed.split(maxsplit=1)[0] if typed.strip() else ""
        sector = self.taxonomy.find(head) if head else None
        return sector if sector and self._sector_label(str(sector.id)) == typed.strip() else None

    def _sector_label(self, sector_id: str) -> str:
        if self._labels is None:
            held = self.reader.taxonomy
            raw = held.read()
            self._labels = (
                saved_labels(held.path, raw, self._labels_of_taxonomy) if raw is not None else {}
            )
        found = self._labels.get(sector_id)
        return found if found is not None else self._label_of_taxonomy(sector_id)

    def _labels_of_taxonomy(self) -> dict[str, str]:
        return {str(s.id): self._label_of_taxonomy(str(s.id)) for s in self.taxonomy.sectors}

    def _label_of_taxonomy(self, sector_id: str) -> str:
        sector = self.taxonomy.find(sector_id)
        return f"{sector_id} {sector.labels.get('fr', '')}".strip() if sector else sector_id


class ViewPool:
    """Lends views of the newest committed generation, one thread per view at a time."""

    def __init__(self, root: Path, *, cache_bytes: int, readers: int = DEFAULT_READERS) -> None:
        if readers < 1:
            raise QuerySyntaxError(f"An index needs at least one reader, not {readers}.")
        self.root = root
        self._cache_bytes = cache_bytes
        self._readers = readers
        self._condition = threading.Condition()
        self._generation: Generation = store.live_generation(root)
        self._shared = SharedArrays(cache_bytes=cache_bytes, generation=self._generation)
        self._idle: list[View] = []
        # Views of the current generation, idle or lent (or being opened).
        self._opened = 0
        self._closed = False
        # The view each thread holds (by thread id, so that a lease ended on another thread
        # can say its first thread holds it no longer).
        self._held: dict[int, View] = {}
        # Opened now so that a missing or damaged index is reported by `open_index`.
        with self.lease():
            pass

    @contextlib.contextmanager
    def lease(self) -> Iterator[View]:
        """A view for this thread; a call made while one is held (export calling search)
        gets the same view, so it sees the same generation and never waits for itself.

        The view is returned when the last lease using it ends, on whatever thread that is,
        and the thread that took it holds it no longer (audit 16, T1: an export stream
        finished on another thread left its first thread holding a returned view)."""
        me = threading.get_ident()
        held = self._held.get(me)
        if held is not None:
            self._use(held)
            try:
                yield held
            finally:
                self._unuse(held)
            return
        view = self._acquire()
        self._use(view)
        self._held[me] = view
        try:
            # What its lexicon kept goes if an ingest wrote it since (`Lexicon.refresh`).
            view.reader.lexicon.refresh()
            yield view
        finally:
            if self._held.get(me) is view:
                del self._held[me]
            self._unuse(view)

    @contextlib.contextmanager
    def holding(self, view: View) -> Iterator[None]:
        """This thread's calls in the block use `view`, leased by the caller (a step of an
        export stream resumed on another thread than the one that started it)."""
        me = threading.get_ident()
        before = self._held.get(me)
        self._held[me] = view
        try:
            yield
        finally:
            if before is None:
                self._held.pop(me, None)
            else:
                self._held[me] = before

    def _use(self, view: View) -> None:
        with self._condition:
            view.leases += 1

    def _unuse(self, view: View) -> None:
        """One lease of `view` ended; the last one returns it to the pool."""
        with self._condition:
            view.leases -= 1
            if view.leases:
                return
        self._release(view)

    def close(self) -> None:
        """Close the idle views now, and the lent ones when they are returned."""
        with self._condition:
            self._closed = True
            idle, self._idle = self._idle, []
            self._condition.notify_all()
        for view in idle:
            view.close()

    def _acquire(self) -> View:
        attempt = 0
        while True:
            attempt += 1
            picked = self._pick()
            if isinstance(picked, View):
                return picked
            # The last attempt's caches are its own, so no commit can make them wrong.
            own = attempt == OPEN_ATTEMPTS
            caches = SharedArrays(cache_bytes=self._cache_bytes) if own else picked
            try:
                if before_open is not None:
                    before_open()
                view = View(self.root, caches)
            except BaseException as error:
                self._forget(picked)
                if isinstance(error, GenerationMoved):
                    continue
                raise
            view.counted = picked
            return view

    def _pick(self) -> View | SharedArrays:
        """An idle view of the live generation, else that generation's caches, with a view
        counted for them that the caller opens (or `_forget`s)."""
        retired: list[View] = []
        try:
            with self._condition:
                while True:
                    # Under the lock, so that a thread that read the disk before a commit
                    # cannot switch the pool back after one that read it since (20 µs).
                    generation = store.live_generation(self.root)
                    if self._closed:
                        raise ClosedIndexError(
                            f"The index at {self.root} is closed: open it again "
                            "(pqsearch.open_index) to search it."
                        )
                    if generation is None and self._generation is not None:
                        # No live index to tell: a folder deleted (or emptied, or made again)
                        # under an open index makes every call say so (its idle views would
                        # go on answering from deleted files while a new view fails);
                        # otherwise (a table of contents being replaced) keep serving.
                        gone = not os.path.lexists(self.root / store.LIVE)
                        generation = None if gone else self._generation
                    if generation != self._generation:
                        # Another process committed: new searches see it, idle views of
                        # the old generation go, lent ones go when returned.
                        self._generation = generation
                        self._shared = SharedArrays(
                            cache_bytes=self._cache_bytes, generation=generation
                        )
                        retired, self._idle = self._idle, []
                        self._opened = 0
                    if self._idle:
                        return self._idle.pop()
                    if self._opened < self._readers:
                        self._opened += 1
                        return self._shared
                    self._condition.wait()
        finally:
            for view in retired:
                view.close()

    def _forget(self, shared: SharedArrays) -> None:
        """A view counted for `shared` that did not open, or was closed."""
        with self._condition:
            if shared is self._shared:
                self._opened -= 1
            self._condition.notify()

    def _release(self, view: View) -> None:
        with self._condition:
            current = view.counted is self._shared
            keep = not self._closed and current and view.shared is self._shared
            if keep:
                self._idle.append(view)
            elif current:
                self._opened -= 1
            self._condition.notify()
        if not keep:
            view.close()


__all__ = ["DEFAULT_READERS", "OPEN_ATTEMPTS", "View", "ViewPool"]
