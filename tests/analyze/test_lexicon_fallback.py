"""The lexicon's fallback table as compressed blocks shipped once with the package: new
lexicons name it and hold no copy; lexicons written with their own blocks, or with one row
per pair, still read theirs."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from pqsearch.analyze import lexicon_fallback
from pqsearch.analyze.lexicon import FILENAME, Lexicon
from pqsearch.analyze.lexicon_fallback import (
    BLOCK_ROWS,
    BLOCKS_TABLE,
    FALLBACK_META,
    SHIPPED,
    SHIPPED_TABLES,
    block_lemmas,
    decode_block,
    encode_blocks,
    read_shipped,
)
from pqsearch.errors import DamagedIndexError, InstallationError
from tests.conftest import REPO


def _shipped_pairs() -> dict[str, set[str]]:
    """Every (form, lemma) of the shipped table, from all its lines."""
    expected: dict[str, set[str]] = {}
    for block in read_shipped(SHIPPED)[1]:
        for line in decode_block(block):
            form, _, lemma = line.partition("\t")
            expected.setdefault(form, set()).add(lemma or form)
    return expected


@pytest.fixture(scope="module")
def new_lexicon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fallback") / FILENAME
    with Lexicon.open(path, writable=True):
        pass
    return path


@pytest.fixture(scope="module")
def own_blocks_lexicon(tmp_path_factory: pytest.TempPathFactory, new_lexicon: Path) -> Path:
    """A lexicon as written before the table was shipped: its own copy of the blocks."""
    path = tmp_path_factory.mktemp("own") / FILENAME
    path.write_bytes(new_lexicon.read_bytes())
    with sqlite3.connect(path) as connection:
        # Its table, which new lexicons no longer make (schema 6).
        connection.execute(
            f"CREATE TABLE {BLOCKS_TABLE} (first TEXT PRIMARY KEY, rows BLOB NOT NULL)"
        )
        connection.executemany(
            f"INSERT INTO {BLOCKS_TABLE} VALUES (?, ?)", zip(*read_shipped(SHIPPED), strict=True)
        )
        connection.execute(
            "UPDATE meta SET value = 'simplemma 2.0.0 fr' WHERE key = ?", (FALLBACK_META,)
        )
    connection.close()
    return path


def test_a_new_lexicon_names_the_shipped_table_and_holds_no_copy(new_lexicon: Path) -> None:
    # Its own copy of the blocks took 0.8 MB of every index, one row per pair 5.75 MB.
    assert new_lexicon.stat().st_size < 100_000
    with Lexicon.open(new_lexicon) as lexicon:
        assert lexicon.get_meta(FALLBACK_META) == f"shipped {SHIPPED}"
        assert lexicon.in_dictionary("recharger")


def test_the_shipped_table_never_changes() -> None:
    # Lexicons read it by name: a better table is a new file (`lexicon_fallback.py`).
    data = (REPO / "pqsearch" / "data" / SHIPPED).read_bytes()
    assert hashlib.sha256(data).hexdigest() == (
        "03ee7edc0a333f79f5422c76d1162d40ba644ea2d32f9cb3c8c01c37e5e7ebec"
    )


@pytest.mark.parametrize("which", ["shipped", "own blocks"])
def test_the_forms_around_every_block_boundary_get_the_tables_lemmas(
    new_lexicon: Path, own_blocks_lexicon: Path, which: str
) -> None:
    expected = _shipped_pairs()
    forms = sorted(expected)
    firsts = read_shipped(SHIPPED)[0]
    assert len(firsts) > 1000
    # The first form of each block, the form just before it (the previous block's last),
    # the one after it, and words that sort between forms.
    at = {form: i for i, form in enumerate(forms)}
    around = {forms[j] for first in firsts for j in (at[first] - 1, at[first], at[first] + 1)}
    assert min(firsts) == forms[0]
    with Lexicon.open(new_lexicon if which == "shipped" else own_blocks_lexicon) as lexicon:
        for form in around:
            assert lexicon._fallback(form) == expected[form], form
        for form in list(around)[:300]:
            assert lexicon._fallback(form + "qx") == expected.get(form + "qx", set())
        assert lexicon._fallback("") == frozenset()
        assert lexicon._fallback("0") == expected.get("0", set())


def test_a_form_with_several_lemmas_and_one_that_is_its_own_lemma(new_lexicon: Path) -> None:
    with Lexicon.open(new_lexicon) as lexicon:
        assert lexicon._fallback("a") == {"a", "avoir"}
        assert lexicon._fallback("maisons") == {"maison"}
        assert lexicon.in_dictionary("recharger")
        assert not lexicon.in_dictionary("diplomatez")


def test_a_forms_lines_stay_in_one_block_past_the_block_size() -> None:
    pairs = [(f"f{i:04d}", f"l{i}") for i in range(BLOCK_ROWS - 1)]
    pairs += [("g", f"m{i}") for i in range(5)] + [("g", "g"), ("ga", "ga"), ("g-b", "g")]
    blocks = list(encode_blocks(pairs))
    assert [first for first, _ in blocks] == ["f0000", "g-b"]
    first, second = (decode_block(data) for _, data in blocks)
    assert len(first) == BLOCK_ROWS - 1 + 6
    assert block_lemmas(first, "g") == {"g", "m0", "m1", "m2", "m3", "m4"}
    assert block_lemmas(first, "f0005") == {"l5"}
    assert block_lemmas(first, "f") == frozenset()
    assert block_lemmas(second, "g-b") == {"g"}
    assert block_lemmas(second, "ga") == {"ga"}
    assert block_lemmas(second, "gb") == frozenset()


def test_a_lexicon_written_with_one_row_per_pair_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / FILENAME
    with sqlite3.connect(path) as old:
        old.executescript(
            "CREATE TABLE forms (form TEXT PRIMARY KEY, documents INTEGER NOT NULL,"
            " tokens INTEGER NOT NULL) WITHOUT ROWID;"
            "CREATE TABLE lemmas (form TEXT NOT NULL, lemma TEXT NOT NULL,"
            " PRIMARY KEY (form, lemma)) WITHOUT ROWID;"
            "CREATE TABLE spellings (form TEXT NOT NULL, spelling TEXT NOT NULL,"
            " tokens INTEGER NOT NULL, PRIMARY KEY (form, spelling)) WITHOUT ROWID;"
            "CREATE TABLE fallback (form TEXT NOT NULL, lemma TEXT NOT NULL,"
            " PRIMARY KEY (form, lemma)) WITHOUT ROWID;"
            "CREATE TABLE stopwords (word TEXT PRIMARY KEY) WITHOUT ROWID;"
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
            "INSERT INTO fallback VALUES ('maisons', 'maison'), ('recharger', 'recharger');"
            "INSERT INTO meta VALUES ('fallback', 'simplemma 1.1.1 fr');"
        )
    old.close()
    with Lexicon.open(path) as lexicon:
        assert lexicon.expand("maisons") == {"maisons", "maison"}
        assert lexicon.in_dictionary("recharger")
        assert not lexicon.in_dictionary("maison")
    # An ingest opens it for writing: its schema gains an empty blocks table, not refilled.
    with Lexicon.open(path, writable=True) as lexicon:
        assert lexicon.in_dictionary("recharger")
    with Lexicon.open(path) as lexicon:
        assert lexicon.expand("maisons") == {"maisons", "maison"}


def test_a_block_that_does_not_decompress_is_a_damaged_index(
    own_blocks_lexicon: Path, tmp_path: Path
) -> None:
    path = tmp_path / FILENAME
    path.write_bytes(own_blocks_lexicon.read_bytes())
    with sqlite3.connect(path) as connection:
        connection.execute(f"UPDATE {BLOCKS_TABLE} SET rows = x'0102030405'")
    connection.close()
    with Lexicon.open(path) as lexicon, pytest.raises(DamagedIndexError, match="--rebuild"):
        lexicon.expand("maisons")


def test_a_table_this_installation_does_not_ship_is_named_in_the_error(
    new_lexicon: Path, tmp_path: Path
) -> None:
    path = tmp_path / FILENAME
    path.write_bytes(new_lexicon.read_bytes())
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE meta SET value = 'shipped fallback-fr-9.bin' WHERE key = ?", (FALLBACK_META,)
        )
    connection.close()
    with (
        Lexicon.open(path) as lexicon,
        pytest.raises(InstallationError, match=r"newer pqsearch.*fallback-fr-9\.bin.*--upgrade"),
    ):
        lexicon.expand("maisons")


def test_a_shipped_table_missing_from_the_installation_says_to_reinstall(
    new_lexicon: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A table this version ships, whose file the installation lost: the index is sound, so
    # the message sends the user to reinstall pqsearch, not to rebuild (a rebuilt index would
    # name the same table).
    lost = "fallback-fr-0.bin"
    monkeypatch.setattr(lexicon_fallback, "SHIPPED_TABLES", SHIPPED_TABLES | {lost})
    path = tmp_path / FILENAME
    path.write_bytes(new_lexicon.read_bytes())
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE meta SET value = ? WHERE key = ?", (f"shipped {lost}", FALLBACK_META)
        )
    connection.close()
    with (
        Lexicon.open(path) as lexicon,
        pytest.raises(
            InstallationError, match=rf"lacks its data file pqsearch/data/{lost}.*reinstall"
        ),
    ):
        lexicon.expand("maisons")
