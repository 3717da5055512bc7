"""Cross-references: finding cited questions in text, and resolving them to indexed ones."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pqsearch.analyze.references import (
    INTERPELLATION,
    ORAL,
    UNSPECIFIED,
    WRITTEN,
    Candidate,
    Reference,
    extract_references,
    fold_in_place,
    normalize_session,
    question_references,
    resolve,
)
from pqsearch.models import Question
from pqsearch.parse import parse_file
from tests.conftest import BRUSSELS_HTML, BRUSSELS_RECORDS, QRVA_2017


@pytest.fixture(scope="module")
def indexed() -> dict[str, Question]:
    """Every Brussels question, pages first (as the ingester keeps the page over the record)."""
    found: dict[str, Question] = {}
    for path in sorted(BRUSSELS_HTML.glob("*.html")):
        question = parse_file(path)[0]
        found[question.id] = question
    for question in parse_file(BRUSSELS_RECORDS):
        found.setdefault(question.id, question)
    return found


@pytest.fixture(scope="module")
def candidates(indexed: dict[str, Question]) -> list[Candidate]:
    return [(q.id, q.number, q.session, q.addressee) for q in indexed.values()]


def _numbers(text: str) -> list[tuple[int, str | None, str]]:
    return [(r.number, r.session, r.kind) for r in extract_references(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je vous renvoie à ma réponse à la question écrite n° 123.", [(123, None, WRITTEN)]),
        ("voir ma réponse à la question n°45 (session 2020-2021)", [(45, "20/21", UNSPECIFIED)]),
        ("Cf. QE n° 45.", [(45, None, WRITTEN)]),
        (
            "les questions écrites nos 12 et 13 (session 2020-2021)",
            [(12, "20/21", WRITTEN), (13, "20/21", WRITTEN)],
        ),
        (
            "les questions écrites n°s 12, 13 et 14, session 20/21",
            [(12, "20/21", WRITTEN), (13, "20/21", WRITTEN), (14, "20/21", WRITTEN)],
        ),
        (
            "questions écrites n° 12 à 14",
            [(12, None, WRITTEN), (13, None, WRITTEN), (14, None, WRITTEN)],
        ),
        ("question écrite n° 59 de la session 2019-2020", [(59, "19/20", WRITTEN)]),
        ("Question écrite N° 1.807", [(1807, None, WRITTEN)]),
        ("ma réponse à l’interpellation n° 7", [(7, None, INTERPELLATION)]),
        (
            "la question orale n° 31 et la question d'actualité n° 3",
            [(31, None, ORAL), (3, None, ORAL)],
        ),
        ("ma question n° 45 en 2020", [(45, None, UNSPECIFIED)]),
        ("la question n° 59 - 2021", [(59, None, UNSPECIFIED)]),
        ("schriftelijke vraag nr. 1590 van 5 december 2016", [(1590, None, WRITTEN)]),
        ("mondelinge vragen nr. 16091 en nr. 16119", [(16091, None, ORAL), (16119, None, ORAL)]),
    ],
)
def test_cited_questions_are_found(text: str, expected: list[tuple[int, str | None, str]]) -> None:
    assert _numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "QUESTION 1 En juillet 2026, en moyenne, Actiris fixe le 1er RDV",
        "voir à ce sujet la réponse à la question 7",
        "la circulaire nr. 32/2016 et la Verordening (EU) nr. 1093/2010",
        "(Vragen en Antwoorden, Kamer, 2016-2017, nr. 111)",
        "l'article 8, n° 3, de l'arrêté",
        "",
    ],
)
def test_numbers_that_are_not_cited_questions_are_ignored(text: str) -> None:
    assert extract_references(text) == ()


def test_date_and_span_of_a_reference_are_kept() -> None:
    (reference,) = extract_references("Cf. la question écrite n° 59  du 1er mars 2021, point 2.")
    assert reference == Reference(
        number=59,
        session=None,
        kind=WRITTEN,
        text="question écrite n° 59 du 1er mars 2021",
        date=dt.date(2021, 3, 1),
    )


def test_real_answer_citing_an_earlier_written_question(indexed: dict[str, Question]) -> None:
    references = question_references(indexed["170245"])
    assert [(r.number, r.kind, r.text) for r in references] == [
        (1807, WRITTEN, "question écrite n° 1807")
    ]


def test_real_dutch_answer_citing_two_questions() -> None:
    with QRVA_2017.open(encoding="utf-8") as handle:
        record = next(r for r in map(json.loads, handle) if r["doc_id"] == 190890)
    assert [r.number for r in extract_references(record["answer"])] == [1601, 1670]


def _citing(answer: str, *, addressee: str | None = "Audrey Henry") -> Question:
    return Question(
        id="PRB-24_29-25_26-audrey-henry-99",
        parliament="PRB",
        kind="written",
        legislature="24/29",
        session="25/26",
        number=99,
        language="fr",
        title="le suivi du réemploi des appareils électroniques",
        title_nl=None,
        author="Une Députée",
        addressee=addressee,
        addressee_role=None,
        portfolios=(),
        received_on=dt.date(2026, 10, 1),
        published_on=None,
        answered_on=dt.date(2026, 11, 2),
        procedure=(),
        question="Où en est l'accès des associations de réparation aux DEEE ?",
        answer=answer,
        annexes=(),
        source="test",
        source_format="jsonl",
        content_hash="",
    )


def _resolve(question: Question, candidates: list[Candidate]) -> list[list[str]]:
    return [
        resolve(
            reference,
            candidates,
            citing_id=question.id,
            citing_session=question.session,
            citing_addressee=question.addressee,
        )
        for reference in question_references(question)
    ]


def test_citation_of_written_question_59_resolves_to_170229(candidates: list[Candidate]) -> None:
    citing = _citing("Je vous renvoie à ma réponse à la question écrite n° 59.")
    assert _resolve(citing, candidates) == [["170229"]]


def test_two_ministers_have_a_question_59_in_the_same_session(
    candidates: list[Candidate],
) -> None:
    # 170229 (Audrey Henry) and 170149 (Boris Dilliès) are both n° 59 of session 25/26: a
    # citing text from nobody in particular cannot choose between them.
    citing = _citing("Voir la question écrite n° 59 (session 2025-2026).", addressee=None)
    (resolved,) = _resolve(citing, candidates)
    assert sorted(resolved) == ["170149", "170229"]


def test_reference_to_a_session_with_no_such_question_is_unresolved(
    candidates: list[Candidate],
) -> None:
    citing = _citing("Je vous renvoie à la question écrite n° 59 (session 2022-2023).")
    assert _resolve(citing, candidates) == [[]]


def test_reference_to_a_question_not_in_the_index_is_unresolved(
    indexed: dict[str, Question], candidates: list[Candidate]
) -> None:
    assert _resolve(indexed["170245"], candidates) == [[]]


def test_oral_questions_do_not_resolve_to_written_ones(candidates: list[Candidate]) -> None:
    citing = _citing("Je vous renvoie à ma réponse à la question orale n° 59.")
    assert _resolve(citing, candidates) == [[]]


def test_a_question_never_resolves_to_itself(indexed: dict[str, Question]) -> None:
    question = dataclasses.replace(indexed["170229"], answer="Voir la question n° 59.")
    own: list[Candidate] = [(question.id, 59, "25/26", "Audrey Henry")]
    assert _resolve(question, own) == [[]]


def test_date_next_to_the_number_prefers_the_session_it_falls_in() -> None:
    candidates: list[Candidate] = [
        ("older", 12, "20/21", "Pascal Smet"),
        ("newer", 12, "25/26", "Pascal Smet"),
    ]
    (reference,) = extract_references("ma réponse à la question n° 12 du 12 mars 2021")
    assert resolve(reference, candidates, citing_session="25/26") == ["older"]
    (undated,) = extract_references("ma réponse à la question n° 12")
    assert resolve(undated, candidates, citing_session="25/26") == ["newer"]
    assert resolve(undated, candidates) == ["older", "newer"]


@pytest.mark.parametrize(
    ("written", "normalised"),
    [("20/21", "20/21"), ("2020-2021", "20/21"), ("2020/21", "20/21"), ("1999-2000", "99/00")],
)
def test_sessions_are_normalised_like_the_parse_step(written: str, normalised: str) -> None:
    assert normalize_session(written) == normalised


@pytest.mark.parametrize("written", [None, "", "2019-2024", "n/a", "2021"])
def test_what_is_not_a_session_gives_none(written: str | None) -> None:
    assert normalize_session(written) is None


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_references_quoted_from_it(text: str) -> None:
    collapsed = " ".join(text.split())
    for reference in extract_references(text):
        assert reference.number >= 0
        assert reference.text in collapsed


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aeéèçEÉ nN°º’'0123456789./-,ÿŒœİß")))
def test_folding_keeps_every_offset(text: str) -> None:
    assert len(fold_in_place(text)) == len(text)
