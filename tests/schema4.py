"""A lexicon as index schema 4 wrote it, made from one written now (s16-small): a row for every
spelling, the form itself too (with what the form's other spellings leave of its tokens), and
the index by lemma of every row; from schema 5's rows layout (`rows_layout`)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from tests.rows_layout import make_rows_lexicon


def make_schema_4_lexicon(path: Path) -> None:
    make_rows_lexicon(path)
    with closing(sqlite3.connect(path)) as connection:
        with connection:
            connection.execute(
                "INSERT INTO spellings (form, spelling, tokens, generation) "
                "SELECT form, form, tokens - (SELECT coalesce(sum(s.tokens), 0) FROM spellings s "
                "WHERE s.form = forms.form), generation FROM forms WHERE tokens > "
                "(SELECT coalesce(sum(s.tokens), 0) FROM spellings s WHERE s.form = forms.form)"
            )
            connection.execute("DROP INDEX lemma_other_forms")
            connection.execute("CREATE INDEX lemma_forms ON lemmas (lemma, form)")
            connection.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
