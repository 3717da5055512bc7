"""Two checkouts' search code on the same index, query by query in turn, in two processes.

    python benchmarks/alternate.py --first OLD_CHECKOUT --second NEW_CHECKOUT --index DIR
        [--passes 3] [--cold]

Each checkout's code runs in a process of its own (its folder first on the path), opens the
index and, unless `--cold`, runs the benchmark's query mix (`query_mix.py`, as `mix_search`
runs it: every facet, 20 hits) once to warm up. Then each query of the mix runs in one
process and at once in the other, which goes first alternating, for `--passes` passes: on a
shared machine both see the same load, which moved a run's figures by several times between
minutes. Prints each side's p50 and p95 and the median of the per-query ratios second/first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

WORKER = r"""
import sys, time
root, index_dir, warm = sys.argv[1], sys.argv[2], sys.argv[3] == "warm"
sys.path.insert(0, root)
from benchmarks.generate import DEFAULT_SEED
from benchmarks.query_mix import mix_search, query_mix
from pqsearch import api
if not api.__file__.startswith(root):
    raise SystemExit(f"{api.__file__} is not under {root}")
mix = list(query_mix(DEFAULT_SEED))
index = api.open_index(index_dir)
if warm:
    for query in mix:
        mix_search(index, query)
print(len(mix), flush=True)
for line in sys.stdin:
    query = mix[int(line)]
    start = time.perf_counter()
    mix_search(index, query)
    print(repr(time.perf_counter() - start), flush=True)
"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=Path, required=True)
    parser.add_argument("--second", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--cold", action="store_true", help="no warm-up pass")
    args = parser.parse_args()
    roots = [str(args.first.resolve()), str(args.second.resolve())]
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, root, str(args.index), "cold" if args.cold else "warm"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": root},
        )
        for root in roots
    ]
    assert all(worker.stdin and worker.stdout for worker in workers)
    counts = {int(worker.stdout.readline()) for worker in workers}  # type: ignore[union-attr]
    if len(counts) != 1:
        raise SystemExit("the two checkouts have different query mixes")
    (count,) = counts
    times: list[list[float]] = [[], []]
    for done in range(args.passes):
        for query in range(count):
            for side in (0, 1) if (query + done) % 2 == 0 else (1, 0):
                worker = workers[side]
                worker.stdin.write(f"{query}\n")  # type: ignore[union-attr]
                worker.stdin.flush()  # type: ignore[union-attr]
                times[side].append(float(worker.stdout.readline()))  # type: ignore[union-attr]
    for worker in workers:
        worker.stdin.close()  # type: ignore[union-attr]
        worker.wait()
    for root, taken in zip(roots, times, strict=True):
        p50, p95 = statistics.median(taken), percentile(taken, 0.95)
        print(f"{root}: p50 {1000 * p50:.2f} ms, p95 {1000 * p95:.2f} ms")
    ratios = [second / first for first, second in zip(*times, strict=True)]
    print(
        f"second / first: median per-query ratio {statistics.median(ratios):.3f}, "
        f"p50 ratio {statistics.median(times[1]) / statistics.median(times[0]):.3f}, "
        f"p95 ratio {percentile(times[1], 0.95) / percentile(times[0], 0.95):.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
