"""What naming the files in the generation key costs a search (audit 10, finding 1).

An open index asks `store.live_generation` before every search. Since the tenth session the
key also names the files (two `stat` calls: the data folder, the newest table of contents).
In one process, on one open index, blocks of searches alternate between the key as shipped
and the name-and-number key it replaced (a readlink and a listdir, as at 85e8dcd), so that
the machine's load falls on both alike; the first searches of each block, which build the
caches again for the other key, are left out. Also times each key alone.

    python benchmarks/generation_key.py INDEX [--blocks 8]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import timeit
from collections.abc import Callable
from pathlib import Path

import pqsearch
from pqsearch.index import store
from pqsearch.index.folders import LIVE, live_generation_in

QUERIES = (
    "logement",
    "mobilité bruxelles",
    "vélo",
    "zones de basses émissions",
    "propreté publique",
    '"transport en commun"',
    "",
    "école",
    "énergie",
    "police",
)
# Searches of each block left out: the first ones after the key changed build the caches.
WARM_ROUNDS = 3


def name_and_number(root: Path) -> tuple[str, int] | None:
    """The key before the tenth session: the live folder's name and its newest commit."""
    try:
        target = os.readlink(root / LIVE)
    except OSError:
        return None
    latest = live_generation_in(root / target)
    return None if latest is None else (Path(target).name, latest)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("--blocks", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=25)
    args = parser.parse_args()
    keys: dict[str, Callable[[Path], object]] = {
        "name and number (85e8dcd)": name_and_number,
        "files named (shipped)": store.live_generation,
    }
    searches: dict[str, list[float]] = {name: [] for name in keys}
    key_alone: dict[str, list[float]] = {name: [] for name in keys}
    with pqsearch.open_index(args.index) as index:
        for _ in range(args.blocks):
            for name, key in keys.items():
                store.live_generation = key  # type: ignore[assignment]
                for round_number in range(args.rounds):
                    for query in QUERIES:
                        started = time.perf_counter()
                        index.search(query, limit=10)
                        if round_number >= WARM_ROUNDS:
                            searches[name].append(time.perf_counter() - started)
                timing = timeit.repeat(lambda k=key: k(args.index), number=2000, repeat=3)
                key_alone[name].append(min(timing) / 2000)
    for name in keys:
        print(
            f"{name}: search median {statistics.median(searches[name]) * 1e3:.2f} ms "
            f"({len(searches[name])} searches), key alone {min(key_alone[name]) * 1e6:.0f} µs"
        )


if __name__ == "__main__":
    main()
