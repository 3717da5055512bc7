"""Lemmatization throughput (surface words per second) on the real French texts.

Runs `Lemmatizer.analyze` over the texts of benchmarks/french_texts.py for each number of
processes and batch size, several times, and prints the median words/s of each setting.
The model is loaded before timing (that load, ~4 s, is paid once per ingest).

    python benchmarks/lemmatize_throughput.py [--repeats 3] [--batch-sizes 16 64 256]
"""

from __future__ import annotations

import argparse
import statistics
import time

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
    print(f"{'processes':>9} {'batch':>6} {'median words/s':>15} {'runs':>30}")
    for processes in args.processes:
        for batch_size in args.batch_sizes:
            lemmatizer.batch_size = batch_size
            rates = []
            for _ in range(args.repeats):
                started = time.perf_counter()
                # A generator, as the ingester passes: no cap on the number of processes.
                analyses = lemmatizer.analyze(iter(texts), n_process=processes)
                words = sum(analysis.words for analysis in analyses)
                rates.append(words / (time.perf_counter() - started))
            runs = " ".join(f"{rate:,.0f}" for rate in rates)
            print(f"{processes:>9} {batch_size:>6} {statistics.median(rates):>15,.0f} {runs:>30}")
    print(f"{words:,} surface words per run")


if __name__ == "__main__":
    main()
