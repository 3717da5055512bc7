"""Which real answers change type between two versions of the answer-type rules.

Classifies every document of the shared corpus's Brussels pages and records, the federal
Chamber's French records (be_chamber_qrva_fr_2023) and its Dutch ones (be_chamber_qrva_2017,
mapped by `answer_type_quality.qrva_question`), and the 155 French plenary exchanges that
benchmarks/plenary_records.py cuts from be_chamber_plenary (kept in
tests/data/be_chamber_plenary_fr), and writes {key: [type, evidence]} as JSON.
Run it with the old rules, then with the new ones and `--compare` the first file: every
document whose type or evidence differs is printed with its answer, to be read.

    PYTHONPATH=<old checkout> python benchmarks/answer_type_changes.py before.json
    PYTHONPATH=$PWD python benchmarks/answer_type_changes.py after.json --compare before.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from benchmarks.answer_type_quality import CORPUS, QRVA_FOLDER, qrva_question
from pqsearch.analyze.answers import classify_answer
from pqsearch.models import Question
from pqsearch.parse import parse_file

# The plenary exchanges as records: all 155 French ones, cut from the shared corpus's
# be_chamber_plenary by benchmarks/plenary_records.py.
PLENARY = Path(__file__).resolve().parents[1] / "tests/data/be_chamber_plenary_fr/records.jsonl"


def _name(file: Path, corpus: Path) -> str:
    return str(file.relative_to(corpus)) if file.is_relative_to(corpus) else "be_chamber_plenary_fr"


def corpus_questions(corpus: Path) -> Iterator[tuple[str, Question]]:
    """(key, question) for every document of the corpora this benchmark reads."""
    files = [
        corpus / "be_chamber_qrva_fr_2023" / "records.jsonl",
        PLENARY,
        corpus / "brussels" / "records.jsonl",
        *sorted((corpus / "brussels" / "html").glob("*.html")),
    ]
    for file in files:
        for question in parse_file(file):
            yield f"{_name(file, corpus)}#{question.id}", question
    for file in sorted((corpus / QRVA_FOLDER).glob("*.jsonl")):
        lines = file.read_text(encoding="utf-8").splitlines()
        for record in (json.loads(line) for line in lines if line.strip()):
            question = qrva_question(record)
            yield f"{file.relative_to(corpus)}#{question.id}", question


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("out", type=Path, help="where to write this run's types (JSON)")
    parser.add_argument("--compare", type=Path, help="an earlier run's file")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    types: dict[str, list[str | None]] = {}
    answers: dict[str, str] = {}
    for key, question in corpus_questions(args.corpus):
        result = classify_answer(question)
        types[key] = [result.type, result.evidence]
        answers[key] = question.answer or ""
    args.out.write_text(json.dumps(types, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(types)} documents: {dict(Counter(t for t, _ in types.values()))}")
    if args.compare is None:
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    changed = [key for key in types if before.get(key) != types[key]]
    print(f"{len(changed)} changed type or evidence")
    for key in changed:
        print(f"\n{key}: {before.get(key)} -> {types[key]}\n  {answers[key][:1500]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
