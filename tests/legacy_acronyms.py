"""The acronym counts of a lexicon as index schemas 3 to 6 kept them, made from one written
now: under the meta key `acronyms`, with no generation (schema 7 marks them, `acronyms_at`)."""

from __future__ import annotations

import sqlite3

from pqsearch.analyze import acronyms


def unmark_acronym_counts(connection: sqlite3.Connection) -> None:
    """Move the marked counts to the unmarked key, inside the caller's transaction."""
    connection.execute(
        "INSERT OR REPLACE INTO meta "
        "SELECT ?, json_extract(value, '$.counts') FROM meta WHERE key = ?",
        (acronyms.META_KEY, acronyms.GENERATION_META_KEY),
    )
    connection.execute("DELETE FROM meta WHERE key = ?", (acronyms.GENERATION_META_KEY,))
