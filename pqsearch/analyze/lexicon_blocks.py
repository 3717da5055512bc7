"""Reading the lexicon's corpus rows from its compressed blocks (schema 6, `lexicon_codec.py`).

A block is found by its kind and the greatest first key not after the key sought, from the
list of first keys, read once (and again after another connection wrote). The blocks a lookup
needs are read in one read transaction, so it never sees half of an ingest's write; decoded
blocks are kept, up to `CACHED_BYTES` of the memory they take. A long-lived reader (`pqsearch
serve`) notices another connection's commit by `PRAGMA data_version` and drops what it kept.

A pinned reader (`pin`) skips every entry of a later generation than its own; counts are the
latest, as the rows layout's were (`lexicon_schema.pin`).
"""

from __future__ import annotations

import bisect
import sqlite3
import sys
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator

from pqsearch.analyze.lexicon_codec import (
    FORMS,
    OTHERS,
    SHAPES,
    STEMS,
    Record,
    decode_column,
    decode_line,
)
from pqsearch.analyze.lexicon_codec import decompress as decode_block

Read = Callable[[str, tuple[str, ...]], sqlite3.Cursor]
Damaged = Callable[[Exception], Exception]

# Memory of the decoded blocks kept per reader (their dicts and strings, `_keep`): a block is
# about 8 kB of text and five times that decoded, a query meets a few, the highlighting of a
# fresh page a few dozen; a 100,000-document lexicon's forms are about 15 MB of text, more
# than a reader should hold.
CACHED_BYTES = 4 * 1024 * 1024
# Blocks asked in one statement.
_BATCH = 200
# The lemmas' column of a form's line (after its counts).
_LEMMAS = 2
# No generation: a reader that is not pinned sees every entry.
_UNPINNED = 1 << 62


class BlockReader:
    """The corpus rows of a block-layout lexicon (the same questions as `TableReader`)."""

    def __init__(self, connection: sqlite3.Connection, read: Read, damaged: Damaged) -> None:
        self._db = connection
        self._read = read
        self._damaged = damaged
        self._generation = _UNPINNED
        self._version: int | None = None
        self._firsts: dict[str, list[str]] | None = None
        self._blocks: OrderedDict[tuple[str, str], dict[str, str]] = OrderedDict()
        self._sizes: dict[tuple[str, str], int] = {}
        self._kept = 0

    def pin(self, generation: int) -> None:
        self._generation = generation

    def forget(self) -> None:
        """Drop every block kept: this connection wrote (which `data_version` does not tell)."""
        self._firsts = None
        self._blocks.clear()
        self._sizes.clear()
        self._kept = 0

    # The questions.

    def lemma_counts(self, keys: list[str]) -> dict[str, dict[str, int]]:
        # The lemmas' column alone: highlighting a fresh page asks thousands of forms.
        found: dict[str, dict[str, int]] = {}
        for key, line in self._lines(FORMS, sorted(set(keys))).items():
            lemmas = {
                lemma: n
                for lemma, n, generation in decode_column(line, _LEMMAS)
                if generation <= self._generation
            }
            if lemmas:
                found[key] = lemmas
        return found

    def stem_lemmas(self, stem: str) -> frozenset[str]:
        return frozenset(
            str(lemma)
            for record in self._records(STEMS, [stem])
            for lemma, generation in record.columns[0]
            if int(generation) <= self._generation
        )

    def forms_of_lemmas(self, lemmas: list[str]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for record in self._records(OTHERS, lemmas):
            for form, generation in record.columns[0]:
                if int(generation) <= self._generation:
                    found.setdefault(record.key, set()).add(str(form))
        # A lemma as its own form is in the forms' blocks, not in the index by lemma.
        for lemma, counts in self.lemma_counts(lemmas).items():
            if lemma in counts:
                found.setdefault(lemma, set()).add(lemma)
        return found

    def unindexed(self, keys: list[str]) -> frozenset[str]:
        # Whether a form has a lemma this reader sees, from the generations of its lemmas'
        # column alone: a fresh page's highlighting asks thousands of forms.
        wanted = sorted(set(keys))
        lines = self._lines(FORMS, wanted)
        return frozenset(key for key in wanted if not self._has_lemma(lines.get(key)))

    def _has_lemma(self, line: str | None) -> bool:
        if line is None:
            return False
        lemmas = line.split("\t", 3)[_LEMMAS]
        if not lemmas:
            return False
        return any(int(entry.rpartition(",")[2]) <= self._generation for entry in lemmas.split(" "))

    def display(self, key: str) -> str | None:
        """The spelling with the most tokens (ties: the first in order), the form's own
        spelling counting what its other spellings leave of its tokens (`lexicon_rows`)."""
        records = self._records(FORMS, [key])
        if not records:
            return None
        counts, _, spellings = records[0].columns
        totals: dict[str, int] = {}
        for spelling, n, generation in spellings:
            if int(generation) <= self._generation:
                totals[str(spelling)] = totals.get(str(spelling), 0) + int(n)
        if counts and int(counts[0][2]) <= self._generation:
            left = int(counts[0][1]) - sum(int(entry[1]) for entry in spellings)
            totals[key] = totals.get(key, 0) + left
        shown = [(-n, spelling) for spelling, n in totals.items() if n > 0]
        return min(shown)[1] if shown else None

    def frequency(self, key: str) -> int:
        for record in self._records(FORMS, [key]):
            counts = record.columns[0]
            if counts and int(counts[0][2]) <= self._generation:
                return int(counts[0][0])
        return 0

    def form_documents(self) -> Iterator[tuple[str, int]]:
        # Every form of the lexicon (the spelling corrector's vocabulary), a block at a time in
        # one read transaction, none kept: every forms block decoded at once is tens of MB at
        # 100,000 documents. Its counts' column alone, split off each line.
        begun = not self._db.in_transaction
        if begun:
            self._read("BEGIN", ())
        try:
            for first in list(self._read_firsts()[FORMS]):
                block = self._blocks.get((FORMS, first))
                if block is None:
                    block = self._fetch(FORMS, [first], keep=False).get(first, {})
                for key in sorted(block):
                    counts = block[key].split("\t", 2)[1]
                    if counts:
                        documents, _, generation = counts.split(",")
                        if int(generation) <= self._generation:
                            yield key, int(documents)
        finally:
            if begun:
                self._db.commit()

    def count(self) -> int:
        return sum(1 for _ in self.form_documents())

    # The blocks.

    def _records(self, kind: str, keys: Iterable[str]) -> list[Record]:
        """The records of those of `keys` that `kind`'s blocks hold, in key order."""
        wanted = sorted(set(keys))
        if not wanted:
            return []
        lines = self._lines(kind, wanted)
        shapes = SHAPES[kind]
        return [decode_line(lines[key], shapes) for key in wanted if key in lines]

    def _lines(self, kind: str, wanted: list[str]) -> dict[str, str]:
        """The lines of the sorted keys `wanted` that their blocks hold."""
        needed: dict[str, list[str]] = {}
        blocks = self._blocks_of(kind, wanted, needed)
        found: dict[str, str] = {}
        for first, keys in needed.items():
            block = blocks.get(first, {})
            for key in keys:
                line = block.get(key)
                if line is not None:
                    found[key] = line
        return found

    def _blocks_of(
        self, kind: str, wanted: list[str] | None, needed: dict[str, list[str]] | None = None
    ) -> dict[str, dict[str, str]]:
        """The decoded blocks holding the sorted keys `wanted` (None: every block of `kind`),
        by first key, read in one read transaction; `needed` gets each block's keys."""
        begun = not self._db.in_transaction
        if begun:
            self._read("BEGIN", ())
        try:
            firsts = self._read_firsts()[kind]
            if wanted is None:
                chosen = list(firsts)
            else:
                needed = {} if needed is None else needed
                for key in wanted:
                    at = bisect.bisect_right(firsts, key) - 1
                    if at >= 0:
                        needed.setdefault(firsts[at], []).append(key)
                chosen = list(needed)
            blocks: dict[str, dict[str, str]] = {}
            missing: list[str] = []
            for first in chosen:
                block = self._blocks.get((kind, first))
                if block is None:
                    missing.append(first)
                else:
                    self._blocks.move_to_end((kind, first))
                    blocks[first] = block
            blocks.update(self._fetch(kind, missing))
        finally:
            if begun:
                self._db.commit()
        return blocks

    def _read_firsts(self) -> dict[str, list[str]]:
        """Each kind's first keys, read again (and every block dropped) when another
        connection committed since they were read."""
        # A read of the file first: it takes the transaction's snapshot, which the version
        # then describes.
        self._read("SELECT 1 FROM blocks LIMIT 1", ()).fetchall()
        version = int(self._read("PRAGMA data_version", ()).fetchone()[0])
        if version != self._version:
            self.forget()
            self._version = version
        if self._firsts is None:
            firsts: dict[str, list[str]] = {kind: [] for kind in SHAPES}
            for kind, first in self._read(
                "SELECT kind, first FROM blocks ORDER BY kind, first", ()
            ):
                firsts.setdefault(str(kind), []).append(str(first))
            self._firsts = firsts
        return self._firsts

    def _fetch(
        self, kind: str, firsts: list[str], *, keep: bool = True
    ) -> dict[str, dict[str, str]]:
        fetched: dict[str, dict[str, str]] = {}
        for start in range(0, len(firsts), _BATCH):
            batch = firsts[start : start + _BATCH]
            rows = self._read(
                f"SELECT first, rows FROM blocks WHERE kind = ? AND first IN "
                f"({','.join('?' * len(batch))})",
                (kind, *batch),
            ).fetchall()
            for first, data in rows:
                try:
                    block = decode_block(bytes(data))
                except (zlib.error, UnicodeDecodeError, TypeError) as error:
                    raise self._damaged(error) from error
                fetched[str(first)] = block
                if keep:
                    self._keep((kind, str(first)), block)
        return fetched

    def _keep(self, name: tuple[str, str], block: dict[str, str]) -> None:
        # What the decoded block holds in memory: its dict and one string per key and per
        # line, about five times the text (review L, L2: the text alone was counted).
        size = (
            sys.getsizeof(block)
            + sum(map(sys.getsizeof, block))
            + sum(map(sys.getsizeof, block.values()))
        )
        while self._blocks and self._kept + size > CACHED_BYTES:
            old, _ = self._blocks.popitem(last=False)
            self._kept -= self._sizes.pop(old)
        self._blocks[name] = block
        self._sizes[name] = size
        self._kept += size
