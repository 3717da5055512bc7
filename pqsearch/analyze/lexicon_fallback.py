"""The lexicon's context-free fallback table: simplemma's French (form, lemma) pairs, folded,
for the forms the corpus never showed (see `lexicon.py`).

Every index carries its own copy, so that it opens and answers the same after simplemma is
upgraded or removed. As one SQLite row per pair it took 5.5 MB of every index (a 3,000-document
index is 40 MB); here the pairs, sorted, are cut into blocks of about `BLOCK_ROWS` rows, each
compressed, keyed by its first form: 0.75 MB. A lookup reads the one block whose first form is
the greatest not after the key and decompresses it (a fraction of a millisecond); the blocks
met are kept (`FallbackReader`). A form that is its own lemma is a line of its own (the form
alone): `in_dictionary` needs it.

Lexicons written before the blocks have the `fallback` table (one row per pair), still read.
"""

from __future__ import annotations

import bisect
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from pqsearch.analyze.fold import fold

# The meta key saying which table filled the fallback (absent: not filled yet).
FALLBACK_META = "fallback"
# The table of compressed blocks, and the one-row-per-pair table of older lexicons.
BLOCKS_TABLE = "fallback_blocks"
ROWS_TABLE = "fallback"
# Rows per block: 128 gives 0.8 MB for the 250,000 pairs (256: 0.75 MB, one row each: 5.5 MB)
# and a block decodes in about 0.1 ms.
BLOCK_ROWS = 128
# Decoded blocks kept per reader: a query meets a few, highlighting a cold page a few dozen.
_KEPT_BLOCKS = 512


def fill_fallback(connection: sqlite3.Connection) -> None:
    """Fill the fallback blocks of a new lexicon and record which table they came from."""
    import simplemma

    with connection:
        connection.executemany(
            f"INSERT OR REPLACE INTO {BLOCKS_TABLE} VALUES (?, ?)", _fallback_blocks()
        )
        connection.execute(
            "INSERT INTO meta VALUES (?, ?)",
            (FALLBACK_META, f"simplemma {simplemma.__version__} fr"),
        )


@cache
def _fallback_blocks() -> tuple[tuple[str, bytes], ...]:
    """simplemma's French pairs, folded, as blocks: once per process, since folding its
    250,000 entries costs seconds and every new index's lexicon holds them."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    table = DefaultDictionaryFactory().get_dictionary("fr")
    return tuple(encode_blocks(_folded_pairs(table.items())))


def _folded_pairs(entries: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    for form, lemma in entries:
        key, folded = fold(form), fold(lemma)
        # Multi-word entries ("a priori") never match one query word. A form that is its
        # own lemma keeps its line: it is how `in_dictionary` knows "recharger" for a real
        # word, whose family the stem level may search, where a typo gets none.
        if key and folded and " " not in key and " " not in folded:
            yield key, folded


def encode_blocks(pairs: Iterable[tuple[str, str]]) -> Iterator[tuple[str, bytes]]:
    """(first form, compressed lines) of the distinct `pairs`: a line per pair, "form" when
    the form is its own lemma, else "form<tab>lemma"; sorted as strings, which keeps a form's
    lines together and in form order (a tab sorts before every character of a word). A
    form's lines never straddle two blocks."""
    lines: list[str] = []
    first = previous = ""
    # Forms and lemmas are folded single words: no tab, no newline.
    for line in sorted({form if lemma == form else f"{form}\t{lemma}" for form, lemma in pairs}):
        form = line.partition("\t")[0]
        if len(lines) >= BLOCK_ROWS and form != previous:
            yield first, zlib.compress("\n".join(lines).encode(), 9)
            lines = []
        if not lines:
            first = form
        lines.append(line)
        previous = form
    if lines:
        yield first, zlib.compress("\n".join(lines).encode(), 9)


def decode_block(data: bytes) -> list[str]:
    """The sorted lines of one block."""
    return zlib.decompress(data).decode().split("\n")


def block_lemmas(lines: list[str], key: str) -> frozenset[str]:
    """The lemmas of the form `key` in a block's sorted `lines` (empty: not there)."""
    found: set[str] = set()
    for line in lines[bisect.bisect_left(lines, key) :]:
        form, _, lemma = line.partition("\t")
        if form != key:
            break
        found.add(lemma or form)
    return frozenset(found)


Read = Callable[[str, tuple[str, ...]], sqlite3.Cursor]
Damaged = Callable[[Exception], Exception]


class FallbackReader:
    """The fallback lemmas of a folded form, from whichever table the lexicon has.

    `read` runs a query (a malformed file raises the lexicon's damage error); `damaged`
    makes that error of a block that does not decompress."""

    def __init__(self, read: Read, tables: frozenset[str], damaged: Damaged) -> None:
        self._read = read
        self._tables = tables
        self._damaged = damaged
        self._blocks: dict[str, list[str]] = {}
        self._use_blocks: bool | None = None

    def lemmas(self, key: str) -> frozenset[str]:
        if self._use_blocks is None:
            # An older lexicon opened for writing gets an empty blocks table beside its rows.
            self._use_blocks = BLOCKS_TABLE in self._tables and bool(
                self._read(f"SELECT 1 FROM {BLOCKS_TABLE} LIMIT 1", ()).fetchone()
            )
        if not self._use_blocks:
            if ROWS_TABLE not in self._tables:
                return frozenset()
            rows = self._read(f"SELECT lemma FROM {ROWS_TABLE} WHERE form = ?", (key,))
            return frozenset(row[0] for row in rows.fetchall())
        row = self._read(
            f"SELECT first, rows FROM {BLOCKS_TABLE} WHERE first <= ? ORDER BY first DESC LIMIT 1",
            (key,),
        ).fetchone()
        if row is None:
            return frozenset()
        first = str(row[0])
        block = self._blocks.get(first)
        if block is None:
            try:
                block = decode_block(bytes(row[1]))
            except (zlib.error, UnicodeDecodeError, TypeError) as error:
                raise self._damaged(error) from error
            if len(self._blocks) >= _KEPT_BLOCKS:
                self._blocks.clear()
            self._blocks[first] = block
        return block_lemmas(block, key)
