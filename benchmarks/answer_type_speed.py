"""How long classifying the shared corpus's answers takes (`analyze.answers.classify_answer`).

Parses every document `answer_type_changes` reads (Brussels pages and records, the federal
Chamber's French and Dutch records, the French plenary exchanges) once, then classifies them
all `--rounds` times in this one process and prints the median per run and per document, and
the load. Run it with the old rules' checkout on PYTHONPATH, then the new, to compare.

    PYTHONPATH=$PWD python benchmarks/answer_type_speed.py [--corpus DIR] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.answer_type_changes import corpus_questions
from benchmarks.answer_type_quality import CORPUS
from pqsearch.analyze.answers import classify_answer


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    questions = [question for _, question in corpus_questions(args.corpus)]
    times = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for question in questions:
            classify_answer(question)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(
        f"{len(questions)} documents, {args.rounds} rounds: median {median:.3f} s a run, "
        f"{median / len(questions) * 1000:.3f} ms a document (min {min(times):.3f} s, "
        f"max {max(times):.3f} s); load {os.getloadavg()[0]:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
