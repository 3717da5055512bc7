"""The answer-type rules on held-out wordings: short answers labelled blind, split dev/test.

The wordings are in tests/data/answer_type_wordings.toml (round 1, all dev since the eighth
session) and tests/data/answer_type_wordings_2.toml to _4.toml (rounds 2-4, `--labels`); each
header says how they were written, labelled and split. Each becomes a `Question` whose answer is the
wording, with a reply date, and is scored with `answer_type_quality.measure`; the report's
per-source lines are the style and language (brussels-fr, federal-fr, federal-nl).

    python benchmarks/answer_type_wordings.py --split dev [--labels FILE]
    python benchmarks/answer_type_wordings.py --split test \
        --labels tests/data/answer_type_wordings_2.toml

Tune the rules on `dev` only; `test` is measured once, and tests/analyze/test_answers.py
holds it as a floor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path

from benchmarks.answer_type_quality import LabelledDocument, QualityReport, format_report, measure
from pqsearch.models import WRITTEN, Question

REPO = Path(__file__).resolve().parents[1]
WORDINGS = REPO / "tests" / "data" / "answer_type_wordings.toml"
# The parliament codes the parsers give each style's documents.
_PARLIAMENTS = {"brussels": "PRB", "federal": "BE-CHAMBER"}


def load_wordings(path: Path = WORDINGS) -> list[tuple[LabelledDocument, Question]]:
    """Each wording's label and the `Question` that carries it, in file order.

    The label's `file` is "<source>-<language>/<id>", so that reports group by style.
    """
    with path.open("rb") as handle:
        entries = tomllib.load(handle)["answer"]
    return [
        (
            LabelledDocument(
                file=f"{entry['source']}-{entry['language']}/{entry['id']}",
                id=None,
                type=entry["type"],
                reason=entry["reason"],
                split=entry["split"],
            ),
            _question(entry),
        )
        for entry in entries
    ]


def measure_wordings(
    wordings: Sequence[tuple[LabelledDocument, Question]], split: str | None = None
) -> QualityReport:
    """Classify the wordings of `split` (all when None) and score them per type."""
    chosen = [(label, question) for label, question in wordings if split in (None, label.split)]
    return measure([label for label, _ in chosen], {label.key: q for label, q in chosen})


def _question(entry: dict[str, str]) -> Question:
    return Question(
        id=entry["id"],
        parliament=_PARLIAMENTS[entry["source"]],
        kind=WRITTEN,
        legislature=None,
        session=None,
        number=None,
        language=entry["language"],
        title=entry.get("title", ""),
        title_nl=None,
        author=None,
        addressee=None,
        addressee_role=None,
        portfolios=(),
        received_on=None,
        published_on=None,
        answered_on=dt.date(2026, 1, 1),
        procedure=(),
        question=entry.get("question", ""),
        answer=entry["text"],
        annexes=(),
        source="answer_type_wordings",
        source_format="toml",
        content_hash="",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--split", choices=("dev", "test"), help="one part (default: both)")
    parser.add_argument("--labels", type=Path, default=WORDINGS)
    args = parser.parse_args(argv)
    print(format_report(measure_wordings(load_wordings(args.labels), args.split)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
