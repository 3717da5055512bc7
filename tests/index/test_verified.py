"""Opening an index checks every byte of its files once per generation, then trusts a stamp
of the files' sizes, times and inodes until one of them changes (`index/verified.py`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.errors import DamagedIndexError
from pqsearch.index import manifest, store, verified
from tests.conftest import BRUSSELS_HTML

PAGES = ("170131.html", "170132.html")


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("verified")
    corpus = work / "corpus"
    corpus.mkdir()
    for name in PAGES:
        shutil.copyfile(BRUSSELS_HTML / name, corpus / name)
    api.ingest([corpus], index_dir=work / "index")
    return work / "index"


@pytest.fixture()
def built(original: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the index (new inodes: no stamp of the original applies to it)."""
    root = tmp_path / "index"
    shutil.copytree(original, root, symlinks=True)
    # Files just written count as settled: the test needs no 2-second wait.
    monkeypatch.setattr(verified, "SETTLE_SECONDS", 0.0)
    return root


def _files_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files whose every byte is read from now on."""
    read: list[str] = []
    whole = manifest.fingerprint

    def counting(path: Path) -> list[int]:
        read.append(path.name)
        return whole(path)

    monkeypatch.setattr(manifest, "fingerprint", counting)
    return read


def _search(root: Path) -> int:
    with api.open_index(root) as index:
        return index.search("bruxelles").total


def _segment(root: Path) -> Path:
    return max(
        (p for p in (root / store.LIVE).glob("MAIN_*.*") if p.suffix != ".toc"),
        key=lambda p: p.stat().st_size,
    )


def test_a_second_open_reads_no_file_whole(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read = _files_read(monkeypatch)
    total = _search(built)
    assert _segment(built).name in read
    assert list((built / store.LIVE).glob(f"{verified.VERIFIED_PREFIX}*.json"))
    read.clear()
    assert _search(built) == total
    # The small table of contents is still checked before it is unpickled; nothing else.
    assert all(name.endswith(".toc") for name in read), read


def test_a_flipped_byte_after_the_stamp_is_still_found(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _search(built)
    segment = _segment(built)
    data = bytearray(segment.read_bytes())
    data[len(data) // 2] ^= 0x01
    segment.write_bytes(bytes(data))  # same size; its change time moves
    read = _files_read(monkeypatch)
    with pytest.raises(DamagedIndexError, match="ingest --rebuild"):
        _search(built)
    assert segment.name in read


def test_a_changed_lexicon_after_the_stamp_is_still_found(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _search(built)
    lexicon = built / store.LIVE / store.LEXICON_FILE
    data = bytearray(lexicon.read_bytes())
    data[-100] ^= 0x01
    lexicon.write_bytes(bytes(data))
    with pytest.raises(DamagedIndexError, match="lexicon"):
        _search(built)


def test_a_fresh_file_is_not_stamped(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Within a clock tick of its last change a file could change again unseen.
    monkeypatch.setattr(verified, "SETTLE_SECONDS", 3600.0)
    _search(built)
    assert not list((built / store.LIVE).glob(f"{verified.VERIFIED_PREFIX}*.json"))
    read = _files_read(monkeypatch)
    _search(built)
    assert _segment(built).name in read


def test_every_byte_is_read_at_each_open_when_asked(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _search(built)
    monkeypatch.setenv(verified.VERIFY_ENV, "always")
    read = _files_read(monkeypatch)
    _search(built)
    assert _segment(built).name in read
    assert store.LEXICON_FILE in read
