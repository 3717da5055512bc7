"""Leave one battery out: the topic model fitted on every labelled battery but one, measured on
the one left out.

Five-fold cross-validation by question (`sector_cv.py`) mixes every battery in every fold, so a
model is always fitted on questions by the writer of the held-out ones: four sessions of rules
and refits gained on it and not on the next blind battery. Here the groups are the dev parts of
the label files (Brussels 51, federal answered, federal unanswered, plenary, probe, probe2 ...
probe14: each written by another hand or taken from another parliament); for each, the model is
fitted and its threshold chosen (in-sample F-beta, as `sector_cv.train`) on all the others, then
the one left out is scored. A question with copies in two groups leaves the fit with the one
left out. Reported per group left out, pooled, and the ordinary Brussels-style probes pooled
(`BRUSSELS_STYLE`: the register nearest to the team's held-out questions), with per-sector
counts of the pooled figure; copies weigh 1 / their number.

    PYTHONPATH=$PWD python benchmarks/sector_lobo.py [--beta 0.8] [--l2 0.5] [--subject]
        [--prior O ...]

--subject measures, after the shipped model's form, the topic model with a learned subject
score as an eighth feature (`sector_subject.py`), the subject model refitted inside every fit;
--prior, the shipped form with an intercept of their own for the sectors named; --taxonomy, the
shipped form on the readings of another taxonomy file (a vocabulary change); --own-threshold and
--oos-threshold, thresholds chosen out of sample (`sector_thresholds.py`); --subject-penalty and
--subject-question, other configurations of the subject model. Each candidate
is followed by its F1 gain over the shipped form with a paired bootstrap (`paired_bootstrap`:
1,000 resamples of the questions, both left one battery out), pooled, on the Brussels-style
probes, on the newest three pooled and on each of them.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.sector_cv import Counts, probability, train
from benchmarks.sector_quality import (
    DEV,
    SOURCES,
    Label,
    Reading,
    corpus_questions,
    in_part,
    load_labels,
    read_questions,
    readings,
    same_question,
)
from benchmarks.sector_subject import Settings, subject_model
from benchmarks.sector_thresholds import nested_thresholds
from pqsearch.analyze.administration import ADMINISTRATION
from pqsearch.analyze.lemmatize import Lemmatizer
from pqsearch.analyze.prominence import Prominence
from pqsearch.analyze.sector_lone import lone_administration
from pqsearch.analyze.sectors import SectorDetector, load_taxonomy

# The ordinary Brussels-style questions written blind, one battery a session (the first probe,
# written to catch the detector out, is reported on its own).
BRUSSELS_STYLE = (
    "probe2",
    "probe3",
    "probe4",
    "probe5",
    "probe6",
    "probe7",
    "probe8",
    "probe9",
    "probe10",
    "probe11",
    "probe12",
    "probe13",
    "probe14",
)

# Given the documents to fit on and those left out: the topics of each left-out document.
Decide = Callable[[Sequence[str], Sequence[str]], Mapping[str, frozenset[str]]]


def left_out_topics(
    labels: Mapping[str, Label], groups: Mapping[str, str], decide: Decide
) -> dict[str, frozenset[str]]:
    """The topics of every document, decided by a model fitted without its battery (its label
    file) and without the copies of its questions; `groups` maps a document to its question
    (`sector_quality.same_question`)."""
    topics: dict[str, frozenset[str]] = {}
    for battery in sorted({label.source for label in labels.values()}):
        held = sorted(d for d, label in labels.items() if label.source == battery)
        questions = {groups.get(d, d) for d in held}
        kept = sorted(
            d
            for d, label in labels.items()
            if label.source != battery and groups.get(d, d) not in questions
        )
        topics.update(decide(kept, held))
    return topics


def leave_one_battery_out(
    labels: Mapping[str, Label], groups: Mapping[str, str], decide: Decide
) -> tuple[dict[str, Counts], dict[str, Counts]]:
    """The counts of each battery left out (by label file), and of each sector over all of
    them (`left_out_topics`); copies weigh 1 / their number."""
    return counted(labels, groups, left_out_topics(labels, groups, decide))


def counted(
    labels: Mapping[str, Label], groups: Mapping[str, str], topics: Mapping[str, frozenset[str]]
) -> tuple[dict[str, Counts], dict[str, Counts]]:
    """`topics` against the labels: the counts by battery and by sector."""
    copies = Counter(groups.get(d, d) for d in labels)
    by_battery: dict[str, Counts] = {}
    by_sector: dict[str, Counts] = {}
    for doc, label in sorted(labels.items()):
        weight = 1.0 / copies[groups.get(doc, doc)]
        gold, found = label.sectors, topics[doc]
        one_doc = _counts(gold, found) * weight
        by_battery[label.source] = by_battery.get(label.source, Counts()) + one_doc
        for sector in gold | found:
            one = Counts(
                float(sector in gold and sector in found),
                float(sector in found and sector not in gold),
                float(sector in gold and sector not in found),
            )
            by_sector[sector] = by_sector.get(sector, Counts()) + one * weight
    return by_battery, by_sector


@dataclass(frozen=True)
class Difference:
    """F1 of a candidate's decisions less the baseline's, on the same questions, and the
    90 % interval of that difference over resamples of the questions."""

    gain: float
    low: float
    high: float
    # The share of resamples in which the candidate does not gain.
    no_gain: float


def paired_bootstrap(
    labels: Mapping[str, Label],
    groups: Mapping[str, str],
    baseline: Mapping[str, frozenset[str]],
    candidate: Mapping[str, frozenset[str]],
    *,
    sources: Collection[str] | None = None,
    resamples: int = 1000,
    seed: int = 0,
) -> Difference:
    """The candidate's F1 gain over the baseline (decisions by document, both left one battery
    out), resampling questions with replacement (a question's copies go together and weigh
    1 / their number), on the batteries of `sources` (all when None)."""
    copies = Counter(groups.get(d, d) for d in labels)
    members: dict[str, list[tuple[Counts, Counts]]] = {}
    for doc, label in sorted(labels.items()):
        if sources is not None and label.source not in sources:
            continue
        weight = 1.0 / copies[groups.get(doc, doc)]
        pair = (
            _counts(label.sectors, baseline[doc]) * weight,
            _counts(label.sectors, candidate[doc]) * weight,
        )
        members.setdefault(groups.get(doc, doc), []).append(pair)
    questions = [sum_pairs(pairs) for pairs in members.values()]

    def gain(sample: Sequence[tuple[Counts, Counts]]) -> float:
        first, second = sum_pairs(sample)
        return second.f() - first.f()

    rng = random.Random(seed)
    gains = sorted(
        gain([questions[rng.randrange(len(questions))] for _ in questions])
        for _ in range(resamples)
    )
    return Difference(
        gain(questions),
        gains[int(0.05 * resamples)],
        gains[int(0.95 * resamples) - 1],
        sum(g <= 0 for g in gains) / resamples,
    )


def _counts(gold: frozenset[str], found: frozenset[str]) -> Counts:
    return Counts(len(found & gold), len(found - gold), len(gold - found))


def sum_pairs(pairs: Sequence[tuple[Counts, Counts]]) -> tuple[Counts, Counts]:
    return sum((a for a, _ in pairs), Counts()), sum((b for _, b in pairs), Counts())


def prominence_model(
    labels: Mapping[str, Label],
    found: Mapping[str, Reading],
    copies: Mapping[str, int],
    *,
    l2: float,
    beta: float,
    priors: str = "",
) -> Decide:
    """The shipped model's form: the seven prominence features, refitted on the kept groups,
    and the administration as the lone subject of a question with no topic (`sector_lone`);
    with `priors` (sector ids), one more feature each, 1 for that sector: its own intercept."""

    def features(sector: str, prominence: Prominence) -> tuple[float, ...]:
        return (*prominence.features(), *(float(sector == p) for p in priors))

    def decide(kept: Sequence[str], held: Sequence[str]) -> dict[str, frozenset[str]]:
        weights, threshold = train(kept, labels, found, features, l2, beta, copies)
        topics = {}
        for doc in held:
            prominences = found[doc].prominences
            scores = {s: probability(weights, features(s, p)) for s, p in prominences.items()}
            chosen = frozenset(s for s, score in scores.items() if score >= threshold)
            if not chosen and lone_administration(prominences, scores):
                chosen = frozenset({ADMINISTRATION})
            topics[doc] = chosen
        return topics

    return decide


def report(by_battery: Mapping[str, Counts], by_sector: Mapping[str, Counts]) -> str:
    """One line per battery left out, then pooled, the Brussels-style probes pooled, and the
    pooled counts per sector (labelled / detected / correct)."""
    lines = []
    for battery in SOURCES:
        if battery in by_battery:
            lines.append(_line(battery, by_battery[battery]))
    lines.append(_line("pooled", sum(by_battery.values(), Counts())))
    style = [by_battery[b] for b in BRUSSELS_STYLE if b in by_battery]
    lines.append(_line("Brussels-style", sum(style, Counts())))
    lines.append(
        "per sector (labelled / detected / correct): "
        + ", ".join(
            f"{s} {c.tp + c.fn:g}/{c.tp + c.fp:g}/{c.tp:g}" for s, c in sorted(by_sector.items())
        )
    )
    return "\n".join(lines)


def _line(name: str, counts: Counts) -> str:
    return (
        f"  {name:<19} precision {counts.precision:.3f}  recall {counts.recall:.3f}  "
        f"F1 {counts.f():.3f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--beta", type=float, default=0.8)
    parser.add_argument("--l2", type=float, default=0.5)
    parser.add_argument("--subject", action="store_true", help="also the subject model")
    parser.add_argument(
        "--prior", nargs="+", default=[], metavar="SECTOR", help="also these sectors' intercepts"
    )
    parser.add_argument(
        "--subject-penalty", type=float, default=Settings().penalty, help="its L2 penalty"
    )
    parser.add_argument(
        "--subject-question",
        action="store_true",
        help="the subject model reads every sentence of the question, not its items alone",
    )
    parser.add_argument(
        "--taxonomy",
        type=Path,
        help="also the shipped form on the readings of another taxonomy file (a vocabulary change)",
    )
    parser.add_argument(
        "--own-threshold",
        nargs="+",
        default=[],
        metavar="SECTOR",
        help="also these sectors' own thresholds, chosen out of sample (sector_thresholds.py)",
    )
    parser.add_argument(
        "--oos-threshold",
        action="store_true",
        help="also the common threshold chosen out of sample (sector_thresholds.py)",
    )
    args = parser.parse_args(argv)
    lemmatizer = Lemmatizer()
    detector = SectorDetector(load_taxonomy(None), lemmatizer.lemmatize_terms)
    dev = {
        d: label
        for d, label in load_labels().items()
        if in_part(label, None) and label.split == DEV
    }
    questions = [q for q in corpus_questions() if q.id in dev]
    documents = read_questions(questions, lemmatizer)
    found = readings(documents, detector)
    groups = same_question(questions)
    copies = Counter(groups.values())
    copies_of = {d: copies[g] for d, g in groups.items()}
    decide = prominence_model(dev, found, copies_of, l2=args.l2, beta=args.beta)
    baseline = left_out_topics(dev, groups, decide)
    print(f"left one battery out ({len(dev)} dev documents), prominence model:")
    print(report(*counted(dev, groups, baseline)))
    candidates: list[tuple[str, Decide]] = []
    if args.prior:
        candidates.append(
            (
                f"a prior (own intercept) for {', '.join(args.prior)}",
                prominence_model(
                    dev, found, copies_of, l2=args.l2, beta=args.beta, priors="".join(args.prior)
                ),
            )
        )
    settings = Settings(args.subject_penalty, args.subject_question)
    if args.subject:
        candidates.append(
            (
                f"the subject model's probability as an eighth feature ({settings})",
                subject_model(
                    dev,
                    found,
                    documents,
                    groups,
                    copies_of,
                    l2=args.l2,
                    beta=args.beta,
                    settings=settings,
                ),
            )
        )
    if args.taxonomy:
        other = readings(
            documents, SectorDetector(load_taxonomy(args.taxonomy), lemmatizer.lemmatize_terms)
        )
        candidates.append(
            (
                f"the readings of {args.taxonomy}",
                prominence_model(dev, other, copies_of, l2=args.l2, beta=args.beta),
            )
        )
    chosen_log: list[tuple[float, dict[str, float]]] = []
    if args.own_threshold or args.oos_threshold:
        own = ", ".join(args.own_threshold) or "no sector"
        common = "out of sample" if args.oos_threshold else "in-sample"
        candidates.append(
            (
                f"thresholds chosen by an inner leave-one-battery-out (own: {own}; common: "
                f"{common})",
                nested_thresholds(
                    dev,
                    found,
                    groups,
                    copies_of,
                    l2=args.l2,
                    beta=args.beta,
                    own=args.own_threshold,
                    global_oos=args.oos_threshold,
                    chosen_log=chosen_log,
                ),
            )
        )
    for name, candidate in candidates:
        topics = left_out_topics(dev, groups, candidate)
        print(f"the same, with {name}:")
        print(report(*counted(dev, groups, topics)))
        if chosen_log:
            print(
                "  thresholds chosen (common, own) per battery left out: "
                + "; ".join(f"{t:.2f} {own}" for t, own in chosen_log)
            )
        for part, sources in (
            ("pooled", None),
            ("Brussels-style", BRUSSELS_STYLE),
            ("newest three", BRUSSELS_STYLE[-3:]),
            *((battery, (battery,)) for battery in BRUSSELS_STYLE[-3:]),
        ):
            d = paired_bootstrap(dev, groups, baseline, topics, sources=sources)
            print(
                f"  F1 gain over the baseline, {part}: {d.gain:+.4f}, 90 % interval "
                f"[{d.low:+.4f}, {d.high:+.4f}], no gain in {d.no_gain:.0%} of resamples"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
