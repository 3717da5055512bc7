"""Where an index lives on disk, who may write it, and opening it safely.

An index folder holds:

    ingest.lock          held (flock) by the one ingest that writes; says who holds it
    live -> data-<n>     a symlink to the data folder readers open
    data-<n>/            the Whoosh files and the lexicon (lexicon.sqlite)

Whoosh's commit is atomic on its own (a new table of contents is renamed over the old one,
and segments are only referenced once whole), so an interrupted incremental ingest leaves
the previous commit readable; benchmarks/crash_harness.py kills ingests to prove it. A
rebuild writes a new data folder beside the live one and switches the symlink with one
atomic rename when it is done; a first ingest switches as soon as its empty index exists.

Every way the files can be damaged (missing, truncated, garbage, a broken `live` link)
becomes a DamagedIndexError that names the fix, `pqsearch ingest --rebuild`: when opening
(`open_live`, `open_lexicon`; segment files are checked against what their commit wrote,
`manifest.py`), and for damage inside a segment, which Whoosh only meets when
a search decodes it (`as_damage`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import os
import pickle
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.filedb.filetables import FileFormatError
from whoosh.reading import TermNotFound

from pqsearch.analyze.lexicon import Lexicon
from pqsearch.errors import (
    DamagedIndexError,
    IndexLockedError,
    NoIndexError,
    OutdatedIndexError,
    ReadOnlyIndexError,
)
from pqsearch.index import ownership
from pqsearch.index.durable import DurableStorage, fsync_dir
from pqsearch.index.manifest import check_file, check_lexicon, check_manifest, drop_lexicon_sum
from pqsearch.index.schema import SCHEMA_VERSION, SCORED_FIELDS
from pqsearch.index.whoosh_format import DecodingError

DEFAULT_INDEX_DIR = Path("index")
INDEX_ENV = "PQSEARCH_INDEX"
LIVE = "live"
LOCK_FILE = "ingest.lock"
LEXICON_FILE = "lexicon.sqlite"
# A copy of the sector taxonomy the index was built with.
TAXONOMY_FILE = "taxonomy.toml"
WHOOSH_INDEX_NAME = "MAIN"

# I/O and decoding errors: what reading truncated, missing or garbage files raises, and
# nothing a bug of ours raises (an AttributeError, TypeError, KeyError, IndexError or
# ValueError keeps its traceback, unless Whoosh's own file code raised it: `as_damage`).
READ_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    EOFError,
    pickle.UnpicklingError,
    struct.error,
    zlib.error,
    MemoryError,
    # Unpickling garbage may try to import a module of any name, or read a huge length.
    ImportError,
    OverflowError,
    FileFormatError,
    whoosh_index.IndexError,
    DecodingError,
)


def resolve_index_dir(index_dir: str | Path | None = None) -> Path:
    """The index folder: the argument, else $PQSEARCH_INDEX, else `index/`."""
    if index_dir is not None and str(index_dir) != "":
        return Path(index_dir)
    env = os.environ.get(INDEX_ENV)
    return Path(env) if env else DEFAULT_INDEX_DIR


def live_data_dir(root: Path, *, tolerate_damage: bool = False) -> Path | None:
    """The data folder readers should open, or None when no index was ever committed.

    A `live` that is not a link, or points to a missing folder, is damage: it raises
    DamagedIndexError, or gives None with `tolerate_damage` (a rebuild replaces it).
    """
    link = root / LIVE
    try:
        target = os.readlink(link)
    except FileNotFoundError:
        return None
    except OSError as error:
        if tolerate_damage:
            return None
        raise DamagedIndexError(_damaged(root, f"{link} is not a link ({error})")) from error
    data = root / target
    if not data.is_dir():
        if tolerate_damage:
            return None
        raise DamagedIndexError(_damaged(root, f"its data folder {data} is missing"))
    return data


def new_data_dir(root: Path) -> Path:
    """A new, empty data folder in the (claimed) index folder, marked as the index's."""
    owner = ownership.index_id(root)
    if owner is None:
        owner = ownership.claim(root)
    data = root / f"data-{time.time_ns()}"
    data.mkdir(parents=True)
    ownership.mark_data_dir(data, owner)
    return data


def switch_live(root: Path, data: Path) -> Path | None:
    """Point `live` at `data` atomically; returns the folder it pointed to before."""
    link = root / LIVE
    previous = live_data_dir(root, tolerate_damage=True)
    if link.exists() and not link.is_symlink():
        # Damage (a folder or file where the link belongs; `ownership.claim` refuses a
        # folder it did not mark that has one). Not provably ours, so moved aside, not
        # deleted (issue 12): os.replace cannot overwrite a folder.
        os.rename(link, root / f"{LIVE}.moved-{time.time_ns()}")
    tmp = root / f".{LIVE}.{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.symlink(data.name, tmp)
    # The new folder and its entry in the index folder on disk before `live` names it;
    # the previous one is deleted only after this returns (issue 12, point 5).
    fsync_dir(data)
    fsync_dir(root)
    os.replace(tmp, link)
    fsync_dir(root)
    return previous


def remove_data_dir(root: Path, data: Path) -> bool:
    """Delete a data folder of the index at `root`, only if it is provably one pqsearch made
    there (`ownership.owns`): a `live` link to elsewhere never makes ingest delete there."""
    return ownership.remove_data_dir(root, data)


def remove_orphans(root: Path) -> list[Path]:
    """Data folders that no `live` link points to: left by an interrupted rebuild.

    Call it only under the write lock. The folder `live` names is kept even when damaged;
    only folders this index made are candidates.
    """
    try:
        live_name: str | None = Path(os.readlink(root / LIVE)).name
    except OSError:
        live_name = None
    orphans = [p for p in root.glob("data-*") if p.name != live_name and ownership.owns(root, p)]
    return [orphan for orphan in orphans if remove_data_dir(root, orphan)]


def _damaged(root: Path, what: str) -> str:
    return (
        f"The index at {root} is damaged: {what}. "
        f'Rebuild it with "pqsearch ingest --rebuild --index {root}" '
        "(it builds beside the old one and switches only when done)."
    )


@dataclass(frozen=True)
class LockHolder:
    pid: int | None
    started: str | None
    command: str | None


def _parse_holder(text: str) -> LockHolder:
    fields = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    pid = fields.get("pid", "")
    return LockHolder(
        int(pid) if pid.isdigit() else None, fields.get("started"), fields.get("command")
    )


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# Ingests of this process, one per index: a POSIX lock does not exclude its own process.
_LOCAL_LOCKS: dict[str, threading.Lock] = {}
_LOCAL_LOCKS_GUARD = threading.Lock()


def _local_lock(path: Path) -> threading.Lock:
    with _LOCAL_LOCKS_GUARD:
        return _LOCAL_LOCKS.setdefault(os.path.realpath(path), threading.Lock())


@contextlib.contextmanager
def write_lock(root: Path, *, timeout: float = 10.0) -> Iterator[LockHolder | None]:
    """Hold the index's write lock; yields the holder of a stale lock that was cleared, if any.

    The lock is a POSIX record lock (fcntl), which belongs to this process alone: the
    kernel releases it when the process dies, and a child process never inherits it (an
    flock did: a worker orphaned by a kill kept the index locked, issue 12). The file's
    text only says who held it, for messages; it is read through the locked descriptor,
    since closing any other descriptor of the file would release a POSIX lock.
    """
    path = root / LOCK_FILE
    deadline = time.monotonic() + timeout
    local = _local_lock(path)
    if not local.acquire(timeout=max(timeout, 0.0)):
        raise _locked_error(root, timeout, LockHolder(os.getpid(), None, "pqsearch ingest"))
    try:
        with writing(root):
            root.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            while True:
                try:
                    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as error:
                    if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                        raise
                    if time.monotonic() >= deadline:
                        raise _locked_error(root, timeout, _holder_of(fd)) from None
                    time.sleep(0.1)
            previous = _holder_of(fd)
            stale = previous if previous.pid and previous.pid != os.getpid() else None
            if stale is not None and stale.pid is not None and _pid_alive(stale.pid):
                # A live process with that pid no longer holds the lock: it is not an ingest.
                stale = None
            started = dt.datetime.now().isoformat(timespec="seconds")
            os.ftruncate(fd, 0)
            os.pwrite(
                fd, f"pid={os.getpid()}\nstarted={started}\ncommand=pqsearch ingest\n".encode(), 0
            )
            try:
                yield stale
            finally:
                os.ftruncate(fd, 0)
                fcntl.lockf(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
    finally:
        local.release()


@contextlib.contextmanager
def writing(root: Path) -> Iterator[None]:
    """Turn "this folder cannot be written" into ReadOnlyIndexError, which says that
    searching still works."""
    try:
        yield
    except OSError as error:
        if error.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise
        raise ReadOnlyIndexError(
            f"The index at {root} cannot be written ({error.strerror}): ingest needs a folder "
            "it can write. Searching it works as it is; to build or update an index, pass "
            "--index with a folder of yours."
        ) from error


def _locked_error(root: Path, timeout: float, holder: LockHolder) -> IndexLockedError:
    who = f"process {holder.pid}" if holder.pid else "another process"
    since = f", started {holder.started}" if holder.started else ""
    return IndexLockedError(
        f"Another ingest ({who}{since}) is writing to {root}; waited "
        f"{timeout:g} s. Let it finish and run this again, or pass --wait "
        "SECONDS to wait longer."
    )


def _holder_of(fd: int) -> LockHolder:
    try:
        text = os.pread(fd, 4096, 0).decode("utf-8", errors="replace")
    except OSError:
        return LockHolder(None, None, None)
    return _parse_holder(text)


def open_whoosh(root: Path, data: Path, *, check_files: bool = True) -> Any:
    """Open the Whoosh index in `data`, turning any read failure into DamagedIndexError;
    with `check_files`, its segment files are checked against what their commit wrote."""
    try:
        # Checked before anything unpickles it (`exists_in` does): garbage unpickled may
        # raise anything, or import a module.
        _check_table_of_contents(root, data)
        if not whoosh_index.exists_in(str(data), indexname=WHOOSH_INDEX_NAME):
            raise DamagedIndexError(_damaged(root, f"{data} holds no Whoosh table of contents"))
        ix = DurableStorage(str(data)).open_index(WHOOSH_INDEX_NAME)
        if check_files:
            _check_files(root, data, int(ix.latest_generation()))
        return ix
    except DamagedIndexError:
        raise
    except Exception as error:
        if not is_damage(error):
            raise
        raise DamagedIndexError(_damaged(root, _describe(error))) from error


def open_live(
    root: Path, *, attempts: int = 5, verified: set[tuple[str, int]] | None = None
) -> tuple[Path, Any, Any]:
    """The live data folder, its Whoosh index and a searcher on it, opened consistently.

    A commit deletes the table of contents and segments it replaces, and a rebuild deletes
    the whole previous data folder, so a reader that starts opening one generation may find
    its files gone: it opens again, on the new one. A file missing for any other reason is
    damage.
    """
    for _ in range(attempts - 1):
        before = _generation(root)
        try:
            return _open_live_once(root, verified)
        except DamagedIndexError as error:
            if not isinstance(error.__cause__, FileNotFoundError) or _generation(root) == before:
                raise
    return _open_live_once(root, verified)


def live_generation(root: Path) -> tuple[str, int] | None:
    """What readers should see now: the live data folder's name and its newest commit
    (None when it cannot be told). One readlink and one listdir (65 µs measured): an open
    `Index` asks before every search whether another process committed."""
    try:
        target = os.readlink(root / LIVE)
    except OSError:
        return None
    latest = live_generation_in(root / target)
    return None if latest is None else (Path(target).name, latest)


def live_generation_in(data: Path) -> int | None:
    """The newest commit in a data folder (its newest table of contents), or None."""
    try:
        names = os.listdir(data)
    except OSError:
        return None
    prefix, suffix = f"_{WHOOSH_INDEX_NAME}_", ".toc"
    generations = [
        int(name[len(prefix) : -len(suffix)])
        for name in names
        if name.startswith(prefix)
        and name.endswith(suffix)
        and name[len(prefix) : -len(suffix)].isdigit()
    ]
    return max(generations) if generations else None


def _generation(root: Path) -> tuple[str, frozenset[str]]:
    """What a commit or a rebuild changes: the live folder, and its tables of contents."""
    try:
        target = os.readlink(root / LIVE)
        return target, frozenset(p.name for p in (root / target).glob("*.toc"))
    except OSError:
        return "", frozenset()


def _open_live_once(root: Path, verified: set[tuple[str, int]] | None) -> tuple[Path, Any, Any]:
    data = require_live(root)
    ix = open_whoosh(root, data, check_files=False)
    try:
        searcher = ix.searcher()
    except Exception as error:
        if not is_damage(error):
            raise
        raise damaged(root, error) from error
    try:
        failed = _hold_files(searcher)
        # Checked once held: a file that a newer commit deletes from now on stays readable,
        # and one deleted before is reported as missing (FileNotFoundError, so `open_live`
        # opens the newer generation).
        reader = searcher.reader()
        # Every byte is read for the check: readers of one generation sharing `verified`
        # pay it once (the views of an open Index).
        seen = (data.name, int(reader.generation()) if reader.doc_count_all() else -1)
        if reader.doc_count_all() and (verified is None or seen not in verified):
            _check_files(root, data, seen[1])
        if failed is not None:
            raise damaged(root, failed) from failed
        if verified is not None:
            verified.add(seen)
    except DamagedIndexError:
        searcher.close()
        raise
    except Exception as error:
        searcher.close()
        if not is_damage(error):
            raise
        raise damaged(root, error) from error
    return data, ix, searcher


def _check_table_of_contents(root: Path, data: Path) -> None:
    latest = live_generation_in(data)
    if latest is not None:
        problem = check_file(data, latest, f"_{WHOOSH_INDEX_NAME}_{latest}.toc")
        if problem is not None:
            raise DamagedIndexError(_damaged(root, problem))


def _check_files(root: Path, data: Path, generation: int) -> None:
    problem = check_manifest(data, generation)
    if problem is not None:
        raise DamagedIndexError(_damaged(root, problem))


def _hold_files(searcher: Any) -> BaseException | None:
    """Open the segment files Whoosh would open only on first use (stored records, field
    lengths), so that a commit deleting them cannot pull them from under this reader.
    Returns what failed instead of raising, for the caller to tell damage from a race."""
    try:
        for leaf, _ in searcher.reader().leaf_readers():
            if leaf.doc_count_all():
                leaf.stored_fields(0)
                for field in SCORED_FIELDS:
                    leaf.doc_field_length(0, field)
    except Exception as error:
        if not is_damage(error):
            raise
        return error
    return None


# In a `verified` set, the lexicon of a data folder (generations count from 0).
_LEXICON = -2


def open_lexicon(
    root: Path, data: Path, *, writable: bool = False, verified: set[tuple[str, int]] | None = None
) -> Lexicon:
    """The lexicon of the index in `data`; DamagedIndexError when it is missing or unreadable.

    Writable, a missing one is created: only a fresh index may start without one.
    """
    path = data / LEXICON_FILE
    if not writable and not path.is_file():
        raise DamagedIndexError(_damaged(root, f"its lexicon {path} is missing"))
    if writable:
        drop_lexicon_sum(data)
    elif verified is None or (data.name, _LEXICON) not in verified:
        problem = check_lexicon(data, path)
        if problem is not None:
            raise DamagedIndexError(_damaged(root, problem))
        if verified is not None:
            verified.add((data.name, _LEXICON))
    try:
        lexicon = Lexicon.open(path, writable=writable)
    except DamagedIndexError as error:
        cause = error.__cause__ or error
        raise DamagedIndexError(
            _damaged(root, f"its lexicon {path} cannot be read ({cause})")
        ) from error
    # A fresh lexicon has no version yet; the ingest that created it records the current one.
    version = lexicon.get_meta("schema_version")
    if version is not None and version != SCHEMA_VERSION:
        lexicon.close()
        raise OutdatedIndexError(root, version, SCHEMA_VERSION)
    return lexicon


# What Whoosh's decoders raise on bytes that are not what they wrote (it keeps no checksums):
# met inside its codec or file modules, they mean a damaged file, not a bug of ours.
_DECODING_ERRORS = (
    *READ_ERRORS,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    TermNotFound,
    OverflowError,
    UnicodeDecodeError,
    AssertionError,
)
_DECODING_MODULES = tuple(
    os.sep + os.path.join("whoosh", part)
    for part in (f"codec{os.sep}", f"filedb{os.sep}", f"util{os.sep}", "columns.py", "idsets.py")
)


def as_damage(root: Path, error: BaseException) -> DamagedIndexError | None:
    """The DamagedIndexError that `error`, met while searching, stands for; None for a bug."""
    if isinstance(error, DamagedIndexError):
        return error
    return damaged(root, error) if _raised_decoding(error) else None


def is_damage(error: BaseException) -> bool:
    """Whether `error`, met reading the index, means damaged files rather than a bug of ours:
    an I/O or decoding error, or any error Whoosh's file and codec code raises on bytes that
    are not what it wrote."""
    return isinstance(error, READ_ERRORS) or _raised_decoding(error)


def _raised_decoding(error: BaseException) -> bool:
    frame = error.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    inside = frame is not None and any(
        part in frame.tb_frame.f_code.co_filename for part in _DECODING_MODULES
    )
    # Whoosh raises a bare Exception for a block whose tag is wrong.
    decoding = isinstance(error, _DECODING_ERRORS) or type(error) is Exception
    return inside and decoding


def damage(root: Path, what: str) -> DamagedIndexError:
    """A DamagedIndexError saying what is wrong with the index at `root` and how to fix it."""
    return DamagedIndexError(_damaged(root, what))


def _describe(error: BaseException) -> str:
    if isinstance(error, FileNotFoundError):
        return f"the file {error.filename} is missing"
    if isinstance(error, whoosh_index.IndexError | FileFormatError):
        return f"Whoosh cannot read it ({error})"
    if isinstance(error, OSError):
        return f"a file cannot be read ({error})"
    return f"a file is truncated or garbage ({type(error).__name__}: {error})"


def damaged(root: Path, error: BaseException) -> DamagedIndexError:
    """A DamagedIndexError for a low-level read failure met while using the index."""
    return DamagedIndexError(_damaged(root, _describe(error)))


def require_live(root: Path) -> Path:
    """The live data folder, or NoIndexError saying how to build one."""
    if not root.exists():
        raise NoIndexError(root)
    data = live_data_dir(root)
    if data is None:
        foreign = ownership.foreign_entries(root) if root.is_dir() else []
        if foreign and ownership.index_id(root) is None:
            # Not "ingest --index /": ingest would refuse a folder holding other things.
            raise NoIndexError(root, build_in=root / "pqsearch-index")
        raise NoIndexError(root)
    return data
