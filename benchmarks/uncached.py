"""Searches from a fresh process, as at the terminal: every query of the mix, each in a new
Python process, with the page cache warm and with the index's pages evicted.

    python benchmarks/uncached.py --index DIR [--corpus corpus-N.jsonl] [--rounds 1]
        [--modes warm,evicted] [--kinds phrase,...] [--out FILE.json]

Each child imports pqsearch, opens the index and runs one query of `query_mix.py` as the
benchmark does (every facet of the catalogue counted, 20 hits with highlights), timing its
imports, the open and the search inside the process; the parent times the process's wall
time. Modes:

- `warm`: the index's files are in the page cache (a pass over the mix before, untimed);
- `evicted`: before each child, every file of the index is dropped from the page cache
  (`posix_fadvise(POSIX_FADV_DONTNEED)`: clean pages, no privileges needed); what is still
  resident afterwards is measured with `mincore` and reported.

It prints p50/p95/p99 per query kind and overall for each mode, and the slowest queries.
`--corpus` only names the corpus in the report (the mix depends on `--seed`).
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import json
import mmap
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.generate import DEFAULT_SEED  # noqa: E402
from benchmarks.query_mix import BenchQuery, mix_search, query_mix  # noqa: E402

MODES = ("warm", "evicted")
PARTS = (
    "import_ms",
    "open_ms",
    "search_ms",
    "open_search_ms",
    "open_search_cpu_ms",
    "inside_ms",
    "wall_ms",
)
_libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
_libc.mmap.restype = ctypes.c_void_p
_libc.mmap.argtypes = [
    ctypes.c_void_p,
    ctypes.c_size_t,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_long,
]
_libc.mincore.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p]
_libc.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]


def index_files(index_dir: Path) -> list[Path]:
    """Every regular file of the index (the live generation, the lexicon, the stamps)."""
    return sorted(p for p in index_dir.rglob("*") if p.is_file() and not p.is_symlink())


def evict(files: list[Path]) -> None:
    """Drop the files' pages from the page cache."""
    for path in files:
        fd = os.open(path, os.O_RDONLY)
        try:
            # Only clean pages are dropped: an index written moments ago is written out first.
            os.fdatasync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def resident_bytes(path: Path) -> int:
    """How many bytes of the file are in the page cache (`mincore` over a mapping of it)."""
    size = path.stat().st_size
    if not size:
        return 0
    fd = os.open(path, os.O_RDONLY)
    try:
        address = _libc.mmap(None, size, mmap.PROT_READ, mmap.MAP_SHARED, fd, 0)
        if address in (None, ctypes.c_void_p(-1).value):
            raise OSError(ctypes.get_errno(), f"mmap of {path} failed")
        try:
            pages = (size + mmap.PAGESIZE - 1) // mmap.PAGESIZE
            vector = ctypes.create_string_buffer(pages)
            if _libc.mincore(address, size, vector) != 0:
                raise OSError(ctypes.get_errno(), f"mincore of {path} failed")
            resident = sum(byte & 1 for byte in vector.raw)
        finally:
            _libc.munmap(address, size)
    finally:
        os.close(fd)
    return min(resident * mmap.PAGESIZE, size)


def child(index_dir: Path, query: BenchQuery) -> dict[str, Any]:
    """One search as `pqsearch search` runs it, timed inside this (fresh) process."""
    start = time.perf_counter()
    from pqsearch import api

    imported, cpu_imported = time.perf_counter(), time.process_time()
    with api.open_index(index_dir) as index:
        opened = time.perf_counter()
        result = mix_search(index, query)
        searched, cpu_searched = time.perf_counter(), time.process_time()
    return {
        # CPU time moves less than wall time with the load of a shared machine.
        "open_search_cpu_ms": 1000 * (cpu_searched - cpu_imported),
        "import_ms": 1000 * (imported - start),
        "open_ms": 1000 * (opened - imported),
        "search_ms": 1000 * (searched - opened),
        "open_search_ms": 1000 * (searched - imported),
        "inside_ms": 1000 * (searched - start),
        "total": result.total,
        "ids": [hit.id for hit in result.hits],
    }


def run_one(index_dir: Path, seed: int, number: int) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve())]
    command += ["--index", str(index_dir), "--seed", str(seed), "--child", str(number)]
    # A user's install has its bytecode compiled: a child that compiled pqsearch's modules
    # from source (PYTHONDONTWRITEBYTECODE set) would time the compiler.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"query {number} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(done.stdout)
    figures["wall_ms"] = 1000 * wall
    return figures


def measure(
    index_dir: Path, *, seed: int, modes: list[str], rounds: int, kinds: set[str] | None
) -> dict[str, Any]:
    mix = query_mix(seed)
    chosen = [n for n, q in enumerate(mix) if kinds is None or q.kind in kinds]
    files = index_files(index_dir)
    index_bytes = sum(p.stat().st_size for p in files)
    for number in chosen:  # page cache warm, the checksum stamps written
        run_one(index_dir, seed, number)
    results: dict[str, Any] = {"index_bytes": index_bytes, "modes": {}}
    for mode in modes:
        runs: list[dict[str, Any]] = []
        left = 0
        for _ in range(rounds):
            for number in chosen:
                if mode == "evicted":
                    evict(files)
                    left = max(left, sum(resident_bytes(p) for p in files))
                figures = run_one(index_dir, seed, number)
                query = mix[number]
                figures.update(kind=query.kind, query=_label(query))
                runs.append(figures)
        results["modes"][mode] = {"runs": runs, "resident_after_evict_bytes": left}
    return results


def _label(query: BenchQuery) -> str:
    filters = " ".join(f"{k}={v}" for k, v in query.filters.items())
    return f"{query.text or '(browse)'} {filters}".strip()


def summary(runs: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """p50/p95/p99 of each part, per query kind and overall ("all")."""
    from benchmarks.run import percentile

    groups: dict[str, list[dict[str, Any]]] = {"all": runs}
    for run in runs:
        groups.setdefault(run["kind"], []).append(run)
    table: dict[str, dict[str, float]] = {}
    for kind, members in groups.items():
        row: dict[str, float] = {"queries": len(members)}
        for part in PARTS:
            values = [m[part] / 1000 for m in members]
            for share in (50, 95, 99):
                row[f"{part}_p{share}"] = 1000 * percentile(values, share / 100)
        table[kind] = row
    return table


def markdown(results: dict[str, Any], slowest: int = 8) -> str:
    lines: list[str] = []
    for mode, found in results["modes"].items():
        table = summary(found["runs"])
        lines += [
            f"Page cache {mode}"
            + (
                f" (after eviction at most {found['resident_after_evict_bytes']:,} of "
                f"{results['index_bytes']:,} bytes of the index still resident)"
                if mode == "evicted"
                else ""
            )
            + ":",
            "",
            "| kind | queries | open + search p50 / p95 / p99 ms | its CPU p50 / p95 / p99 ms "
            "| imports p50 ms | process wall p50 / p95 / p99 ms |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for kind, row in table.items():
            lines.append(
                f"| {'**all**' if kind == 'all' else kind} | {row['queries']:.0f} | "
                + " | ".join(_trio(row, part) for part in ("open_search_ms", "open_search_cpu_ms"))
                + f" | {row['import_ms_p50']:.0f} | "
                + _trio(row, "wall_ms")
                + " |"
            )
        lines += ["", f"Slowest ({mode}): open + search ms (open, search; CPU), wall ms", ""]
        ranked = sorted(found["runs"], key=lambda r: -float(r["open_search_ms"]))
        for run in ranked[:slowest]:
            lines.append(
                f"- `{run['query']}` ({run['kind']}): {run['open_search_ms']:.0f} "
                f"({run['open_ms']:.0f}, {run['search_ms']:.0f}; {run['open_search_cpu_ms']:.0f}), "
                f"wall {run['wall_ms']:.0f}"
            )
        lines.append("")
    return "\n".join(lines)


def _trio(row: dict[str, float], part: str) -> str:
    return " / ".join(f"{row[f'{part}_p{share}']:.0f}" for share in (50, 95, 99))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=None, help="named in the report only")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--rounds", type=int, default=1, help="passes over the mix per mode")
    parser.add_argument("--modes", default=",".join(MODES), help="warm, evicted or both")
    parser.add_argument("--kinds", default=None, help="only these query kinds (comma-separated)")
    parser.add_argument("--out", type=Path, default=None, help="write every figure here")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(child(args.index, query_mix(args.seed)[args.child])))
        return 0
    modes = [m for m in args.modes.split(",") if m]
    if unknown := set(modes) - set(MODES):
        parser.error(f"unknown modes {sorted(unknown)}: choose among {', '.join(MODES)}")
    kinds = set(args.kinds.split(",")) if args.kinds else None
    results = measure(args.index, seed=args.seed, modes=modes, rounds=args.rounds, kinds=kinds)
    results.update(
        index=str(args.index),
        corpus=str(args.corpus) if args.corpus else None,
        load_average=os.getloadavg(),
        when=time.strftime("%Y-%m-%d %H:%M:%S"),
    )
    results["markdown"] = markdown(results)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(results["markdown"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
