"""Where a fresh process's search goes, stage by stage: wall and CPU time, bytes read from
disk and page faults, with the index's pages evicted from the page cache before each child.

    python benchmarks/fresh_stages.py --index DIR [--modes evicted,warm] [--rounds 1]
        [--queries all|slowest] [--out FILE.json]

Each query of the mix runs in a new Python process (as `uncached.py` runs it) whose stages
are wrapped as `query_stages.py` wraps them, plus the imports, the open and the JSON. For
each stage: wall ms, CPU ms, `read_bytes` of `/proc/self/io` (what the process made the
kernel read from storage, readahead and faults of mapped files included) and major page
faults (`getrusage`). Each stage's figures are exclusive of the stages called inside it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import query_stages  # noqa: E402
from benchmarks.generate import DEFAULT_SEED  # noqa: E402
from benchmarks.query_mix import mix_search, query_mix  # noqa: E402
from benchmarks.uncached import _label, evict, index_files  # noqa: E402

METERS = ("wall_ms", "cpu_ms", "read_kb", "major_faults", "minor_faults")
# The queries the fourth session's evicted run found slowest, and the first of each kind.
SLOWEST = (
    "transport public bruxelles",
    '"transports en commun"',
    '"à ce jour"',
    "sécurité routière écoles",
    "primes énergie rénovation",
    "budget de la région",
    "(logement OR loyer) AND commune",
    "recrutement du personnel",
)


def _read_bytes() -> int:
    with open("/proc/self/io", "rb") as io:
        for line in io:
            if line.startswith(b"read_bytes:"):
                return int(line.split()[1])
    return 0


def _meters() -> list[float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return [
        1000 * time.perf_counter(),
        1000 * time.process_time(),
        _read_bytes() / 1024,
        float(usage.ru_majflt),
        float(usage.ru_minflt),
    ]


_spent: dict[str, list[float]] = {}
_stack: list[tuple[list[float], list[float]]] = []  # (meters at start, spent by inner stages)


@contextmanager
def stage(name: str) -> Iterator[None]:
    _stack.append((_meters(), [0.0] * len(METERS)))
    try:
        yield
    finally:
        start, inner = _stack.pop()
        elapsed = [b - a for a, b in zip(start, _meters(), strict=True)]
        total = _spent.setdefault(name, [0.0] * len(METERS))
        for at, value in enumerate(elapsed):
            total[at] += value - inner[at]
        if _stack:
            outer = _stack[-1][1]
            for at, value in enumerate(elapsed):
                outer[at] += value


def child(index_dir: Path, number: int, seed: int) -> dict[str, Any]:
    query = query_mix(seed)[number]
    with stage("process"):
        with stage("import"):
            from pqsearch import api
            from pqsearch.output import as_json

        # query_stages' wrappers call the module's `stage`: these figures replace its clock.
        query_stages.stage = stage
        query_stages.instrument()
        with stage("open"):
            index = api.open_index(index_dir)
        with stage("other (search)"):
            result = mix_search(index, query)
        with stage("json"):
            as_json(result)
        index.close()
    return {name: dict(zip(METERS, values, strict=True)) for name, values in _spent.items()}


def run_child(index_dir: Path, number: int, seed: int) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "--index", str(index_dir)]
    command += ["--seed", str(seed), "--child", str(number)]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"query {number} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(done.stdout)
    return figures


def measure(
    index_dir: Path, *, seed: int, modes: list[str], rounds: int, numbers: list[int]
) -> dict[str, Any]:
    files = index_files(index_dir)
    for number in numbers:  # page cache warm, bytecode compiled
        run_child(index_dir, number, seed)
    mix = query_mix(seed)
    found: dict[str, Any] = {}
    for mode in modes:
        runs = []
        for _ in range(rounds):
            for number in numbers:
                if mode == "evicted":
                    evict(files)
                stages = run_child(index_dir, number, seed)
                runs.append({"query": _label(mix[number]), "stages": stages})
        found[mode] = runs
    return found


def table(runs: list[dict[str, Any]]) -> list[str]:
    """Median over the runs of each stage's meters, and the share of the process's wall."""
    names = sorted({n for r in runs for n in r["stages"]}, key=_order)
    lines = [
        "| stage | wall ms | CPU ms | read KB | major faults | minor faults |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name in names:
        cells = []
        for meter in METERS:
            values = [r["stages"].get(name, {}).get(meter, 0.0) for r in runs]
            middle = statistics.median(values)
            cells.append(f"{middle:.1f}" if meter == "wall_ms" else f"{middle:,.0f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def _order(name: str) -> tuple[int, str]:
    first = ("import", "open", "parse", "compile", "match (filters, totals)", "rank", "filters")
    last = ("facets", "stored fields", "highlights", "did-you-mean", "other (search)", "json")
    last += ("process",)
    if name in first:
        return (first.index(name), name)
    if name in last:
        return (100 + last.index(name), name)
    return (50, name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--modes", default="evicted")
    parser.add_argument("--queries", choices=("all", "slowest"), default="all")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.index, args.child, args.seed)))
        return 0
    mix = query_mix(args.seed)
    numbers = [n for n, q in enumerate(mix) if args.queries == "all" or _label(q) in SLOWEST]
    modes = [m for m in args.modes.split(",") if m]
    found = measure(args.index, seed=args.seed, modes=modes, rounds=args.rounds, numbers=numbers)
    out: list[str] = []
    for mode, runs in found.items():
        slow = [r for r in runs if r["query"] in SLOWEST]
        out += [f"Page cache {mode}: median over {len(runs)} fresh processes", ""]
        out += [*table(runs), ""]
        if slow and len(slow) < len(runs):
            out += [f"Page cache {mode}: median over the {len(slow)} slowest queries", ""]
            out += [*table(slow), ""]
    if args.out:
        args.out.write_text(json.dumps({"modes": found, "load": os.getloadavg()}, indent=2))
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
