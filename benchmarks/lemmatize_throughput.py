"""Lemmatization throughput (surface words per second) on the real French texts.

Runs `Lemmatizer.analyze` over the texts of benchmarks/french_texts.py for each number of
processes and batch size, several times in turn, and prints the median words/s of each
setting. The machine's load average is printed too: other work on the cores skews the figures,
the two-process ones most.
The model is loaded before timing (that load, ~4 s, is paid once per ingest).

    python benchmarks/lemmatize_throughput.py [--repeats 3] [--batch-sizes 16 64 256]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from french_texts import french_texts

from pqsearch.analyze.lemmatize import Lemmatizer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[16, 64, 256])
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--texts", type=int, default=0, help="only the first N texts")
    args = parser.parse_args()

    texts = list(french_texts())
    if args.texts:
        texts = texts[: args.texts]
    lemmatizer = Lemmatizer()
    words = sum(analysis.words for analysis in lemmatizer.analyze(texts[:5]))
    print(f"{len(texts)} texts, {sum(map(len, texts)):,} characters")
    settings = [(p, b) for p in args.processes for b in args.batch_sizes]
    rates: dict[tuple[int, int], list[float]] = {setting: [] for setting in settings}
    # Round-robin over the settings, so that a change in the machine's load hits them all.
    for _ in range(args.repeats):
        for processes, batch_size in settings:
            lemmatizer.batch_size = batch_size
            started = time.perf_counter()
            # A generator, as the ingester passes: no cap on the number of processes.
            analyses = lemmatizer.analyze(iter(texts), n_process=processes)
            words = sum(analysis.words for analysis in analyses)
            rates[processes, batch_size].append(words / (time.perf_counter() - started))
    print(f"{'processes':>9} {'batch':>6} {'median words/s':>15} {'runs':>30}")
    for (processes, batch_size), runs in rates.items():
        shown = " ".join(f"{rate:,.0f}" for rate in runs)
        print(f"{processes:>9} {batch_size:>6} {statistics.median(runs):>15,.0f} {shown:>30}")
    print(f"load average after: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    print(f"{words:,} surface words per run")


if __name__ == "__main__":
    main()
