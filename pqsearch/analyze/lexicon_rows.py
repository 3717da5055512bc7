"""The rows an ingest gathers for the lexicon between two writes, and their writing.

`Lexicon.add` counts each document's forms, lemmas and spellings here, in memory; `write`
adds them to the file's blocks in one transaction, each new entry marked with the index
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

from pqsearch.analyze.lexicon_merge import merge
from pqsearch.analyze.lexicon_schema import stem_rows

if TYPE_CHECKING:
    from pqsearch.analyze.lemmatize import Analysis

# The lemma recorded for a form that an analysis dropped because its lemma was a stopword.
STOPPED = ""


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
        """Add the counts to the file's blocks (`lexicon_merge.merge`) and commit; then count
        again from nothing. An entry keeps the generation that first held it; only its
        counts add up, as the rows layout's upserts did: a form's count of documents and
        tokens, a (form, lemma) pair's tokens, a (form, spelling) pair's tokens; a (stem,
        lemma) pair is added once."""
        stems = stem_rows(lemma for _, lemma in self.lemmas)
        with db:
            merge(db, self, stems, generation)
        for counts in (self.documents, self.tokens, self.lemmas, self.spellings):
            counts.clear()


__all__ = ["STOPPED", "PendingRows"]
