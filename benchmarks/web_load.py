"""Load test of `pqsearch serve` on loopback: concurrent clients for a fixed time.

Starts the server over an index (its own process, 127.0.0.1, a free port), then runs
`--clients` clients for `--seconds`, each sending, in turn, a search page request and an
`/api/search` request with every facet counted, for queries drawn from a fixed list (with
filters on some). Prints requests per second and p50 / p95 latency per endpoint. The loop
is bounded in time and in count (`--max-requests`) and stops by itself.

    python benchmarks/web_load.py --index benchmarks/out/index-3000 --clients 16 --seconds 30
    python benchmarks/web_load.py --index benchmarks/out/index-3000 --workers 2
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
QUERIES = [
    {"q": "logement"},
    {"q": "mobilité vélo"},
    {"q": "climat", "status": "answered"},
    {"q": '"permis d\'urbanisme"'},
    {"q": "budget", "sort": "newest"},
    {"q": "école enseignement"},
    {"q": "énergie", "from": "2015", "to": "2020"},
    {"q": "emploi formation", "page": "2"},
    {"q": "sécurité police"},
    {"q": "propreté déchets"},
    {"q": "tourisme"},
    {"q": "technolog*"},
    {"q": "santé hôpital", "date": "answered", "from": "2010"},
    {"q": "logement social", "sector": "L"},
    {"q": ""},
    {"q": "transport", "session": "20/21"},
]
ALL_FACETS = (
    "legislature,session,addressee,author,portfolio,sector,status,answer_type,language,kind,"
    "received_year,received_month,published_year,published_month,answered_year,answered_month"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def client(
    base: str,
    deadline: float,
    number: int,
    times: dict[str, list[float]],
    errors: list[str],
    budget: list[int],
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        turn = number
        while time.monotonic() < deadline and budget[0] > 0:
            budget[0] -= 1
            params = QUERIES[turn % len(QUERIES)]
            if turn % 2 == 0:
                endpoint, path, sent = "page", "/search", params
            else:
                endpoint, path, sent = "api", "/api/search", {**params, "facets": ALL_FACETS}
            started = time.perf_counter()
            response = await http.get(path, params=sent)
            elapsed = time.perf_counter() - started
            if response.status_code != 200:
                errors.append(f"{response.status_code} {path} {sent}")
            times[endpoint].append(elapsed)
            turn += 1


async def load(base: str, clients: int, seconds: float, max_requests: int) -> None:
    times: dict[str, list[float]] = {"page": [], "api": []}
    errors: list[str] = []
    budget = [max_requests]
    async with httpx.AsyncClient(base_url=base, timeout=60) as warm:
        for params in QUERIES:  # each query once, so the run measures a warm server
            await warm.get("/search", params=params)
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(
        *(client(base, deadline, n, times, errors, budget) for n in range(clients))
    )
    wall = time.monotonic() - started
    total = sum(len(v) for v in times.values())
    print(f"{clients} clients, {wall:.1f} s: {total} requests, {total / wall:.1f} requests/s")
    for endpoint, label in (("page", "search page"), ("api", "/api/search, every facet")):
        values = [t * 1000 for t in times[endpoint]]
        if values:
            print(
                f"  {label}: {len(values)} requests, p50 {statistics.median(values):.0f} ms, "
                f"p95 {percentile(values, 0.95):.0f} ms, max {max(values):.0f} ms"
            )
    print(f"  errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--max-requests", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=1, help="pqsearch serve --workers")
    arguments = parser.parse_args()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "pqsearch.cli", "serve", "--index", str(arguments.index)]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--workers", str(arguments.workers)],
        env=env,
        cwd=REPO,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/static/style.css", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        asyncio.run(load(base, arguments.clients, arguments.seconds, arguments.max_requests))
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
