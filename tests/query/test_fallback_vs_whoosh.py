"""The fallback path against Whoosh's own searcher, on the generated index (multi-block,
multi-segment, with deletions).

When the format check at open does not recognise Whoosh's byte layout, the index reads its
postings the public, slow way (`whoosh_format.PUBLIC`). tests/index/test_whoosh_format.py
checks that this path reads what the fast one reads; here the comparisons with Whoosh's own
searcher of tests/query/test_generated_index.py are run on it, every query form and filters.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import whoosh

from pqsearch.index import whoosh_format
from pqsearch.index.reader import IndexReader
from pqsearch.index.whoosh_format import SlowDecodingWarning
from tests.query import test_generated_index as generated


@pytest.fixture(scope="module")
def slow(generated_index: Path) -> Iterator[IndexReader]:
    """A reader on the public path: as if a Whoosh release stored a longer header before
    each posting's positions, which the check at open catches."""
    patch = pytest.MonkeyPatch()
    patch.setattr(whoosh_format, "_COUNT_BYTES", 3)
    # A release has its own version: a verdict stamped for this one does not apply to it.
    patch.setattr(whoosh, "versionstring", lambda *args, **kwargs: "2.7.99")
    try:
        with pytest.warns(SlowDecodingWarning):
            reader = IndexReader(generated_index)
        assert not reader.decoder.fast
        yield reader
        reader.close()
    finally:
        patch.undo()


@pytest.mark.parametrize("text", generated.QUERIES)
def test_the_fallbacks_hits_and_scores_equal_whooshs(slow: IndexReader, text: str) -> None:
    generated.test_hits_and_scores_equal_whooshs(slow, text)


@pytest.mark.parametrize("text", ["bruxelles", "région logement", '"de la région"', "minist*"])
def test_the_fallbacks_filtered_hits_and_scores_equal_whooshs(slow: IndexReader, text: str) -> None:
    generated.test_filtered_hits_and_scores_equal_whooshs(slow, text)
