"""Issue 14 on the shipped corpus (real spaCy ingest, real index): derivations found below
exact matches, ambiguous forms weighed by use, lemmatized and literal phrases, numbers and
ids typed as the query, a question sent to several ministers shown once, `--explain`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from pqsearch import api
from pqsearch.analyze.lexicon import Lexicon
from pqsearch.analyze.stems import derivation_stem
from pqsearch.cli import app
from pqsearch.models import MatchedTerm
from pqsearch.query.alternatives import W_STEM

# The two copies of one question (same author, title and text) sent to two ministers.
CUBE_COPIES = {"170290", "170291"}
SMET_369 = "PRB-19_24-20_21-pascal-smet-369"


def ids(index: api.Index, query: str) -> list[str]:
    return [h.id for h in index.search(query, limit=200, facets=[]).hits]


def test_families_share_a_stem_and_short_stems_join_nothing() -> None:
    for verb, noun in [
        ("construire", "construction"),
        ("financer", "financement"),
        ("technologie", "technologique"),
        ("energie", "energetique"),
    ]:
        assert derivation_stem(verb) == derivation_stem(noun) != ""
    assert derivation_stem("permis") == ""  # "perm": too short to join words safely
    assert derivation_stem("conviction") != derivation_stem("convier")


def test_a_derivation_is_found_and_ranked_below_the_exact_lemma(index: api.Index) -> None:
    exact = set(ids(index, '"technologique"')) | set(ids(index, '"technologiques"'))
    ranking = ids(index, "technologique")
    family_only = [doc for doc in ranking if doc not in exact]
    assert family_only, "a document holding only 'technologie' is found"
    assert set(ranking[: len(exact)]) == exact
    # A verb finds the noun: no document of the corpus says "construire", several
    # "construction".
    assert set(ids(index, '"construction"')) <= set(ids(index, "construire"))


def test_explain_says_what_each_word_matched(index: api.Index) -> None:
    (financer,) = index.search("financer", facets=[]).explanation
    assert financer.word == "financer"
    assert MatchedTerm("lemma", "financer", 1.0) in financer.matches
    assert MatchedTerm("stem", "financement", W_STEM) in financer.matches


def test_permis_is_not_flooded_by_permettre(index: api.Index) -> None:
    holding = set(ids(index, '"permis"'))  # the surface form itself
    ranking = ids(index, "permis")
    assert len(ranking) > len(holding)  # permettre's other forms are still found...
    assert set(ranking[: len(holding)]) == holding  # ...below every "permis"
    (word,) = index.search("permis", facets=[]).explanation
    weights = {m.term: m.weight for m in word.matches if m.source == "lemma"}
    assert weights["permis"] == 1.0 > weights["permettre"] > 0


def test_a_phrase_matches_other_inflections_in_order(index: api.Index) -> None:
    # 170153 says "transports en commun"; SMET_369 "diplomates technologiques".
    assert "170153" in ids(index, '"transport en commun"')
    assert SMET_369 in ids(index, '"diplomate technologique"')
    assert SMET_369 not in ids(index, '"technologique diplomate"')  # order still counts


def test_an_equals_sign_keeps_a_phrase_literal(index: api.Index) -> None:
    assert "170153" not in ids(index, '="transport en commun"')
    assert SMET_369 not in ids(index, '="diplomate technologique"')
    assert SMET_369 in ids(index, '="diplomates technologiques"')
    assert SMET_369 in ids(index, 'question:="diplomates technologiques"')


def test_a_number_or_an_id_typed_as_the_query_comes_first(index: api.Index) -> None:
    for query in ("369", "n°369", "n° 369", "N° 369"):
        assert ids(index, query)[0] == SMET_369, query
    assert ids(index, "170155")[0] == "170155"
    assert ids(index, SMET_369)[0] == SMET_369


def test_a_question_sent_to_two_ministers_shows_once(index: api.Index) -> None:
    result = index.search("cube bleu", facets=["addressee"], group_copies=True)
    assert result.total == 2  # totals and facets count documents
    assert sum(c.count for c in result.facets[0].results) == 2
    (hit,) = [h for h in result.hits if h.id in CUBE_COPIES]
    assert [c.id for c in hit.copies] == list(CUBE_COPIES - {hit.id})
    assert {c.addressee for c in hit.copies} <= {"Audrey Henry", "Ans Persoons"}
    every = index.search("cube bleu", facets=[])
    assert {h.id for h in every.hits} >= CUBE_COPIES
    assert all(not h.copies for h in every.hits)


def test_cli_explains_and_lists_copies(corpus_index: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(
        app, ["search", "cube", "bleu", "--explain", "--index", str(corpus_index)]
    )
    assert shown.exit_code == 0, shown.output
    assert "Searched as:" in shown.stdout and "cube (lemma 1)" in shown.stdout
    assert "Also sent to:" in shown.stdout
    every = runner.invoke(
        app, ["search", "cube bleu", "--all-copies", "--index", str(corpus_index)]
    )
    assert "Also sent to:" not in every.stdout
    assert all(f"[id {doc}]" in every.stdout for doc in CUBE_COPIES)


def test_a_lexicon_from_before_counts_and_stems_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.sqlite"
    with sqlite3.connect(path) as old:
        old.executescript(
            "CREATE TABLE lemmas (form TEXT NOT NULL, lemma TEXT NOT NULL, "
            "PRIMARY KEY (form, lemma)) WITHOUT ROWID;"
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
            "INSERT INTO lemmas VALUES ('financement', 'financement'), ('finance', 'financer');"
        )
    old.close()
    with Lexicon.open(path, writable=True):
        pass
    with Lexicon.open(path) as lexicon:
        assert lexicon.stem_lemmas(derivation_stem("financer")) == {"financer", "financement"}
        assert lexicon.lemma_shares("finance") == {"financer": 1.0}  # no counts: equal shares
