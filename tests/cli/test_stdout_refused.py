"""Standard output that refuses part of a command's output is said, never passed off as a
whole export with status 0 (s16 audit, D5).

`pqsearch export > file` on a disk that filled up ended with status 0 and the file cut
mid-record; with no room at all, a traceback. The refusals here are real: /dev/full refuses
every write with ENOSPC, and a file-size limit (`RLIMIT_FSIZE`) makes the kernel take the
first bytes of a write and refuse the rest with EFBIG, as a disk filling up does with ENOSPC.
"""

from __future__ import annotations

import fcntl
import os
import resource
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.conftest import REPO

# Above SQLite's 32 KiB shared-memory file (made to read the lexicon), below every output here.
LIMIT = 40_000


def _run_into(target: Path | str, *args: str, limit: int | None = None) -> tuple[int, str]:
    """`pqsearch ARGS > target` in a process of its own (files of at most `limit` bytes):
    its status and standard error."""

    def limited() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    with open(target, "wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "pqsearch.cli", *args],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            preexec_fn=limited,
            timeout=600,
            check=False,
        )
    return done.returncode, done.stderr


def _said_incomplete(status: int, stderr: str) -> None:
    assert status == 2, stderr
    assert "Traceback" not in stderr
    assert "to standard output" in stderr and "the output is incomplete" in stderr


@pytest.mark.parametrize(
    "command",
    [
        ["export", "", "-f", "jsonl"],
        ["export", "", "-f", "csv"],
        ["search", "", "--limit", "50", "--json"],
    ],
    ids=["export-jsonl", "export-csv", "search-json"],
)
def test_output_cut_short_by_the_file_system_is_an_error(
    corpus_index: Path, tmp_path: Path, command: list[str]
) -> None:
    whole = tmp_path / "whole"
    status, stderr = _run_into(whole, *command, "--index", str(corpus_index))
    assert status == 0 and stderr == "", stderr
    assert whole.stat().st_size > LIMIT

    cut = tmp_path / "cut"
    status, stderr = _run_into(cut, *command, "--index", str(corpus_index), limit=LIMIT)
    _said_incomplete(status, stderr)
    assert "ulimit -f" in stderr
    assert cut.stat().st_size == LIMIT


def test_a_disk_with_no_room_at_all_is_a_message_not_a_traceback(corpus_index: Path) -> None:
    export = ["export", "", "-f", "jsonl", "--index", str(corpus_index)]
    status, stderr = _run_into("/dev/full", *export)
    _said_incomplete(status, stderr)
    assert "Could not write the whole export" in stderr and "No space left on device" in stderr
    status, stderr = _run_into("/dev/full", "search", "logement", "--index", str(corpus_index))
    _said_incomplete(status, stderr)
    assert 'output of "pqsearch search"' in stderr


def test_a_stream_written_in_place_and_cut_short_is_not_said_unchanged(
    corpus_index: Path, tmp_path: Path
) -> None:
    """`-o /dev/stdout` writes into the stream itself: what reached it stays there, so
    "nothing was changed" would be false."""
    cut = tmp_path / "cut.jsonl"
    export = ["export", "", "-f", "jsonl", "-o", "/dev/stdout", "--index", str(corpus_index)]
    status, stderr = _run_into(cut, *export, limit=LIMIT)
    assert status == 2, stderr
    assert "Traceback" not in stderr and "nothing was changed" not in stderr
    assert f"the first {LIMIT:,} bytes reached it" in stderr and "incomplete" in stderr
    assert cut.stat().st_size == LIMIT


def test_a_reader_that_leaves_early_is_not_an_error(corpus_index: Path) -> None:
    """`pqsearch export | head`: the reader took what it wanted; no message, status 0 (the
    export is larger than a pipe's buffer, so the writer meets the closed pipe)."""
    index = corpus_index
    with subprocess.Popen(
        [sys.executable, "-m", "pqsearch.cli", "export", "", "-f", "jsonl", "--index", str(index)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.read(10).startswith(b"{")
        process.stdout.close()
        stderr = process.stderr.read().decode("utf-8")
        assert process.wait(timeout=600) == 0, stderr
    assert stderr == ""


PIPE_BYTES = 65_536  # Linux's default pipe capacity


def _waiting_bytes(fd: int) -> int:
    return struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]


def _read_late(args: list[str], env: dict[str, str]) -> tuple[int, bytes, str]:
    """`pqsearch ARGS` writing into a non-blocking pipe (as programs that share their
    terminal or pipe leave it) that nobody reads until the writer has filled it."""
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    process = subprocess.Popen(
        [sys.executable, "-m", "pqsearch.cli", *args],
        stdout=write_end,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO), **env},
    )
    os.close(write_end)
    # Nothing read until the writer has filled the pipe (or ended).
    while process.poll() is None and _waiting_bytes(read_end) < PIPE_BYTES:
        time.sleep(0.05)
    chunks = []
    while piece := os.read(read_end, 65_536):
        chunks.append(piece)
    os.close(read_end)
    assert process.stderr is not None
    stderr = process.stderr.read().decode()
    return process.wait(timeout=600), b"".join(chunks), stderr


@pytest.mark.parametrize("env", [{}, {"PYTHONUNBUFFERED": "1"}])
def test_a_non_blocking_pipe_gets_the_whole_export(corpus_index: Path, env: dict[str, str]) -> None:
    """A full non-blocking pipe (EAGAIN) is waited for, not a refusal (review 16, W1): the
    export stopped at 64 KiB and told the user to free disk space."""
    import json

    status, out, stderr = _read_late(
        ["export", "", "-f", "jsonl", "--index", str(corpus_index)], env
    )
    assert status == 0, stderr
    lines = out.decode().splitlines()
    assert len(lines) == 51 and all(json.loads(line) for line in lines)


def test_a_watch_run_cut_short_says_that_it_was_recorded(
    corpus_index: Path, tmp_path: Path
) -> None:
    """`watch run` records its run before printing it: its message must not promise that the
    same command shows the documents again (review 16, W2)."""
    import shutil

    index = tmp_path / "index"
    shutil.copytree(corpus_index, index, symlinks=True)
    added, stderr = _run_into(
        tmp_path / "add.txt", "watch", "add", "logement", "logement", "--index", str(index)
    )
    assert added == 0, stderr
    status, stderr = _run_into("/dev/full", "watch", "run", "--index", str(index))
    _said_incomplete(status, stderr)
    assert '"pqsearch watch run"' in stderr and "the run was recorded" in stderr
