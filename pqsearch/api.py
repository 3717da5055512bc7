"""The public functions that wire parse, analyze, index and query together.

Everything the CLI does goes through here, and other programs use the same calls:

    import pqsearch
    pqsearch.ingest(["corpus"], index_dir="index")
    with pqsearch.open_index("index") as index:
        filters = pqsearch.Filters(session=("20/21",))
        result = index.search("diplomates technologiques", filters=filters)
        for hit in result.hits:
            print(hit.number, hit.title)
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pqsearch.api_exports import IndexExports
from pqsearch.errors import QuerySyntaxError
from pqsearch.index import store
from pqsearch.query.facets import facet_name
from pqsearch.query.filters import SORTS, Filters, Sort, check_arguments, choose
from pqsearch.query.views import DEFAULT_READERS, ViewPool
from pqsearch.results import Facet, FacetCount, Highlight, SearchResult, Synonym

if TYPE_CHECKING:
    from pqsearch.analyze.taxonomy import Taxonomy
    from pqsearch.index.ingest import Progress as IngestProgress

    # The records of documents, ingests and sectors (`pqsearch.models`) are imported by the
    # calls that make them: a search makes none, and their dataclasses cost 4 % of a search
    # from a fresh process.
    from pqsearch.models import (
        Document,
        IngestReport,
        ParseBatch,
        Question,
        SectorCount,
        SectorStatus,
    )


def parse_files(paths: Sequence[str | Path]) -> ParseBatch:
    """Parse files and folders into records; failures are collected, never raised."""
    from pqsearch.parse import parse_paths

    return parse_paths([Path(p) for p in paths])


def ingest(
    paths: Sequence[str | Path],
    *,
    index_dir: str | Path | None = None,
    rebuild: bool = False,
    prune: bool = False,
    allow_empty: bool = False,
    taxonomy: str | Path | None = None,
    reanalyze: bool = False,
    wait: float = 10.0,
    progress: Callable[[IngestProgress], None] | None = None,
    jobs: int | None = None,
) -> IngestReport:
    """Bring the index up to date with the documents under `paths` (see `IngestReport`).

    `paths` are files and folders; a relative path is read from the current folder (no
    default: the CLI's "corpus/" is its own). `prune` drops documents whose file is gone, not
    those of a folder that is empty now (a disk not mounted) unless `allow_empty`; `rebuild`
    then leaves the index as it was (`EmptyFolderRebuildError`), and so when such a folder
    is gone or cannot be read, or some of `paths` are not there (`MissingPathRebuildError`),
    unless `allow_empty`.
    `progress` is called now and then. A large ingest lemmatizes in `jobs` worker processes
    (default: the cores available, up to 8); the index is the same whatever their number.
    `reanalyze` analyses every indexed document again from its source with this pqsearch's
    sector detection (`Index.sector_status`); `taxonomy` "default" is the shipped one.
    """
    from pqsearch.index.ingest import ingest as run_ingest

    return run_ingest(
        list(paths),
        index_dir=index_dir,
        rebuild=rebuild,
        prune=prune,
        allow_empty=allow_empty,
        taxonomy=taxonomy,
        reanalyze=reanalyze,
        lock_timeout=wait,
        progress=progress,
        jobs=jobs,
    )


class Index(IndexExports):
    """An open index. Use as a context manager, or call `close()`.

    Safe to share between threads: each call runs on a reader lent to its thread alone
    (`pqsearch.query.views`), at most `readers` at once. Every call sees the newest generation
    committed when it starts, also by another process's ingest or rebuild; a call already
    running finishes on the generation it started with.
    """

    def __init__(
        self,
        index_dir: str | Path | None = None,
        *,
        cache_mb: int = 96,
        readers: int = DEFAULT_READERS,
    ) -> None:
        # Bound to the folder it opened: a relative path read at every call would follow the
        # program's current folder (an `os.chdir`) to another index, and save searches there.
        root = store.resolve_index_dir(index_dir).absolute()
        self._pool = ViewPool(root, cache_bytes=cache_mb << 20, readers=readers)

    def close(self) -> None:
        self._pool.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> None:
        self.close()
        # Whoosh's files carry no checksums, so damage inside a segment shows only when a
        # search decodes it; it leaves the `with` block as the error that names the fix.
        damage = store.as_damage(self.root, error) if error is not None else None
        if damage is not None and damage is not error:
            raise damage from error

    @property
    def root(self) -> Path:
        return self._pool.root

    @contextlib.contextmanager
    def one_generation(self) -> Iterator[None]:
        """The calls this thread makes inside the block all read the generation that was the
        newest at its start (a search, then the records of its hits)."""
        with self._pool.lease():
            yield

    @property
    def document_count(self) -> int:
        with self._pool.lease() as view:
            return view.reader.doc_count

    def search(
        self,
        query: str = "",
        *,
        filters: Filters | None = None,
        facets: Sequence[str] | None = None,
        facet_top: int | None = 10,
        sort: Sort = "relevance",
        page: int = 1,
        limit: int = 20,
        all_words: bool = False,
        correct: bool = True,
        group_copies: bool = False,
    ) -> SearchResult:
        """Ranked hits for `query` (the query language of the README), with facet counts.

        `sort` is relevance, newest or oldest; `all_words=True` keeps only the documents
        holding every plain word typed. A word that matches nothing is searched as its
        spelling correction (`SearchResult.corrections`) unless `correct=False`. A question
        sent to several ministers shows once, its other copies in `Hit.copies`, with
        `group_copies=True` (as the CLI and the web page do); the pages then list each
        document once, as a hit or a copy. `SearchResult.explanation` says what each word
        was searched as.
        """
        check_arguments(query, page=page, limit=limit)
        sort = choose("sort", sort, SORTS)
        with self._pool.lease() as view:
            return view.runner.search(
                query,
                filters=filters,
                facets=facets,
                facet_top=facet_top,
                sort=sort,
                page=page,
                limit=limit,
                all_words=all_words,
                correct=correct,
                group_copies=group_copies,
            )

    def facet(self, name: str, *, query: str = "", filters: Filters | None = None) -> Facet:
        """Every value of one facet with its count (e.g. all sessions in the index)."""
        with self._pool.lease() as view:
            resolved = facet_name(name, view.runner.catalogue)
            result = view.runner.search(
                query, filters=filters, facets=[resolved], facet_top=None, limit=0
            )
            return result.facets[0]

    def content_hash(self, doc_id: str) -> str:
        """The content hash of an indexed document (changes when its source changes)."""
        with self._pool.lease() as view:
            stored = view.reader.record(view.reader.docnum(doc_id))
            return str(stored["question"]["content_hash"])

    def get(self, doc_id: str) -> Question:
        """The record of one document, as parsed (`show` adds analysis and references)."""
        return self.show(doc_id, links=False).question

    def show(self, doc_id: str, *, links: bool = True) -> Document:
        """One document with its analysis: answer type, sectors, cross-references both ways.

        `links=False` skips resolving cross-references (faster, for bulk export).
        """
        # Imported here: the reference patterns cost 7 ms to compile, and a search needs none.
        from pqsearch.query.documents import document

        with self._pool.lease() as view:
            return document(view, doc_id, links=links)

    def sector_evidence(self, document: Document) -> tuple[Highlight, ...]:
        """The title, question and answer with the terms of every sector mentioned marked:
        one `Highlight` per part holding the whole text, for parts with evidence."""
        from pqsearch.query.documents import sector_evidence

        with self._pool.lease() as view:
            return sector_evidence(view, document)

    def similar(
        self,
        doc_id: str | None = None,
        *,
        text: str | None = None,
        filters: Filters | None = None,
        facets: Sequence[str] | None = None,
        limit: int = 10,
        page: int = 1,
    ) -> SearchResult:
        """Past questions most like an indexed one (by id) or like a draft `text`.

        Each hit carries `extra.shared_terms` (the key lemmas it shares) and
        `extra.same_question` (True when it is the same question, sent to someone else).
        """
        from pqsearch.query.similar import similar

        if (doc_id is None) == (text is None):
            raise QuerySyntaxError("Give either a document id or a text to compare with.")
        with self._pool.lease() as view:
            if doc_id is not None:
                question = self.get(doc_id)
                text = f"{question.title}\n{question.question}"
                label = f"similar to {doc_id}"
            else:
                label = "similar to the given text"
            assert text is not None
            return similar(
                view.runner,
                text,
                label=label,
                exclude=(doc_id,) if doc_id else (),
                filters=filters,
                facets=facets,
                limit=limit,
                page=page,
            )

    def sectors(self) -> tuple[SectorCount, ...]:
        """Every sector of the index's taxonomy with the number of documents about it (the
        topic tier) and the number that mention it."""
        from pqsearch.query.sector_counts import sector_counts

        with self._pool.lease() as view:
            return sector_counts(view)

    @property
    def first_ingest_unfinished(self) -> bool:
        """Whether the index's first ingest stopped before its end (it holds only what that
        ingest had committed): `sector_status()` says it too, but loads the taxonomy."""
        from pqsearch.index.sector_version import FIRST_INGEST_META

        with self._pool.lease() as view:
            return view.reader.lexicon.get_meta(FIRST_INGEST_META) == "unfinished"

    @property
    def ingest_running(self) -> bool:
        """Whether an ingest is writing this index now (it holds the write lock)."""
        from pqsearch.index.lock import ingest_running

        return ingest_running(self.root)

    def sector_status(self) -> SectorStatus:
        """The taxonomy and detector that analysed the index's sectors against this
        pqsearch's, and whether to re-analyse (`pqsearch ingest --reanalyze`)."""
        from pqsearch.index.sector_version import status

        with self._pool.lease() as view:
            found = status(view.reader.data_dir, view.reader.lexicon)
        if not found.first_ingest_unfinished or not self.ingest_running:
            return found
        # A first ingest marks the index unfinished when it starts: while it runs, that is not
        # "it stopped, run it again" (s18).
        return dataclasses.replace(found, first_ingest_running=True)

    def synonyms(self, word: str) -> tuple[Synonym, ...]:
        """What a query word is also searched as, and where each term came from: the
        thesaurus, the user's file (`PQSEARCH_THESAURUS`), acronyms defined in the documents,
        its Dutch stem, its spelling correction when it matches nothing. Several words
        ("zone de basses émissions"): what they name together (an acronym, a thesaurus term)."""
        with self._pool.lease() as view:
            return view.runner.compiler.describe(word)

    def facet_raw(self, index_field: str) -> tuple[FacetCount, ...]:
        """Raw values of an index field with their document counts (no display labels)."""
        from pqsearch.query.sector_counts import field_counts

        with self._pool.lease() as view:
            return field_counts(view, index_field)

    @property
    def taxonomy(self) -> Taxonomy:
        """The sector taxonomy the index was built with."""
        with self._pool.lease() as view:
            taxonomy: Taxonomy = view.taxonomy
            return taxonomy


def open_index(
    index_dir: str | Path | None = None, *, cache_mb: int = 96, readers: int = DEFAULT_READERS
) -> Index:
    """Open the index at `index_dir` (default: $PQSEARCH_INDEX, else `index/`).

    An open index keeps up to `cache_mb` of what it read for its most frequent words, so
    later searches sharing them skip reading them again (0: keep nothing). It may be shared
    by threads, `readers` of them searching at once (the others wait), and always answers
    from the newest committed generation, even one another process's ingest wrote.
    """
    return Index(index_dir, cache_mb=cache_mb, readers=readers)


def search(
    query: str = "",
    *,
    index_dir: str | Path | None = None,
    filters: Filters | None = None,
    facets: Sequence[str] | None = None,
    facet_top: int | None = 10,
    sort: Sort = "relevance",
    page: int = 1,
    limit: int = 20,
    all_words: bool = False,
    correct: bool = True,
    group_copies: bool = False,
) -> SearchResult:
    """Open the index, search once, close it: see `Index.search` for the options."""
    with open_index(index_dir) as index:
        return index.search(
            query,
            filters=filters,
            facets=facets,
            facet_top=facet_top,
            sort=sort,
            page=page,
            limit=limit,
            all_words=all_words,
            correct=correct,
            group_copies=group_copies,
        )
