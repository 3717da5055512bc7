"""Sector taxonomy and detection: real taxonomy files, real spaCy lemmas, real documents."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from benchmarks.sector_quality import measure
from pqsearch.analyze.lemmatize import Lemmatizer
from pqsearch.analyze.sectors import (
    SectorDetector,
    SectorMention,
    Taxonomy,
    load_taxonomy,
)
from pqsearch.analyze.taxonomy import default_taxonomy_path
from pqsearch.errors import TaxonomyError
from pqsearch.models import Question
from pqsearch.parse import parse_file
from tests.conftest import SEED

DATA = Path(__file__).resolve().parents[1] / "data"
HUB_BRUSSELS = default_taxonomy_path().with_name("sectors_hub_brussels.toml")

# Measured on tests/data/sectors_labels.toml when the threshold was set (51 questions,
# `python benchmarks/sector_quality.py`): precision 0.945, recall 0.908. The floors are those
# figures minus 0.05.
PRECISION_FLOOR = 0.895
RECALL_FLOOR = 0.858


@pytest.fixture(scope="module")
def nace() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="module")
def detector(nace: Taxonomy, lemmatizer: Lemmatizer) -> SectorDetector:
    return SectorDetector(nace, lemmatizer.lemmatize_terms)


@pytest.fixture(scope="module")
def seed_parts(lemmatizer: Lemmatizer) -> dict[str, tuple[str, ...]]:
    """The seed's title, question and answer as lemmas."""
    (seed,) = parse_file(SEED)
    return _lemmas(lemmatizer, seed)


def _lemmas(lemmatizer: Lemmatizer, question: Question) -> dict[str, tuple[str, ...]]:
    texts = {"title": question.title, "question": question.question, "answer": question.answer}
    analyses = lemmatizer.analyze([text or "" for text in texts.values()])
    return {part: analysis.lemmas for part, analysis in zip(texts, analyses, strict=True)}


def _parts(lemmatizer: Lemmatizer, **texts: str) -> dict[str, tuple[str, ...]]:
    analyses = lemmatizer.analyze(list(texts.values()))
    return {part: analysis.lemmas for part, analysis in zip(texts, analyses, strict=True)}


def _evidence(mentions: tuple[SectorMention, ...], sector: str) -> set[str]:
    return {item.term for m in mentions if m.sector == sector for item in m.evidence}


# --- quality on the hand-labelled set ---------------------------------------------------


def test_precision_and_recall_on_the_labelled_questions_stay_above_their_floors(
    lemmatizer: Lemmatizer, detector: SectorDetector
) -> None:
    quality = measure(lemmatizer=lemmatizer, detector=detector)
    assert quality.questions == 51
    assert quality.precision >= PRECISION_FLOOR, quality.errors
    assert quality.recall >= RECALL_FLOOR, quality.errors


# --- the seed (issue acceptance) --------------------------------------------------------


def test_seed_is_tagged_ict_health_finance_and_construction_with_their_evidence(
    detector: SectorDetector, seed_parts: dict[str, tuple[str, ...]]
) -> None:
    mentions = detector.detect(seed_parts)
    assert {"J", "Q", "K", "F"} <= {m.sector for m in mentions}
    assert {"TIC", "informatique", "digital technologies"} <= _evidence(mentions, "J")
    assert {"santé", "e-health"} <= _evidence(mentions, "Q")
    assert "fintech" in _evidence(mentions, "K")
    assert "construction passive et à faible consommation d'énergie" in _evidence(mentions, "F")


def test_seed_is_not_tagged_agriculture_or_mining(
    detector: SectorDetector, seed_parts: dict[str, tuple[str, ...]]
) -> None:
    assert not {"A", "B"} & {m.sector for m in detector.detect(seed_parts)}


def test_evidence_says_which_part_the_term_was_found_in(
    detector: SectorDetector, seed_parts: dict[str, tuple[str, ...]]
) -> None:
    (ict,) = (m for m in detector.detect(seed_parts) if m.sector == "J")
    assert ict.label == "Information et communication"
    found = {(item.term, item.part): item.count for item in ict.evidence}
    # "spécialisés dans les technologies" in the title; "technologiques" eleven times later on.
    assert found[("technologie", "title")] == 1
    assert found[("technologique", "answer")] >= 10
    assert ict.count == sum(found.values())


# --- matching on lemmas ---------------------------------------------------------------


def test_inflected_forms_of_a_term_all_count(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = _parts(
        lemmatizer,
        question="Les entreprises technologiques et la technologie quantique ; une start-up "
        "technologique ; des technologies nouvelles ; deux start-ups.",
    )
    (ict,) = (m for m in detector.score(parts) if m.sector == "J")
    counts = {item.term: item.count for item in ict.evidence}
    assert counts == {"technologique": 2, "technologie": 2, "start-up": 2}


def test_a_phrase_counts_once_and_not_also_as_its_first_word(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = _parts(lemmatizer, answer="La Région soutient la construction durable.")
    (building,) = (m for m in detector.score(parts) if m.sector == "F")
    assert [(e.term, e.count) for e in building.evidence] == [("construction durable", 1)]


def test_a_term_inside_an_excluded_phrase_does_not_count(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    parts = _parts(
        lemmatizer,
        title="la construction européenne et le rôle de Bruxelles",
        question="Quel bilan tirez-vous de la construction européenne ?",
    )
    assert "F" not in {m.sector for m in detector.score(parts)}


def test_one_mention_in_the_title_is_enough_but_the_body_needs_five(
    detector: SectorDetector, lemmatizer: Lemmatizer
) -> None:
    in_title = _parts(lemmatizer, title="les chantiers de la Région", question="Quel calendrier ?")
    assert "F" in {m.sector for m in detector.detect(in_title)}
    body = "Le chantier avance. " * 4
    four = _parts(lemmatizer, title="le calendrier", question=body)
    five = _parts(lemmatizer, title="le calendrier", question=body + "Un chantier de plus.")
    assert "F" not in {m.sector for m in detector.detect(four)}
    assert "F" in {m.sector for m in detector.detect(five)}


def test_detection_costs_well_under_a_millisecond_per_document(
    detector: SectorDetector, seed_parts: dict[str, tuple[str, ...]]
) -> None:
    assert sum(len(lemmas) for lemmas in seed_parts.values()) > 500
    rounds = 200
    started = time.perf_counter()
    for _ in range(rounds):
        detector.detect(seed_parts)
    per_document = (time.perf_counter() - started) / rounds
    # Measured at about 0.3 ms for the seed (618 lemmas, 1.6 times the corpus average); the
    # bound leaves room for a busy machine.
    assert per_document < 0.005


def test_mentions_survive_a_json_round_trip(
    detector: SectorDetector, seed_parts: dict[str, tuple[str, ...]]
) -> None:
    mentions = detector.detect(seed_parts)
    stored = json.loads(json.dumps([m.to_dict() for m in mentions]))
    assert tuple(SectorMention.from_dict(data) for data in stored) == mentions


# --- taxonomies ------------------------------------------------------------------------


def test_the_default_taxonomy_is_nace_sections_a_to_u_in_three_languages(nace: Taxonomy) -> None:
    assert nace.ids == tuple("ABCDEFGHIJKLMNOPQRSTU")
    assert nace.version
    assert all(set(s.labels) == {"fr", "nl", "en"} for s in nace.sectors)
    assert nace.find("F") is not None
    assert nace.find("F") == nace.find("construction") == nace.find("Bouw")


@pytest.mark.parametrize(
    "name",
    ["J", "j", "Information et communication", "informatie en communicatie", "TIC", "numerique"],
)
def test_a_sector_is_found_by_id_label_or_alias_in_any_case_and_accents(
    nace: Taxonomy, name: str
) -> None:
    found = nace.find(name)
    assert found is not None and found.id == "J"


def test_an_unknown_sector_name_finds_nothing(nace: Taxonomy) -> None:
    assert nace.find("astrologie") is None


def test_a_custom_taxonomy_replaces_the_default(
    lemmatizer: Lemmatizer, seed_parts: dict[str, tuple[str, ...]]
) -> None:
    hub = load_taxonomy(HUB_BRUSSELS)
    assert (hub.name, hub.version) == ("hub.brussels priority sectors", "hub-2021.1")
    mentions = SectorDetector(hub, lemmatizer.lemmatize_terms).detect(seed_parts)
    found = {m.sector for m in mentions}
    assert {"digital", "life-sciences", "sustainable-economy"} <= found
    assert found <= set(hub.ids)
    assert hub.find("Économie durable") == hub.find("sustainable-economy")


def test_a_malformed_taxonomy_names_the_file_the_line_and_the_problem() -> None:
    path = DATA / "taxonomy_malformed.toml"
    with pytest.raises(TaxonomyError) as caught:
        load_taxonomy(path)
    message = str(caught.value)
    assert message.startswith(f"{path}, line 17: ")
    assert "sector 'F'" in message and "`terms`" in message and "not 42" in message


BASE = """name = "Test"
version = "1"

[[sector]]
id = "A"
labels = { fr = "Agriculture", nl = "Landbouw", en = "Agriculture" }
terms = ["agriculture"]
"""


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (BASE + 'extra = "x"\n', 8, "unknown key 'extra' in sector 1"),
        (BASE.replace('version = "1"\n', ""), 1, "the file has no 'version'"),
        (
            BASE + "\n[[sector]]\nid = 'A'\nlabels = { fr = 'B', nl = 'B', en = 'B' }\n"
            "terms = ['b']\n",
            10,
            "duplicate sector id 'A' (also at line 4)",
        ),
        (
            BASE + "\n[[sector]]\nid = 'B'\nlabels = { fr = 'Agriculture', nl = 'X', en = 'X' }\n"
            "terms = ['b']\n",
            9,
            "are both called 'agriculture'",
        ),
        (BASE.replace('nl = "Landbouw", ', ""), 6, "no 'nl' label"),
        (BASE.replace('["agriculture"]', "[]"), 7, "`terms` is empty"),
        (BASE.replace('id = "A"\n', ""), 4, "sector 1 has no 'id'"),
        (BASE.replace('["agriculture"]', '["agriculture",, "ferme"]'), 7, "invalid TOML"),
        (BASE.replace('terms = ["agriculture"]', 'terms = ["agriculture"'), 7, "Unclosed array"),
        ("unknown = 3\n" + BASE, 1, "unknown key 'unknown' in the file"),
    ],
)
def test_each_kind_of_mistake_is_reported_with_its_line(
    tmp_path: Path, text: str, line: int, problem: str
) -> None:
    path = tmp_path / "taxonomy.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TaxonomyError) as caught:
        load_taxonomy(path)
    assert str(caught.value).startswith(f"{path}, line {line}: ")
    assert problem in str(caught.value)


def test_a_taxonomy_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.toml"
    path.write_bytes(BASE.replace("Landbouw", "Landbouw\xe9").encode("latin-1"))
    with pytest.raises(TaxonomyError, match=r", line 6: not UTF-8 text"):
        load_taxonomy(path)


def test_a_missing_taxonomy_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match="No taxonomy file at"):
        load_taxonomy(tmp_path / "nowhere.toml")


def test_a_term_made_only_of_stopwords_is_rejected_with_its_line(
    tmp_path: Path, lemmatizer: Lemmatizer
) -> None:
    path = tmp_path / "taxonomy.toml"
    path.write_text(BASE.replace('["agriculture"]', '["agriculture",\n  "de la"]'), "utf-8")
    with pytest.raises(TaxonomyError) as caught:
        SectorDetector(load_taxonomy(path), lemmatizer.lemmatize_terms)
    assert str(caught.value).startswith(f"{path}, line 8: 'de la' is only stopwords")


def test_an_exclusion_that_cancels_its_own_term_is_rejected(
    tmp_path: Path, lemmatizer: Lemmatizer
) -> None:
    path = tmp_path / "taxonomy.toml"
    path.write_text(BASE + 'exclusions = ["les agricultures"]\n', "utf-8")
    with pytest.raises(TaxonomyError) as caught:
        SectorDetector(load_taxonomy(path), lemmatizer.lemmatize_terms)
    message = str(caught.value)
    assert message.startswith(f"{path}, line 7: 'agriculture' has the same lemmas")
    assert "'les agricultures', which cancels it" in message
