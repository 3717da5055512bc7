"""Cross-validated choice of the topic model: features, penalty and threshold, on dev alone.

The in-sample dev figure of benchmarks/sector_quality.py flatters the model: its coefficients
and threshold were chosen on the very documents it is measured on (dev 0.892 / 0.883 against
test 0.783 / 0.844). Here the dev documents (Brussels, federal and plenary alike) are split
into k folds by document; for each fold the logistic model is fitted and the threshold chosen on
the other folds, then the held-out fold is scored. The summed counts over the folds are the
cross-validated figure, what the configuration should do on documents it was not tuned on.
Repeated with several seeds, since one split of ~170 documents is noisy.

    python benchmarks/sector_cv.py [--folds 5] [--repeats 4] [--beta 0.8] [--l2 0.5 2 8]
        [--candidates all -title +priors ...]

Candidates: all seven features of `Prominence.features`, each one dropped (-name), or one
added (+name: a prior per sector, for H, J and O, the strongest sector, interactions, evidence
in the answer alone, no evidence in the question). The last lines fit each penalty on all of
dev: the coefficients pqsearch/analyze/prominence.py keeps and their threshold. The
threshold is chosen in-fold to maximise F-beta (beta < 1 weighs precision first). Each
candidate's held-out figures are also given by label file (Brussels, federal, unanswered
federal, plenary): a change must not help one register and hurt another.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from sector_quality import (
    BANDS,
    DEV,
    Label,
    Reading,
    corpus_questions,
    fit,
    load_labels,
    read_questions,
    readings,
)

from pqsearch.analyze.lemmatize import Lemmatizer
from pqsearch.analyze.prominence import Prominence
from pqsearch.analyze.sectors import SectorDetector, load_taxonomy

THRESHOLDS = tuple(round(0.2 + 0.05 * i, 2) for i in range(13))
Features = Callable[[str, Prominence], tuple[float, ...]]


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def f(self, beta: float = 1.0) -> float:
        p, r = self.precision, self.recall
        b2 = beta * beta
        return (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0


def _probability(weights: Sequence[float], x: Sequence[float]) -> float:
    z = sum(w * v for w, v in zip(weights, x, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def count(
    docs: Sequence[str],
    labels: Mapping[str, Label],
    found: Mapping[str, Reading],
    features: Features,
    weights: Sequence[float],
    threshold: float,
) -> Counts:
    total = Counts()
    for doc in docs:
        gold = labels[doc].sectors
        topics = {
            s
            for s, p in found[doc].prominences.items()
            if _probability(weights, features(s, p)) >= threshold
        }
        total += Counts(len(topics & gold), len(topics - gold), len(gold - topics))
    return total


def train(
    docs: Sequence[str],
    labels: Mapping[str, Label],
    found: Mapping[str, Reading],
    features: Features,
    l2: float,
    beta: float,
) -> tuple[tuple[float, ...], float]:
    data = [
        (features(s, p), s in labels[doc].sectors)
        for doc in docs
        for s, p in found[doc].prominences.items()
    ]
    weights = fit(data, l2=l2)
    best = max(
        THRESHOLDS,
        key=lambda t: count(docs, labels, found, features, weights, t).f(beta),
    )
    return weights, best


@dataclass(frozen=True)
class HeldOut:
    """What the folds' models said of the documents they did not see: every (probability,
    is a labelled topic) pair, and the labelled topics that had no evidence to score."""

    scored: tuple[tuple[float, bool], ...]
    unscored: int

    def counts(self, threshold: float) -> Counts:
        tp = sum(1 for p, topic in self.scored if topic and p >= threshold)
        fp = sum(1 for p, topic in self.scored if not topic and p >= threshold)
        fn = sum(1 for p, topic in self.scored if topic and p < threshold) + self.unscored
        return Counts(tp, fp, fn)

    def recalibrated(self, scale: tuple[float, float]) -> HeldOut:
        a, b = scale
        return HeldOut(tuple((_rescale(p, a, b), topic) for p, topic in self.scored), self.unscored)


def cross_validate(
    labels: Mapping[str, Label],
    found: Mapping[str, Reading],
    features: Features,
    *,
    l2: float,
    beta: float,
    folds: int,
    repeats: int,
) -> tuple[Counts, list[float], HeldOut, dict[str, Counts]]:
    """The summed held-out counts, the thresholds the folds chose, the held-out scores, and
    the held-out counts by label file (a change must not help one register and hurt another)."""
    docs = sorted(d for d, label in labels.items() if label.split == DEV)
    total = Counts()
    by_source: dict[str, Counts] = {}
    chosen: list[float] = []
    scored: list[tuple[float, bool]] = []
    unscored = 0
    for seed in range(repeats):
        order = docs[:]
        random.Random(seed).shuffle(order)
        for k in range(folds):
            held = order[k::folds]
            kept = [d for d in order if d not in set(held)]
            weights, threshold = train(kept, labels, found, features, l2, beta)
            chosen.append(threshold)
            for doc in held:
                counted = count([doc], labels, found, features, weights, threshold)
                total += counted
                source = labels[doc].source
                by_source[source] = by_source.get(source, Counts()) + counted
                prominences = found[doc].prominences
                gold = labels[doc].sectors
                scored += [
                    (_probability(weights, features(s, p)), s in gold)
                    for s, p in prominences.items()
                ]
                unscored += len(gold - set(prominences))
    return total, chosen, HeldOut(tuple(scored), unscored), by_source


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _rescale(p: float, a: float, b: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, a + b * _logit(p)))))


def temperature(held: HeldOut) -> tuple[float, float]:
    """(a, b) such that sigmoid(a + b * logit(p)) is calibrated on the held-out scores: the
    in-sample fit is over-confident on documents it did not see when b < 1."""
    data = [((1.0, _logit(p)), topic) for p, topic in held.scored]
    a, b = fit(data, l2=0.0)
    return a, b


def bands(held: HeldOut) -> list[tuple[float, float, int, int]]:
    """(band low, band high, scores in the band, of which labelled topics)."""
    rows = []
    for low, high in pairwise(BANDS):
        inside = [topic for p, topic in held.scored if low <= p < high]
        rows.append((low, min(high, 1.0), len(inside), sum(inside)))
    return rows


def _base(sector: str, p: Prominence) -> tuple[float, ...]:
    return p.features()


def _drop(index: int) -> Features:
    return lambda s, p: tuple(v for i, v in enumerate(p.features()) if i != index)


SECTORS = tuple("ABCDEFGHIJKLMNOPQRSTU")


def _priors(sector: str, p: Prominence) -> tuple[float, ...]:
    return p.features() + tuple(1.0 if sector == s else 0.0 for s in SECTORS)


def _top(sector: str, p: Prominence) -> tuple[float, ...]:
    return (*p.features(), 1.0 if p.relative >= 0.999 else 0.0)


def _interactions(sector: str, p: Prominence) -> tuple[float, ...]:
    f = p.features()
    return (*f, f[1] * f[6], f[6] ** 2)


def _answer_only(sector: str, p: Prominence) -> tuple[float, ...]:
    return (*p.features(), 0.0 if p.title or p.question_share > 0 else 1.0)


def _questionless(sector: str, p: Prominence) -> tuple[float, ...]:
    return (*p.features(), 0.0 if p.question_share > 0 else 1.0)


def _hjo(sector: str, p: Prominence) -> tuple[float, ...]:
    # The sectors whose precision is lowest (H, J) and the commonest (O): a prior for each.
    return p.features() + tuple(1.0 if sector == s else 0.0 for s in "HJO")


NAMES = ("intercept", "title", "question", "answer", "log count", "terms", "relative")
CANDIDATES: dict[str, Features] = {
    "all": _base,
    **{f"-{name}": _drop(i) for i, name in enumerate(NAMES) if i},
    "+priors": _priors,
    "+HJO": _hjo,
    "+top": _top,
    "+interact": _interactions,
    "+answeronly": _answer_only,
    "+questionless": _questionless,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=4)
    parser.add_argument("--beta", type=float, default=0.8)
    parser.add_argument("--l2", type=float, nargs="*", default=[0.5, 2.0, 8.0])
    parser.add_argument("--candidates", nargs="*", default=list(CANDIDATES))
    parser.add_argument(
        "--calibration", action="store_true", help="held-out scores by band, recalibrated"
    )
    args = parser.parse_args(argv)

    lemmatizer = Lemmatizer()
    detector = SectorDetector(load_taxonomy(None), lemmatizer.lemmatize_terms)
    labels = load_labels()
    questions = [q for q in corpus_questions() if q.id in labels and labels[q.id].split == DEV]
    found = readings(read_questions(questions, lemmatizer), detector)
    dev = {d: label for d, label in labels.items() if label.split == DEV}
    for name in args.candidates:
        features = CANDIDATES[name]
        for l2 in args.l2:
            counts, chosen, held, by_source = cross_validate(
                dev,
                found,
                features,
                l2=l2,
                beta=args.beta,
                folds=args.folds,
                repeats=args.repeats,
            )
            print(
                f"{name:<12} l2 {l2:<5g} cv precision {counts.precision:.3f} "
                f"recall {counts.recall:.3f} F1 {counts.f():.3f} F{args.beta:g} "
                f"{counts.f(args.beta):.3f}  thresholds {min(chosen)}-{max(chosen)}",
                flush=True,
            )
            print(
                "  by part: "
                + ", ".join(
                    f"{source} {c.precision:.3f} / {c.recall:.3f}"
                    for source, c in sorted(by_source.items())
                )
            )
            if args.calibration:
                _print_calibration(held, args.beta)
    all_docs = sorted(dev)
    for l2 in args.l2:
        weights, threshold = train(all_docs, dev, found, _base, l2, args.beta)
        print(f"all dev, l2 {l2:g}: coefficients {weights} threshold {threshold}")
        if args.calibration:
            _, _, held, _ = cross_validate(
                dev, found, _base, l2=l2, beta=args.beta, folds=args.folds, repeats=args.repeats
            )
            a, b = temperature(held)
            scaled = tuple(round(b * w + (a if i == 0 else 0.0), 2) for i, w in enumerate(weights))
            print(f"  recalibrated on the held-out scores: {scaled}")
    return 0


def _print_calibration(held: HeldOut, beta: float) -> None:
    """The held-out scores by band, before and after the temperature fitted on them, and what
    each threshold gives on the recalibrated scores."""
    a, b = temperature(held)
    scaled = held.recalibrated((a, b))
    print(f"  temperature: sigmoid({a:.2f} + {b:.2f} * logit(p))")
    print("  band: held-out scores, labelled topics, share | recalibrated")
    for (low, high, n, k), (_, _, m, j) in zip(bands(held), bands(scaled), strict=True):
        left = f"{n:>5} {k:>5}  {k / n:.2f}" if n else f"{n:>5} {k:>5}     -"
        right = f"{m:>5} {j:>5}  {j / m:.2f}" if m else f"{m:>5} {j:>5}     -"
        print(f"  [{low:.1f}, {high:.1f}): {left} | {right}")
    for threshold in THRESHOLDS:
        c = scaled.counts(threshold)
        print(
            f"  recalibrated threshold {threshold:.2f}: precision {c.precision:.3f} "
            f"recall {c.recall:.3f} F{beta:g} {c.f(beta):.3f}"
        )


if __name__ == "__main__":
    sys.exit(main())
