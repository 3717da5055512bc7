"""Acronym definitions found from the brackets give exactly what the whole-text regex gives
(which tried every position of every text: a third of an ingest's main process)."""

from __future__ import annotations

import json
import random
import re

from pqsearch.analyze.acronyms import _DEFINED, _definitions, find_definitions
from tests.conftest import REPO


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def _real_texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in (REPO / "corpus").rglob("*.txt")]
    texts += [path.read_text(encoding="utf-8") for path in (REPO / "corpus").rglob("*.html")]
    with (REPO / "corpus" / "brussels" / "records.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            texts += [str(value) for value in record.values() if isinstance(value, str)]
    return texts


def test_the_shipped_documents_give_the_same_matches() -> None:
    texts = _real_texts()
    found = [_spans(list(_definitions(text))) for text in texts]
    assert found == [_spans(list(_DEFINED.finditer(text))) for text in texts]
    assert sum(map(len, found)) > 20


def test_edge_texts_give_the_same_matches() -> None:
    rng = random.Random(18)
    alphabet = "ab AB(). \n;:\tXYZ-&de la "
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300))) for _ in range(2000)]
    for _ in range(300):
        # Long forms near and past 200 characters, long blanks before the bracket, brackets
        # right after one another, spaces inside them.
        texts.append(
            " " * rng.randint(0, 250)
            + "x" * rng.randint(0, 250)
            + rng.choice([" ", "\n", "  \n "]) * rng.randint(0, 250)
            + "(AB)"
            + "y" * rng.randint(0, 5)
            + " (CD) ( EF )(Gh)"
        )
    for text in texts:
        assert _spans(list(_definitions(text))) == _spans(list(_DEFINED.finditer(text))), text


def test_a_definition_is_still_found() -> None:
    text = "Le Service d'incendie et d'aide médicale urgente (SIAMU) intervient."
    assert list(find_definitions(text)) == [
        ("siamu", "service incendie et aide medicale urgente", True)
    ]
