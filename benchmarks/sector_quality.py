"""Precision and recall of sector detection on the hand-labelled French questions.

The labels: tests/data/sectors_labels.toml (the seed and the 50 Brussels questions, all `dev`),
tests/data/sectors_labels_chamber_fr.toml (all 231 answered federal Chamber questions, split
`dev` and `test` by document), tests/data/sectors_labels_chamber_fr_unanswered.toml (its 53
unanswered ones, question text only, split likewise), tests/data/sectors_labels_plenary_fr.toml
(all 155 French plenary oral questions of the federal Chamber, in two batches, split likewise)
and tests/data/sectors_labels_brussels_probe.toml (108 invented Brussels-style written
questions, written and labelled blind as a proxy for held-out Brussels text, split 54 dev / 54
test). tests/data/sectors_labels_brussels_probe2.toml (98 more, ordinary rather than
adversarial, written blind in the ninth session, split 49 / 49) and
tests/data/sectors_labels_brussels_probe3.toml (97 more of the same kind, written blind in the
tenth session, split 49 / 48): their dev halves are dev like the others' (since the eleventh
session), their test halves are held out: see `HELD_OUT`.
tests/data/sectors_labels_brussels_probe4.toml (105 more, written blind in the eleventh
session, split 53 / 52): its dev half is dev since the twelfth session, its test half held out
like probe2's and probe3's. tests/data/sectors_labels_brussels_probe5.toml (106 more, written
blind in the twelfth session, split 53 / 53): its dev half is dev since the thirteenth session,
its test half held out likewise. tests/data/sectors_labels_brussels_probe6.toml (100 more,
written blind in the thirteenth session, split 50 / 50): its dev half is dev since the
fourteenth session, its test half held out likewise.
tests/data/sectors_labels_brussels_probe7.toml (100 more, written blind in the fourteenth
session, split 50 / 50): its dev half is dev since the fifteenth session, its test half held
out likewise. tests/data/sectors_labels_brussels_probe8.toml (100 more, written blind in the
fifteenth session, split 50 / 50): its dev half is dev since the sixteenth session, its test half
held out likewise. tests/data/sectors_labels_brussels_probe9.toml (100 more, written blind in the
sixteenth session, split 50 / 50): its dev half is dev since the seventeenth session, its test
half held out likewise. tests/data/sectors_labels_brussels_probe10.toml (100 more, written blind
in the seventeenth session, split 50 / 50): its dev half is dev since the eighteenth session, its
test half held out likewise. tests/data/sectors_labels_brussels_probe11.toml (100 more, written
blind in the eighteenth session, split 50 / 50): its dev half is dev since the nineteenth
session, its test half held out likewise. tests/data/sectors_labels_brussels_probe12.toml (100
more, written blind in the nineteenth session, split 50 / 50) and
tests/data/sectors_labels_brussels_probe13.toml (100 more, written blind in parallel in the same
session, split 50 / 50): their dev halves are dev since the twentieth session, their test halves
held out likewise. tests/data/sectors_labels_brussels_probe14.toml (100 more, written blind in
the twentieth session, split 50 / 50): its dev half is dev since the twenty-first session, its
test half held out likewise. No part is blind in this version (`BLIND` is empty); a new blind
battery is measured once by the integrator with `--source`.
Questions are read with `pqsearch.parse` from the shipped corpus,
tests/data/be_chamber_qrva_fr_2023, tests/data/be_chamber_plenary_fr and the fourteen
tests/data/brussels_probe* folders, de-duplicated by `Question.id` (a page wins over its record).
Counts are micro-averaged: every (question, sector) pair is one decision; an exact set is a
question whose topic sectors are exactly its labels.

    python benchmarks/sector_quality.py [--split dev|test|all]
        [--source brussels|federal|federal_unanswered|plenary|probe|probe2|...|probe14]
        [--errors] [--calibration] [--fit] [--taxonomy FILE] [--threshold P]

--source keeps the labels of one file (by default every file, less the held-out test halves
of probe2 ... probe14, and the blind parts, none at present). Without it, the figures of the
chosen split are followed by one line per part (brussels, federal answered, federal unanswered,
plenary, probe, probe2 ... probe14), so the parts are reported apart as well as together (the
combined figure leaves the held-out parts out).

--fit prints the logistic coefficients fitted on the dev part, each question once
(pqsearch/analyze/prominence.py keeps them; benchmarks/sector_cv.py fits the same);
--calibration prints precision and recall by probability band on the chosen part.
tests/analyze/test_sectors.py runs `measure` on the test part and fails below its floors.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from pqsearch.analyze.fold import surface_tokens
from pqsearch.analyze.lemmatize import Lemmatizer
from pqsearch.analyze.prominence import COEFFICIENTS, Prominence, model_probability
from pqsearch.analyze.sectors import PARTS, THRESHOLD, SectorDetector, load_taxonomy
from pqsearch.analyze.segments import PartText, read_part
from pqsearch.models import Question
from pqsearch.parse import parse_paths
from pqsearch.query.similar import SAME_QUESTION

REPO = Path(__file__).resolve().parents[1]
# The label files by source: Brussels written questions, federal written questions (answered,
# and unanswered: question text only), federal plenary oral questions, and the Brussels probe
# (invented Brussels-style written questions: our only Brussels text in a test part).
SOURCES = {
    "brussels": REPO / "tests" / "data" / "sectors_labels.toml",
    "federal": REPO / "tests" / "data" / "sectors_labels_chamber_fr.toml",
    "federal_unanswered": REPO / "tests" / "data" / "sectors_labels_chamber_fr_unanswered.toml",
    "plenary": REPO / "tests" / "data" / "sectors_labels_plenary_fr.toml",
    "probe": REPO / "tests" / "data" / "sectors_labels_brussels_probe.toml",
    "probe2": REPO / "tests" / "data" / "sectors_labels_brussels_probe2.toml",
    "probe3": REPO / "tests" / "data" / "sectors_labels_brussels_probe3.toml",
    "probe4": REPO / "tests" / "data" / "sectors_labels_brussels_probe4.toml",
    "probe5": REPO / "tests" / "data" / "sectors_labels_brussels_probe5.toml",
    "probe6": REPO / "tests" / "data" / "sectors_labels_brussels_probe6.toml",
    "probe7": REPO / "tests" / "data" / "sectors_labels_brussels_probe7.toml",
    "probe8": REPO / "tests" / "data" / "sectors_labels_brussels_probe8.toml",
    "probe9": REPO / "tests" / "data" / "sectors_labels_brussels_probe9.toml",
    "probe10": REPO / "tests" / "data" / "sectors_labels_brussels_probe10.toml",
    "probe11": REPO / "tests" / "data" / "sectors_labels_brussels_probe11.toml",
    "probe12": REPO / "tests" / "data" / "sectors_labels_brussels_probe12.toml",
    "probe13": REPO / "tests" / "data" / "sectors_labels_brussels_probe13.toml",
    "probe14": REPO / "tests" / "data" / "sectors_labels_brussels_probe14.toml",
}
# Parts whose test halves are measured once by the integrator at the end of a session (probe2,
# probe3 and probe4: each written blind while the detector changed): reported on their own line
# and with --source, but never among the default test labels, so that the combined test figure
# and the test floors of tests/analyze/test_sectors.py do not take them in. Their dev halves
# are dev (sector_cv.py's folds, --fit): the realistic Brussels questions nearest to the team's
# held-out ones (probe2's and probe3's since the eleventh session, probe4's since the twelfth,
# probe5's since the thirteenth, probe6's since the fourteenth, probe7's since the fifteenth,
# probe8's since the sixteenth, probe9's since the seventeenth, probe10's since the
# eighteenth, probe11's since the nineteenth, probe12's and probe13's since the twentieth,
# probe14's since the twenty-first).
HELD_OUT = frozenset(
    {
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
    }
)
# Parts held out whole (a battery written blind while the detector changed): neither half is
# dev until the integrator decides that it joins. None at present: probe4 was one until the
# twelfth session, probe5 until the thirteenth, probe6 until the fourteenth, probe7 until the
# fifteenth, probe8 until the sixteenth, probe9 until the seventeenth, probe10 until the
# eighteenth, probe11 until the nineteenth, probe12 and probe13 until the twentieth, probe14
# until the twenty-first.
BLIND: frozenset[str] = frozenset()


def in_part(label: Label, source: str | None) -> bool:
    """Whether `label` counts for `source`: its own part, or (None) any label but the
    held-out parts' test halves and the blind parts."""
    if source:
        return label.source == source
    return label.source not in BLIND and (label.source not in HELD_OUT or label.split == DEV)


# The labelled questions: the seed and the Brussels pages and records of the shipped corpus,
# the federal Chamber records copied into tests/data, the probe's invented records.
FOLDERS = (
    REPO / "corpus" / "seed",
    REPO / "corpus" / "brussels",
    REPO / "tests" / "data" / "be_chamber_qrva_fr_2023",
    REPO / "tests" / "data" / "be_chamber_plenary_fr",
    REPO / "tests" / "data" / "brussels_probe",
    REPO / "tests" / "data" / "brussels_probe2",
    REPO / "tests" / "data" / "brussels_probe3",
    REPO / "tests" / "data" / "brussels_probe4",
    REPO / "tests" / "data" / "brussels_probe5",
    REPO / "tests" / "data" / "brussels_probe6",
    REPO / "tests" / "data" / "brussels_probe7",
    REPO / "tests" / "data" / "brussels_probe8",
    REPO / "tests" / "data" / "brussels_probe9",
    REPO / "tests" / "data" / "brussels_probe10",
    REPO / "tests" / "data" / "brussels_probe11",
    REPO / "tests" / "data" / "brussels_probe12",
    REPO / "tests" / "data" / "brussels_probe13",
    REPO / "tests" / "data" / "brussels_probe14",
)
DEV, TEST = "dev", "test"
# When a question comes from several files, the page is the source of truth.
_FORMAT_RANK = {"html": 0, "text": 1, "jsonl": 2}
BANDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


@dataclass(frozen=True)
class Label:
    """The sectors a question talks about, by hand, with the reason, its part and the name of
    its label file in `SOURCES`."""

    id: str
    sectors: frozenset[str]
    why: str
    split: str = DEV
    source: str = ""


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
    """Micro-averaged precision and recall of the topic tier, per-sector scores, exact sets,
    the mention tier's recall, and the disagreements."""

    threshold: float
    questions: int
    sectors: tuple[SectorScore, ...]
    exact: int
    mentioned_recall: float
    # (question id, sector, "missed" or "extra", probability of the sector in that question)
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


@dataclass(frozen=True)
class Reading:
    """What the detector found in one question: the probability of each sector with
    evidence outside names, its prominence, and every sector mentioned."""

    probabilities: dict[str, float]
    prominences: dict[str, Prominence]
    mentioned: frozenset[str]


def load_labels(paths: Iterable[Path] = SOURCES.values()) -> dict[str, Label]:
    """The hand labels of every file (of `paths`), by question id, test halves held out
    included (`in_part` tells them)."""
    labels: dict[str, Label] = {}
    names = {path: name for name, path in SOURCES.items()}
    for path in paths:
        with path.open("rb") as handle:
            for doc in tomllib.load(handle)["document"]:
                label = Label(
                    str(doc["id"]),
                    frozenset(doc["sectors"]),
                    str(doc["why"]),
                    doc.get("split", DEV),
                    names.get(path, path.stem),
                )
                if label.id in labels:
                    raise ValueError(f"{label.id} is labelled twice ({path})")
                labels[label.id] = label
    return labels


def corpus_questions(folders: Iterable[Path] = FOLDERS) -> list[Question]:
    """The distinct French questions of the folders, one per id, page first."""
    batch = parse_paths(list(folders))
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


def same_question(questions: Iterable[Question]) -> dict[str, str]:
    """Each question's id -> the first id (sorted) of the question it is a copy of: the same
    question sent to several ministers or about several bodies (the nine "independent experts"
    questions, the five Brussels "neutrality" ones), which cross-validation keeps in one fold
    and counts once. Copies as `pqsearch similar` tells them (`similar.SAME_QUESTION`): the
    smaller of the two title-and-question word sets is mostly in the other."""
    firsts: list[tuple[str, set[str]]] = []
    groups = {}
    for question in sorted(questions, key=lambda q: q.id):
        words = set(surface_tokens(f"{question.title}\n{question.question or ''}"))
        for first, seen in firsts:
            if len(words & seen) / (min(len(words), len(seen)) or 1) >= SAME_QUESTION:
                groups[question.id] = first
                break
        else:
            firsts.append((question.id, words))
            groups[question.id] = question.id
    return groups


def read_questions(
    questions: Sequence[Question], lemmatizer: Lemmatizer
) -> dict[str, dict[str, PartText]]:
    """Each question's parts as sector detection reads them at ingest."""
    texts = [getattr(q, part) or "" for q in questions for part in PARTS]
    analyses = iter(lemmatizer.analyze(texts))
    return {
        q.id: {part: read_part(getattr(q, part) or "", next(analyses)) for part in PARTS}
        for q in questions
    }


def readings(
    documents: Mapping[str, Mapping[str, PartText]], detector: SectorDetector
) -> dict[str, Reading]:
    result = {}
    for doc_id, parts in documents.items():
        mentions = detector.score(parts)
        result[doc_id] = Reading(
            probabilities={m.sector: m.score for m in mentions if m.score > 0},
            prominences=detector.prominence(parts),
            mentioned=frozenset(m.sector for m in mentions),
        )
    return result


def evaluate(
    labels: Mapping[str, Label],
    found: Mapping[str, Reading],
    threshold: float = THRESHOLD,
    split: str | None = None,
) -> Quality:
    """Compare the sectors whose probability reaches `threshold` with the labels of `split`
    (all labels when None).

    Raises ValueError if a labelled question is missing from `found`: a renamed id would
    otherwise silently shrink the measurement.
    """
    missing = sorted(set(labels) - set(found))
    if missing:
        raise ValueError(f"labelled but not found: {missing}")
    support: dict[str, int] = {}
    predicted: dict[str, int] = {}
    correct: dict[str, int] = {}
    errors: list[tuple[str, str, str, float]] = []
    exact = mentioned = labelled = questions = 0
    for question_id, label in sorted(labels.items()):
        if split is not None and label.split != split:
            continue
        questions += 1
        reading = found[question_id]
        topics = {s for s, p in reading.probabilities.items() if p >= threshold}
        exact += topics == label.sectors
        labelled += len(label.sectors)
        mentioned += len(label.sectors & reading.mentioned)
        for sector in label.sectors:
            support[sector] = support.get(sector, 0) + 1
        for sector in topics:
            predicted[sector] = predicted.get(sector, 0) + 1
        for sector in topics & label.sectors:
            correct[sector] = correct.get(sector, 0) + 1
        probability = reading.probabilities
        errors += [
            (question_id, s, "missed", probability.get(s, 0.0)) for s in label.sectors - topics
        ]
        errors += [(question_id, s, "extra", probability[s]) for s in topics - label.sectors]
    sectors = tuple(
        SectorScore(s, support.get(s, 0), predicted.get(s, 0), correct.get(s, 0))
        for s in sorted(set(support) | set(predicted))
    )
    return Quality(
        threshold,
        questions,
        sectors,
        exact,
        mentioned / labelled if labelled else 0.0,
        tuple(sorted(errors)),
    )


def measure(
    *,
    split: str | None = TEST,
    source: str | None = None,
    taxonomy: Path | None = None,
    lemmatizer: Lemmatizer | None = None,
    detector: SectorDetector | None = None,
    threshold: float = THRESHOLD,
) -> Quality:
    """Detect sectors in the labelled questions of `split` (of one label file of `SOURCES`
    when `source` is given) and score them against the labels.

    `detector` (built with `lemmatizer`) saves compiling the taxonomy again; when given,
    `taxonomy` is not read.
    """
    lemmatizer = lemmatizer or Lemmatizer()
    if detector is None:
        detector = SectorDetector(load_taxonomy(taxonomy), lemmatizer.lemmatize_terms)
    labels = load_labels(SOURCES.values())
    wanted = {
        i
        for i, label in labels.items()
        if (split is None or label.split == split) and in_part(label, source)
    }
    questions = [q for q in corpus_questions() if q.id in wanted]
    found = readings(read_questions(questions, lemmatizer), detector)
    return evaluate({i: labels[i] for i in wanted}, found, threshold, split)


def examples(
    labels: Mapping[str, Label],
    found: Mapping[str, Reading],
    split: str,
    groups: Mapping[str, str] | None = None,
) -> tuple[list[tuple[tuple[float, ...], bool]], list[float]]:
    """(features, is a topic) for every sector with evidence outside names in `split`, and
    the weight of each: 1 / the copies of its question (`same_question`) when `groups` is
    given."""
    docs = [doc_id for doc_id, label in labels.items() if label.split == split]
    group = {doc_id: (groups or {}).get(doc_id, doc_id) for doc_id in docs}
    copies = Counter(group.values())
    data, weights = [], []
    for doc_id in docs:
        for sector, prominence in found[doc_id].prominences.items():
            data.append((prominence.features(), sector in labels[doc_id].sectors))
            weights.append(1.0 / copies[group[doc_id]])
    return data, weights


def fit(
    data: Sequence[tuple[tuple[float, ...], bool]],
    *,
    l2: float = 0.5,
    sample: Sequence[float] | None = None,
) -> tuple[float, ...]:
    """Logistic regression by Newton's method, with an L2 penalty (not on the intercept);
    `sample` weighs each example (1 by default)."""
    import numpy as np

    x = np.array([features for features, _ in data], dtype=float)
    y = np.array([1.0 if positive else 0.0 for _, positive in data])
    s = np.ones(len(data)) if sample is None else np.array(sample, dtype=float)
    weights = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * l2
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ weights))
        gradient = x.T @ (s * (p - y)) + penalty @ weights
        hessian = (x.T * (s * p * (1 - p))) @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return tuple(round(float(w), 2) for w in weights)


def calibration(
    labels: Mapping[str, Label], found: Mapping[str, Reading], split: str | None
) -> list[tuple[float, float, int, int]]:
    """(band low, band high, sectors in the band, of which labelled topics)."""
    rows = []
    for low, high in pairwise(BANDS):
        total = positive = 0
        for doc_id, label in labels.items():
            if split is not None and label.split != split:
                continue
            for sector, probability in found[doc_id].probabilities.items():
                if low <= probability < high:
                    total += 1
                    positive += sector in label.sectors
        rows.append((low, min(high, 1.0), total, positive))
    return rows


def by_source(
    labels: Mapping[str, Label],
    found: Mapping[str, Reading],
    threshold: float = THRESHOLD,
    split: str | None = None,
) -> list[tuple[str, Quality]]:
    """The quality of each part (label file of `SOURCES`) that has questions in `split`; not
    the blind parts, which only `--source` names (their dev half showed in every dev report)."""
    parts = []
    for source in SOURCES:
        if source in BLIND:
            continue
        kept = {i: label for i, label in labels.items() if label.source == source}
        quality = evaluate(kept, found, threshold, split)
        if quality.questions:
            parts.append((source, quality))
    return parts


def summary(name: str, quality: Quality) -> str:
    """One line: a part's question count, micro precision and recall, exact sets."""
    return (
        f"  {name:<19}{quality.questions:>4} questions  precision {quality.precision:.3f}  "
        f"recall {quality.recall:.3f}  F1 {quality.f1:.3f}  "
        f"exact sets {quality.exact}/{quality.questions}"
    )


def _percent(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.0%}"


def report(quality: Quality, *, errors: bool) -> str:
    lines = [f"{'sector':<8}{'labelled':>9}{'detected':>9}{'correct':>8}{'P':>6}{'R':>6}"]
    for s in quality.sectors:
        lines.append(
            f"{s.sector:<8}{s.support:>9}{s.predicted:>9}{s.correct:>8}"
            f"{_percent(s.precision):>6}{_percent(s.recall):>6}"
        )
    lines.append(
        f"topic tier (micro, {quality.questions} questions, threshold {quality.threshold:g}): "
        f"precision {quality.precision:.3f}  recall {quality.recall:.3f}  F1 {quality.f1:.3f}  "
        f"exact sets {quality.exact}/{quality.questions}"
    )
    lines.append(f"mention tier: recall {quality.mentioned_recall:.3f}")
    if errors:
        lines += [
            f"  {qid:<42} {sector} {kind:<6} p={p:.2f}" for qid, sector, kind, p in quality.errors
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=(DEV, TEST, "all"), default=DEV)
    parser.add_argument("--source", choices=tuple(SOURCES), default=None, help="one label file")
    parser.add_argument("--taxonomy", type=Path, default=None, help="default: packaged NACE")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--calibration", action="store_true", help="P by probability band")
    parser.add_argument("--fit", action="store_true", help="fit the coefficients on dev")
    args = parser.parse_args(argv)
    split = None if args.split == "all" else args.split

    lemmatizer = Lemmatizer()
    detector = SectorDetector(load_taxonomy(args.taxonomy), lemmatizer.lemmatize_terms)
    every = load_labels(SOURCES.values())
    questions = [q for q in corpus_questions() if q.id in every]
    documents = read_questions(questions, lemmatizer)
    found = readings(documents, detector)
    labels = {i: label for i, label in every.items() if in_part(label, args.source)}
    if args.fit:
        # Fitted on all of dev (the held-out parts' dev halves included), whatever --source
        # says: the model in use is fitted so.
        fitted = {i: label for i, label in every.items() if in_part(label, None)}
        dev_questions = [q for q in questions if q.id in fitted and fitted[q.id].split == DEV]
        data, weights = examples(fitted, found, DEV, same_question(dev_questions))
        coefficients = fit(data, sample=weights)
        print(f"fitted on dev: {coefficients} (in use: {COEFFICIENTS})")
        # Uncalibrated (the calibration in use belongs to the model in use): pass --threshold
        # on the model's scale (sector_cv.py --calibration fits the steps for a new model).
        for reading in found.values():
            reading.probabilities.clear()
            reading.probabilities.update(
                {s: model_probability(p, coefficients) for s, p in reading.prominences.items()}
            )
    print(report(evaluate(labels, found, args.threshold, split), errors=args.errors))
    if args.source is None:
        print("by part:")
        for name, quality in by_source(every, found, args.threshold, split):
            print(summary(name, quality))
    if args.calibration:
        print("probability band: sectors, labelled topics, share")
        for low, high, total, positive in calibration(labels, found, split):
            share = f"{positive / total:.2f}" if total else "-"
            print(f"  [{low:.1f}, {high:.1f}): {total:>4} {positive:>4}  {share}")
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
            quality = evaluate(labels, found, threshold, split)
            print(
                f"  threshold {threshold}: precision {quality.precision:.3f}  "
                f"recall {quality.recall:.3f}  exact {quality.exact}/{quality.questions}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
