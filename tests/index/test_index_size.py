"""The index's size against its text on the shipped corpus, and the copies an index keeps
smaller than the files they come from (issue 18, item 5).

"The text" is what the benchmark counts (`benchmarks/run.py`, `corpus_stats`): the UTF-8
bytes of each document's title, question and answer; "the index" every file of its folder
(`folder_bytes`), as the ingest leaves it.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.analyze.taxonomy import default_taxonomy_path, load_taxonomy
from pqsearch.index import durable, manifest, store
from tests.conftest import SHIPPED_CORPUS

# Issue 18 asks for 3 x at any size; small corpora are the hard case, because every distinct
# word costs bytes in the term dictionary and in the lexicon whatever the corpus's size
# (BENCHMARKS.md, fourteenth session). On the shipped corpus `main` wrote 8.47 x at 237da24
# and 7.65 x at 6d6a3e2 (Whoosh's term dictionary); 4.61 x with the term dictionary in blocks
# of 32 terms (s15-small), the lexicon then half of it; 3.97 x with the lexicon's smaller
# layout and its pages rewritten full after a new index's ingest (s16-small: 0.41 MB instead
# of 0.58); 2.80 x with the lexicon's rows in compressed blocks (s18-lexicon: 0.10 MB).
SHIPPED_INDEX_PER_TEXT = 2.85


@pytest.fixture(scope="module")
def shipped_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped corpus ingested with the defaults, never opened by a search (which adds
    SQLite's shared-memory file beside the lexicon)."""
    index_dir = tmp_path_factory.mktemp("size") / "index"
    report = api.ingest([SHIPPED_CORPUS], index_dir=index_dir)
    assert not report.failed
    return index_dir


def _text_bytes(paths: list[Path]) -> int:
    """The benchmark's text: title, question and answer of each distinct document."""
    questions = {}
    for question in api.parse_files(paths).questions:
        questions.setdefault(question.id, question)
    return sum(
        len((getattr(question, part) or "").encode())
        for question in questions.values()
        for part in ("title", "question", "answer")
    )


def _folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def test_the_shipped_corpus_index_stays_under_3_times_its_text(shipped_index: Path) -> None:
    text = _text_bytes([SHIPPED_CORPUS])
    assert text > 200_000  # the 51 documents' 262,043 bytes
    assert _folder_bytes(shipped_index) <= SHIPPED_INDEX_PER_TEXT * text


def test_the_taxonomy_copy_is_compressed_and_a_plain_one_reads_alike(
    shipped_index: Path, tmp_path: Path
) -> None:
    index_dir = tmp_path / "index"
    shutil.copytree(shipped_index, index_dir, symlinks=True)
    root = store.resolve_index_dir(index_dir)
    data = store.live_data_dir(root)
    assert data is not None
    copy = data / store.TAXONOMY_FILE
    shipped = default_taxonomy_path()
    assert copy.stat().st_size < shipped.stat().st_size / 2
    assert gzip.decompress(copy.read_bytes()) == shipped.read_bytes()
    with api.open_index(index_dir) as index:
        before = (index.taxonomy.fingerprint, index.search("", facets=["sector"]).facets)
    assert before[0] == load_taxonomy(None).fingerprint

    # As `main` wrote it: the shipped file's bytes, recorded in the index's list of files.
    durable.write_atomic(copy, shipped.read_bytes())
    manifest.write_manifest(store.open_whoosh(root, data, check_files=False))
    with api.open_index(index_dir) as index:
        assert (index.taxonomy.fingerprint, index.search("", facets=["sector"]).facets) == before
