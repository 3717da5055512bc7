"""The progress of an ingest of one large JSON Lines file: counted by the bytes read, record
by record, not "0/1 files ... ETA 0 s" until the file is read whole (s17 brief)."""

from __future__ import annotations

import time
from pathlib import Path

from pqsearch.cli.ingest import _IngestProgressPrinter
from pqsearch.index import ingest as ingest_module
from pqsearch.index.progress import Progress
from tests.conftest import BRUSSELS_RECORDS


def test_one_json_lines_file_is_followed_as_it_is_read(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    records.write_bytes(BRUSSELS_RECORDS.read_bytes())
    size = records.stat().st_size
    seen: list[tuple[int, int, int]] = []

    def note(progress: Progress) -> None:
        seen.append((progress.files_done, progress.bytes_done, progress.bytes_total))

    ingest_module.ingest(
        [records], index_dir=tmp_path / "index", batch_size=4, jobs=1, progress=note
    )
    assert seen and all(total == size for _, _, total in seen)
    within = [done for files, done, _ in seen if files == 0]
    # Seen while the file was being read, growing, and whole at its end.
    assert within and min(within) > 0 and max(within) < size
    assert within == sorted(within) and len(set(within)) > 3
    assert seen[-1][:2] == (1, size)


def test_the_progress_line_gives_the_share_read_and_an_eta_from_it() -> None:
    printer = _IngestProgressPrinter()
    progress = Progress(files_total=1, bytes_total=4_000_000, bytes_done=1_000_000)
    progress.started = 100.0
    line = printer.line(progress, 130.0)
    # A quarter read in 30 s: 90 s to go, although no file is finished.
    assert line.startswith("0/1 files (25% read)") and line.endswith("ETA 90 s"), line


def test_a_progress_line_with_no_bytes_to_read_counts_files() -> None:
    progress = Progress(files_total=4, files_done=1)
    progress.started = time.monotonic() - 10.0
    line = _IngestProgressPrinter().line(progress, progress.started + 10.0)
    assert line.startswith("1/4 files ·") and line.endswith("ETA 30 s"), line
