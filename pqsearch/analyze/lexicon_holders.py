"""The files each indexed question was read from, kept in the lexicon's file for `--prune`.

The index names one file per document (its `source`); a run that reads the same question in
another file reports that copy and moves on. `--prune` then knew only the named file: once
the question was taken out of it, `ingest THAT_FILE --prune` deleted it while the other file,
read in an earlier run, held it (audit of session 12, P3). Each run records here, for every
file it read to its end, the questions it gave (`replace`); `--prune` reads again the other
files a question it would drop was read from (`index.holder_files`).

Kept beside the lexicon's tables because the lexicon is the index's one SQLite file, written
by each ingest before Whoosh commits; searches never read this table, so its rows carry no
generation. A file is its identity (`index.holders.Files.key`) and the spelling it was read by.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable

# Documents looked up in one query (SQLite allows 32,766 parameters).
_BATCH = 500


class HolderRows:
    """(file, document, spelling): `document` was in `file` when it was last read."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def of(self, documents: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        """Per document, the (file, spelling) pairs of the files it was last read from."""
        wanted = sorted(set(documents))
        found: dict[str, list[tuple[str, str]]] = {}
        for start in range(0, len(wanted), _BATCH):
            chunk = wanted[start : start + _BATCH]
            rows = self._db.execute(
                "SELECT document, file, source FROM holders WHERE document IN "
                f"({', '.join('?' * len(chunk))}) ORDER BY document, file",
                chunk,
            )
            for document, file, source in rows:
                found.setdefault(str(document), []).append((str(file), str(source)))
        return found

    def spellings(self) -> set[str]:
        """Every file remembered, as it was spelt when read."""
        return {str(row[0]) for row in self._db.execute("SELECT DISTINCT source FROM holders")}

    def replace(
        self,
        files: Iterable[tuple[str, str, Collection[str]]],
        *,
        partial: Collection[str] = (),
        forget: Iterable[str] = (),
    ) -> None:
        """Record each (file, spelling, documents) read to its end: it holds those documents,
        and no others, unless the file is `partial` (it had failures: a line that did not
        read may hold one it held before); `forget` every row of the files gone. One
        transaction."""
        with self._db:
            for file, source, documents in files:
                rows = self._db.execute(
                    "SELECT document, source FROM holders WHERE file = ?", (file,)
                ).fetchall()
                before = {str(document): str(spelling) for document, spelling in rows}
                if file not in partial:
                    self._db.executemany(
                        "DELETE FROM holders WHERE file = ? AND document = ?",
                        ((file, document) for document in before.keys() - set(documents)),
                    )
                self._db.executemany(
                    "INSERT INTO holders VALUES (?, ?, ?) "
                    "ON CONFLICT (file, document) DO UPDATE SET source = excluded.source",
                    ((file, d, source) for d in documents if before.get(d) != source),
                )
            self._db.executemany("DELETE FROM holders WHERE file = ?", ((f,) for f in forget))
