"""Per-document columns stay aligned with document numbers across segments."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from pqsearch import api
from tests.conftest import BRUSSELS_HTML


def test_dates_and_sorting_across_segments_where_one_lacks_the_field(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    shutil.copy(BRUSSELS_HTML / "170284.html", first)  # unanswered: no answer date
    shutil.copy(BRUSSELS_HTML / "170229.html", second)  # answered 21/09/2026
    index_dir = tmp_path / "index"
    api.ingest([first], index_dir=index_dir)
    api.ingest([second], index_dir=index_dir)  # a second segment
    with api.open_index(index_dir) as index:
        filters = api.Filters(date_field="answered")
        result = index.search("", sort="oldest", filters=filters)
        assert [(h.id, h.answered_on) for h in result.hits] == [
            ("170229", dt.date(2026, 9, 21)),
            ("170284", None),
        ]
        (year,) = index.facet("answered_year").results
        assert (year.value, year.count) == ("2026", 1)
        assert (
            len(
                index.search(
                    "", filters=api.Filters(date_from="2026-09", date_field="answered")
                ).hits
            )
            == 1
        )


def _older_file(data: Path, *, lengths: bool) -> Path:
    """Replace the saved columns by the compressed `.npz` an older pqsearch wrote (without
    the field lengths unless `lengths`); returns it."""
    import numpy as np

    from pqsearch.index.array_file import ArrayFile

    (saved,) = data.glob("columns-*.arrays")
    arrays = ArrayFile.open(saved)
    assert arrays is not None
    names = sorted(n for n in arrays.names if lengths or not n.startswith("lengths/"))
    found = arrays.read(names)
    assert found is not None
    older = saved.with_suffix(".npz")
    np.savez_compressed(
        older,
        doc_count_all=np.array(arrays.meta["doc_count_all"]),
        **dict(zip(names, found, strict=True)),
    )
    saved.unlink()
    return older


def test_an_ingest_with_nothing_new_completes_columns_saved_by_an_older_version(
    tmp_path: Path,
) -> None:
    """Files saved before the field lengths were saved are rewritten by the next ingest."""
    from pqsearch.index import store
    from pqsearch.index.reader import IndexReader

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(BRUSSELS_HTML / "170229.html", corpus)
    index_dir = tmp_path / "index"
    api.ingest([corpus], index_dir=index_dir)
    _older_file(store.require_live(index_dir), lengths=False)
    with IndexReader(index_dir) as reader:
        assert reader._saved is not None and "lengths/title_lemmas" not in reader._saved.names
        built = reader.field_lengths("title_lemmas").tolist()  # built from the index
    report = api.ingest([corpus], index_dir=index_dir)
    assert report.unchanged and not report.added
    with IndexReader(index_dir) as reader:
        assert reader._saved is not None and "lengths/title_lemmas" in reader._saved.names
        assert reader.field_lengths("title_lemmas").tolist() == built


def test_columns_compressed_by_an_older_version_are_read_then_replaced(tmp_path: Path) -> None:
    """An index saved before the uncompressed file answers the same, reading its `.npz`
    (not building the columns again), until an ingest replaces it."""
    from pqsearch.index import store
    from pqsearch.index.reader import IndexReader

    index_dir = tmp_path / "index"
    api.ingest([BRUSSELS_HTML], index_dir=index_dir)
    with api.open_index(index_dir) as index:
        expected = index.search("", sort="newest", facets=["session", "sector", "portfolio"])
    data = store.require_live(index_dir)
    older = _older_file(data, lengths=True)
    with IndexReader(index_dir) as reader:
        assert reader._saved is not None and reader._saved.path == older
    with api.open_index(index_dir) as index:
        assert (
            index.search("", sort="newest", facets=["session", "sector", "portfolio"]) == expected
        )
    api.ingest([BRUSSELS_HTML], index_dir=index_dir)
    assert not older.exists() and len(list(data.glob("columns-*.arrays"))) == 1
    with api.open_index(index_dir) as index:
        assert (
            index.search("", sort="newest", facets=["session", "sector", "portfolio"]) == expected
        )
