"""The real French texts of the shared corpus, for the analysis benchmarks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
_FRENCH_HINTS = frozenset({"le", "la", "les", "des", "est", "une", "que", "pour", "dans"})


def french_texts() -> Iterator[str]:
    """Seed page text, Brussels record titles/questions/answers, French plenary turns."""
    yield (CORPUS / "seed" / "000_b24cdd112820c31b.txt").read_text(encoding="utf-8")
    for line in (CORPUS / "brussels" / "records.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for key in ("titre", "question", "reponse"):
            if record.get(key):
                yield record[key]
    plenary = CORPUS / "be_chamber_plenary" / "subset.jsonl"
    for line in plenary.read_text(encoding="utf-8").splitlines():
        for turn in json.loads(json.loads(line)["discussion"] or "[]"):
            # The plenary mixes Dutch and French turns: keep those full of French words.
            words = turn["text"].lower().split()
            if words and sum(w in _FRENCH_HINTS for w in words) / len(words) > 0.08:
                yield turn["text"]
