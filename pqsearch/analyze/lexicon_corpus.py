"""Which reader a lexicon's corpus rows need, followed while the file changes under it.

A lexicon of the rows layout (schema 5 and before) is read by `TableReader` until an ingest
of this version opens it writable: that ingest turns its rows into blocks and drops the old
tables (`lexicon_schema.to_blocks`), possibly while a long-lived reader (`pqsearch serve`,
an open `api.Index`) holds the file open. The reader then notices it by SQLite's schema
cookie (`PRAGMA schema_version`), or by a read that fails once, drops its pinned views of the
old tables, and reads the blocks from then on, pinned to the same generation: the index is
sound, and nothing tells the user to rebuild it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TypeVar

from pqsearch.analyze.lexicon_blocks import BlockReader
from pqsearch.analyze.lexicon_schema import VERSIONED, tables
from pqsearch.analyze.lexicon_tables import TableReader
from pqsearch.errors import IndexProblemError

Read = Callable[[str, tuple[str, ...]], sqlite3.Cursor]
Damaged = Callable[[Exception], Exception]
Reader = BlockReader | TableReader
Answer = TypeVar("Answer")


class Corpus:
    """The corpus rows' reader of one connection (`reader`), and the file's tables."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        read: Read,
        damaged: Damaged,
        changed: Callable[[], None],
    ) -> None:
        self._db = connection
        self._read = read
        self._damaged = damaged
        # Called once the layout changed: what the lexicon kept of the old one goes.
        self._changed = changed
        self._generation: int | None = None
        self._version = self._schema_version()
        self._data_version = self._read_data_version()
        self.tables = tables(connection)
        self.reader: Reader = (
            BlockReader(connection, read, damaged)
            if "blocks" in self.tables
            else TableReader(connection, read)
        )

    def pin(self, generation: int) -> None:
        self._generation = generation
        self.reader.pin(generation)

    def current(self) -> Reader:
        """The reader, switched to the blocks first if another connection migrated the
        file since the last look (the rows layout alone is ever migrated)."""
        if isinstance(self.reader, TableReader) and self._schema_version() != self._version:
            self._follow()
        return self.reader

    def ask(self, question: Callable[[Reader], Answer]) -> Answer:
        """`question` asked of the current reader; asked again, once, of the blocks when a
        rows-layout read failed because the file was migrated in between."""
        reader = self.current()
        try:
            return question(reader)
        except IndexProblemError:
            if not isinstance(reader, TableReader) or not self._follow():
                raise
        return question(self.reader)

    def _follow(self) -> bool:
        """Read the blocks from now on if the file has them (True), pinned as before."""
        self._version = self._schema_version()
        found = tables(self._db)
        if "blocks" not in found or not isinstance(self.reader, TableReader):
            return False
        for table in VERSIONED:  # `lexicon_schema.pin`'s views of the dropped tables
            self._db.execute(f"DROP VIEW IF EXISTS temp.{table}")
        self.tables = found
        self.reader = BlockReader(self._db, self._read, self._damaged)
        if self._generation is not None:
            self.reader.pin(self._generation)
        self._changed()
        return True

    def written_elsewhere(self) -> bool:
        """Whether another connection committed since the last look (an ingest's flush): one
        `PRAGMA data_version`, which reads no page."""
        version = self._read_data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        return True

    def _read_data_version(self) -> int | None:
        try:
            return int(self._db.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.DatabaseError:
            return None  # unreadable: the reads say so

    def _schema_version(self) -> int | None:
        try:
            return int(self._db.execute("PRAGMA schema_version").fetchone()[0])
        except sqlite3.DatabaseError:
            return None  # unreadable: the reads say so
