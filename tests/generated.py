"""A generated index large enough to exercise what the shipped corpus does not: terms in far
more than one block of 128 postings, several segments, deleted documents.

Documents are the benchmark generator's (`benchmarks/generate.py`: real French sentences of
the shipped corpus recombined, metadata spread over twenty years) cut to one sentence of
question and one of answer, so that lemmatizing them stays cheap. Three ingests make three
commits; the last one changes documents of the second, which Whoosh deletes and adds again.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from benchmarks.generate import Generator, load_pools
from pqsearch import api

SHIPPED_CORPUS = Path(__file__).resolve().parents[1] / "corpus"

SEED = 13
# Ingests of these sizes: Whoosh's merge policy keeps the later, smaller segments apart.
BATCHES = (1200, 400, 200)
CHANGED = 100


def build_generated_index(root: Path) -> Path:
    """Ingest the generated documents into `root/index` and return that folder."""
    # The shipped corpus only, so the documents are the same in a clone and in the workspace.
    pools = dataclasses.replace(
        load_pools(SHIPPED_CORPUS), question_lengths=(1,), answer_lengths=(1,)
    )
    generator = Generator(pools, SEED)
    index_dir = root / "index"
    first = 0
    files: list[Path] = []
    for number, size in enumerate(BATCHES):
        records = [generator.record(i) for i in range(first, first + size)]
        first += size
        files.append(_write(root / f"batch-{number}.jsonl", records))
        report = api.ingest([files[-1]], index_dir=index_dir)
        assert not report.failed, report.failed
    # A new text for some documents of the second batch: Whoosh deletes the old ones.
    changed = [_changed(generator, i) for i in range(BATCHES[0], BATCHES[0] + CHANGED)]
    kept = [generator.record(i) for i in range(BATCHES[0] + CHANGED, BATCHES[0] + BATCHES[1])]
    _write(files[1], changed + kept)
    report = api.ingest([files[1]], index_dir=index_dir)
    assert len(report.updated) == CHANGED, report
    return index_dir


def _changed(generator: Generator, i: int) -> dict[str, object]:
    """Document `i` with a new text. An answer stays published: a file rewritten without the
    answer its indexed version has keeps that version (audit of session 14, D6)."""
    old = generator.record(i)
    new = {**generator.record(i, attempt=1), "id": old["id"]}
    if old["answer"] is not None and new["answer"] is None:
        new.update({key: old[key] for key in ("answer", "answered_on", "published_on")})
    return new


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path
