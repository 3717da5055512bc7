"""JSON Lines: our own records round-trip; the collector's are read like the pages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from pqsearch.errors import InvalidFieldError, MissingFieldError, ParseError
from pqsearch.models import FileFailure, Question
from pqsearch.parse import content_hash, parse_bytes, parse_file, parse_jsonl_lines


def _all(
    seed: Question, pages: dict[str, Question], records: dict[str, Question]
) -> list[Question]:
    return [seed, *pages.values(), *records.values()]


def test_to_dict_from_dict_round_trip(
    seed: Question, pages: dict[str, Question], records: dict[str, Question]
) -> None:
    for question in _all(seed, pages, records):
        assert Question.from_dict(question.to_dict()) == question


def test_json_lines_written_by_json_dumps_parse_back_equal(
    tmp_path: Path, seed: Question, pages: dict[str, Question], records: dict[str, Question]
) -> None:
    questions = _all(seed, pages, records)
    path = tmp_path / "out.jsonl"
    path.write_text(
        "".join(
            json.dumps(question.to_dict(), ensure_ascii=False) + "\n" for question in questions
        ),
        encoding="utf-8",
    )
    assert parse_file(path) == questions
    # ASCII-escaped JSON (json.dumps' default) reads the same.
    escaped = "\n".join(json.dumps(question.to_dict()) for question in questions).encode()
    assert parse_bytes(escaped, source="<bytes>") == questions


def test_a_record_keeps_the_hash_of_its_page(
    pages: dict[str, Question], records: dict[str, Question]
) -> None:
    # The collector's `empreinte_contenu` is the SHA-256 of the page it read.
    assert records["170229"].content_hash == pages["170229"].content_hash
    assert records["170229"].source_format == "jsonl"


def _collector_record(**changes: object) -> dict[str, object]:
    record: dict[str, object] = {
        "id": "PRB-1-999",
        "moncode": "999",
        "base": 1,
        "assemblee": "PRB",
        "legislature": "2019-2024",
        "session": "20/21",
        "type": "question_ecrite",
        "numero": 7,
        "langue": "fr",
        "titre": "Question écrite concernant  les parcs ",
        "titre_nl": "Schriftelijke vraag betreffende de parken",
        "auteur": "Ann Example",
        "destinataire": "Pascal Smet - Secrétaire d'État chargé de l'Urbanisme et du Patrimoine",
        "date_reception": "2021-02-23",
        "date_publication": None,
        "date_reponse": "",
        "question": "Première ligne.\r\nDeuxième\u00a0ligne.",
        "reponse": None,
    }
    record.update(changes)
    return record


def _line(record: dict[str, object]) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode()


def test_collector_record_is_normalised_like_a_page() -> None:
    line = _line(_collector_record())
    (question,) = parse_bytes(line, source="r.jsonl")
    assert question.id == "999"
    assert question.title == "les parcs"
    assert question.title_nl == "de parken"
    assert question.legislature == "19/24"
    assert question.addressee == "Pascal Smet"
    assert question.addressee_role == "Secrétaire d'État chargé de l'Urbanisme et du Patrimoine"
    assert question.portfolios == ("Urbanisme", "Patrimoine")
    assert question.number == 7
    assert question.received_on == dt.date(2021, 2, 23)
    assert question.published_on is None
    assert question.answered_on is None
    assert question.question == "Première ligne.\nDeuxième ligne."
    assert question.answer is None
    assert question.url == "https://www.parlement.brussels/weblex-quest-det/?moncode=999&base=1"
    assert question.source == "r.jsonl"
    assert question.content_hash == content_hash(line)


def test_record_without_moncode_gets_a_derived_id() -> None:
    record = _collector_record()
    del record["moncode"]
    (question,) = parse_bytes(_line(record), source="r.jsonl")
    assert question.id == "PRB-19_24-20_21-pascal-smet-7"
    assert question.url is None


def test_our_record_without_id_gets_a_derived_id(seed: Question) -> None:
    record = seed.to_dict()
    del record["id"]
    (question,) = parse_bytes(_line(record), source="x.jsonl")
    assert question == seed


def test_bad_lines_are_failures_and_the_others_still_parse() -> None:
    lines = [
        _line(_collector_record(moncode="1")),
        b"",
        b"{not json",
        _line(_collector_record(moncode="2", date_reception="2021-02-30")),
        b"[1, 2]",
        _line(_collector_record(moncode="3", numero="n/a")),
        _line(_collector_record(moncode="4", titre="")),
        _line(_collector_record(moncode="5", type="petition")),
        _line(_collector_record(moncode="6")),
    ]
    items = list(parse_jsonl_lines(lines, source="r.jsonl"))
    assert [item.id for item in items if isinstance(item, Question)] == ["1", "6"]
    failures = [item for item in items if isinstance(item, FileFailure)]
    assert [failure.source for failure in failures] == [f"r.jsonl:{n}" for n in (3, 4, 5, 6, 7, 8)]
    reasons = [failure.reason for failure in failures]
    assert reasons[0].startswith("not a JSON record")
    assert "received_on '2021-02-30' is not a date" in reasons[1]
    assert "not an object" in reasons[2]
    assert "number 'n/a' is not a question number" in reasons[3]
    assert "no title" in reasons[4]
    assert "kind 'petition' is not one of" in reasons[5]


def test_parse_file_raises_for_the_first_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(_line(_collector_record()) + b"\n" + b'{"titre": ["a", "list"]}\n')
    with pytest.raises(InvalidFieldError) as raised:
        parse_file(path)
    assert raised.value.source == f"{path}:2"
    assert "title is a list, not text" in str(raised.value)


def test_record_types_are_checked(seed: Question) -> None:
    record = seed.to_dict()
    for field, value, message in [
        ("portfolios", "Urbanisme", "portfolios is not a list of texts"),
        ("procedure", [{"date": "hier", "act": "x"}], "procedure date 'hier' is not a date"),
        ("annexes", [{"label": "x"}], "an annex has no url"),
        ("source_format", "pdf", "source_format 'pdf' is not one of"),
        ("question", ["a"], "question is a list, not text"),
    ]:
        with pytest.raises(ParseError, match=message):
            parse_bytes(_line({**record, field: value}), source="x.jsonl")


def test_a_record_needs_a_title() -> None:
    with pytest.raises(MissingFieldError, match='no title: the record has no "title"'):
        parse_bytes(b'{"question": "Pourquoi ?"}', source="x.jsonl")


def test_record_dates_accept_the_page_spelling_and_empty_dates(seed: Question) -> None:
    record = {**seed.to_dict(), "received_on": "23/02/2021", "published_on": "//"}
    (question,) = parse_bytes(_line(record), source="x.jsonl")
    assert question == dataclasses.replace(seed, published_on=None)
