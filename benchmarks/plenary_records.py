"""The federal Chamber's French plenary oral questions as pqsearch records, and the labelled sample.

The shared corpus's `be_chamber_plenary/subset.jsonl` holds each plenary exchange as a list of
`{speaker, text}` turns: the member's question, the minister's answer, then the replies (its
SOURCE.md). One record per French exchange, in pqsearch's own JSON Lines spelling:

- id `PLEN-<meeting_id>-<question_id>`: `question_id` alone restarts at 0 in every meeting;
- title: the French topics (`topics_fr`, one per joined question, duplicates dropped);
- question: the questioners' turns before the answer, in French;
- answer: the turn(s) of the first other speaker (the minister, whoever the `respondents`
  field names) up to the next questioner's turn; the replies that follow are dropped.

Some discussions begin with the end of the previous exchange (the 40 turns of meeting 5's
question 4 start with the Audi debate): the exchange starts at the first turn of one of its
questioners. An exchange is French when its first questioner turn is (the guess SOURCE.md
describes, by stopwords); a Dutch turn of a joint question is dropped; an exchange whose
answer is not French is left out, since a French record's answer is read as French.

    python benchmarks/plenary_records.py SUBSET.jsonl [--sample N] [--out FILE]

Without --out, prints how many exchanges are French and how many of them are kept. With it,
writes the seeded sample (`random.Random(SEED).sample` of the kept records sorted by id); a
--sample as large as the kept records writes them all (tests/data/be_chamber_plenary_fr holds
all 155: the labelled sample of 80, then the other 75 as a second batch).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from whoosh.lang import stopwords_for_language

SEED = 20261202
CHAIR = frozenset({"Voorzitter", "De voorzitter"})
_WORD = re.compile(r"[a-zà-ÿœ]+")
_FRENCH = frozenset(stopwords_for_language("fr"))
_DUTCH = frozenset(stopwords_for_language("nl"))


@dataclass(frozen=True)
class Exchange:
    """One plenary exchange cut into what a record holds."""

    id: str
    title: str
    questioners: tuple[str, ...]
    minister: str
    question: str
    answer: str
    answer_language: str


def language(text: str) -> str:
    """The language, "fr", "nl" or "", by which language's stopwords are the more frequent."""
    words = _WORD.findall(text.lower())
    french = sum(word in _FRENCH for word in words)
    dutch = sum(word in _DUTCH for word in words)
    return "fr" if french > dutch else "nl" if dutch > french else ""


def _paragraphs(text: str) -> str:
    return "\n\n".join(p.strip() for p in text.split("NEWPARAGRAPH") if p.strip())


def exchange(row: dict[str, str]) -> Exchange | None:
    """The exchange of one row, or None when its first question turn is not French or it has
    no question or no answer."""
    turns = json.loads(row["discussion"]) if row["discussion"] else []
    questioners = tuple(name.strip() for name in row["questioners"].split(",") if name.strip())
    start = next((i for i, t in enumerate(turns) if t["speaker"] in questioners), None)
    if start is None or language(turns[start]["text"]) != "fr":
        return None
    asked: list[str] = []
    position = start
    while position < len(turns) and (
        turns[position]["speaker"] in questioners or turns[position]["speaker"] in CHAIR
    ):
        turn = turns[position]
        if turn["speaker"] in questioners and language(turn["text"]) == "fr":
            asked.append(_paragraphs(turn["text"]))
        position += 1
    if position == len(turns):
        return None
    minister = turns[position]["speaker"]
    answered: list[str] = []
    while position < len(turns) and turns[position]["speaker"] not in questioners:
        if turns[position]["speaker"] == minister:
            answered.append(_paragraphs(turns[position]["text"]))
        position += 1
    answer = "\n\n".join(answered)
    topics = dict.fromkeys(t.strip() for t in row["topics_fr"].split(";") if t.strip())
    return Exchange(
        id=f"PLEN-{row['meeting_id']}-{row['question_id']}",
        title=" ; ".join(topics),
        questioners=questioners,
        minister=minister,
        question="\n\n".join(asked),
        answer=answer,
        answer_language=language(answer),
    )


def record(item: Exchange, row: dict[str, str]) -> dict[str, object]:
    """The exchange in pqsearch's JSON Lines spelling (`Question.to_dict`'s field names)."""
    return {
        "id": item.id,
        "parliament": "CHAMBRE",
        "kind": "oral",
        "legislature": row["session_id"],
        "language": "fr",
        "title": item.title,
        "author": ", ".join(item.questioners),
        "addressee": item.minister,
        "portfolios": [],
        "question": item.question,
        "answer": item.answer,
        "source": f"be_chamber_plenary/subset.jsonl meeting {row['meeting_id']}",
    }


def kept_records(rows: Iterable[dict[str, str]]) -> tuple[int, list[dict[str, object]]]:
    """(French exchanges, the records of those with a question and a French answer)."""
    french = 0
    records = []
    for row in rows:
        item = exchange(row)
        if item is None:
            continue
        french += 1
        if item.question and item.answer_language == "fr":
            records.append(record(item, row))
    return french, sorted(records, key=lambda r: str(r["id"]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("subset", type=Path)
    parser.add_argument("--sample", type=int, default=90)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    with args.subset.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    french, records = kept_records(rows)
    print(f"{len(rows)} exchanges, {french} French, {len(records)} with a French answer")
    if args.out is not None:
        sample = sorted(
            random.Random(SEED).sample(records, min(args.sample, len(records))),
            key=lambda r: str(r["id"]),
        )
        with args.out.open("w", encoding="utf-8") as handle:
            for item in sample:
                handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"wrote {len(sample)} records to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
