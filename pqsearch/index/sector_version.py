"""Which taxonomy and detector analysed an index's sectors, and what an ingest does when this
pqsearch ships others.

The lexicon records the taxonomy (its copy sits in the data folder), where it came from
(`ORIGIN_META`: "shipped", the packaged NACE file, or "own", a file given with `--taxonomy`),
the detector that analyses new documents (`DETECTOR_META`, `detector_fingerprint`) and, while
the documents indexed earlier still carry another detection's sectors, which one
(`MIXED_META`).

At an ingest without `--taxonomy`, an index that follows the shipped taxonomy takes the shipped
taxonomy and detector when either changed: the documents of that run get the new detection, and
the ingest says once that the older ones keep theirs until `--reanalyze` (re-analysing 100,000
documents takes about an hour, too much to start unasked on an ingest of three files). A
user's own taxonomy is never replaced. `--reanalyze` (and a new taxonomy) set the existing
"reanalysis" mark, so a killed re-analysis is taken up again by the next ingest.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pqsearch.analyze.answers import rules_fingerprint
from pqsearch.analyze.detector_version import detector_fingerprint
from pqsearch.analyze.lexicon import Lexicon
from pqsearch.analyze.taxonomy import (
    Taxonomy,
    default_taxonomy_path,
    load_taxonomy,
    packed,
    unpacked,
)
from pqsearch.errors import PqsearchError
from pqsearch.index import durable, store
from pqsearch.index.answer_version import recorded_rules
from pqsearch.index.lock import ingest_running
from pqsearch.models import SectorStatus, TaxonomyOrigin

TAXONOMY_NAME_META = "taxonomy"
TAXONOMY_FINGERPRINT_META = "taxonomy_fingerprint"
REANALYSIS_META = "reanalysis"
# "unfinished" from the moment a first ingest puts its empty index live until it ends: an
# index killed meanwhile says so, rather than answering "0 documents" as if complete.
FIRST_INGEST_META = "first_ingest"
ORIGIN_META = "taxonomy_origin"
DETECTOR_META = "sector_detector"
MIXED_META = "sectors_mixed_with"

# What `--taxonomy` takes for the packaged file, which then follows upgrades again.
SHIPPED_CHOICE = "default"
# Every packaged NACE file has carried this name and a version of this series.
SHIPPED_VERSION_PREFIX = "nace2-fr-"

REANALYZE_HINT = (
    "run `pqsearch ingest --reanalyze` to analyse every document again from its source "
    "(about an hour per 100,000 documents; if it is interrupted, the next `pqsearch ingest` "
    "takes it up again)"
)


@dataclass(frozen=True)
class TaxonomyChoice:
    """The taxonomy an ingest detects with, and what to tell the user about it ("" if nothing)."""

    taxonomy: Taxonomy
    notice: str = ""
    # The data folder's copy was written: the record of the index's files must say so.
    installed: bool = False


def describe(taxonomy: Taxonomy, detector: str) -> str:
    return f"taxonomy {taxonomy.version}, detector {detector}"


def stored_origin(lexicon: Lexicon | None, taxonomy: Taxonomy) -> TaxonomyOrigin:
    """Whether the index's taxonomy is the shipped one or the user's own."""
    recorded = lexicon.get_meta(ORIGIN_META) if lexicon is not None else None
    if recorded == "own":
        return "own"
    if recorded == "shipped":
        return "shipped"
    # An index written before the origin was recorded: its taxonomy is taken for a shipped
    # one when it has the packaged file's name and a version of the packaged series
    # ("nace2-fr-2026.4"); the bytes of earlier packaged files were not kept to compare.
    # A user's file that kept both was made from ours; it would follow upgrades, and the
    # ingest that replaces it says so.
    shipped = load_taxonomy(None)
    if taxonomy.name == shipped.name and taxonomy.version.startswith(SHIPPED_VERSION_PREFIX):
        return "shipped"
    return "own"


def kept_on_rebuild(live: Path) -> Path | None:
    """The copy of the live index's taxonomy when it is the user's own, which a rebuild keeps
    (it would otherwise take the shipped one); None when it follows the shipped one."""
    try:
        taxonomy = load_taxonomy(live / store.TAXONOMY_FILE)
    except PqsearchError:
        return None  # unreadable: the rebuild starts from the shipped one, as it always did
    # Read as an immutable file: the rebuild leaves the live folder exactly as it was (the
    # lexicon is one checkpointed file after an ingest); unreadable, the name decides.
    recorded = None
    lexicon = f"{(live / store.LEXICON_FILE).resolve().as_uri()}?mode=ro&immutable=1"
    with (
        contextlib.suppress(sqlite3.Error),
        contextlib.closing(sqlite3.connect(lexicon, uri=True)) as db,
    ):
        row = db.execute("SELECT value FROM meta WHERE key = ?", (ORIGIN_META,)).fetchone()
        recorded = None if row is None else str(row[0])
    origin = recorded if recorded in ("shipped", "own") else stored_origin(None, taxonomy)
    return live / store.TAXONOMY_FILE if origin == "own" else None


def recorded_detector(lexicon: Lexicon, taxonomy: Taxonomy, origin: TaxonomyOrigin) -> str:
    """The detector that analysed the index's documents."""
    recorded = lexicon.get_meta(DETECTOR_META)
    if recorded:
        return recorded
    # Not recorded (an index written before it was): every refit so far came with a change
    # of the shipped vocabulary, so an index with today's vocabulary was analysed by today's
    # detector; asking everyone who upgrades for an hour's re-analysis would be wrong. A
    # user's own taxonomy gives no such clue and is taken as up to date too.
    if origin == "own" or taxonomy.fingerprint == load_taxonomy(None).fingerprint:
        return detector_fingerprint()
    return "of an earlier pqsearch (not recorded)"


@dataclass(frozen=True)
class Standing:
    """Where an index's sector detection stands against this pqsearch's."""

    origin: TaxonomyOrigin
    detector: str  # the detector that analysed the index's documents
    current: str  # this pqsearch's detector
    target: Taxonomy  # the taxonomy the index should have: the shipped one, or its own
    behind: bool


def _standing(lexicon: Lexicon, kept: Taxonomy) -> Standing:
    origin = stored_origin(lexicon, kept)
    detector = recorded_detector(lexicon, kept, origin)
    current = detector_fingerprint()
    target = load_taxonomy(None) if origin == "shipped" else kept
    behind = detector != current or kept.fingerprint != target.fingerprint
    return Standing(origin, detector, current, target, behind)


def choose_taxonomy(
    data: Path, lexicon: Lexicon, path: Path | None, *, reanalyze: bool, documents: int
) -> TaxonomyChoice:
    """The taxonomy to detect sectors with, recorded in the index, and the notice to show.

    Without `path`, an index keeps its own taxonomy, and follows the shipped one when it
    came from it. A new taxonomy or `reanalyze` marks every document for analysis again
    (the "reanalysis" mark in the lexicon says so until that is done).
    """
    stored = data / store.TAXONOMY_FILE
    if path is not None or not stored.exists():
        return TaxonomyChoice(_install(data, lexicon, path, reanalyze=reanalyze), "", True)
    kept = load_taxonomy(stored)
    standing = _standing(lexicon, kept)
    origin, target, current = standing.origin, standing.target, standing.current
    notice = ""
    # An earlier run marked every document for analysis again and did not end: this run
    # analyses them all, whatever else is said (audit 13, N1: it said nothing).
    taking_up = not reanalyze and lexicon.get_meta(REANALYSIS_META) == "pending"
    if standing.behind and documents:
        # Until every document is analysed again (in this run with `reanalyze`, else at a
        # later one), those not yet done carry the old detection: `status` says which.
        old = describe(kept, standing.detector)
        lexicon.set_meta(MIXED_META, lexicon.get_meta(MIXED_META) or old)
        if not reanalyze and not taking_up:
            notice = _changed(old, describe(target, current), documents, origin)
    elif documents and not reanalyze and (mixed := lexicon.get_meta(MIXED_META)):
        notice = _still_mixed(mixed)
    if taking_up and documents:
        notice = _taking_up(documents, lexicon.get_meta(MIXED_META))
    if reanalyze:
        lexicon.set_meta(REANALYSIS_META, "pending")
    lexicon.set_meta(ORIGIN_META, origin)
    lexicon.set_meta(DETECTOR_META, current)
    if kept.fingerprint == target.fingerprint:
        return TaxonomyChoice(kept, notice)
    # The index follows the shipped taxonomy, which changed: it takes the new one.
    return TaxonomyChoice(_install(data, lexicon, None, reanalyze=reanalyze), notice, True)


def _install(data: Path, lexicon: Lexicon, path: Path | None, *, reanalyze: bool) -> Taxonomy:
    """Record `path` (None: the shipped file) as the index's taxonomy."""
    chosen = path is not None
    if path is not None and str(path) == SHIPPED_CHOICE and not path.exists():
        path = None
    source = path if path is not None else default_taxonomy_path()
    taxonomy = load_taxonomy(source)
    origin: TaxonomyOrigin = "shipped" if path is None else "own"
    previous = lexicon.get_meta(TAXONOMY_FINGERPRINT_META)
    # Following the shipped taxonomy without `reanalyze` (`choose_taxonomy`) marks nothing:
    # the index is then mixed, and says so. A taxonomy the user chose is applied everywhere.
    if reanalyze or (chosen and previous not in (None, taxonomy.fingerprint)):
        # Marked before the new taxonomy is recorded: a run killed before every document was
        # analysed again leaves the mark, and the next run analyses them all again.
        lexicon.set_meta(REANALYSIS_META, "pending")
    durable.write_atomic(data / store.TAXONOMY_FILE, packed(unpacked(source.read_bytes(), source)))
    lexicon.set_meta(TAXONOMY_NAME_META, f"{taxonomy.name} {taxonomy.version}")
    lexicon.set_meta(TAXONOMY_FINGERPRINT_META, taxonomy.fingerprint)
    lexicon.set_meta(ORIGIN_META, origin)
    lexicon.set_meta(DETECTOR_META, detector_fingerprint())
    return taxonomy


def _changed(old: str, new: str, documents: int, origin: TaxonomyOrigin) -> str:
    kept = " (your own taxonomy is kept)" if origin == "own" else ""
    return (
        f"the sector detection of this pqsearch differs from the one that analysed this "
        f"index ({old} -> {new}){kept}. Documents added or changed in this run are analysed "
        f"with the new one; the {documents} documents already indexed keep their sectors, so "
        f"the sector facets mix the two. To bring every document up to date, {REANALYZE_HINT}"
    )


def _taking_up(documents: int, mixed: str | None) -> str:
    older = f" (older sectors: {mixed})" if mixed else ""
    return (
        f"taking up the re-analysis of every document's sectors that an earlier run started "
        f"(--reanalyze or a new taxonomy) and did not finish{older}: the {documents} documents "
        "already indexed are analysed again from their files, and counted as updated whether "
        "their files changed or not"
    )


def _still_mixed(mixed: str) -> str:
    return (
        f"the documents indexed before the last upgrade still carry sectors from {mixed}, "
        f"so the sector facets mix two detections. To bring every document up to date, "
        f"{REANALYZE_HINT}"
    )


def finish_reanalysis(lexicon: Lexicon) -> None:
    """Every document was analysed again: the index is no longer mixed."""
    lexicon.set_meta(REANALYSIS_META, "")
    lexicon.set_meta(MIXED_META, "")


def sources_to_reanalyse(sources: Iterable[str], walked: Iterable[Path]) -> tuple[list[Path], int]:
    """The indexed documents' source files that still exist and the walk did not find, and
    how many sources are gone (their documents keep their sectors)."""
    found = {os.path.realpath(file) for file in walked}
    extra: dict[str, Path] = {}
    gone: set[str] = set()
    for source in sources:
        if not os.path.isfile(source):
            gone.add(source)
        elif os.path.realpath(source) not in found:
            extra.setdefault(os.path.realpath(source), Path(source))
    return sorted(extra.values()), len(gone)


def status(data: Path, lexicon: Lexicon) -> SectorStatus:
    """The index's taxonomy and detector against those of this pqsearch."""
    stored = data / store.TAXONOMY_FILE
    taxonomy = load_taxonomy(stored if stored.exists() else None)
    standing = _standing(lexicon, taxonomy)
    origin, behind = standing.origin, standing.behind
    shipped = standing.target if origin == "shipped" else load_taxonomy(None)
    mixed = lexicon.get_meta(MIXED_META) or ""
    pending = lexicon.get_meta(REANALYSIS_META) == "pending"
    # The mark is set when a re-analysis starts and cleared when it ends: while that ingest
    # runs it is not "interrupted", and running another ingest then waits for it (audit 18,
    # T2: `pqsearch info` said so during every `ingest --reanalyze`).
    running = pending and ingest_running(data.parent)
    advice = ""
    if running:
        advice = (
            "a re-analysis is running (an ingest holds the index): documents it has not "
            "reached yet keep their former sectors until it ends"
        )
    elif pending:
        advice = "a re-analysis was interrupted: the next `pqsearch ingest` takes it up again"
    elif behind or mixed:
        advice = REANALYZE_HINT
        if behind and origin == "shipped":
            advice += (
                "; a plain `pqsearch ingest` analyses only the documents it adds or changes "
                "with this pqsearch's detection, and leaves the others as they are"
            )
    return SectorStatus(
        first_ingest_unfinished=lexicon.get_meta(FIRST_INGEST_META) == "unfinished",
        taxonomy=f"{taxonomy.name} {taxonomy.version}",
        origin=origin,
        detector=standing.detector,
        shipped_taxonomy=f"{shipped.name} {shipped.version}",
        shipped_detector=standing.current,
        mixed_with=mixed,
        reanalysis_pending=pending,
        reanalysis_recommended=not running and (behind or bool(mixed) or pending),
        advice=advice,
        answer_rules=recorded_rules(lexicon) or "",
        shipped_answer_rules=rules_fingerprint(),
    )
