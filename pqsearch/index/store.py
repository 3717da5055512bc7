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
import shutil
import struct
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
from pqsearch.errors import DamagedIndexError, IndexLockedError, NoIndexError
from pqsearch.index.manifest import check_manifest
from pqsearch.index.schema import SCORED_FIELDS
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
    data = root / f"data-{time.time_ns()}"
    data.mkdir(parents=True)
    return data


def switch_live(root: Path, data: Path) -> Path | None:
    """Point `live` at `data` atomically; returns the folder it pointed to before."""
    link = root / LIVE
    previous = live_data_dir(root, tolerate_damage=True)
    if link.exists() and not link.is_symlink():
        # Damage (a folder or file where the link belongs): os.replace cannot overwrite a
        # folder, and nothing in it is ours to keep.
        if link.is_dir():
            remove_data_dir(link)
        else:
            link.unlink()
    tmp = root / f".{LIVE}.{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.symlink(data.name, tmp)
    os.replace(tmp, link)
    _fsync_dir(root)
    return previous


def remove_data_dir(data: Path) -> None:
    shutil.rmtree(data, ignore_errors=True)


def remove_orphans(root: Path) -> list[Path]:
    """Data folders that no `live` link points to: left by an interrupted rebuild.

    Call it only under the write lock. The folder `live` names is kept even when damaged.
    """
    try:
        live_name: str | None = Path(os.readlink(root / LIVE)).name
    except OSError:
        live_name = None
    orphans = [p for p in root.glob("data-*") if p.is_dir() and p.name != live_name]
    for orphan in orphans:
        remove_data_dir(orphan)
    return orphans


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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


def _read_holder(path: Path) -> LockHolder:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return LockHolder(None, None, None)
    fields = dict(line.split("=", 1) for line in lines if "=" in line)
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


@contextlib.contextmanager
def write_lock(root: Path, *, timeout: float = 10.0) -> Iterator[LockHolder | None]:
    """Hold the index's write lock; yields the holder of a stale lock that was cleared, if any.

    The lock is an flock, which the kernel releases when its process dies, so a killed ingest
    never blocks the next one; the file's text only says who held it, for messages.
    """
    root.mkdir(parents=True, exist_ok=True)
    path = root / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise
                if time.monotonic() >= deadline:
                    holder = _read_holder(path)
                    who = f"process {holder.pid}" if holder.pid else "another process"
                    since = f", started {holder.started}" if holder.started else ""
                    raise IndexLockedError(
                        f"Another ingest ({who}{since}) is writing to {root}; waited "
                        f"{timeout:g} s. Let it finish and run this again, or pass --wait "
                        "SECONDS to wait longer."
                    ) from None
                time.sleep(0.1)
        previous = _read_holder(path)
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
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def open_whoosh(root: Path, data: Path, *, check_files: bool = True) -> Any:
    """Open the Whoosh index in `data`, turning any read failure into DamagedIndexError;
    with `check_files`, its segment files are checked against what their commit wrote."""
    try:
        if not whoosh_index.exists_in(str(data), indexname=WHOOSH_INDEX_NAME):
            raise DamagedIndexError(_damaged(root, f"{data} holds no Whoosh table of contents"))
        ix = whoosh_index.open_dir(str(data), indexname=WHOOSH_INDEX_NAME)
        if check_files:
            _check_files(root, data, int(ix.latest_generation()))
        return ix
    except DamagedIndexError:
        raise
    except Exception as error:
        if not is_damage(error):
            raise
        raise DamagedIndexError(_damaged(root, _describe(error))) from error


def open_live(root: Path, *, attempts: int = 5) -> tuple[Path, Any, Any]:
    """The live data folder, its Whoosh index and a searcher on it, opened consistently.

    A commit deletes the table of contents and segments it replaces, and a rebuild deletes
    the whole previous data folder, so a reader that starts opening one generation may find
    its files gone: it opens again, on the new one. A file missing for any other reason is
    damage.
    """
    for _ in range(attempts - 1):
        before = _generation(root)
        try:
            return _open_live_once(root)
        except DamagedIndexError as error:
            if not isinstance(error.__cause__, FileNotFoundError) or _generation(root) == before:
                raise
    return _open_live_once(root)


def live_generation(root: Path) -> tuple[str, int] | None:
    """What readers should see now: the live data folder's name and its newest commit
    (None when it cannot be told). One readlink and one listdir, about 20 µs: an open
    `Index` asks before every search whether another process committed."""
    try:
        target = os.readlink(root / LIVE)
        names = os.listdir(root / target)
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
    return (Path(target).name, max(generations)) if generations else None


def _generation(root: Path) -> tuple[str, frozenset[str]]:
    """What a commit or a rebuild changes: the live folder, and its tables of contents."""
    try:
        target = os.readlink(root / LIVE)
        return target, frozenset(p.name for p in (root / target).glob("*.toc"))
    except OSError:
        return "", frozenset()


def _open_live_once(root: Path) -> tuple[Path, Any, Any]:
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
        if reader.doc_count_all():
            _check_files(root, data, int(reader.generation()))
        if failed is not None:
            raise damaged(root, failed) from failed
    except DamagedIndexError:
        searcher.close()
        raise
    except Exception as error:
        searcher.close()
        if not is_damage(error):
            raise
        raise damaged(root, error) from error
    return data, ix, searcher


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


def open_lexicon(root: Path, data: Path, *, writable: bool = False) -> Lexicon:
    """The lexicon of the index in `data`; DamagedIndexError when it is missing or unreadable.

    Writable, a missing one is created: only a fresh index may start without one.
    """
    path = data / LEXICON_FILE
    if not writable and not path.is_file():
        raise DamagedIndexError(_damaged(root, f"its lexicon {path} is missing"))
    try:
        return Lexicon.open(path, writable=writable)
    except DamagedIndexError as error:
        cause = error.__cause__ or error
        raise DamagedIndexError(
            _damaged(root, f"its lexicon {path} cannot be read ({cause})")
        ) from error


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
        raise NoIndexError(root)
    return data
