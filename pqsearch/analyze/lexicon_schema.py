"""The lexicon's SQLite layout: its tables, the migration of an older file, opening a file
(also in a folder this process cannot write), and a reader's pinned view of one index version.

Since schema 6 the corpus rows are compressed blocks in one table (`lexicon_codec.py`, read
by `lexicon_blocks.py`, written by `lexicon_merge.py`); a lexicon of the rows layout before
(`ROWS_SCHEMA`) is read as it is (`lexicon_tables.py`) until a writable open turns its rows
into blocks (`to_blocks`).

The rows of the corpus tables (each entry of a block) carry the index generation (Whoosh's
commit number) whose commit first held them: ingest writes the lexicon before Whoosh commits
what it describes, and one data folder's lexicon serves every generation in it, so a reader
of generation 4 saw the rows an ingest wrote for 5 while it searched 4's postings
("soutenus" found through the lemma "soutenir" a later document gave it: a hit that
generation 4 alone never gives).
`pin` makes a reader's connection see only its own generation's rows; the table of acronym
definitions is versioned the same way (`lexicon_acronyms`).

`lexicon.py` reads and writes through these; nothing here knows about queries.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from pqsearch.analyze import lexicon_acronyms
from pqsearch.analyze.lexicon_merge import ROWS_TABLES, from_rows
from pqsearch.analyze.stems import STEMMER, derivation_stem

SCHEMA = """
CREATE TABLE IF NOT EXISTS blocks (kind TEXT NOT NULL, first TEXT NOT NULL, rows BLOB NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS block_firsts ON blocks (kind, first);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS holders (
    file TEXT NOT NULL, document TEXT NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (file, document)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS holder_documents ON holders (document);
"""
# The blocks are a table with row ids, not keyed by (kind, first) WITHOUT ROWID: a block's
# kilobyte of compressed bytes stays in its table's page there, where an index page keeps
# under 500 bytes of a record and moves the rest to overflow pages, part empty (shipped
# corpus, 2 kB pages: 129 kB against 119).
# The corpus tables of the rows layout (schema 5 and before), made only to bring an older
# lexicon's missing ones up before its rows become blocks (`to_blocks`).
ROWS_SCHEMA = """
CREATE TABLE IF NOT EXISTS forms (
    form TEXT PRIMARY KEY, documents INTEGER NOT NULL, tokens INTEGER NOT NULL,
    generation INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lemmas (
    form TEXT NOT NULL, lemma TEXT NOT NULL, tokens INTEGER NOT NULL DEFAULT 0,
    generation INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (form, lemma)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stems (
    stem TEXT NOT NULL, lemma TEXT NOT NULL, generation INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (stem, lemma)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS spellings (
    form TEXT NOT NULL, spelling TEXT NOT NULL, tokens INTEGER NOT NULL,
    generation INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (form, spelling)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stopwords (word TEXT PRIMARY KEY) WITHOUT ROWID;
"""
# Lexicons written before lemma counts and stems: `migrate` adds both (counts of 0 mean
# "unknown": such a form's lemmas weigh the same, as before).
_STEMS_META = "stems"
# The tables whose rows carry their first generation; rows from before it carry 0, seen by
# every reader (counts go on adding up: shares and frequencies are the latest, not pinned).
VERSIONED = ("forms", "lemmas", "stems", "spellings")
# Bytes per page of a new lexicon file (see `connect`).
PAGE_SIZE = 2048


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


def to_blocks(connection: sqlite3.Connection, path: Path) -> None:
    """Bring a lexicon of the rows layout up to this version, in place and in one
    transaction: first to schema 5 (`migrate`), then its rows into blocks, the tables
    dropped; then its pages rewritten full (`compact_file`)."""
    if not tables(connection) & set(ROWS_TABLES):
        return
    with connection:
        connection.executescript("BEGIN;" + ROWS_SCHEMA)
        migrate(connection)
        from_rows(connection)
    compact_file(connection, path)


def migrate(connection: sqlite3.Connection) -> None:
    """Bring a rows-layout lexicon written by an earlier version up to schema 5, in the open
    transaction: lemma counts (0, unknown, until the documents are ingested again) and the
    stem table."""
    if "tokens" not in columns(connection, "lemmas"):
        connection.execute("ALTER TABLE lemmas ADD COLUMN tokens INTEGER NOT NULL DEFAULT 0")
    for table in VERSIONED:
        if "generation" not in columns(connection, table):
            connection.execute(
                f"ALTER TABLE {table} ADD COLUMN generation INTEGER NOT NULL DEFAULT 0"
            )
    done = connection.execute("SELECT 1 FROM meta WHERE key = ?", (_STEMS_META,)).fetchone()
    if done is None:
        lemmas = connection.execute("SELECT DISTINCT lemma FROM lemmas").fetchall()
        connection.executemany(
            "INSERT OR IGNORE INTO stems (stem, lemma) VALUES (?, ?)",
            stem_rows(r[0] for r in lemmas),
        )
        connection.execute("INSERT INTO meta VALUES (?, ?)", (_STEMS_META, STEMMER))


def stem_rows(lemmas: Iterable[str]) -> Iterator[tuple[str, str]]:
    for lemma in set(lemmas):
        stem = derivation_stem(lemma)
        if stem:
            yield stem, lemma


def pin(connection: sqlite3.Connection, generation: int) -> None:
    """Make `connection` see only the rows of the versioned tables that generation
    `generation` held: temporary views of the same names, which SQLite looks up before the
    file's tables, so every query reads through them. A lexicon from before generations
    were recorded is read whole, as before."""
    for table in VERSIONED:
        have = columns(connection, table)
        if "generation" not in have:
            continue
        kept = sorted(have - {"generation"})
        connection.execute(
            f"CREATE TEMP VIEW IF NOT EXISTS {table} AS SELECT {', '.join(kept)} "
            f"FROM main.{table} WHERE generation <= {int(generation)}"
        )


def connect(path: Path, *, writable: bool) -> sqlite3.Connection:
    """A connection to the lexicon file `path`, set up for writing (WAL, synced, tables
    made and migrated) or for reading by one thread at a time; sqlite3.DatabaseError when
    the file cannot be read."""
    if writable:
        connection = sqlite3.connect(path)
    else:
        # Read-only, a lexicon moves between threads (an open index lends its readers to
        # one thread at a time); SQLite itself is built serialized, so that is safe.
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
    try:
        if writable:
            # A new file's pages (an existing one keeps its own): SQLite's default of 4,096
            # bytes left a small index's lexicon a sixth empty, in the part-filled last
            # page of each of its dozen tables and indexes.
            connection.execute(f"PRAGMA page_size={PAGE_SIZE}")
            connection.execute("PRAGMA journal_mode=WAL")
            # FULL: each flush durable before Whoosh commits what it describes.
            connection.execute("PRAGMA synchronous=FULL")
            connection.executescript(SCHEMA)
            lexicon_acronyms.migrate(connection, tables(connection))
            to_blocks(connection, path)
        else:
            connection = readable(connection, path)
            connection.execute("SELECT 1 FROM sqlite_master LIMIT 1")
    except sqlite3.DatabaseError:
        connection.close()
        raise
    except UnicodeDecodeError as error:
        # A damaged schema text: SQLite's message quotes it, and Python cannot decode it.
        connection.close()
        raise sqlite3.DatabaseError(f"malformed database schema ({error})") from error
    return connection


def has_json(connection: sqlite3.Connection) -> bool:
    """Whether this SQLite has the JSON functions (in its core since 3.38)."""
    try:
        connection.execute("SELECT 1 FROM json_each('[]')").fetchall()
    except sqlite3.OperationalError:
        return False
    return True


def readable(connection: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """`connection`, or one that reads a lexicon in a folder this process cannot write
    (a read-only mount, a team's shared index): SQLite's WAL mode needs to write a
    shared-memory file beside it to read. Ingest leaves the lexicon checkpointed into its
    one file, so opening it as immutable reads it whole."""
    try:
        connection.execute("SELECT 1 FROM sqlite_master LIMIT 1")
        return connection
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error) and "unable to open" not in str(error):
            raise
    connection.close()
    return sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
    )


# Room left beside three copies of the lexicon before `compact_file` rewrites it.
COMPACT_MARGIN = 4 * 1024 * 1024


def compact_file(db: sqlite3.Connection, path: Path) -> None:
    """Rewrite the lexicon with its pages full: B-trees written in the documents' order
    leave a tenth of their pages unused (45 kB of 450 at 51 documents). VACUUM writes a whole
    copy into the write-ahead log, which the checkpoint then copies back: only with room for
    both to spare, so that compacting never fails an ingest whose documents are committed
    (review 16, R1: a rebuild that had finished was removed for want of that room)."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if shutil.disk_usage(path.parent).free < 3 * path.stat().st_size + COMPACT_MARGIN:
        return
    with contextlib.suppress(sqlite3.OperationalError):
        db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
