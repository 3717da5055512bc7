"""Which folders are pqsearch's to write in and to delete: never a user's.

With `--index` pointing at a folder of the user's, ingest used to delete a `data-old/` in it
(orphan clean-up), a `live/` folder (the rebuild its error message recommended), the target
of a `live` link to an absolute path, and with `live -> ..` the index's parent folder
(issue 12). Now:

- an index folder carries a marker of its own, `.pqsearch-index`, holding a random id;
  ingest writes into a folder only if it carries the marker, is new or empty, or is an
  index made before markers existed (every entry a name pqsearch makes, `live` a link);
- each data folder carries `.pqsearch-data` with the same id, written when it is made;
- a data folder is deleted only when it is a real folder directly inside the index folder,
  named as pqsearch names them, and carries the index's id: a link is never followed out.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from pathlib import Path

from pqsearch import temporary
from pqsearch.errors import NotAnIndexFolderError
from pqsearch.index.durable import fsync_file, write_atomic
from pqsearch.parse.markers import DATA_MARKER, INDEX_MARKER

MARKER = INDEX_MARKER
# Every name pqsearch creates in an index folder, besides its temporary files (`temporary`);
# the `.<pid>.tmp` ones are what versions before session 10 left when killed while writing.
_OUR_NAMES = re.compile(
    r"^(ingest\.lock|live|\.live\.\d+|data-\d+|\.pqsearch-index(\.\d+\.tmp)?"
    r"|watches(\.\d+\.tmp|\.json(\.\d+\.tmp)?|\.lock|\.run\.lock))$"
)
_DATA_NAME = re.compile(r"^data-\d+$")
# An index's id, as `claim` makes it (uuid4().hex): a flipped byte rarely still matches.
_ID = re.compile(r"^[0-9a-f]{32}$")
# Files that keep an empty folder in version control (the repository's own `index/` holds a
# `.gitkeep`): a folder holding only these counts as empty. pqsearch never deletes them.
_PLACEHOLDERS = frozenset({".gitkeep", ".keep", ".gitignore"})


def claim(root: Path) -> str:
    """The id of the index folder `root`, marking it first if it is new or empty (or an
    index from before markers); NotAnIndexFolderError for any other folder."""
    found = index_id(root)
    if found is not None:
        return found
    if os.path.lexists(root / MARKER):
        # Damaged: not proof the folder is ours, nor that it is not (audit 9, finding 8).
        raise NotAnIndexFolderError(_damaged_marker(root))
    if root.exists() or root.is_symlink():
        if not root.is_dir():
            raise NotAnIndexFolderError(
                f"{root} is not a folder. Pass --index with a folder for the index "
                "(a new one is made)."
            )
        foreign = foreign_entries(root)
        live = root / "live"
        if foreign or (live.exists() and not live.is_symlink()):
            shown = ", ".join(foreign[:5] or ["live (a folder, not pqsearch's link)"])
            raise NotAnIndexFolderError(
                f"{root} is not a pqsearch index folder (it has no {MARKER} and holds {shown}"
                f"{', …' if len(foreign) > 5 else ''}), and pqsearch writes only into a "
                "folder of its own. Pass --index with a new or empty folder, e.g. "
                f"--index {root / 'pqsearch-index'}."
            )
    root.mkdir(parents=True, exist_ok=True)
    new_id = uuid.uuid4().hex
    fd, tmp = temporary.create(root / MARKER)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(f"pqsearch index {new_id}\n".encode())
        fsync_file(tmp)
        # A link fails when the marker exists: of two ingests marking at once, one wins.
        os.link(tmp, root / MARKER)
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)
    claimed = index_id(root)
    if claimed is None:
        # Another process wrote a marker meanwhile, and not a valid one.
        raise NotAnIndexFolderError(_damaged_marker(root))
    # Data folders of an index from before markers: its own, by the test above.
    for child in root.iterdir():
        if _DATA_NAME.match(child.name) and child.is_dir() and not child.is_symlink():
            mark_data_dir(child, claimed)
    return claimed


def foreign_entries(root: Path) -> list[str]:
    """The names in `root` that pqsearch never makes in an index folder."""
    try:
        return sorted(
            p.name
            for p in root.iterdir()
            if not _OUR_NAMES.match(p.name)
            and not temporary.is_ours(p.name)
            and p.name not in _PLACEHOLDERS
        )
    except OSError:
        return []


def index_id(root: Path) -> str | None:
    """The id in the index folder's marker, or None when it has none."""
    try:
        text = (root / MARKER).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    parts = text.split()
    valid = len(parts) == 3 and parts[:2] == ["pqsearch", "index"] and _ID.match(parts[2])
    return parts[2] if valid else None


def _damaged_marker(root: Path) -> str:
    """Why pqsearch will not write into a folder whose marker is damaged, and the fixes."""
    marker = root / MARKER
    ids = {_data_id(child) for child in root.glob("data-*") if _DATA_NAME.match(child.name)}
    ids.discard(None)
    restore = (
        f"printf 'pqsearch index {ids.pop()}\\n' > {marker} (the id its data folders carry)"
        if len(ids) == 1
        else f'write "pqsearch index <id>" into it, with the id in its data folders\' {DATA_MARKER}'
    )
    return (
        f"The marker {marker} of the index folder {root} is damaged (it should be one line, "
        '"pqsearch index <id>"), so pqsearch cannot tell the folder is its own and will '
        "neither write nor delete anything in it; searching it still works. Restore the "
        f"marker: {restore}; or build the index into a new folder with "
        f'"pqsearch ingest corpus/ --index <new folder>".'
    )


def _data_id(data: Path) -> str | None:
    try:
        parts = (data / DATA_MARKER).read_text(encoding="utf-8", errors="replace").split()
    except OSError:
        return None
    return parts[2] if len(parts) == 3 and parts[:2] == ["pqsearch", "data"] else None


def mark_data_dir(data: Path, owner: str) -> None:
    """Say that `data` is a data folder of the index with id `owner`."""
    write_atomic(data / DATA_MARKER, f"pqsearch data {owner}\n".encode())


def owns(root: Path, data: Path) -> bool:
    """Whether `data` is a data folder pqsearch made in the index folder `root`: a real
    folder directly inside it, named data-<n>, carrying the index's id."""
    owner = index_id(root)
    if owner is None or not _DATA_NAME.match(data.name) or data.is_symlink():
        return False
    try:
        if not data.is_dir() or not os.path.samefile(data.parent, root):
            return False
        text = (data / DATA_MARKER).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return text.split() == ["pqsearch", "data", owner]


def remove_data_dir(root: Path, data: Path) -> bool:
    """Delete `data` if it is provably ours (`owns`); returns whether it was deleted."""
    if not owns(root, data):
        return False
    shutil.rmtree(data, ignore_errors=True)
    return True


__all__ = [
    "DATA_MARKER",
    "MARKER",
    "claim",
    "foreign_entries",
    "index_id",
    "mark_data_dir",
    "owns",
    "remove_data_dir",
]
