"""Where a search's time goes: the benchmark's query mix, timed stage by stage.

    python benchmarks/query_stages.py --index DIR [--rounds 3] [--profile out.prof]
        [--kinds word,words,prefix,boolean,filter,browse] [--clock wall|process]

Opens the index, runs the mix of `query_mix.py` once to warm the searcher (as the benchmark's
headline figure does), then `--rounds` passes with every facet counted and 20 hits, each
result also serialised to JSON as the API does. Each stage's time is exclusive (a stage
called inside another is subtracted from it), so the rows add up to the total. On a shared
machine `--clock process` counts this process's CPU time only, not the time it waited for
a core (a load of 10 made every stage's wall time several times longer).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.generate import DEFAULT_SEED  # noqa: E402
from benchmarks.query_mix import query_mix  # noqa: E402
from benchmarks.run import mix_search  # noqa: E402

_spent: dict[str, float] = {}
_clock = time.perf_counter
_stack: list[list[float]] = []  # [start, time of the stages inside]


@contextmanager
def stage(name: str) -> Iterator[None]:
    _stack.append([_clock(), 0.0])
    try:
        yield
    finally:
        start, inner = _stack.pop()
        elapsed = _clock() - start
        _spent[name] = _spent.get(name, 0.0) + elapsed - inner
        if _stack:
            _stack[-1][1] += elapsed


def _timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with stage(name):
            return function(*args, **kwargs)

    return wrapper


def instrument() -> None:
    """Wrap the functions of each stage (the classes, so every instance is timed)."""
    from pqsearch.index.reader import IndexReader
    from pqsearch.query import highlight, search
    from pqsearch.query.compile import Compiler
    from pqsearch.query.facets import FacetKind
    from pqsearch.query.rank import Ranker, Scored

    search.parse_query = _timed("parse", search.parse_query)  # type: ignore[assignment]
    Compiler.compile = _timed("compile", Compiler.compile)  # type: ignore[method-assign]
    Ranker.score = _timed("rank", Ranker.score)  # type: ignore[method-assign]
    Scored.top = _timed("rank", Scored.top)  # type: ignore[method-assign]
    Scored.within = _timed("filters", Scored.within)  # type: ignore[method-assign]
    search.QueryRunner.matched = _timed("match (filters, totals)", search.QueryRunner.matched)  # type: ignore[method-assign]
    search.QueryRunner._suggestions = _timed("did-you-mean", search.QueryRunner._suggestions)  # type: ignore[method-assign]
    FacetKind.count = _timed("facets", FacetKind.count)  # type: ignore[method-assign]
    IndexReader.shared_record = _timed("stored fields", IndexReader.shared_record)  # type: ignore[method-assign]
    search.hl.highlights = _timed("highlights", highlight.highlights)  # type: ignore[attr-defined]


def run(
    index_dir: Path, rounds: int, profile: Path | None, kinds: set[str] | None = None
) -> dict[str, Any]:
    from pqsearch import api
    from pqsearch.output import as_json

    instrument()
    mix = [q for q in query_mix(DEFAULT_SEED) if kinds is None or q.kind in kinds]
    profiler = cProfile.Profile() if profile else None
    with api.open_index(index_dir) as index:

        def one_pass() -> None:
            for query in mix:
                with stage("other (search)"):
                    result = mix_search(index, query)
                with stage("json"):
                    as_json(result)

        one_pass()
        _spent.clear()
        if profiler:
            profiler.enable()
        started = _clock()
        for _ in range(rounds):
            one_pass()
        total = _clock() - started
        if profiler:
            profiler.disable()
            profiler.dump_stats(str(profile))
    searches = rounds * len(mix)
    return {
        "searches": searches,
        "ms_per_search": 1000 * total / searches,
        "stages_ms": {
            k: 1000 * v / searches for k, v in sorted(_spent.items(), key=lambda i: -i[1])
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=Path, default=None, help="write cProfile stats")
    parser.add_argument("--kinds", default=None, help="only these kinds of the mix (a,b,...)")
    parser.add_argument("--clock", choices=("wall", "process"), default="wall")
    args = parser.parse_args()
    global _clock
    _clock = time.process_time if args.clock == "process" else time.perf_counter
    kinds = set(args.kinds.split(",")) if args.kinds else None
    figures = run(args.index, args.rounds, args.profile, kinds)
    print(f"{figures['searches']} searches, {figures['ms_per_search']:.2f} ms each (mean)")
    print("| stage | ms per search |\n|---|---:|")
    for name, ms in figures["stages_ms"].items():
        print(f"| {name} | {ms:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
