"""Leave one battery out: the topic model fitted on every labelled battery but one, measured on
the one left out.

Five-fold cross-validation by question (`sector_cv.py`) mixes every battery in every fold, so a
model is always fitted on questions by the writer of the held-out ones: four sessions of rules
and refits gained on it and not on the next blind battery. Here the groups are the dev parts of
the label files (Brussels 51, federal answered, federal unanswered, plenary, probe, probe2 ...
probe5: each written by another hand or taken from another parliament); for each, the model is
fitted and its threshold chosen (in-sample F-beta, as `sector_cv.train`) on all the others, then
the one left out is scored. A question with copies in two groups leaves the fit with the one
left out. Reported per group left out, pooled, and the ordinary Brussels-style probes pooled
(`BRUSSELS_STYLE`: the register nearest to the team's held-out questions), with per-sector
counts of the pooled figure; copies weigh 1 / their number.

    PYTHONPATH=$PWD python benchmarks/sector_lobo.py [--beta 0.8] [--l2 0.5] [--subject]

--subject measures, after the shipped model's form, the topic model with a learned subject
score as an eighth feature (`sector_subject.py`), the subject model refitted inside every fit.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

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
from benchmarks.sector_subject import subject_model
from pqsearch.analyze.lemmatize import Lemmatizer
from pqsearch.analyze.prominence import Prominence
from pqsearch.analyze.sectors import SectorDetector, load_taxonomy

# The ordinary Brussels-style questions written blind, one battery a session (the first probe,
# written to catch the detector out, is reported on its own).
BRUSSELS_STYLE = ("probe2", "probe3", "probe4", "probe5")

# Given the documents to fit on and those left out: the topics of each left-out document.
Decide = Callable[[Sequence[str], Sequence[str]], Mapping[str, frozenset[str]]]


def leave_one_battery_out(
    labels: Mapping[str, Label], groups: Mapping[str, str], decide: Decide
) -> tuple[dict[str, Counts], dict[str, Counts]]:
    """The counts of each battery left out (by label file), and of each sector over all of
    them; `groups` maps a document to its question (`sector_quality.same_question`)."""
    copies = Counter(groups.get(d, d) for d in labels)
    by_battery: dict[str, Counts] = {}
    by_sector: dict[str, Counts] = {}
    for battery in sorted({label.source for label in labels.values()}):
        held = sorted(d for d, label in labels.items() if label.source == battery)
        questions = {groups.get(d, d) for d in held}
        kept = sorted(
            d
            for d, label in labels.items()
            if label.source != battery and groups.get(d, d) not in questions
        )
        topics = decide(kept, held)
        total = Counts()
        for doc in held:
            weight = 1.0 / copies[groups.get(doc, doc)]
            gold, found = labels[doc].sectors, topics[doc]
            total += Counts(len(found & gold), len(found - gold), len(gold - found)) * weight
            for sector in gold | found:
                one = Counts(
                    float(sector in gold and sector in found),
                    float(sector in found and sector not in gold),
                    float(sector in gold and sector not in found),
                )
                by_sector[sector] = by_sector.get(sector, Counts()) + one * weight
        by_battery[battery] = total
    return by_battery, by_sector


def prominence_model(
    labels: Mapping[str, Label],
    found: Mapping[str, Reading],
    copies: Mapping[str, int],
    *,
    l2: float,
    beta: float,
) -> Decide:
    """The shipped model's form: the seven prominence features, refitted on the kept groups."""

    def features(sector: str, prominence: Prominence) -> tuple[float, ...]:
        return prominence.features()

    def decide(kept: Sequence[str], held: Sequence[str]) -> dict[str, frozenset[str]]:
        weights, threshold = train(kept, labels, found, features, l2, beta, copies)
        return {
            doc: frozenset(
                s
                for s, p in found[doc].prominences.items()
                if probability(weights, features(s, p)) >= threshold
            )
            for doc in held
        }

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
    print(f"left one battery out ({len(dev)} dev documents), prominence model:")
    print(report(*leave_one_battery_out(dev, groups, decide)))
    if args.subject:
        decide = subject_model(dev, found, documents, groups, copies_of, l2=args.l2, beta=args.beta)
        print("the same, with the subject model's probability as an eighth feature:")
        print(report(*leave_one_battery_out(dev, groups, decide)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
