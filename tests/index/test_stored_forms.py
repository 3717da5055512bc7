"""Indexes written before the smaller stored records and postings blocks keep working: they
read as they are, an ingest into one adds segments of the new form beside the old, and a
merge of both answers the same as an index written whole by the current code."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, NUMERIC

from benchmarks.generate import Generator, load_pools
from pqsearch import api
from pqsearch.index import ingest as ingest_module
from pqsearch.index import run as run_module
from pqsearch.index import schema as schema_module
from pqsearch.index import segments as segments_module
from pqsearch.index import store
from pqsearch.index.records import decode_record, encode_record, record_json
from pqsearch.index.whoosh_format import POSTINGS_BLOCK
from tests.conftest import REPO, SHIPPED_CORPUS

QUERIES = ("bruxelles", "logement social", '"de la Région"', "ministre OR commune")


def _records(path: Path, start: int, count: int) -> Path:
    pools = dataclasses.replace(load_pools(SHIPPED_CORPUS), question_lengths=(2,))
    generator = Generator(pools, 7)
    lines = (
        json.dumps(generator.record(i), ensure_ascii=False) for i in range(start, start + count)
    )
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _old_schema() -> Any:
    """The schema `main` wrote up to 37fd172: the four fields below stored, the content hash,
    the source and the dates indexed, the metadata fields and the number with columns."""
    schema = schema_module.build_schema()
    schema.remove("id")
    schema.add("id", ID(stored=True, unique=True, sortable=True))
    for name in ("content_hash", "source"):
        schema.remove(name)
        schema.add(name, ID(stored=True, sortable=True))
    schema.remove("source_rank")
    schema.add("source_rank", NUMERIC(int, stored=True, sortable=True))
    for name in schema_module.DATE_FIELDS:
        schema.remove(name)
        schema.add(name, NUMERIC(int, sortable=True, bits=32))
    for name in schema_module.ID_FIELDS:
        schema.remove(name)
        schema.add(name, ID(sortable=True))
    schema.remove("number")
    schema.add("number", NUMERIC(int, sortable=True))
    return schema


def _write_old_form(monkeypatch: pytest.MonkeyPatch) -> None:
    """Write as `main` did up to 37fd172: records as plain JSON, Whoosh's default codec."""
    monkeypatch.setattr(
        schema_module, "encode_record", lambda record: json.dumps(record, ensure_ascii=False)
    )
    monkeypatch.setattr(segments_module, "build_schema", _old_schema)
    monkeypatch.setattr(segments_module, "postings_codec", W3Codec)
    monkeypatch.setattr(run_module, "postings_codec", W3Codec)


def _segments(index_dir: Path) -> list[tuple[str, int, int]]:
    """Per segment: the form of its records' first characters, its block size, documents."""
    data = store.live_data_dir(index_dir)
    assert data is not None
    ix = store.open_whoosh(index_dir, data)
    with ix.reader() as reader:
        found = []
        for leaf, _ in reader.leaf_readers():
            forms = {leaf.stored_fields(n)["record"][:1] for n in range(leaf.doc_count_all())}
            found.append(
                ("".join(sorted(forms)), leaf.segment().codec()._blocklimit, leaf.doc_count())
            )
    return sorted(found)


def _indexed(index_dir: Path) -> dict[str, bool]:
    data = store.live_data_dir(index_dir)
    assert data is not None
    schema = store.open_whoosh(index_dir, data).schema
    return {name: schema[name].indexed for name in ("received", "content_hash")}


def _answers(index_dir: Path, ids: list[str]) -> dict[str, Any]:
    with api.open_index(index_dir) as index:
        shown = {i: (index.get(i).to_dict(), repr(index.show(i))) for i in ids}
        found = {}
        for text in QUERIES:
            result = index.search(text, limit=100)
            found[text] = (result.total, sorted(hit.id for hit in result.hits))
    return {"documents": shown, "searches": found}


def test_a_record_reads_back_in_either_form() -> None:
    record = {"question": {"id": "x", "title": "Île-de-France, «énergie»"}, "sectors": []}
    new = encode_record(record)
    assert new[:1] == "1" and decode_record(new) == record
    old = json.dumps(record, ensure_ascii=False)
    assert decode_record(old) == record and record_json(old) == old
    with pytest.raises(ValueError, match="unknown form"):
        decode_record("9" + new[1:])


def test_the_record_dictionary_never_changes() -> None:
    # Records written with dictionary 1 need these exact bytes to be read: a better
    # dictionary is a new file and a new form (`records.py`).
    data = (REPO / "pqsearch" / "data" / "record-dictionary-1.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == (
        "5b827f569726abb618314139c39fa948aa35df39a91558c9336e3b3b25cecd2d"
    )


# Three ingests and a merge, each with spaCy.
@pytest.mark.slow
def test_an_old_index_reads_takes_new_segments_and_merges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _records(tmp_path / "a.jsonl", 0, 12)
    second = _records(tmp_path / "b.jsonl", 12, 12)
    whole = tmp_path / "whole"
    ingest_module.ingest([first, second], index_dir=whole)
    ids = sorted(json.loads(line)["id"] for line in first.read_text().splitlines())
    ids += sorted(json.loads(line)["id"] for line in second.read_text().splitlines())

    old = tmp_path / "old"
    with monkeypatch.context() as patched:
        _write_old_form(patched)
        ingest_module.ingest([first], index_dir=old)
    assert _segments(old) == [("{", 128, 12)]
    assert _segments(whole) == [("1", POSTINGS_BLOCK, 24)]
    assert _indexed(old) == {"received": True, "content_hash": True}
    assert _indexed(whole) == {"received": False, "content_hash": False}
    # Read as written: the old index answers what one written now answers.
    assert _answers(old, ids[:12])["documents"] == _answers(whole, ids[:12])["documents"]

    # Ingest into it with the current code: a new segment of the new form beside the old.
    report = ingest_module.ingest([first, second], index_dir=old)
    assert len(report.added) == 12 and not report.failed
    assert _segments(old) == [("1", POSTINGS_BLOCK, 12), ("{", 128, 12)]
    assert _answers(old, ids) == _answers(whole, ids)

    # Merged into one segment (written with the new codec; records are copied as they are).
    data = store.live_data_dir(old)
    assert data is not None
    segments_module.merge_segments(store.open_whoosh(old, data))
    assert _segments(old) == [("1{", POSTINGS_BLOCK, 24)]
    assert _answers(old, ids) == _answers(whole, ids)
