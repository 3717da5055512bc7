"""Sectors as a filter and a facet in a real index; a custom taxonomy at ingest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pqsearch
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
    assert {"J", "Q", "F"} <= tagged
    assert not {"A", "B"} & tagged
    assert all(s.evidence and s.topic for s in document.sectors)
    mentioned = {s.sector for s in document.mentioned}
    assert tagged | {"K"} <= mentioned
    assert not all(s.topic for s in document.mentioned)


def mentioning(index: api.Index, *sectors: str) -> list[str]:
    filters = api.Filters(sector_mentioned=sectors)
    return [hit.id for hit in index.search("", filters=filters, facets=[], limit=1000).hits]


def test_the_mention_tier_holds_every_topic_and_more(index: api.Index) -> None:
    for sector in ("H", "O", "Q"):
        about, mention = set(ids(index, sector)), set(mentioning(index, sector))
        assert about <= mention
    assert sum(len(mentioning(index, s)) for s in "HOQ") > sum(len(ids(index, s)) for s in "HOQ")
    assert mentioning(index, "transport") == mentioning(index, "H")
    counts = {s.id: s for s in index.sectors()}
    assert counts["H"].mentioned == len(mentioning(index, "H")) >= counts["H"].documents
    facet = index.search("", facets=["sector_mentioned"], facet_top=None, limit=0).facets[0]
    assert {c.value.split()[0]: c.count for c in facet.results}["H"] == counts["H"].mentioned


def test_the_query_language_filters_on_mentioned_sectors(index: api.Index) -> None:
    by_query = index.search("secteur_mentionne:H", facets=[], limit=1000)
    assert sorted(hit.id for hit in by_query.hits) == sorted(mentioning(index, "H"))


def test_show_prints_the_sectors_it_is_about_and_those_it_mentions(corpus_index: Path) -> None:
    with api.open_index(corpus_index) as index:
        hit = next(h for h in index.search("diplomates", facets=[]).hits if h.number == 369)
    result = CliRunner().invoke(app, ["show", hit.id, "--index", str(corpus_index)])
    assert result.exit_code == 0, result.output
    assert "Sectors (about):" in result.output
    assert "Sectors mentioned:" in result.output
    about, mentioned = result.output.split("Sectors mentioned:")
    assert "J Information et communication (p=" in about
    # One passing "transport" in a long answer: mentioned, not a topic.
    assert "H Transports et entreposage (p=0.0" in mentioned.split("\nQuestion\n")[0]


def test_an_index_built_by_an_older_version_asks_for_a_rebuild(tmp_path: Path) -> None:
    from pqsearch.analyze.lexicon import Lexicon
    from pqsearch.errors import OutdatedIndexError
    from pqsearch.index import store
    from pqsearch.index.manifest import drop_lexicon_sum

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "seed.txt")
    index_dir = tmp_path / "index"
    api.ingest([corpus], index_dir=index_dir)
    data = store.live_data_dir(index_dir)
    assert data is not None
    lexicon = Lexicon.open(data / store.LEXICON_FILE, writable=True)
    lexicon.set_meta("schema_version", "1")
    lexicon.close()
    # An index written by that version kept no checksum of its lexicon.
    drop_lexicon_sum(data)
    with pytest.raises(OutdatedIndexError, match="--rebuild"):
        api.open_index(index_dir)
    with pytest.raises(OutdatedIndexError):
        pqsearch.search("diplomates", index_dir=index_dir)
    # Every command that opens the index says the same, without a traceback.
    for command in (
        ["search", "diplomates"],
        ["show", "x"],
        ["facets", "session"],
        ["sectors"],
        ["similar", "--text", str(SEED)],
        ["export", "diplomates"],
        ["watch", "list"],
        ["watch", "run"],
    ):
        result = CliRunner().invoke(app, [*command, "--index", str(index_dir)])
        assert result.exit_code == 2, command
        assert "--rebuild" in result.stderr and "Traceback" not in result.stderr, command
    with pytest.raises(OutdatedIndexError):
        api.ingest([corpus], index_dir=index_dir)
    api.ingest([corpus], index_dir=index_dir, rebuild=True)
    with api.open_index(index_dir) as index:
        assert index.document_count == 1


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


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("helth", ("Q",)),  # a typo of an English name
        ("sant", ("Q",)),  # the start of an alias
        ("Santé humaine", ("Q",)),  # the start of a French label
        ("Q86", ("Q",)),  # a NACE division: its section
        ("constructoin", ("F",)),
        ("zz", ()),
    ],
)
def test_an_unknown_sector_says_the_names_and_the_closest(
    index: api.Index, typed: str, meant: tuple[str, ...]
) -> None:
    # s20, E6: it was answered with the ids A…U alone (then French names in an English
    # message), never a "did you mean".
    with pytest.raises(pqsearch.UnknownSectorError) as caught:
        ids(index, typed)
    error = caught.value
    assert (error.kind, error.value, error.suggestions) == ("unknown_sector", typed, meant)
    assert (
        error.valid[:2] == ("A", "B")
        and error.labels["Q"]["fr"] == "Santé humaine et action sociale"
    )
    message = str(error)
    assert "A (Agriculture, forestry and fishing), B (Mining and quarrying)" in message
    if meant:
        assert f"Did you mean {meant[0]} (" in message
    else:
        assert message.startswith(f"Unknown sector {typed!r}. Sectors: A (")


def test_a_sector_name_filters_as_its_id(index: api.Index) -> None:
    health = ids(index, "Q")
    assert health
    for name in ("santé", "sante", "SANTÉ", "health", "Human health and social work activities"):
        assert ids(index, name) == health, name


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
        # With five words each, the custom sectors are named in a sentence or two of the
        # seed: mentions, which the mention filter finds by the custom names.
        assert mentioning(index, "digital")
        assert mentioning(index, "sustainable")
        assert mentioning(index, "économie durable") == mentioning(index, "sustainable")
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
