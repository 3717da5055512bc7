"""Writing the lexicon's compressed blocks (`lexicon_codec.py`): an ingest's new rows merged
into the blocks they fall in, and an older lexicon's rows turned into blocks.

A write reads only the blocks its keys fall in, merges, cuts a block grown past the size in
two, and writes those back, in the caller's transaction: its cost follows what changed, not
the lexicon's size. The counts add up exactly as the rows layout's upserts did (kept in
`PendingRows.write`'s docstring): a new entry takes the write's generation, an entry already
there keeps its own and adds to its counts.
"""

from __future__ import annotations

import bisect
import sqlite3
import zlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pqsearch.analyze.lexicon_codec import (
    FORMS,
    OTHERS,
    SHAPES,
    STEMS,
    STOPWORDS,
    compress,
    cut,
    decode_line,
    decompress,
    encode_line,
    escape,
    line_key,
)

if TYPE_CHECKING:
    from pqsearch.analyze.lexicon_rows import PendingRows

Columns = list[list[tuple[str | int, ...]]]


class DamagedBlock(Exception):
    """A block the write must change does not decompress (`error`): the lexicon turns it
    into its damaged-index error, as a read does (`Lexicon.flush`)."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


class Merge:
    """The records a write changes, by kind and key, read from their blocks on first use.

    A key belongs to the block whose first key is the greatest not after it (the first block
    for a key before every block); each block read is written back with its own keys only,
    cut anew if it grew past the size, so that blocks never overlap (a lookup finds a key's
    block by its first key alone)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._firsts: dict[str, list[str]] = {kind: [] for kind in SHAPES}
        for kind, first in db.execute("SELECT kind, first FROM blocks ORDER BY kind, first"):
            self._firsts.setdefault(str(kind), []).append(str(first))
        # Per kind, the lines of each block read by its first key (None: a kind without
        # blocks yet), and the records changed with the block they belong to.
        self._lines: dict[str, dict[str | None, dict[str, str]]] = {kind: {} for kind in SHAPES}
        self.changed: dict[str, dict[str, tuple[str | None, Columns]]] = {
            kind: {} for kind in SHAPES
        }

    def record(self, kind: str, key: str) -> Columns:
        """The columns of `key` (empty ones for a new key), to change in place."""
        changed = self.changed[kind]
        found = changed.get(key)
        if found is not None:
            return found[1]
        firsts = self._firsts[kind]
        home = firsts[max(bisect.bisect_right(firsts, key) - 1, 0)] if firsts else None
        lines = self._lines[kind].get(home)
        if lines is None:
            lines = self._lines[kind][home] = {}
            if home is not None:
                row = self._db.execute(
                    "SELECT rows FROM blocks WHERE kind = ? AND first = ?", (kind, home)
                ).fetchone()
                try:
                    lines.update(decompress(bytes(row[0])))
                except (zlib.error, UnicodeDecodeError, TypeError) as error:
                    raise DamagedBlock(error) from error
        line = lines.get(key)
        columns = (
            decode_line(line, SHAPES[kind]).columns
            if line is not None
            else [[] for _ in SHAPES[kind]]
        )
        changed[key] = (home, columns)
        return columns

    def write(self) -> None:
        """Replace each block read by its merged lines, cut anew."""
        for kind, changed in self.changed.items():
            blocks = self._lines[kind]
            for key, (home, columns) in changed.items():
                blocks[home][key] = encode_line(key, columns)
            for home, lines in blocks.items():
                if home is not None:
                    self._db.execute(
                        "DELETE FROM blocks WHERE kind = ? AND first = ?", (kind, home)
                    )
                write_blocks(self._db, kind, [lines[key] for key in sorted(lines)])


def write_blocks(db: sqlite3.Connection, kind: str, lines: list[str]) -> None:
    """Insert `kind`'s sorted `lines` as blocks."""
    db.executemany(
        "INSERT INTO blocks (kind, first, rows) VALUES (?, ?, ?)",
        ((kind, line_key(block[0]), compress(block)) for block in cut(lines)),
    )


def merge(
    db: sqlite3.Connection,
    pending: PendingRows,
    stems: Iterable[tuple[str, str]],
    generation: int,
) -> None:
    """Add `pending`'s counts and the (stem, lemma) pairs `stems` to the blocks, in `db`'s
    open transaction; new entries take `generation`."""
    blocks = Merge(db)
    lemmas_of: dict[str, list[tuple[str, int]]] = {}
    for (form, lemma), n in pending.lemmas.items():
        lemmas_of.setdefault(form, []).append((lemma, n))
    spellings_of: dict[str, list[tuple[str, int]]] = {}
    for (form, spelling), n in pending.spellings.items():
        spellings_of.setdefault(form, []).append((spelling, n))
    for form in sorted(pending.tokens.keys() | lemmas_of.keys() | spellings_of.keys()):
        counts, lemmas, spellings = blocks.record(FORMS, form)
        spelt = dict(spellings_of.get(form, ()))
        own = spelt.pop(form, None)
        # A form's own spelling has no entry when the form's first write had it; it gets one
        # only when the form is there and its spellings' entries hold all its tokens.
        if own is not None and counts and counts[0][1] == sum(int(e[1]) for e in spellings):
            _add(spellings, form, own, generation)
        if form in pending.tokens:
            documents, tokens = pending.documents[form], pending.tokens[form]
            if counts:
                old_documents, old_tokens, first = counts[0]
                counts[0] = (int(old_documents) + documents, int(old_tokens) + tokens, first)
            else:
                counts.append((documents, tokens, generation))
        for lemma, n in lemmas_of.get(form, ()):
            if _add(lemmas, lemma, n, generation) and lemma != form:
                _add_word(blocks.record(OTHERS, lemma)[0], form, generation)
        for spelling, n in spelt.items():
            _add(spellings, spelling, n, generation)
    for stem, lemma in stems:
        _add_word(blocks.record(STEMS, stem)[0], lemma, generation)
    blocks.write()


def _add(column: list[tuple[str | int, ...]], word: str, n: int, generation: int) -> bool:
    """Add `n` to `word`'s entry of `column`, or a new entry; whether it is new."""
    for at, (known, tokens, first) in enumerate(column):
        if known == word:
            column[at] = (known, int(tokens) + n, first)
            return False
    bisect.insort(column, (word, n, generation))
    return True


def _add_word(column: list[tuple[str | int, ...]], word: str, generation: int) -> None:
    """`word` in `column` with `generation`, unless it is there already."""
    if not any(entry[0] == word for entry in column):
        bisect.insort(column, (word, generation))


def write_stopwords(db: sqlite3.Connection, words: Iterable[str]) -> None:
    """Replace the stopword block by `words`, in `db`'s open transaction."""
    db.execute("DELETE FROM blocks WHERE kind = ?", (STOPWORDS,))
    db.execute(
        "INSERT INTO blocks (kind, first, rows) VALUES (?, '', ?)",
        (STOPWORDS, compress(sorted(escape(word) for word in set(words)))),
    )


# The rows layout's tables and index by lemma, dropped once their rows are in blocks.
ROWS_TABLES = ("forms", "lemmas", "stems", "spellings")
_ROWS_INDEXES = ("lemma_other_forms", "lemma_forms")


def from_rows(db: sqlite3.Connection) -> None:
    """Turn a rows-layout lexicon's corpus tables (brought up to schema 5 first: every row has
    its counts and generation) into blocks and drop them, in `db`'s open transaction."""
    records: dict[str, dict[str, Columns]] = {kind: {} for kind in SHAPES}

    def columns(kind: str, key: str) -> Columns:
        found = records[kind].get(key)
        if found is None:
            found = records[kind][key] = [[] for _ in SHAPES[kind]]
        return found

    rows = db.execute("SELECT form, documents, tokens, generation FROM forms")
    for form, documents, tokens, generation in rows:
        columns(FORMS, form)[0].append((int(documents), int(tokens), int(generation)))
    rows = db.execute("SELECT form, lemma, tokens, generation FROM lemmas ORDER BY form, lemma")
    for form, lemma, tokens, generation in rows:
        columns(FORMS, form)[1].append((str(lemma), int(tokens), int(generation)))
        if lemma != form:
            columns(OTHERS, lemma)[0].append((str(form), int(generation)))
    rows = db.execute("SELECT stem, lemma, generation FROM stems ORDER BY stem, lemma")
    for stem, lemma, generation in rows:
        columns(STEMS, stem)[0].append((str(lemma), int(generation)))
    rows = db.execute(
        "SELECT form, spelling, tokens, generation FROM spellings ORDER BY form, spelling"
    )
    for form, spelling, tokens, generation in rows:
        columns(FORMS, form)[2].append((str(spelling), int(tokens), int(generation)))
    db.execute("DELETE FROM blocks")
    for kind, by_key in records.items():
        for column in (c for value in by_key.values() for c in value):
            column.sort()
        write_blocks(db, kind, [encode_line(key, by_key[key]) for key in sorted(by_key)])
    if "stopwords" in {str(row[0]) for row in db.execute("SELECT name FROM sqlite_master")}:
        words = [str(row[0]) for row in db.execute("SELECT word FROM stopwords")]
        write_stopwords(db, words)
        db.execute("DROP TABLE stopwords")
    for index in _ROWS_INDEXES:
        db.execute(f"DROP INDEX IF EXISTS {index}")
    for table in ROWS_TABLES:
        db.execute(f"DROP TABLE IF EXISTS {table}")
