"""benchmarks/label_agreement.py: the figures two labellers' files give, on small real files."""

from pathlib import Path

import pytest

from benchmarks.label_agreement import (
    SectorAgreement,
    bootstrap,
    cohen_kappa,
    micro,
    per_sector,
    read_labels,
)

FIRST = """
[[document]]
id = "a"
sectors = ["H", "O"]
why = "two subjects"

[[document]]
id = "b"
sectors = ["N"]

[[document]]
id = "c"
sectors = []

[[document]]
id = "only-first"
sectors = ["Q"]
"""

SECOND = """
[[document]]
id = "a"
sectors = ["H"]

[[document]]
id = "b"
sectors = ["N", "P"]

[[document]]
id = "c"
sectors = []
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_kappa_of_a_textbook_table() -> None:
    # 50 items: 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no; observed 0.7, chance 0.5.
    assert cohen_kappa(20, 25, 30, 50) == pytest.approx(0.4)
    assert cohen_kappa(10, 10, 10, 10) == 1.0


def test_per_sector_counts_only_shared_documents(tmp_path: Path) -> None:
    first = read_labels(write(tmp_path, "first.toml", FIRST))
    second = read_labels(write(tmp_path, "second.toml", SECOND))
    rows = {row.sector: row for row in per_sector(first, second)}
    assert sorted(rows) == ["H", "N", "O", "P"]  # Q is only in a document of one file
    assert rows["H"] == SectorAgreement("H", 1, 1, 1, 3)
    assert rows["O"].recall == 0.0 and rows["O"].precision is None
    assert rows["P"].precision == 0.0 and rows["P"].recall is None
    assert rows["N"].kappa is None  # fewer than three labels: no kappa


def test_a_missing_file_says_what_to_give(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="Give the path of a label file"):
        read_labels(tmp_path / "absent.toml")


def test_micro_figures_and_a_resampled_interval(tmp_path: Path) -> None:
    first = read_labels(write(tmp_path, "first.toml", FIRST))
    second = read_labels(write(tmp_path, "second.toml", SECOND))
    shared = ["a", "b", "c"]
    # agreed H and N; first gives 3 labels on these, second 3: P = R = F1 = 2/3.
    assert micro(first, second, shared) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert micro(first, second, ["c", "c"]) == (1.0, 1.0, 1.0)  # both empty: agreement
    same = bootstrap(first, first, shared, 200)
    assert same == [(1.0, 1.0)] * 3
    # Precision is (a + b) / (a + 2b) for a resample holding a copies of "a" and b of "b".
    low, high = bootstrap(first, second, shared, 200)[0]
    assert low < 2 / 3 < high
