"""A deterministic scale corpus: N question records in the JSON Lines form pqsearch ingests.

Texts are real French sentences (Brussels questions and answers, the seed, the French turns
of the federal Chamber's plenary exchanges) shuffled and recombined, with question and answer
lengths drawn from the real documents' sentence counts; no two documents share a question
text. Metadata spreads like twenty years of one assembly: four legislatures of five sessions,
a few hundred authors, a government of eight ministers per legislature with their portfolios,
about a fifth of the questions unanswered.

Document `i` depends only on the seed and `i`, so the first 1,000 documents of the 10k corpus
are the 1k corpus.

    python benchmarks/generate.py --docs 10000 --out benchmarks/out/corpus-10000.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
# The workspace's shared corpus has more French text (federal plenary debates); a clone alone
# generates from the shipped corpus.
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
SHIPPED_CORPUS = REPO / "corpus"


def default_texts() -> Path:
    """The folder the scale corpus is generated from by default: `../shared/corpus` when it
    lies beside the checkout, else the repository's `corpus/`. Looked up when a benchmark
    runs, not when this module is imported: the tests import it and must not touch anything
    outside the repository."""
    return SHARED_CORPUS if SHARED_CORPUS.is_dir() else SHIPPED_CORPUS


DEFAULT_SEED = 20261128

FIRST_YEAR = 2006
YEARS = 20
# A legislature lasts five years from the June elections; its sessions run September to July.
LEGISLATURE_STARTS = (2004, 2009, 2014, 2019, 2024)
MINISTERS_PER_GOVERNMENT = 8
AUTHORS = 320

_SENTENCE_END = re.compile(r"(?<=[.?!;])\s+(?=[A-ZÀ-ÖØ-Þ«\"(])")
_FRENCH_MARKERS = frozenset({"le", "la", "les", "des", "est", "une", "pour", "que", "dans"})
_DUTCH_MARKERS = frozenset({"de", "het", "een", "van", "en", "is", "dat", "voor", "niet"})

FIRST_NAMES = (
    "Ahmed",
    "Alain",
    "Ariane",
    "Bianca",
    "Caroline",
    "Céline",
    "Christophe",
    "Clémentine",
    "David",
    "Delphine",
    "Elke",
    "Emmanuel",
    "Fadila",
    "Françoise",
    "Gilles",
    "Hasan",
    "Hélène",
    "Isabelle",
    "Jamal",
    "Jean-Pierre",
    "Julien",
    "Karim",
    "Latifa",
    "Laurent",
    "Lotte",
    "Marc",
    "Marie",
    "Mathieu",
    "Nadia",
    "Nicolas",
    "Olivier",
    "Pascal",
    "Petra",
    "Pierre",
    "Rachid",
    "Sophie",
    "Stéphanie",
    "Thomas",
    "Valérie",
    "Véronique",
    "Yannick",
    "Zakia",
)
LAST_NAMES = (
    "Bastin",
    "Benhaddou",
    "Bertrand",
    "Close",
    "Coppens",
    "Crucke",
    "Dassonville",
    "De Bock",
    "Debaets",
    "Delvaux",
    "Dewinter",
    "Doulkeridis",
    "El Bakri",
    "Fremault",
    "Genot",
    "Grimberghs",
    "Huytebroeck",
    "Jodogne",
    "Kompany",
    "Lambert",
    "Leisterh",
    "Lemesre",
    "Maes",
    "Maouane",
    "Moureaux",
    "Nagy",
    "Ozdemir",
    "Pinxteren",
    "Roex",
    "Schepmans",
    "Smet",
    "Trachte",
    "Uyttendaele",
    "Van Achter",
    "Vanhengel",
    "Verbauwhede",
    "Willame",
    "Wyns",
)
PORTFOLIOS = (
    "Mobilité",
    "Travaux publics",
    "Sécurité routière",
    "Logement",
    "Égalité des chances",
    "Emploi",
    "Formation professionnelle",
    "Économie",
    "Transition numérique",
    "Finances",
    "Budget",
    "Fonction publique",
    "Environnement",
    "Climat",
    "Énergie",
    "Propreté publique",
    "Urbanisme",
    "Patrimoine",
    "Tourisme",
    "Pouvoirs locaux",
    "Action sociale",
    "Santé",
    "Sport",
    "Commerce extérieur",
    "Recherche scientifique",
    "Bien-être animal",
    "Prévention",
    "Sécurité",
    "Relations internationales",
    "Aménagement du territoire",
)


@dataclass(frozen=True)
class Pools:
    """The real material documents are recombined from."""

    titles: tuple[str, ...]
    question_sentences: tuple[str, ...]
    answer_sentences: tuple[str, ...]
    question_lengths: tuple[int, ...]
    answer_lengths: tuple[int, ...]


def split_sentences(text: str) -> list[str]:
    """The sentences of a text as the corpus joins them: paragraphs, then sentence ends."""
    return [
        sentence
        for paragraph in text.split("\n")
        for sentence in _SENTENCE_END.split(paragraph.strip())
        if sentence
    ]


def _sentences(text: str) -> list[str]:
    found = []
    for paragraph in text.split("\n"):
        for sentence in _SENTENCE_END.split(paragraph.strip()):
            words = sentence.split()
            if 4 <= len(words) <= 90:
                found.append(" ".join(words))
    return found


def _is_french(text: str) -> bool:
    words = text.lower().split()
    french = sum(w in _FRENCH_MARKERS for w in words)
    return french > 2 * sum(w in _DUTCH_MARKERS for w in words)


def load_pools(corpus: Path) -> Pools:
    """Sentences, titles and per-document sentence counts from the real French documents."""
    from pqsearch.parse import parse_paths

    batch = parse_paths(
        [corpus / "seed", corpus / "brussels" / "html", corpus / "brussels" / "records.jsonl"]
    )
    titles: dict[str, None] = {}
    questions: dict[str, None] = {}
    answers: dict[str, None] = {}
    question_lengths: list[int] = []
    answer_lengths: list[int] = []
    for record in batch.questions:
        titles[record.title] = None
        found = _sentences(record.question)
        questions.update(dict.fromkeys(found))
        question_lengths.append(max(1, len(found)))
        if record.answer:
            found = _sentences(record.answer)
            answers.update(dict.fromkeys(found))
            answer_lengths.append(max(1, len(found)))
        else:
            answer_lengths.append(0)
    plenary = corpus / "be_chamber_plenary" / "subset.jsonl"
    if plenary.exists():
        for line in plenary.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("topics_fr"):
                titles[row["topics_fr"].strip()] = None
            for turn, entry in enumerate(json.loads(row.get("discussion") or "[]")):
                text = str(entry.get("text", "")).replace("NEWPARAGRAPH", "\n")
                if _is_french(text):
                    pool = questions if turn == 0 else answers
                    pool.update(dict.fromkeys(_sentences(text)))
    return Pools(
        titles=tuple(titles),
        question_sentences=tuple(questions),
        answer_sentences=tuple(answers),
        question_lengths=tuple(question_lengths),
        answer_lengths=tuple(answer_lengths),
    )


@dataclass(frozen=True)
class Minister:
    name: str
    role: str
    portfolios: tuple[str, ...]


def _people(seed: int) -> tuple[list[str], dict[int, list[Minister]]]:
    """Authors, and each legislature's government, fixed by the seed."""
    rng = random.Random(f"{seed}:people")
    names = sorted({f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES})
    rng.shuffle(names)
    authors = names[:AUTHORS]
    governments: dict[int, list[Minister]] = {}
    spare = names[AUTHORS:]
    for start in LEGISLATURE_STARTS:
        portfolios = list(PORTFOLIOS)
        rng.shuffle(portfolios)
        ministers = []
        for m in range(MINISTERS_PER_GOVERNMENT):
            held = tuple(sorted(portfolios[m::MINISTERS_PER_GOVERNMENT]))
            role = (
                "Ministre du Gouvernement de la Région de Bruxelles-Capitale chargé de "
                + ", ".join(held[:-1])
                + (" et de " if len(held) > 1 else "")
                + held[-1]
            )
            # A minister sometimes stays for the next legislature.
            name = (
                spare.pop()
                if not governments or rng.random() < 0.7
                else (rng.choice(governments[max(governments)]).name)
            )
            ministers.append(Minister(name, role, held))
        governments[start] = ministers
    return authors, governments


def _session(day: dt.date) -> tuple[int, str, str]:
    """(legislature start, legislature "19/24", session "20/21") of a date."""
    first = day.year if day.month >= 9 else day.year - 1
    start = max(s for s in LEGISLATURE_STARTS if s <= first)
    legislature = f"{start % 100:02d}/{(start + 5) % 100:02d}"
    return start, legislature, f"{first % 100:02d}/{(first + 1) % 100:02d}"


class Generator:
    """Makes document `i` of the corpus for a seed, the same every time."""

    def __init__(self, pools: Pools, seed: int = DEFAULT_SEED) -> None:
        self.pools = pools
        self.seed = seed
        self.authors, self.governments = _people(seed)
        self.first_day = dt.date(FIRST_YEAR, 1, 1)
        self.days = (dt.date(FIRST_YEAR + YEARS, 1, 1) - self.first_day).days

    def _text(self, rng: random.Random, pool: tuple[str, ...], sentences: int) -> str:
        chosen = [rng.choice(pool) for _ in range(sentences)]
        # Paragraphs of one to four sentences, as in the real pages.
        paragraphs: list[str] = []
        while chosen:
            take = rng.randint(1, 4)
            paragraphs.append(" ".join(chosen[:take]))
            chosen = chosen[take:]
        return "\n".join(paragraphs)

    def record(self, i: int, attempt: int = 0) -> dict[str, Any]:
        """Document `i` as a pqsearch record (`Question.to_dict` field names)."""
        rng = random.Random(f"{self.seed}:{i}:{attempt}")
        received = self.first_day + dt.timedelta(days=rng.randrange(self.days))
        start, legislature, session = _session(received)
        minister = rng.choice(self.governments[start])
        answered = rng.random() < 0.8
        answer_sentences = rng.choice([n for n in self.pools.answer_lengths if n] or [1])
        answered_on = received + dt.timedelta(days=rng.randint(15, 150)) if answered else None
        title = rng.choice(self.pools.titles)
        return {
            "id": f"bench-{self.seed}-{i:07d}",
            "parliament": "PRB",
            "kind": "written" if rng.random() < 0.93 else "oral_turned_written",
            "legislature": legislature,
            "session": session,
            "number": 1 + rng.randrange(1500),
            "language": "fr",
            "title": title,
            "title_nl": None,
            "author": rng.choice(self.authors),
            "addressee": minister.name,
            "addressee_role": minister.role,
            "portfolios": list(minister.portfolios),
            "received_on": received.isoformat(),
            "published_on": answered_on.isoformat() if answered_on else None,
            "answered_on": answered_on.isoformat() if answered_on else None,
            "procedure": [],
            "question": self._text(
                rng, self.pools.question_sentences, rng.choice(self.pools.question_lengths)
            ),
            "answer": (
                self._text(rng, self.pools.answer_sentences, answer_sentences) if answered else None
            ),
            "annexes": [],
            "source_format": "jsonl",
            "url": None,
        }

    def records(self, count: int) -> Iterator[dict[str, Any]]:
        """Documents 0 .. count-1; a question text met before is drawn again."""
        seen: set[bytes] = set()
        for i in range(count):
            attempt = 0
            while True:
                record = self.record(i, attempt)
                key = hashlib.blake2b(record["question"].encode(), digest_size=12).digest()
                if key not in seen:
                    seen.add(key)
                    break
                attempt += 1
            yield record


def write_corpus(
    path: Path, count: int, *, seed: int = DEFAULT_SEED, texts: Path | None = None
) -> Path:
    """Write `count` documents to `path` (JSON Lines), one line at a time, from the real
    French documents of `texts` (by default `../shared/corpus` when it lies beside the
    checkout, else the repository's `corpus/`: the two give documents of other lengths)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    generator = Generator(load_pools(texts or default_texts()), seed)
    with path.open("w", encoding="utf-8") as out:
        for record in generator.records(count):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--texts",
        type=Path,
        default=None,
        help="folder of the real documents the corpus is generated from (default: "
        "../shared/corpus beside the checkout, else corpus/)",
    )
    args = parser.parse_args(argv)
    out = args.out or REPO / "benchmarks" / "out" / f"corpus-{args.docs}.jsonl"
    write_corpus(out, args.docs, seed=args.seed, texts=args.texts)
    print(out, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
