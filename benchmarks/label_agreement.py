"""How far two labellers agree on the sector labels of the same questions (issue 15).

Reads two label files in the format of tests/data/sectors_labels*.toml (`[[document]]` tables
with `id` and `sectors`), FIRST the reference and SECOND the other labeller, and prints:

- per sector: the labels each gives, the labels both give, the precision and recall of SECOND
  against FIRST, and Cohen's kappa over the documents where both give the sector >= 3 times;
- micro precision and recall of SECOND against FIRST over (document, sector) pairs, and the
  reverse (FIRST against SECOND: the two figures swap), the F1 and a pooled kappa;
- exact-set agreement: the share of documents given the same set of sectors, empty included;
- with --bootstrap N, a 95 % interval of the micro precision, recall and F1 from N resamples of
  the documents (seeded: the same files give the same interval);
- with --list, every document where the two sets differ, with both `why` lines.

Only documents in both files are compared; the ids in one file only are counted and named.

    python benchmarks/label_agreement.py tests/data/sectors_labels_brussels_probe12.toml \
        benchmarks/data/sectors_labels_probe12_second.toml [--list] [--bootstrap 2000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

# Cohen's kappa on a sector that one labeller gives once or twice says nothing stable.
MIN_FOR_KAPPA = 3


@dataclass(frozen=True)
class Label:
    """One document's sectors and the labeller's justification."""

    sectors: frozenset[str]
    why: str


@dataclass(frozen=True)
class SectorAgreement:
    """The two labellers' counts on one sector over the shared documents."""

    sector: str
    first: int
    second: int
    both: int
    documents: int

    @property
    def precision(self) -> float | None:
        return self.both / self.second if self.second else None

    @property
    def recall(self) -> float | None:
        return self.both / self.first if self.first else None

    @property
    def kappa(self) -> float | None:
        if min(self.first, self.second) < MIN_FOR_KAPPA:
            return None
        return cohen_kappa(self.both, self.first, self.second, self.documents)


def cohen_kappa(both: int, first: int, second: int, total: int) -> float:
    """Cohen's kappa of two yes/no labellings of `total` items.

    `both` items are yes for both, `first` and `second` are each labeller's yes counts.
    """
    neither = total - first - second + both
    observed = (both + neither) / total
    p_first, p_second = first / total, second / total
    expected = p_first * p_second + (1 - p_first) * (1 - p_second)
    if expected == 1:
        return 1.0
    return (observed - expected) / (1 - expected)


def read_labels(path: Path) -> dict[str, Label]:
    """The labels of a file, by document id."""
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except OSError as error:
        sys.exit(f"Cannot read {path}: {error.strerror}. Give the path of a label file.")
    except tomllib.TOMLDecodeError as error:
        sys.exit(f"{path} is not valid TOML ({error}). Fix the file and run again.")
    labels: dict[str, Label] = {}
    for document in data.get("document", []):
        labels[str(document["id"])] = Label(
            frozenset(document.get("sectors", [])), str(document.get("why", ""))
        )
    if not labels:
        sys.exit(f"{path} has no [[document]] table with an id. Is it a sector label file?")
    return labels


def per_sector(first: dict[str, Label], second: dict[str, Label]) -> list[SectorAgreement]:
    """Agreement on each sector either labeller gives, over the documents of both files."""
    shared = sorted(first.keys() & second.keys())
    sectors = sorted(set().union(*(first[i].sectors | second[i].sectors for i in shared)))
    rows = []
    for sector in sectors:
        in_first = {i for i in shared if sector in first[i].sectors}
        in_second = {i for i in shared if sector in second[i].sectors}
        rows.append(
            SectorAgreement(
                sector, len(in_first), len(in_second), len(in_first & in_second), len(shared)
            )
        )
    return rows


def micro(first: dict[str, Label], second: dict[str, Label], ids: list[str]) -> tuple[float, ...]:
    """Micro precision, recall and F1 of `second` against `first` over the documents `ids`.

    A document may be counted more than once (a bootstrap resample). With no label on one
    side, the ratio is 1.0 when the other side has none either, else 0.0.
    """
    both = sum(len(first[i].sectors & second[i].sectors) for i in ids)
    in_first = sum(len(first[i].sectors) for i in ids)
    in_second = sum(len(second[i].sectors) for i in ids)
    total = in_first + in_second
    return (
        both / in_second if in_second else float(in_first == 0),
        both / in_first if in_first else float(in_second == 0),
        2 * both / total if total else 1.0,
    )


def bootstrap(
    first: dict[str, Label], second: dict[str, Label], shared: list[str], resamples: int
) -> list[tuple[float, float]]:
    """The 2.5th and 97.5th percentiles of micro precision, recall and F1 over resamples."""
    draw = random.Random(20261205)
    runs = [micro(first, second, draw.choices(shared, k=len(shared))) for _ in range(resamples)]
    low, high = int(0.025 * (resamples - 1)), int(0.975 * (resamples - 1))
    intervals = []
    for figure in range(3):
        values = sorted(run[figure] for run in runs)
        intervals.append((values[low], values[high]))
    return intervals


def ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def report(first_path: Path, second_path: Path, *, listing: bool, resamples: int = 0) -> None:
    first, second = read_labels(first_path), read_labels(second_path)
    shared = sorted(first.keys() & second.keys())
    for name, only in (
        (first_path.name, first.keys() - second.keys()),
        (second_path.name, second.keys() - first.keys()),
    ):
        if only:
            print(f"{len(only)} ids only in {name}, not compared: {', '.join(sorted(only))}")
    if not shared:
        sys.exit("The two files share no document id: nothing to compare.")

    rows = per_sector(first, second)
    print(f"first = {first_path}\nsecond = {second_path}\ndocuments compared: {len(shared)}\n")
    print("sector  first  second  agreed  P(2nd|1st)  R(2nd|1st)  kappa")
    for row in rows:
        print(
            f"{row.sector:<6}  {row.first:>5}  {row.second:>6}  {row.both:>6}  "
            f"{ratio(row.precision):>10}  {ratio(row.recall):>10}  {ratio(row.kappa):>5}"
        )

    both = sum(row.both for row in rows)
    in_first = sum(row.first for row in rows)
    in_second = sum(row.second for row in rows)
    precision, recall = both / in_second, both / in_first
    pairs = len(shared) * len(rows)
    pooled = cohen_kappa(both, in_first, in_second, pairs)
    exact = sum(first[i].sectors == second[i].sectors for i in shared)
    print(
        f"\nlabels: first {in_first}, second {in_second}, agreed {both}\n"
        f"second against first: precision {precision:.3f}, recall {recall:.3f}, "
        f"F1 {2 * both / (in_first + in_second):.3f}\n"
        f"first against second: precision {recall:.3f}, recall {precision:.3f}\n"
        f"pooled kappa over (document, sector) pairs of the {len(rows)} sectors used: "
        f"{pooled:.3f}\n"
        f"exact-set agreement: {exact}/{len(shared)} = {exact / len(shared):.3f}"
    )
    if resamples:
        (p_low, p_high), (r_low, r_high), (f_low, f_high) = bootstrap(
            first, second, shared, resamples
        )
        print(
            f"95 % interval over {resamples} resamples of the documents: "
            f"precision {p_low:.3f}-{p_high:.3f}, recall {r_low:.3f}-{r_high:.3f}, "
            f"F1 {f_low:.3f}-{f_high:.3f}"
        )
    if listing:
        print("\nDisagreements (first | second):")
        for i in shared:
            if first[i].sectors != second[i].sectors:
                print(
                    f"\n{i}: {sorted(first[i].sectors)} | {sorted(second[i].sectors)}\n"
                    f"  first:  {first[i].why}\n  second: {second[i].why}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path, help="the reference label file")
    parser.add_argument("second", type=Path, help="the other labeller's file")
    parser.add_argument("--list", action="store_true", help="list every disagreement")
    parser.add_argument(
        "--bootstrap", type=int, default=0, metavar="N", help="resample the documents N times"
    )
    args = parser.parse_args()
    report(args.first, args.second, listing=args.list, resamples=args.bootstrap)


if __name__ == "__main__":
    main()
