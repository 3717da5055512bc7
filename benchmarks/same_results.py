"""Whether a change of the query code changed any answer of the benchmark's query mix.

    python benchmarks/same_results.py --index DIR --write before.json   # with the old code
    python benchmarks/same_results.py --index DIR --compare before.json # with the new code

Each query of the mix (`query_mix.py`) is searched as the benchmark searches it (every
facet, 20 hits, `mix_search`), plus once more with every value of every facet counted
(`facet_top=None`), and its answer written as JSON: the total, the hits' ids, scores and
highlights, every facet count, suggestions and corrections. `--compare` says which queries
answer differently from the file, and exits non-zero if any does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, cast

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.generate import DEFAULT_SEED  # noqa: E402
from benchmarks.query_mix import mix_search, query_mix  # noqa: E402


def answers(index_dir: Path) -> dict[str, Any]:
    from pqsearch import api
    from pqsearch.jsonable import jsonable
    from pqsearch.query.facets import facet_catalogue
    from pqsearch.query.filters import Sort
    from pqsearch.query.search import Filters

    found: dict[str, Any] = {}
    with api.open_index(index_dir) as index:
        for query in query_mix(DEFAULT_SEED):
            key = f"{query.kind} {query.text!r} {sorted(query.filters.items())} {query.sort}"
            result = mix_search(index, query)
            every = index.search(
                query.text,
                filters=Filters(**query.filters),
                facets=sorted(facet_catalogue()),
                facet_top=None,
                sort=cast(Sort, query.sort),
                limit=0,
            )
            found[key] = {
                "total": result.total,
                "hits": [[h.id, repr(h.score), jsonable(h.highlights)] for h in result.hits],
                "facets": jsonable(result.facets),
                "every_facet_value": jsonable(every.facets),
                "total_without_hits": every.total,
                "suggestions": jsonable(result.suggestions),
                "corrections": jsonable(result.corrections),
            }
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--write", type=Path, help="write the answers to this JSON file")
    what.add_argument("--compare", type=Path, help="compare the answers with this file")
    args = parser.parse_args()
    now = answers(args.index)
    if args.write:
        args.write.write_text(json.dumps(now, ensure_ascii=False, indent=1))
        print(f"{len(now)} answers written to {args.write}")
        return 0
    before = json.loads(args.compare.read_text())
    differ = 0
    for key in sorted(set(before) | set(now)):
        old, new = before.get(key), now.get(key)
        if old == new:
            continue
        differ += 1
        parts = sorted(
            p for p in set(old or {}) | set(new or {}) if (old or {}).get(p) != (new or {}).get(p)
        )
        print(f"DIFFERS {key}: {', '.join(parts)}")
    print(f"{len(now)} queries, {differ} answer(s) differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
