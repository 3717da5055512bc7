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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import baselines  # noqa: E402
from benchmarks.generate import DEFAULT_SEED, LEGISLATURE_STARTS, _people, write_corpus  # noqa: E402

REAL_DOCUMENTS = (REPO / "corpus" / "seed", REPO / "corpus" / "brussels")
PARTS = ("title", "question", "answer")

# The fixed query mix: (kind, pqsearch query, filters). Filters name generated metadata.
WORDS = (
    "logement",
    "logements",
    "mobilité",
    "vélo",
    "énergie",
    "energie",
    "emploi",
    "entreprises",
    "subsides",
    "commune",
    "stationnement",
    "propreté",
    "formation",
    "sécurité",
    "budget",
    "diplomates",
    "recrutement",
)
SEVERAL = (
    "logement social",
    "transport public bruxelles",
    "pistes cyclables",
    "qualité de l'air",
    "recrutement du personnel",
    "permis d'urbanisme",
    "primes énergie rénovation",
    "sécurité routière écoles",
    "emploi des jeunes",
    "budget de la région",
)
PHRASES = (
    '"logement social"',
    '"pistes cyclables"',
    '"Région de Bruxelles-Capitale"',
    '"qualité de l\'air"',
    '"permis d\'urbanisme"',
    '"sécurité routière"',
    '"à ce jour"',
    '"transports en commun"',
)
PREFIXES = ("technolog*", "recrut*", "mobil*", "énerg*", "subsid*", "cycl*")
BOOLEAN = (
    "logement AND social",
    "vélo OR trottinette",
    "énergie -nucléaire",
    "(logement OR loyer) AND commune",
)
VARIANTS = (
    ("logement", "logements"),
    ("technologie", "technologiques"),
    ("recruter", "recruté"),
    ("entreprise", "entreprises"),
    ("financer", "financés"),
    ("énergie", "energie"),
    ("diplomate", "diplomates"),
    ("construire", "construits"),
)


@dataclass(frozen=True)
class BenchQuery:
    kind: str
    text: str
    filters: dict[str, Any] = field(default_factory=dict)
    sort: str = "relevance"


def query_mix(seed: int = DEFAULT_SEED) -> list[BenchQuery]:
    """At least 50 queries: words, several words, phrases, prefixes, boolean, filters, browse."""
    _, governments = _people(seed)
    minister = governments[LEGISLATURE_STARTS[3]][0].name
    mix = [BenchQuery("word", w) for w in WORDS]
    mix += [BenchQuery("words", q) for q in SEVERAL]
    mix += [BenchQuery("phrase", q) for q in PHRASES]
    mix += [BenchQuery("prefix", q) for q in PREFIXES]
    mix += [BenchQuery("boolean", q) for q in BOOLEAN]
    mix += [
        BenchQuery("filter", "logement", {"session": ("20/21",)}),
        BenchQuery("filter", "mobilité vélo", {"legislature": ("19/24",)}),
        BenchQuery("filter", "énergie", {"status": "answered"}),
        BenchQuery("filter", "emploi", {"date_from": "2015", "date_to": "2018"}),
        BenchQuery("filter", "budget", {"addressee": (minister,)}),
        BenchQuery("filter", "propreté", {"portfolio": ("Mobilité",)}),
        BenchQuery("filter", '"pistes cyclables"', {"legislature": ("14/19", "19/24")}),
        BenchQuery("filter", "recrut*", {"status": "unanswered", "date_from": "2020"}),
        BenchQuery("browse", "", {"session": ("21/22",)}, sort="newest"),
        BenchQuery("browse", "", {}, sort="newest"),
    ]
    return mix


# --- measuring ---------------------------------------------------------------------------


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (0 once it is gone)."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack.extend(int(c) for c in children.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_child(task: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Run `task` in a fresh Python process; its JSON result plus wall time and peak RSS."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", task, json.dumps(payload)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.2)
    stdout = process.stdout.read() if process.stdout else ""
    if process.returncode != 0:
        raise RuntimeError(f"benchmark child {task} failed with code {process.returncode}")
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    result["wall_seconds"] = time.perf_counter() - started
    result["peak_rss_mb"] = peak / 2**20
    return result


class _StageClock:
    """Seconds spent inside named generators and calls of the ingest module."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def generator(self, name: str, make: Callable[..., Iterator[Any]]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            inner = make(*args, **kwargs)
            while True:
                start = time.perf_counter()
                try:
                    item = next(inner)
                except StopIteration:
                    self._add(name, start)
                    return
                self._add(name, start)
                yield item

        return timed

    def call(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self._add(name, start)

        return timed

    def _add(self, name: str, start: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def child_ingest(payload: dict[str, Any]) -> dict[str, Any]:
    """Ingest `paths` into a fresh index with the product's defaults, timing each stage.

    Parse is the time spent reading records, analyse the time spent waiting for lemmas and
    enrichment, commit the lexicon flush and Whoosh commits; index write is the rest.
    """
    from pqsearch import api
    from pqsearch.index import ingest as ingest_module

    clock = _StageClock()
    # Wrapping the module's own names times each stage without changing what it does.
    for owner, name, stage, wrap in (
        (ingest_module, "iter_parse", "parse", clock.generator),
        (ingest_module._Analyser, "analyse", "analyse", clock.generator),
        (ingest_module._Run, "commit", "commit", clock.call),
        (ingest_module, "save_columns", "columns", clock.call),
        (ingest_module, "_merge_segments", "merge", clock.call),
    ):
        if hasattr(owner, name):
            setattr(owner, name, wrap(stage, getattr(owner, name)))
    started = time.perf_counter()
    if "commit_every" in payload:
        report = ingest_module.ingest(
            payload["paths"],
            index_dir=payload["index"],
            rebuild=True,
            commit_every=int(payload["commit_every"]),
        )
    else:
        report = api.ingest(payload["paths"], index_dir=payload["index"], rebuild=True)
    seconds = time.perf_counter() - started
    stages = dict(clock.seconds)
    stages["index_write"] = max(0.0, seconds - sum(stages.values()))
    return {
        "documents": len(report.added) + len(report.updated),
        "failed": len(report.failed),
        "words": report.words,
        "seconds": seconds,
        "stages": stages,
    }


def _reusing_analyses(original: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    """`Lemmatizer.analyze` lemmatizing each sentence of the corpus once.

    The scale corpus is real sentences recombined, so a document's analysis is the sum of its
    sentences' analyses, computed once each (in the context of that sentence alone).
    """
    import dataclasses

    from benchmarks.generate import split_sentences

    cache: dict[str, Any] = {}

    def analyze(self: Any, texts: Any, *, n_process: int | None = None) -> Iterator[Any]:
        for text in texts:
            pieces = split_sentences(text) or [text]
            missing = list(dict.fromkeys(p for p in pieces if p not in cache))
            if missing:
                cache.update(zip(missing, original(self, missing, n_process=1), strict=True))
            found = [cache[p] for p in pieces]
            forms: dict[str, frozenset[str]] = {}
            spellings: dict[str, dict[str, int]] = {}
            for analysis in found:
                for form, lemmas in analysis.forms.items():
                    forms[form] = forms.get(form, frozenset()) | lemmas
                for form, counts in analysis.spellings.items():
                    merged = spellings.setdefault(form, {})
                    for spelling, n in counts.items():
                        merged[spelling] = merged.get(spelling, 0) + n
            values: dict[str, Any] = {
                "lemmas": tuple(lemma for a in found for lemma in a.lemmas),
                "forms": forms,
                "spellings": spellings,
                "words": sum(a.words for a in found),
            }
            names = {f.name for f in dataclasses.fields(found[0])}
            if "stopped" in names:
                values["stopped"] = frozenset().union(*(a.stopped for a in found))
            yield type(found[0])(**values)

    return analyze


def child_ingest_reusing(payload: dict[str, Any]) -> dict[str, Any]:
    """`child_ingest` with each distinct sentence lemmatized once (a fast build of a large
    index for the query benchmarks; its ingest rate is not pqsearch's)."""
    from pqsearch.analyze.lemmatize import Lemmatizer

    setattr(Lemmatizer, "analyze", _reusing_analyses(Lemmatizer.analyze))  # noqa: B010
    return child_ingest(payload)


def child_combine(payload: dict[str, Any]) -> dict[str, Any]:
    """Append the segments of the indexes `parts` to the index `index` and merge their
    lexicons, then save the columns as ingest does.

    A benchmark shortcut, never done by pqsearch: pieces of a large corpus ingested in
    parallel (with `ingest-reusing`) become one index for the query figures. Segments are
    Whoosh's own, copied whole and listed in a new table of contents.
    """
    import sqlite3

    from whoosh import index as whoosh_index
    from whoosh.index import TOC

    from pqsearch.index import store
    from pqsearch.index.columns import save_columns

    data = store.require_live(Path(payload["index"]))
    name = store.WHOOSH_INDEX_NAME
    ix = whoosh_index.open_dir(str(data), indexname=name)
    toc = ix._read_toc()
    segments = list(toc.segments)
    lexicon = sqlite3.connect(data / store.LEXICON_FILE)
    for part in payload["parts"]:
        part_data = store.require_live(Path(part))
        part_toc = whoosh_index.open_dir(str(part_data), indexname=name)._read_toc()
        for segment in part_toc.segments:
            for file in part_data.glob(f"{segment.segment_id()}.*"):
                shutil.copyfile(file, data / file.name)
            segments.append(segment)
        lexicon.execute("ATTACH DATABASE ? AS part", (str(part_data / store.LEXICON_FILE),))
        with lexicon:
            lexicon.execute(
                "INSERT INTO forms SELECT * FROM part.forms WHERE true ON CONFLICT (form) DO "
                "UPDATE SET documents = documents + excluded.documents, "
                "tokens = tokens + excluded.tokens"
            )
            lexicon.execute("INSERT OR IGNORE INTO lemmas SELECT * FROM part.lemmas")
            lexicon.execute(
                "INSERT INTO spellings SELECT * FROM part.spellings WHERE true ON CONFLICT "
                "(form, spelling) DO UPDATE SET tokens = tokens + excluded.tokens"
            )
        lexicon.execute("DETACH DATABASE part")
    lexicon.close()
    TOC(toc.schema, segments, toc.generation + 1).write(ix.storage, name)
    save_columns(whoosh_index.open_dir(str(data), indexname=name), data)
    return {"segments": len(segments), "documents": sum(s.doc_count() for s in segments)}


def child_replicate(payload: dict[str, Any]) -> dict[str, Any]:
    """A read-only index of about `docs` documents made of the index `index` listed several
    times over: its segments are linked, not copied, into `out` and named again and again in
    one table of contents, so postings, facet columns and stored fields have the size of a
    `docs`-document index while the distinct texts stay those of `index`.

    A benchmark shortcut for query and cold-start figures when a full ingest of that many
    documents does not fit in the time at hand; ids repeat, so `show` is not meaningful.
    """
    from whoosh import index as whoosh_index
    from whoosh.index import TOC

    from pqsearch.index import store
    from pqsearch.index.columns import save_columns

    name = store.WHOOSH_INDEX_NAME
    source = store.require_live(Path(payload["index"]))
    root = Path(payload["out"])
    shutil.rmtree(root, ignore_errors=True)
    data = store.new_data_dir(root)
    for file in source.iterdir():
        if file.name.startswith(f"{name}_") and not file.name.endswith("WRITELOCK"):
            os.link(file, data / file.name)  # segment files, compound or not
        elif file.name in (store.LEXICON_FILE, "taxonomy.toml"):
            shutil.copyfile(file, data / file.name)
    toc = whoosh_index.open_dir(str(source), indexname=name)._read_toc()
    segments = list(toc.segments)
    total = sum(s.doc_count_all() for s in segments)
    wanted = int(payload["docs"])
    listed: list[Any] = []
    while sum(s.doc_count_all() for s in listed) < wanted:
        listed.extend(segments)
    # Drop whole segments from the end while that keeps at least `wanted` documents.
    while listed and sum(s.doc_count_all() for s in listed[:-1]) >= wanted:
        listed.pop()
    ix = whoosh_index.create_in(str(data), toc.schema, indexname=name)
    TOC(toc.schema, listed, 1).write(ix.storage, name)
    store.switch_live(root, data)
    save_columns(whoosh_index.open_dir(str(data), indexname=name), data)
    return {
        "segments": len(listed),
        "documents": sum(s.doc_count_all() for s in listed),
        "distinct_documents": total,
    }


def child_lemmatize(payload: dict[str, Any]) -> dict[str, Any]:
    """Lemmatize the text parts of the first `docs` records, as ingest's analyser does."""
    lemmatizer = _ingest_lemmatizer()
    lemmatizer.nlp  # noqa: B018 - loading the model is not lemmatization
    limit = int(payload["docs"])

    def texts() -> Iterator[str]:
        for number, record in enumerate(baselines.iter_records(Path(payload["corpus"]))):
            if number >= limit:
                return
            for part in PARTS:
                yield record.get(part) or ""

    started = time.perf_counter()
    words = sum(analysis.words for analysis in lemmatizer.analyze(texts()))
    seconds = time.perf_counter() - started
    settings = {"batch_size": lemmatizer.batch_size, "n_process": lemmatizer.n_process}
    return {"docs": limit, "words": words, "seconds": seconds, "settings": settings}


def _ingest_lemmatizer() -> Any:
    """The lemmatizer ingest uses, with its settings."""
    from pqsearch.analyze.lemmatize import Lemmatizer
    from pqsearch.index import ingest as ingest_module

    shared = getattr(ingest_module, "shared_lemmatizer", None)
    return shared() if shared is not None else Lemmatizer()


def child_spacy(payload: dict[str, Any]) -> dict[str, Any]:
    """spaCy's pipe alone (no word alignment), same model, components and settings."""
    lemmatizer = _ingest_lemmatizer()
    nlp = lemmatizer.nlp
    limit = int(payload["docs"])
    texts = [
        record.get(part) or ""
        for number, record in enumerate(baselines.iter_records(Path(payload["corpus"])))
        if number < limit
        for part in PARTS
    ]
    started = time.perf_counter()
    tokens = sum(
        len(doc)
        for doc in nlp.pipe(
            texts, batch_size=lemmatizer.batch_size, n_process=max(1, lemmatizer.n_process)
        )
    )
    return {"docs": limit, "tokens": tokens, "seconds": time.perf_counter() - started}


CHILD_TASKS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "ingest": child_ingest,
    "ingest-reusing": child_ingest_reusing,
    "combine": child_combine,
    "replicate": child_replicate,
    "lemmatize": child_lemmatize,
    "spacy": child_spacy,
}


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
    from pqsearch.query.facets import facet_catalogue
    from pqsearch.query.search import Filters

    every_facet = sorted(facet_catalogue())
    timed: list[tuple[BenchQuery, float, int]] = []
    for query in mix:
        start = time.perf_counter()
        result = index.search(
            query.text,
            filters=Filters(**query.filters),
            facets=every_facet,
            sort=query.sort,
            limit=20,
        )
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
        write_corpus(corpus, args.docs, seed=args.seed)
    stats = corpus_stats(corpus)
    mix = query_mix(args.seed)
    results: dict[str, Any] = {"machine": machine(), "corpus": stats, "args": _plain(vars(args))}
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
            ingest = run_child(task, {"paths": [str(corpus)], "index": str(index_dir)})
            ingest["reused_analyses"] = args.reuse_analyses
            ingest["index_bytes"] = folder_bytes(index_dir)
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


# --- the report --------------------------------------------------------------------------


def targets(results: dict[str, Any]) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met) for each target of issue 7."""
    rows: list[tuple[str, str, bool | None]] = []
    ingest = results.get("ingest")
    if ingest and ingest.get("reused_analyses"):
        ingest = None
    lemma = results["lemmatize"]
    lemma_rate = lemma["words"] / lemma["seconds"]
    if ingest:
        rate = ingest["words"] / ingest["seconds"]
        ratio = rate / lemma_rate
        rows.append(
            (
                "ingest >= 0.8 x lemmatization alone",
                f"{ratio:.2f} ({rate:,.0f} / {lemma_rate:,.0f} words/s)",
                ratio >= 0.8,
            )
        )
    query = results["queries"]["latency"]
    uncached = results["queries"].get("uncached")
    for share, limit in (("p95", 100), ("p50", 30)):
        measured = f"{query[f'{share}_ms']:.1f} ms"
        if uncached:
            measured += f" (nothing kept between searches: {uncached[f'{share}_ms']:.1f} ms)"
        rows.append((f"query {share} <= {limit} ms", measured, query[f"{share}_ms"] <= limit))
    cold = results["cold_start"]["median_s"]
    rows.append(("cold `pqsearch search` <= 0.5 s", f"{cold:.2f} s", cold <= 0.5))
    if ingest:
        rows.append(("peak RSS during ingest (bounded)", f"{ingest['peak_rss_mb']:,.0f} MB", None))
    if results["index_bytes"] is None:
        return rows
    ratio = results["index_bytes"] / results["corpus"]["text_bytes"]
    rows.append(("index size <= 3 x raw text", f"{ratio:.2f} x", ratio <= 3))
    return rows


def _load(machine: dict[str, Any]) -> str:
    start = machine["load_average"][0]
    end = machine.get("load_average_end", (start,))[0]
    return f"{start:.1f} at start, {end:.1f} at end"


def markdown(results: dict[str, Any]) -> str:
    corpus = results["corpus"]
    mb = 2**20
    lines = [
        f"Corpus: {corpus['docs']:,} documents, {results['words']:,} words, "
        f"{corpus['text_bytes'] / mb:,.1f} MB of text ({corpus['file_bytes'] / mb:,.1f} MB "
        f"JSON Lines). Machine: {results['machine']['cpus']} CPUs, {results['machine']['cpu']}, "
        f"load average {_load(results['machine'])} (shared with other work).",
        "",
        "| engine | ingest docs/s | ingest words/s | index MB | index / text | "
        "query p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    ingest = results.get("ingest")
    query = results["queries"]["latency"]
    size = "(not measured) | (not measured)"
    if results["index_bytes"] is not None:
        size = (
            f"{results['index_bytes'] / mb:,.1f} | "
            f"{results['index_bytes'] / corpus['text_bytes']:.2f}"
        )
    if ingest and not ingest.get("reused_analyses"):
        seconds = ingest["seconds"]
        rate = f"{ingest['documents'] / seconds:,.0f} | {ingest['words'] / seconds:,.0f}"
    else:
        rate = "(not measured) | (not measured)"
    lines.append(
        f"| pqsearch | {rate} | {size} | {query['p50_ms']:.1f} | "
        f"{query['p95_ms']:.1f} | {query['p99_ms']:.1f} |"
    )
    for name, base in results["baselines"].items():
        bq = base["latency"]
        lines.append(
            f"| {name} | {base['docs_per_s']:,.0f} | {base['words_per_s']:,.0f} | "
            f"{base['index_bytes'] / mb:,.1f} | {base['index_bytes'] / corpus['text_bytes']:.2f} | "
            f"{bq['p50_ms']:.1f} | {bq['p95_ms']:.1f} | {bq['p99_ms']:.1f} |"
        )
    lines += [
        "",
        "pqsearch counts every facet on every query; the baselines count the total and fetch "
        "the top 20 (they have no facets; filters are dropped from their queries).",
        "",
        "| ingest (pqsearch) | documents | words/s | seconds | parse | analyse | index write | "
        "commit | merge | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    scale = "scale corpus"
    if ingest and ingest.get("reused_analyses"):
        scale += " (each sentence lemmatized once: not an ingest rate)"
    for label, run in (("real documents", results["ingest_real"]), (scale, ingest)):
        if not run:
            continue
        stages = run["stages"]
        lines.append(
            f"| {label} | {run['documents']:,} | {run['words'] / run['seconds']:,.0f} | "
            f"{run['seconds']:,.1f} | "
            + " | ".join(
                f"{stages.get(s, 0.0):,.1f}"
                for s in ("parse", "analyse", "index_write", "commit", "merge")
            )
            + f" | {run['peak_rss_mb']:,.0f} |"
        )
    lemma = results["lemmatize"]
    lines.append(
        f"| lemmatization alone | {lemma['docs']:,} | {lemma['words'] / lemma['seconds']:,.0f} | "
        f"{lemma['seconds']:,.1f} | | | | | | {lemma['peak_rss_mb']:,.0f} |"
    )
    if "spacy" in results:
        spacy = results["spacy"]
        lines.append(
            f"| spaCy pipe alone (tokens/s) | {spacy['docs']:,} | "
            f"{spacy['tokens'] / spacy['seconds']:,.0f} | {spacy['seconds']:,.1f} | | | | | | "
            f"{spacy['peak_rss_mb']:,.0f} |"
        )
    queries = results["queries"]
    if "first_pass" in queries:
        lines += [
            "",
            "| pqsearch queries, every facet, 20 hits | p50 ms | p95 ms | p99 ms |",
            "|---|---:|---:|---:|",
        ]
        for label, figures in (
            (f"warm searcher ({results['args']['rounds']} passes after the first)", query),
            ("first pass (each query new to the searcher)", queries["first_pass"]),
            ("nothing kept between searches (cache_mb=0)", queries["uncached"]),
        ):
            lines.append(
                f"| {label} | {figures['p50_ms']:.1f} | {figures['p95_ms']:.1f} | "
                f"{figures['p99_ms']:.1f} |"
            )
    lines += ["", "| query kind | p50 ms | p95 ms | queries |", "|---|---:|---:|---:|"]
    for kind, figures in results["queries"]["by_kind"].items():
        lines.append(
            f"| {kind} | {figures['p50_ms']:.1f} | {figures['p95_ms']:.1f} | {figures['queries']} |"
        )
    cold = results["cold_start"]
    lines += [
        "",
        f"Cold start, `{cold['command']}`: median {cold['median_s']:.2f} s "
        f"(min {cold['min_s']:.2f}, max {cold['max_s']:.2f}, {cold['runs']} runs).",
        "",
        "| documents found for | " + " | ".join(["pqsearch", *results["baselines"]]) + " |",
        "|---|" + "---:|" * (1 + len(results["baselines"])),
    ]
    for word in results["queries"]["variants"]:
        counts = [results["queries"]["variants"][word]] + [
            base["variants"][word] for base in results["baselines"].values()
        ]
        lines.append(f"| {word} | " + " | ".join(f"{n:,}" for n in counts) + " |")
    lines += ["", "| target | measured | met |", "|---|---|---|"]
    for target, measured, met in targets(results):
        verdict = "reported" if met is None else ("yes" if met else "**no**")
        lines.append(f"| {target} | {measured} | {verdict} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        result = CHILD_TASKS[argv[1]](json.loads(argv[2]))
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents in the scale corpus")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
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
