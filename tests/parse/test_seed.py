"""The seed (the plain-text rendering of a page) parses to exactly the issue's values."""

from __future__ import annotations

import datetime as dt

from pqsearch.models import WRITTEN, ProcedureStep, Question
from pqsearch.parse import content_hash
from tests.conftest import SEED


def test_seed_metadata(seed: Question) -> None:
    assert seed.title == (
        "le déploiement éventuel de diplomates bruxellois spécialisés dans les technologies"
    )
    assert seed.author == "Bianca Debaets"
    assert seed.addressee == "Pascal Smet"
    assert seed.number == 369
    assert seed.received_on == dt.date(2021, 2, 23)
    assert seed.published_on == dt.date(2021, 4, 2)
    assert seed.answered_on == dt.date(2021, 3, 31)
    assert seed.legislature == "19/24"
    assert seed.session == "20/21"
    assert seed.parliament == "PRB"
    assert seed.kind == WRITTEN
    assert seed.language == "fr"


def test_seed_procedure_is_one_admissibility_row(seed: Question) -> None:
    assert seed.procedure == (
        ProcedureStep(date=dt.date(2021, 3, 2), act="Recevable", body="p.m."),
    )


def test_seed_addressee_role_and_portfolios(seed: Question) -> None:
    assert seed.addressee_role == (
        "Secrétaire d'État à la Région de Bruxelles-Capitale, chargé de l'Urbanisme et du "
        "Patrimoine, des Relations européennes et internationales, du Commerce extérieur et de "
        "la Lutte contre l'Incendie et l'Aide médicale urgente"
    )
    assert seed.portfolios == (
        "Urbanisme",
        "Patrimoine",
        "Relations européennes et internationales",
        "Commerce extérieur",
        "Lutte contre l'Incendie et l'Aide médicale urgente",
    )


def test_seed_question_and_answer_text(seed: Question) -> None:
    assert seed.question.startswith("Le lundi 8 février dernier")
    assert seed.answer is not None
    assert seed.answer.startswith("1/ Il n'existe pas")
    assert seed.answer.endswith("plus large que l'exportation.")


def test_seed_superscript_split_is_joined(seed: Question) -> None:
    assert "renforcée le 1er février par quatre" in seed.question


def test_seed_keeps_paragraphs_and_list_items(seed: Question) -> None:
    assert "\n\nJe voudrais dès lors vous poser les questions suivantes :\n\n- Avez-vous" in (
        seed.question
    )
    assert seed.answer is not None
    assert "\n- Life sciences (E-health, Medical devices, Clinical trials)\n" in seed.answer
    # Non-breaking spaces are plain spaces; no run of blank lines is left from the page.
    assert "\u00a0" not in seed.question + seed.answer
    assert "\n\n\n" not in seed.answer


def test_seed_id_is_derived_and_url_friendly(seed: Question) -> None:
    assert seed.id == "PRB-19_24-20_21-pascal-smet-369"
    assert seed.url is None
    assert seed.source == str(SEED)
    assert seed.source_format == "text"
    assert seed.content_hash == content_hash(SEED.read_bytes())
