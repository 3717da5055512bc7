"""A lexicon as index schema 5 wrote it (one SQLite row per form, lemma, stem and spelling),
made from one written now (s18-lexicon): the inverse of the migration, so that tests build
the older layouts from this version's files as `main` at cf1d804 wrote them."""

from __future__ import annotations

import sqlite3
import zlib
from contextlib import closing
from pathlib import Path

from pqsearch.analyze.lexicon_codec import FORMS, SHAPES, STEMS, STOPWORDS, decode_line, unescape
from pqsearch.analyze.lexicon_rows import PendingRows
from pqsearch.analyze.lexicon_schema import ROWS_SCHEMA, stem_rows
from pqsearch.analyze.stems import STEMMER

_INDEX = "CREATE INDEX lemma_other_forms ON lemmas (lemma, form) WHERE form <> lemma"


def make_rows_lexicon(path: Path) -> None:
    """Rewrite the lexicon file `path` in the rows layout of schema 5, checkpointed."""
    with closing(sqlite3.connect(path)) as connection:
        with connection:
            connection.executescript("BEGIN;" + ROWS_SCHEMA + _INDEX)
            blocks = connection.execute("SELECT kind, rows FROM blocks").fetchall()
            for kind, data in blocks:
                lines = zlib.decompress(data).decode().split("\n")
                if kind == STOPWORDS:
                    connection.executemany(
                        "INSERT INTO stopwords VALUES (?)", ((unescape(w),) for w in lines if w)
                    )
                    continue
                for line in lines:
                    key, columns = decode_line(line, SHAPES[kind])
                    if kind == FORMS:
                        counts, lemmas, spellings = columns
                        connection.executemany(
                            "INSERT INTO forms VALUES (?, ?, ?, ?)", ((key, *c) for c in counts)
                        )
                        connection.executemany(
                            "INSERT INTO lemmas VALUES (?, ?, ?, ?)", ((key, *e) for e in lemmas)
                        )
                        connection.executemany(
                            "INSERT INTO spellings VALUES (?, ?, ?, ?)",
                            ((key, *e) for e in spellings),
                        )
                    elif kind == STEMS:
                        connection.executemany(
                            "INSERT INTO stems VALUES (?, ?, ?)", ((key, *e) for e in columns[0])
                        )
            connection.execute("DROP TABLE blocks")
            connection.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
            connection.execute("INSERT OR IGNORE INTO meta VALUES ('stems', ?)", (STEMMER,))
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# `main`'s writing of the rows layout (cf1d804, `lexicon_rows.PendingRows.write`), verbatim:
# the reference the blocks' merge is checked against (tests/analyze/test_lexicon_blocks.py).
_OWN_SPELLING = (
    "INSERT INTO spellings (form, spelling, tokens, generation) SELECT ?1, ?1, ?2, ?3 "
    "WHERE EXISTS (SELECT 1 FROM main.forms f WHERE f.form = ?1 AND f.tokens = "
    "(SELECT coalesce(sum(s.tokens), 0) FROM main.spellings s WHERE s.form = ?1)) "
    "ON CONFLICT (form, spelling) DO UPDATE SET tokens = tokens + excluded.tokens"
)


def write_rows(db: sqlite3.Connection, pending: PendingRows, generation: int) -> None:
    """Add `pending`'s counts to a rows-layout lexicon as `main` did, and commit."""
    stems = stem_rows(lemma for _, lemma in pending.lemmas)
    own = (
        (form, n, generation)
        for (form, spelling), n in pending.spellings.items()
        if spelling == form
    )
    with db:
        db.executemany(_OWN_SPELLING, own)
        db.executemany(
            "INSERT INTO forms (form, documents, tokens, generation) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (form) DO UPDATE SET "
            "documents = documents + excluded.documents, tokens = tokens + excluded.tokens",
            ((form, pending.documents[form], n, generation) for form, n in pending.tokens.items()),
        )
        db.executemany(
            "INSERT INTO lemmas (form, lemma, tokens, generation) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (form, lemma) DO UPDATE SET tokens = tokens + excluded.tokens",
            ((form, lemma, n, generation) for (form, lemma), n in pending.lemmas.items()),
        )
        db.executemany(
            "INSERT OR IGNORE INTO stems (stem, lemma, generation) VALUES (?, ?, ?)",
            ((stem, lemma, generation) for stem, lemma in stems),
        )
        db.executemany(
            "INSERT INTO spellings (form, spelling, tokens, generation) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (form, spelling) DO UPDATE SET tokens = tokens + excluded.tokens",
            (
                (form, spelling, n, generation)
                for (form, spelling), n in pending.spellings.items()
                if spelling != form
            ),
        )
