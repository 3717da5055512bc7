"""The rows an ingest gathers for the lexicon between two writes, and their writing.

`Lexicon.add` counts each document's forms, lemmas and spellings here, in memory; `write`
adds them to the file's tables in one transaction, each new row marked with the index
generation whose commit will hold it (`lexicon_schema.pin`).

A spelling that is the folded form itself ("logement") gets no row when the form's first
write has it: its count is the form's tokens less its other spellings' (`lexicon_reads.
DISPLAY`), 2,846 of the 4,906 spelling rows of the shipped corpus's lexicon, 70 kB. A form
first written without it (only "Région") gets its row when it comes, with that write's
generation, as every spelling did: a reader of an earlier generation does not see it.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pqsearch.analyze.lexicon_schema import stem_rows

if TYPE_CHECKING:
    from pqsearch.analyze.lemmatize import Analysis

# The lemma recorded for a form that an analysis dropped because its lemma was a stopword.
STOPPED = ""
# A form's own spelling, added to its row if it has one, else written only when the form is
# in the file and every one of its tokens is in its spellings' rows (its own spelling never
# seen before).
_OWN_SPELLING = (
    "INSERT INTO spellings (form, spelling, tokens, generation) SELECT ?1, ?1, ?2, ?3 "
    "WHERE EXISTS (SELECT 1 FROM main.forms f WHERE f.form = ?1 AND f.tokens = "
    "(SELECT coalesce(sum(s.tokens), 0) FROM main.spellings s WHERE s.form = ?1)) "
    "ON CONFLICT (form, spelling) DO UPDATE SET tokens = tokens + excluded.tokens"
)


class PendingRows:
    """Counts of forms, lemmas and spellings added since the last write."""

    def __init__(self) -> None:
        self.documents: Counter[str] = Counter()
        self.tokens: Counter[str] = Counter()
        self.lemmas: Counter[tuple[str, str]] = Counter()
        self.spellings: Counter[tuple[str, str]] = Counter()

    def __len__(self) -> int:
        return len(self.lemmas) + len(self.spellings)

    def add(self, analyses: Iterable[Analysis]) -> None:
        """Count one document: the analyses of its parts (title, question, answer).

        A form counts once per document in `documents`, once per occurrence in `tokens`.
        """
        # Dict methods, not `counter[key] += n`: a key a Counter lacks goes through its
        # Python `__missing__`, and this ran for every form of every document in the ingest's
        # main process (cProfile, BENCHMARKS.md, thirteenth session). Same counts, same order.
        forms: set[str] = set()
        lemma_rows = self.lemmas
        known = lemma_rows.setdefault
        lemma_count = lemma_rows.get
        spelling_count = self.spellings.get
        token_count = self.tokens.get
        for analysis in analyses:
            forms.update(analysis.forms)
            for form, lemmas in analysis.forms.items():
                for lemma in lemmas:
                    known((form, lemma), 0)
            for form in analysis.stopped:
                known((form, STOPPED), 0)
            for form, counts in analysis.lemma_counts.items():
                for lemma, count in counts.items():
                    lemma_rows[form, lemma] = lemma_count((form, lemma), 0) + count
            for form, spellings in analysis.spellings.items():
                for spelling, count in spellings.items():
                    self.spellings[form, spelling] = spelling_count((form, spelling), 0) + count
                    self.tokens[form] = token_count(form, 0) + count
        self.documents.update(forms)

    def write(self, db: sqlite3.Connection, generation: int) -> None:
        """Add the counts to the file's tables and commit; then count again from nothing.
        A row keeps the generation that first held it; only its counts add up."""
        stems = stem_rows(lemma for _, lemma in self.lemmas)
        own = (
            (form, n, generation)
            for (form, spelling), n in self.spellings.items()
            if spelling == form
        )
        with db:
            # Before the forms' counts: a form not yet in the file, or one whose own spelling
            # has no row (its tokens outnumber its spellings' rows), keeps it without a row.
            db.executemany(_OWN_SPELLING, own)
            db.executemany(
                "INSERT INTO forms (form, documents, tokens, generation) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (form) DO UPDATE SET "
                "documents = documents + excluded.documents, tokens = tokens + excluded.tokens",
                ((form, self.documents[form], n, generation) for form, n in self.tokens.items()),
            )
            db.executemany(
                "INSERT INTO lemmas (form, lemma, tokens, generation) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (form, lemma) DO UPDATE SET tokens = tokens + excluded.tokens",
                ((form, lemma, n, generation) for (form, lemma), n in self.lemmas.items()),
            )
            db.executemany(
                "INSERT OR IGNORE INTO stems (stem, lemma, generation) VALUES (?, ?, ?)",
                ((stem, lemma, generation) for stem, lemma in stems),
            )
            db.executemany(
                "INSERT INTO spellings (form, spelling, tokens, generation) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (form, spelling) DO UPDATE SET tokens = tokens + excluded.tokens",
                (
                    (form, spelling, n, generation)
                    for (form, spelling), n in self.spellings.items()
                    if spelling != form
                ),
            )
        for counts in (self.documents, self.tokens, self.lemmas, self.spellings):
            counts.clear()


__all__ = ["STOPPED", "PendingRows"]
