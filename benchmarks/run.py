"""The pqsearch benchmark: ingest, lemmatization alone, queries, cold start, and two baselines.

    python benchmarks/run.py --docs 10000

generates (or reuses) the scale corpus `benchmarks/out/corpus-N.jsonl` (see generate.py),
then measures, in one run and on the same documents and queries:

- ingest end to end of the real documents and of the corpus, in a child process: docs/s,
  words/s, time per stage, peak memory (RSS of the process and its workers, sampled), index
  size against the raw text;
- lemmatization alone (pqsearch's `Lemmatizer`, spaCy with the settings ingest uses) on
  the same text, for the ratio ingest / lemmatization;
- query latency p50/p95/p99 over a fixed mix of queries with every facet counted, in
  process with a warm searcher;
- `pqsearch search` cold start from a fresh process (median of `--cold-runs`);
- the baselines of `baselines.py` on the same records and queries, with the documents each
  finds for inflected variants of one word.

It prints a Markdown table and writes every figure to `benchmarks/out/bench-N.json`.
`--index DIR` measures queries and cold start on an index already built from the corpus
(skipping the pqsearch ingest); `--lemma-docs` bounds the lemmatization-only pass.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import baselines  # noqa: E402
from benchmarks.children import run_child  # noqa: E402
from benchmarks.generate import DEFAULT_SEED, write_corpus  # noqa: E402
from benchmarks.query_mix import VARIANTS, BenchQuery, mix_search, query_mix  # noqa: E402
from benchmarks.report import markdown  # noqa: E402

REAL_DOCUMENTS = (REPO / "corpus" / "seed", REPO / "corpus" / "brussels")
PARTS = ("title", "question", "answer")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def latency(times: list[float]) -> dict[str, float]:
    return {
        "p50_ms": 1000 * percentile(times, 0.50),
        "p95_ms": 1000 * percentile(times, 0.95),
        "p99_ms": 1000 * percentile(times, 0.99),
        "mean_ms": 1000 * statistics.fmean(times) if times else 0.0,
        "queries": len(times),
    }


def pqsearch_queries(index_dir: Path, mix: list[BenchQuery], rounds: int) -> dict[str, Any]:
    """Latency of the mix with every facet counted, warm searcher, in this process.

    Three figures: the first pass (each query seen for the first time by a fresh searcher;
    what it keeps of frequent words comes only from the queries before), the `rounds`
    timed passes after it (the headline), and one pass with nothing kept (`cache_mb=0`).
    """
    from pqsearch import api

    times: list[float] = []
    per_kind: dict[str, list[float]] = {}
    totals: dict[str, int] = {}
    with api.open_index(index_dir) as index:
        first = _query_pass(index, mix)
        for _ in range(rounds):
            for query, elapsed, total in _query_pass(index, mix):
                times.append(elapsed)
                per_kind.setdefault(query.kind, []).append(elapsed)
                totals[query.text + json.dumps(query.filters, sort_keys=True)] = total
        variants = {
            word: index.search(word, facets=[], limit=0).total for pair in VARIANTS for word in pair
        }
    with api.open_index(index_dir, cache_mb=0) as index:
        _query_pass(index, mix)  # columns, lexicon, lengths loaded
        uncached = [elapsed for _, elapsed, _ in _query_pass(index, mix)]
    return {
        "latency": latency(times),
        "first_pass": latency([elapsed for _, elapsed, _ in first]),
        "uncached": latency(uncached),
        "by_kind": {kind: latency(values) for kind, values in per_kind.items()},
        "zero_hit_queries": sum(1 for n in totals.values() if n == 0),
        "variants": variants,
    }


def _query_pass(index: Any, mix: list[BenchQuery]) -> list[tuple[BenchQuery, float, int]]:
    timed: list[tuple[BenchQuery, float, int]] = []
    for query in mix:
        start = time.perf_counter()
        result = mix_search(index, query)
        timed.append((query, time.perf_counter() - start, result.total))
    return timed


def baseline_queries(
    engine: baselines.Engine, mix: list[BenchQuery], rounds: int
) -> dict[str, Any]:
    texts = [q.text for q in mix if q.text]
    for text in texts:
        engine.search(text)
    times: list[float] = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            engine.search(text)
            times.append(time.perf_counter() - start)
    variants = {word: engine.search(word, limit=0)[0] for pair in VARIANTS for word in pair}
    return {"latency": latency(times), "variants": variants}


def cold_start(index_dir: Path, runs: int) -> dict[str, Any]:
    """Wall time of `pqsearch search logement` from a fresh process, default facets."""
    executable = shutil.which("pqsearch", path=str(Path(sys.executable).parent))
    command = ([executable] if executable else [sys.executable, "-m", "pqsearch.cli"]) + [
        "search",
        "logement",
        "--index",
        str(index_dir),
    ]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return {
        "command": " ".join(["pqsearch", *command[-4:]]),
        "median_s": statistics.median(times),
        "min_s": min(times),
        "max_s": max(times),
        "runs": runs,
    }


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


# What each file of an index holds, by its name (Whoosh's segment files, then ours).
_PARTS = (
    (".pst", "postings"),
    (".trm", "term dictionary"),
    ("_stored.col", "stored records"),
    (".col", "columns (Whoosh)"),
    (".arrays", "columns (saved)"),
    (".npz", "columns (saved)"),
    ("lexicon.sqlite", "lexicon"),
)


def index_parts(path: Path) -> dict[str, int]:
    """Bytes of an index by what its files hold (`_PARTS`; anything else is "other")."""
    parts: dict[str, int] = {}
    for file in path.rglob("*"):
        if file.is_file() and not file.is_symlink():
            name = next((label for end, label in _PARTS if file.name.endswith(end)), "other")
            parts[name] = parts.get(name, 0) + file.stat().st_size
    return parts


def corpus_stats(path: Path) -> dict[str, Any]:
    docs = text_bytes = 0
    for record in baselines.iter_records(path):
        docs += 1
        text_bytes += sum(len((record.get(part) or "").encode()) for part in PARTS)
    return {"docs": docs, "text_bytes": text_bytes, "file_bytes": path.stat().st_size}


def build_baseline(engine: baselines.Engine, corpus: Path, words: int) -> dict[str, Any]:
    started = time.perf_counter()
    docs = engine.build(baselines.iter_records(corpus))
    seconds = time.perf_counter() - started
    return {
        "docs": docs,
        "seconds": seconds,
        "docs_per_s": docs / seconds,
        "words_per_s": words / seconds,
        "index_bytes": engine.size_bytes(),
    }


# --- the run -----------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    model = ""
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            model = next((ln.split(":", 1)[1].strip() for ln in cpuinfo if "model name" in ln), "")
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": os.getloadavg(),
    }


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    corpus = out / f"corpus-{args.docs}.jsonl"
    if not corpus.exists():
        write_corpus(corpus, args.docs, seed=args.seed, texts=args.texts)
    stats = corpus_stats(corpus)
    mix = query_mix(args.seed)
    results: dict[str, Any] = {"machine": machine(), "corpus": stats, "args": _plain(vars(args))}
    if args.work is not None:
        args.work.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="pqsearch-bench-", dir=args.work))
    try:
        results["ingest_real"] = None
        if not args.skip_real:
            _say(f"real documents ingest ({', '.join(p.name for p in REAL_DOCUMENTS)})")
            real_index = work / "real-index"
            real = run_child(
                "ingest", {"paths": [str(p) for p in REAL_DOCUMENTS], "index": str(real_index)}
            )
            real["index_bytes"] = folder_bytes(real_index)
            results["ingest_real"] = real

        lemma_docs = min(args.lemma_docs, stats["docs"])
        _say(f"lemmatization alone, {lemma_docs} documents")
        results["lemmatize"] = run_child("lemmatize", {"corpus": str(corpus), "docs": lemma_docs})
        if args.spacy:
            results["spacy"] = run_child("spacy", {"corpus": str(corpus), "docs": lemma_docs})

        if args.index is None:
            _say(f"pqsearch ingest, {stats['docs']} documents")
            index_dir = work / "index"
            task = "ingest-reusing" if args.reuse_analyses else "ingest"
            payload: dict[str, Any] = {"paths": [str(corpus)], "index": str(index_dir)}
            if args.jobs is not None:
                payload["jobs"] = args.jobs
            ingest = run_child(task, payload)
            ingest["reused_analyses"] = args.reuse_analyses
            ingest["index_bytes"] = folder_bytes(index_dir)
            ingest["index_parts"] = index_parts(index_dir)
            results["ingest"] = ingest
            words = ingest["words"]
        else:
            index_dir = args.index
            results["ingest"] = None
            words = results["lemmatize"]["words"] * stats["docs"] // max(lemma_docs, 1)
        # An index passed in may not hold this corpus's text (see child_replicate).
        results["index_bytes"] = folder_bytes(index_dir) if args.index is None else None
        results["words"] = words

        _say(f"queries ({len(mix)} x {args.rounds} rounds, every facet)")
        results["queries"] = pqsearch_queries(index_dir, mix, args.rounds)
        _say(f"cold start ({args.cold_runs} runs)")
        results["cold_start"] = cold_start(index_dir, args.cold_runs)

        results["baselines"] = {}
        if not args.skip_baselines:
            engines: list[baselines.Engine] = [
                baselines.WhooshFrench(work / "whoosh-fr"),
                baselines.SqliteFts5(work / "fts5.sqlite"),
            ]
            for engine in engines:
                _say(f"baseline {engine.name}")
                built = build_baseline(engine, corpus, words)
                built.update(baseline_queries(engine, mix, args.rounds))
                engine.close()
                results["baselines"][engine.name] = built
        results["machine"]["load_average_end"] = os.getloadavg()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            results["work"] = str(work)
    return results


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: str(v) if isinstance(v, Path) else v for k, v in values.items()}


def _say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents in the scale corpus")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--texts",
        type=Path,
        default=None,
        help="folder of the real documents the corpus is generated from (default: "
        "../shared/corpus beside the checkout, else corpus/)",
    )
    parser.add_argument("--out", type=Path, default=HERE / "out", help="corpus and JSON folder")
    parser.add_argument("--work", type=Path, default=None, help="folder for the indexes")
    parser.add_argument("--index", type=Path, default=None, help="reuse an index of the corpus")
    parser.add_argument("--lemma-docs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the query mix")
    parser.add_argument("--cold-runs", type=int, default=10)
    parser.add_argument("--skip-baselines", action="store_true")
    parser.add_argument("--skip-real", action="store_true", help="no ingest of the real pages")
    parser.add_argument(
        "--reuse-analyses",
        action="store_true",
        help="lemmatize each corpus sentence once: a fast index build for the query figures, "
        "whose ingest rate is not pqsearch's",
    )
    parser.add_argument("--spacy", action="store_true", help="also time spaCy's pipe alone")
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="spaCy worker processes of the ingest (default: pqsearch's, the cores available)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the indexes built")
    args = parser.parse_args(argv)
    results = benchmark(args)
    table = markdown(results)
    results["markdown"] = table
    (args.out / f"bench-{args.docs}.json").write_text(json.dumps(results, indent=2) + "\n")
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
