"""The lexicon's SQLite layout: its tables, the migration of an older file, and opening a
file in a folder this process cannot write.

`lexicon.py` reads and writes through these; nothing here knows about queries.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from pqsearch.analyze.stems import STEMMER, derivation_stem

SCHEMA = """
CREATE TABLE IF NOT EXISTS forms (
    form TEXT PRIMARY KEY, documents INTEGER NOT NULL, tokens INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lemmas (
    form TEXT NOT NULL, lemma TEXT NOT NULL, tokens INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (form, lemma)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stems (
    stem TEXT NOT NULL, lemma TEXT NOT NULL, PRIMARY KEY (stem, lemma)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS spellings (
    form TEXT NOT NULL, spelling TEXT NOT NULL, tokens INTEGER NOT NULL,
    PRIMARY KEY (form, spelling)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fallback (
    form TEXT NOT NULL, lemma TEXT NOT NULL, PRIMARY KEY (form, lemma)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stopwords (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS acronyms (
    document TEXT NOT NULL, acronym TEXT NOT NULL, long_form TEXT NOT NULL,
    strict INTEGER NOT NULL, PRIMARY KEY (document, acronym, long_form)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
"""
# Run after `SCHEMA` and the migration of an older lexicon (which lacks `lemmas.tokens`).
INDEXES = """
CREATE INDEX IF NOT EXISTS lemma_forms ON lemmas (lemma, form);
"""
# Lexicons written before lemma counts and stems: `migrate` adds both (counts of 0 mean
# "unknown": such a form's lemmas weigh the same, as before).
_STEMS_META = "stems"


def columns(connection: sqlite3.Connection, table: str) -> frozenset[str]:
    try:
        rows = connection.execute(f"PRAGMA table_info({table})").fetchall()
    except sqlite3.DatabaseError:
        return frozenset()  # unreadable: `open` says so
    return frozenset(str(row[1]) for row in rows)


def tables(connection: sqlite3.Connection) -> frozenset[str]:
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return frozenset(str(row[0]) for row in rows.fetchall())
    except sqlite3.DatabaseError:
        return frozenset()


def migrate(connection: sqlite3.Connection) -> None:
    """Bring a lexicon written by an earlier version up to this one, in place: lemma counts
    (0, unknown, until the documents are ingested again) and the stem table."""
    with connection:
        if "tokens" not in columns(connection, "lemmas"):
            connection.execute("ALTER TABLE lemmas ADD COLUMN tokens INTEGER NOT NULL DEFAULT 0")
        done = connection.execute("SELECT 1 FROM meta WHERE key = ?", (_STEMS_META,)).fetchone()
        if done is None:
            lemmas = connection.execute("SELECT DISTINCT lemma FROM lemmas").fetchall()
            connection.executemany(
                "INSERT OR IGNORE INTO stems VALUES (?, ?)", stem_rows(r[0] for r in lemmas)
            )
            connection.execute("INSERT INTO meta VALUES (?, ?)", (_STEMS_META, STEMMER))


def stem_rows(lemmas: Iterable[str]) -> Iterator[tuple[str, str]]:
    for lemma in set(lemmas):
        stem = derivation_stem(lemma)
        if stem:
            yield stem, lemma


def readable(connection: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """`connection`, or one that reads a lexicon in a folder this process cannot write
    (a read-only mount, a team's shared index): SQLite's WAL mode needs to write a
    shared-memory file beside it to read. Ingest leaves the lexicon checkpointed into its
    one file, so opening it as immutable reads it whole."""
    try:
        connection.execute("SELECT 1 FROM forms LIMIT 1")
        return connection
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error) and "unable to open" not in str(error):
            raise
    connection.close()
    return sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
    )
