"""The answer-type model's second reading: its file, its fingerprint, its decisions."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.answer_type_quality import qrva_question
from pqsearch.analyze import answers
from pqsearch.analyze.answer_model import MODEL_FILE, AnswerModelError, load_model, reads
from pqsearch.analyze.answers import (
    BY_REFERENCE,
    NOT_COMPETENT,
    NOT_PUBLISHED,
    SUBSTANTIVE,
    classify_answer,
)
from pqsearch.errors import PqsearchError
from pqsearch.models import Question
from tests.analyze.test_answers import _question
from tests.conftest import TEST_DATA

REAL = TEST_DATA / "answer_model_real" / "records.jsonl"


@pytest.fixture(scope="module")
def real() -> dict[str, Question]:
    records = [json.loads(line) for line in REAL.read_text(encoding="utf-8").splitlines()]
    return {str(record["doc_id"]): qrva_question(record) for record in records}


def test_the_shipped_model_reads_the_four_answer_types() -> None:
    model = load_model()
    assert model.types == (SUBSTANTIVE, BY_REFERENCE, NOT_COMPETENT, NOT_PUBLISHED)
    assert len(model.weights) > 100
    assert 0.5 <= model.threshold < 1


def test_a_missing_model_file_is_a_clear_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "answer-model-2.json"
    with pytest.raises(AnswerModelError, match=re.escape(f"{missing} cannot be read")):
        load_model(missing)


def _drop_a_weight(text: str) -> str:
    data = json.loads(text)
    feature = sorted(data["weights"])[0]
    data["weights"][feature] = data["weights"][feature][1:]
    return json.dumps(data)


_DAMAGES: dict[str, Callable[[str], str]] = {
    "truncated": lambda text: text[: len(text) // 2],
    "another format": lambda text: text.replace('"format": 2', '"format": 3'),
    "no threshold": lambda text: text.replace('"threshold"', '"threshold_"'),
    "a bias too many": lambda text: text.replace('"bias": [', '"bias": [0.5, '),
    # A feature with a weight fewer than types: it would be misread type by type.
    "a weight missing": _drop_a_weight,
}


@pytest.mark.parametrize("damage", sorted(_DAMAGES))
def test_a_corrupt_model_file_is_a_clear_error_naming_it(tmp_path: Path, damage: str) -> None:
    corrupt = tmp_path / "answer-model-2.json"
    corrupt.write_text(_DAMAGES[damage](MODEL_FILE.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(PqsearchError, match=re.escape(str(corrupt))):
        load_model(corrupt)


def test_a_change_of_one_weight_changes_the_rules_fingerprint(tmp_path: Path) -> None:
    text = MODEL_FILE.read_text(encoding="utf-8")
    same = tmp_path / "same.json"
    same.write_text(text, encoding="utf-8")
    assert answers.fingerprint_with(load_model(same)) == answers.rules_fingerprint()
    data = json.loads(text)
    feature = sorted(data["weights"])[0]
    data["weights"][feature][1] += 0.0001
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    assert answers.fingerprint_with(load_model(changed)) != answers.rules_fingerprint()


def test_an_annex_sent_directly_and_not_printed_is_not_published(
    real: dict[str, Question],
) -> None:
    # The rules know "het antwoord ... rechtstreeks toegestuurd", not "de bijlagen ...": the
    # whole answer is the annex, like record 190395 (labelled not published).
    result = classify_answer(real["192861"])
    assert result.type == NOT_PUBLISHED
    assert result.evidence is not None and "rechtstreeks toegestuurd" in result.evidence


def test_the_same_mailing_beside_a_figure_of_the_answers_own_stays_substantive(
    real: dict[str, Question],
) -> None:
    assert classify_answer(real["185340"]).type == SUBSTANTIVE


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # Wordings the rules know no phrasing for (round 4's test half, missed by the rules).
        (
            "Je vous propose de vous reporter à la réponse que j'ai adressée à Mme Durant sur "
            "le même sujet, que vous trouverez en réponse à sa question n° 77.",
            BY_REFERENCE,
        ),
        (
            "Cette matière excède le cadre de mes attributions. Je vous suggère de vous "
            "adresser à mon collègue, le ministre de la Mobilité.",
            NOT_COMPETENT,
        ),
    ],
)
def test_new_wordings_of_a_referral_are_read_by_the_model(answer: str, expected: str) -> None:
    assert classify_answer(_question(answer)).type == expected


@pytest.mark.parametrize(
    "answer",
    [
        # A partial answer: the rules found the pointer and kept it substantive.
        "La Région n'a pas été consultée. Pour le reste, cette question relève de la "
        "compétence de mon collègue chargé de l'Économie, à qui je vous invite à l'adresser.",
        # Too long to be a pointer with context (`answer_model.MAX_SENTENCES`).
        "Je vous suggère de vous adresser à mon collègue. Le budget est de 3 millions. "
        "Les travaux commencent en juin. Ils dureront deux ans.",
    ],
)
def test_the_model_never_overturns_a_partial_or_long_answer(answer: str) -> None:
    assert classify_answer(_question(answer)).type == SUBSTANTIVE


def test_the_model_leaves_the_rules_non_substantive_readings_alone() -> None:
    answer = "Je vous renvoie à ma réponse à la question n° 55-880."
    assert answers._rules_reading(answer)[0].type == BY_REFERENCE
    assert classify_answer(_question(answer)).type == BY_REFERENCE


# A federal Dutch answer on the substance (be_chamber_qrva_2017 record 187781, in
# /work/shared/corpus, quoted whole): 124 words whose sentences are glued ("elementen.Hoewel"),
# so the splitter sees one. The role model, asked, reads "bevoegdheden" with "niet mogelijk" and
# gives not competent 0.98: too long to be a pointer with context (`answer_model.MAX_WORDS`).
_GLUED_PARAGRAPH = (
    "Naar aanleiding van uw vraag betreffende de bevoegdheden van de gemeenschapswachten en hun "
    "eventuele uitbreiding inzake bestraffing van de overlast gepleegd in de gemeenschappelijke "
    "delen van de sociale wooncomplexen, hierbij de gevraagde antwoordelementen.Hoewel ik mij "
    "wel degelijk bewust ben van de lokale problematiek en de ongemakken voor de inwoners van "
    "sociale woningen naar aanleiding van overlast die wordt gepleegd in de gemeenschappelijke "
    "delen zoals de tuinen, parkings, liftkokers en trappen, kelders, gangen of zoals helaas te "
    "vaak in de inkomhal van het gebouw, is het in het licht van de huidige wetgeving niet "
    "mogelijk voor een gemeenschapswacht-vaststeller om een vaststelling op te stellen voor een "
    "feit gepleegd  in een private eigendom.Er is op dit moment geen uitbreiding van hun "
    "bevoegdheden in die zin gepland."
)


def test_a_long_paragraph_of_glued_sentences_is_not_read_by_the_model() -> None:
    assert classify_answer(_question(_GLUED_PARAGRAPH)).type == SUBSTANTIVE


def test_a_glued_sentence_boundary_counts_as_a_sentence() -> None:
    assert reads(["Zie mijn antwoord op vraag nr. 12.", "Het blijft geldig."])
    assert not reads(["Zie mijn antwoord.Het blijft geldig.De cijfers volgen.", "Tot slot."])
