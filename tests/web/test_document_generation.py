"""The document page reads its document, sector evidence and similar documents from one
generation (s20, from the reliability report): an ingest that commits between the three
steps must not change what the page shows. No timing: the commit is made inside the first
step, by a real `--prune` ingest, while the page's reads run on a real index."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, cast

from pqsearch import Document, Index, api
from pqsearch.web.document_page import read_document
from tests.conftest import SHIPPED_CORPUS

PAGES = ("169976.html", "169978.html", "170131.html", "170132.html")


class _CommitAfterShow:
    """The real index, with a prune of `gone` committed right after `show` has read."""

    def __init__(self, index: Index, corpus: Path, gone: Path, index_dir: Path) -> None:
        self._index, self._corpus, self._gone, self._index_dir = index, corpus, gone, index_dir

    def show(self, doc_id: str) -> Document:
        document = self._index.show(doc_id)
        self._gone.unlink()
        report = api.ingest([self._corpus], index_dir=self._index_dir, prune=True)
        assert report.removed, report
        return document

    def __getattr__(self, name: str) -> Any:
        return getattr(self._index, name)


def test_a_commit_between_the_steps_does_not_change_the_page(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in PAGES:
        shutil.copy(SHIPPED_CORPUS / "brussels" / "html" / name, corpus / name)
    index_dir = tmp_path / "index"
    assert api.ingest([corpus], index_dir=index_dir).added
    with api.open_index(index_dir) as index:
        doc_id = next(hit.id for hit in index.search("", limit=10).hits if "169976" in hit.id)
        before = read_document(index, doc_id)
        racing = cast(Index, _CommitAfterShow(index, corpus, corpus / PAGES[0], index_dir))
        # Before the fix: NotFoundError from `similar`, the page's "no document".
        document, similar, evidence = read_document(racing, doc_id)
        assert document == before[0]
        assert [hit.id for hit in similar.hits] == [hit.id for hit in before[1].hits]
        assert evidence == before[2]
        # The next page reads the new generation, where the document is gone.
        assert doc_id not in [hit.id for hit in index.search("", limit=10).hits]
