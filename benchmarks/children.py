"""The benchmark's measurements that run in a fresh Python process each (ingest, lemmatization).

`run_child(task, payload)` starts `python benchmarks/children.py TASK PAYLOAD` and returns its
JSON result with the wall time and the peak resident memory of the process and its workers.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import baselines  # noqa: E402

PARTS = ("title", "question", "answer")


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
    command = [sys.executable, str(Path(__file__).resolve()), task, json.dumps(payload)]
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
    from pqsearch.index import analysis as analysis_module
    from pqsearch.index import ingest as ingest_module
    from pqsearch.index import run as run_module

    clock = _StageClock()
    # Wrapping the module's own names times each stage without changing what it does.
    for owner, name, stage, wrap in (
        (ingest_module, "iter_parse", "parse", clock.generator),
        (analysis_module.Analyzer, "analyze", "analyse", clock.generator),
        (run_module.IngestRun, "commit", "commit", clock.call),
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
    from pqsearch.index import analysis

    setattr(Lemmatizer, "analyze", _reusing_analyses(Lemmatizer.analyze))  # noqa: B010
    # Worker processes import Lemmatizer afresh, without the patch above, and would lemmatize
    # every document with spaCy: keep all the analysis in this process.
    setattr(analysis, "WORKER_AFTER_DOCUMENTS", sys.maxsize)  # noqa: B010
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
    """Lemmatize the text parts of the first `docs` records, as ingest's analyzer does."""
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
    from pqsearch.index import analysis as analysis_module

    shared = getattr(analysis_module, "shared_lemmatizer", None)
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


if __name__ == "__main__":
    print(json.dumps(CHILD_TASKS[sys.argv[1]](json.loads(sys.argv[2]))))
