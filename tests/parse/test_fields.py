"""Field values and text normalisation, as a user sees them in records."""

from __future__ import annotations

import datetime as dt

import pytest

from pqsearch.errors import EncodingProblemError
from pqsearch.parse.fields import (
    derived_id,
    moncode_from_url,
    parse_date,
    period,
    portfolios,
    split_addressee,
    split_number,
    strip_title_prefix,
)
from pqsearch.parse.labels import FRENCH
from pqsearch.parse.normalize import clean_text, decode


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23/02/2021", dt.date(2021, 2, 23)),
        ("1/09/2026", dt.date(2026, 9, 1)),
        ("01/9/2026", dt.date(2026, 9, 1)),
        (" 06/07/2026\t", dt.date(2026, 7, 6)),
        ("2026-07-14", dt.date(2026, 7, 14)),
        ("//", None),
        ("", None),
        (" ", None),
        (None, None),
        # Malformed: a day that does not exist, a two-digit year, words.
        ("31/02/2026", None),
        ("00/00/0000", None),
        ("1/9/26", None),
        ("le 3 mars", None),
    ],
)
def test_dates(text: str | None, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("19/24", "19/24"), ("2019-2024", "19/24"), ("2024-2029", "24/29"), ("20/21", "20/21"),
     ("2020 - 2021", "20/21"), ("", None), (None, None), ("XII", "XII")],
)  # fmt: skip
def test_legislature_and_session_have_one_form(text: str | None, expected: str | None) -> None:
    assert period(text) == expected


def test_title_prefix() -> None:
    assert strip_title_prefix("Question écrite concernant la STIB", FRENCH.title_prefixes) == (
        "la STIB"
    )
    assert strip_title_prefix("QUESTION ÉCRITE CONCERNANT  la STIB ", FRENCH.title_prefixes) == (
        "la STIB"
    )
    assert strip_title_prefix("La STIB", FRENCH.title_prefixes) == "La STIB"


def test_addressee_name_role_and_number() -> None:
    rest, number = split_number("Pascal Smet, Secrétaire d'État (question n°369)")
    assert (rest, number) == ("Pascal Smet, Secrétaire d'État", 369)
    assert split_number("Pascal Smet (question nº 12)")[1] == 12
    assert split_number("Pascal Smet")[1] is None
    assert split_addressee("Ahmed Laaouej - Ministre du Gouvernement, chargé de X") == (
        "Ahmed Laaouej",
        "Ministre du Gouvernement, chargé de X",
    )
    assert split_addressee("Audrey Henry, Secrétaire d'État - chargée de X") == (
        "Audrey Henry",
        "Secrétaire d'État - chargée de X",
    )
    assert split_addressee("Ans Persoons") == ("Ans Persoons", None)


def test_portfolios_split_only_between_competences() -> None:
    role = (
        "Ministre du Gouvernement de la Région de Bruxelles-Capitale chargée de l’Action "
        "sociale et des Solidarités, des Pouvoirs locaux, de l’Égalité des chances et du "
        "Soutien scolaire"
    )
    assert portfolios(role) == (
        "Action sociale",
        "Solidarités",
        "Pouvoirs locaux",
        "Égalité des chances",
        "Soutien scolaire",
    )
    assert portfolios("Ministre-président") == ()
    assert portfolios(None) == ()


def test_derived_ids_are_url_and_shell_friendly() -> None:
    question_id = derived_id(
        parliament="PRB",
        legislature="24/29",
        session="25/26",
        addressee="Elke Van den Brandt",
        number=155,
        fallback="0123456789abcdef0123",
    )
    assert question_id == "PRB-24_29-25_26-elke-van-den-brandt-155"
    assert derived_id(
        parliament="PRB",
        legislature="24/29",
        session=None,
        addressee="Boris Dilliès",
        number=None,
        fallback="0123456789abcdef0123",
    ) == ("PRB-0123456789abcdef")
    assert derived_id(
        parliament="PRB", legislature=None, session=None, addressee="Boris Dilliès", number=1,
        fallback="",
    ) == "PRB-x-x-boris-dillies-1"  # fmt: skip


def test_moncode_from_links() -> None:
    assert moncode_from_url("https://x/weblex-quest-det/?moncode=170229&base=1") == "170229"
    assert moncode_from_url("https://x/?lang=nl&#038;moncode=170229&#038;base=1") == "170229"
    assert moncode_from_url("https://x/?lang=nl&amp;moncode=17&amp;base=1") == "17"
    assert moncode_from_url("https://x/?code=1") is None


def test_clean_text() -> None:
    raw = "  Un\u00a0mot\r\nDeux\rTrois\n\n\n\nQuatre  \tfin\t\n"
    assert clean_text(raw) == "Un mot\nDeux\nTrois\n\nQuatre | fin"
    # Windows-1252 punctuation read as Latin-1 (C1 controls), decomposed accents, soft hyphens.
    assert clean_text("l\x92eau \x97 c\x9cur") == "l’eau — cœur"
    assert clean_text("e\u0301te\u0301 infor\u00admation") == "été information"
    assert clean_text("le 1\ner février, le 2\nnd") == "le 1er février, le 2nd"
    assert clean_text("·\u00a0\u00a0\u00a0point\n§\tarticle\nii.\tcondition") == (
        "- point\n- article\nii. condition"
    )
    # A paragraph sign followed by a space is a reference, not a bullet.
    assert clean_text("§ 2. Le texte") == "§ 2. Le texte"


def test_clean_text_is_stable() -> None:
    text = "Titre\n\n- a | b\n1. c\nle 1er mars"
    assert clean_text(text) == text
    assert clean_text(clean_text("x\t\ty\n\n\n\nz")) == clean_text("x\t\ty\n\n\n\nz")


def test_decode() -> None:
    assert decode("été".encode(), source="x") == "été"
    assert decode("\ufeffété".encode(), source="x") == "été"
    assert decode("été ’".encode("cp1252"), source="x") == "été ’"
    assert decode("été".encode("utf-16"), source="x") == "été"
    # A few stray control bytes in a long text are not binary data.
    assert decode(b"a\x1b" + b"b" * 5000, source="x").startswith("a\x1b")
    with pytest.raises(EncodingProblemError, match="NUL bytes"):
        decode(b"abc\x00", source="x")
    with pytest.raises(EncodingProblemError, match="control bytes"):
        decode(bytes(range(1, 32)) * 3, source="x")
