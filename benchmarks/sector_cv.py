"""Cross-validated choice of the topic model: features, penalty, threshold and calibration, on
dev alone.

The in-sample dev figure of benchmarks/sector_quality.py flatters the model: its coefficients
and threshold were chosen on the very documents it is measured on (dev 0.892 / 0.883 against
test 0.783 / 0.844). Here the dev questions (Brussels, federal and plenary alike) are split
into k folds; for each fold the logistic model is fitted and the threshold chosen on the
other folds, then the held-out fold is scored. The summed counts over the folds are the
cross-validated figure, what the configuration should do on documents it was not tuned on.
Repeated with several seeds, since one split of ~250 questions is noisy. The copies of one
question (sent to several ministers: `sector_quality.same_question`) stay in one fold and
weigh 1 / their number, in fitting and in counting; `--ungrouped` counts every copy.

    python benchmarks/sector_cv.py [--folds 5] [--repeats 4] [--beta 0.8] [--l2 0.5 2 8]
        [--candidates all -title +priors ...] [--calibration] [--recall 0.85] [--ungrouped]

Candidates: all seven features of `Prominence.features`, each one dropped (-name), or one
added (+name: a prior per sector, for H, J and O, the strongest sector, interactions, evidence
in the answer alone, no evidence in the question). The last lines fit each penalty on all of
dev: the coefficients pqsearch/analyze/prominence.py keeps and their threshold; with
--calibration, the isotonic steps fitted on the held-out scores (`prominence.CALIBRATION`) and
the calibrated threshold of highest precision whose held-out recall reaches --recall. The
threshold is chosen in-fold to maximise F-beta (beta < 1 weighs precision first). Each
candidate's held-out figures are also given by label file (Brussels, federal, unanswered
federal, plenary, probe, probe2 ... probe7): a change must not help one register and hurt
another. The seven probes' dev halves (invented Brussels-style questions,
tests/data/sectors_labels_brussels_probe*.toml; probe2's and probe3's since the eleventh
session, probe4's since the twelfth, probe5's since the thirteenth, probe6's since the
fourteenth, probe7's since the fifteenth, the realistic ones nearest to the team's held-out
Brussels questions) are part of dev like the other files' dev parts; their test halves stay
out, with theirs. benchmarks/sector_lobo.py measures by leaving one
battery out instead: the folds here mix every writer's questions in every fold.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise

from benchmarks.sector_quality import (
    BANDS,
    DEV,
    Label,
    Reading,
    corpus_questions,
    fit,
    in_part,
    load_labels,
    read_questions,
    readings,
    same_question,
)
from pqsearch.analyze.lemmatize import Lemmatizer
from pqsearch.analyze.prominence import Prominence, calibrate
from pqsearch.analyze.sectors import SectorDetector, load_taxonomy

THRESHOLDS = tuple(round(0.2 + 0.05 * i, 2) for i in range(13))
Features = Callable[[str, Prominence], tuple[float, ...]]


@dataclass(frozen=True)
class Counts:
    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    def __mul__(self, weight: float) -> Counts:
        return Counts(self.tp * weight, self.fp * weight, self.fn * weight)

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


def probability(weights: Sequence[float], x: Sequence[float]) -> float:
    z = sum(w * v for w, v in zip(weights, x, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def count(
    docs: Sequence[str],
    labels: Mapping[str, Label],
    found: Mapping[str, Reading],
    features: Features,
    weights: Sequence[float],
    threshold: float,
    copies: Mapping[str, int] | None = None,
) -> Counts:
    """Summed decisions on `docs`, each document weighing 1 / its number of `copies`."""
    total = Counts()
    for doc in docs:
        gold = labels[doc].sectors
        topics = {
            s
            for s, p in found[doc].prominences.items()
            if probability(weights, features(s, p)) >= threshold
        }
        counted = Counts(len(topics & gold), len(topics - gold), len(gold - topics))
        total += counted * (1.0 / copies.get(doc, 1) if copies else 1.0)
    return total


def train(
    docs: Sequence[str],
    labels: Mapping[str, Label],
    found: Mapping[str, Reading],
    features: Features,
    l2: float,
    beta: float,
    copies: Mapping[str, int] | None = None,
) -> tuple[tuple[float, ...], float]:
    data = [
        (features(s, p), s in labels[doc].sectors)
        for doc in docs
        for s, p in found[doc].prominences.items()
    ]
    copies = copies or {}
    sample = [1.0 / copies.get(doc, 1) for doc in docs for _ in found[doc].prominences]
    weights = fit(data, l2=l2, sample=sample)
    best = max(
        THRESHOLDS,
        key=lambda t: count(docs, labels, found, features, weights, t, copies).f(beta),
    )
    return weights, best


@dataclass(frozen=True)
class HeldOut:
    """What the folds' models said of the documents they did not see: every (probability,
    is a labelled topic, document) triple, the document of each labelled topic that had no
    evidence to score, and what each document weighs (1 / its copies; 1 when not given)."""

    scored: tuple[tuple[float, bool, str], ...]
    unscored: tuple[str, ...]
    weight: Mapping[str, float] = field(default_factory=dict)

    def counts(self, threshold: float) -> Counts:
        w = self.weight
        tp = sum(w.get(d, 1.0) for p, topic, d in self.scored if topic and p >= threshold)
        fp = sum(w.get(d, 1.0) for p, topic, d in self.scored if not topic and p >= threshold)
        fn = sum(w.get(d, 1.0) for p, topic, d in self.scored if topic and p < threshold)
        return Counts(tp, fp, fn + sum(w.get(d, 1.0) for d in self.unscored))

    def mapped(self, scale: Callable[[float], float]) -> HeldOut:
        scored = tuple((scale(p), t, d) for p, t, d in self.scored)
        return HeldOut(scored, self.unscored, self.weight)

    def of(self, documents: Collection[str]) -> HeldOut:
        """The scores of `documents` alone."""
        return HeldOut(
            tuple(row for row in self.scored if row[2] in documents),
            tuple(d for d in self.unscored if d in documents),
            self.weight,
        )


def cross_validate(
    labels: Mapping[str, Label],
    found: Mapping[str, Reading],
    features: Features,
    *,
    l2: float,
    beta: float,
    folds: int,
    repeats: int,
    groups: Mapping[str, str] | None = None,
) -> tuple[Counts, list[float], HeldOut, dict[str, Counts]]:
    """The summed held-out counts, the thresholds the folds chose, the held-out scores, and
    the held-out counts by label file (a change must not help one register and hurt another).

    `groups` maps a document to its question (`sector_quality.same_question`): the copies of
    one question fall in the same fold, and weigh 1 / their number in fitting and counting,
    so that a question sent to nine ministers neither leaks from the fitted folds into the
    held-out one nor counts nine times.
    """
    docs = sorted(d for d, label in labels.items() if label.split == DEV)
    group = {d: (groups or {}).get(d, d) for d in docs}
    members: dict[str, list[str]] = {}
    for doc in docs:
        members.setdefault(group[doc], []).append(doc)
    copies = {doc: len(members[group[doc]]) for doc in docs}
    total = Counts()
    by_source: dict[str, Counts] = {}
    chosen: list[float] = []
    scored: list[tuple[float, bool, str]] = []
    unscored: list[str] = []
    for seed in range(repeats):
        order = sorted(members)
        random.Random(seed).shuffle(order)
        for k in range(folds):
            held = [d for g in order[k::folds] for d in members[g]]
            kept = [d for g in order for d in members[g] if d not in set(held)]
            weights, threshold = train(kept, labels, found, features, l2, beta, copies)
            chosen.append(threshold)
            for doc in held:
                counted = count([doc], labels, found, features, weights, threshold, copies)
                total += counted
                source = labels[doc].source
                by_source[source] = by_source.get(source, Counts()) + counted
                prominences = found[doc].prominences
                gold = labels[doc].sectors
                scored += [
                    (probability(weights, features(s, p)), s in gold, doc)
                    for s, p in prominences.items()
                ]
                unscored += [doc] * len(gold - set(prominences))
    weight = {doc: 1.0 / copies[doc] for doc in docs}
    return total, chosen, HeldOut(tuple(scored), tuple(unscored), weight), by_source


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _rescale(p: float, a: float, b: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, a + b * _logit(p)))))


def temperature(held: HeldOut) -> tuple[float, float]:
    """(a, b) such that sigmoid(a + b * logit(p)) is calibrated on the held-out scores: the
    in-sample fit is over-confident on documents it did not see when b < 1."""
    data = [((1.0, _logit(p)), topic) for p, topic, _ in held.scored]
    a, b = fit(data, l2=0.0)
    return a, b


# Fewest held-out scores a step of the isotonic calibration may hold: pool-adjacent-violators'
# own steps of a few dozen scores are noise (fitted on half of dev and applied to the other
# half, steps of 50 swapped neighbouring bands: 0.39 topics at 0.2-0.3, 0.34 at 0.3-0.4).
MIN_STEP = 150


def isotonic(held: HeldOut, min_step: int = MIN_STEP) -> tuple[tuple[float, float], ...]:
    """The calibration that pool-adjacent-violators fits on the held-out scores: steps of
    (highest model probability of the step, share of labelled topics in it), a step of fewer
    than `min_step` scores (weighted) merged into the neighbour whose share is nearest."""
    blocks: list[list[float]] = []  # [topics, scores, highest probability]
    for p, topic, doc in sorted(held.scored):
        w = held.weight.get(doc, 1.0)
        blocks.append([w * topic, w, p])
        while len(blocks) > 1 and blocks[-2][0] * blocks[-1][1] >= blocks[-1][0] * blocks[-2][1]:
            last = blocks.pop()
            blocks[-1] = [blocks[-1][0] + last[0], blocks[-1][1] + last[1], last[2]]
    while len(blocks) > 1 and min(b[1] for b in blocks) < min_step:
        i = min(range(len(blocks)), key=lambda j: blocks[j][1])
        if i == 0:
            j = 1
        elif i == len(blocks) - 1:
            j = i - 1
        else:
            share = blocks[i][0] / blocks[i][1]
            j = min(i - 1, i + 1, key=lambda k: abs(blocks[k][0] / blocks[k][1] - share))
        low, high = sorted((i, j))
        a, b = blocks[low], blocks[high]
        blocks[low : high + 1] = [[a[0] + b[0], a[1] + b[1], b[2]]]
    steps: list[tuple[float, float]] = []
    for topics, scores, highest in blocks:
        share = max(0.01, round(topics / scores, 2))
        if steps and steps[-1][1] == share:
            steps.pop()
        steps.append((round(highest, 3), share))
    return (*steps[:-1], (1.0, steps[-1][1]))


def cross_fitted(held: HeldOut, groups: Mapping[str, str] | None = None, seed: int = 0) -> HeldOut:
    """The held-out scores calibrated by the isotonic steps fitted on the other half of the
    questions (halves drawn with `seed`, a question's copies together): what the calibration
    says of documents it did not see."""
    documents = sorted({d for _, _, d in held.scored} | set(held.unscored))
    questions = sorted({(groups or {}).get(d, d) for d in documents})
    halfway = set(random.Random(seed).sample(questions, len(questions) // 2))
    half = {d for d in documents if (groups or {}).get(d, d) in halfway}
    other = set(documents) - half
    parts = []
    for fitted_on, applied_to in ((half, other), (other, half)):
        steps = isotonic(held.of(fitted_on))
        parts.append(held.of(applied_to).mapped(partial(calibrate, steps=steps)))
    return HeldOut(
        parts[0].scored + parts[1].scored, parts[0].unscored + parts[1].unscored, held.weight
    )


def threshold_for_recall(held: HeldOut, recall: float) -> float:
    """The threshold of highest precision among those whose recall reaches `recall` (the
    lowest score when none does)."""
    candidates = sorted({p for p, _, _ in held.scored})
    reaching = [t for t in candidates if held.counts(t).recall >= recall]
    if not reaching:
        return candidates[0]
    return max(reaching, key=lambda t: (held.counts(t).precision, -t))


def bands(held: HeldOut) -> list[tuple[float, float, float, float]]:
    """(band low, band high, scores in the band, of which labelled topics), weighted."""
    rows = []
    for low, high in pairwise(BANDS):
        inside = [(held.weight.get(d, 1.0), t) for p, t, d in held.scored if low <= p < high]
        topics = sum(w for w, topic in inside if topic)
        rows.append((low, min(high, 1.0), sum(w for w, _ in inside), topics))
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
    parser.add_argument(
        "--recall",
        type=float,
        default=0.85,
        help="with --calibration: the threshold is the most precise reaching this recall",
    )
    parser.add_argument(
        "--ungrouped",
        action="store_true",
        help="folds by document, every copy of a question counted (the fifth session's way)",
    )
    args = parser.parse_args(argv)

    lemmatizer = Lemmatizer()
    detector = SectorDetector(load_taxonomy(None), lemmatizer.lemmatize_terms)
    dev = {d: label for d, label in load_labels().items() if in_part(label, None)}
    dev = {d: label for d, label in dev.items() if label.split == DEV}
    questions = [q for q in corpus_questions() if q.id in dev]
    found = readings(read_questions(questions, lemmatizer), detector)
    groups = {} if args.ungrouped else same_question(questions)
    copies = Counter(groups.values())
    copies_of = {d: copies[g] for d, g in groups.items()}
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
                groups=groups,
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
                _print_calibration(held, groups, args.beta, args.recall)
    all_docs = sorted(dev)
    for l2 in args.l2:
        weights, threshold = train(all_docs, dev, found, _base, l2, args.beta, copies_of)
        print(f"all dev, l2 {l2:g}: coefficients {weights} threshold {threshold}")
        if args.calibration:
            _, _, held, _ = cross_validate(
                dev,
                found,
                _base,
                l2=l2,
                beta=args.beta,
                folds=args.folds,
                repeats=args.repeats,
                groups=groups,
            )
            steps = isotonic(held)
            chosen = threshold_for_recall(held.mapped(partial(calibrate, steps=steps)), args.recall)
            print(f"  isotonic calibration on the held-out scores: {steps}")
            print(f"  calibrated threshold (recall >= {args.recall:g}, precision first): {chosen}")
    return 0


def _print_calibration(
    held: HeldOut, groups: Mapping[str, str], beta: float, recall: float
) -> None:
    """The held-out scores by band: as the model gives them, and calibrated by isotonic steps
    fitted on the other half of the documents (cross-fitted, so the table says what the
    calibration does on documents it was not fitted on); then what each threshold gives on the
    cross-fitted scores, and the one chosen for `recall`."""
    a, b = temperature(held)
    calibrated = cross_fitted(held, groups)
    print(f"  temperature: sigmoid({a:.2f} + {b:.2f} * logit(p)) (not used)")
    print("  band: model's held-out scores, labelled topics, share | isotonic, cross-fitted")
    for (low, high, n, k), (_, _, m, j) in zip(bands(held), bands(calibrated), strict=True):
        left = f"{n:>7.1f} {k:>7.1f}  {k / n:.2f}" if n else f"{n:>7.1f} {k:>7.1f}     -"
        right = f"{m:>7.1f} {j:>7.1f}  {j / m:.2f}" if m else f"{m:>7.1f} {j:>7.1f}     -"
        print(f"  [{low:.1f}, {high:.1f}): {left} | {right}")
    for threshold in sorted({p for p, _, _ in calibrated.scored}):
        c = calibrated.counts(threshold)
        print(
            f"  calibrated threshold {threshold:.2f}: precision {c.precision:.3f} "
            f"recall {c.recall:.3f} F{beta:g} {c.f(beta):.3f}"
        )
    chosen = threshold_for_recall(calibrated, recall)
    c = calibrated.counts(chosen)
    print(
        f"  chosen for recall >= {recall:g}: {chosen:.2f} (precision {c.precision:.3f}, "
        f"recall {c.recall:.3f})"
    )


if __name__ == "__main__":
    sys.exit(main())
