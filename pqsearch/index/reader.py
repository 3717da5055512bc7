"""An open index for searching: the Whoosh searcher, the lexicon, and per-document columns.

Columns are arrays indexed by Whoosh document number (one code per document for a single-
valued field, (document, code) pairs for a multi-valued one, the integer for a date). Facet
counts and date sorting read them with numpy instead of walking stored fields, and they are
built once per open index.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from pqsearch.errors import DamagedIndexError, NotFoundError
from pqsearch.index import store
from pqsearch.index.schema import DATE_FIELDS, ID_FIELDS, KEYWORD_FIELDS

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class ValueColumn:
    """The values of one metadata field per document."""

    values: tuple[str, ...]
    # Single-valued: codes[docnum] is an index into values, -1 when the document has none.
    # Multi-valued: pair_docs[i] has value values[pair_codes[i]].
    codes: IntArray | None = None
    pair_docs: IntArray | None = None
    pair_codes: IntArray | None = None

    @property
    def multi(self) -> bool:
        return self.codes is None


class IndexReader:
    """A read-only view of the live index; use as a context manager or call `close`."""

    def __init__(self, index_dir: str | Path | None = None) -> None:
        self.root = store.resolve_index_dir(index_dir)
        self._open()

    def _open(self) -> None:
        self.data_dir, self.ix, self.searcher = store.open_live(self.root)
        try:
            self.lexicon = store.open_lexicon(self.root, self.data_dir)
        except DamagedIndexError:
            self.searcher.close()
            raise

    def close(self) -> None:
        self.searcher.close()
        self.lexicon.close()

    def __enter__(self) -> IndexReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def reader(self) -> Any:
        return self.searcher.reader()

    @property
    def doc_count(self) -> int:
        return int(self.searcher.doc_count())

    @property
    def doc_count_all(self) -> int:
        return int(self.searcher.doc_count_all())

    def record(self, docnum: int) -> dict[str, Any]:
        """The stored record of a document: {"question": ..., "sectors": ..., ...}."""
        try:
            stored = self.searcher.stored_fields(docnum)
            return dict(json.loads(stored["record"]))
        except store.READ_ERRORS as error:
            raise store.damaged(self.root, error) from error

    def docnum(self, doc_id: str) -> int:
        docnum = self.searcher.document_number(id=doc_id)
        if docnum is None:
            raise NotFoundError(
                f'No document has the id {doc_id!r}. Ids are shown by "pqsearch search"; '
                "a page's id is its moncode (e.g. 170229)."
            )
        return int(docnum)

    def field_values(self, field: str) -> tuple[str, ...]:
        """Every value of a metadata field that some document has, sorted."""
        return self.column(field).values

    def column(self, field: str) -> ValueColumn:
        column = self._columns.get(field)
        if column is None:
            column = self._columns[field] = self._build_column(field)
        return column

    @cached_property
    def _columns(self) -> dict[str, ValueColumn]:
        return {}

    def _build_column(self, field: str) -> ValueColumn:
        reader = self.reader
        size = self.doc_count_all
        values: list[str] = []
        docs_per_value: list[IntArray] = []
        try:
            for term in reader.lexicon(field):
                postings = reader.postings(field, term)
                docs_per_value.append(np.fromiter(postings.all_ids(), dtype=np.int64))
                values.append(term.decode("utf-8") if isinstance(term, bytes) else str(term))
        except store.READ_ERRORS as error:
            raise store.damaged(self.root, error) from error
        if field in KEYWORD_FIELDS:
            lengths = [len(d) for d in docs_per_value]
            pair_docs = np.concatenate(docs_per_value) if docs_per_value else np.zeros(0, np.int64)
            pair_codes = np.repeat(np.arange(len(values), dtype=np.int64), lengths)
            return ValueColumn(tuple(values), pair_docs=pair_docs, pair_codes=pair_codes)
        codes = np.full(size, -1, dtype=np.int64)
        for code, docs in enumerate(docs_per_value):
            codes[docs] = code
        return ValueColumn(tuple(values), codes=codes)

    def dates(self, field: str) -> IntArray:
        """`YYYYMMDD` per document for one of the three date fields (0 when unknown)."""
        cached = self._dates.get(field)
        if cached is None:
            if field not in DATE_FIELDS:
                raise KeyError(field)
            try:
                column = self.reader.column_reader(field)
                cached = np.fromiter(
                    (v or 0 for v in column), dtype=np.int64, count=self.doc_count_all
                )
            except store.READ_ERRORS as error:
                raise store.damaged(self.root, error) from error
            self._dates[field] = cached
        return cached

    @cached_property
    def _dates(self) -> dict[str, IntArray]:
        return {}


__all__ = ["ID_FIELDS", "IndexReader", "ValueColumn"]
