"""The lexicon's corpus rows in compressed blocks (schema 6, issue 18 item 5): the same
answers as the rows layout `main` wrote (its writing statements kept in `tests.rows_layout`),
for a reader of every generation; blocks cut when they grow, a write that rewrites only the
blocks it touches, a damaged block, and a long-lived reader that sees a later write.
"""

from __future__ import annotations

import shutil
import sqlite3
import tracemalloc
from contextlib import closing
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.analyze import lexicon_codec
from pqsearch.analyze.lemmatize import Analysis, Lemmatizer, stopwords
from pqsearch.analyze.lexicon import FILENAME, Lexicon
from pqsearch.analyze.lexicon_blocks import BlockReader
from pqsearch.analyze.lexicon_rows import PendingRows
from pqsearch.analyze.stems import derivation_stem
from pqsearch.errors import DamagedIndexError
from pqsearch.index import store
from pqsearch.index.manifest import drop_lexicon_sum
from tests.conftest import BRUSSELS_RECORDS, SEED, run_pqsearch
from tests.rows_layout import make_rows_lexicon, write_rows

# Later writes: forms, lemmas, stems and spellings the seed lacks ("cyclistes", "pédalaient",
# "ÉNERGIE"), counts added to its own ("capitale", "region" as the form itself, first seen
# only as "Région" in the seed: its own spelling gets an entry then), one stopword form.
LATER = (
    "capitale, capitale, capitale, capitale : les cyclistes pédalaient. " + "region, " * 7,
    "Les CYCLISTES et l'ÉNERGIE cyclable : avez-vous pédalé ? Diplomatie régionale.",
)


@pytest.fixture(scope="module")
def analyses(lemmatizer: Lemmatizer) -> list[Analysis]:
    texts = [SEED.read_text(encoding="utf-8"), *LATER]
    return list(lemmatizer.analyze(texts))


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("empty") / FILENAME
    with Lexicon.open(path, writable=True) as lexicon:
        lexicon.set_stopwords(stopwords())
    return path


def _both(empty: Path, folder: Path, analyses: list[Analysis]) -> tuple[Path, Path]:
    """The same writes, generation 1, 2, 3, into a block lexicon (this version) and into a
    rows-layout one by `main`'s statements."""
    (folder / "blocks").mkdir(parents=True)
    (folder / "rows").mkdir()
    blocks = Path(shutil.copy(empty, folder / "blocks" / FILENAME))
    rows = Path(shutil.copy(empty, folder / "rows" / FILENAME))
    make_rows_lexicon(rows)
    for generation, analysis in enumerate(analyses, 1):
        _write(blocks, rows, analysis, generation)
    return blocks, rows


def _write(blocks: Path, rows: Path, analysis: Analysis, generation: int) -> None:
    with Lexicon.open(blocks, writable=True) as lexicon:
        lexicon.next_generation = lambda: generation
        lexicon.add([analysis])
    pending = PendingRows()
    pending.add([analysis])
    with closing(sqlite3.connect(rows)) as connection:
        write_rows(connection, pending, generation)


def _answers(path: Path, generation: int | None) -> dict[str, object]:
    """Every question the query path asks, of every form, lemma and stem the file holds."""
    with Lexicon.open(path) as whole:
        forms = sorted(form for form, _ in whole.form_documents())
        lemmas = sorted({lemma for form in forms for lemma in whole.lemma_shares(form)})
    stems = sorted({derivation_stem(lemma) for lemma in lemmas} - {""})
    with Lexicon.open(path) as lexicon:
        if generation is not None:
            lexicon.pin(generation)
        return {
            "forms": list(lexicon.form_documents()),
            "count": len(lexicon),
            "display": {form: lexicon.display(form) for form in forms},
            "shares": {form: lexicon.lemma_shares(form) for form in forms},
            "lemmas": {form: lexicon.lemmas(form) for form in forms},
            "expand": lexicon.expand_folded([*forms, "jamaisvu"]),
            "forms_of": {lemma: lexicon.forms_of(lemma) for lemma in lemmas},
            "forms_of_lemmas": lexicon.forms_of_lemmas([*lemmas, "jamaisvu"]),
            "stems": {stem: lexicon.stem_lemmas(stem) for stem in stems},
            "unindexed": lexicon.unindexed([*forms, "jamaisvu"]),
            "frequency": {form: lexicon.frequency(form) for form in forms},
            "stopwords": lexicon.stopwords(),
        }


def test_every_generation_reads_what_the_rows_layout_gave_it(
    empty: Path, analyses: list[Analysis], tmp_path: Path
) -> None:
    blocks, rows = _both(empty, tmp_path, analyses)
    seen = {}
    for generation in (0, 1, 2, 3, None):
        seen[generation] = _answers(blocks, generation)
        assert seen[generation] == _answers(rows, generation), generation
    # What the pins hide: generation 1 does not see 2's and 3's forms, lemmas, stems and
    # spellings; its counts are the latest, as before.
    first, last = seen[1], seen[None]
    assert not first["lemmas"]["cyclistes"] and last["lemmas"]["cyclistes"]  # type: ignore[index]
    assert first["display"]["region"] == "Région"  # type: ignore[index]
    assert last["display"]["region"] == "region"  # type: ignore[index]
    assert first["frequency"]["capitale"] == last["frequency"]["capitale"] == 2  # type: ignore[index]
    later_stem = derivation_stem("cycliste")
    assert not first["stems"][later_stem]  # type: ignore[index]
    assert last["stems"][later_stem]  # type: ignore[index]
    assert first["count"] < seen[2]["count"] < last["count"]  # type: ignore[operator]
    assert seen[0]["count"] == 0


def test_blocks_grown_past_their_size_are_cut_and_a_write_rewrites_only_its_own(
    empty: Path, analyses: list[Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lexicon_codec, "BLOCK_BYTES", 600)
    blocks, rows = _both(empty, tmp_path, analyses[:1])
    with closing(sqlite3.connect(blocks)) as connection:
        before = set(connection.execute("SELECT kind, first, rows FROM blocks").fetchall())
    assert len(before) > 25
    _write(blocks, rows, analyses[1], 2)
    with closing(sqlite3.connect(blocks)) as connection:
        after = set(connection.execute("SELECT kind, first, rows FROM blocks").fetchall())
    # The later text's two dozen forms fall in a few blocks, some cut in two; the rest are
    # the same bytes.
    assert len(after) > len(before)
    assert len(before - after) < len(before) / 2
    assert len(before & after) > len(before) / 2
    for generation in (1, 2, None):
        assert _answers(blocks, generation) == _answers(rows, generation), generation


def _damage_one_block(path: Path, kind: str) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "UPDATE blocks SET rows = ? "
            "WHERE rowid = (SELECT min(rowid) FROM blocks WHERE kind = ?)",
            (b"not zlib at all", kind),
        )


def test_a_block_that_does_not_decompress_says_how_to_rebuild(
    empty: Path, analyses: list[Analysis], tmp_path: Path
) -> None:
    blocks, _ = _both(empty, tmp_path, analyses[:1])
    _damage_one_block(blocks, lexicon_codec.FORMS)
    with Lexicon.open(blocks) as lexicon, pytest.raises(DamagedIndexError) as raised:
        list(lexicon.form_documents())
    assert "cannot be read" in str(raised.value) and "--rebuild" in str(raised.value)
    _damage_one_block(blocks, lexicon_codec.STOPWORDS)
    with Lexicon.open(blocks) as lexicon, pytest.raises(DamagedIndexError, match="--rebuild"):
        lexicon.stopwords()


def test_an_ingest_that_meets_a_damaged_block_says_how_to_rebuild(tmp_path: Path) -> None:
    """Review L, L3: the write of an ingest decompressed the block it changes without the
    reads' translation, and a damaged one (in a lexicon without a recorded checksum, which
    would refuse the ingest first) ended the ingest in a traceback."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "seed.txt")
    index_dir = tmp_path / "index"
    assert not api.ingest([corpus], index_dir=index_dir).failed
    data = store.live_data_dir(index_dir)
    assert data is not None
    with closing(sqlite3.connect(data / store.LEXICON_FILE)) as connection, connection:
        connection.execute("UPDATE blocks SET rows = ? WHERE kind = 'f'", (b"not zlib",))
    drop_lexicon_sum(data)
    lines = BRUSSELS_RECORDS.read_text(encoding="utf-8").splitlines()[:3]
    (corpus / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run_pqsearch("ingest", str(corpus), "--index", str(index_dir), cwd=tmp_path)
    assert done.returncode != 0
    assert "Traceback" not in done.stdout + done.stderr
    assert "cannot be read" in done.stderr and "--rebuild" in done.stderr


def test_a_long_lived_reader_sees_a_later_write(
    empty: Path, analyses: list[Analysis], tmp_path: Path
) -> None:
    blocks, _ = _both(empty, tmp_path, analyses[:1])
    with Lexicon.open(blocks) as reader:
        assert not reader.lemmas("cyclistes") and reader.frequency("capitale") == 1
        assert reader.display("region") == "Région"
        with Lexicon.open(blocks, writable=True) as writer:
            writer.next_generation = lambda: 2
            writer.add([analyses[1]])
        # Its blocks were read before the write: it drops them (`PRAGMA data_version`).
        assert reader.lemmas("cyclistes") == {"cycliste"}
        assert reader.frequency("capitale") == 2
        assert reader.display("region") == "region"


def test_keys_and_words_with_the_codec_s_own_characters_read_back() -> None:
    odd = ["a b", "a,b", "a\\tb", "~x", "x~", "\\", "logement", "logements", ""]
    for key in odd:
        columns: list[list[tuple[str | int, ...]]] = [
            [(1, 2, 3)],
            [(word, 1, 2) for word in sorted(odd)],
            [(word.upper(), 4, 5) for word in sorted(odd)],
        ]
        line = lexicon_codec.encode_line(key, columns)
        assert "\n" not in line
        assert lexicon_codec.decode_line(line, lexicon_codec.SHAPES["f"]) == (key, columns)


def test_the_block_cache_counts_the_memory_its_blocks_take(
    empty: Path, analyses: list[Analysis], tmp_path: Path
) -> None:
    """Review L, L2: a decoded block was counted as its text, three times its compressed
    bytes, where its dict and strings take about five times that: the 4 MB bound was 20."""
    blocks, _ = _both(empty, tmp_path, analyses)
    with Lexicon.open(blocks) as lexicon:
        keys = [key for key, _ in lexicon.form_documents()]
        reader = lexicon._corpus.reader
        assert isinstance(reader, BlockReader)
        reader.forget()
        tracemalloc.start()
        try:
            before = tracemalloc.take_snapshot()
            reader.lemma_counts(keys)  # every forms block, kept (under the bound)
            after = tracemalloc.take_snapshot()
        finally:
            tracemalloc.stop()
        decoded = [
            stat.size_diff
            for stat in after.compare_to(before, "filename")
            if stat.traceback[0].filename == lexicon_codec.__file__
        ]
        assert len(reader._blocks) > 1
        assert reader._kept >= 0.8 * sum(decoded) > 0


def test_a_pass_over_every_form_keeps_no_block(
    empty: Path, analyses: list[Analysis], tmp_path: Path
) -> None:
    """Review L, L2: the corrector's pass over every form decoded every forms block into one
    dict and kept them: a block at a time now, none kept, the same forms as the rows give."""
    blocks, rows = _both(empty, tmp_path, analyses)
    with Lexicon.open(rows) as lexicon:
        expected = sorted(lexicon.form_documents())
    with Lexicon.open(blocks) as lexicon:
        assert sorted(lexicon.form_documents()) == expected
        assert len(lexicon) == len(expected)
        reader = lexicon._corpus.reader
        assert isinstance(reader, BlockReader) and not reader._blocks
        lexicon.expand_folded(["capitale"])
        assert sorted(lexicon.form_documents()) == expected  # a kept block is read as it is
