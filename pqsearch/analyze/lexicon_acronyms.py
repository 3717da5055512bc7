"""The lexicon's table of which document defines which acronym, versioned by index generation.

Ingest writes a commit's definitions before Whoosh commits the documents that hold them
(`Acronyms.save`), and one data folder's lexicon serves every generation in it: unversioned,
a reader of generation 4 expanded "ZBE" by the long form a document of 5 defines (a hit that
generation 4 alone never gives), and an ingest killed between the two left that definition for
good once its file was gone (audit 18, L1 and L2). Each row therefore carries the generation
whose commit first held it and, once its document drops or changes it, the generation that no
longer holds it (`removed`); a reader counts the rows its own generation held
(`counts`), and an ingest first discards what a commit that never happened wrote
(`discard_after`).

A lexicon written before (the table `acronyms`, unversioned) has its rows taken over as
generation 0 by its next writable open (`migrate`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

TABLE = "acronym_rows"
SCHEMA = """
CREATE TABLE IF NOT EXISTS acronym_rows (
    document TEXT NOT NULL, acronym TEXT NOT NULL, long_form TEXT NOT NULL,
    strict INTEGER NOT NULL, generation INTEGER NOT NULL, removed INTEGER,
    PRIMARY KEY (document, acronym, long_form, generation)
) WITHOUT ROWID;
"""
# The unversioned table of the lexicons written before.
_OLD_TABLE = "acronyms"

Row = tuple[str, str, str, bool]


def migrate(db: sqlite3.Connection, tables: frozenset[str]) -> None:
    """Make the versioned table, taking over an older lexicon's rows as generation 0 (held by
    every generation), in one transaction."""
    with db:
        db.executescript("BEGIN;" + SCHEMA)
        if _OLD_TABLE in tables:
            db.execute(
                f"INSERT OR IGNORE INTO {TABLE} "
                f"SELECT document, acronym, long_form, strict, 0, NULL FROM {_OLD_TABLE}"
            )
            db.execute(f"DROP TABLE {_OLD_TABLE}")


def replace(
    db: sqlite3.Connection, documents: Iterable[str], rows: Iterable[Row], generation: int
) -> None:
    """What `documents` define from `generation` on is `rows` (document, acronym, long form,
    strict): their rows held now and not among `rows` are removed at `generation` (readers of
    earlier generations still count them), those of `rows` not held yet are added."""
    wanted: dict[str, set[tuple[str, str, int]]] = {doc: set() for doc in documents}
    for doc, acronym, form, strict in rows:
        wanted.setdefault(doc, set()).add((acronym, form, int(strict)))
    with db:
        for doc, new in wanted.items():
            held = db.execute(
                f"SELECT acronym, long_form, strict, generation FROM {TABLE} "
                "WHERE document = ? AND removed IS NULL",
                (doc,),
            ).fetchall()
            kept = set()
            for acronym, form, strict, first in held:
                key = (str(acronym), str(form), int(strict))
                if key in new:
                    kept.add(key)
                    continue
                where = "document = ? AND acronym = ? AND long_form = ? AND generation = ?"
                if int(first) >= generation:  # never committed: nobody saw it
                    db.execute(f"DELETE FROM {TABLE} WHERE {where}", (doc, acronym, form, first))
                else:
                    db.execute(
                        f"UPDATE {TABLE} SET removed = ? WHERE {where}",
                        (generation, doc, acronym, form, first),
                    )
            db.executemany(
                f"INSERT OR REPLACE INTO {TABLE} VALUES (?, ?, ?, ?, ?, NULL)",
                ((doc, acronym, form, strict, generation) for acronym, form, strict in new - kept),
            )


def counts(db: sqlite3.Connection, generation: int | None) -> list[tuple[str, str, int, bool]]:
    """(acronym, long form, documents defining it so, whether any spells it by initials) over
    the rows generation `generation` held (None: the rows held now, an ingest's view)."""
    parameters: tuple[int, ...] = ()
    if generation is None:
        held = "removed IS NULL"
    else:
        held = "generation <= ? AND (removed IS NULL OR removed > ?)"
        parameters = (generation, generation)
    rows = db.execute(
        f"SELECT acronym, long_form, count(*), max(strict) FROM {TABLE} WHERE {held} "
        "GROUP BY acronym, long_form",
        parameters,
    ).fetchall()
    return [(str(a), str(f), int(n), bool(s)) for a, f, n, s in rows]


def discard_after(db: sqlite3.Connection, generation: int) -> bool:
    """Forget what ingests wrote for commits after `generation` (the last one Whoosh made):
    an ingest killed between its lexicon's flush and its commit. Whether anything changed."""
    with db:
        added = db.execute(f"DELETE FROM {TABLE} WHERE generation > ?", (generation,)).rowcount
        kept = db.execute(
            f"UPDATE {TABLE} SET removed = NULL WHERE removed > ?", (generation,)
        ).rowcount
    return bool(added or kept)


class Definitions:
    """The table of one lexicon's connection, as its pinned `generation` held it (None: an
    ingest's lexicon, which reads and writes what is held now); a file SQLite cannot read
    raises the lexicon's damage error (`damaged`)."""

    def __init__(self, db: sqlite3.Connection, damaged: Callable[[Exception], Exception]) -> None:
        self._db = db
        self._damaged = damaged
        self.generation: int | None = None

    def replace(self, documents: Iterable[str], rows: Iterable[Row], generation: int) -> None:
        """`replace` in this lexicon."""
        try:
            replace(self._db, documents, rows, generation)
        except sqlite3.DatabaseError as error:
            raise self._damaged(error) from error

    def discard_after(self, generation: int) -> bool:
        """`discard_after` in this lexicon."""
        try:
            return discard_after(self._db, generation)
        except sqlite3.DatabaseError as error:
            raise self._damaged(error) from error

    def counts(self) -> list[tuple[str, str, int, bool]]:
        """`counts` of the pinned generation. Only a lexicon an ingest migrated is counted
        (`acronyms.load` reads an older one's stored counts), so a missing table is damage
        too (review X, N1), not a lexicon that defines nothing."""
        try:
            return counts(self._db, self.generation)
        except sqlite3.DatabaseError as error:
            raise self._damaged(error) from error


__all__ = ["SCHEMA", "TABLE", "Definitions", "counts", "discard_after", "migrate", "replace"]
