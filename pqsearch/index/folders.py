"""The index folder's layout: the `live` link and the data folders it may point to.

    live -> data-<n>     a symlink to the data folder readers open
    data-<n>/            the Whoosh files and the lexicon (lexicon.sqlite)

A rebuild writes a new data folder beside the live one and switches the link with one atomic
rename when it is done (`switch_live`); a first ingest switches as soon as its empty index
exists. Only folders this index made (`ownership`) are ever deleted, and only when they are
provably an older or an unfinished generation (`remove_orphans`).

A `live` link that is missing or names a missing folder, beside a data folder holding an
index, is damage (a copy by a tool that skips links: `rsync -r` without `-l`), not "no
index": the index may be the only copy of documents whose sources are gone. Readers say so
(`require_live`); ingest relinks the one data folder that holds an index, and refuses to
choose between several (`repair_live`).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
from pathlib import Path

from pqsearch import temporary
from pqsearch.errors import DamagedIndexError, NoIndexError
from pqsearch.index import ownership
from pqsearch.index.damage import damaged_index
from pqsearch.index.durable import fsync_dir
from pqsearch.index.manifest import LEXICON_SUM

# Written (and synced) into an index's data folder before a rebuild that could not compare it
# with the new one replaces it: no clean-up deletes it then, even if the rebuild is killed
# before it is set aside (`rebuild_losses.set_aside`; review 13).
KEEP_MARK = ".pqsearch-keep"

DEFAULT_INDEX_DIR = Path("index")
INDEX_ENV = "PQSEARCH_INDEX"
LIVE = "live"
LEXICON_FILE = "lexicon.sqlite"
# A copy of the sector taxonomy the index was built with.
TAXONOMY_FILE = "taxonomy.toml"
WHOOSH_INDEX_NAME = "MAIN"
_DATA_NAME = re.compile(r"^data-\d+$")


def resolve_index_dir(index_dir: str | Path | None = None) -> Path:
    """The index folder: the argument, else $PQSEARCH_INDEX, else `index/`. A leading `~` is
    the user's home, as the shell would make it: a quoted `--index '~/idx'` or an API call
    made a folder literally named `~` in the current one."""
    if index_dir is not None and str(index_dir) != "":
        return Path(index_dir).expanduser()
    env = os.environ.get(INDEX_ENV)
    return Path(env).expanduser() if env else DEFAULT_INDEX_DIR


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
    try:
        ownership.mark_data_dir(data, owner)
    except BaseException:
        # Made by this call, so ours although unmarked: left, no clean-up could prove it
        # ours and it stayed for good (s16 audit, D7).
        shutil.rmtree(data, ignore_errors=True)
        raise
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
    tmp = temporary.symlink(data.name, link)
    try:
        # The new folder and its entry in the index folder on disk before `live` names it;
        # the previous one is deleted only after this returns (issue 12, point 5).
        fsync_dir(data)
        fsync_dir(root)
        os.replace(tmp, link)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(root)
    return previous


def discard_rebuild(root: Path, data: Path) -> None:
    """Delete `data`, the folder of a rebuild that stopped, unless `live` already names it
    (the switch got that far: it is the index now)."""
    if not went_live(root, data):
        ownership.remove_data_dir(root, data)


def went_live(root: Path, data: Path) -> bool:
    """Whether `live` names `data` (read from the link alone)."""
    return _linked_data_dir(root) == data


def remove_data_dir(root: Path, data: Path) -> bool:
    """Delete a data folder of the index at `root`, only if it is provably one pqsearch made
    there (`ownership.owns`): a `live` link to elsewhere never makes ingest delete there."""
    return ownership.remove_data_dir(root, data)


def remove_orphans(root: Path) -> list[Path]:
    """Delete the data folders left by an interrupted rebuild or switch; returns the data
    folders kept although `live` does not name them, which hold a finished index.

    Call it only under the write lock. A folder is deleted only when this index made it and
    it is provably not the index: older than the live folder (a switch replaced it), or
    newer but without the lexicon checksum every finished ingest records (a rebuild that
    never reached its switch). With no valid `live` nothing is provable, and nothing goes.
    """
    live = _linked_data_dir(root)
    if live is None:
        return []
    kept = []
    for folder in _data_dirs(root):
        if folder == live or not ownership.owns(root, folder):
            continue
        if (folder / KEEP_MARK).exists():
            kept.append(folder)  # a replaced index a rebuild could not compare (`KEEP_MARK`)
        elif _number(folder) < _number(live) or not (folder / LEXICON_SUM).exists():
            ownership.remove_data_dir(root, folder)
        else:
            kept.append(folder)
    return kept


def repair_live(root: Path) -> Path | None:
    """Relink a missing or dangling `live` to the one data folder that holds an index, under
    the write lock; returns that folder (None: nothing to repair). Several: DamagedIndexError
    listing them, for the user to choose."""
    link = root / LIVE
    if link.is_symlink() and link.exists():
        return None
    if os.path.lexists(link) and not link.is_symlink():
        return None  # a file or folder where the link belongs: `live_data_dir` reports it
    found = indexed_data_dirs(root)
    if not found:
        return None
    if len(found) > 1:
        raise _lost_live(root, found)
    switch_live(root, found[0])
    return found[0]


def indexed_data_dirs(root: Path) -> list[Path]:
    """The data folders in `root` that hold a committed index (oldest first): a commit after
    the empty one a new index starts with, or the checksum a finished ingest records."""
    found = []
    for folder in _data_dirs(root):
        latest = live_generation_in(folder)
        if latest is not None and (latest >= 1 or (folder / LEXICON_SUM).exists()):
            found.append(folder)
    return found


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


def require_live(root: Path) -> Path:
    """The live data folder, or NoIndexError saying how to build one (DamagedIndexError
    saying how to relink it when `live` is lost beside an index)."""
    if not root.exists():
        raise NoIndexError(root)
    try:
        data = live_data_dir(root)
    except DamagedIndexError:
        found = indexed_data_dirs(root) if (root / LIVE).is_symlink() else []
        if found:
            raise _lost_live(root, found) from None
        raise
    if data is None:
        found = indexed_data_dirs(root) if root.is_dir() else []
        if found:
            raise _lost_live(root, found)
        foreign = ownership.foreign_entries(root) if root.is_dir() else []
        if foreign and ownership.index_id(root) is None:
            # Not "ingest --index /": ingest would refuse a folder holding other things.
            raise NoIndexError(root, build_in=root / "pqsearch-index")
        from pqsearch.index.lock import ingest_running

        raise NoIndexError(root, ingesting=root.is_dir() and ingest_running(root))
    return data


def _lost_live(root: Path, found: list[Path]) -> DamagedIndexError:
    link = root / LIVE
    lost = (
        f"its `live` link names {os.readlink(link)}, which is missing"
        if link.is_symlink()
        else "its `live` link is missing (a copy that skips symbolic links, such as rsync -r "
        "without -l, loses it)"
    )
    if len(found) == 1:
        return DamagedIndexError(
            f"The index at {root} is damaged: {lost}, but {found[0]} holds the index. "
            f'Any "pqsearch ingest --index {root}" relinks it first and keeps every document; '
            f'or relink it yourself: "ln -sfn {found[0].name} {link}".'
        )
    listed = "; ".join(f"{f} (last written {_written(f)})" for f in found)
    return DamagedIndexError(
        f"The index at {root} is damaged: {lost}, and several data folders hold an index: "
        f"{listed}. pqsearch will not choose one: link the one to keep, e.g. "
        f'"ln -sfn {found[-1].name} {link}", then run the command again (the next ingest '
        "deletes the others)."
    )


def _written(folder: Path) -> str:
    latest = live_generation_in(folder)
    try:
        stamp = (folder / f"_{WHOOSH_INDEX_NAME}_{latest}.toc").stat().st_mtime
    except OSError:
        return "at an unknown time"
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(stamp))


def _linked_data_dir(root: Path) -> Path | None:
    """The data folder `live` names when it is one of this folder's `data-<n>`, else None."""
    try:
        target = Path(os.readlink(root / LIVE))
    except OSError:
        return None
    data = root / target.name
    if target != Path(target.name) or not _DATA_NAME.match(target.name) or not data.is_dir():
        return None
    return data


def _data_dirs(root: Path) -> list[Path]:
    """The real `data-<n>` folders directly in `root`, oldest first."""
    try:
        entries = list(root.iterdir())
    except OSError:
        return []
    folders = [p for p in entries if _DATA_NAME.match(p.name) and p.is_dir() and not p.is_symlink()]
    return sorted(folders, key=_number)


def _number(folder: Path) -> int:
    """When a data folder was made: its name is data-<time in ns> (`new_data_dir`)."""
    return int(folder.name.removeprefix("data-"))
