"""A new taxonomy at ingest: every document is analysed again, files unchanged or not.

The reference is an index built from scratch with the new taxonomy: the documents of the
index that changed taxonomy must carry the same sectors, topics and mentions.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.analyze.taxonomy import default_taxonomy_path, load_taxonomy
from pqsearch.errors import QuerySyntaxError
from tests.conftest import BRUSSELS_HTML, SEED

# The hub.brussels priority sectors, a taxonomy shipped beside NACE.
HUB = default_taxonomy_path().with_name("sectors_hub_brussels.toml")


def _sectors(index_dir: Path) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each document's topics and mentioned sectors."""
    with api.open_index(index_dir) as index:
        ids = [hit.id for hit in index.search("", facets=[], limit=100).hits]
        shown = {doc_id: index.show(doc_id) for doc_id in ids}
    return {
        doc_id: (
            tuple(sorted(s.sector for s in document.sectors)),
            tuple(sorted(s.sector for s in document.mentioned)),
        )
        for doc_id, document in shown.items()
    }


def test_a_new_taxonomy_analyses_every_document_again(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "seed.txt")
    for moncode in ("170229", "170131"):
        shutil.copy(BRUSSELS_HTML / f"{moncode}.html", corpus)
    hub = tmp_path / "hub.toml"
    shutil.copy(HUB, hub)
    hub_ids = [s.id for s in load_taxonomy(HUB).sectors]
    index_dir = tmp_path / "index"

    first = api.ingest([corpus], index_dir=index_dir)
    assert len(first.added) == 3
    before = _sectors(index_dir)
    assert any("F" in topics for topics, _ in before.values())  # NACE: construction

    # The files did not change, yet each document is analysed again with the new taxonomy.
    second = api.ingest([corpus], index_dir=index_dir, taxonomy=hub)
    assert sorted(second.updated) == sorted(first.added)
    assert not second.unchanged
    after = _sectors(index_dir)
    fresh_dir = tmp_path / "fresh"
    api.ingest([corpus], index_dir=fresh_dir, taxonomy=hub)
    assert after == _sectors(fresh_dir)
    assert any(mentioned for _, mentioned in after.values())
    assert all(set(mentioned) <= set(hub_ids) for _, mentioned in after.values())
    with api.open_index(index_dir) as index:
        assert [s.id for s in index.sectors()] == hub_ids
        with pytest.raises(QuerySyntaxError, match="Unknown sector 'F'"):
            index.search("", filters=api.Filters(sector=("F",)))

    # Done once: the next ingest, with the taxonomy the index now keeps, changes nothing.
    third = api.ingest([corpus], index_dir=index_dir)
    assert sorted(third.unchanged) == sorted(first.added)
    assert _sectors(index_dir) == after
