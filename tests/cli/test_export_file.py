"""`pqsearch export -o FILE` never replaces a file by surprise, nor leaves half a file
(audit of session 9, finding 1: an export replaced a copy of the user's records.jsonl)."""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import PqsearchError, api, write_export
from pqsearch.cli import app
from tests.conftest import BRUSSELS_RECORDS, run_pqsearch

runner = CliRunner()


def test_an_existing_file_is_refused_unless_force(corpus_index: Path, tmp_path: Path) -> None:
    """A source document named by mistake is left as it was; --force replaces it."""
    records = tmp_path / "my-records.jsonl"
    shutil.copyfile(BRUSSELS_RECORDS, records)
    notes = tmp_path / "notes.md"
    notes.write_text("my notes\n", encoding="utf-8")
    for target, words in ((records, "logement"), (notes, "nothingmatcheszzz")):
        result = runner.invoke(
            app, ["export", words, "-f", "md", "-o", str(target), "--index", str(corpus_index)]
        )
        assert result.exit_code == 2, result.output
        assert f"Error: {target} already exists" in result.stderr
        assert "--force" in result.stderr and "Traceback" not in result.output
    assert records.read_bytes() == BRUSSELS_RECORDS.read_bytes()
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-records.jsonl", "notes.md"]

    forced = runner.invoke(
        app, ["export", "logement", "-o", str(notes), "--force", "--index", str(corpus_index)]
    )
    assert forced.exit_code == 0, forced.output
    assert notes.read_text(encoding="utf-8").startswith("# Précédents : logement\n")


def test_the_python_api_refuses_an_existing_file_too(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    write_export(target, "first\n")
    with pytest.raises(PqsearchError, match=r"memo\.md already exists"):
        write_export(target, "second\n")
    assert target.read_text(encoding="utf-8") == "first\n"
    write_export(target, "second\n", force=True)
    assert target.read_text(encoding="utf-8") == "second\n"


def _export_with_file_size_limit(index: Path, target: Path, *options: str) -> str:
    """The real CLI exporting every document as JSON Lines (over 500 kB) in a process that
    may write at most 64 kB to a file, as a full disk or a quota would stop it (Python
    ignores SIGXFSZ: the write fails with EFBIG). SQLite needs 32 kB to open the lexicon."""

    export = ["export", "--limit", "100", "-o", str(target), "--index", str(index), *options]
    done = run_pqsearch(*export, file_size_limit=65536)
    assert done.returncode == 2, done.stderr
    assert f"Cannot write the export to {target}: File too large" in done.stderr
    assert "Traceback" not in done.stderr
    return done.stderr


def test_a_failed_export_leaves_no_half_file_and_the_old_file_whole(
    corpus_index: Path, tmp_path: Path
) -> None:
    """The export cannot be written whole: no half export is left, and with --force the
    file it was to replace keeps every byte."""
    _export_with_file_size_limit(corpus_index, tmp_path / "all.jsonl")
    assert list(tmp_path.iterdir()) == []

    records = tmp_path / "records.jsonl"
    shutil.copyfile(BRUSSELS_RECORDS, records)
    _export_with_file_size_limit(corpus_index, records, "--force")
    assert records.read_bytes() == BRUSSELS_RECORDS.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["records.jsonl"]


def _memo_read_from(fd: int, into: list[bytes]) -> threading.Thread:
    """A reader on the other end of a pipe, as `less` or `wc` would be, draining it while
    the export writes (a memo may be larger than a pipe holds)."""

    def drain() -> None:
        with os.fdopen(fd, "rb") as pipe:
            into.append(pipe.read())

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    return reader


def test_dev_stdout_and_a_descriptor_are_written_not_refused(corpus_index: Path) -> None:
    """`-o /dev/stdout` writes to standard output as before (review of session 9, finding
    3); `--force -o >(wc -c)` names the pipe /dev/fd/N, which has no folder to hold a copy."""
    done = run_pqsearch(
        "export", "logement", "-o", "/dev/stdout", "--index", str(corpus_index), text=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8").startswith("# Précédents : logement\n")

    read_end, write_end = os.pipe()
    received: list[bytes] = []
    reader = _memo_read_from(read_end, received)
    export = ["export", "logement", "--force", "-o", f"/dev/fd/{write_end}"]
    done = run_pqsearch(*export, "--index", str(corpus_index), text=False, pass_fds=(write_end,))
    os.close(write_end)
    reader.join(timeout=30)
    assert done.returncode == 0, done.stderr
    assert received[0].decode("utf-8").startswith("# Précédents : logement\n")


@pytest.mark.parametrize("force", [False, True])
def test_a_fifo_receives_the_export_and_stays_a_fifo(
    corpus_index: Path, tmp_path: Path, force: bool
) -> None:
    """A named pipe is written into, never refused nor replaced by a regular file."""
    fifo = tmp_path / "to-reader"
    os.mkfifo(fifo)
    received: list[bytes] = []
    # Opening a FIFO's read end waits for a writer: the reader opens it in its own thread.
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    export = ["export", "logement", "-o", str(fifo), "--index", str(corpus_index)]
    result = runner.invoke(app, [*export, "--force"] if force else export)
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert received[0].decode("utf-8").startswith("# Précédents : logement\n")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["to-reader"]


def test_a_folder_is_an_error_that_says_so(corpus_index: Path, tmp_path: Path) -> None:
    for force in ([], ["--force"]):
        export = ["export", "logement", "-o", str(tmp_path), "--index", str(corpus_index)]
        result = runner.invoke(app, [*export, *force])
        assert result.exit_code == 2, result.output
        assert f"Error: {tmp_path} is a folder" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_force_keeps_the_permission_bits_of_the_replaced_file(tmp_path: Path) -> None:
    """A private export stays private when replaced (review of session 9, finding 4)."""
    target = tmp_path / "private.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o600)
    write_export(target, "new\n", force=True)
    assert target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_file_planted_at_the_temporary_name_is_never_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A symlink planted where the temporary file would go (a shared folder such as /tmp)
    is neither followed nor removed: the export takes another name (review of session 9,
    finding 4). The random draw is fixed so that the planted name is the first one tried."""
    draws = iter(["0" * 16, "1" * 16])
    # `temporary` imports secrets when it names a file: the module's own function is fixed.
    monkeypatch.setattr(secrets, "token_hex", lambda _size: next(draws))
    victim = tmp_path / "victim.txt"
    victim.write_text("precious data", encoding="utf-8")
    planted = tmp_path / f".memo.md.pqsearch-{'0' * 16}.tmp"
    planted.symlink_to(victim)
    write_export(tmp_path / "memo.md", "export text\n")
    assert victim.read_text(encoding="utf-8") == "precious data"
    assert planted.is_symlink()
    assert (tmp_path / "memo.md").read_text(encoding="utf-8") == "export text\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f".memo.md.pqsearch-{'0' * 16}.tmp",
        "memo.md",
        "victim.txt",
    ]


def test_a_jsonl_export_goes_back_into_an_index_whole(corpus_index: Path, tmp_path: Path) -> None:
    """Audit of session 11, A1: each export line holds the record under "question"; ingest
    read the line itself and refused every one as having no title."""
    exported = tmp_path / "all.jsonl"
    command = ["export", "", "--limit", "1000", "-f", "jsonl", "-o", str(exported)]
    result = runner.invoke(app, [*command, "--index", str(corpus_index)])
    assert result.exit_code == 0, result.output
    lines = exported.read_text(encoding="utf-8").splitlines()
    seen: list[tuple[int, int]] = []
    report = api.ingest(
        [exported],
        index_dir=tmp_path / "again",
        progress=lambda p: seen.append((p.files_done, p.files_total)),
    )
    assert not report.failed and len(report.added) == len(lines) > 40
    # One file: the records name the files they were first read from, counted once.
    assert seen and max(done for done, _ in seen) == 1 and {t for _, t in seen} == {1}
    with api.open_index(corpus_index) as before, api.open_index(tmp_path / "again") as after:
        for doc_id in report.added:
            old, new = before.show(doc_id), after.show(doc_id)
            # The index's digest covers the record's own hash, which the export carries; the
            # documents' file is the export now.
            assert new.question.source == str(exported.absolute())
            unlike = {"content_hash": "", "source": ""}
            assert replace(new.question, **unlike) == replace(old.question, **unlike)
            assert (new.answer_type, new.portfolios) == (old.answer_type, old.portfolios)
            assert [s.sector for s in new.sectors] == [s.sector for s in old.sectors]
