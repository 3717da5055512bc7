"""Reading a lexicon of the rows layout (schema 5 and before: one SQLite row per form, lemma,
stem and spelling), which an index keeps until its next ingest migrates it to blocks
(`lexicon_schema.to_blocks`): a search in a folder it cannot write, or before any ingest of
this version, reads it here, to the same answers as `lexicon_blocks.BlockReader`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator

from pqsearch.analyze.lexicon_reads import DISPLAY, FORMS_OF_LEMMAS
from pqsearch.analyze.lexicon_schema import columns, has_json, pin, tables

Read = Callable[[str, tuple[str, ...]], sqlite3.Cursor]

# Keys looked up in one query (SQLite allows 32,766 parameters).
_BATCH = 500


class TableReader:
    """The corpus rows of a rows-layout lexicon, read by SQL (`read` runs a statement, a
    malformed file raising the lexicon's damage error)."""

    def __init__(self, connection: sqlite3.Connection, read: Read) -> None:
        self._db = connection
        self._read = read
        self._tables = tables(connection)
        self._counted = "tokens" in columns(connection, "lemmas")
        # Whether this SQLite has the JSON functions (in its core since 3.38), asked once.
        self._json: bool | None = None

    def pin(self, generation: int) -> None:
        pin(self._db, generation)

    def forget(self) -> None:
        """Nothing kept: every read asks the file."""

    def lemma_counts(self, keys: list[str]) -> dict[str, dict[str, int]]:
        tokens = "tokens" if self._counted else "0"
        found: dict[str, dict[str, int]] = {}
        rows = self._read_in(f"SELECT form, lemma, {tokens} FROM lemmas WHERE form IN", keys)
        for form, lemma, n in rows:
            found.setdefault(str(form), {})[str(lemma)] = int(n)
        return found

    def stem_lemmas(self, stem: str) -> frozenset[str]:
        if "stems" not in self._tables:
            return frozenset()
        rows = self._read("SELECT lemma FROM stems WHERE stem = ?", (stem,)).fetchall()
        return frozenset(str(row[0]) for row in rows)

    def forms_of_lemmas(self, lemmas: list[str]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for sql in FORMS_OF_LEMMAS:
            for lemma, form in self._read_in(sql, lemmas):
                found.setdefault(str(lemma), set()).add(str(form))
        return found

    def unindexed(self, keys: list[str]) -> frozenset[str]:
        if self._json is None:
            self._json = has_json(self._db)
        if self._json:
            # One statement for any number of keys: 2 ms for 3,000 forms where batches of
            # `IN (?, ...)` returning the forms found took 7 to 9 (SQLite 3.40).
            rows = self._read(
                "SELECT value FROM json_each(?) "
                "WHERE NOT EXISTS (SELECT 1 FROM lemmas WHERE form = value)",
                (json.dumps(keys),),
            )
            return frozenset(str(row[0]) for row in rows.fetchall())
        found = self._read_in("SELECT DISTINCT form FROM lemmas WHERE form IN", keys)
        return frozenset(keys) - {str(row[0]) for row in found}

    def display(self, key: str) -> str | None:
        row = self._read(DISPLAY, (key, key, key)).fetchone()
        return None if row is None else str(row[0])

    def frequency(self, key: str) -> int:
        row = self._read("SELECT documents FROM forms WHERE form = ?", (key,)).fetchone()
        return 0 if row is None else int(row[0])

    def form_documents(self) -> Iterator[tuple[str, int]]:
        for form, documents in self._read("SELECT form, documents FROM forms", ()):
            yield str(form), int(documents)

    def count(self) -> int:
        return int(self._read("SELECT count(*) FROM forms", ()).fetchone()[0])

    def _read_in(self, sql: str, keys: list[str]) -> list[tuple[str, ...]]:
        """The rows of `sql` (ending in `IN`) for `keys`, asked `_BATCH` keys at a time."""
        rows: list[tuple[str, ...]] = []
        for start in range(0, len(keys), _BATCH):
            batch = tuple(keys[start : start + _BATCH])
            marks = ",".join("?" * len(batch))
            rows.extend(self._read(f"{sql} ({marks})", batch).fetchall())
        return rows
