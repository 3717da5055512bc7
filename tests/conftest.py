"""Shared test fixtures: paths to the real documents, all inside this repository.

The seed and the Brussels pages and records are the shipped `corpus/`; documents that only the
tests need (federal Chamber records for the answer-type labels) are in `tests/data/`, each
folder with a SOURCE.md saying where it came from.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

# No test asserts a duration (the machine is shared): Hypothesis's default deadline of 200 ms
# an example is one (test_facets' date buckets took 547 ms once under load). Every property
# test inherits this; a test's own `@settings` still sets its examples.
settings.register_profile("pqsearch", deadline=None)
settings.load_profile("pqsearch")

if TYPE_CHECKING:
    from pqsearch import api

REPO = Path(__file__).resolve().parents[1]
SHIPPED_CORPUS = REPO / "corpus"
TEST_DATA = REPO / "tests" / "data"
SEED = SHIPPED_CORPUS / "seed" / "000_b24cdd112820c31b.txt"
BRUSSELS_HTML = SHIPPED_CORPUS / "brussels" / "html"
BRUSSELS_RECORDS = SHIPPED_CORPUS / "brussels" / "records.jsonl"
QRVA_2017 = TEST_DATA / "be_chamber_qrva_2017" / "subset.jsonl"


def brussels_record(moncode: str) -> dict[str, Any]:
    """The collector's record of one question, as a dict (tests change a field or two)."""
    for line in BRUSSELS_RECORDS.read_text(encoding="utf-8").splitlines():
        record: dict[str, Any] = json.loads(line)
        if record["moncode"] == moncode:
            return record
    raise KeyError(f"no record of {moncode} in {BRUSSELS_RECORDS}")


def brussels_folder(folder: Path, paged: tuple[str, ...], records: tuple[str, ...]) -> Path:
    """`folder` with the shipped pages of `paged` in html/ and the records of `records` in
    records.jsonl: a page and its record, or either alone, of real questions."""
    (folder / "html").mkdir(parents=True)
    for moncode in paged:
        shutil.copyfile(BRUSSELS_HTML / f"{moncode}.html", folder / "html" / f"{moncode}.html")
    lines = BRUSSELS_RECORDS.read_bytes().splitlines(keepends=True)
    (folder / "records.jsonl").write_bytes(
        b"".join(line for line in lines if json.loads(line)["moncode"] in records)
    )
    return folder


@contextmanager
def lock_held_elsewhere(root: Path) -> Iterator[None]:
    """Another process holding the write lock of the index at `root`, as a running ingest
    does, for the `with` block."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from pqsearch.index.lock import write_lock\n"
            "with write_lock(Path(sys.argv[1])):\n"
            "    print('held', flush=True)\n"
            "    time.sleep(60)\n",
            str(root),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait()


def run_pqsearch(
    *args: str,
    cwd: Path | None = REPO,
    file_size_limit: int | None = None,
    open_files_limit: int | None = None,
    **options: Any,
) -> subprocess.CompletedProcess[Any]:
    """`pqsearch ARGS` from this checkout in a process of its own, as a user runs it: in
    `cwd` (None: the current folder), its output captured as text (bytes with `text=False`),
    allowed to write files of at most `file_size_limit` bytes when given (Python ignores
    SIGXFSZ, so a longer write fails with EFBIG, as on a full disk or a quota), and to hold
    at most `open_files_limit` files open (`ulimit -n`) when given."""

    def limit() -> None:
        if file_size_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))
        if open_files_limit is not None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (open_files_limit, open_files_limit))

    options.setdefault("text", True)
    return subprocess.run(
        [sys.executable, "-m", "pqsearch.cli", *args],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=cwd,
        preexec_fn=limit if file_size_limit is not None or open_files_limit is not None else None,
        timeout=600,
        check=False,
        **options,
    )


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real index of the shipped corpus (seed + Brussels pages and records), built once."""
    from pqsearch import api

    index_dir = tmp_path_factory.mktemp("index") / "index"
    report = api.ingest([SHIPPED_CORPUS], index_dir=index_dir)
    assert not report.failed, report.failed
    return index_dir


@pytest.fixture(scope="session")
def generated_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real index of about 2,000 generated documents: multi-block, multi-segment, with
    deletions (`tests/generated.py`), built once."""
    from tests.generated import build_generated_index

    return build_generated_index(tmp_path_factory.mktemp("generated"))


@pytest.fixture(scope="session")
def index(corpus_index: Path) -> Iterator[api.Index]:
    from pqsearch import api

    with api.open_index(corpus_index) as opened:
        yield opened
