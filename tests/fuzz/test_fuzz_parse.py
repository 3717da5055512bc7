"""The page parser on random and damaged documents: a record or a ParseError, nothing else.

Any other exception would stop a user's batch with a traceback; a slow document would stall
it. Each example must be parsed (or refused) with work bounded by its length (`_WORK`, counted
in Python calls: tests/work.py; no clock, which a busy machine would fail).
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from pqsearch.errors import ParseError
from pqsearch.models import Question
from pqsearch.parse import parse_bytes
from tests.conftest import BRUSSELS_HTML, BRUSSELS_RECORDS, SEED
from tests.fuzz.profile import fuzz
from tests.work import counting_calls

# Python calls allowed: a real page takes 650 to 3,300, about 0.01 to 0.12 per byte.
_WORK_BASE = 10_000
_WORK_PER_BYTE = 1
PAGES = [
    (BRUSSELS_HTML / f"{moncode}.html").read_bytes()
    for moncode in ("169976", "170140", "170229", "170248", "170312")
]
TEXT = SEED.read_bytes()
RECORD = json.loads(BRUSSELS_RECORDS.read_text(encoding="utf-8").splitlines()[0])


def _check(data: bytes) -> list[Question] | ParseError:
    try:
        with counting_calls() as calls:
            questions = parse_bytes(data, source="<fuzz>")
    except ParseError as error:
        assert error.reason and error.source.startswith("<fuzz>")
        outcome: list[Question] | ParseError = error
    else:
        for question in questions:
            assert question.id and question.source == "<fuzz>"
        outcome = questions
    assert calls.count <= _WORK_BASE + _WORK_PER_BYTE * len(data)
    return outcome


# One edit of a document: (kind, where as a fraction of the length, how many bytes, new bytes).
_EDIT = st.tuples(
    st.sampled_from(["delete", "insert", "replace", "truncate", "duplicate"]),
    st.floats(0, 1),
    st.integers(1, 4096),
    st.binary(min_size=1, max_size=64),
)


def _edited(data: bytes, edits: list[tuple[str, float, int, bytes]]) -> bytes:
    for kind, where, length, new in edits:
        at = int(where * len(data))
        if kind == "delete":
            data = data[:at] + data[at + length :]
        elif kind == "insert":
            data = data[:at] + new + data[at:]
        elif kind == "replace":
            data = data[:at] + new + data[at + len(new) :]
        elif kind == "truncate":
            data = data[:at]
        else:
            data = data[:at] + data[at : at + length] * 3 + data[at + length :]
    return data


@fuzz
@given(st.binary(max_size=8192))
def test_random_bytes(data: bytes) -> None:
    _check(data)


@fuzz
@given(st.sampled_from(PAGES), st.lists(_EDIT, min_size=1, max_size=6))
def test_damaged_real_pages(page: bytes, edits: list[tuple[str, float, int, bytes]]) -> None:
    _check(_edited(page, edits))


@fuzz
@given(st.lists(_EDIT, min_size=1, max_size=6))
def test_damaged_text_renderings(edits: list[tuple[str, float, int, bytes]]) -> None:
    _check(_edited(TEXT, edits))


_TAGS = st.sampled_from(
    [
        '<section id="weblex-quest-det-fr">',
        "</section>",
        "<h3>Question écrite concernant la mobilité</h3>",
        "<dl><dt>de</dt><dd>Anne Dupont</dd><dt>à</dt><dd>Elke Van den Brandt</dd></dl>",
        "<table>",
        "</table>",
        "<tr>",
        "<td>",
        "</td>",
        "<b>Législature:</b> 24/29",
        "<b>Session:</b> 25/26",
        "<b>Date de réception:</b> 31/02/2026",
        "<b>Question &nbsp;</b>",
        "<b>R&eacute;ponse &nbsp;&nbsp;</b>",
        "<div>",
        "</div>",
        "<p>",
        "<br>",
        "&#146;",
        "&#0;",
        "<!--",
        "-->",
        "<script>",
        "texte",
    ]
)


@fuzz
@given(st.lists(_TAGS, max_size=80))
def test_pages_built_from_fragments(fragments: list[str]) -> None:
    _check(("<html><body>" + "".join(fragments)).encode("utf-8"))


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)


@fuzz
@given(st.lists(st.dictionaries(st.sampled_from(sorted(RECORD)), _JSON), min_size=1, max_size=4))
def test_records_with_random_values(records: list[dict[str, Any]]) -> None:
    lines = [json.dumps({**RECORD, **record}, allow_nan=True) for record in records]
    outcome = _check("\n".join(lines).encode("utf-8"))
    if isinstance(outcome, list):
        assert len(outcome) <= len(records)
