"""A cold `pqsearch search` of two checkouts against a bare `python -c pass`, alternated.

    python benchmarks/cold_start.py --first OLD_CHECKOUT --second NEW_CHECKOUT --index DIR
        [--second-index DIR2] [--runs 15] [--words logement]

Each run starts `python -c pass`, then `python -m pqsearch.cli search WORDS --index DIR` with
each checkout first on the path (which one goes first alternating): on a shared machine all
three see the same load. Prints the medians of wall time and of the child's CPU time (user +
system, steadier under load), and the ratios. Compile both checkouts first (`python -m
compileall -q CHECKOUT/pqsearch`): the environment sets PYTHONDONTWRITEBYTECODE, a user's
install has its bytecode, and a checkout without it times the compiler. Keep both checkouts
on the same file system (a worktree against a copy in /tmp measured 7 % apart in either
direction). `--second-index`: the second checkout searches this index (the same documents
written by its own code) instead of `--index`.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time


def _run(command: list[str], root: str | None) -> tuple[float, float]:
    """Wall and CPU milliseconds of one child process."""
    env = dict(os.environ)
    if root is not None:
        env["PYTHONPATH"] = root
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=root or "/", env=env, stdout=subprocess.DEVNULL, check=True)
    wall = 1000 * (time.perf_counter() - start)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = 1000 * (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", required=True)
    parser.add_argument("--second", required=True)
    parser.add_argument("--index", required=True)
    parser.add_argument("--second-index", default=None)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--words", default="logement")
    args = parser.parse_args()
    search = {
        side: [sys.executable, "-m", "pqsearch.cli", "search", args.words, "--index", index]
        for side, index in (("first", args.index), ("second", args.second_index or args.index))
    }
    sides = {"pass": None, "first": args.first, "second": args.second}
    wall: dict[str, list[float]] = {name: [] for name in sides}
    cpu: dict[str, list[float]] = {name: [] for name in sides}
    for run in range(args.runs):
        order = ["pass", "first", "second"] if run % 2 == 0 else ["pass", "second", "first"]
        for name in order:
            root = sides[name]
            command = [sys.executable, "-c", "pass"] if root is None else search[name]
            spent = _run(command, root)
            wall[name].append(spent[0])
            cpu[name].append(spent[1])
    for label, figures in (("wall", wall), ("CPU", cpu)):
        median = {name: statistics.median(values) for name, values in figures.items()}
        print(
            f"{label}: pass {median['pass']:.1f} ms, first {median['first']:.1f} ms "
            f"({median['first'] / median['pass']:.2f} x), second {median['second']:.1f} ms "
            f"({median['second'] / median['pass']:.2f} x), second/first "
            f"{median['second'] / median['first']:.3f}"
        )


if __name__ == "__main__":
    main()
