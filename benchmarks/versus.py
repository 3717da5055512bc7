"""pqsearch against Whoosh-fr, query by query in turn, in one process.

    python benchmarks/versus.py --index DIR --corpus corpus-N.jsonl --whoosh DIR [--rounds 5]

On a shared machine the load changes from minute to minute, and `run.py` measures pqsearch
and the baselines minutes apart. Here each query of the mix runs on pqsearch (every facet
of the catalogue, 20 hits with highlights, as `run.py`) and then on Whoosh-fr (the total
and the top 20, filters dropped, as `run.py`), so both see the same load; the ratios of
their percentiles are the figures to compare. The Whoosh-fr index is built in `--whoosh`
when that folder holds none, else reused.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import baselines  # noqa: E402
from benchmarks.generate import DEFAULT_SEED  # noqa: E402
from benchmarks.query_mix import query_mix  # noqa: E402
from benchmarks.run import mix_search, percentile  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True, help="pqsearch index of the corpus")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--whoosh", type=Path, required=True, help="Whoosh-fr index folder")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    from pqsearch import api

    engine = baselines.WhooshFrench(args.whoosh)
    if list(args.whoosh.glob("_MAIN_*.toc")):
        engine._open()
    else:
        engine.build(baselines.iter_records(args.corpus))
    mix = query_mix(DEFAULT_SEED)
    ours: list[float] = []
    theirs: list[float] = []
    with api.open_index(args.index) as index:
        for round_ in range(args.rounds + 1):
            for query in mix:
                start = time.perf_counter()
                mix_search(index, query)
                elapsed = time.perf_counter() - start
                if query.text:
                    started = time.perf_counter()
                    engine.search(query.text)
                    if round_:  # the first round warms both
                        theirs.append(time.perf_counter() - started)
                if round_:
                    ours.append(elapsed)
    engine.close()
    rows = [("pqsearch", ours), ("whoosh-fr", theirs)]
    print("| engine | queries | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|")
    for name, times in rows:
        figures = [1000 * percentile(times, share) for share in (0.5, 0.95, 0.99)]
        print(f"| {name} | {len(times)} | " + " | ".join(f"{v:.1f}" for v in figures) + " |")
    ratios = [percentile(ours, s) / percentile(theirs, s) for s in (0.5, 0.95, 0.99)]
    print("| pqsearch / whoosh-fr | | " + " | ".join(f"{r:.2f}" for r in ratios) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
