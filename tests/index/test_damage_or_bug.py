"""Only I/O and decoding errors raised while Whoosh reads become "the index is damaged"; the
same exception types raised by a bug of ours keep their traceback (issue 13, point 2)."""

from __future__ import annotations

import io
import pickle
import struct
from collections.abc import Callable
from pathlib import Path

import pytest
from whoosh.filedb.structfile import StructFile

from pqsearch.errors import DamagedIndexError
from pqsearch.index.damage import as_damage, is_damage


def _raised(action: Callable[[], object]) -> BaseException:
    with pytest.raises(Exception) as caught:
        action()
    return caught.value


def _ours(error: BaseException) -> Callable[[], object]:
    def bug() -> object:
        raise error

    return bug


def _whoosh_reads(data: bytes, read: Callable[[StructFile], object]) -> Callable[[], object]:
    return lambda: read(StructFile(io.BytesIO(data)))


# A pickle naming a module that does not exist: unpickling it imports (ImportError).
_UNKNOWN_MODULE = b"\x80\x02cno_such_module_of_pqsearch\nthing\nq\x00."


@pytest.mark.parametrize(
    "error",
    [
        AttributeError("'NoneType' object has no attribute 'docs'"),
        TypeError("unsupported operand"),
        KeyError("question_words"),
        ImportError("No module named 'numpy'"),
        OverflowError("int too large"),
        struct.error("unpack requires a buffer of 4 bytes"),
        pickle.UnpicklingError("invalid load key"),
    ],
    ids=lambda e: f"{type(e).__module__}.{type(e).__name__}".removeprefix("builtins."),
)
def test_an_error_raised_by_our_code_is_a_bug(error: BaseException, tmp_path: Path) -> None:
    raised = _raised(_ours(error))
    assert not is_damage(raised)
    assert as_damage(tmp_path, raised) is None


@pytest.mark.parametrize(
    "read",
    [
        _whoosh_reads(b"\x00\x01", lambda f: f.read_int()),
        _whoosh_reads(_UNKNOWN_MODULE, lambda f: f.read_pickle()),
        _whoosh_reads(b"\xff\xfe garbage", lambda f: f.read_pickle()),
    ],
    ids=["truncated int", "pickle naming a missing module", "garbage pickle"],
)
def test_a_decoding_error_raised_while_whoosh_reads_is_damage(
    read: Callable[[], object], tmp_path: Path
) -> None:
    raised = _raised(read)
    assert is_damage(raised)
    damage = as_damage(tmp_path, raised)
    assert isinstance(damage, DamagedIndexError)
    assert "pqsearch ingest --rebuild" in str(damage)


def test_a_bug_of_ours_called_back_by_whoosh_is_still_a_bug(tmp_path: Path) -> None:
    """Whoosh reading through a file object of ours: the error is raised in our frame."""

    class Broken(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            raise AttributeError("a bug in our reader")

    raised = _raised(lambda: StructFile(Broken(b"")).read_int())
    assert isinstance(raised, AttributeError)
    assert not is_damage(raised)
    assert as_damage(tmp_path, raised) is None


def test_an_io_error_is_damage_wherever_it_is_raised() -> None:
    assert is_damage(_raised(_ours(FileNotFoundError(2, "No such file", "_MAIN_3.toc"))))
    assert is_damage(_raised(_ours(EOFError())))
