"""The leave-one-battery-out protocol of benchmarks/sector_lobo.py: a battery is never fitted on
when it is measured, nor are the copies of its questions, and the counts are the left-out
batteries' own."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from benchmarks.sector_lobo import (
    counted,
    leave_one_battery_out,
    left_out_topics,
    paired_bootstrap,
    report,
)
from benchmarks.sector_quality import DEV, Label
from benchmarks.sector_thresholds import chosen, out_of_sample_thresholds


def _label(doc: str, sectors: str, source: str) -> Label:
    return Label(doc, frozenset(sectors), "why", DEV, source)


LABELS = {
    "b1": _label("b1", "O", "brussels"),
    "b2": _label("b2", "H", "brussels"),
    "f1": _label("f1", "O", "federal"),
    "f2": _label("f2", "F", "federal"),
    "p1": _label("p1", "OL", "probe5"),
}
# f1 is a copy of b1 (the same question sent to another assembly).
GROUPS = {"b1": "b1", "b2": "b2", "f1": "b1", "f2": "f2", "p1": "p1"}


def test_each_battery_is_measured_by_a_model_fitted_without_it_or_its_copies() -> None:
    fitted_on: dict[str, list[str]] = {}

    def decide(kept: Sequence[str], held: Sequence[str]) -> dict[str, frozenset[str]]:
        fitted_on[LABELS[held[0]].source] = list(kept)
        # Says "O" of every document: right on b1, f1 and p1, wrong on b2 and f2.
        return {doc: frozenset("O") for doc in held}

    by_battery, by_sector = leave_one_battery_out(LABELS, GROUPS, decide)
    assert fitted_on == {
        "brussels": ["f2", "p1"],
        "federal": ["b2", "p1"],
        "probe5": ["b1", "b2", "f1", "f2"],
    }
    # The copies b1 and f1 weigh a half each.
    assert (by_battery["brussels"].tp, by_battery["brussels"].fp) == (0.5, 1.0)
    assert (by_battery["probe5"].tp, by_battery["probe5"].fn) == (1.0, 1.0)
    assert (by_sector["O"].tp, by_sector["O"].fp) == (2.0, 2.0)
    assert by_sector["L"].fn == 1.0
    text = report(by_battery, by_sector)
    assert "probe5" in text and "Brussels-style" in text and "O 2/4/2" in text


def test_the_paired_bootstrap_compares_two_deciders_on_the_same_questions() -> None:
    baseline = {doc: frozenset("O") for doc in LABELS}
    # Right on every document: F1 rises from 4 / 9 (2 right, 2 wrong, 3 missed; the copies b1
    # and f1 weigh a half each) to 1.
    perfect = {doc: label.sectors for doc, label in LABELS.items()}
    gain = paired_bootstrap(LABELS, GROUPS, baseline, perfect, resamples=200)
    assert gain.gain == pytest.approx(1.0 - 4.0 / 9.0)
    assert 0 <= gain.low <= gain.gain <= gain.high <= 1.0
    # Only a resample of b1's question alone (where "O" is right) shows no gain.
    assert gain.no_gain < 0.05
    # The same decisions gain nothing in any resample.
    same = paired_bootstrap(LABELS, GROUPS, baseline, baseline, resamples=200)
    assert (same.gain, same.low, same.high, same.no_gain) == (0.0, 0.0, 0.0, 1.0)
    # On one battery alone: the Brussels questions (b1 weighs a half: 0.5 right, 1 wrong, 1
    # missed).
    brussels = paired_bootstrap(
        LABELS, GROUPS, baseline, perfect, sources=("brussels",), resamples=200
    )
    assert brussels.gain == pytest.approx(1.0 - 1.0 / 3.0)


def test_the_counts_of_left_out_topics_are_those_of_leave_one_battery_out() -> None:
    def decide(kept: Sequence[str], held: Sequence[str]) -> dict[str, frozenset[str]]:
        return {doc: frozenset("O") for doc in held}

    topics = left_out_topics(LABELS, GROUPS, decide)
    assert topics == {doc: frozenset("O") for doc in LABELS}
    assert counted(LABELS, GROUPS, topics) == leave_one_battery_out(LABELS, GROUPS, decide)


def test_a_sector_s_own_threshold_is_chosen_on_the_out_of_sample_scores() -> None:
    # O is a topic of b1, f1 and p1 but the out-of-sample scores put it at 0.3: the common
    # threshold (0.5) misses it, O's own threshold takes it, H keeps the common one.
    scores = {
        "b1": {"O": 0.3},
        "b2": {"H": 0.9, "O": 0.1},
        "f1": {"O": 0.3},
        "f2": {"F": 0.8},
        "p1": {"O": 0.3, "L": 0.6},
    }
    kept = sorted(LABELS)
    copies = {"b1": 2, "f1": 2}
    common, own = out_of_sample_thresholds(
        kept, LABELS, scores, copies, 0.5, ["O"], beta=1.0, global_oos=False
    )
    assert common == 0.5 and 0.2 <= own["O"] <= 0.3
    assert chosen(scores["p1"], common, own) == {"O", "L"}
    assert chosen(scores["b2"], common, own) == {"H"}
    # Chosen out of sample, the common threshold takes O too, and no sector needs its own.
    common, own = out_of_sample_thresholds(
        kept, LABELS, scores, copies, 0.5, [], beta=1.0, global_oos=True
    )
    assert common <= 0.3 and own == {}
