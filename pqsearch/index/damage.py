"""Telling damaged index files from bugs of ours, and the error that names the fix.

Every way an index's files can be damaged (missing, truncated, garbage, a broken `live` link)
becomes a DamagedIndexError that says to run `pqsearch ingest --rebuild`. Only I/O and
decoding errors count: those of `READ_ERRORS` anywhere, and the wider `_DECODING_ERRORS` only
when Whoosh's own file, codec or column code raised them (it keeps no checksums, so garbage
bytes surface there as any exception). An AttributeError, TypeError or KeyError raised in our
code is a bug and keeps its traceback.
"""

from __future__ import annotations

import os
import pickle
import struct
import zlib
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.filedb.filetables import FileFormatError
from whoosh.reading import TermNotFound

from pqsearch.errors import DamagedIndexError
from pqsearch.index.whoosh_format import DecodingError

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
    return read_failure(root, error) if _raised_decoding(error) else None


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


def damaged_index(root: Path, what: str) -> DamagedIndexError:
    """A DamagedIndexError saying what is wrong with the index at `root` and how to fix it."""
    return DamagedIndexError(damage_message(root, what))


def _describe(error: BaseException) -> str:
    if isinstance(error, FileNotFoundError):
        return f"the file {error.filename} is missing"
    if isinstance(error, whoosh_index.IndexError | FileFormatError):
        return f"Whoosh cannot read it ({error})"
    if isinstance(error, OSError):
        return f"a file cannot be read ({error})"
    return f"a file is truncated or garbage ({type(error).__name__}: {error})"


def read_failure(root: Path, error: BaseException) -> DamagedIndexError:
    """A DamagedIndexError for a low-level read failure met while using the index."""
    return DamagedIndexError(damage_message(root, _describe(error)))


def damage_message(root: Path, what: str) -> str:
    """The text of a DamagedIndexError: what is wrong with the index at `root`, and the fix."""
    return (
        f"The index at {root} is damaged: {what}. "
        f'Rebuild it with "pqsearch ingest --rebuild --index {root}" '
        "(it builds beside the old one and switches only when done)."
    )
