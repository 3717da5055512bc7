"""An index written by another version of pqsearch (audit 15, U1 and U2).

U2: an ingest refused with "built by another version" first migrated the lexicon in place, so
the version that built the index could no longer add documents to it. U1: the rebuild its
message asked for was `ingest corpus/ --rebuild`, which dropped every other folder, and the
rebuild given no paths (the files the index names) failed with the same message.

A real older lexicon is simulated: schema 1, and without the stem table a later version added
(opening it writable fills that table, which is the kind of change the refusal must not make).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.analyze import acronyms
from pqsearch.errors import OutdatedIndexError
from pqsearch.index import store
from pqsearch.index.manifest import drop_lexicon_sum
from pqsearch.index.schema import SCHEMA_VERSION
from tests.conftest import BRUSSELS_RECORDS, SEED, run_pqsearch
from tests.legacy_acronyms import unmark_acronym_counts
from tests.rows_layout import make_rows_lexicon
from tests.schema4 import make_schema_4_lexicon


def _older_index(tmp_path: Path) -> tuple[Path, Path]:
    """An index of two folders (the seed, and a records file elsewhere), as an older pqsearch
    left it; returns the index folder and its data folder."""
    first, second = tmp_path / "corpus", tmp_path / "elsewhere"
    first.mkdir()
    second.mkdir()
    shutil.copy(SEED, first / "seed.txt")
    lines = BRUSSELS_RECORDS.read_text(encoding="utf-8").splitlines()[:3]
    (second / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    index_dir = tmp_path / "index"
    report = api.ingest([first, second], index_dir=index_dir)
    assert len(report.added) == 4 and not report.failed
    data = store.live_data_dir(index_dir)
    assert data is not None
    make_rows_lexicon(data / store.LEXICON_FILE)
    connection = sqlite3.connect(data / store.LEXICON_FILE)
    with connection:
        connection.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        connection.execute("DELETE FROM meta WHERE key = 'stems'")
        connection.execute("DELETE FROM stems")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    # That version kept no checksum of its lexicon.
    drop_lexicon_sum(data)
    # Old enough that a reader would stamp its files as checked (`verified.SETTLE_SECONDS`):
    # a refusal must come before any stamp (review 15, R3).
    old = time.time() - 3600
    for path in data.iterdir():
        os.utime(path, (old, old))
    return index_dir, data


def _files(folder: Path) -> dict[str, bytes]:
    # Not SQLite's own -wal and -shm files beside the lexicon, which any search opens.
    files = (p for p in sorted(folder.iterdir()) if p.is_file())
    return {p.name: p.read_bytes() for p in files if not p.name.endswith(("-wal", "-shm"))}


def test_a_refused_ingest_or_search_changes_nothing(tmp_path: Path) -> None:
    index_dir, data = _older_index(tmp_path)
    before = _files(data)
    with pytest.raises(OutdatedIndexError, match="nothing was changed"):
        api.ingest([tmp_path / "corpus"], index_dir=index_dir)
    with pytest.raises(OutdatedIndexError, match="nothing was changed"):
        api.open_index(index_dir)
    after = _files(data)
    assert sorted(set(after) ^ set(before)) == []
    assert [n for n in before if before[n] != after[n]] == []


def test_the_rebuild_the_message_gives_keeps_every_folder(tmp_path: Path) -> None:
    index_dir, _ = _older_index(tmp_path)
    shown = run_pqsearch("search", "logement", "--index", str(index_dir), cwd=tmp_path)
    assert shown.returncode == 2
    command = f"pqsearch ingest --rebuild --index {index_dir}"
    assert command in shown.stderr and "corpus/" not in shown.stderr
    # Run from anywhere, as the message says: the files the index was built from.
    rebuilt = run_pqsearch(
        "ingest", "--rebuild", "--index", str(index_dir), cwd=tmp_path / "elsewhere"
    )
    assert rebuilt.returncode == 0, rebuilt.stderr
    with api.open_index(index_dir) as index:
        assert index.document_count == 4


def test_a_newer_version_s_index_is_not_rebuilt_into_an_older_one(tmp_path: Path) -> None:
    # Review 15, R4: the rebuild it was told to run replaced it with this version's index.
    index_dir, data = _older_index(tmp_path)
    connection = sqlite3.connect(data / store.LEXICON_FILE)
    with connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    connection.close()
    with pytest.raises(OutdatedIndexError, match="newer version of pqsearch") as raised:
        api.open_index(index_dir)
    assert "--rebuild" not in str(raised.value)
    with pytest.raises(OutdatedIndexError, match="newer version"):
        api.ingest([], index_dir=index_dir, rebuild=True)
    assert store.live_data_dir(index_dir) == data


def _seen(index_dir: Path, words: list[str]) -> list[object]:
    with api.open_index(index_dir) as index:
        found: list[object] = []
        for word in words:
            result = index.search(word, limit=5)
            found.append([(hit.id, hit.highlights) for hit in result.hits])
            found.append((result.suggestions, result.corrections))
        return found


def test_a_schema_4_index_answers_alike_and_its_next_ingest_brings_it_to_the_latest(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "corpus", tmp_path / "elsewhere"
    first.mkdir()
    second.mkdir()
    shutil.copy(SEED, first / "seed.txt")
    lines = BRUSSELS_RECORDS.read_text(encoding="utf-8").splitlines()[:2]
    (second / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    index_dir = tmp_path / "index"
    assert not api.ingest([first], index_dir=index_dir).failed
    words = ["region energie", "diplomates", "capitale", "regoin", '"politique etrangere"']
    before = _seen(index_dir, words)
    data = store.live_data_dir(index_dir)
    assert data is not None
    make_schema_4_lexicon(data / store.LEXICON_FILE)
    drop_lexicon_sum(data)
    assert _seen(index_dir, words) == before
    assert not api.ingest([first, second], index_dir=index_dir).failed
    connection = sqlite3.connect(data / store.LEXICON_FILE)
    version = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'")
    assert version.fetchone()[0] == SCHEMA_VERSION
    names = {str(row[0]) for row in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert "blocks" in names and not names & {"lemmas", "lemma_forms", "lemma_other_forms"}
    with api.open_index(index_dir) as index:
        assert index.document_count == 3


def test_a_schema_5_index_answers_alike_before_and_after_the_ingest_that_migrates_it(
    tmp_path: Path,
) -> None:
    """Schema 6 keeps the lexicon's rows in compressed blocks: a search reads the rows of
    schema 5 as they are (nothing written), and the next ingest, with nothing new to read,
    turns them into blocks, the old tables dropped and the file rewritten smaller."""
    first = tmp_path / "corpus"
    first.mkdir()
    shutil.copy(SEED, first / "seed.txt")
    index_dir = tmp_path / "index"
    assert not api.ingest([first], index_dir=index_dir).failed
    words = ["region energie", "diplomates", "capitale", "regoin", '"politique etrangere"']
    before = _seen(index_dir, words)
    data = store.live_data_dir(index_dir)
    assert data is not None
    lexicon = data / store.LEXICON_FILE
    blocks_size = lexicon.stat().st_size
    make_rows_lexicon(lexicon)
    drop_lexicon_sum(data)
    rows_size = lexicon.stat().st_size
    assert _seen(index_dir, words) == before
    with closing(sqlite3.connect(lexicon)) as connection:
        names = {str(row[0]) for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "forms" in names and "blocks" not in names  # read, not migrated
    assert not api.ingest([first], index_dir=index_dir).failed
    with closing(sqlite3.connect(lexicon)) as connection:
        names = {str(row[0]) for row in connection.execute("SELECT name FROM sqlite_master")}
        version = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version.fetchone()[0] == SCHEMA_VERSION
    assert "blocks" in names and not names & {"forms", "lemmas", "stems", "spellings"}
    assert lexicon.stat().st_size < rows_size / 2
    assert lexicon.stat().st_size <= blocks_size * 1.1
    assert _seen(index_dir, words) == before


def test_an_open_index_keeps_answering_after_an_ingest_migrates_its_lexicon(
    tmp_path: Path,
) -> None:
    """Review L, L1: an open index (what `pqsearch serve` holds) read a rows-layout lexicon
    through pinned views of its tables; an ingest with nothing new turned the rows into
    blocks and dropped those tables, and every later search of a word not read yet said the
    index was damaged and had to be rebuilt, until a restart."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "seed.txt")
    index_dir = tmp_path / "index"
    assert not api.ingest([corpus], index_dir=index_dir).failed
    words = ("capitale", "region energie", "diplomates")
    with api.open_index(index_dir) as fresh:
        expected = [fresh.search(word).total for word in words]
    assert all(expected)
    data = store.live_data_dir(index_dir)
    assert data is not None
    make_rows_lexicon(data / store.LEXICON_FILE)
    drop_lexicon_sum(data)
    with api.open_index(index_dir) as index:
        assert index.search("capitale").total == expected[0]
        generation = store.live_generation(index_dir)
        assert not api.ingest([corpus], index_dir=index_dir).failed
        assert store.live_generation(index_dir) == generation  # the same views serve on
        with closing(sqlite3.connect(data / store.LEXICON_FILE)) as connection:
            names = {str(row[0]) for row in connection.execute("SELECT name FROM sqlite_master")}
        assert "blocks" in names and "lemmas" not in names
        assert [index.search(word).total for word in words] == expected


# What the eighteenth session's pqsearch (9bcf85c) reads: it writes into these, and would
# write its own table of acronym definitions back beside this version's (review X, F1).
_READ_BY_THE_EIGHTEENTH_SESSION = ("3", "4", "5", "6")
_ZBE = "La Zone de Basses Émissions (ZBE) sera étendue. Quel en est le calendrier ?"


def _as_the_eighteenth_session_wrote_it(lexicon: Path) -> None:
    """Schema 6: the definitions in the unversioned table `acronyms`, no generations."""
    with closing(sqlite3.connect(lexicon)) as connection, connection:
        connection.executescript(
            "CREATE TABLE acronyms (document TEXT NOT NULL, acronym TEXT NOT NULL, "
            "long_form TEXT NOT NULL, strict INTEGER NOT NULL, "
            "PRIMARY KEY (document, acronym, long_form)) WITHOUT ROWID;"
            "INSERT INTO acronyms SELECT document, acronym, long_form, strict "
            "FROM acronym_rows WHERE removed IS NULL;"
            "DROP TABLE acronym_rows;"
            "UPDATE meta SET value = '6' WHERE key = 'schema_version';"
        )
        unmark_acronym_counts(connection)


def _zbe(index_dir: Path) -> list[str]:
    with api.open_index(index_dir) as index:
        return [s.term.lower() for s in index.synonyms("ZBE") if s.source == "corpus acronym"]


def test_an_ingest_brings_a_schema_6_index_to_a_schema_the_eighteenth_session_refuses(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = BRUSSELS_RECORDS.read_text(encoding="utf-8").splitlines()[:3]
    records = [json.loads(line) for line in lines]
    records.append(dict(records[2], id="zbe-1", moncode="zbe-1", numero="999", question=_ZBE))
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (corpus / "records.jsonl").write_text(text, encoding="utf-8")
    index_dir = tmp_path / "index"
    assert not api.ingest([corpus], index_dir=index_dir).failed
    data = store.live_data_dir(index_dir)
    assert data is not None
    lexicon = data / store.LEXICON_FILE
    _as_the_eighteenth_session_wrote_it(lexicon)
    drop_lexicon_sum(data)
    assert _zbe(index_dir) == ["zone de basses émissions"]  # read as it is
    assert not api.ingest([corpus], index_dir=index_dir).failed
    with closing(sqlite3.connect(lexicon)) as connection:
        names = {str(row[0]) for row in connection.execute("SELECT name FROM sqlite_master")}
        version = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'")
        stamped = version.fetchone()[0]
    assert "acronym_rows" in names and "acronyms" not in names
    assert stamped not in _READ_BY_THE_EIGHTEENTH_SESSION
    assert _zbe(index_dir) == ["zone de basses émissions"]
    # The next commit marks the counts and keeps them once, under the marked key alone.
    more = BRUSSELS_RECORDS.read_text(encoding="utf-8").splitlines()[3]
    (corpus / "more.jsonl").write_text(more + "\n", encoding="utf-8")
    assert api.ingest([corpus], index_dir=index_dir).added
    with closing(sqlite3.connect(lexicon)) as connection:
        keys = {str(key) for (key,) in connection.execute("SELECT key FROM meta")}
    assert acronyms.GENERATION_META_KEY in keys and acronyms.META_KEY not in keys
    assert _zbe(index_dir) == ["zone de basses émissions"]
