"""Lemmatization throughput (surface words per second) on the real French texts.

Runs `Lemmatizer.analyze` over the texts of benchmarks/french_texts.py for each number of
processes and batch size, several times in turn, and prints the median words/s of each
setting. Wall-clock figures depend on what else runs on the cores (the two-process ones
most), so the CPU time per word of the main process and of spaCy's workers is measured too,
and from it the rate the setting would reach on that many idle cores.
The model is loaded before timing (that load, ~4 s, is paid once per ingest).

    python benchmarks/lemmatize_throughput.py [--repeats 3] [--batch-sizes 16 64 256]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from french_texts import french_texts

from pqsearch.analyze.lemmatize import MAX_CHUNK_CHARS, Lemmatizer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[16, 64, 256])
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--texts", type=int, default=0, help="only the first N texts")
    parser.add_argument("--max-chunk-chars", type=int, default=MAX_CHUNK_CHARS)
    args = parser.parse_args()

    texts = list(french_texts())
    if args.texts:
        texts = texts[: args.texts]
    lemmatizer = Lemmatizer(max_chunk_chars=args.max_chunk_chars)
    # Load the model and warm spaCy's lemma cache before timing.
    list(lemmatizer.analyze(texts[:50]))
    print(f"{len(texts)} texts, {sum(map(len, texts)):,} characters")
    settings = [(p, b) for p in args.processes for b in args.batch_sizes]
    runs: dict[tuple[int, int], list[Run]] = {setting: [] for setting in settings}
    # Round-robin over the settings, so that a change in the machine's load hits them all.
    for _ in range(args.repeats):
        for processes, batch_size in settings:
            lemmatizer.batch_size = batch_size
            runs[processes, batch_size].append(measure(lemmatizer, texts, processes))
    words = runs[settings[0]][0].words
    print(f"{words:,} surface words per run")
    print(
        f"{'processes':>9} {'batch':>6} {'words/s':>9} {'main µs/word':>13} "
        f"{'workers µs/word':>16} {'idle-core words/s':>18}"
    )
    for (processes, batch_size), found in runs.items():
        rate = statistics.median(run.words / run.wall for run in found)
        main_cpu = statistics.median(run.main_cpu / run.words for run in found)
        workers_cpu = statistics.median(run.workers_cpu / run.words for run in found)
        print(
            f"{processes:>9} {batch_size:>6} {rate:>9,.0f} {main_cpu * 1e6:>13.1f} "
            f"{workers_cpu * 1e6:>16.1f} {idle_core_rate(processes, main_cpu, workers_cpu):>18,.0f}"
        )
    print(f"load average after: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")


@dataclass(frozen=True)
class Run:
    words: int
    wall: float
    main_cpu: float
    workers_cpu: float


def measure(lemmatizer: Lemmatizer, texts: list[str], processes: int) -> Run:
    """One pass over `texts`: wall time, and CPU time of this process and of its workers."""
    before_main = resource.getrusage(resource.RUSAGE_SELF)
    before_workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # A generator, as the ingester passes it.
    words = sum(a.words for a in lemmatizer.analyze(iter(texts), n_process=processes))
    wall = time.perf_counter() - started
    after_main = resource.getrusage(resource.RUSAGE_SELF)
    after_workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Run(
        words=words,
        wall=wall,
        main_cpu=_cpu(after_main) - _cpu(before_main),
        workers_cpu=_cpu(after_workers) - _cpu(before_workers),
    )


def idle_core_rate(processes: int, main_cpu: float, workers_cpu: float) -> float:
    """Words/s the CPU times allow on `processes` idle cores: the cores must do all the
    work, and the main process and the workers each can use no more than their share."""
    if processes == 1:
        return 1 / main_cpu
    bounds = [processes / (main_cpu + workers_cpu), 1 / main_cpu, processes / workers_cpu]
    return min(bounds)


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
