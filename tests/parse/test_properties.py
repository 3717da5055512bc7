"""Whatever it is given, the parser returns records or raises `ParseError`, nothing else.

Set PQSEARCH_FUZZ_EXAMPLES (e.g. 20000) for a long run; the normal run keeps it short.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pqsearch.errors import ParseError
from pqsearch.models import Question
from pqsearch.parse import parse_bytes
from pqsearch.parse.normalize import clean_text
from tests.conftest import BRUSSELS_RECORDS, SEED
from tests.parse.conftest import PAGE_PATHS

EXAMPLES = int(os.environ.get("PQSEARCH_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

DOCUMENTS = [
    *(path.read_bytes() for path in PAGE_PATHS[::4]),
    SEED.read_bytes(),
    b"\n".join(BRUSSELS_RECORDS.read_bytes().splitlines()[:3]),
]
# Pieces that push a parser down unusual paths when dropped into a page.
SNIPPETS = [
    b"<table>", b"</table>", b"<tr><td>", b"</td>", b"<ul><li>", b"<ol start='x'>", b"<br>",
    b"<p>", b"</section>", b"<!--", b"-->", b"&#146;", b"&#0;", b"&", b"<", b"\x00", b"\xff",
    b"\r", b"\t", b"\xc2\xa0", b"Question ", "Réponse \u00a0".encode(), b"//",
    "(question n°".encode(),
    b'{"titre": ', b"\n", b"<h3>", b"<dt>de </dt>", b"<script>", b"<svg>", b"moncode=",
]  # fmt: skip


def _check(data: bytes) -> None:
    try:
        questions = parse_bytes(data, source="fuzz")
    except ParseError as error:
        assert error.source.startswith("fuzz")
        assert error.reason
        return
    for question in questions:
        assert isinstance(question, Question)
        # Whatever was extracted survives the JSON Lines round trip unchanged.
        line = json.dumps(question.to_dict()).encode()
        assert parse_bytes(line, source="again") == [question]


@FUZZ
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(data: bytes) -> None:
    _check(data)


@FUZZ
@given(st.text(max_size=2000))
def test_arbitrary_text(text: str) -> None:
    _check(text.encode("utf-8", errors="surrogatepass"))


@st.composite
def mutated_documents(draw: st.DrawFn) -> bytes:
    data = draw(st.sampled_from(DOCUMENTS))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        start = draw(st.integers(min_value=0, max_value=len(data)))
        action = draw(st.sampled_from(["cut", "delete", "insert", "replace"]))
        if action == "cut":
            data = data[:start]
        elif action == "delete":
            end = draw(st.integers(min_value=start, max_value=min(len(data), start + 2000)))
            data = data[:start] + data[end:]
        else:
            piece = draw(st.one_of(st.sampled_from(SNIPPETS), st.binary(min_size=1, max_size=40)))
            end = start + (len(piece) if action == "replace" else 0)
            data = data[:start] + piece + data[end:]
    return data


@FUZZ
@given(mutated_documents())
def test_real_documents_cut_and_mutated(data: bytes) -> None:
    _check(data)


@FUZZ
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
