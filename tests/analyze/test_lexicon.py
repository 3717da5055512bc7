"""The query-time lexicon, filled from the real seed analysis."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pqsearch.analyze.fold import fold, iter_words
from pqsearch.analyze.lemmatize import Analysis, Lemmatizer, stopwords
from pqsearch.analyze.lexicon import FILENAME, Lexicon
from pqsearch.analyze.lexicon_schema import VERSIONED
from pqsearch.errors import DamagedIndexError
from tests.conftest import SEED
from tests.rows_layout import make_rows_lexicon


@pytest.fixture(scope="module")
def seed_analysis(lemmatizer: Lemmatizer) -> Analysis:
    (analysis,) = lemmatizer.analyze([SEED.read_text(encoding="utf-8")])
    return analysis


@pytest.fixture(scope="module")
def empty_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new lexicon with its stopwords: filling the fallback table takes about a second,
    so tests copy this file instead of creating their own."""
    path = tmp_path_factory.mktemp("empty") / FILENAME
    with Lexicon.open(path, writable=True) as lexicon:
        lexicon.set_stopwords(stopwords())
    return path


@pytest.fixture
def fresh(empty_file: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(empty_file, tmp_path / FILENAME))


@pytest.fixture(scope="module")
def seed_lexicon(
    empty_file: Path, seed_analysis: Analysis, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Lexicon]:
    folder = tmp_path_factory.mktemp("seed")
    shutil.copy(empty_file, folder / FILENAME)
    with Lexicon.open(folder, writable=True) as writer:
        writer.add([seed_analysis])
    with Lexicon.open(folder) as reader:
        yield reader


def test_every_seed_word_meets_its_own_lemmas(
    seed_lexicon: Lexicon, seed_analysis: Analysis
) -> None:
    for word, _, _ in iter_words(SEED.read_text(encoding="utf-8")):
        key = fold(word)
        if key in seed_analysis.forms:
            assert seed_lexicon.expand(word) & seed_analysis.forms[key], word
        else:
            assert seed_lexicon.expand(word) == frozenset(), word


# The acceptance words, and unseen inflections of seed words.
TYPED = "diplomate diplomates technologique technologies attachés promouvoir investisseur"
TYPED += " region bruxelles Énergie energie réseaux attachées"


@pytest.mark.parametrize("word", TYPED.split())
def test_typed_inflections_reach_the_seed_lemmas(
    seed_lexicon: Lexicon, seed_analysis: Analysis, word: str
) -> None:
    assert seed_lexicon.expand(word) & set(seed_analysis.lemmas)


def test_forms_the_corpus_showed_expand_to_its_lemmas(seed_lexicon: Lexicon) -> None:
    assert seed_lexicon.expand("promeut") == {"promeut", "promouvoir"}
    assert seed_lexicon.expand("Promouvez") == {"promouvez", "promouvoir"}


def test_unseen_forms_fall_back_to_a_context_free_lemma(seed_lexicon: Lexicon) -> None:
    assert seed_lexicon.lemmas("promouvront") == frozenset()
    assert seed_lexicon.expand("promouvront") == {"promouvront", "promouvoir"}
    # Typed without accents, an unseen form still finds the lemma of its accented spelling.
    assert "strategie" in seed_lexicon.expand("strategies")
    assert seed_lexicon.expand("xyzzyq") == {"xyzzyq"}


def test_accents_and_case_do_not_matter(seed_lexicon: Lexicon) -> None:
    assert seed_lexicon.expand("energie") == seed_lexicon.expand("ÉNERGIE")
    assert seed_lexicon.expand("Région") == seed_lexicon.expand("region")


def test_stopwords_expand_to_nothing(seed_lexicon: Lexicon) -> None:
    for word in ("de", "la", "Les", "qu", "vous", "être"):
        assert seed_lexicon.is_stopword(word)
        assert seed_lexicon.expand(word) == frozenset()
    assert not seed_lexicon.is_stopword("diplomates")
    assert seed_lexicon.stopwords() == stopwords()


def test_display_gives_the_accented_spelling(seed_lexicon: Lexicon) -> None:
    assert seed_lexicon.display("region") == "Région"
    assert seed_lexicon.display("energie") == "énergie"
    assert seed_lexicon.display("never-seen") is None


def test_counts_documents_across_flushes(fresh: Path, lemmatizer: Lemmatizer) -> None:
    first, second = lemmatizer.analyze(["Les diplomates.", "Un diplomate et des diplomates."])
    with Lexicon.open(fresh, writable=True) as lexicon:
        lexicon.add([first])
        lexicon.flush()
        lexicon.add([second])
    with Lexicon.open(fresh) as lexicon:
        assert lexicon.frequency("diplomates") == 2
        assert lexicon.frequency("diplomate") == 1
        assert lexicon.frequency("absent") == 0
        assert len(lexicon) == 2


def test_a_document_counts_once_over_its_parts(fresh: Path, lemmatizer: Lemmatizer) -> None:
    title, question = lemmatizer.analyze(["Les diplomates", "Combien de diplomates ?"])
    with Lexicon.open(fresh, writable=True) as lexicon:
        lexicon.add([title, question])
    with Lexicon.open(fresh) as lexicon:
        assert lexicon.frequency("diplomates") == 1


def test_meta_values_persist(fresh: Path) -> None:
    with Lexicon.open(fresh, writable=True) as lexicon:
        lexicon.set_meta("taxonomy", "sectors 1")
        lexicon.set_meta("taxonomy", "sectors 2")
    with Lexicon.open(fresh) as lexicon:
        assert lexicon.get_meta("taxonomy") == "sectors 2"
        assert lexicon.get_meta("missing") is None
        assert lexicon.get_meta("missing", "default") == "default"
        assert lexicon.get_meta("fallback") == "shipped fallback-fr-1.bin"


def test_a_reader_sees_each_flush_while_the_writer_stays_open(
    fresh: Path, lemmatizer: Lemmatizer
) -> None:
    first, second = lemmatizer.analyze(["diplomates", "investisseurs"])
    writer = Lexicon.open(fresh, writable=True)
    reader = Lexicon.open(fresh)
    try:
        writer.add([first])
        writer.flush()
        assert reader.lemmas("diplomates") == {"diplomate"}
        writer.add([second])
        assert reader.lemmas("investisseurs") == frozenset()
        writer.flush()
        assert reader.lemmas("investisseurs") == {"investisseur"}
    finally:
        writer.close()
        reader.close()


def test_a_missing_lexicon_says_how_to_rebuild(tmp_path: Path) -> None:
    with pytest.raises(DamagedIndexError, match="--rebuild"):
        Lexicon.open(tmp_path / FILENAME)


def test_a_damaged_lexicon_says_how_to_rebuild(tmp_path: Path) -> None:
    (tmp_path / FILENAME).write_bytes(b"not a database, just some bytes" * 100)
    with pytest.raises(DamagedIndexError, match="--rebuild"):
        Lexicon.open(tmp_path)


def test_the_query_path_does_not_import_spacy(seed_lexicon: Lexicon) -> None:
    code = (
        "import sys\n"
        "import pqsearch.analyze.fold\n"
        "from pqsearch.analyze.lexicon import Lexicon\n"
        f"lexicon = Lexicon.open({str(seed_lexicon.path)!r})\n"
        "assert lexicon.expand('promouvront') == {'promouvront', 'promouvoir'}\n"
        "print(sorted(m for m in ('spacy', 'simplemma', 'thinc') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_expanding_many_words_at_once_gives_what_each_gives_alone(seed_lexicon: Lexicon) -> None:
    words = [word for word, _, _ in iter_words(SEED.read_text(encoding="utf-8"))]
    words += ["qwxz", "Développées", "avez", "le", ""]  # unknown, fallback, stopped, stopword
    with Lexicon.open(seed_lexicon.path) as one_by_one:
        expected = {word: one_by_one.expand(word) for word in words}
    with Lexicon.open(seed_lexicon.path) as batched:
        found = batched.expand_folded({fold(word) for word in words})
        assert {word: found[fold(word)] for word in words} == expected
        assert {word: batched.expand(word) for word in words} == expected


def test_the_fallback_table_knows_a_word_that_is_its_own_lemma(fresh: Path) -> None:
    with Lexicon.open(fresh) as lexicon:
        # Unseen by the corpus: the table's lemma, and always the form itself.
        assert lexicon.expand("maisons") == {"maisons", "maison"}
        assert lexicon.expand("maison") == {"maison"}
        # An infinitive is its own lemma: still a real word (the stem level searches its
        # family), where a typo is not.
        assert lexicon.in_dictionary("recharger")
        assert lexicon.in_dictionary("maison")
        assert not lexicon.in_dictionary("diplomatez")


def test_a_reader_pinned_to_a_generation_sees_only_its_rows_and_an_old_file_whole(
    fresh: Path, seed_analysis: Analysis, lemmatizer: Lemmatizer
) -> None:
    """Rows carry the generation whose commit first held them (`Lexicon.pin`); a lexicon
    written before they did has no such column: it is read whole, and the next writer adds
    the column in place, its rows counting for every generation."""
    with Lexicon.open(fresh, writable=True) as lexicon:
        lexicon.add([seed_analysis])
    make_rows_lexicon(fresh)
    with sqlite3.connect(fresh) as connection:
        for table in VERSIONED:
            connection.execute(f"ALTER TABLE {table} DROP COLUMN generation")
    connection.close()
    seed_form = fold(next(iter(seed_analysis.forms)))
    with Lexicon.open(fresh) as old:
        old.pin(0)
        before = old.lemmas(seed_form)
    assert before
    (later,) = lemmatizer.analyze(["Les cyclistes pédalaient le long du canal."])
    with Lexicon.open(fresh, writable=True) as lexicon:
        lexicon.next_generation = lambda: 3
        lexicon.add([later])
    for generation, sees_later in ((2, False), (3, True), (7, True)):
        with Lexicon.open(fresh) as reader:
            reader.pin(generation)
            assert reader.lemmas(seed_form) == before
            assert bool(reader.lemmas("pedalaient")) is sees_later
            assert ("pedalaient" in reader.unindexed(["pedalaient"])) is not sees_later
    with Lexicon.open(fresh) as unpinned:
        assert unpinned.lemmas("pedalaient")
