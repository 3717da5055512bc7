"""What re-deriving an index's answer types costs an ingest (`index/answer_version.py`).

Builds an index of the shared corpus's federal French records and Brussels pages and records
(once, in WORK), then times no-op ingests of it, alternated: one with the answer rules
recorded, one with the record removed, so that every stored record is read and typed again.
Prints both medians, their ratio and the load.

    PYTHONPATH=$PWD python benchmarks/answer_retype_cost.py --work /tmp/retype [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.answer_type_quality import CORPUS
from pqsearch import api
from pqsearch.index import store
from pqsearch.index.answer_version import ANSWER_RULES_META
from pqsearch.index.manifest import record_lexicon


def _corpus(corpus: Path, work: Path) -> Path:
    folder = work / "corpus"
    if not folder.exists():
        folder.mkdir(parents=True)
        shutil.copy(corpus / "be_chamber_qrva_fr_2023" / "records.jsonl", folder / "federal.jsonl")
        shutil.copy(corpus / "brussels" / "records.jsonl", folder / "brussels.jsonl")
        shutil.copytree(corpus / "brussels" / "html", folder / "html")
    return folder


def _forget_rules(index_dir: Path) -> None:
    root = store.resolve_index_dir(index_dir)
    data = store.live_data_dir(root)
    assert data is not None
    with sqlite3.connect(data / store.LEXICON_FILE) as db:
        db.execute("DELETE FROM meta WHERE key = ?", (ANSWER_RULES_META,))
    db.close()
    record_lexicon(data, data / store.LEXICON_FILE)


def _timed_ingest(folder: Path, index_dir: Path) -> float:
    started = time.monotonic()
    api.ingest([folder], index_dir=index_dir)
    return time.monotonic() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    folder = _corpus(args.corpus, args.work)
    index_dir = args.work / "index"
    if not index_dir.exists():
        report = api.ingest([folder], index_dir=index_dir)
        print(f"built: {len(report.added)} documents, {len(report.failed)} failed")
    recorded, retyped = [], []
    for _ in range(args.rounds):
        recorded.append(_timed_ingest(folder, index_dir))
        _forget_rules(index_dir)
        retyped.append(_timed_ingest(folder, index_dir))
    plain, again = statistics.median(recorded), statistics.median(retyped)
    print(
        f"no-op ingest, median of {args.rounds}: rules recorded {plain:.2f} s, typed again "
        f"{again:.2f} s ({again / plain:.2f} x); load {os.getloadavg()[0]:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
