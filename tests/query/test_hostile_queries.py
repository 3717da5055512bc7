"""Hostile queries: each is answered with bounded work or refused with a message.

The index holds three real pages and one whose answer adds a large vocabulary: 3,000
made-up words starting "ab" and 1,500 starting "zo", so prefixes have much to expand.
"""

from __future__ import annotations

import contextlib
import random
import shutil
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from pqsearch.errors import QuerySyntaxError
from pqsearch.query.compile import MAX_PREFIX_TERMS
from pqsearch.query.syntax import MAX_DEPTH, MAX_QUERY_LENGTH, MAX_TERMS
from tests.conftest import BRUSSELS_HTML, SEED
from tests.work import counting_calls, first_search_calls

# Work (Python calls, tests/work.py) allowed to a hostile query, as a multiple of what the
# first one-word query of a freshly opened index costs: a query that the limits do not bound
# costs far more (a prefix of 1,500 words costs about 6, 900 unknown words about 10).
WORK_FACTOR = 20


def _words(prefix: str, count: int, rng: random.Random) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add(prefix + "".join(rng.choices(string.ascii_lowercase, k=7)))
    return sorted(words)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("hostile_queries")
    corpus = work / "corpus"
    corpus.mkdir()
    for moncode in ("170131", "170132", "170229"):
        shutil.copyfile(BRUSSELS_HTML / f"{moncode}.html", corpus / f"{moncode}.html")
    rng = random.Random(3)
    vocabulary = _words("ab", 3_000, rng) + _words("zo", 1_500, rng)
    seed = SEED.read_text(encoding="utf-8")
    (corpus / "vocabulary.txt").write_text(
        seed.replace("question n°369", "question n°9100") + "\n" + " ".join(vocabulary) + "\n",
        encoding="utf-8",
    )
    report = api.ingest([corpus], index_dir=work / "index")
    assert not report.failed and len(report.added) == 4
    return work / "index"


@pytest.fixture(scope="module")
def index(root: Path) -> Iterator[api.Index]:
    with api.open_index(root) as opened:
        yield opened


@pytest.fixture(scope="module")
def budget(root: Path) -> int:
    """The Python calls a hostile query may make: WORK_FACTOR first one-word queries."""
    return WORK_FACTOR * first_search_calls(root, "bruxelles", facets=["session", "sector"])


REFUSED = {
    "lone *": ("*", "would match every document"),
    "a* (one letter)": ("a*", "too short"),
    "ab* over 3,000 words": ("ab*", f"more than {MAX_PREFIX_TERMS:,} different words"),
    "* inside a word": ("ab*c", "goes only at the end of a word"),
    "thousands of terms": (" ".join(["mot"] * 3_000), "characters long"),
    "1,001 short terms": (" ".join(["m"] * (MAX_TERMS + 1)), f"more than {MAX_TERMS:,} terms"),
    "a query past the length limit": ("x" * (MAX_QUERY_LENGTH + 1), "characters long"),
    "deeply nested parentheses": ("(" * 60 + "a" + ")" * 60, f"more than {MAX_DEPTH}"),
    "10,000 parentheses": ("(" * 4_999 + ")" * 4_999, "Too deeply nested"),
    "unbalanced parenthesis": ("(logement", "never closed"),
    "unknown field": ("couleur:rouge", "Unknown field 'couleur'"),
    "unknown field with a phrase": ('nosuchfield:"x y"', "Unknown field"),
    "year 99999": ("recu:99999", "out of range"),
    "year 0000": ("recu:0000-00-00", "out of range"),
    "30 February": ("recu:2021-02-30", "no day 30"),
    "range ending before it starts": ("recu:[2021 TO 1900]", "ends before it starts"),
    "absurd lower bound": ("repondu:>=99999999", "out of range"),
    "wildcard on a metadata field": ("ministre:*", "Wildcards work on words"),
    "a lone NOT": ("NOT", "needs a term after it"),
    "operators only": ("AND OR", "needs a term before it"),
    "unclosed quote": ('"logement', "never closed"),
    # Not the whole corpus presented as matches (issue 12).
    "punctuation only": ("— ? ! …", "Nothing to search for"),
    "a NUL character": ("\x00", "Nothing to search for"),
}

ANSWERED = {
    "zo* over 1,500 words": "zo*",
    "50 nested parentheses": "(" * MAX_DEPTH + "bruxelles" + ")" * MAX_DEPTH,
    "dates far apart": "recu:[1800 TO 2200]",
    "a phrase of 500 words": '"' + " ".join(["la"] * 500) + '"',
}


@pytest.mark.parametrize("name", REFUSED)
def test_a_hostile_query_is_refused_with_a_message(
    index: api.Index, budget: int, name: str
) -> None:
    query, message = REFUSED[name]
    with (
        counting_calls() as calls,
        pytest.raises(QuerySyntaxError, match=message.replace("*", r"\*")),
    ):
        index.search(query, facets=["session", "sector"])
    assert calls.count < budget


@pytest.mark.parametrize("name", ANSWERED)
def test_a_hostile_query_is_answered_with_bounded_work(
    index: api.Index, budget: int, name: str
) -> None:
    with counting_calls() as calls:
        result = index.search(ANSWERED[name], facets=["session", "sector"], limit=50)
    assert calls.count < budget
    assert result.total == len({hit.id for hit in result.hits})


def test_the_prefix_over_a_large_vocabulary_finds_the_page(index: api.Index) -> None:
    assert index.search("zo*").total == 1


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("--a", id="double minus"),
        pytest.param("logement -le", id="an excluded stopword"),
        pytest.param("NOT de", id="NOT and a stopword"),
        pytest.param("numero:99999999999999999999", id="a number past 32 bits"),
        pytest.param(" OR ".join(f"w{n}" for n in range(900)), id="900 unknown words"),
        pytest.param("a" * 9_000, id="one 9,000-letter word"),
        pytest.param(" ".join(["logement"] * 1_000), id="one word 1,000 times"),
    ],
)
def test_a_malformed_or_costly_query_gives_a_result_or_a_message(
    index: api.Index, budget: int, query: str
) -> None:
    with counting_calls() as calls, contextlib.suppress(QuerySyntaxError):
        index.search(query, facets=["session"])
    assert calls.count < budget


def test_the_cli_prints_the_refusal_without_a_traceback(root: Path) -> None:
    result = CliRunner().invoke(app, ["search", "*", "--index", str(root)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stderr.startswith("Error: A lone * at column 1 would match every document.")
