"""Two checkouts' searches from a fresh process each, query by query in turn: the terminal's
case, where nothing read by one search is kept for the next.

    python benchmarks/fresh_alternate.py --first OLD_CHECKOUT --second NEW_CHECKOUT --index DIR
        [--second-index DIR2] [--every 1]

For each query of the benchmark's mix (`query_mix.py`, every `--every`-th), one new process
of each checkout (which goes first alternating) imports pqsearch, opens the index and runs
the query as `mix_search` does. Each child reports the CPU time of its open and search (not
its imports, which `cold_start.py` measures); the parent prints both sides' p50, p95 and the
median of the per-query ratios second/first. `--second-index`: the second checkout searches
this index (the same documents written by its own code).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

from benchmarks.alternate import percentile

CHILD = r"""
import sys, time
root, index_dir, number = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, root)
from benchmarks.generate import DEFAULT_SEED
from benchmarks.query_mix import mix_search, query_mix
from pqsearch import api
if not api.__file__.startswith(root):
    raise SystemExit(f"{api.__file__} is not under {root}")
query = list(query_mix(DEFAULT_SEED))[number]
cpu = time.process_time()
with api.open_index(index_dir) as index:
    mix_search(index, query)
print(repr(time.process_time() - cpu))
"""


def _count(root: Path) -> int:
    code = (
        "from benchmarks.generate import DEFAULT_SEED\nfrom benchmarks.query_mix import query_mix\n"
    )
    code += "print(len(list(query_mix(DEFAULT_SEED))))"
    return int(_run(root, ["-c", code]))


def _run(root: Path, arguments: list[str]) -> str:
    env = dict(os.environ, PYTHONPATH=str(root))
    done = subprocess.run(
        [sys.executable, *arguments], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=Path, required=True)
    parser.add_argument("--second", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--second-index", type=Path, default=None)
    parser.add_argument("--every", type=int, default=1)
    args = parser.parse_args()
    sides = [
        (args.first.resolve(), args.index.resolve()),
        (args.second.resolve(), (args.second_index or args.index).resolve()),
    ]
    times: list[list[float]] = [[], []]
    for turn, number in enumerate(range(0, _count(sides[0][0]), args.every)):
        order = (0, 1) if turn % 2 == 0 else (1, 0)
        for side in order:
            root, index = sides[side]
            output = _run(root, ["-c", CHILD, str(root), str(index), str(number)])
            times[side].append(1000 * float(output))
    ratios = [second / first for first, second in zip(*times, strict=True) if first > 0]
    for name, values in zip(("first", "second"), times, strict=True):
        p50, p95 = percentile(values, 0.5), percentile(values, 0.95)
        print(f"{name}: {len(values)} queries, CPU p50 {p50:.2f} ms, p95 {p95:.2f} ms")
    print(f"median per-query CPU ratio second/first: {statistics.median(ratios):.3f}")


if __name__ == "__main__":
    main()
