"""Precision and recall of the answer-type rules on hand-labelled real documents.

The labels are in tests/data/answer_types.toml (one reason each). Brussels pages, records
and the seed are read with `pqsearch.parse`; the federal Chamber's Dutch records
(be_chamber_qrva_2017) have no parser in pqsearch, so `qrva_question` maps their fields.

    python benchmarks/answer_type_quality.py [--corpus ../shared/corpus] [--labels FILE]

tests/analyze/test_answers.py runs `measure` and fails if accuracy drops below its floor.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pqsearch.analyze.answers import ANSWER_TYPES, classify_answer
from pqsearch.models import WRITTEN, Question
from pqsearch.parse import parse_file

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "data" / "answer_types.toml"
CORPUS = REPO.parent / "shared" / "corpus"
QRVA_FOLDER = "be_chamber_qrva_2017"
DEV = "dev"


@dataclass(frozen=True)
class LabelledDocument:
    """One hand label: the document (`file` under the corpus, `id` inside it) and its type."""

    file: str
    id: str | None
    type: str
    reason: str
    split: str = DEV

    @property
    def key(self) -> str:
        return f"{self.file}#{self.id}" if self.id else self.file


@dataclass(frozen=True)
class TypeScore:
    """How one answer type fared: labelled (`support`), predicted, and both."""

    type: str
    support: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.support if self.support else None


@dataclass(frozen=True)
class Miss:
    key: str
    expected: str
    predicted: str
    evidence: str | None


@dataclass(frozen=True)
class QualityReport:
    """The scores of one run over the labels."""

    total: int
    correct: int
    per_type: tuple[TypeScore, ...]
    per_split: dict[str, tuple[int, int]]
    per_source: dict[str, tuple[int, int]]
    misses: tuple[Miss, ...]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def load_labels(path: Path = LABELS) -> list[LabelledDocument]:
    """The hand labels, in file order."""
    with path.open("rb") as handle:
        entries = tomllib.load(handle)["document"]
    return [
        LabelledDocument(
            file=entry["file"],
            id=entry.get("id"),
            type=entry["type"],
            reason=entry["reason"],
            split=entry.get("split", DEV),
        )
        for entry in entries
    ]


def load_documents(
    labels: Iterable[LabelledDocument], corpus: Path | Sequence[Path] = CORPUS
) -> dict[str, Question]:
    """The labelled documents as `Question`s, keyed by `LabelledDocument.key`.

    `corpus` is a folder, or several searched in order for each labelled `file`.
    """
    roots = [corpus] if isinstance(corpus, Path) else list(corpus)
    wanted: dict[str, list[LabelledDocument]] = {}
    for label in labels:
        wanted.setdefault(label.file, []).append(label)
    documents: dict[str, Question] = {}
    for file, file_labels in wanted.items():
        path = next((root / file for root in roots if (root / file).exists()), roots[0] / file)
        if file.startswith(QRVA_FOLDER + "/"):
            questions = [qrva_question(record) for record in _read_jsonl(path)]
        else:
            questions = parse_file(path)
        by_id = {question.id: question for question in questions}
        for label in file_labels:
            if label.id is None:
                if len(questions) != 1:
                    raise ValueError(f"{file} holds {len(questions)} documents: label an id")
                documents[label.key] = questions[0]
            else:
                documents[label.key] = by_id[label.id]
    return documents


def qrva_question(record: Mapping[str, Any]) -> Question:
    """A federal Chamber record (be_chamber_qrva_2017) as a `Question`, for measuring only.

    The records give no number, session or reply date; a missing answer is a float NaN.
    """
    answer = record.get("answer")
    question = str(record.get("question") or "")
    return Question(
        id=str(record["doc_id"]),
        parliament="BE-CHAMBER",
        kind=WRITTEN,
        legislature=None,
        session=None,
        number=None,
        language="nl",
        title=question.split(". ", 1)[0],
        title_nl=None,
        author=record.get("aut_person"),
        addressee=None,
        addressee_role=record.get("answer_department"),
        portfolios=(),
        received_on=None,
        published_on=None,
        answered_on=None,
        procedure=(),
        question=question,
        answer=answer if isinstance(answer, str) and answer.strip() else None,
        annexes=(),
        source=QRVA_FOLDER,
        source_format="jsonl",
        content_hash="",
    )


def measure(labels: Sequence[LabelledDocument], documents: Mapping[str, Question]) -> QualityReport:
    """Classify every labelled document and score the result per type and per split."""
    support: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    split_total: Counter[str] = Counter()
    split_correct: Counter[str] = Counter()
    source_total: Counter[str] = Counter()
    source_correct: Counter[str] = Counter()
    misses: list[Miss] = []
    for label in labels:
        result = classify_answer(documents[label.key])
        support[label.type] += 1
        predicted[result.type] += 1
        split_total[label.split] += 1
        source = label.file.split("/", 1)[0]
        source_total[source] += 1
        if result.type == label.type:
            correct[label.type] += 1
            split_correct[label.split] += 1
            source_correct[source] += 1
        else:
            misses.append(Miss(label.key, label.type, result.type, result.evidence))
    types = [t for t in ANSWER_TYPES if support[t] or predicted[t]]
    return QualityReport(
        total=len(labels),
        correct=sum(correct.values()),
        per_type=tuple(TypeScore(t, support[t], predicted[t], correct[t]) for t in types),
        per_split={s: (split_correct[s], split_total[s]) for s in split_total},
        per_source={s: (source_correct[s], source_total[s]) for s in source_total},
        misses=tuple(misses),
    )


def format_report(report: QualityReport) -> str:
    """The report as a plain-text table."""
    lines = [f"{'type':<15} {'labelled':>8} {'predicted':>9} {'precision':>9} {'recall':>7}"]
    for score in report.per_type:
        lines.append(
            f"{score.type:<15} {score.support:>8} {score.predicted:>9} "
            f"{_ratio(score.precision):>9} {_ratio(score.recall):>7}"
        )
    lines.append(f"overall accuracy {report.correct}/{report.total} = {report.accuracy:.3f}")
    for group in (report.per_split, report.per_source):
        for name, (right, total) in sorted(group.items()):
            lines.append(f"  {name}: {right}/{total} = {right / total:.3f}")
    for miss in report.misses:
        lines.append(f"miss {miss.key}: labelled {miss.expected}, predicted {miss.predicted}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--labels", type=Path, default=LABELS)
    args = parser.parse_args(argv)
    labels = load_labels(args.labels)
    report = measure(labels, load_documents(labels, args.corpus))
    print(format_report(report))
    return 0


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


if __name__ == "__main__":
    sys.exit(main())
