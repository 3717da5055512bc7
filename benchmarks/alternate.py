"""Two checkouts' search code on the same index, query by query in turn, in two processes.

    python benchmarks/alternate.py --first OLD_CHECKOUT --second NEW_CHECKOUT --index DIR
        [--second-index DIR2] [--passes 3] [--cold]

Each checkout's code runs in a process of its own (its folder first on the path), opens the
index and, unless `--cold`, runs the benchmark's query mix (`query_mix.py`, as `mix_search`
runs it: every facet, 20 hits) once to warm up. Then each query of the mix runs in one
process and at once in the other, which goes first alternating, for `--passes` passes: on a
shared machine both see the same load, which moved a run's figures by several times between
minutes. Prints each side's p50 and p95 and the median of the per-query ratios second/first,
of wall time and of the process's CPU time. `--second-index`: the second checkout searches
this index (the same documents written by its own code) instead of `--index`.
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
    start, cpu = time.perf_counter(), time.process_time()
    mix_search(index, query)
    print(repr(time.perf_counter() - start), repr(time.process_time() - cpu), flush=True)
"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=Path, required=True)
    parser.add_argument("--second", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--second-index", type=Path, default=None)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--cold", action="store_true", help="no warm-up pass")
    args = parser.parse_args()
    roots = [str(args.first.resolve()), str(args.second.resolve())]
    indexes = [args.index, args.second_index or args.index]
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, root, str(index), "cold" if args.cold else "warm"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": root},
        )
        for root, index in zip(roots, indexes, strict=True)
    ]
    assert all(worker.stdin and worker.stdout for worker in workers)
    counts = {int(worker.stdout.readline()) for worker in workers}  # type: ignore[union-attr]
    if len(counts) != 1:
        raise SystemExit("the two checkouts have different query mixes")
    (count,) = counts
    times: list[list[float]] = [[], []]
    cpu: list[list[float]] = [[], []]
    for done in range(args.passes):
        for query in range(count):
            for side in (0, 1) if (query + done) % 2 == 0 else (1, 0):
                worker = workers[side]
                worker.stdin.write(f"{query}\n")  # type: ignore[union-attr]
                worker.stdin.flush()  # type: ignore[union-attr]
                wall, used = worker.stdout.readline().split()  # type: ignore[union-attr]
                times[side].append(float(wall))
                cpu[side].append(float(used))
    for worker in workers:
        worker.stdin.close()  # type: ignore[union-attr]
        worker.wait()
    for label, measured in (("wall", times), ("CPU", cpu)):
        for root, taken in zip(roots, measured, strict=True):
            p50, p95 = statistics.median(taken), percentile(taken, 0.95)
            print(f"{label} {root}: p50 {1000 * p50:.2f} ms, p95 {1000 * p95:.2f} ms")
        first, second = measured
        ratios = [b / a for a, b in zip(first, second, strict=True) if a > 0]
        print(
            f"{label} second / first: median per-query ratio {statistics.median(ratios):.3f}, "
            f"p50 ratio {statistics.median(second) / statistics.median(first):.3f}, "
            f"p95 ratio {percentile(second, 0.95) / percentile(first, 0.95):.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
