"""The frequent words' positions saved beside a generation (`positions_file.py`): used when
they belong to the generation the reader sees, ignored when stale, damaged or missing, and
phrases find the same documents either way, as Whoosh's own phrase queries do.

The generated index (several segments, deleted documents) and the shipped corpus are below
the frequency that ingest saves (`SAVED_MIN_POSTINGS`): here every term of a copy is saved
(`min_postings=1`), so that every phrase reads the file.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh import query as wq

from benchmarks.generate import Generator, load_pools
from pqsearch import api
from pqsearch.analyze.fold import surface_tokens
from pqsearch.index import positions_file, store
from pqsearch.index.positions_file import Generation, load_positions, save_positions
from pqsearch.index.postings import TermPositions
from pqsearch.index.reader import IndexReader
from pqsearch.index.schema import WORD_FIELDS
from pqsearch.query.facets import facet_catalogue
from pqsearch.query.filters import Filters
from pqsearch.query.match import phrase_docs
from tests.conftest import SHIPPED_CORPUS, TEST_DATA
from tests.generated import SEED as GENERATED_SEED
from tests.query import test_generated_index as generated

CHAMBER_RECORDS = TEST_DATA / "be_chamber_qrva_fr_2023" / "records.jsonl"
PHRASES = [
    '"de la région"',
    '"région de bruxelles-capitale"',
    '"Région de Bruxelles-Capitale" emploi',
    '"à ce jour"',
    '"transports en commun"',
    '"transport en commun"',
    '"qualité de l\'air"',
    '"de la"',
    'titre:"de la"',
    '"=la région"',
]


def _copy(index_dir: Path, to: Path) -> Path:
    shutil.copytree(index_dir, to, symlinks=True)
    return to


def _save_every_term(root: Path) -> Path:
    data, ix, searcher = store.open_live(root)
    searcher.close()
    saved = save_positions(ix, data, min_postings=1)
    assert saved is not None
    return saved


def _generation(reader: IndexReader) -> Generation:
    return Generation.of(reader.reader, reader.data_dir, reader.ix.indexname)


@pytest.fixture(scope="module")
def saved_root(generated_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _copy(generated_index, tmp_path_factory.mktemp("positions") / "index")
    _save_every_term(root)
    return root


@pytest.fixture(scope="module")
def with_file(saved_root: Path) -> Iterator[IndexReader]:
    reader = IndexReader(saved_root)
    assert reader._stored_positions is not None
    yield reader
    reader.close()


@pytest.fixture(scope="module")
def without_file(generated_index: Path) -> Iterator[IndexReader]:
    reader = IndexReader(generated_index)
    assert reader._stored_positions is None
    yield reader
    reader.close()


def test_the_file_holds_whooshs_postings_and_positions(
    with_file: IndexReader, without_file: IndexReader
) -> None:
    stored = with_file._stored_positions
    assert stored is not None
    checked = 0
    for field in WORD_FIELDS.values():
        for term, _ in with_file.reader.iter_field(field):
            text = term.decode("utf-8")
            ids, weights = without_file.term_postings(field, text)
            if not len(ids):  # only in deleted documents
                assert not stored.has(field, text)
                continue
            saved = stored.postings(field, text)
            table = stored.positions(field, text)
            assert saved is not None and table is not None, (field, text)
            assert np.array_equal(saved.ids, ids) and np.array_equal(saved.weights, weights)
            expected = without_file.term_positions(field, text, ids)
            found = table.of(ids)
            assert np.array_equal(found[0], expected[0]) and np.array_equal(found[1], expected[1])
            checked += 1
    assert checked > 1000


def test_the_file_holds_the_other_scored_fields_postings_without_positions(
    with_file: IndexReader, without_file: IndexReader
) -> None:
    stored = with_file._stored_positions
    assert stored is not None
    checked = 0
    for field in positions_file.POSTINGS_FIELDS:
        for term, _ in with_file.reader.iter_field(field):
            text = term.decode("utf-8")
            ids, weights = without_file.term_postings(field, text)
            saved = stored.postings(field, text)
            if not len(ids):  # only in deleted documents
                assert saved is None
                continue
            assert saved is not None, (field, text)
            assert np.array_equal(saved.ids, ids) and np.array_equal(saved.weights, weights)
            assert stored.positions(field, text) is None
            assert not stored.has_positions(field, text)
            checked += 1
    assert checked > 1000


# Searches whose words are in most documents (their postings read from the file) and in
# few, in every scored field, with filters, every facet counted and several pages.
SEARCHES = [
    *generated.QUERIES,
    *PHRASES,
    "demande",
    "région",
    "question",
    "ministre bruxelles région",
    "logement social",
    "mobilité OR énergie",
    "emploi -bruxelles",
    "politique*",
    "reponse:région",
    "titre:région",
]


@pytest.fixture(scope="module")
def fast_and_plain(saved_root: Path, generated_index: Path) -> Iterator[tuple[Any, Any]]:
    # Nothing kept between searches: each reads its terms from the file again.
    with (
        api.open_index(saved_root, cache_mb=0) as fast,
        api.open_index(generated_index) as plain,
    ):
        yield fast, plain


@pytest.mark.parametrize("text", SEARCHES)
def test_a_search_answers_the_same_with_the_saved_postings(
    fast_and_plain: tuple[Any, Any], text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hits in order (ties included), scores, totals and every facet count, with the
    frequent terms' postings read from the file and from Whoosh's blocks."""
    read_from_file: set[str] = set()
    postings = positions_file.StoredPositions.postings

    def reading(self: positions_file.StoredPositions, field: str, term: str) -> Any:
        found = postings(self, field, term)
        if found is not None:
            read_from_file.add(field)
        return found

    monkeypatch.setattr(positions_file.StoredPositions, "postings", reading)
    fast, plain = fast_and_plain
    facets = sorted(facet_catalogue())
    for filters in (Filters(), Filters(status="answered")):
        for page in (1, 3):
            found = fast.search(
                text, filters=filters, facets=facets, facet_top=None, page=page, limit=20
            )
            expected = plain.search(
                text, filters=filters, facets=facets, facet_top=None, page=page, limit=20
            )
            assert found.total == expected.total
            assert [(h.id, h.score) for h in found.hits] == [(h.id, h.score) for h in expected.hits]
            assert found.hits == expected.hits
            assert found.facets == expected.facets
            assert found.suggestions == expected.suggestions
    # A quoted phrase reads the surface words' postings, a word its lemmas'.
    searched = positions_file.POSITION_FIELDS if '"' in text else positions_file.POSTINGS_FIELDS
    assert read_from_file & set(searched)


@pytest.mark.parametrize("text", [*generated.QUERIES, *PHRASES])
def test_hits_and_scores_with_the_file_equal_whooshs(with_file: IndexReader, text: str) -> None:
    generated.test_hits_and_scores_equal_whooshs(with_file, text)


def _ngrams(reader: IndexReader, count: int) -> list[list[str]]:
    """Runs of two to four words of the documents' questions and answers, as typed."""
    rng = random.Random(7)
    found: list[list[str]] = []
    while len(found) < count:
        question = reader.record(rng.randrange(reader.doc_count_all))["question"]
        tokens = surface_tokens(question[rng.choice(["question", "answer"])] or "")
        size = rng.randint(2, 4)
        if len(tokens) > size:
            start = rng.randrange(len(tokens) - size)
            found.append(tokens[start : start + size])
    return found


def _whoosh_docs(reader: IndexReader, field: str, places: list[tuple[str, ...]]) -> list[int]:
    phrases = [wq.Phrase(field, list(words)) for words in itertools.product(*places)]
    return sorted(hit.docnum for hit in reader.searcher.search(wq.Or(phrases), limit=None))


def test_phrases_of_the_documents_find_what_whoosh_finds(
    with_file: IndexReader, without_file: IndexReader
) -> None:
    _phrases_find_what_whoosh_finds(with_file, without_file)


def _phrases_find_what_whoosh_finds(with_file: IndexReader, without_file: IndexReader) -> None:
    """Literal runs of words of the documents, and the same runs with a second form at each
    place (as a lemmatized phrase has), in the three surface-word fields: the same
    documents with the file, without it, and from Whoosh's phrase queries."""
    assert with_file._stored_positions is not None and without_file._stored_positions is None
    rng = random.Random(11)
    vocabulary = sorted(t.decode("utf-8") for t, _ in with_file.reader.iter_field("answer_words"))
    found_some = 0
    for words in _ngrams(with_file, 60):
        literal = [(word,) for word in words]
        variants = [(word, rng.choice(vocabulary)) for word in words]
        for field, places in itertools.product(WORD_FIELDS.values(), (literal, variants)):
            expected = _whoosh_docs(with_file, field, places)
            assert phrase_docs(with_file, field, places).tolist() == expected, (field, places)
            assert phrase_docs(without_file, field, places).tolist() == expected, (field, places)
            found_some += bool(expected)
    assert found_some > 60


def test_phrases_of_the_shipped_corpus_find_what_whoosh_finds(
    corpus_index: Path, tmp_path: Path
) -> None:
    root = _copy(corpus_index, tmp_path / "index")
    _save_every_term(root)
    with IndexReader(root) as with_file, IndexReader(corpus_index) as without_file:
        _phrases_find_what_whoosh_finds(with_file, without_file)


@pytest.mark.slow
def test_phrases_of_the_chamber_records_find_what_whoosh_finds(tmp_path: Path) -> None:
    """The federal Chamber's French records of tests/data (284 documents, ingested here)."""
    plain = tmp_path / "plain"
    report = api.ingest([CHAMBER_RECORDS], index_dir=plain)
    assert len(report.added) > 250
    root = _copy(plain, tmp_path / "index")
    _save_every_term(root)
    with IndexReader(root) as with_file, IndexReader(plain) as without_file:
        _phrases_find_what_whoosh_finds(with_file, without_file)


def _same_as_whoosh(root: Path) -> IndexReader:
    """A reader on `root` whose phrases find what Whoosh finds."""
    reader = IndexReader(root)
    for text in PHRASES:
        generated.test_hits_and_scores_equal_whooshs(reader, text)
    return reader


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "empty"])
def test_a_damaged_file_is_ignored(saved_root: Path, tmp_path: Path, damage: str) -> None:
    root = _copy(saved_root, tmp_path / "index")
    path = next((root / store.LIVE).resolve().glob(f"{positions_file.POSITIONS_PREFIX}*.bin"))
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x10
    elif damage == "truncate":
        del data[-1000:]
    elif damage == "garbage":
        data = bytearray(random.Random(3).randbytes(len(data)))
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    reader = _same_as_whoosh(root)
    try:
        assert reader._stored_positions is None
        assert load_positions(reader.data_dir, _generation(reader)) is None
    finally:
        reader.close()


def test_a_missing_file_is_ignored(saved_root: Path, tmp_path: Path) -> None:
    root = _copy(saved_root, tmp_path / "index")
    for path in (root / store.LIVE).resolve().glob(f"{positions_file.POSITIONS_PREFIX}*"):
        path.unlink()
    reader = _same_as_whoosh(root)
    try:
        assert reader._stored_positions is None
    finally:
        reader.close()


def test_an_ingest_with_nothing_new_saves_the_file(
    corpus_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(corpus_index, tmp_path / "index")
    data = (root / store.LIVE).resolve()
    # The shipped corpus has no word in 4,096 documents: its ingest saved nothing.
    assert not list(data.glob(f"{positions_file.POSITIONS_PREFIX}*"))
    # What an ingest killed while writing the file would leave.
    leftover = data / f"{positions_file.POSITIONS_PREFIX}1.bin.4242.tmp"
    leftover.write_bytes(b"half a file")
    monkeypatch.setattr(positions_file, "SAVED_MIN_POSTINGS", 20)
    report = api.ingest([SHIPPED_CORPUS], index_dir=root)
    assert not report.added and not report.updated
    assert not leftover.exists()
    places = [("region", "regions"), ("de",), ("bruxelles",), ("capitale",)]
    with IndexReader(root) as reader, IndexReader(corpus_index) as plain:
        stored = reader._stored_positions
        assert stored is not None and stored.has("answer_words", "de")
        assert not stored.has("answer_words", "regions")  # in fewer than 20 documents
        for field in WORD_FIELDS.values():
            expected = _whoosh_docs(plain, field, places)
            assert phrase_docs(reader, field, places).tolist() == expected
            assert phrase_docs(plain, field, places).tolist() == expected
        assert _whoosh_docs(plain, "answer_words", places)


def test_a_file_without_the_lemmas_postings_is_written_again(
    generated_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file an older pqsearch saved (surface words only) gets the lemmas' postings at the
    next save, an ingest with nothing new included; a complete one is kept as it is."""
    root = _copy(generated_index, tmp_path / "index")
    with monkeypatch.context() as older:
        older.setattr(positions_file, "POSTINGS_FIELDS", ())
        path = _save_every_term(root)
    with IndexReader(root) as reader:
        stored = reader._stored_positions
        assert stored is not None and stored.has("question_words", "bruxelles")
        assert not stored.has("question_lemmas", "bruxelles")
    _save_every_term(root)
    written = path.stat().st_mtime_ns
    with IndexReader(root) as reader:
        stored = reader._stored_positions
        assert stored is not None and stored.has("question_lemmas", "bruxelles")
    assert _save_every_term(root) == path and path.stat().st_mtime_ns == written


def test_a_file_of_another_generation_is_ignored(
    saved_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(saved_root, tmp_path / "index")
    data = (root / store.LIVE).resolve()
    old = next(data.glob(f"{positions_file.POSITIONS_PREFIX}*.bin"))
    kept = old.read_bytes()
    # A new generation whose ingest saved no file (as on a full disk)...
    monkeypatch.setattr(positions_file, "SAVED_MIN_POSTINGS", 10**9)
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps(generator_record(9999), ensure_ascii=False) + "\n")
    assert len(api.ingest([new], index_dir=root).added) == 1
    assert not old.exists()
    # ... and the old file put back under the new generation's name (a restore that mixed
    # the files of two generations).
    with IndexReader(root) as reader:
        positions_file.positions_path(data, _generation(reader).number).write_bytes(kept)
    reader = _same_as_whoosh(root)
    try:
        assert reader._stored_positions is None
    finally:
        reader.close()


def generator_record(number: int) -> dict[str, object]:
    """A document of the generated index's generator (`tests/generated.py`)."""
    pools = dataclasses.replace(
        load_pools(SHIPPED_CORPUS), question_lengths=(1,), answer_lengths=(1,)
    )
    return dict(Generator(pools, GENERATED_SEED).record(number))


def test_holds_says_whether_the_term_is_at_each_position() -> None:
    """`TermPositions.holds` (a binary search per document) against a set of the pairs."""
    rng = np.random.default_rng(5)
    for _ in range(20):
        ids = np.unique(rng.integers(0, 300, size=rng.integers(1, 120)))
        counts = rng.integers(1, 40, size=len(ids))
        flat = np.concatenate([np.sort(rng.choice(500, size=c, replace=False)) for c in counts])
        starts = np.concatenate([[0], np.cumsum(counts)])
        table = TermPositions(ids, starts, flat.astype(np.uint16))
        pairs = {(int(d), int(p)) for d, p in zip(*table.of(ids), strict=True)}
        docs = np.sort(rng.integers(0, 320, size=2000))
        positions = rng.integers(0, 520, size=2000)
        expected = [(int(d), int(p)) in pairs for d, p in zip(docs, positions, strict=True)]
        assert table.holds(docs, positions).tolist() == expected
        assert sum(expected) > 0


def test_holds_finds_every_place_of_rows_of_every_length() -> None:
    """Rows of one to 257 positions (powers of two and their neighbours, where a halving
    search goes wrong first): each position of each row is found, and the numbers around
    them, documents outside the table and documents given more than once are not."""
    counts = np.array([1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 127, 128, 129, 255, 256])
    ids = np.arange(len(counts), dtype=np.int64) * 3 + 1
    flat = np.concatenate([np.arange(c, dtype=np.int64) * 2 + 1 for c in counts])
    starts = np.concatenate([[0], np.cumsum(counts)])
    table = TermPositions(ids, starts, flat.astype(np.uint16))
    docs_held, positions_held = table.of(ids)
    assert table.holds(docs_held, positions_held).all()
    for shift in (-1, 1):
        assert not table.holds(docs_held, positions_held + shift).any()
    outside = np.array([0, 2, 3, int(ids[-1]) + 1, int(ids[-1]) + 50])
    assert not table.holds(outside, np.ones(len(outside), dtype=np.int64)).any()
    twice = np.repeat(ids[:3], 2)
    assert table.holds(twice, np.array([1, 3, 1, 3, 5, 9])).tolist() == [
        True,
        False,
        True,
        True,
        True,
        False,
    ]


def test_past_a_size_the_saved_terms_are_a_share_of_the_documents(
    generated_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert positions_file.saved_min_postings(100_000) == 4096
    assert positions_file.saved_min_postings(3_000) == 4096
    assert positions_file.saved_min_postings(1_000_000) == 40_960
    # The same rule on the generated index: from 10 postings up to 100 documents, and from
    # a tenth of the documents past that.
    monkeypatch.setattr(positions_file, "SAVED_MIN_POSTINGS", 10)
    monkeypatch.setattr(positions_file, "SAVED_SHARE_FROM", 100)
    root = _copy(generated_index, tmp_path / "index")
    data, ix, searcher = store.open_live(root)
    documents = int(searcher.doc_count_all())
    threshold = -(-documents // 10)
    frequencies = {
        term.decode(): int(info.doc_frequency())
        for term, info in searcher.iter_field("question_words")
    }
    searcher.close()
    assert documents > 100 and min(frequencies.values()) < threshold < max(frequencies.values())
    path = save_positions(ix, data)
    assert path is not None
    with IndexReader(root) as reader:
        stored = reader._stored_positions
        assert stored is not None
        saved = {text for text in frequencies if stored.has("question_words", text)}
    assert saved == {text for text, count in frequencies.items() if count >= threshold}
