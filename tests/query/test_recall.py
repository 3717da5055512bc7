"""Issue 14, items 4-6: spelling corrections, synonyms and acronyms, Dutch.

One real index (spaCy, Whoosh) of Brussels records from the shipped corpus, a few of them
rewritten to hold what a test needs (a Dutch question of the federal Chamber, a word and its
synonym, an acronym defined in one document and spelled out in another).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from pqsearch.errors import ThesaurusError
from pqsearch.models import Correction
from pqsearch.query.correct import Vocabulary
from pqsearch.query.expansions import SYNONYM_WEIGHT
from pqsearch.query.synonyms import USER_FILE_VARIABLE
from tests.conftest import QRVA_2017, brussels_record

runner = CliRunner()

# Brussels records kept as they are: the Blue Cube's (Dutch title "Blauwe Kubus") and the
# neutrality ones (the typo tests' "neutralitee").
KEPT = ("170291", "170149", "170148", "170147")


def _rewritten(moncode: str, title: str, question: str, **more: str) -> dict[str, Any]:
    record = brussels_record(moncode)
    record.pop("empreinte_contenu", None)
    record.update(titre=title, titre_nl="", question=question, reponse="", **more)
    return record


def _dutch_question() -> dict[str, Any]:
    """A federal Chamber question in Dutch (184566: the MONITOR survey on mobility)."""
    with QRVA_2017.open(encoding="utf-8") as handle:
        chamber = next(r for r in map(json.loads, handle) if str(r["doc_id"]) == "184566")
    title, _, body = chamber["question"].partition("\n")
    return _rewritten("170312", title.strip(), body.strip(), langue="nl")


@pytest.fixture(scope="module")
def recall_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("recall")
    records = [brussels_record(moncode) for moncode in KEPT]
    records += [
        _dutch_question(),
        _rewritten(
            "170290",
            "Le stationnement des bicyclettes à la gare du Midi",
            "Combien de bicyclettes peuvent être garées à la gare du Midi ?",
        ),
        _rewritten(
            "170146",
            "Le stationnement des vélos à la gare de l'Ouest",
            "Combien de vélos peuvent être garés à la gare de l'Ouest ?",
        ),
        _rewritten(
            "170145",
            "Le soutien aux jeunes pousses",
            "L'Agence bruxelloise pour l'accompagnement de l'entreprise (ABAE) aide-t-elle "
            "les jeunes pousses à trouver des locaux ?",
        ),
        _rewritten(
            "170153",
            "Les guichets d'aide aux indépendants",
            "Quels guichets l'agence bruxelloise pour l'accompagnement de l'entreprise "
            "ouvre-t-elle aux indépendants cette année ?",
        ),
    ]
    source = folder / "records.jsonl"
    source.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    report = api.ingest([source], index_dir=folder / "index")
    assert not report.failed, report.failed
    return folder / "index"


@pytest.fixture(scope="module")
def index(recall_index: Path) -> Iterator[api.Index]:
    with api.open_index(recall_index) as opened:
        yield opened


# --- item 4: typos ---------------------------------------------------------------------


def test_a_word_matching_nothing_is_searched_as_its_correction_and_said_so(
    index: api.Index,
) -> None:
    result = index.search("neutralitee service publique", facets=[])
    assert result.corrections == (Correction("neutralitee", "neutralité"),)
    assert result.corrected_query == "neutralité service publique"
    assert {hit.id for hit in result.hits[:3]} == {"170149", "170148", "170147"}


def test_the_cli_announces_the_correction_above_the_results(recall_index: Path) -> None:
    out = runner.invoke(app, ["search", "neutralitee", "--index", str(recall_index)])
    assert out.exit_code == 0, out.output
    first_line, rest = out.output.split("\n", 1)
    # In English, as the rest of the CLI's output (the web page says it in its language).
    assert first_line == 'Results for "neutralité"; search for "neutralitee" instead: --no-correct'
    assert "Résultats" not in out.output
    assert "170149" in rest


def test_no_correct_searches_the_typed_word_and_suggests_a_plausible_one(
    recall_index: Path,
) -> None:
    out = runner.invoke(
        app, ["search", "neutralitee", "--no-correct", "--index", str(recall_index)]
    )
    assert out.exit_code == 0, out.output
    assert out.output.startswith('0 documents for "neutralitee"')
    assert 'did you mean "neutralité"' in out.output
    assert "Results for" not in out.output


def test_the_json_output_holds_the_correction(recall_index: Path) -> None:
    out = runner.invoke(app, ["search", "neutralitee", "--json", "--index", str(recall_index)])
    result = json.loads(out.output)
    assert result["corrections"] == [{"word": "neutralitee", "correction": "neutralité"}]
    assert result["corrected_query"] == "neutralité"


def test_a_word_found_as_typed_is_not_corrected(index: api.Index) -> None:
    result = index.search("neutralité", facets=[])
    assert result.corrections == ()
    assert result.corrected_query is None


def test_a_missing_or_extra_letter_is_likelier_than_a_wrong_one() -> None:
    vocabulary = Vocabulary({"box": 1, "bons": 40, "voie": 3, "vise": 50, "voire": 9})
    assert vocabulary.near("boxs")[0].form == "box"
    # "vise" is two edits from "voile": no plausible correction of a five-letter word.
    assert [c.form for c in vocabulary.near("voile")] == ["voie", "voire"]
    # Two letters swapped count as one edit.
    assert vocabulary.near("vioe")[0].form == "voie"


# --- item 5: synonyms and acronyms -----------------------------------------------------


def test_a_synonym_finds_a_document_below_one_holding_the_typed_word(index: api.Index) -> None:
    ids = [hit.id for hit in index.search("bicyclette", facets=[]).hits]
    assert ids[:2] == ["170290", "170146"]
    found = {(s.term, s.source): s.weight for s in index.synonyms("bicyclette")}
    assert found[("vélo", "thesaurus")] == SYNONYM_WEIGHT < 1.0


def test_a_user_file_extends_the_thesaurus(
    index: api.Index, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert index.search("biclou", facets=[], correct=False).total == 0
    user_file = tmp_path / "mine.toml"
    user_file.write_text('[[group]]\nterms = ["biclou", "vélo"]\n', encoding="utf-8")
    monkeypatch.setenv(USER_FILE_VARIABLE, str(user_file))
    assert [hit.id for hit in index.search("biclou", facets=[]).hits] == ["170146"]
    assert ("vélo", "user file") in {(s.term, s.source) for s in index.synonyms("biclou")}


def test_a_malformed_user_file_is_an_error_that_says_what_to_do(
    index: api.Index, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_file = tmp_path / "mine.toml"
    user_file.write_text("[[group]]\nterms = vélo\n", encoding="utf-8")
    monkeypatch.setenv(USER_FILE_VARIABLE, str(user_file))
    with pytest.raises(ThesaurusError, match=f"unset {USER_FILE_VARIABLE}"):
        index.search("vélo", facets=[])


def test_an_acronym_defined_in_one_document_finds_another_spelling_it_out(
    index: api.Index,
) -> None:
    ids = [hit.id for hit in index.search("ABAE", facets=[]).hits]
    assert ids == ["170145", "170153"]


def test_the_synonyms_command_shows_each_expansion_and_its_source(recall_index: Path) -> None:
    out = runner.invoke(app, ["synonyms", "ABAE", "--index", str(recall_index)])
    assert out.exit_code == 0, out.output
    assert "agence bruxelloise pour accompagnement de entreprise" in out.output.lower()
    assert "corpus acronym" in out.output
    out = runner.invoke(app, ["synonyms", "vélo", "--index", str(recall_index)])
    assert "bicyclette" in out.output and "thesaurus, weight 0.3" in out.output


# --- item 6: Dutch ---------------------------------------------------------------------


def test_the_dutch_title_of_a_brussels_record_is_searchable(index: api.Index) -> None:
    assert [hit.id for hit in index.search("blauwe kubus", facets=[]).hits] == ["170291"]


def test_a_dutch_document_is_found_in_another_inflection(index: api.Index) -> None:
    # The question says "grootschalige enquete"; Snowball's Dutch stemmer joins them.
    result = index.search("grootschalig enquetes", facets=[])
    assert [hit.id for hit in result.hits] == ["170312"]
    assert result.corrections == ()


def test_a_page_indexed_instead_of_its_record_keeps_the_records_dutch_title(
    corpus_index: Path,
) -> None:
    # The shipped corpus holds 170291 as a page (kept) and as a record (with title_nl).
    with api.open_index(corpus_index) as shipped:
        ids = {hit.id for hit in shipped.search("blauwe kubus", facets=[]).hits}
        assert ids == {"170290", "170291"}
        assert shipped.get("170291").source_format == "html"
