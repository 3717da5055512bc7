"""Issue 14, synonyms: a long form typed in full finds its acronym, acronym counts follow the
index's documents, a real word is not corrected into another, stopwords are not marked.

One real index (spaCy, Whoosh) of Brussels records from the shipped corpus, rewritten to hold
what each test needs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.analyze import acronyms
from pqsearch.analyze.lexicon import Lexicon
from pqsearch.cli import app
from pqsearch.models import Correction, Highlight, MatchedTerm
from pqsearch.query.expansions import ACRONYM_WEIGHT, SYNONYM_WEIGHT
from tests.query.test_recall import _rewritten

runner = CliRunner()

DEFINES_ABAE = (
    "170145",
    "Le soutien aux jeunes pousses",
    "L'Agence bruxelloise pour l'accompagnement de l'entreprise (ABAE) aide-t-elle les "
    "jeunes pousses à trouver des locaux ?",
)
USES_ABAE = (
    "170153",
    "Les guichets de l'ABAE",
    "Quels guichets l'ABAE ouvre-t-elle aux indépendants cette année ?",
)


def _write(folder: Path, records: list[dict[str, Any]]) -> Path:
    source = folder / "records.jsonl"
    source.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return source


@pytest.fixture(scope="module")
def runs_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("runs")
    records = [
        _rewritten(*DEFINES_ABAE),
        _rewritten(*USES_ABAE),
        _rewritten(
            "170146",
            "Les contrôles de la LEZ",
            "Combien de véhicules les caméras de la LEZ ont-elles verbalisés cette année ?",
        ),
        _rewritten(
            "170147",
            "L'extension de la zone de basses émissions",
            "La zone de basses émissions sera-t-elle étendue aux véhicules utilitaires ?",
        ),
        _rewritten(
            "170148",
            "La propreté de la ville pour les habitants",
            "La ville est-elle propre ? Les transports en commun sont-ils en retard ?",
        ),
        _rewritten(
            "170149",
            "Les pistes cyclables",
            "Combien de mètres de pistes cyclables la Région a-t-elle tracés ?",
        ),
    ]
    report = api.ingest([_write(folder, records)], index_dir=folder / "index")
    assert not report.failed, report.failed
    return folder / "index"


@pytest.fixture(scope="module")
def index(runs_index: Path) -> Iterator[api.Index]:
    with api.open_index(runs_index) as opened:
        yield opened


# --- a long form typed in full finds the acronym ------------------------------------------


def test_a_long_form_typed_in_full_finds_a_document_using_only_its_corpus_acronym(
    index: api.Index,
) -> None:
    result = index.search("agence bruxelloise pour l'accompagnement de l'entreprise", facets=[])
    assert [hit.id for hit in result.hits] == ["170145", "170153"]
    agence = next(w for w in result.explanation if w.word == "agence")
    # The four content words share the acronym's weight.
    assert MatchedTerm("synonym", "abae", ACRONYM_WEIGHT / 4) in agence.matches


def test_a_thesaurus_long_form_finds_its_acronym_below_the_words_typed(index: api.Index) -> None:
    # "LEZ" and "zone de basses émissions" are one group of the shipped thesaurus.
    ids = [hit.id for hit in index.search("zone de basses émissions", facets=[]).hits]
    assert ids == ["170147", "170146"]
    assert [hit.id for hit in index.search("LEZ", facets=[]).hits] == ["170146", "170147"]


def test_words_typed_apart_do_not_name_the_long_form(index: api.Index) -> None:
    result = index.search("zone de émissions basses", facets=[])
    assert [hit.id for hit in result.hits] == ["170147"]


def test_the_synonyms_command_shows_what_a_long_form_names(runs_index: Path) -> None:
    out = runner.invoke(app, ["synonyms", "zone de basses émissions", "--index", str(runs_index)])
    assert out.exit_code == 0, out.output
    assert f"LEZ  thesaurus, weight {SYNONYM_WEIGHT}" in out.output
    typed = "Agence bruxelloise pour l'accompagnement de l'entreprise"
    out = runner.invoke(app, ["synonyms", typed, "--index", str(runs_index)])
    assert f"ABAE  corpus acronym, weight {ACRONYM_WEIGHT}" in out.output


# --- corrections ------------------------------------------------------------------------


def test_a_dictionary_word_the_corpus_lacks_is_not_corrected_into_another_word(
    index: api.Index,
) -> None:
    # "meurtres" is two edits from the indexed "mètres": a real word, not a typo of it.
    result = index.search("meurtres", facets=[])
    assert (result.total, result.corrections, result.suggestions) == (0, (), ())
    assert index.search("metrse", facets=[]).corrections == (Correction("metrse", "mètres"),)


# --- highlights ---------------------------------------------------------------------------


def _marked(highlight: Highlight) -> list[str]:
    return [highlight.text[start:end] for start, end in highlight.spans]


def test_the_stopwords_of_a_query_are_not_marked(index: api.Index) -> None:
    hit = index.search("propreté pour la ville", facets=[]).hits[0]
    assert _marked(hit.highlights[0]) == ["propreté", "ville"]


def test_a_phrase_marks_its_stopwords_only_inside_it(index: api.Index) -> None:
    hit = index.search('"transports en commun"', facets=[]).hits[0]
    question = next(h for h in hit.highlights if h.part == "question")
    # "en retard" keeps its "en" unmarked.
    assert _marked(question) == ["transports", "en", "commun"]


# --- acronym counts follow the documents ------------------------------------------------


def test_acronym_counts_follow_the_documents_written_and_removed(tmp_path: Path) -> None:
    with Lexicon.open(tmp_path / "lexicon.sqlite", writable=True) as lexicon:
        mined = acronyms.Acronyms()
        for doc in ("a", "b"):
            mined.add(doc, ["la zone de basses émissions (LEZ) s'étend"])
        mined.save(lexicon)
        assert acronyms.load(lexicon) == {"lez": {"zone de basses emissions": [2, False]}}
        # "a" written again without the definition, "b" removed: nothing left.
        mined.add("a", ["la zone s'étend"])
        mined.save(lexicon)
        assert acronyms.long_forms(lexicon) == {}
        mined.remove("b")
        mined.save(lexicon)
        assert acronyms.load(lexicon) == {}


def test_counts_of_an_index_written_before_per_document_rows_are_kept(tmp_path: Path) -> None:
    with Lexicon.open(tmp_path / "lexicon.sqlite", writable=True) as lexicon:
        legacy = {"siamu": {"service incendie et aide medicale urgente": [3, True]}}
        lexicon.set_meta(acronyms.META_KEY, json.dumps(legacy))
        mined = acronyms.Acronyms()
        mined.add("new", ["les centres publics d'action sociale (CPAS) aident"])
        mined.save(lexicon)
        assert acronyms.load(lexicon) == {
            **legacy,
            "cpas": {"centres publics action sociale": [1, True]},
        }


def test_a_document_ingested_again_without_its_definition_stops_expanding_the_acronym(
    tmp_path: Path,
) -> None:
    source = _write(tmp_path, [_rewritten(*DEFINES_ABAE), _rewritten(*USES_ABAE)])
    api.ingest([source], index_dir=tmp_path / "index")
    with api.open_index(tmp_path / "index") as opened:
        assert "corpus acronym" in {s.source for s in opened.synonyms("ABAE")}
    plain = _rewritten(DEFINES_ABAE[0], DEFINES_ABAE[1], "Les jeunes pousses trouvent-elles ?")
    _write(tmp_path, [plain, _rewritten(*USES_ABAE)])
    report = api.ingest([source], index_dir=tmp_path / "index")
    assert report.updated == ("170145",)
    with api.open_index(tmp_path / "index") as opened:
        assert "corpus acronym" not in {s.source for s in opened.synonyms("ABAE")}
        assert [h.id for h in opened.search("ABAE", facets=[]).hits] == ["170153"]
