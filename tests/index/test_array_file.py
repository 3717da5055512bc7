"""The saved columns' file: arrays back as written, and damage read as damage, never as values."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from pqsearch.index.array_file import ArrayFile, write_arrays

ARRAYS = {
    "codes/session": np.array([0, 2, -1, 1, 2], dtype=np.int64),
    "pair_docs/sectors": np.array([0, 0, 3, 70_000], dtype=np.int64),
    "dates/received": np.array([20210131, 0, 20991231, 19991231, 0], dtype=np.int64),
    "big": np.array([-(2**40), 2**40], dtype=np.int64),
    "lengths/title_lemmas": np.array([3.0, 0.0, 1811.0, 65535.0, 7.0], dtype=np.float32),
    "lengths/odd": np.array([0.5, 2.0], dtype=np.float32),
    "values/session": np.array(["20/21", "21/22", "Énergie"], dtype=np.str_),
    "empty": np.zeros(0, dtype=np.int64),
}


def _written(tmp_path: Path) -> Path:
    path = tmp_path / "columns-1.arrays"
    write_arrays(path, ARRAYS, doc_count_all=5)
    return path


def _read_all(path: Path) -> list[np.ndarray] | None:
    arrays = ArrayFile.open(path)
    return None if arrays is None else arrays.read(sorted(ARRAYS))


def test_arrays_come_back_with_their_values_in_less_room(tmp_path: Path) -> None:
    path = _written(tmp_path)
    arrays = ArrayFile.open(path)
    assert arrays is not None and arrays.meta == {"doc_count_all": 5}
    assert arrays.names == frozenset(ARRAYS)
    found = arrays.read(sorted(ARRAYS))
    assert found is not None
    for name, array in zip(sorted(ARRAYS), found, strict=True):
        assert array.tolist() == ARRAYS[name].tolist(), name
        # Integers are read as the 64-bit integers the columns always were.
        if ARRAYS[name].dtype.kind == "i" or name == "lengths/title_lemmas":
            assert array.dtype == np.int64
    assert found[sorted(ARRAYS).index("lengths/odd")].dtype == np.float32
    # A code of 30 values takes a byte on disk, not eight.
    codes = np.arange(10_000, dtype=np.int64) % 30
    write_arrays(tmp_path / "codes.arrays", {"codes/portfolio": codes})
    assert (tmp_path / "codes.arrays").stat().st_size < codes.nbytes / 6


def test_every_flipped_byte_and_every_truncation_reads_as_damage(tmp_path: Path) -> None:
    path = _written(tmp_path)
    good = path.read_bytes()
    expected = _read_all(path)
    assert expected is not None
    for at in range(len(good)):
        flipped = bytearray(good)
        flipped[at] ^= 0x04
        path.write_bytes(bytes(flipped))
        found = _read_all(path)
        # Damage reads as None (the caller builds the columns from the index); the only
        # flips that read at all are in bytes no array depends on (JSON spacing).
        if found is not None:
            assert [a.tolist() for a in found] == [a.tolist() for a in expected], at
    damaged = 0
    for length in range(len(good)):
        path.write_bytes(good[:length])
        damaged += _read_all(path) is None
    assert damaged == len(good)


def test_a_missing_file_or_a_missing_array_is_none(tmp_path: Path) -> None:
    assert ArrayFile.open(tmp_path / "absent.arrays") is None
    arrays = ArrayFile.open(_written(tmp_path))
    assert arrays is not None and arrays.read(["codes/author"]) is None


def test_arrays_read_as_stored_hold_the_same_values_in_their_narrow_types(
    tmp_path: Path,
) -> None:
    arrays = ArrayFile.open(_written(tmp_path))
    assert arrays is not None
    names = sorted(ARRAYS)
    stored = arrays.read(names, widen=False)
    assert stored is not None
    for name, array in zip(names, stored, strict=True):
        assert np.array_equal(array, ARRAYS[name]), name
    narrow = dict(zip(names, stored, strict=True))
    assert narrow["codes/session"].dtype == np.int8
    assert narrow["dates/received"].dtype == np.int32


def test_a_prefetch_of_a_file_a_later_ingest_removed_is_no_error(tmp_path: Path) -> None:
    path = _written(tmp_path)
    arrays = ArrayFile.open(path)
    assert arrays is not None
    arrays.prefetch()
    path.unlink()
    arrays.prefetch()
    assert arrays.read(["codes/session"]) is None
