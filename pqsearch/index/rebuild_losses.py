"""What a rebuild reads, and what it would drop that the index alone holds, saved before the
switch.

Given no paths, a rebuild reads the files the index names (it used to read `corpus/`, so the
command a damage message gives replaced an index of other folders by an empty one: audit 12,
P5). A rebuild that read none of the old index's documents does not replace it.

A rebuild indexes the files as they are. The index it replaces may hold versions no file
holds any more: a page deleted while a record of the same question (which may cut the answer
short and has no procedure steps) stays, a question taken out of its record file, a file that
no longer reads. An ordinary ingest keeps such a version and warns; a rebuild used to drop it
with the old folder, without a word (review of session 11, R4). Before the new index goes
live, each version the old one held and the new one lacks, or holds only in a copy that loses
to it by the rules of `parse.versions`, is written to a JSON Lines file in the index folder
(`Question.to_dict()`, which `pqsearch ingest` reads back whole) and named in a warning.
Documents whose file is still there but lay outside the paths the rebuild was given are not
lost, only no longer indexed: one note says which files to ingest again. When the old index
cannot be compared with the new one at all (its stored records damaged too), it is not
deleted at the switch but set aside whole, as an index of its own (`set_aside`): nothing it
held is lost without a word (audit 13, K1).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pqsearch.errors import (
    DamagedIndexError,
    EmptyFolderRebuildError,
    NothingToRebuildError,
    OutdatedIndexError,
)
from pqsearch.index import ownership, space, store
from pqsearch.index.durable import fsync_dir, write_atomic
from pqsearch.index.empty_folders import lost_folders
from pqsearch.index.existing import (
    Existing,
    existing_documents,
    existing_without_postings,
    per_document,
)
from pqsearch.index.folders import KEEP_MARK
from pqsearch.index.holders import Files
from pqsearch.index.records import decode_record
from pqsearch.models import IngestReport, Question
from pqsearch.parse import versions
from pqsearch.parse.versions import Version

# The saved file's name: the time keeps the files of several rebuilds apart.
SAVED_PREFIX = "kept-by-rebuild-"
# The folder that keeps an old index the rebuild could not compare with the new one.
ASIDE_PREFIX = "unchecked-previous-"


@dataclass
class RebuildLosses:
    """What the rebuild's index lacks of the old one: `lost` (id -> the old version, and why),
    and per file outside the paths given, how many of its documents are no longer indexed."""

    lost: dict[str, tuple[Question, str]] = field(default_factory=dict)
    not_given: dict[str, int] = field(default_factory=dict)
    # Every id of the old index that the new one lacks (lost or not given): the removed.
    dropped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Kept:
    """What `keep` adds to the rebuild's report: the old index's documents it lacks are removed."""

    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    # Why the old index could not be compared with the new one: kept, not deleted.
    unchecked: str | None = None


def indexed_files(root: Path, live: Path, *, allow_empty: bool = False) -> list[Path]:
    """The files the index in `live` names, and the other files its questions were read from,
    that are still there: what a rebuild given no paths reads (the documents of the gone ones
    are saved by `keep`). Unless `allow_empty`, `EmptyFolderRebuildError` when some were read
    from a folder gone or empty now: said before the rebuild is made, not after."""
    # The other files its questions were read from (the same question in two record files):
    # a rebuild that forgot them would let a later --prune delete a question one of them
    # holds (review of session 12). The lexicon names them even when Whoosh's files are
    # damaged (a segment missing: the damage message's own command must still work).
    remembered = _remembered(root, live)
    try:
        # Not checked against what their commit wrote: a damaged index is what a rebuild is
        # for, and its columns may still name its files.
        ix = store.open_whoosh(root, live, check_files=False)
        try:
            sources = {i: e.source for i, e in existing_without_postings(ix).items()}
        finally:
            ix.close()
        named = set(sources.values())
    except Exception as error:
        if not isinstance(error, DamagedIndexError) and not store.is_damage(error):
            raise
        if not remembered:
            raise NothingToRebuildError(
                root, f"the files of its documents could not be read from it ({error})"
            ) from error
        named, sources = set(), {}
    spellings: dict[str, str] = {}
    identity = Files()
    for path in sorted(named) + sorted(remembered):
        if os.path.isfile(path):
            spellings.setdefault(identity.key(path), path)
    if (named or remembered) and not spellings:
        count = len(named | remembered)
        raise NothingToRebuildError(
            root, f"none of the {count} files its documents were read from is there"
        )
    if not allow_empty:  # before anything is built: the backstop is `compare`'s (R4)
        gone = {i: s for i, s in sources.items() if not os.path.exists(s)}
        kept = _held_elsewhere(root, live, gone) if gone else set()
        refuse_lost(root, [s for i, s in gone.items() if i not in kept], spellings.values())
    return [Path(f) for f in sorted(spellings.values())]


def _remembered(root: Path, live: Path) -> set[str]:
    """The files the lexicon remembers questions were read from; none if it cannot be read
    (a damaged lexicon is what a rebuild is for)."""
    try:
        lexicon = store.open_lexicon(root, live)
    except (DamagedIndexError, OutdatedIndexError):
        # Another version's lexicon (the rebuild its message asks for, audit 15 U1): the
        # files are those Whoosh's records name.
        return set()
    try:
        return lexicon.holders.spellings()
    except sqlite3.DatabaseError:
        return set()
    finally:
        lexicon.close()


def _held_elsewhere(root: Path, live: Path, ids: Iterable[str]) -> set[str]:
    """Those of `ids` that the lexicon remembers in a file still there: the rebuild reads it."""
    try:
        lexicon = store.open_lexicon(root, live)
    except (DamagedIndexError, OutdatedIndexError):
        return set()
    try:
        held = lexicon.holders.of(ids)
    except sqlite3.DatabaseError:
        return set()
    finally:
        lexicon.close()
    return {i for i, files in held.items() if any(os.path.isfile(s) for _, s in files)}


def before_switch(
    root: Path,
    live: Path,
    data: Path,
    paths: Sequence[str | Path],
    report: IngestReport,
    *,
    allow_empty: bool = False,
) -> tuple[IngestReport, str | None]:
    """`keep`, with what it found added to the rebuild's report, and why the old index could
    not be compared (None when it was: it may be deleted once replaced); on any failure the
    rebuild's folder is deleted and the previous index stays live, as it was."""
    try:
        carried = keep(root, live, data, paths, allow_empty=allow_empty)
    except BaseException as error:
        store.remove_data_dir(root, data)
        full = space.disk_full(root, error, replacing=live)
        if full is not None:
            raise full from error
        raise
    if carried.unchecked is not None and ownership.owns(root, live):
        # Before the switch: from then on the old folder is an orphan to every clean-up. (A
        # folder not provably ours is never deleted, nor written into: `set_aside`.)
        write_atomic(live / KEEP_MARK, f"{carried.unchecked}\n".encode())
    merged = dataclasses.replace(
        report,
        warnings=(*report.warnings, *carried.warnings),
        notes=(*report.notes, *carried.notes),
        removed=(*report.removed, *carried.removed),
    )
    return merged, carried.unchecked


def set_aside(root: Path, previous: Path, why: str, report: IngestReport) -> IngestReport:
    """Once the rebuild is live: move the replaced data folder `previous`, whole, into a
    folder of the index folder that is an index of its own (marker, `live` link), so that
    `pqsearch show`, `search` or `export --index` on it read what it still holds; the
    report's warning says where and why."""
    if not ownership.owns(root, previous):
        # Not provably ours: never deleted either (`remove_data_dir`), so left where it is.
        warning = (
            f"the rebuild could not read the index it replaces to compare it with the new one "
            f"({why}); that index, in {previous}, was left where it is, not deleted"
        )
        return dataclasses.replace(report, warnings=(*report.warnings, warning))
    aside = root / f"{ASIDE_PREFIX}{_stamp()}"
    aside.mkdir()
    marker = (root / ownership.MARKER).read_bytes()
    (aside / ownership.MARKER).write_bytes(marker)
    os.rename(previous, aside / previous.name)
    os.symlink(previous.name, aside / "live")
    fsync_dir(aside)
    fsync_dir(root)
    warning = (
        f"the rebuild could not read the index it replaces to compare it with the new one "
        f"({why}), so that index is kept whole in {aside}, not deleted: it may hold versions "
        "no file gives any more. What is still readable there can be searched and exported "
        f'with "--index {aside}"; delete that folder once you no longer need it'
    )
    return dataclasses.replace(report, warnings=(*report.warnings, warning))


def keep(
    root: Path, live: Path, data: Path, paths: Sequence[str | Path], *, allow_empty: bool = False
) -> Kept:
    """Before a rebuild in `data` replaces the index in `live`: save what the old one held that
    no file the rebuild read gives as well, and say so. NothingToRebuildError when the rebuild
    holds none of the old index's documents."""
    new_ix = store.open_whoosh(root, data)
    try:
        old_ix = store.open_whoosh(root, live, check_files=False)
        try:
            roots = [Path(p).absolute() for p in paths]
            losses = compare(root, old_ix, new_ix, roots, allow_empty=allow_empty)
        finally:
            old_ix.close()
    except Exception as error:
        # A damaged index is what a rebuild is for: it must not stop it.
        if not isinstance(error, DamagedIndexError) and not store.is_damage(error):
            raise
        return Kept(unchecked=str(error))
    finally:
        new_ix.close()
    warnings, notes = save(root, losses)
    return Kept(tuple(warnings), tuple(notes), tuple(losses.dropped))


def compare(
    root: Path, old_ix: Any, new_ix: Any, roots: Sequence[Path], *, allow_empty: bool = False
) -> RebuildLosses:
    """The old index's documents that the new one (built from `roots`) lacks or holds in a
    losing copy. Columns give ids and files; stored records are read only for those.

    `EmptyFolderRebuildError` (unless `allow_empty`) when some it lacks were read from a
    folder that is empty now: `ingest --prune` keeps those (`empty_folders`), and a rebuild
    took them out of the index (saved beside it, exit status 0)."""
    # The old index without its postings: they may be what is damaged (audit 13, K1).
    old, new = existing_without_postings(old_ix), existing_documents(new_ix)
    if old and not new:
        given = ", ".join(str(path) for path in roots)
        raise NothingToRebuildError(
            root,
            f"the paths given ({given}) gave none of its {len(old)} documents",
        )
    losses = RebuildLosses()
    files = Files()
    candidates: dict[str, str] = {}
    for doc_id, before in old.items():
        after = new.get(doc_id)
        if after is None:
            losses.dropped.append(doc_id)
            if os.path.exists(before.source) and not files.under(before.source, roots):
                losses.not_given[before.source] = losses.not_given.get(before.source, 0) + 1
            else:
                candidates[doc_id] = _why_missing(before)
        elif after.content_hash != before.content_hash and not files.same(
            after.source, before.source
        ):
            candidates[doc_id] = ""
    if not allow_empty:
        gone = [old[doc_id].source for doc_id in losses.dropped]
        refuse_lost(
            root, [s for s in gone if not os.path.exists(s)], {e.source for e in new.values()}
        )
    if not candidates:
        return losses
    # By document number, not by a lookup of the id: the stored records of an index whose
    # postings are damaged (what a rebuild is for) still read (audit 13, K1).
    olds = stored_questions(old_ix, set(candidates))
    news = stored_questions(new_ix, {doc_id for doc_id, why in candidates.items() if not why})
    for doc_id, why in candidates.items():
        kept = olds[doc_id]
        if not why:
            read = news[doc_id]
            replace, reason = versions.preferred(
                Version.of(read), Version.of(kept), tie_replaces=True
            )
            if replace:
                continue
            why = (
                f"the rebuild indexed {Version.of(read).describe()} instead, which the "
                f"previous version beats ({reason})"
            )
        losses.lost[doc_id] = (kept, why)
    return losses


def refuse_lost(root: Path, gone: Sequence[str], read: Iterable[str]) -> None:
    """`EmptyFolderRebuildError` when the files `gone` (one entry a document) were read from a
    folder that is gone, empty now or not readable (`empty_folders.lost_folders`)."""
    if gone:
        lost, unreadable = lost_folders(gone, read)
        if lost or unreadable:
            raise EmptyFolderRebuildError(root, lost, unreadable)


def _stamp() -> str:
    """The time in the names of the files and folders a rebuild keeps: several stay apart."""
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _why_missing(before: Existing) -> str:
    if os.path.islink(before.source) and not os.path.exists(before.source):
        return (
            f"its file {before.source} is a dangling link (its target "
            f"{os.path.realpath(before.source)} is gone) and no file the rebuild read holds it"
        )
    if not os.path.exists(before.source):
        return f"its file {before.source} is gone and no file the rebuild read holds it"
    # A file there that did not read keeps its documents (`carried`): this one read without it.
    return f"its file {before.source} no longer holds it: the rebuild read the file without it"


def stored_questions(ix: Any, wanted: set[str]) -> dict[str, Question]:
    """The stored questions of the live documents of `ix` whose ids are `wanted`, read by
    document number (the id column, then the stored record): no postings are read."""
    found: dict[str, Question] = {}
    if not wanted:
        return found
    for columns, perdoc in per_document(ix):
        ids = columns("id")
        for docnum in range(perdoc.doc_count_all()):
            if not perdoc.is_deleted(docnum) and ids[docnum] in wanted:
                stored = decode_record(perdoc.stored_fields(docnum)["record"])
                found[ids[docnum]] = Question.from_dict(stored["question"])
    missing = wanted - found.keys()
    if missing:
        raise KeyError(f"no stored record for {', '.join(sorted(missing))}")
    return found


def save(root: Path, losses: RebuildLosses) -> tuple[list[str], list[str]]:
    """Write the lost versions beside the index; the warnings and notes that say so."""
    warnings: list[str] = []
    if losses.lost:
        path = root / f"{SAVED_PREFIX}{_stamp()}.jsonl"
        lines = [json.dumps(q.to_dict(), ensure_ascii=False) for q, _ in losses.lost.values()]
        # Whole and on disk before the switch deletes the old index.
        write_atomic(path, "".join(line + "\n" for line in lines).encode("utf-8"))
        for doc_id, (_, why) in losses.lost.items():
            warnings.append(
                f"{doc_id}: the previous index held a version the rebuild did not keep ({why}); "
                f'saved in {path}: "pqsearch ingest {path} --index {root}" puts it back'
            )
    notes = [
        f"{count} document{'s' if count > 1 else ''} indexed from {source} "
        f"{'are' if count > 1 else 'is'} no longer indexed: the rebuild was not given that "
        f'file; "pqsearch ingest {source} --index {root}" puts '
        f"{'them' if count > 1 else 'it'} back"
        for source, count in sorted(losses.not_given.items())
    ]
    return warnings, notes
