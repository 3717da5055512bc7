"""Thresholds chosen out of sample, as a candidate for `sector_lobo.py`.

The shipped form chooses its one threshold on the documents its weights were fitted on
(`sector_cv.train`: in-sample F-beta). Every blind battery since probe5 finds O and N too
rarely while O's precision is near perfect: a threshold chosen in-sample may sit too high for
the sectors whose wording varies most from writer to writer. Here, inside each fit of the
outer leave-one-battery-out, the kept batteries are themselves left out one at a time (the
inner fits), so every kept document gets a probability from weights that never saw its
battery; the thresholds are chosen on those out-of-sample probabilities (F-beta pooled over the
kept documents), then applied, with the weights fitted on all the kept documents, to the battery
left out. `own` names the sectors that get a threshold of their own (chosen one after the other,
the others' decisions fixed); with `global_oos`, the common threshold too is chosen out of
sample, else in-sample as the shipped form does.

    PYTHONPATH=$PWD python benchmarks/sector_lobo.py --own-threshold O N [--oos-threshold]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from benchmarks.sector_cv import THRESHOLDS, Counts, probability, train
from benchmarks.sector_quality import Label, Reading
from pqsearch.analyze.administration import ADMINISTRATION
from pqsearch.analyze.prominence import Prominence
from pqsearch.analyze.sector_lone import lone_administration

# A document's probability for each sector with evidence.
Scores = dict[str, dict[str, float]]


def features(sector: str, prominence: Prominence) -> tuple[float, ...]:
    return prominence.features()


def inner_scores(
    kept: Sequence[str],
    labels: Mapping[str, Label],
    found: Mapping[str, Reading],
    groups: Mapping[str, str],
    copies: Mapping[str, int],
    *,
    l2: float,
    beta: float,
) -> Scores:
    """Each kept document's probabilities from weights fitted without its battery (nor the
    copies of its questions)."""
    scores: Scores = {}
    for battery in sorted({labels[d].source for d in kept}):
        held = [d for d in kept if labels[d].source == battery]
        questions = {groups.get(d, d) for d in held}
        rest = [
            d for d in kept if labels[d].source != battery and groups.get(d, d) not in questions
        ]
        weights, _ = train(rest, labels, found, features, l2, beta, copies)
        for doc in held:
            scores[doc] = {
                s: probability(weights, features(s, p)) for s, p in found[doc].prominences.items()
            }
    return scores


def chosen(scores: Mapping[str, float], threshold: float, own: Mapping[str, float]) -> set[str]:
    return {s for s, v in scores.items() if v >= own.get(s, threshold)}


def f_beta(
    kept: Sequence[str],
    labels: Mapping[str, Label],
    scores: Scores,
    copies: Mapping[str, int],
    threshold: float,
    own: Mapping[str, float],
    beta: float,
) -> float:
    total = Counts()
    for doc in kept:
        gold, topics = labels[doc].sectors, chosen(scores[doc], threshold, own)
        counts = Counts(len(topics & gold), len(topics - gold), len(gold - topics))
        total += counts * (1.0 / copies.get(doc, 1))
    return total.f(beta)


def out_of_sample_thresholds(
    kept: Sequence[str],
    labels: Mapping[str, Label],
    scores: Scores,
    copies: Mapping[str, int],
    threshold: float,
    own: Sequence[str],
    *,
    beta: float,
    global_oos: bool,
) -> tuple[float, dict[str, float]]:
    """The common threshold (`threshold` unless `global_oos`) and one per sector of `own`,
    chosen on the out-of-sample `scores` of the kept documents."""
    if global_oos:
        threshold = max(THRESHOLDS, key=lambda t: f_beta(kept, labels, scores, copies, t, {}, beta))
    per_sector: dict[str, float] = {}
    for sector in own:
        per_sector[sector] = max(
            THRESHOLDS,
            key=lambda t: f_beta(
                kept, labels, scores, copies, threshold, {**per_sector, sector: t}, beta
            ),
        )
    return threshold, per_sector


def nested_thresholds(
    labels: Mapping[str, Label],
    found: Mapping[str, Reading],
    groups: Mapping[str, str],
    copies: Mapping[str, int],
    *,
    l2: float,
    beta: float,
    own: Sequence[str],
    global_oos: bool,
    chosen_log: list[tuple[float, dict[str, float]]] | None = None,
) -> Callable[[Sequence[str], Sequence[str]], dict[str, frozenset[str]]]:
    """The shipped form (weights on the kept documents, the lone administration) with the
    thresholds of `out_of_sample_thresholds`."""

    def decide(kept: Sequence[str], held: Sequence[str]) -> dict[str, frozenset[str]]:
        weights, threshold = train(kept, labels, found, features, l2, beta, copies)
        scores = inner_scores(kept, labels, found, groups, copies, l2=l2, beta=beta)
        threshold, per_sector = out_of_sample_thresholds(
            kept, labels, scores, copies, threshold, own, beta=beta, global_oos=global_oos
        )
        if chosen_log is not None:
            chosen_log.append((threshold, per_sector))
        topics = {}
        for doc in held:
            prominences = found[doc].prominences
            held_scores = {s: probability(weights, features(s, p)) for s, p in prominences.items()}
            picked = frozenset(chosen(held_scores, threshold, per_sector))
            if not picked and lone_administration(prominences, held_scores):
                picked = frozenset({ADMINISTRATION})
            topics[doc] = picked
        return topics

    return decide
