"""An index analysed by an older pqsearch's sector detection (`index/sector_version.py`).

The older index is what `main`'s code wrote before this change: the taxonomy copy in the data
folder and its name and fingerprint in the lexicon, no record of its origin or detector. Its
taxonomy here is the shipped file as an older release had it: version nace2-fr-2026.4 and one
term more, so that its fingerprint differs from the shipped one.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.analyze.detector_version import detector_fingerprint
from pqsearch.analyze.taxonomy import default_taxonomy_path, load_taxonomy
from pqsearch.cli import app
from pqsearch.index import store
from pqsearch.index.ingest import Progress
from pqsearch.index.ingest import ingest as index_ingest
from pqsearch.index.manifest import record_lexicon
from pqsearch.index.sector_version import DETECTOR_META, MIXED_META, ORIGIN_META
from tests.conftest import BRUSSELS_HTML, SEED

HUB = default_taxonomy_path().with_name("sectors_hub_brussels.toml")
NOTICE = "the sector detection of this pqsearch differs from the one that analysed this index"
runner = CliRunner()


def _corpus(folder: Path, *moncodes: str, seed: bool = False) -> Path:
    folder.mkdir()
    if seed:
        shutil.copy(SEED, folder / "seed.txt")
    for moncode in moncodes:
        shutil.copy(BRUSSELS_HTML / f"{moncode}.html", folder)
    return folder


def _older_shipped_taxonomy(folder: Path) -> Path:
    text = default_taxonomy_path().read_text(encoding="utf-8")
    shipped = load_taxonomy(None)
    older = text.replace(f'version = "{shipped.version}"', 'version = "nace2-fr-2026.4"', 1)
    older = older.replace("terms = [", 'terms = ["terme retiré depuis", ', 1)
    assert older.count("nace2-fr-2026.4") == 1
    path = folder / "sectors_nace_2026_4.toml"
    path.write_text(older, encoding="utf-8")
    return path


def _as_written_before_this_change(index_dir: Path) -> None:
    """Make the index what an ingest before this change left: no origin or detector recorded."""
    root = store.resolve_index_dir(index_dir)
    data = store.live_data_dir(root)
    assert data is not None
    with sqlite3.connect(data / store.LEXICON_FILE) as db:
        db.execute("DELETE FROM meta WHERE key IN (?, ?)", (ORIGIN_META, DETECTOR_META))
    db.close()
    record_lexicon(data, data / store.LEXICON_FILE)


def _analysed_by_an_earlier_detector(index_dir: Path) -> None:
    """What an index analysed by an earlier release of this series records: another
    detector fingerprint (a refit changes it)."""
    root = store.resolve_index_dir(index_dir)
    data = store.live_data_dir(root)
    assert data is not None
    with sqlite3.connect(data / store.LEXICON_FILE) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = ?", ("0e1d2c3b4a59", DETECTOR_META))
    db.close()
    record_lexicon(data, data / store.LEXICON_FILE)


def _meta(index_dir: Path, key: str) -> str | None:
    root = store.resolve_index_dir(index_dir)
    data = store.live_data_dir(root)
    assert data is not None
    lexicon = store.open_lexicon(root, data)
    try:
        return lexicon.get_meta(key)
    finally:
        lexicon.close()


def _status(index_dir: Path) -> api.SectorStatus:
    with api.open_index(index_dir) as index:
        return index.sector_status()


def test_an_older_shipped_detection_is_told_at_ingest_and_reanalyze_brings_all_up_to_date(
    tmp_path: Path,
) -> None:
    first = _corpus(tmp_path / "first", "170229", "170131", seed=True)
    later = _corpus(tmp_path / "later", "170140")
    index_dir = tmp_path / "index"
    older = _older_shipped_taxonomy(tmp_path)
    assert len(api.ingest([first], index_dir=index_dir, taxonomy=older).added) == 3
    _as_written_before_this_change(index_dir)

    before = _status(index_dir)
    assert before.origin == "shipped"
    assert before.taxonomy.endswith("nace2-fr-2026.4")
    assert before.reanalysis_recommended
    assert "--reanalyze" in before.advice
    code = runner.invoke(app, ["info", "--index", str(index_dir)])
    assert code.exit_code == 0, code.stderr
    assert "nace2-fr-2026.4 (shipped with pqsearch)" in code.stdout
    assert "re-analysis recommended" in code.stdout

    # A routine ingest of one new file: told once, the new document gets the new detection,
    # the three earlier ones keep theirs (no hour-long re-analysis unasked).
    result = runner.invoke(app, ["ingest", str(later), "--index", str(index_dir), "-q"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count(NOTICE) == 1
    assert "nace2-fr-2026.4" in result.stdout and "pqsearch ingest --reanalyze" in result.stdout
    assert "the 3 documents already indexed keep their sectors" in result.stdout
    assert "1 added, 0 updated" in result.stdout
    mixed = _status(index_dir)
    shipped = load_taxonomy(None)
    assert mixed.taxonomy == f"{shipped.name} {shipped.version}"
    assert mixed.detector == detector_fingerprint()
    assert "nace2-fr-2026.4" in mixed.mixed_with
    assert mixed.reanalysis_recommended

    # Until re-analysed, each ingest says the index is mixed.
    again = api.ingest([later], index_dir=index_dir)
    assert list(again.unchanged) == ["170140"]
    assert any("still carry sectors from" in note for note in again.notes)

    # --reanalyze with no folder: every indexed document, read again from its source.
    done = runner.invoke(app, ["ingest", "--reanalyze", "--index", str(index_dir), "--json"])
    assert done.exit_code == 0, done.stderr
    report = json.loads(done.stdout)
    assert sorted(report["updated"]) == sorted(_ids(index_dir))
    assert len(report["updated"]) == 4
    assert report["notes"] == []
    after = _status(index_dir)
    assert not after.reanalysis_recommended
    assert after.mixed_with == ""
    assert (_meta(index_dir, MIXED_META) or "") == ""
    assert not api.ingest([first, later], index_dir=index_dir).notes


def test_an_up_to_date_index_from_before_this_change_is_left_alone(tmp_path: Path) -> None:
    first = _corpus(tmp_path / "first", "170229", seed=True)
    index_dir = tmp_path / "index"
    api.ingest([first], index_dir=index_dir)
    _as_written_before_this_change(index_dir)
    assert _meta(index_dir, ORIGIN_META) is None

    status = _status(index_dir)
    assert status.origin == "shipped"
    assert not status.reanalysis_recommended
    later = _corpus(tmp_path / "later", "170140")
    report = api.ingest([later], index_dir=index_dir)
    assert report.added == ("170140",) and not report.notes
    assert _meta(index_dir, ORIGIN_META) == "shipped"
    assert _meta(index_dir, DETECTOR_META) == detector_fingerprint()


def test_a_users_own_taxonomy_is_kept_without_a_notice(tmp_path: Path) -> None:
    first = _corpus(tmp_path / "first", "170229", seed=True)
    later = _corpus(tmp_path / "later", "170140")
    hub = tmp_path / "hub.toml"
    shutil.copy(HUB, hub)
    index_dir = tmp_path / "index"
    api.ingest([first], index_dir=index_dir, taxonomy=hub)
    _as_written_before_this_change(index_dir)  # an own file, told by its name

    report = api.ingest([later], index_dir=index_dir)
    assert report.added == ("170140",)
    assert not report.notes
    status = _status(index_dir)
    hub_taxonomy = load_taxonomy(HUB)
    assert status.origin == "own"
    assert status.taxonomy == f"{hub_taxonomy.name} {hub_taxonomy.version}"
    assert not status.reanalysis_recommended
    with api.open_index(index_dir) as index:
        assert [s.id for s in index.sectors()] == list(hub_taxonomy.ids)

    # A rebuild keeps it too (it used to start again from the shipped one).
    rebuilt = api.ingest([first, later], index_dir=index_dir, rebuild=True)
    assert len(rebuilt.added) == 3 and not rebuilt.notes
    assert _status(index_dir).origin == "own"
    with api.open_index(index_dir) as index:
        assert [s.id for s in index.sectors()] == list(hub_taxonomy.ids)

    # --taxonomy default goes back to the shipped file, every document analysed again.
    back = api.ingest([first, later], index_dir=index_dir, taxonomy="default")
    assert len(back.updated) == 3
    assert _status(index_dir).origin == "shipped"


def test_an_own_file_made_from_the_shipped_one_stays_own_through_a_rebuild(
    tmp_path: Path,
) -> None:
    first = _corpus(tmp_path / "first", "170229", seed=True)
    index_dir = tmp_path / "index"
    # Named and versioned as a shipped file, but given with --taxonomy: the index records it
    # as the user's own, which only the name rule of an older index would not tell.
    api.ingest([first], index_dir=index_dir, taxonomy=_older_shipped_taxonomy(tmp_path))
    assert not api.ingest([first], index_dir=index_dir).notes
    rebuilt = api.ingest([first], index_dir=index_dir, rebuild=True)
    assert len(rebuilt.added) == 2 and not rebuilt.notes
    status = _status(index_dir)
    assert status.origin == "own" and status.taxonomy.endswith("nace2-fr-2026.4")
    assert not status.reanalysis_recommended


@pytest.mark.parametrize("own", [False, True])
def test_a_refitted_detector_alone_is_told_too(tmp_path: Path, own: bool) -> None:
    first = _corpus(tmp_path / "first", "170229", seed=True)
    later = _corpus(tmp_path / "later", "170140")
    index_dir = tmp_path / "index"
    api.ingest([first], index_dir=index_dir, taxonomy=HUB if own else None)
    _analysed_by_an_earlier_detector(index_dir)
    assert _status(index_dir).reanalysis_recommended

    report = api.ingest([later], index_dir=index_dir)
    [notice] = report.notes
    assert "detector 0e1d2c3b4a59 -> " in notice and detector_fingerprint() in notice
    assert ("your own taxonomy is kept" in notice) == own
    assert _status(index_dir).origin == ("own" if own else "shipped")
    assert len(api.ingest([], index_dir=index_dir, reanalyze=True).updated) == 3
    assert not _status(index_dir).reanalysis_recommended


class _Stop(Exception):
    pass


def test_an_interrupted_reanalysis_is_taken_up_by_the_next_ingest(tmp_path: Path) -> None:
    first = _corpus(tmp_path / "first", "170229", "170131", "170132", seed=True)
    later = _corpus(tmp_path / "later", "170140")
    index_dir = tmp_path / "index"
    api.ingest([first], index_dir=index_dir, taxonomy=_older_shipped_taxonomy(tmp_path))
    _as_written_before_this_change(index_dir)

    def stop_after_two(progress: Progress) -> None:
        if progress.analyzed >= 2:
            raise _Stop

    with pytest.raises(_Stop):
        index_ingest(
            [], index_dir=index_dir, reanalyze=True, commit_every=1, progress=stop_after_two
        )
    halfway = _status(index_dir)
    assert halfway.reanalysis_pending and halfway.reanalysis_recommended
    assert "nace2-fr-2026.4" in halfway.mixed_with

    # A plain ingest of another folder finishes it: every document analysed again.
    report = api.ingest([later], index_dir=index_dir)
    assert report.added == ("170140",)
    assert len(report.updated) == 4
    assert any("taking up the re-analysis" in note for note in report.notes)
    done = _status(index_dir)
    assert not done.reanalysis_pending and not done.reanalysis_recommended


def test_a_killed_reanalyze_is_named_by_the_ingest_that_finishes_it(tmp_path: Path) -> None:
    """An up-to-date index (no older detection): the next plain ingest analysed every
    document again and reported them all "updated", without a word (audit 13, N1)."""
    first = _corpus(tmp_path / "first", "170229", "170131", "170132", seed=True)
    index_dir = tmp_path / "index"
    api.ingest([first], index_dir=index_dir)

    def stop_after_two(progress: Progress) -> None:
        if progress.analyzed >= 2:
            raise _Stop

    with pytest.raises(_Stop):
        index_ingest(
            [], index_dir=index_dir, reanalyze=True, commit_every=1, progress=stop_after_two
        )
    assert _status(index_dir).reanalysis_pending

    result = runner.invoke(app, ["ingest", str(first), "--index", str(index_dir)])
    assert result.exit_code == 0, result.stderr
    assert "0 added, 4 updated, 0 unchanged" in result.stdout
    (note,) = [line for line in result.stdout.splitlines() if "re-analysis" in line]
    assert "note: taking up the re-analysis of every document's sectors that an earlier run " in (
        note
    )
    assert "the 4 documents already indexed are analysed again from their files, and " in note
    assert "counted as updated whether their files changed or not" in note
    assert not _status(index_dir).reanalysis_pending
    # Done: the next ingest has nothing to say about it.
    again = api.ingest([first], index_dir=index_dir)
    assert len(again.unchanged) == 4 and not any("re-analysis" in n for n in again.notes)


def _ids(index_dir: Path) -> list[str]:
    with api.open_index(index_dir) as index:
        return [hit.id for hit in index.search("", facets=[], limit=100).hits]


def test_a_reanalysis_running_is_not_called_interrupted(tmp_path: Path) -> None:
    """Audit 18, T2: while `ingest --reanalyze` ran, `pqsearch info` and `sector_status()`
    said "a re-analysis was interrupted: the next `pqsearch ingest` takes it up again" (the
    mark a re-analysis sets when it starts), and an ingest run on that advice waited for it."""
    first = _corpus(tmp_path / "first", "170229", "170131", "170132", seed=True)
    index_dir = tmp_path / "index"
    api.ingest([first], index_dir=index_dir)
    seen: list[api.SectorStatus] = []

    def look_then_stop(progress: Progress) -> None:
        if progress.analyzed >= 1 and not seen:
            seen.append(_status(index_dir))
        if progress.analyzed >= 2:
            raise _Stop

    with pytest.raises(_Stop):
        index_ingest(
            [], index_dir=index_dir, reanalyze=True, commit_every=1, progress=look_then_stop
        )
    (running,) = seen
    assert running.reanalysis_pending and not running.reanalysis_recommended
    assert "re-analysis is running" in running.advice and "interrupted" not in running.advice
    stopped = _status(index_dir)
    assert stopped.reanalysis_pending and stopped.reanalysis_recommended
    assert "interrupted" in stopped.advice
