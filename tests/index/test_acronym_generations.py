"""A reader expands an acronym by what its own generation's documents define, whatever an
ingest in another process has written for the next commit, or left by dying before it
(audit 18, L1 and L2: the definitions carried no generation)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from pqsearch import api
from pqsearch.analyze import acronyms, lexicon_acronyms
from pqsearch.errors import DamagedIndexError
from pqsearch.index import ingest as ingest_module
from pqsearch.index import store
from pqsearch.index.manifest import drop_lexicon_sum
from tests.conftest import BRUSSELS_RECORDS
from tests.index.paused_ingest import PausedIngest
from tests.legacy_acronyms import unmark_acronym_counts

DEFINES = "La Zone de Basses Émissions (ZBE) sera étendue. Quel en est le calendrier ?"


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return path


def _sources(folder: Path) -> tuple[Path, Path]:
    """Two real records, one naming the zone without its acronym; and a third (made from a
    real one) defining "ZBE"."""
    lines = BRUSSELS_RECORDS.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines[:3]]
    records[0]["question"] = f"{records[0]['question']} Quid de la zone de basses émissions ?"
    defining = dict(records[2], id="zbe-1", moncode="zbe-1", numero="999", question=DEFINES)
    return _write(folder / "first.jsonl", records[:2]), _write(folder / "zbe.jsonl", [defining])


def _acronym_terms(index: api.Index, word: str) -> list[str]:
    # Lower-cased: the label is the documents' most frequent spelling, and those counts are
    # the latest, not the generation's (a later ingest's "zone" outnumbers N's "Zone").
    return [s.term.lower() for s in index.synonyms(word) if s.source == "corpus acronym"]


def test_a_reader_does_not_expand_an_acronym_the_next_commit_defines(tmp_path: Path) -> None:
    first, defining = _sources(tmp_path)
    index = tmp_path / "index"
    api.ingest([first], index_dir=index)
    with api.Index(index) as long_lived:
        assert long_lived.search("ZBE").total == 0
        ingest = PausedIngest(index, [first, defining])
        try:
            # The lexicon holds the next commit's definition; Whoosh still serves the two
            # documents, which never define ZBE.
            with api.Index(index) as fresh:
                assert fresh.document_count == 2
                for reader in (fresh, long_lived):
                    assert reader.search("ZBE").total == 0
                    assert _acronym_terms(reader, "ZBE") == []
            ingest.go()
        finally:
            ingest.end()
        assert long_lived.document_count == 3
        assert _acronym_terms(long_lived, "ZBE") == ["zone de basses émissions"]
        assert long_lived.search("ZBE").total == 2


def test_a_reader_keeps_an_acronym_its_generation_defines(tmp_path: Path) -> None:
    first, defining = _sources(tmp_path)
    index = tmp_path / "index"
    api.ingest([first, defining], index_dir=index)
    # The defining document rewritten without the definition, committed next.
    record = json.loads(defining.read_text(encoding="utf-8"))
    _write(defining, [dict(record, question="Quel est le calendrier de la zone ?")])
    ingest = PausedIngest(index, [first, defining])
    try:
        with api.Index(index) as fresh:
            assert fresh.get("zbe-1").question == DEFINES
            assert _acronym_terms(fresh, "ZBE") == ["zone de basses émissions"]
            assert fresh.search("ZBE").total == 2
        ingest.go()
    finally:
        ingest.end()
    with api.Index(index) as after:
        assert _acronym_terms(after, "ZBE") == []
        assert after.search("ZBE").total == 0


def test_a_killed_ingest_leaves_no_definition_behind(tmp_path: Path) -> None:
    first, defining = _sources(tmp_path)
    index = tmp_path / "index"
    api.ingest([first], index_dir=index)
    ingest = PausedIngest(index, [first, defining], mode="kill")
    assert ingest.end() == 9
    defining.unlink()
    api.ingest([first], index_dir=index, prune=True)
    with api.Index(index) as after:
        assert after.document_count == 2
        assert _acronym_terms(after, "ZBE") == []
        assert after.search("ZBE").total == 0


def _counts_only(index: Path) -> None:
    """Make the lexicon one written before the per-document table (index schema 3): the
    acronym counts only, in the meta key `acronyms`."""
    data = store.live_data_dir(index)
    assert data is not None
    with closing(sqlite3.connect(data / store.LEXICON_FILE)) as connection, connection:
        connection.execute(f"DROP TABLE {lexicon_acronyms.TABLE}")
        unmark_acronym_counts(connection)
    drop_lexicon_sum(data)


def _meta_keys(index: Path) -> set[str]:
    data = store.live_data_dir(index)
    assert data is not None
    with closing(sqlite3.connect(data / store.LEXICON_FILE)) as connection:
        return {str(key) for (key,) in connection.execute("SELECT key FROM meta")}


def test_counts_taken_over_from_an_older_lexicon_outlive_a_killed_ingest(tmp_path: Path) -> None:
    # Review X, F2: taken over for the commit to come, they were discarded as never committed.
    first, defining = _sources(tmp_path)
    index = tmp_path / "index"
    api.ingest([first, defining], index_dir=index)
    _counts_only(index)
    with api.Index(index) as before:
        assert _acronym_terms(before, "ZBE") == ["zone de basses émissions"]
    lines = BRUSSELS_RECORDS.read_text(encoding="utf-8").splitlines()
    more = _write(tmp_path / "more.jsonl", [json.loads(lines[3])])
    ingest = PausedIngest(index, [first, defining, more], mode="kill")
    assert ingest.end() == 9
    with api.Index(index) as killed:
        assert _acronym_terms(killed, "ZBE") == ["zone de basses émissions"]
    assert not api.ingest([first, defining, more], index_dir=index).failed
    with api.Index(index) as after:
        assert after.document_count == 4
        assert _acronym_terms(after, "ZBE") == ["zone de basses émissions"]
        assert after.search("ZBE").total == 2
    # Taken over once: one document's count, not doubled by the ingests that followed.
    assert [n for n, _ in _stored_counts(index)["zbe"].values()] == [1]
    # The unmarked copy went with the first commit that marked its counts.
    assert acronyms.META_KEY not in _meta_keys(index)


def test_the_counts_are_stored_once(tmp_path: Path) -> None:
    # Each commit wrote them twice, marked and unmarked (s19 left-over, review X N2): the
    # unmarked copy is for versions before schema 7, which refuse such an index.
    first, defining = _sources(tmp_path)
    index = tmp_path / "index"
    api.ingest([first, defining], index_dir=index)
    keys = _meta_keys(index)
    assert acronyms.GENERATION_META_KEY in keys and acronyms.META_KEY not in keys
    with api.Index(index) as reader:
        assert _acronym_terms(reader, "ZBE") == ["zone de basses émissions"]
        assert reader.search("ZBE").total == 2
    record = json.loads(defining.read_text(encoding="utf-8"))
    _write(defining, [dict(record, question="Quel est le calendrier de la zone ?")])
    api.ingest([first, defining], index_dir=index)
    assert acronyms.META_KEY not in _meta_keys(index)
    with api.Index(index) as reader:
        assert _acronym_terms(reader, "ZBE") == []


def _stored_counts(index: Path) -> dict[str, dict[str, list[int]]]:
    data = store.live_data_dir(index)
    assert data is not None
    with closing(sqlite3.connect(data / store.LEXICON_FILE)) as connection:
        (raw,) = connection.execute(
            "SELECT value FROM meta WHERE key = ?", (acronyms.GENERATION_META_KEY,)
        ).fetchone()
    counts: dict[str, dict[str, list[int]]] = json.loads(raw)["counts"]
    return counts


def test_a_new_index_s_merge_commit_keeps_the_stored_counts_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Review X, F3: the merge that ends a new index's ingest of several commits is a commit
    # no count marks; every reader then counted the definitions again from the table.
    first, defining = _sources(tmp_path)
    index = tmp_path / "index"
    ingest_module.ingest([first, defining], index_dir=index, commit_every=1, batch_size=1)
    data = store.live_data_dir(index)
    assert data is not None
    with store.open_whoosh(index, data).reader() as reader:
        assert len(list(reader.leaf_readers())) == 1  # merged
    counted: list[int | None] = []
    real = lexicon_acronyms.counts

    def counting(db: sqlite3.Connection, generation: int | None) -> list[Any]:
        counted.append(generation)
        return real(db, generation)

    monkeypatch.setattr(lexicon_acronyms, "counts", counting)
    with api.Index(index) as reader:
        assert _acronym_terms(reader, "ZBE") == ["zone de basses émissions"]
        assert reader.search("ZBE").total == 2
        assert reader.search("zone basses émissions").total == 2
    assert counted == []


def test_a_lexicon_that_lost_its_definitions_says_it_is_damaged(tmp_path: Path) -> None:
    # Review X, N1: with the counts marked for a commit to come, a reader counts its own from
    # the table; without the table it expanded nothing, as if no document defined anything.
    first, defining = _sources(tmp_path)
    index = tmp_path / "index"
    api.ingest([first, defining], index_dir=index)
    data = store.live_data_dir(index)
    assert data is not None
    with closing(sqlite3.connect(data / store.LEXICON_FILE)) as connection, connection:
        connection.execute(f"DROP TABLE {lexicon_acronyms.TABLE}")
        marked = json.dumps({"generation": 99, "counts": {}})
        connection.execute(
            "UPDATE meta SET value = ? WHERE key = ?", (marked, acronyms.GENERATION_META_KEY)
        )
    drop_lexicon_sum(data)
    with api.Index(index) as reader, pytest.raises(DamagedIndexError, match="--rebuild"):
        reader.synonyms("ZBE")
