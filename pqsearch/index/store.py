"""Where an index lives on disk, who may write it, and opening it safely.

An index folder holds:
    ingest.lock          held (lockf) by the one ingest that writes; says who holds it (`lock`)
    live -> data-<n>     a symlink to the data folder readers open (`folders`)
    data-<n>/            the Whoosh files and the lexicon (lexicon.sqlite)
    watches.json         saved searches, changed under watches.lock, recorded by one run at a
                         time under watches.run.lock (`pqsearch.watch`)

Whoosh's commit is atomic on its own (a new table of contents is renamed over the old one,
and segments are only referenced once whole), so an interrupted incremental ingest leaves
the previous commit readable; benchmarks/crash_harness.py kills ingests to prove it. A
rebuild writes a new data folder beside the live one and switches the symlink with one
atomic rename when it is done; a first ingest switches as soon as its empty index exists.

Every way the files can be damaged (missing, truncated, garbage, a broken `live` link)
becomes a DamagedIndexError that names the fix, `pqsearch ingest --rebuild` (`damage`): when
opening (`open_live`, `open_lexicon`; segment files are checked against what their commit
wrote, `manifest.py`), and for damage inside a segment, which Whoosh only meets when a search
decodes it (`as_damage`).

This module opens the index; it also re-exports the names of `folders`, `lock` and `damage`
that the rest of the package uses, so that `store` stays the one door to the index's files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import whoosh
from whoosh import index as whoosh_index

from pqsearch.analyze.lexicon import Lexicon
from pqsearch.errors import DamagedIndexError, OutdatedIndexError
from pqsearch.index import verified
from pqsearch.index.damage import (
    READ_ERRORS,
    as_damage,
    damaged_index,
    is_damage,
    read_failure,
)
from pqsearch.index.durable import DurableStorage
from pqsearch.index.folders import (
    DEFAULT_INDEX_DIR,
    INDEX_ENV,
    LEXICON_FILE,
    LIVE,
    TAXONOMY_FILE,
    WHOOSH_INDEX_NAME,
    discard_rebuild,
    indexed_data_dirs,
    live_data_dir,
    live_generation_in,
    new_data_dir,
    remove_data_dir,
    remove_orphans,
    repair_live,
    require_live,
    resolve_index_dir,
    switch_live,
)
from pqsearch.index.lock import LOCK_FILE, LockHolder, write_lock, writing
from pqsearch.index.manifest import (
    check_file,
    check_lexicon,
    check_manifest,
    drop_lexicon_sum,
    generation_files,
)
from pqsearch.index.schema import READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION, SCORED_FIELDS
from pqsearch.index.schema_version import check_version, lexicon_file
from pqsearch.index.whoosh_format import PostingsDecoder, check_format

__all__ = [
    "DEFAULT_INDEX_DIR",
    "INDEX_ENV",
    "LEXICON_FILE",
    "LIVE",
    "LOCK_FILE",
    "READ_ERRORS",
    "TAXONOMY_FILE",
    "WHOOSH_INDEX_NAME",
    "LiveGeneration",
    "LockHolder",
    "as_damage",
    "damaged_index",
    "discard_rebuild",
    "indexed_data_dirs",
    "is_damage",
    "live_data_dir",
    "live_generation",
    "live_generation_in",
    "new_data_dir",
    "open_lexicon",
    "open_live",
    "open_whoosh",
    "postings_decoder",
    "read_failure",
    "remove_data_dir",
    "remove_orphans",
    "repair_live",
    "require_live",
    "resolve_index_dir",
    "switch_live",
    "write_lock",
    "writing",
]


def open_whoosh(root: Path, data: Path, *, check_files: bool = True) -> Any:
    """Open the Whoosh index in `data`, turning any read failure into DamagedIndexError;
    with `check_files`, its segment files are checked against what their commit wrote."""
    try:
        # Checked before anything unpickles it (`exists_in` does): garbage unpickled may
        # raise anything, or import a module.
        _check_table_of_contents(root, data)
        if not whoosh_index.exists_in(str(data), indexname=WHOOSH_INDEX_NAME):
            raise damaged_index(root, f"{data} holds no Whoosh table of contents")
        ix = DurableStorage(str(data)).open_index(WHOOSH_INDEX_NAME)
        if check_files:
            _check_files(root, data, int(ix.latest_generation()))
        return ix
    except DamagedIndexError:
        raise
    except Exception as error:
        if not is_damage(error):
            raise
        raise read_failure(root, error) from error


def open_live(
    root: Path, *, attempts: int = 5, verified: set[tuple[str, int]] | None = None
) -> tuple[Path, Any, Any]:
    """The live data folder, its Whoosh index and a reader of it, opened consistently.

    A commit deletes the table of contents and segments it replaces, and a rebuild deletes
    the whole previous data folder, so a reader that starts opening one generation may find
    its files gone, or half replaced (Whoosh then fails in other ways than a missing file: a
    segment's stored-fields column read as None was seen): whatever failed, when a newer
    generation appeared meanwhile, it opens again, on the new one. A failure while the
    generation stays the same is damage.
    """
    for _ in range(attempts - 1):
        before = _generation(root)
        try:
            return _open_live_once(root, verified)
        except DamagedIndexError:
            if _generation(root) == before:
                raise
    return _open_live_once(root, verified)


@dataclass(frozen=True)
class LiveGeneration:
    """Which files readers should see now: the live data folder's name and its newest
    commit, and which files on disk those are (`files`: the folder's device and inode, the
    newest table of contents' inode and change time).

    The name and the commit alone were the same for two copies of one index (a backup
    restored, a copy built elsewhere and swapped in with `mv`): an open index kept serving
    the replaced one, even once deleted, and a view opened after the swap read the new
    postings through the old one's records (audit 10, finding 1). Moving another folder in,
    a copy, a restore or an rsync makes another folder or another file, and a change time
    cannot be set back (`cp -a` keeps the modification time), so an inode number reused
    once the old files are deleted does not pass for them either.
    """

    folder: str
    number: int
    files: tuple[int, int, int, int]


def live_generation(root: Path) -> LiveGeneration | None:
    """What readers should see now (None when it cannot be told). One readlink, one listdir
    and two stats (5 to 7 µs each; a search's median on the shipped corpus, 8.5 to 10.9 ms,
    within 0.2 ms of the key without them, `benchmarks/generation_key.py`): an open `Index`
    asks before every search whether another process committed, or replaced the index."""
    try:
        target = os.readlink(root / LIVE)
    except OSError:
        return None
    data = root / target
    # A commit landing between the listdir and the stats deletes the table of contents
    # listed; the next look finds the newer one.
    for _ in range(3):
        latest = live_generation_in(data)
        if latest is None:
            return None
        try:
            folder = os.stat(data)
            toc = os.stat(data / f"_{WHOOSH_INDEX_NAME}_{latest}.toc")
        except OSError:
            continue
        files = (folder.st_dev, folder.st_ino, toc.st_ino, toc.st_ctime_ns)
        return LiveGeneration(Path(target).name, latest, files)
    return None


def _generation(root: Path) -> tuple[str, frozenset[str]]:
    """What a commit or a rebuild changes: the live folder, and its tables of contents."""
    try:
        target = os.readlink(root / LIVE)
    except OSError:
        return "", frozenset()
    # Not `Path.glob("*.toc")`: its pattern compiles a regular expression, 1 to 2 ms of a
    # search at the terminal. A folder gone or unreadable has none, as for `glob`.
    try:
        names = os.listdir(root / target)
    except OSError:
        names = []
    return target, frozenset(name for name in names if name.endswith(".toc"))


def _open_live_once(root: Path, verified: set[tuple[str, int]] | None) -> tuple[Path, Any, Any]:
    data = require_live(root)
    check_version(root, data, verified)
    ix = open_whoosh(root, data, check_files=False)
    try:
        # A reader, not a searcher: pqsearch ranks and matches itself (`pqsearch.query`), and
        # Whoosh's searching module imports its query and highlighting machinery (11 ms of a
        # terminal search).
        reader = ix.reader()
    except Exception as error:
        if not is_damage(error):
            raise
        raise read_failure(root, error) from error
    try:
        failed = _hold_files(reader)
        # Checked once held: a file that a newer commit deletes from now on stays readable,
        # and one deleted before is reported as missing (FileNotFoundError, so `open_live`
        # opens the newer generation).
        # Every byte is read for the check: readers of one generation sharing `verified`
        # pay it once (the views of an open Index).
        seen = (data.name, int(reader.generation()) if reader.doc_count_all() else -1)
        if reader.doc_count_all() and (verified is None or seen not in verified):
            _check_files(root, data, seen[1])
        if failed is not None:
            raise read_failure(root, failed) from failed
        if verified is not None:
            verified.add(seen)
    except DamagedIndexError:
        reader.close()
        raise
    except Exception as error:
        reader.close()
        if not is_damage(error):
            raise
        raise read_failure(root, error) from error
    return data, ix, reader


def _check_table_of_contents(root: Path, data: Path) -> None:
    latest = live_generation_in(data)
    if latest is not None:
        problem = check_file(data, latest, f"_{WHOOSH_INDEX_NAME}_{latest}.toc")
        if problem is not None:
            raise damaged_index(root, problem)


def _check_files(root: Path, data: Path, generation: int) -> None:
    problem = check_manifest(data, generation)
    if problem is not None:
        raise damaged_index(root, problem)


def _hold_files(reader: Any) -> BaseException | None:
    """Open the segment files Whoosh would open only on first use (stored records, field
    lengths), so that a commit deleting them cannot pull them from under this reader.
    Returns what failed instead of raising, for the caller to tell damage from a race."""
    try:
        for leaf, _ in reader.leaf_readers():
            if leaf.doc_count_all():
                leaf.stored_fields(0)
                for field in SCORED_FIELDS:
                    leaf.doc_field_length(0, field)
    except Exception as error:
        if not is_damage(error):
            raise
        return error
    return None


def postings_decoder(data: Path, reader: Any) -> PostingsDecoder:
    """How to read the postings of the generation `reader` reads (`check_format`).

    The check decodes a sample both ways, 9 ms of every terminal search. It tells whether
    the installed Whoosh writes the format the fast decoder reads (the test suite checks the
    decoder itself), so its answer depends only on the generation's files and on Whoosh's
    version: a fast verdict is stamped (`verified.py`) under that version and found again
    while the files are unchanged.
    """
    if not reader.doc_count_all():
        return check_format(reader)
    generation = int(reader.generation())
    paths = generation_files(data, generation)
    key = f"format-{generation}-whoosh-{whoosh.versionstring()}"
    if paths is not None and verified.is_stamped(data, key, paths):
        return PostingsDecoder()
    started = verified.check_started()
    decoder = check_format(reader)
    if paths is not None and decoder.fast:
        verified.stamp(data, key, paths, started)
    return decoder


# In a `verified` set, the lexicon of a data folder (generations count from 0; -3 is its
# schema version, `schema_version`).
_LEXICON = -2


def open_lexicon(
    root: Path, data: Path, *, writable: bool = False, verified: set[tuple[str, int]] | None = None
) -> Lexicon:
    """The lexicon of the index in `data`; DamagedIndexError when it is missing or unreadable.

    Writable, a missing one is created: only a fresh index may start without one. A writable
    open checks the file against its recorded checksum before dropping it: an ingest that
    took a damaged lexicon would record the damage as the new checksum, and no search would
    report it again (audit 9, finding 7).
    """
    path = data / LEXICON_FILE
    if not writable and not path.is_file():
        raise damaged_index(root, f"its lexicon {path} is missing")
    if writable:
        problem = check_lexicon(data, path) if path.is_file() else None
        if problem is not None:
            raise damaged_index(root, problem)
        # Read before anything is written: opening it writable migrates its tables, and an
        # index refused as another version's was left unwritable by the version that built
        # it (audit 15, U2).
        check_version(root, data, locked=True)
        drop_lexicon_sum(data)
    elif verified is None or (data.name, _LEXICON) not in verified:
        problem = check_lexicon(data, path)
        if problem is not None:
            raise damaged_index(root, problem)
        if verified is not None:
            verified.add((data.name, _LEXICON))
    lexicon = lexicon_file(root, path, writable=writable)
    # A fresh lexicon has no version yet; the ingest that created it records the current one.
    version = lexicon.get_meta("schema_version")
    if version is not None and version not in READABLE_SCHEMA_VERSIONS:
        lexicon.close()
        raise OutdatedIndexError(root, version, SCHEMA_VERSION)
    return lexicon
