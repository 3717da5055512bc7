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
from functools import cache
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.filedb.filetables import FileFormatError
from whoosh.reading import TermNotFound

from pqsearch.errors import DamagedIndexError, IndexProblemError
from pqsearch.index.whoosh_format import DecodingError

# Errors that mean the files, wherever they are raised: I/O, and the errors Whoosh's file code
# and our decoder (`whoosh_format`) raise on purpose for bytes that are not what was written.
IO_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    EOFError,
    FileFormatError,
    whoosh_index.IndexError,
    DecodingError,
)
# What reading truncated, missing or garbage files raises. Beyond `IO_ERRORS` these are damage
# only when raised while Whoosh reads (`is_damage`): our own code raising an ImportError or an
# OverflowError has a bug, which keeps its traceback.
READ_ERRORS: tuple[type[BaseException], ...] = (
    *IO_ERRORS,
    pickle.UnpicklingError,
    struct.error,
    zlib.error,
    MemoryError,
    # Unpickling garbage may try to import a module of any name, or read a huge length.
    ImportError,
    OverflowError,
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
    UnicodeDecodeError,
    AssertionError,
)
_DECODING_MODULES = (
    *(
        os.sep + os.path.join("whoosh", part)
        for part in (
            f"codec{os.sep}",
            f"filedb{os.sep}",
            f"util{os.sep}",
            "columns.py",
            "idsets.py",
            "formats.py",
            "index.py",
        )
    ),
    # Our term dictionary's blocks, read lazily as Whoosh's own files are (review 15, V1).
    os.sep + os.path.join("pqsearch", "index", "term_blocks.py"),
)


@cache
def _library_folders() -> tuple[str, str]:
    """The standard library's folder and site-packages: pickle or struct called by Whoosh
    raise from the first (and an unpickled module name from importlib's frozen frames), on
    Whoosh's behalf. Asked for when an error is met, not at import (2 ms of a cold search)."""
    import sysconfig

    paths = sysconfig.get_paths()
    return paths["stdlib"] + os.sep, paths["purelib"] + os.sep


def as_damage(root: Path, error: BaseException) -> IndexProblemError | None:
    """The DamagedIndexError (or ResourceLimitError) that `error`, met while searching,
    stands for; None for a bug."""
    if isinstance(error, DamagedIndexError):
        return error
    return read_failure(root, error) if _raised_decoding(error) else None


def is_damage(error: BaseException) -> bool:
    """Whether `error`, met reading the index, means damaged files rather than a bug of ours:
    an I/O error (`IO_ERRORS`) wherever it is raised, or a decoding error that Whoosh's file
    and codec code raised on bytes that are not what it wrote."""
    return isinstance(error, IO_ERRORS) or _raised_decoding(error)


def _raised_decoding(error: BaseException) -> bool:
    # Whoosh raises a bare Exception for a block whose tag is wrong.
    if not isinstance(error, _DECODING_ERRORS) and type(error) is not Exception:
        return False
    raiser = _raising_file(error)
    return raiser is not None and any(part in raiser for part in _DECODING_MODULES)


def _raising_file(error: BaseException) -> str | None:
    """The file of the innermost frame that raised `error`, passing over the standard
    library's frames (pickle, struct or importlib working for their caller)."""
    frames = []
    trace = error.__traceback__
    while trace is not None:
        frames.append(trace.tb_frame.f_code.co_filename)
        trace = trace.tb_next
    stdlib, site_packages = _library_folders()
    for name in reversed(frames):
        library = name.startswith("<frozen ") or (
            name.startswith(stdlib) and not name.startswith(site_packages)
        )
        if not library:
            return name
    return None


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


def read_failure(root: Path, error: BaseException) -> IndexProblemError:
    """A DamagedIndexError for a low-level read failure met while using the index, unless
    the system refused a file handle or memory (`resources.exhausted`): nothing is damaged."""
    from pqsearch.resources import exhausted  # on this failure alone (see `Lexicon._damaged`)

    return exhausted(error) or DamagedIndexError(damage_message(root, _describe(error)))


def damage_message(root: Path, what: str) -> str:
    """The text of a DamagedIndexError: what is wrong with the index at `root`, and the fix."""
    return (
        f"The index at {root} is damaged: {what}. "
        f'Rebuild it with "pqsearch ingest --rebuild --index {root}" '
        "(it builds beside the old one and switches only when done)."
    )
