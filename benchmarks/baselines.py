"""What a user would otherwise pick, on the same documents and queries as pqsearch.

- `WhooshFrench`: Whoosh with its stock French analyzer (`LanguageAnalyzer("fr")`: regex
  tokens, lowercase, French stoplist, Snowball stemmer), no spaCy, no accent folding.
- `SqliteFts5`: the standard library's SQLite FTS5 with the `unicode61 remove_diacritics 2`
  tokenizer (accents folded, no stemming), ranked by bm25.

Both index the title, question and answer of each record and store its id; both take the
benchmark's queries through `translate_*`, which keeps words, phrases, prefixes and boolean
operators and drops what they have no equivalent for (pqsearch's fields and filters).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

PARTS = ("title", "question", "answer")

_TOKEN = re.compile(r'"[^"]*"|\(|\)|[^\s()"]+')
_OPERATORS = {"AND", "OR", "NOT"}


class Engine(Protocol):
    """A baseline: built once from records, then searched."""

    name: str

    def build(self, records: Iterable[dict[str, Any]]) -> int: ...

    def search(self, query: str, *, limit: int = 20) -> tuple[int, list[str]]: ...

    def size_bytes(self) -> int: ...

    def close(self) -> None: ...


def iter_records(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON Lines file, one at a time."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _text_query(query: str) -> list[str]:
    """The query's tokens without pqsearch field restrictions (`session:20/21`) and
    exclusions of fields; words, phrases, prefixes, parentheses and operators stay."""
    kept = []
    for token in _TOKEN.findall(query):
        if ":" in token and not token.startswith('"'):
            continue
        kept.append(token)
    return kept


def translate_whoosh(query: str) -> str:
    """pqsearch syntax -> Whoosh's default query language (operators and phrases alike)."""
    return " ".join(
        "NOT " + token[1:] if token.startswith("-") and len(token) > 1 else token
        for token in _text_query(query)
    )


def translate_fts5(query: str) -> str:
    """pqsearch syntax -> an FTS5 MATCH expression; plain words are ORed, like pqsearch."""
    out: list[str] = []
    pending_not = False
    for token in _text_query(query):
        if token in _OPERATORS:
            out.append(token)
            continue
        if token in "()":
            out.append(token)
            continue
        negate = token.startswith("-") and len(token) > 1
        body = token[1:] if negate else token
        if body.startswith('"'):
            term = body
        elif body.endswith("*"):
            term = '"' + body[:-1].replace('"', "") + '"*'
        else:
            term = '"' + body.replace('"', "") + '"'
        if negate:
            pending_not = True
            term = f"NOT {term}"
        if out and out[-1] not in _OPERATORS and out[-1] != "(" and not negate:
            out.append("OR")
        out.append(term)
    expression = " ".join(out)
    # FTS5's NOT is binary: "a NOT b"; a leading NOT has nothing to subtract from.
    if pending_not and expression.startswith("NOT "):
        expression = expression[4:]
    return expression


@dataclass
class WhooshFrench:
    """Whoosh with `LanguageAnalyzer("fr")` on the three text parts."""

    folder: Path
    name: str = "whoosh-fr"
    limitmb: int = 256

    def build(self, records: Iterable[dict[str, Any]]) -> int:
        from whoosh import index
        from whoosh.analysis import LanguageAnalyzer
        from whoosh.fields import ID, TEXT, Schema

        analyzer = LanguageAnalyzer("fr")
        schema = Schema(
            id=ID(stored=True, unique=True),
            title=TEXT(analyzer=analyzer, stored=True),
            question=TEXT(analyzer=analyzer),
            answer=TEXT(analyzer=analyzer),
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        ix = index.create_in(str(self.folder), schema)
        writer = ix.writer(limitmb=self.limitmb)
        count = 0
        for record in records:
            writer.add_document(
                id=str(record["id"]), **{part: record.get(part) or "" for part in PARTS}
            )
            count += 1
        writer.commit()
        self._open()
        return count

    def _open(self) -> None:
        from whoosh import index
        from whoosh.qparser import MultifieldParser, OrGroup

        self._ix = index.open_dir(str(self.folder))
        self._searcher = self._ix.searcher()
        self._parser = MultifieldParser(list(PARTS), self._ix.schema, group=OrGroup)

    def search(self, query: str, *, limit: int = 20) -> tuple[int, list[str]]:
        parsed = self._parser.parse(translate_whoosh(query))
        results = self._searcher.search(parsed, limit=max(1, limit))
        return len(results), [hit["id"] for hit in results][:limit]

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.folder.iterdir() if p.is_file())

    def close(self) -> None:
        self._searcher.close()


@dataclass
class SqliteFts5:
    """SQLite FTS5, `unicode61 remove_diacritics 2`, bm25 ranking."""

    path: Path
    name: str = "sqlite-fts5"

    def build(self, records: Iterable[dict[str, Any]]) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.unlink(missing_ok=True)
        db = sqlite3.connect(self.path)
        db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, question, answer, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        count = 0
        with db:
            for record in records:
                db.execute(
                    "INSERT INTO docs VALUES (?, ?, ?, ?)",
                    (str(record["id"]), *(record.get(part) or "" for part in PARTS)),
                )
                count += 1
            db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
        db.close()
        self._db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
        return count

    def search(self, query: str, *, limit: int = 20) -> tuple[int, list[str]]:
        expression = translate_fts5(query)
        if not expression:
            return 0, []
        try:
            total = self._db.execute(
                "SELECT count(*) FROM docs WHERE docs MATCH ?", (expression,)
            ).fetchone()[0]
            rows = self._db.execute(
                "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0.0, 3.0, 1.0, 1.0) "
                "LIMIT ?",
                (expression, limit),
            ).fetchall()
        except sqlite3.OperationalError:
            return 0, []
        return int(total), [row[0] for row in rows]

    def size_bytes(self) -> int:
        return self.path.stat().st_size

    def close(self) -> None:
        self._db.close()
