"""The export calls of an open index (`pqsearch.api.Index`): a search, or hits chosen out of
one, written as a Markdown memo, CSV or JSON Lines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pqsearch.query.filters import Filters, Sort, check_arguments, choose
from pqsearch.results import Hit

if TYPE_CHECKING:
    from pqsearch.export import CsvDialect, ExportFormat, ExportStream, MemoLanguage
    from pqsearch.models import Document
    from pqsearch.query.views import ViewPool
    from pqsearch.results import SearchResult


class IndexExports:
    """The export calls of `Index`, over its `search` and `show`."""

    _pool: ViewPool

    if TYPE_CHECKING:

        def search(
            self,
            query: str = "",
            *,
            filters: Filters | None = None,
            facets: Sequence[str] | None = None,
            sort: Sort = "relevance",
            page: int = 1,
            limit: int = 20,
        ) -> SearchResult: ...

        def show(self, doc_id: str, *, links: bool = True) -> Document: ...

    def export(
        self,
        query: str = "",
        *,
        fmt: ExportFormat = "md",
        filters: Filters | None = None,
        sort: Sort = "relevance",
        limit: int | None = 20,
        language: MemoLanguage = "fr",
        csv_dialect: CsvDialect = "excel-fr",
    ) -> str:
        """The results of a search as a Markdown memo, CSV or JSON Lines (every field).

        `limit=None` holds every match (`export_stream` writes them in pieces, in the memory
        of one page). The memo is in French unless `language="en"`; CSV is in the `excel-fr`
        dialect (BOM, ";") unless `csv_dialect="comma"`. Cross-references are resolved.
        """
        return "".join(
            self.export_stream(
                query,
                fmt=fmt,
                filters=filters,
                sort=sort,
                limit=limit,
                language=language,
                csv_dialect=csv_dialect,
            )
        )

    def export_stream(
        self,
        query: str = "",
        *,
        fmt: ExportFormat = "jsonl",
        filters: Filters | None = None,
        sort: Sort = "relevance",
        limit: int | None = None,
        language: MemoLanguage = "fr",
        csv_dialect: CsvDialect = "excel-fr",
    ) -> ExportStream:
        """`export` in pieces of text, every match unless `limit`; once it has been iterated,
        its `total` is how many documents matched and `written` how many it holds."""
        from pqsearch.export import ExportStream

        check_arguments(query, page=1, limit=limit or 0)
        return ExportStream(
            self.search,
            self.show,
            self._pool.lease,
            self._pool.holding,
            query=query,
            filters=filters,
            limit=limit,
            fmt=fmt,
            sort=sort,
            language=language,
            csv_dialect=csv_dialect,
        )

    def export_hits(
        self,
        hits: Sequence[Hit],
        *,
        fmt: ExportFormat = "md",
        query: str = "",
        total: int | None = None,
        sort: Sort = "relevance",
        language: MemoLanguage = "fr",
        csv_dialect: CsvDialect = "excel-fr",
        chosen: bool = False,
    ) -> str:
        """Chosen hits (of `search` or `similar`) as a memo, CSV or JSON Lines, in their order.

        `query` picks each memo passage (the answer's paragraph holding most of its words);
        `total` is how many documents matched, for the memo's heading (default: len(hits));
        `chosen` says the hits were picked by hand out of those matches (the heading then
        does not call them the first ones); `sort`, `language` and `csv_dialect` as for
        `export`.
        """
        from pqsearch import export

        fmt = choose("format", fmt, export.FORMATS)
        # One view throughout: the hits' records come from the generation they were found in
        # when the caller holds that view (as `export` does); otherwise from the newest.
        with self._pool.lease() as view:
            return export.render(
                view.runner,
                [export.Precedent(hit, self.show(hit.id)) for hit in hits],
                fmt=fmt,
                query=query,
                total=len(hits) if total is None else total,
                sort=sort,
                language=language,
                csv_dialect=csv_dialect,
                chosen=chosen,
            )
