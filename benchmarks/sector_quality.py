"""Precision and recall of sector detection on the hand-labelled French questions.

The labels are in tests/data/sectors_labels.toml (one justification each): the seed and the
50 Brussels questions of the shared corpus, read with `pqsearch.parse` and de-duplicated by
`Question.id` (a page wins over its record: the page is the source of truth and its answer is
never cut short). Counts are micro-averaged: every (question, sector) pair is one decision.

    python benchmarks/sector_quality.py [--corpus ../shared/corpus] [--labels FILE]
        [--taxonomy FILE] [--threshold N] [--sweep] [--errors]

tests/analyze/test_sectors.py runs `measure` and fails if overall precision or recall drops
below its floors.
"""

from __future__ import annotations

import argparse
import sys
import time
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pqsearch.analyze.lemmatize import Lemmatizer
from pqsearch.analyze.sectors import (
    PART_WEIGHTS,
    PARTS,
    THRESHOLD,
    SectorDetector,
    SectorMention,
    load_taxonomy,
)
from pqsearch.models import Question
from pqsearch.parse import parse_paths

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "data" / "sectors_labels.toml"
# The labelled questions are all in the shipped corpus.
CORPUS = REPO / "corpus"
# The French questions: the seed and the Brussels pages and records.
FOLDERS = ("seed", "brussels")
# When a question comes from several files, the page is the source of truth.
_FORMAT_RANK = {"html": 0, "text": 1, "jsonl": 2}


@dataclass(frozen=True)
class Label:
    """The sectors a question talks about, by hand, with the reason."""

    id: str
    sectors: frozenset[str]
    why: str


@dataclass(frozen=True)
class SectorScore:
    """How one sector fared: labelled (`support`), detected (`predicted`), and both."""

    sector: str
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
class Quality:
    """Micro-averaged precision and recall, per-sector scores and the disagreements."""

    threshold: float
    questions: int
    sectors: tuple[SectorScore, ...]
    # (question id, sector, "missed" or "extra", score of the sector in that question)
    errors: tuple[tuple[str, str, str, float], ...]

    @property
    def correct(self) -> int:
        return sum(s.correct for s in self.sectors)

    @property
    def precision(self) -> float:
        predicted = sum(s.predicted for s in self.sectors)
        return self.correct / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        support = sum(s.support for s in self.sectors)
        return self.correct / support if support else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_labels(path: Path = LABELS) -> dict[str, Label]:
    """The hand labels, by question id."""
    with path.open("rb") as handle:
        documents = tomllib.load(handle)["document"]
    return {
        str(doc["id"]): Label(str(doc["id"]), frozenset(doc["sectors"]), str(doc["why"]))
        for doc in documents
    }


def corpus_questions(corpus: Path = CORPUS) -> list[Question]:
    """The distinct French questions of the shared corpus, one per id, page first."""
    batch = parse_paths([corpus / folder for folder in FOLDERS])
    best: dict[str, Question] = {}
    for question in batch.questions:
        if question.language != "fr":
            continue
        kept = best.get(question.id)
        if kept is None or _FORMAT_RANK.get(question.source_format, 9) < _FORMAT_RANK.get(
            kept.source_format, 9
        ):
            best[question.id] = question
    return list(best.values())


def question_parts(question: Question) -> dict[str, str]:
    """The texts `SectorDetector` reads, by part."""
    return {"title": question.title, "question": question.question, "answer": question.answer or ""}


def sector_scores(
    questions: Sequence[Question], detector: SectorDetector, lemmatizer: Lemmatizer
) -> dict[str, tuple[SectorMention, ...]]:
    """Every sector with at least one term in each question, whatever its score."""
    texts = [text for question in questions for text in question_parts(question).values()]
    analyses = iter(lemmatizer.analyze(texts))
    scores: dict[str, tuple[SectorMention, ...]] = {}
    for question in questions:
        parts = {part: next(analyses).lemmas for part in PARTS}
        scores[question.id] = detector.score(parts)
    return scores


def evaluate(
    labels: Mapping[str, Label],
    scores: Mapping[str, Iterable[SectorMention]],
    threshold: float = THRESHOLD,
) -> Quality:
    """Compare the sectors scoring at least `threshold` with the labels.

    Raises ValueError if a labelled question is missing from `scores` (or the reverse): a
    renamed id would otherwise silently shrink the measurement.
    """
    missing = sorted(set(labels) - set(scores))
    unlabelled = sorted(set(scores) - set(labels))
    if missing or unlabelled:
        raise ValueError(f"labelled but not found: {missing}; found but not labelled: {unlabelled}")
    support: dict[str, int] = {}
    predicted: dict[str, int] = {}
    correct: dict[str, int] = {}
    errors: list[tuple[str, str, str, float]] = []
    for question_id, label in sorted(labels.items()):
        by_sector = {m.sector: m.score for m in scores[question_id]}
        found = {sector for sector, score in by_sector.items() if score >= threshold}
        for sector in label.sectors:
            support[sector] = support.get(sector, 0) + 1
        for sector in found:
            predicted[sector] = predicted.get(sector, 0) + 1
        for sector in found & label.sectors:
            correct[sector] = correct.get(sector, 0) + 1
        errors += [(question_id, s, "missed", by_sector.get(s, 0.0)) for s in label.sectors - found]
        errors += [(question_id, s, "extra", by_sector[s]) for s in found - label.sectors]
    sectors = tuple(
        SectorScore(s, support.get(s, 0), predicted.get(s, 0), correct.get(s, 0))
        for s in sorted(set(support) | set(predicted))
    )
    return Quality(threshold, len(labels), sectors, tuple(sorted(errors)))


def measure(
    *,
    corpus: Path = CORPUS,
    labels: Path = LABELS,
    taxonomy: Path | None = None,
    lemmatizer: Lemmatizer | None = None,
    detector: SectorDetector | None = None,
    threshold: float = THRESHOLD,
) -> Quality:
    """Detect sectors in the labelled questions and score them against the labels.

    `detector` (built with `lemmatizer`) saves compiling the taxonomy again; when given,
    `taxonomy` is not read.
    """
    lemmatizer = lemmatizer or Lemmatizer()
    if detector is None:
        detector = SectorDetector(load_taxonomy(taxonomy), lemmatizer.lemmatize_terms)
    scores = sector_scores(corpus_questions(corpus), detector, lemmatizer)
    return evaluate(load_labels(labels), scores, threshold)


def _percent(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.0%}"


def _report(quality: Quality, *, errors: bool) -> str:
    lines = [f"{'sector':<8}{'labelled':>9}{'detected':>9}{'correct':>8}{'P':>6}{'R':>6}"]
    for s in quality.sectors:
        lines.append(
            f"{s.sector:<8}{s.support:>9}{s.predicted:>9}{s.correct:>8}"
            f"{_percent(s.precision):>6}{_percent(s.recall):>6}"
        )
    lines.append(
        f"overall (micro, {quality.questions} questions, threshold {quality.threshold:g}): "
        f"precision {quality.precision:.3f}  recall {quality.recall:.3f}  F1 {quality.f1:.3f}"
    )
    if errors:
        lines += [
            f"  {qid:<34} {sector} {kind:<6} score {score:g}"
            for qid, sector, kind, score in quality.errors
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--taxonomy", type=Path, default=None, help="default: packaged NACE")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--sweep", action="store_true", help="P and R for thresholds 1 to 8")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)

    lemmatizer = Lemmatizer()
    detector = SectorDetector(load_taxonomy(args.taxonomy), lemmatizer.lemmatize_terms)
    questions = corpus_questions(args.corpus)
    started = time.perf_counter()
    scores = sector_scores(questions, detector, lemmatizer)
    elapsed = time.perf_counter() - started
    labels = load_labels(args.labels)
    print(_report(evaluate(labels, scores, args.threshold), errors=args.errors))
    print(f"weights {dict(PART_WEIGHTS)}; lemmas and scores of {len(questions)} questions")
    print(f"took {elapsed:.1f} s")
    if args.sweep:
        for threshold in range(1, 9):
            quality = evaluate(labels, scores, threshold)
            print(
                f"threshold {threshold}: precision {quality.precision:.3f}  "
                f"recall {quality.recall:.3f}  F1 {quality.f1:.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
