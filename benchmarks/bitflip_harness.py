"""Flip one byte at a time in every kind of file an index holds, and count silent wrong answers.

An index of a few real pages is built once and a set of answers is taken from it (searches
with facets, a date filter, a date sort, phrases; whole records; a facet's values). Then, for
each kind of file in the live data folder (Whoosh's term index, postings, stored records,
columns and lengths, its table of contents; the lexicon; the saved columns; the file record,
the lexicon's checksum, the taxonomy copy, the stamps of checked files), a byte at a random
offset is flipped, the index opened and the answers taken again, and the byte put back.
Each trial ends as:

- *damaged*: a DamagedIndexError naming the fix (`pqsearch ingest --rebuild`);
- *same*: every answer as before (the byte was in a part no answer reads, or a copy that
  is checked and rebuilt, like the saved columns);
- *wrong*: an answer differs and nothing said so: what issue 12 found (11 of 40 flips in a
  postings file) and what must never happen;
- *error*: any other exception (a traceback for the user).

    python benchmarks/bitflip_harness.py --flips 30 [--pages 12] [--seed 1]

tests/index/test_bitflips.py runs `run_flips` with 3 flips per kind (30 with PQSEARCH_FULL=1).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pqsearch import api
from pqsearch.errors import DamagedIndexError
from pqsearch.index import positions_file, store, verified
from pqsearch.query.search import Filters

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO / "corpus" / "brussels" / "html"
OUTCOMES = ("damaged", "same", "wrong", "error")

# File kinds by name: the part of the name after the segment id, or the whole name.
_KINDS = (
    ("term index (.trm)", r"\.trm$"),
    ("postings (.pst)", r"\.pst$"),
    ("stored records (_stored.col)", r"\._stored\.col$"),
    ("field lengths (_len.col)", r"_len\.col$"),
    ("value columns (.col)", r"\.col$"),
    ("table of contents (.toc)", r"\.toc$"),
    ("lexicon (lexicon.sqlite)", r"^lexicon\.sqlite$"),
    ("saved columns (columns-N.arrays)", r"^columns-\d+\.arrays$"),
    ("saved positions (positions-N.bin)", r"^positions-\d+\.bin$"),
    ("file record (files-N.json)", r"^files-\d+\.json$"),
    ("lexicon checksum (lexicon.sum)", r"^lexicon\.sum$"),
    ("taxonomy copy (taxonomy.toml)", r"^taxonomy\.toml$"),
    ("verified stamp (verified-N.json)", r"^verified-[\w.-]+\.json$"),
)


@dataclass
class FlipReport:
    by_kind: dict[str, Counter[str]] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)

    def total(self, outcome: str) -> int:
        return sum(counts[outcome] for counts in self.by_kind.values())

    @property
    def ok(self) -> bool:
        return self.total("wrong") == 0 and self.total("error") == 0

    def summary(self) -> str:
        lines = [f"{'file kind':36} " + " ".join(f"{o:>8}" for o in OUTCOMES)]
        for kind, counts in self.by_kind.items():
            lines.append(f"{kind:36} " + " ".join(f"{counts[o]:>8}" for o in OUTCOMES))
        lines.append(f"{'all':36} " + " ".join(f"{self.total(o):>8}" for o in OUTCOMES))
        lines.extend(f"  {example}" for example in self.examples[:20])
        return "\n".join(lines)


def answers(root: Path) -> object:
    """What a user would see from the index: compared whole before and after each flip."""
    with api.open_index(root) as index:
        searches = [
            index.search("bruxelles", facets=["session", "addressee", "sector"], limit=50),
            index.search('"région de bruxelles-capitale"', limit=50),
            index.search("mobilité OR logement", sort="newest", limit=50),
            index.search("", filters=Filters(date_from="2021", date_to="2026"), limit=50),
            index.search("technolog*", facets=["received_year", "status"], limit=50),
            index.search("diplomatez"),
        ]
        ids = sorted({hit.id for result in searches for hit in result.hits})
        records = [index.show(doc_id) for doc_id in ids[:8]]
        return searches, records, index.facet("session"), index.document_count


def kind_of(name: str) -> str | None:
    for kind, pattern in _KINDS:
        if re.search(pattern, name):
            return kind
    return None


def run_flips(workdir: Path, *, flips: int = 3, pages: int = 12, seed: int = 1) -> FlipReport:
    rng = random.Random(seed)
    corpus = workdir / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for page in sorted(PAGES.glob("*.html"))[:pages]:
        shutil.copyfile(page, corpus / page.name)
    root = workdir / "index"
    # Every word's positions saved, as ingest saves a large index's frequent words'.
    saved, positions_file.SAVED_MIN_POSTINGS = positions_file.SAVED_MIN_POSTINGS, 1
    try:
        api.ingest([corpus], index_dir=root)
    finally:
        positions_file.SAVED_MIN_POSTINGS = saved
    # Each open stamps the files it checked whole (`index/verified.py`), even files just
    # written, so that every flip below lands on a stamped index: the flip must still be
    # found. (Searches lie between a put-back and the next flip: they never share a tick.)
    settle, verified.SETTLE_SECONDS = verified.SETTLE_SECONDS, 0.0
    try:
        return _flip_all(root, rng, flips)
    finally:
        verified.SETTLE_SECONDS = settle


def _flip_all(root: Path, rng: random.Random, flips: int) -> FlipReport:
    expected = answers(root)
    data = store.live_data_dir(root)
    assert data is not None
    files: dict[str, list[Path]] = {}
    for path in sorted(data.iterdir()):
        kind = kind_of(path.name)
        if kind is not None and path.is_file() and path.stat().st_size > 0:
            files.setdefault(kind, []).append(path)
    report = FlipReport()
    for kind, _ in _KINDS:
        counts = report.by_kind.setdefault(kind, Counter())
        for _ in range(flips if kind in files else 0):
            path = rng.choice(files[kind])
            original = path.read_bytes()
            offset = rng.randrange(len(original))
            damaged = bytearray(original)
            damaged[offset] ^= 1 << rng.randrange(8)
            path.write_bytes(bytes(damaged))
            try:
                outcome = "same" if answers(root) == expected else "wrong"
            except DamagedIndexError:
                outcome = "damaged"
            except Exception as error:  # every other kind is a traceback for the user
                outcome = "error"
                report.examples.append(f"{path.name}@{offset}: {type(error).__name__}: {error}")
            finally:
                path.write_bytes(original)
            if outcome == "wrong":
                report.examples.append(f"{path.name}@{offset}: a different answer, silently")
            counts[outcome] += 1
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flips", type=int, default=30, help="Flips per file kind.")
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="pqsearch-flips-"))
    try:
        report = run_flips(workdir, flips=args.flips, pages=args.pages, seed=args.seed)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(report.summary())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
