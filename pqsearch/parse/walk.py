"""Which files under some paths are documents: the one folder walker of pqsearch.

`parse` and `ingest` both walk folders through `iter_files`, so they read the same files.
Folders are walked recursively in name order. A document is a file ending in
.html/.htm/.txt/.jsonl. Files that are plainly not documents (notes, checksums, licences,
hidden files such as .DS_Store, files with another ending) and hidden folders (.git) are
listed as skipped, not failed: they sit beside documents as a matter of course. A file named
directly that is plainly not a document by its name is skipped too; one with another ending
is a failure, since it was asked for. Missing paths, unreadable folders, folder link loops,
a folder that goes away during the walk and a link whose target is missing (a disk or share
not mounted) are failures, naming the path: `--prune` keeps the documents under a failed path,
which a skipped one would lose (audit of session 12, P6). A folder
that is a pqsearch index or one of its data folders (it holds the marker pqsearch writes) is
one skipped line and is never entered: an index kept inside the corpus folder would otherwise
list each of its files as skipped, twice through its `live` link. A file or folder whose name
is not valid UTF-8 (unzipped from a Windows or Latin-1 archive) is one failure, its name shown
with the odd bytes escaped (`r\\xe9ponse.html`): a document's file name is stored and shown as
text, and such a name aborted the whole run (audit of session 14, D2).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from pqsearch.models import FileFailure, SkippedFile
from pqsearch.parse.markers import DATA_MARKER, INDEX_MARKER
from pqsearch.parse.names import is_utf8, shown_name

# The endings of documents, in the order a run reads them: a page is the source of truth,
# its text rendering next, a third party's records last (see `index.ingest`).
DOCUMENT_SUFFIXES = (".html", ".htm", ".txt", ".jsonl")
SUFFIX_ORDER = {".html": 0, ".htm": 0, ".txt": 1, ".jsonl": 2}
INDEX_FOLDER = f"a pqsearch index (it holds {INDEX_MARKER}), not documents: not read"
DATA_FOLDER = f"a pqsearch index's data folder (it holds {DATA_MARKER}), not documents: not read"
# Names of the notes that travel with documents, whatever their ending ("sha256sums.txt",
# "README.txt", "SOURCE.md", "LICENSE", "MD5SUMS", "files.sha256").
_NOTE_NAMES = re.compile(
    r"^(?:read[ _-]?me|licen[cs]e|copying|notice|authors|changelog|changes|source|sources"
    r"|(?:sha\d*|md5|b2|crc)?(?:sums?|checksums?)|(?:sha\d+|md5)sums?)(?:\.[\w.-]+)?$"
    r"|\.(?:sha\d+|md5|sig|asc|sfv)$",
    re.IGNORECASE,
)
# A checksum list: every line "<hex digest>  <name>" (the output of sha256sum and its kin).
_CHECKSUM_LINE = re.compile(rb"^[0-9a-fA-F]{32,128}[ \t]+\*?\S.*$")


def is_document_name(name: str) -> bool:
    return name.lower().endswith(DOCUMENT_SUFFIXES)


# A file or folder named to an ingest that does not exist.
MISSING = "no such file or folder"
NOT_A_DOCUMENT = "not a document: pqsearch reads " + ", ".join(DOCUMENT_SUFFIXES) + " files"


def note_reason(name: str) -> str | None:
    """Why a file of this name is plainly a note (or hidden), or None."""
    if name.startswith("."):
        return "a hidden file, not a document"
    # Only plain-text endings can be notes: "source.html" or "sources.jsonl" are documents.
    if not name.lower().endswith((".html", ".htm", ".jsonl")) and _NOTE_NAMES.search(name):
        return "a note beside the documents (checksums, read-me, licence), not a document"
    return None


def is_checksum_list(data: bytes) -> bool:
    """True when `data` is a list of checksums (every non-blank line a digest and a name)."""
    first = data.lstrip()[:300].split(b"\n", 1)[0].strip()
    if not _CHECKSUM_LINE.match(first):
        return False  # decided on the first line: a 20 MB page is not split into lines
    lines = [line for line in data.splitlines() if line.strip()]
    return all(_CHECKSUM_LINE.match(line) for line in lines)


NOT_UTF8 = (
    "its name is not valid UTF-8 (bytes of another encoding, as from a Windows archive): "
    "rename it in UTF-8 (convmv -f latin1 -t utf8 does a whole folder) and ingest again"
)


def iter_files(paths: Iterable[Path | str]) -> Iterator[Path | FileFailure | SkippedFile]:
    """The document files under `paths` in walk order, with what was skipped or failed."""
    for path in paths:
        path = Path(path)
        if not is_utf8(str(path)):
            yield FileFailure(shown_name(str(path)), NOT_UTF8)
            continue
        try:
            is_folder = path.is_dir()
        except OSError as error:  # a folder on the way that cannot be read
            yield FileFailure(str(path), f"cannot be read: {error.strerror or error}")
            continue
        if is_folder:
            yield from _walk(path, ancestors=frozenset())
        elif (missing := _missing_target(path)) is not None:
            yield FileFailure(str(path), missing)
        elif not path.exists():
            # A missing "notes.html" too: named, it is missing, not a file that failed to read
            # (s20: "cannot read the file: No such file or directory", at the end only).
            yield FileFailure(str(path), MISSING)
        elif (note := note_reason(path.name)) is not None:
            yield SkippedFile(str(path), note)
        elif not is_document_name(path.name):
            yield FileFailure(str(path), NOT_A_DOCUMENT)
        else:
            yield path


def document_files(
    paths: Iterable[Path],
) -> tuple[list[Path], list[FileFailure], list[SkippedFile]]:
    """Every document file under `paths`, pages before text renderings before records, with
    the failures and the skipped files of the walk: the files an ingest reads, in its order.

    That order makes the first version of a question met in a run the page, when the newer
    content does not decide (see `parse.versions`).
    """
    found: list[Path] = []
    failures: list[FileFailure] = []
    skipped: list[SkippedFile] = []
    for item in iter_files(paths):
        if isinstance(item, FileFailure):
            failures.append(item)
        elif isinstance(item, SkippedFile):
            skipped.append(item)
        else:
            found.append(absolute_path(item))
    found.sort(key=lambda p: (SUFFIX_ORDER.get(p.suffix.lower(), 3), str(p)))
    return found, failures, skipped


def absolute_path(path: Path) -> Path:
    """`path` absolute and without `..`, naming the same file: the name a document's file is
    indexed under, the same whatever folder ingest runs from. The folders up to the last
    `..` are resolved (through a link, `link/..` is the link target's parent, not the
    link's); the rest keeps the spelling given, links included, so the name stays readable.
    `index.holders.Files` compares files by what they are, whatever the spelling."""
    path = path.absolute()
    parts = path.parts
    if ".." not in parts:
        return path
    last = len(parts) - parts[::-1].index("..")
    return Path(os.path.realpath(Path(*parts[:last]))).joinpath(*parts[last:])


def _walk(
    folder: Path, *, ancestors: frozenset[tuple[int, int]]
) -> Iterator[Path | FileFailure | SkippedFile]:
    try:
        status = folder.stat()
        identity = (status.st_dev, status.st_ino)
        if identity in ancestors:
            yield FileFailure(str(folder), "symlink loop: this folder contains itself")
            return
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except FileNotFoundError:
        yield FileFailure(str(folder), "the folder went away during the walk (moved or deleted)")
        return
    except OSError as error:
        yield FileFailure(str(folder), f"cannot read the folder: {error.strerror or error}")
        return
    names = {entry.name for entry in entries}
    if INDEX_MARKER in names or DATA_MARKER in names:
        yield SkippedFile(str(folder), INDEX_FOLDER if INDEX_MARKER in names else DATA_FOLDER)
        return
    inside = ancestors | {identity}
    for entry in entries:
        path = folder / entry.name
        if not is_utf8(entry.name):
            yield _odd_name(entry, path)
            continue
        try:
            is_folder = entry.is_dir()
        except OSError as error:
            yield FileFailure(str(path), f"cannot read: {error.strerror or error}")
            continue
        if is_folder and entry.name.startswith("."):
            yield SkippedFile(str(path), "a hidden folder, not read")
        elif is_folder:
            yield from _walk(path, ancestors=inside)
        elif (note := note_reason(entry.name)) is not None:
            yield SkippedFile(str(path), note)  # an editor's lock link (.#name) dangles too
        elif (
            entry.is_symlink()
            and _may_be_documents(entry.name)
            and (missing := _missing_target(path)) is not None
        ):
            yield FileFailure(str(path), missing)
        elif not is_document_name(entry.name):
            yield SkippedFile(str(path), NOT_A_DOCUMENT)
        else:
            yield path


def _odd_name(entry: os.DirEntry[str], path: Path) -> FileFailure | SkippedFile:
    """A folder or document whose name is not UTF-8 fails; another file is skipped as usual."""
    shown = shown_name(str(path))
    try:
        is_folder = entry.is_dir()
    except OSError:
        is_folder = False
    if is_folder or is_document_name(entry.name) or entry.is_symlink():
        return FileFailure(shown, NOT_UTF8)
    return SkippedFile(shown, note_reason(entry.name) or NOT_A_DOCUMENT)


def _may_be_documents(name: str) -> bool:
    """Whether a link named `name` may lead to documents: one to a folder (no file ending, or
    not one of letters: `docs.2023`) or to a document. A stale shortcut to `scan.pdf` is not a
    document, whether its target is there or not (review of session 12)."""
    ending = Path(name).suffix[1:]
    return is_document_name(name) or not (ending.isalpha() and len(ending) <= 5)


def _missing_target(path: Path) -> str | None:
    """Why `path`, a link whose target is missing or that cannot be followed, cannot be read;
    None for anything else (a missing plain path is said by the caller or the reader).

    Its target may be a folder of documents on a disk or share that is not mounted now: not
    knowing what it holds, the walk cannot call it "not a document".
    """
    try:
        os.stat(path)
        return None
    except FileNotFoundError:
        pass
    except OSError as error:  # a link loop, an I/O error on the way
        return f"cannot be read: {error.strerror or error}"
    try:
        target = os.readlink(path)
    except OSError:
        return None
    return (
        f"a symbolic link to {target}, which is missing: mount the disk or share it points to, "
        "or mend the link"
    )
