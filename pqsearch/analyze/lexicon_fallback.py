"""The lexicon's context-free fallback table: simplemma's French (form, lemma) pairs, folded,
for the forms the corpus never showed (see `lexicon.py`).

The table is shipped with the package, once (`data/fallback-fr-1.bin`, made by
`benchmarks/fallback_table.py` from simplemma 2.0.0), and a new lexicon records its name:
copied into every index, it was 0.8 MB of each (a fifth of the shipped corpus's index). A
shipped table is never changed or removed, so that an index answers the same after pqsearch
or simplemma is upgraded; a better table is a new file, which lexicons created from then on
name, and an index takes it only when it is rebuilt.

The pairs, sorted, are cut into blocks of about `BLOCK_ROWS` rows, each compressed, keyed by
its first form. A lookup decompresses the one block whose first form is the greatest not
after the key (a fraction of a millisecond); the blocks met are kept (`FallbackReader`). A
form that is its own lemma is a line of its own (the form alone): `in_dictionary` needs it.

Lexicons written before hold their own copy, still read: the same blocks in their
`fallback_blocks` table, or one row per pair in `fallback`.
"""

from __future__ import annotations

import bisect
import sqlite3
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib import resources

from pqsearch.errors import InstallationError

# The meta key saying which table the lexicon reads (absent: not chosen yet). Its value is
# `SHIPPED_PREFIX` and a shipped file's name, or (lexicons written before) the simplemma
# version their own copy was made from.
FALLBACK_META = "fallback"
SHIPPED_PREFIX = "shipped "
# The shipped tables, each kept for good; new lexicons read `SHIPPED`.
SHIPPED_TABLES = frozenset({"fallback-fr-1.bin"})
SHIPPED = "fallback-fr-1.bin"
# A shipped file: `MAGIC`, then per block its first form's UTF-8 length and the block's
# length (`_BLOCK_HEADER`), the form and the block.
MAGIC = b"pqsearch fallback blocks\n"
_BLOCK_HEADER = struct.Struct("!HI")
# The tables of lexicons written before: compressed blocks, or one row per pair.
BLOCKS_TABLE = "fallback_blocks"
ROWS_TABLE = "fallback"
# Rows per block: 128 gives 0.8 MB for the 250,000 pairs (256: 0.75 MB, one row each: 5.5 MB)
# and a block decodes in about 0.1 ms.
BLOCK_ROWS = 128
# Decoded blocks kept per reader: a query meets a few, highlighting a cold page a few dozen.
_KEPT_BLOCKS = 512


def fill_fallback(connection: sqlite3.Connection) -> None:
    """Record that a new lexicon reads the shipped table `SHIPPED`."""
    with connection:
        connection.execute(
            "INSERT INTO meta VALUES (?, ?)", (FALLBACK_META, SHIPPED_PREFIX + SHIPPED)
        )


def write_shipped(blocks: Iterable[tuple[str, bytes]]) -> bytes:
    """The bytes of a shipped table holding `blocks` (`encode_blocks`), in order."""
    parts = [MAGIC]
    for first, data in blocks:
        form = first.encode("utf-8")
        parts += [_BLOCK_HEADER.pack(len(form), len(data)), form, data]
    return b"".join(parts)


@cache
def read_shipped(name: str) -> tuple[list[str], list[bytes]]:
    """The first forms and blocks of the shipped table `name`, read whole once per process,
    when a query first needs a fallback lemma (0.75 MB: 3 ms on a loaded machine). Raises
    OSError or ValueError when it is missing or not what was shipped."""
    if name not in SHIPPED_TABLES:
        raise FileNotFoundError(f"this version of pqsearch does not ship the table {name}")
    data = (resources.files("pqsearch") / "data" / name).read_bytes()
    if not data.startswith(MAGIC):
        raise ValueError(f"the shipped table {name} is not a table of blocks")
    firsts: list[str] = []
    blocks: list[bytes] = []
    at = len(MAGIC)
    try:
        while at < len(data):
            form_length, block_length = _BLOCK_HEADER.unpack_from(data, at)
            at += _BLOCK_HEADER.size
            firsts.append(data[at : at + form_length].decode("utf-8"))
            at += form_length
            blocks.append(data[at : at + block_length])
            at += block_length
    except (struct.error, UnicodeDecodeError) as error:
        raise ValueError(f"the shipped table {name} is truncated ({error})") from error
    if at != len(data) or firsts != sorted(firsts):
        raise ValueError(f"the shipped table {name} is truncated")
    return firsts, blocks


def _unusable_table(name: str, error: Exception) -> InstallationError:
    """The error of a shipped table the lexicon names and this installation cannot read: the
    index is sound, so rebuilding it would not help (it would name the same table)."""
    if name not in SHIPPED_TABLES:
        return InstallationError(
            f"This index was written by a newer pqsearch: its lexicon names the fallback "
            f"lemma table {name}, which this version does not have. Upgrade pqsearch "
            '("python -m pip install --upgrade pqsearch"), or rebuild the index with this '
            'version ("pqsearch ingest --rebuild").'
        )
    return InstallationError(
        f"This installation of pqsearch lacks its data file pqsearch/data/{name}, or the file "
        f"is damaged ({error}); searches need it for words the corpus never showed. "
        'Reinstall pqsearch ("python -m pip install --force-reinstall pqsearch").'
    )


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
    """The fallback lemmas of a folded form, from whichever table the lexicon reads.

    `read` runs a query on the lexicon (a malformed file raises the lexicon's damage error);
    `damaged` makes that error of a block that does not decompress. A shipped table this
    installation lacks or cannot read is an `InstallationError`: the index is sound."""

    def __init__(self, read: Read, tables: frozenset[str], damaged: Damaged) -> None:
        self._read = read
        self._tables = tables
        self._damaged = damaged
        self._blocks: dict[str, list[str]] = {}
        # The shipped table's name, BLOCKS_TABLE or ROWS_TABLE (None: not looked up yet).
        self._source: str | None = None

    def lemmas(self, key: str) -> frozenset[str]:
        if self._source is None:
            self._source = self._chosen()
        if self._source == ROWS_TABLE:
            if ROWS_TABLE not in self._tables:
                return frozenset()
            rows = self._read(f"SELECT lemma FROM {ROWS_TABLE} WHERE form = ?", (key,))
            return frozenset(row[0] for row in rows.fetchall())
        found = self._shipped_block(key) if self._source != BLOCKS_TABLE else self._own_block(key)
        if found is None:
            return frozenset()
        first, data = found
        block = self._blocks.get(first)
        if block is None:
            try:
                block = decode_block(bytes(data))
            except (zlib.error, UnicodeDecodeError, TypeError) as error:
                raise self._damaged(error) from error
            if len(self._blocks) >= _KEPT_BLOCKS:
                self._blocks.clear()
            self._blocks[first] = block
        return block_lemmas(block, key)

    def _chosen(self) -> str:
        row = self._read("SELECT value FROM meta WHERE key = ?", (FALLBACK_META,)).fetchone()
        recorded = "" if row is None else str(row[0])
        if recorded.startswith(SHIPPED_PREFIX):
            return recorded.removeprefix(SHIPPED_PREFIX)
        # An older lexicon opened for writing gets an empty blocks table beside its rows.
        if (
            BLOCKS_TABLE in self._tables
            and self._read(f"SELECT 1 FROM {BLOCKS_TABLE} LIMIT 1", ()).fetchone()
        ):
            return BLOCKS_TABLE
        return ROWS_TABLE

    def _shipped_block(self, key: str) -> tuple[str, bytes] | None:
        assert self._source is not None
        try:
            firsts, blocks = read_shipped(self._source)
        except (OSError, ValueError) as error:
            raise _unusable_table(self._source, error) from error
        at = bisect.bisect_right(firsts, key) - 1
        return None if at < 0 else (firsts[at], blocks[at])

    def _own_block(self, key: str) -> tuple[str, bytes] | None:
        row = self._read(
            f"SELECT first, rows FROM {BLOCKS_TABLE} WHERE first <= ? ORDER BY first DESC LIMIT 1",
            (key,),
        ).fetchone()
        return None if row is None else (str(row[0]), row[1])
