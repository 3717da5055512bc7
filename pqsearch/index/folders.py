"""The index folder's layout: the `live` link and the data folders it may point to.

    live -> data-<n>     a symlink to the data folder readers open
    data-<n>/            the Whoosh files and the lexicon (lexicon.sqlite)

A rebuild writes a new data folder beside the live one and switches the link with one atomic
rename when it is done (`switch_live`); a first ingest switches as soon as its empty index
exists. Only folders this index made (`ownership`) are ever deleted.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from pqsearch.errors import NoIndexError
from pqsearch.index import ownership
from pqsearch.index.damage import damaged_index
from pqsearch.index.durable import fsync_dir

DEFAULT_INDEX_DIR = Path("index")
INDEX_ENV = "PQSEARCH_INDEX"
LIVE = "live"
LEXICON_FILE = "lexicon.sqlite"
# A copy of the sector taxonomy the index was built with.
TAXONOMY_FILE = "taxonomy.toml"
WHOOSH_INDEX_NAME = "MAIN"


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
        raise damaged_index(root, f"{link} is not a link ({error})") from error
    data = root / target
    if not data.is_dir():
        if tolerate_damage:
            return None
        raise damaged_index(root, f"its data folder {data} is missing")
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
