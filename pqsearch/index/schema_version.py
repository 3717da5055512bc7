"""Which version of pqsearch wrote an index, read before any of its files is opened for
writing, checked, stamped or cleaned (audit 15, U2; review 15, R3 and R4): a refused index
is left as it was."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from pqsearch.analyze.lexicon import Lexicon
from pqsearch.errors import DamagedIndexError, DiskFullError, OutdatedIndexError
from pqsearch.index.damage import damage_message
from pqsearch.index.folders import LEXICON_FILE
from pqsearch.index.schema import READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION

# In a `verified` set (`store`), a data folder's schema version (generations count from 0).
_VERSION = -3


def check_version(
    root: Path, data: Path, verified: set[tuple[str, int]] | None = None, *, locked: bool = False
) -> None:
    """OutdatedIndexError when another version of pqsearch wrote the index in `data`, read
    from its lexicon without writing anything, before any file of it is checked or stamped
    (review 15, R3). Once per data folder with `verified`. `locked` (the write lock held: the
    file cannot change) reads it immutable, which makes no -wal or -shm file beside it."""
    path = data / LEXICON_FILE
    if (verified is not None and (data.name, _VERSION) in verified) or not path.is_file():
        return
    if locked:
        # What only the write-ahead log holds (a first ingest killed) is not seen here: then
        # nothing is known, and `open_lexicon` reads the whole file and checks it again.
        try:
            with closing(
                sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
            ) as connection:
                row = connection.execute(
                    "SELECT value FROM meta WHERE key = 'schema_version'"
                ).fetchone()
        except sqlite3.DatabaseError:
            return
        version = None if row is None else str(row[0])
    else:
        lexicon = lexicon_file(root, path)
        try:
            version = lexicon.get_meta("schema_version")
        finally:
            lexicon.close()
    if version is not None and version not in READABLE_SCHEMA_VERSIONS:
        raise OutdatedIndexError(root, version, SCHEMA_VERSION)
    if verified is not None:
        verified.add((data.name, _VERSION))


def lexicon_file(root: Path, path: Path, *, writable: bool = False) -> Lexicon:
    """The lexicon file `path` opened; DamagedIndexError naming the rebuild when it cannot be
    read."""
    try:
        return Lexicon.open(path, writable=writable)
    except DiskFullError:
        raise
    except DamagedIndexError as error:
        cause = error.__cause__ or error
        raise DamagedIndexError(
            damage_message(root, f"its lexicon {path} cannot be read ({cause})")
        ) from error


def refuse_newer(root: Path, data: Path) -> None:
    """A rebuild replaces an older version's index, not a newer one's (review 15, R4); a
    damaged one is what a rebuild is for."""
    try:
        check_version(root, data, locked=True)
    except OutdatedIndexError as error:
        if error.newer:
            raise
    except DamagedIndexError:
        pass
