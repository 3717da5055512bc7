"""How an answer-type design does on a blind round of wordings it was not fitted on.

Each of the four blind rounds of wordings (tests/data/answer_type_wordings.toml, _2 to _4) was
written by a different developer who had not read the rules, so a round the design was not
fitted on is the nearest we have to the team's unseen writer. Two protocols:

- forward chaining: fit on rounds 1..r-1 (both halves), the real labels
  (tests/data/answer_types.toml) and the negatives (answer_type_negatives.toml); measure on
  all of round r, for r = 2, 3, 4; then fit on rounds 1-4 and round 5's dev half (its test
  half is never read here) and measure all of round 6; then add round 6 and measure all of
  round 7;
- leave one round out: fit on the three other rounds, the real labels and the negatives;
  measure on all of the fourth;
- `--protocol writers`, leave one writer out: each of the seventeen rounds (rounds 5, 12, 13,
  14, 15, 16 and 17 by their dev halves) left out in turn, the design fitted on the sixteen
  others, the real labels and the negatives (always in training, and measured in-sample after a
  fit on all seventeen).

Each line gives, per type, how many answers of that type got it; the non-substantive answers
recognised with their right type; and the substantive answers misclassed (the worse error),
counted apart. `--design rules` is the hand-written rules alone (`classify_answer` without
the model): they cannot be unfitted, so their figures today are in-sample on every round
they were tuned on (all but round 4's test half); the historic once-measured test halves are
printed beside them. `--design model` fits the
answer-type model (`benchmarks.answer_model_fit.fit`) on each training set from scratch, and
measures the product's decision (the rules, then the model's second reading); `--design
model-alone` lets that model decide every short answer by itself, to see how it generalises
without the rules.
`--extra FILE` adds a round measured with the design fitted on all four rounds (what the
shipped model is fitted on): that is how a new blind round is measured, once.

    PYTHONPATH=$PWD python benchmarks/answer_type_generalisation.py --design rules
    PYTHONPATH=$PWD python benchmarks/answer_type_generalisation.py --protocol writers \
        --design model --misses
    PYTHONPATH=$PWD python benchmarks/answer_type_generalisation.py --design model \
        [--extra tests/data/answer_type_wordings_5.toml]
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.answer_type_quality import LabelledDocument, load_documents, load_labels
from benchmarks.answer_type_wordings import load_wordings
from pqsearch.analyze import answer_model
from pqsearch.analyze.answers import (
    ANSWER_TYPES,
    BY_REFERENCE,
    SUBSTANTIVE,
    classify_answer,
    model_input,
)
from pqsearch.models import Question

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
ROUNDS = tuple(
    DATA / name
    for name in (
        "answer_type_wordings.toml",
        "answer_type_wordings_2.toml",
        "answer_type_wordings_3.toml",
        "answer_type_wordings_4.toml",
    )
)
NEGATIVES = DATA / "answer_type_negatives.toml"
# Round 5 (ninth session): its dev half was tuned on (s9-answers6) and joins the shipped model's
# training data; its test half is held out for the integrator and is never read here.
ROUND_5 = DATA / "answer_type_wordings_5.toml"
# Round 6 (ninth session, 111 whole pages): measured once held out, then tuned on whole
# (s10-answers7). The forward chain measures it with the design fitted on rounds 1-4 and round
# 5's dev half.
ROUND_6 = DATA / "answer_type_wordings_6.toml"
# Round 7 (tenth session, 112 whole pages): measured once held out, then tuned on whole
# (s11-answers8). The forward chain measures it with the design fitted on everything before it.
ROUND_7 = DATA / "answer_type_wordings_7.toml"
# Round 8 (eleventh session, 116 whole pages): measured once held out, then dev since the twelfth
# session (s12-answers9).
ROUND_8 = DATA / "answer_type_wordings_8.toml"
# Round 9 (twelfth session, 112 whole pages): measured once held out, then dev since the
# thirteenth session (s13-answers10).
ROUND_9 = DATA / "answer_type_wordings_9.toml"
# Round 10 (thirteenth session, 119 whole pages): measured once held out (101/119 with revision
# 12), then dev since the fourteenth session (s14-answers).
ROUND_10 = DATA / "answer_type_wordings_10.toml"
# Round 11 (fourteenth session, 120 whole pages): measured once held out (104/120 with revision
# 13), then dev since the fifteenth session (s15-answers).
ROUND_11 = DATA / "answer_type_wordings_11.toml"
# Round 12 (fifteenth session, 120 whole pages): measured once held out (105/120 with revision
# 14); its dev half is dev since the sixteenth session (s16-answers), its test half held out and
# never loaded past the filter in `writers` (seed 20261512, the split in its header).
ROUND_12 = DATA / "answer_type_wordings_12.toml"
# Round 13 (sixteenth session, 120 whole pages): measured once held out (104/120 with revision
# 15); its dev half is dev since the seventeenth session (s17-answers), its test half held out
# and never loaded past the filter in `writers` (seed 20261613, the split in its header).
ROUND_13 = DATA / "answer_type_wordings_13.toml"
# Round 14 (seventeenth session, 120 whole pages): measured once held out (111/120 with revision
# 16); its dev half is dev since the eighteenth session (s18-answers), its test half held out
# and never loaded past the filter in `writers` (seed 20261714, the split in its header).
ROUND_14 = DATA / "answer_type_wordings_14.toml"
# Round 15 (eighteenth session, 120 whole pages): measured once held out (98/120 with revision
# 17); its dev half is dev since the nineteenth session (s19-answers), its test half held out
# and never loaded past the filter in `writers` (seed 20261815, the split in its header).
ROUND_15 = DATA / "answer_type_wordings_15.toml"
# Round 16 (nineteenth session, 120 whole pages): measured once held out (94/120 with revision
# 18); its dev half is dev since the twentieth session (s20-answers), its test half held out
# and never loaded past the filter in `writers` (seed 20261916, the split in its header).
ROUND_16 = DATA / "answer_type_wordings_16.toml"
# Round 17 (twentieth session, 120 whole pages): measured once held out (93/120 with revision
# 19 as developed, 94/120 after s20-afix); its dev half is dev since the twenty-first session
# (s21-answers), its test half held out and never loaded past the filter in `writers` (seed
# 20262017, the split in its header).
ROUND_17 = DATA / "answer_type_wordings_17.toml"
# Rounds whose test half is held out: only their dev half is a writer here.
HALVED = (ROUND_5, ROUND_12, ROUND_13, ROUND_14, ROUND_15, ROUND_16, ROUND_17)
# The rules' test halves as measured once, when each round was new (BENCHMARKS.md).
HISTORIC_TEST_HALVES = {2: (76, 86), 3: (80, 87), 4: (70, 83)}

Example = tuple[LabelledDocument, Question]
Classifier = Callable[[Question], str]
# A design fits a classifier on labelled examples.
Design = Callable[[Sequence[Example]], Classifier]


@dataclass(frozen=True)
class RoundScore:
    """One measured round: per type (labelled, right), and the two errors apart."""

    name: str
    per_type: dict[str, tuple[int, int]]
    non_substantive: tuple[int, int]
    substantive_misclassed: int
    misses: tuple[tuple[str, str, str], ...]


def real_examples() -> list[Example]:
    """The hand-labelled real documents (those with an answer text matter to a model)."""
    labels = load_labels()
    documents = load_documents(labels, [REPO / "corpus", DATA])
    return [(label, documents[label.key]) for label in labels]


def all_examples() -> list[Example]:
    """Every labelled example the shipped model is fitted on: the real labels, the negatives,
    the seventeen rounds (rounds 5, 12, 13, 14, 15, 16 and 17 by their dev halves)."""
    return [
        *real_examples(),
        *load_wordings(NEGATIVES),
        *(example for _, examples in writers() for example in examples),
    ]


def writers() -> list[tuple[str, list[Example]]]:
    """The seventeen blind rounds, one writer each, as the leave-one-writer-out protocol reads
    them: rounds 5, 12, 13, 14, 15, 16 and 17 by their dev halves alone (their test halves are
    held out and never loaded past this filter)."""
    paths = (
        *ROUNDS,
        ROUND_5,
        ROUND_6,
        ROUND_7,
        ROUND_8,
        ROUND_9,
        ROUND_10,
        ROUND_11,
        ROUND_12,
        ROUND_13,
        ROUND_14,
        ROUND_15,
        ROUND_16,
        ROUND_17,
    )
    found = []
    for n, path in enumerate(paths, 1):
        examples = load_wordings(path)
        if path in HALVED:
            examples = [example for example in examples if example[0].split == "dev"]
        found.append((f"round {n}" + (" (dev half)" if path in HALVED else ""), examples))
    return found


def leave_one_writer_out(design: Design) -> list[RoundScore]:
    """Each of the seventeen writers left out in turn: `design` fitted on the sixteen others, the
    real labels and the negatives (always in training), measured on the one left out; then
    the real labels and the negatives in-sample, with the design fitted on all seventeen."""
    rounds = writers()
    base = [*real_examples(), *load_wordings(NEGATIVES)]
    scores = []
    for n, (name, examples) in enumerate(rounds):
        others = [example for m, (_, other) in enumerate(rounds) if m != n for example in other]
        scores.append(score(f"leave out {name}", examples, design([*base, *others])))
    fitted = design([*base, *(example for _, every in rounds for example in every)])
    negatives = load_wordings(NEGATIVES)
    scores.append(score("in-sample: real labels", base[: -len(negatives)], fitted))
    scores.append(score("in-sample: negatives", negatives, fitted))
    return scores


def score(name: str, examples: Sequence[Example], classify: Classifier) -> RoundScore:
    """Classify every example and count per type, and the two kinds of error."""
    support: Counter[str] = Counter()
    right: Counter[str] = Counter()
    misses = []
    for label, question in examples:
        predicted = classify(question)
        support[label.type] += 1
        if predicted == label.type:
            right[label.type] += 1
        else:
            misses.append((label.key, label.type, predicted))
    non_substantive = [t for t in support if t != SUBSTANTIVE]
    return RoundScore(
        name=name,
        per_type={t: (support[t], right[t]) for t in ANSWER_TYPES if support[t]},
        non_substantive=(
            sum(right[t] for t in non_substantive),
            sum(support[t] for t in non_substantive),
        ),
        substantive_misclassed=support[SUBSTANTIVE] - right[SUBSTANTIVE],
        misses=tuple(misses),
    )


# A model that never reaches its threshold: the rules decide alone.
RULES_ALONE = answer_model.ModelFile(
    types=(SUBSTANTIVE, BY_REFERENCE), bias=(0.0, 0.0), weights={}, threshold=math.inf, digest=""
)


def rules_design(_examples: Sequence[Example]) -> Classifier:
    """The hand-written rules, which nothing here fits, without the model."""
    return lambda question: classify_answer(question, model=RULES_ALONE).type


def model_design(examples: Sequence[Example]) -> Classifier:
    """The answer-type model fitted on `examples` alone."""
    from benchmarks.answer_model_fit import fit, model_classifier

    return model_classifier(fit(examples))


def model_alone_design(examples: Sequence[Example]) -> Classifier:
    """The model fitted on `examples`, deciding every short answer alone (its likeliest type),
    the rules only the longer ones: how the model generalises without the rules, which are
    in-sample on every round but round 4's test half."""
    from benchmarks.answer_model_fit import fit

    model = fit(examples)

    def classify(question: Question) -> str:
        ruled = classify_answer(question, model=model).type
        sentences, signals = model_input(
            (question.answer or "").strip(), question=question.question or ""
        )
        if ruled not in model.types or not answer_model.reads(sentences):
            return ruled
        chances = answer_model.probabilities(model, answer_model.features(sentences, signals))
        return max(model.types, key=chances.__getitem__)

    return classify


DESIGNS: dict[str, Design] = {
    "rules": rules_design,
    "model": model_design,
    "model-alone": model_alone_design,
}


def run(design: Design, extra: Path | None = None) -> list[RoundScore]:
    """Forward chaining, then leave one round out, then `extra` if given; each a fresh fit."""
    rounds = [load_wordings(path) for path in ROUNDS]
    base = [*real_examples(), *load_wordings(NEGATIVES)]
    scores = []
    for r in range(1, len(rounds)):
        training = [*base, *(example for earlier in rounds[:r] for example in earlier)]
        fitted = design(training)
        scores.append(score(f"forward: fit 1-{r}, measure {r + 1}", rounds[r], fitted))
        # The half the rules were measured on once, beside their historic figure.
        held_out = [example for example in rounds[r] if example[0].split == "test"]
        scores.append(score(f"forward: fit 1-{r}, measure {r + 1}'s test half", held_out, fitted))
    later = [
        *(example for every in rounds for example in every),
        *(example for example in load_wordings(ROUND_5) if example[0].split == "dev"),
    ]
    scores.append(
        score(
            "forward: fit 1-4 and 5's dev half, measure 6",
            load_wordings(ROUND_6),
            design([*base, *later]),
        )
    )
    scores.append(
        score(
            "forward: fit 1-4, 5's dev half and 6, measure 7",
            load_wordings(ROUND_7),
            design([*base, *later, *load_wordings(ROUND_6)]),
        )
    )
    for r in range(len(rounds)):
        others = [example for n, other in enumerate(rounds) if n != r for example in other]
        scores.append(score(f"leave out {r + 1}", rounds[r], design([*base, *others])))
    everything = [*base, *(example for every in rounds for example in every)]
    fitted = design(everything)
    scores.append(score("in-sample: real labels", base[: -len(load_wordings(NEGATIVES))], fitted))
    scores.append(score("in-sample: negatives", load_wordings(NEGATIVES), fitted))
    if extra is not None:
        scores.append(score(f"new round {extra.name}, fit 1-4", load_wordings(extra), fitted))
    return scores


def format_scores(scores: Sequence[RoundScore], show_misses: bool = False) -> str:
    lines = []
    for s in scores:
        types = ", ".join(f"{t} {right}/{n}" for t, (n, right) in s.per_type.items())
        right, total = s.non_substantive
        lines.append(
            f"{s.name}: non-substantive {right}/{total}, substantive misclassed "
            f"{s.substantive_misclassed}  ({types})"
        )
        if show_misses:
            lines.extend(f"    {key}: {expected} -> {got}" for key, expected, got in s.misses)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--design", choices=sorted(DESIGNS), default="rules")
    parser.add_argument("--extra", type=Path, help="a new blind round, measured once")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument(
        "--protocol",
        choices=("forward", "writers"),
        default="forward",
        help="forward chaining (rounds 1-7), or leave one writer out (rounds 1-13)",
    )
    args = parser.parse_args(argv)
    if args.protocol == "writers":
        print(format_scores(leave_one_writer_out(DESIGNS[args.design]), args.misses))
        return 0
    if args.design == "rules":
        print(
            "rules, historic test halves measured once: "
            + ", ".join(
                f"round {r} {right}/{total}" for r, (right, total) in HISTORIC_TEST_HALVES.items()
            )
        )
    print(format_scores(run(DESIGNS[args.design], args.extra), args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
