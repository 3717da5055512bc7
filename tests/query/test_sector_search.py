"""Sectors as a filter and a facet in a real index; a custom taxonomy at ingest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from pqsearch.errors import QuerySyntaxError
from tests.conftest import BRUSSELS_HTML, SEED

REPO = Path(__file__).resolve().parents[2]


def ids(index: api.Index, *sectors: str) -> list[str]:
    result = index.search("", filters=api.Filters(sector=sectors), facets=[], limit=1000)
    return [hit.id for hit in result.hits]


def test_sector_by_id_or_label_in_any_language(index: api.Index) -> None:
    by_id = ids(index, "F")
    assert by_id
    assert ids(index, "construction") == by_id
    assert ids(index, "Bouw") == by_id
    assert ids(index, "CONSTRUCTION") == by_id


def test_the_seed_is_tagged_with_its_sectors_and_their_evidence(index: api.Index) -> None:
    hit = next(h for h in index.search("diplomates", facets=[]).hits if h.number == 369)
    document = index.show(hit.id)
    tagged = {s.sector for s in document.sectors}
    assert {"J", "Q", "K", "F"} <= tagged
    assert not {"A", "B"} & tagged
    assert all(s.evidence for s in document.sectors)


def test_sector_facet_counts_each_document_once_per_sector(index: api.Index) -> None:
    facet = index.search("", facets=["sector"], facet_top=None, limit=0).facets[0]
    for count in facet.results:
        sector_id = count.value.split()[0]
        assert count.count == len(ids(index, sector_id)), count
    assert sum(c.count for c in facet.results) > len(
        {i for c in facet.results for i in ids(index, c.value.split()[0])}
    )


def test_sectors_lists_the_taxonomy_with_counts(index: api.Index) -> None:
    counts = {s.id: s.documents for s in index.sectors()}
    assert set(counts) >= set("ABCDEFGHIJKLMNOPQRSTU")
    assert counts["F"] == len(ids(index, "F"))


def test_unknown_sector_lists_the_known_ones(index: api.Index) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        ids(index, "astrologie")
    assert "construction" in str(caught.value).lower()


def test_a_custom_taxonomy_replaces_the_default(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "seed.txt")
    shutil.copy(BRUSSELS_HTML / "170229.html", corpus)
    taxonomy = tmp_path / "hub.toml"
    taxonomy.write_text(
        """
name = "hub.brussels priority sectors"
version = "2021"

[[sector]]
id = "digital"
labels = { fr = "Technologies numériques", nl = "Digitale technologie", en = "Digital" }
terms = ["big data", "intelligence artificielle", "IoT", "numérique", "informatique"]

[[sector]]
id = "sustainable"
labels = { fr = "Économie durable", nl = "Duurzame economie", en = "Sustainable economy" }
terms = ["construction durable", "économie circulaire", "réparation", "recyclage"]
""",
        encoding="utf-8",
    )
    index_dir = tmp_path / "index"
    api.ingest([corpus], index_dir=index_dir, taxonomy=taxonomy)
    with api.open_index(index_dir) as index:
        assert [s.id for s in index.sectors()] == ["digital", "sustainable"]
        assert ids(index, "sustainable")
        assert ids(index, "économie durable") == ids(index, "sustainable")
    # Ingesting again without --taxonomy keeps the index's own taxonomy.
    report = api.ingest([corpus], index_dir=index_dir)
    assert len(report.unchanged) == 2
    with api.open_index(index_dir) as index:
        assert [s.id for s in index.sectors()] == ["digital", "sustainable"]


def test_a_malformed_taxonomy_is_rejected_with_its_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "seed.txt")
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            str(corpus),
            "--index",
            str(tmp_path / "index"),
            "--taxonomy",
            str(REPO / "tests" / "data" / "taxonomy_malformed.toml"),
            "--quiet",
        ],
    )
    assert result.exit_code != 0
    assert "taxonomy_malformed.toml" in result.stderr
    assert "line" in result.stderr
    assert "Traceback" not in result.stderr
