"""A damaged index gives an error naming the problem and the fix, never a traceback."""

from __future__ import annotations

import json
import os
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.analyze.lexicon import Lexicon
from pqsearch.cli import app
from pqsearch.errors import DamagedIndexError, NotFoundError
from pqsearch.index import store
from tests.conftest import BRUSSELS_HTML

PAGES = ("170131.html", "170132.html", "170229.html")
IDS = {"170131", "170132", "170229"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(corpus, index) of three real pages, built once; tests damage copies of the index."""
    work = tmp_path_factory.mktemp("damaged")
    corpus = work / "corpus"
    corpus.mkdir()
    for name in PAGES:
        shutil.copyfile(BRUSSELS_HTML / name, corpus / name)
    report = api.ingest([corpus], index_dir=work / "index")
    assert set(report.added) == IDS
    return corpus, work / "index"


def _segment(root: Path) -> Path:
    return max(
        (p for p in (root / store.LIVE).glob("MAIN_*.*") if p.suffix != ".toc"),
        key=lambda p: p.stat().st_size,
    )


def _toc(root: Path) -> Path:
    return next((root / store.LIVE).glob("_MAIN_*.toc"))


def _truncate(path: Path, size: int) -> None:
    os.truncate(path, size)


def _garbage(path: Path, start: int, length: int) -> None:
    data = bytearray(path.read_bytes())
    data[start : start + length] = random.Random(8).randbytes(length)
    path.write_bytes(bytes(data))


def _schema_not_utf8(path: Path) -> None:
    """A byte of a table's CREATE statement in SQLite's schema made invalid UTF-8 (the
    bit-flip harness's case): SQLite quotes the text it cannot parse in its error, which
    Python could not decode (a traceback)."""
    data = bytearray(path.read_bytes())
    data[data.index(b"NOT NULL") + len(b"NOT N")] = 0xD5  # "NOT N\xd5LL", as a flip made it
    path.write_bytes(bytes(data))


def _live_to_file(root: Path) -> None:
    (root / store.LIVE).unlink()
    (root / store.LIVE).write_text("not a link\n")


def _live_to_nowhere(root: Path) -> None:
    # The data folder gone too: beside one that holds the index, a dangling `live` is
    # relinked instead (`test_lost_live_link.py`).
    data = (root / store.LIVE).resolve()
    data.rename(root.parent / "elsewhere")
    (root / store.LIVE).unlink()
    (root / store.LIVE).symlink_to("data-0")


DAMAGES: dict[str, Callable[[Path], None]] = {
    "segment truncated to half": lambda r: _truncate(_segment(r), _segment(r).stat().st_size // 2),
    "segment truncated to nothing": lambda r: _truncate(_segment(r), 0),
    "segment deleted": lambda r: _segment(r).unlink(),
    "segment header garbage": lambda r: _garbage(_segment(r), 0, 4096),
    "segment tail garbage": lambda r: _garbage(_segment(r), _segment(r).stat().st_size - 64, 64),
    "segment file grown": lambda r: _segment(r).open("ab").write(b"\0" * 10),
    "table of contents garbage": lambda r: _garbage(_toc(r), 0, _toc(r).stat().st_size),
    "table of contents truncated": lambda r: _truncate(_toc(r), 40),
    "table of contents deleted": lambda r: _toc(r).unlink(),
    "lexicon deleted": lambda r: (r / store.LIVE / store.LEXICON_FILE).unlink(),
    "lexicon garbage": lambda r: _garbage(r / store.LIVE / store.LEXICON_FILE, 0, 8192),
    "live link to a missing folder": _live_to_nowhere,
    "live is a file, not a link": _live_to_file,
}


def _damaged_copy(built: tuple[Path, Path], tmp_path: Path, damage: str) -> Path:
    root = tmp_path / "index"
    shutil.copytree(built[1], root, symlinks=True)
    DAMAGES[damage](root)
    return root


@pytest.mark.parametrize("damage", DAMAGES)
def test_search_on_a_damaged_index_names_the_fix(
    built: tuple[Path, Path], tmp_path: Path, damage: str
) -> None:
    root = _damaged_copy(built, tmp_path, damage)
    result = CliRunner().invoke(app, ["search", "bruxelles", "--index", str(root)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "damaged" in result.stderr
    assert f'"pqsearch ingest --rebuild --index {root}"' in result.stderr
    with pytest.raises(DamagedIndexError, match="--rebuild"), api.open_index(root) as index:
        index.search("bruxelles", facets=["session", "sector"])


@pytest.mark.parametrize("damage", DAMAGES)
def test_ingest_into_a_damaged_index_refuses_and_names_the_fix(
    built: tuple[Path, Path], tmp_path: Path, damage: str
) -> None:
    root = _damaged_copy(built, tmp_path, damage)
    result = CliRunner().invoke(app, ["ingest", str(built[0]), "--index", str(root), "-q"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "--rebuild" in result.stderr


def test_ingest_refuses_a_lexicon_changed_in_the_middle(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """One byte flipped inside the lexicon: SQLite still opens it, so only its recorded
    checksum tells. Ingest used to drop that checksum unchecked and record the damaged
    file's instead: the damage was never reported again (audit 9, finding 7)."""
    root = tmp_path / "index"
    shutil.copytree(built[1], root, symlinks=True)
    live = store.live_data_dir(root)
    assert live is not None
    lexicon = live / store.LEXICON_FILE
    data = bytearray(lexicon.read_bytes())
    data[len(data) // 2] ^= 0x20
    lexicon.write_bytes(bytes(data))
    ingest = ["ingest", str(built[0]), "--index", str(root), "-q"]
    # Refused, and still reported by the search that follows (the checksum was kept).
    for command in (ingest, ["search", "bruxelles", "--index", str(root)], ingest):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 2, (command, result.output)
        assert "Traceback" not in result.output
        assert f"its lexicon {lexicon} was changed" in result.stderr
        assert f'"pqsearch ingest --rebuild --index {root}"' in result.stderr


@pytest.mark.parametrize(
    "damage", ["segment truncated to half", "lexicon deleted", "live is a file, not a link"]
)
def test_rebuild_repairs_a_damaged_index(
    built: tuple[Path, Path], tmp_path: Path, damage: str
) -> None:
    root = _damaged_copy(built, tmp_path, damage)
    result = CliRunner().invoke(
        app, ["ingest", str(built[0]), "--index", str(root), "--rebuild", "-q"]
    )
    assert result.exit_code == 0, result.output
    with api.open_index(root) as index:
        assert {hit.id for hit in index.search("", limit=10).hits} == IDS
        assert index.search("id:170229").total == 1
    assert len(list(root.glob("data-*"))) == 1


def test_rebuild_builds_beside_and_switches_when_done(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    root = tmp_path / "index"
    shutil.copytree(built[1], root, symlinks=True)
    before = os.readlink(root / store.LIVE)
    seen_during: list[tuple[str, int]] = []

    def look(progress: object) -> None:
        with api.open_index(root) as index:
            seen_during.append((os.readlink(root / store.LIVE), index.search("").total))

    api.ingest([built[0]], index_dir=root, rebuild=True, progress=look)
    assert seen_during and all(seen == (before, len(IDS)) for seen in seen_during)
    after = os.readlink(root / store.LIVE)
    assert after != before
    assert not (root / before).exists()


def test_garbage_anywhere_in_a_segment_is_an_error_or_a_result(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """Whoosh keeps no checksums, the file record does (the CRC-32 of every whole file):
    bytes damaged anywhere in a segment give DamagedIndexError when the index is opened,
    never a decoding exception nor a silently different answer (issue 12)."""
    root = tmp_path / "index"
    shutil.copytree(built[1], root, symlinks=True)
    segment = _segment(root)
    pristine = segment.read_bytes()
    rng = random.Random(5)
    outcomes = {"answered": 0, "damaged": 0, "id not found": 0}
    for _ in range(60):
        data = bytearray(pristine)
        start, length = rng.randrange(len(data)), rng.choice((1, 8, 64, 4096))
        data[start : start + length] = rng.randbytes(len(data[start : start + length]))
        if bytes(data) == pristine:
            continue
        segment.write_bytes(bytes(data))
        try:
            with api.open_index(root) as index:
                result = index.search("région mobilité", facets=["session", "addressee"])
                for hit in result.hits:
                    index.show(hit.id)
                index.search('"région de bruxelles-capitale"', sort="newest")
                index.facet("session")
            outcomes["answered"] += 1
        except DamagedIndexError as error:
            assert "--rebuild" in str(error)
            outcomes["damaged"] += 1
        except NotFoundError:
            outcomes["id not found"] += 1
    assert outcomes["damaged"] > 50
    assert outcomes["answered"] == outcomes["id not found"] == 0


def _rename_in_record(root: Path) -> Path:
    """A letter of a file name changed inside the file record, as a flipped byte does."""
    record = next((root / store.LIVE).glob("files-*.json"))
    name = _segment(root).name
    text = record.read_text()
    assert name in text
    record.write_text(text.replace(name, name.replace("MAIN_", "MAIN-"), 1))
    return record


@pytest.mark.parametrize("damage", ["a file name changed", "no longer JSON"])
def test_a_damaged_file_record_is_reported_as_such(
    built: tuple[Path, Path], tmp_path: Path, damage: str
) -> None:
    """The damaged record used to be reported as a missing segment file (audit 9, finding
    10), or, no longer parsing, skipped silently: the cause is the record, the fix the same."""
    root = tmp_path / "index"
    shutil.copytree(built[1], root, symlinks=True)
    if damage == "a file name changed":
        record = _rename_in_record(root)
    else:
        record = next((root / store.LIVE).glob("files-*.json"))
        record.write_bytes(record.read_bytes()[:-9])
    for command in (["search", "bruxelles"], ["ingest", str(built[0]), "-q"]):
        result = CliRunner().invoke(app, [*command, "--index", str(root)])
        assert result.exit_code == 2, result.output
        assert "missing" not in result.stderr
        assert f"its file record {root}/" in result.stderr and record.name in result.stderr
        assert f'"pqsearch ingest --rebuild --index {root}"' in result.stderr


def test_an_index_without_its_file_record_still_opens(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """An index written before file records existed (or a commit killed before writing it)
    is opened without the check, not refused."""
    root = tmp_path / "index"
    shutil.copytree(built[1], root, symlinks=True)
    records = list((root / store.LIVE).glob("files-*.json"))
    assert len(records) == 1
    records[0].unlink()
    with api.open_index(root) as index:
        assert index.search("bruxelles").total > 0


def test_the_file_record_lists_every_file_of_the_live_segments(built: tuple[Path, Path]) -> None:
    live = built[1] / store.LIVE
    (record,) = live.glob("files-*.json")
    listed = set(json.loads(record.read_text())["files"])
    on_disk = {p.name for p in live.glob("MAIN_*.*") if p.suffix != ".toc"}
    extra = {p.name for p in live.glob("_MAIN_*.toc")} | {"taxonomy.toml"}
    assert listed == on_disk | extra
    assert any(name.endswith(".pst") for name in listed)


def test_an_ingest_with_nothing_new_removes_files_a_killed_ingest_left(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    root = tmp_path / "index"
    shutil.copytree(built[1], root, symlinks=True)
    live = root / store.LIVE
    stray = [live / "MAIN_zzzzzzzzzzzzzzzz.pst", live / "MAIN_zzzzzzzzzzzzzzzz._stored.col"]
    for path in stray:
        path.write_bytes(b"half written")
    report = api.ingest([built[0]], index_dir=root)
    assert report.unchanged and not report.added
    assert not any(path.exists() for path in stray)
    with api.open_index(root) as index:
        assert index.search("bruxelles").total > 0


@pytest.mark.parametrize("damage", ["truncated", "flipped"])
def test_damaged_saved_columns_neither_stop_searches_nor_ingests(
    built: tuple[Path, Path], tmp_path: Path, damage: str
) -> None:
    """Issue 12: a truncated or flipped columns-N.npz made every search and every ingest
    fail (BadZipFile, Bad CRC-32) until a rebuild; they are rebuilt from the index (the
    columns-N.arrays that replaced it fails its CRC-32 the same way)."""
    root = tmp_path / "index"
    shutil.copytree(built[1], root, symlinks=True)
    with api.open_index(root) as index:
        expected = index.search("", sort="newest", facets=["session", "addressee"], limit=10)
    (saved,) = (root / store.LIVE).glob("columns-*.arrays")
    data = bytearray(saved.read_bytes())
    if damage == "truncated":
        del data[len(data) // 2 :]
    else:
        data[len(data) // 2] ^= 0x10
    saved.write_bytes(bytes(data))
    with api.open_index(root) as index:
        assert (
            index.search("", sort="newest", facets=["session", "addressee"], limit=10) == expected
        )
    report = api.ingest([built[0]], index_dir=root)
    assert set(report.unchanged) == IDS
    with api.open_index(root) as index:
        assert (
            index.search("", sort="newest", facets=["session", "addressee"], limit=10) == expected
        )


def test_a_lexicon_whose_schema_text_is_not_utf8_is_damage(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    # Opened directly, as a reader does once the index's files are stamped as checked whole
    # (the checksum is not read again): the bit-flip harness met this as a traceback.
    lexicon = tmp_path / store.LEXICON_FILE
    shutil.copyfile(built[1] / store.LIVE / store.LEXICON_FILE, lexicon)
    _schema_not_utf8(lexicon)
    with pytest.raises(DamagedIndexError, match="--rebuild"):
        Lexicon.open(lexicon).close()
