"""The lexicon's smaller layout (schema 5, issue 18 item 5): no row for a spelling that is the
form itself, an index by lemma of the other forms only; and a lexicon of the layout before,
read to the same answers and written on by this version. Schema 6 keeps the same entries in
compressed blocks (`lexicon_codec.py`); the rows layout is made from it (`tests.rows_layout`).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest

from pqsearch.analyze.lemmatize import Analysis, Lemmatizer, stopwords
from pqsearch.analyze.lexicon import FILENAME, Lexicon
from pqsearch.analyze.lexicon_reads import FORMS_OF_LEMMAS
from tests.conftest import SEED
from tests.rows_layout import make_rows_lexicon
from tests.schema4 import make_schema_4_lexicon


@pytest.fixture(scope="module")
def seed_analysis(lemmatizer: Lemmatizer) -> Analysis:
    (analysis,) = lemmatizer.analyze([SEED.read_text(encoding="utf-8")])
    return analysis


@pytest.fixture(scope="module")
def seed_file(seed_analysis: Analysis, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / FILENAME
    with Lexicon.open(path, writable=True) as lexicon:
        lexicon.set_stopwords(stopwords())
        lexicon.add([seed_analysis])
    return path


def _copy(path: Path, folder: Path) -> Path:
    folder.mkdir()
    return Path(shutil.copy(path, folder / FILENAME))


def _answers(path: Path) -> dict[str, object]:
    """What every reading of the lexicon gives, for each form and lemma it holds."""
    with Lexicon.open(path) as lexicon:
        forms = sorted(form for form, _ in lexicon.form_documents())
        lemmas = sorted({lemma for form in forms for lemma in lexicon.lemma_shares(form)})
        return {
            "display": {form: lexicon.display(form) for form in forms},
            "shares": {form: lexicon.lemma_shares(form) for form in forms},
            "expand": lexicon.expand_folded([*forms, "jamaisvu"]),
            "forms_of": {lemma: lexicon.forms_of(lemma) for lemma in lemmas},
            "forms_of_lemmas": lexicon.forms_of_lemmas([*lemmas, "jamaisvu"]),
            "unindexed": lexicon.unindexed([*forms, "jamaisvu", "cyclistes"]),
            "frequency": {form: lexicon.frequency(form) for form in forms},
        }


def test_a_spelling_that_is_the_form_itself_has_no_row_and_still_displays(
    seed_file: Path, seed_analysis: Analysis, tmp_path: Path
) -> None:
    rows = _copy(seed_file, tmp_path / "rows")
    make_rows_lexicon(rows)
    with closing(sqlite3.connect(rows)) as connection:
        own = connection.execute("SELECT count(*) FROM spellings WHERE spelling = form")
        assert own.fetchone()[0] == 0
    # The most frequent spelling, ties to the first in order, straight from the analysis.
    expected = {
        form: min(Counter(spellings).items(), key=lambda item: (-item[1], item[0]))[0]
        for form, spellings in seed_analysis.spellings.items()
    }
    assert sum(1 for form, spelling in expected.items() if spelling == form) > 100
    for path in (seed_file, rows):
        with Lexicon.open(path) as lexicon:
            assert {form: lexicon.display(form) for form in expected} == expected


def test_a_lexicon_of_the_layout_before_reads_and_takes_writes_alike(
    seed_file: Path, lemmatizer: Lemmatizer, tmp_path: Path
) -> None:
    new = _copy(seed_file, tmp_path / "new")
    old = _copy(seed_file, tmp_path / "old")
    make_schema_4_lexicon(old)
    assert _answers(old) == _answers(new)
    # The seed has "Capitale" 4 times, "capitale" once (the old layout's row, none in the
    # new): 4 more of the form itself outnumber the capital, in both.
    assert _answers(new)["display"]["capitale"] == "Capitale"  # type: ignore[index]
    # "region" was only ever "Région" (6 times): its own spelling, new in generation 2, gets a
    # row of that generation, unseen by a reader of generation 1, as before.
    text = "capitale, capitale, capitale, capitale : les cyclistes. " + "region, " * 7
    (later,) = lemmatizer.analyze([text])
    for path in (new, old):
        with Lexicon.open(path, writable=True) as lexicon:
            lexicon.next_generation = lambda: 2
            lexicon.add([later])
    after = _answers(new)
    assert after == _answers(old)
    assert after["display"]["capitale"] == "capitale"  # type: ignore[index]
    assert after["display"]["region"] == "region"  # type: ignore[index]
    for path in (new, old):
        with Lexicon.open(path) as lexicon:
            lexicon.pin(1)
            assert not lexicon.lemmas("cyclistes")
            assert lexicon.display("region") == "Région"
            assert lexicon.display("capitale") == "capitale"  # counts are the latest


def test_a_lemma_s_forms_are_read_through_the_smaller_index(
    seed_file: Path, tmp_path: Path
) -> None:
    rows = _copy(seed_file, tmp_path / "rows")
    make_rows_lexicon(rows)
    with closing(sqlite3.connect(rows)) as connection:
        indexes = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        assert "lemma_other_forms" in indexes and "lemma_forms" not in indexes
        others = connection.execute("SELECT count(*) FROM lemmas WHERE form <> lemma")
        assert (
            others.fetchone()[0] < connection.execute("SELECT count(*) FROM lemmas").fetchone()[0]
        )
    for pinned in (False, True):
        with Lexicon.open(rows) as lexicon:
            if pinned:
                lexicon.pin(5)
            db = lexicon._db
            plans = [
                " ".join(str(row[-1]) for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", args))
                for sql, args in (
                    (f"{FORMS_OF_LEMMAS[0]} (?, ?)", ("energie", "region")),
                    (f"{FORMS_OF_LEMMAS[1]} (?, ?)", ("energie", "region")),
                )
            ]
        # Each part searches an index; none reads the whole table.
        assert "lemma_other_forms" in plans[0]
        assert not any("SCAN" in plan for plan in plans), plans
    # A lexicon of schema 4 gets blocks at its next ingest, its rows and indexes gone.
    old = _copy(seed_file, tmp_path / "old")
    make_schema_4_lexicon(old)
    Lexicon.open(old, writable=True).close()
    with closing(sqlite3.connect(old)) as connection:
        names = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert "blocks" in names and not names & {"lemmas", "lemma_forms", "lemma_other_forms"}
