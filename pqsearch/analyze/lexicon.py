"""The query-time lexicon: which lemmas the corpus gave each surface form, in one SQLite file.

A lone query word has no context, so lemmatizing it again would often disagree with the lemma
the same word got inside a document. The ingester therefore records, for every folded form
it indexed, the lemmas it received; `expand` gives a query word all of them, so a word typed
in a query meets the same word in a document. Forms the corpus never showed fall back to a
context-free lemma table (simplemma's French dictionary, keyed by folded form so that
"developpees" typed without accents still finds "développer"; chosen on measured agreement
with in-context spaCy lemmas, see benchmarks/lemma_fallback_agreement.py), and always to the
folded form itself.

No spaCy here: the query path imports this module. The file is opened in WAL mode, so a
reader works while an ingest writes; a reader of one index generation sees only the rows of
that generation (`pin`). Its tables, their migration and the pinning are in
`lexicon_schema.py`, the compressed blocks of the corpus rows in `lexicon_codec.py` (read by
`lexicon_blocks.py`, merged by `lexicon_merge.py`; an older file's rows by
`lexicon_tables.py`), the rows an ingest gathers in `lexicon_rows.py`, the fallback table's
filling in `lexicon_fallback.py`.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from pqsearch.analyze import lexicon_acronyms
from pqsearch.analyze.fold import fold
from pqsearch.analyze.lexicon_codec import STOPWORDS, unescape
from pqsearch.analyze.lexicon_corpus import Corpus
from pqsearch.analyze.lexicon_fallback import FALLBACK_META, FallbackReader, fill_fallback
from pqsearch.analyze.lexicon_holders import HolderRows
from pqsearch.analyze.lexicon_merge import DamagedBlock, write_stopwords
from pqsearch.analyze.lexicon_rows import STOPPED, PendingRows
from pqsearch.analyze.lexicon_schema import compact_file, connect
from pqsearch.errors import DamagedIndexError, IndexProblemError

if TYPE_CHECKING:
    from pqsearch.analyze.lemmatize import Analysis

FILENAME = "lexicon.sqlite"

# Pending rows past this are written (and committed) before the next flush, to bound memory.
_AUTO_FLUSH_ROWS = 500_000


class Lexicon:
    """Folded surface form -> lemmas, original spelling and frequency; stopwords; metadata.

    Open with `Lexicon.open`. A writable lexicon gathers `add`ed documents in memory and
    writes them on `flush` (and on `close`).
    """

    def __init__(self, connection: sqlite3.Connection, path: Path, *, writable: bool) -> None:
        self._db = connection
        self.path = path
        self.writable = writable
        self._stopwords: frozenset[str] | None = None
        self._expanded: dict[str, frozenset[str]] = {}
        self._pending = PendingRows()
        self._shares: dict[str, dict[str, float]] = {}
        # Stem -> its lemmas, lemma -> its forms: a typed word's stem level and a phrase's
        # forms, read at every search that meets them (one SQLite query each).
        self._stem_lemmas: dict[str, frozenset[str]] = {}
        self._forms: dict[str, frozenset[str]] = {}
        # How many times `refresh` dropped them: what callers derived from them goes too.
        self.changes = 0
        # The corpus rows: compressed blocks, or the rows of a lexicon an ingest of this
        # version has not migrated yet (read-only), followed if one migrates it meanwhile.
        self._corpus = Corpus(connection, self._read, self._damaged, self._layout_changed)
        self._fallbacks = FallbackReader(self._read, self._corpus.tables, self._damaged)
        # The files each question was last read from: ingest's alone (`lexicon_holders`).
        self.holders = HolderRows(connection)
        # The index generation whose commit will hold the rows written now (ingest says;
        # 0, which every reader sees, when nothing does).
        self.next_generation: Callable[[], int] = lambda: 0
        # Which document defines which acronym, by generation.
        self.definitions = lexicon_acronyms.Definitions(connection, self._damaged)

    @classmethod
    def open(cls, path: Path, *, writable: bool = False) -> Lexicon:
        """Open the lexicon at `path` (the SQLite file, or an index folder holding
        `lexicon.sqlite`). Writable creates it, filling the fallback lemma table (about a
        second, once); read-only raises `DamagedIndexError` when it is missing or unreadable.
        """
        path = Path(path)
        if path.is_dir():
            path = path / FILENAME
        if not writable and not path.is_file():
            raise DamagedIndexError(
                f"The index has no lexicon ({path} is missing). "
                'Run "pqsearch ingest --rebuild" to rebuild the index.'
            )
        try:
            connection = connect(path, writable=writable)
        except sqlite3.DatabaseError as error:
            from pqsearch.resources import search_refused  # see `_damaged`

            refused = search_refused(path, error)
            if refused is not None:
                raise refused from error
            raise DamagedIndexError(
                f"The lexicon {path} cannot be read ({error}). "
                'Run "pqsearch ingest --rebuild" to rebuild the index.'
            ) from error
        lexicon = cls(connection, path, writable=writable)
        if writable and lexicon.get_meta(FALLBACK_META) is None:
            fill_fallback(connection)
        return lexicon

    def pin(self, generation: int) -> None:
        """Read from now on only what the index's `generation` held (a reader of that
        generation): rows an ingest writes for its next commit stay unseen."""
        self.definitions.generation = generation
        self._corpus.pin(generation)
        self._forget()

    def __enter__(self) -> Lexicon:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self, *, compact: bool = False) -> None:
        """Write what is pending (a writable lexicon) and close the file; `compact` (a new
        index's ingest) first rewrites it with its pages full."""
        if self.writable:
            self.flush()
            if compact:
                compact_file(self._db, self.path)
            # Everything into the main file: its checksum is then recorded
            # (`manifest.record_lexicon`), and a read-only mount can read it whole.
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.close()

    # Writing.

    def add(self, analyses: Iterable[Analysis]) -> None:
        """Record one document: the analyses of its parts (title, question, answer)."""
        self._pending.add(analyses)
        if len(self._pending) > _AUTO_FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Write and commit everything added so far."""
        try:
            self._pending.write(self._db, self.next_generation())
        except DamagedBlock as damage:
            raise self._damaged(damage.error) from damage.error
        self._corpus.reader.forget()
        self._forget()

    def refresh(self) -> None:
        """Drop what was kept of the file when another process wrote it since (one cheap
        check, before each call of an open index): the counts an ingest adds before its
        commit weigh a word's lemmas for a process opened then, so for this one too."""
        if self._corpus.written_elsewhere():
            self._stopwords = None
            self._forget()
            self.changes += 1

    def _layout_changed(self) -> None:
        """Another connection turned the rows into blocks: nothing read before holds."""
        self._fallbacks = FallbackReader(self._read, self._corpus.tables, self._damaged)
        self._stopwords = None
        self._forget()

    def _forget(self) -> None:
        """Drop what was read of the rows: the rows seen changed."""
        self._expanded.clear()
        self._shares.clear()
        self._stem_lemmas.clear()
        self._forms.clear()

    def set_stopwords(self, words: Iterable[str]) -> None:
        """Store the folded stopword set the analysis used (replacing any earlier one)."""
        folded = {fold(word) for word in words}
        with self._db:
            write_stopwords(self._db, folded)
        self._stopwords = frozenset(folded)
        self._expanded.clear()

    def set_meta(self, key: str, value: str) -> None:
        """Store a small string value (e.g. the sector taxonomy's name and version)."""
        self.set_meta_values({key: value})

    def set_meta_values(self, values: dict[str, str], *, dropping: Iterable[str] = ()) -> None:
        """Store several values at once, and delete the keys `dropping`: a reader sees all
        of it or none."""
        with self._db:
            self._db.executemany(
                "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
                ((key, value, value) for key, value in values.items()),
            )
            self._db.executemany("DELETE FROM meta WHERE key = ?", ((key,) for key in dropping))

    # Reading.

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        """The value stored under `key`, or `default`."""
        row = self._read("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else str(row[0])

    def stopwords(self) -> frozenset[str]:
        """The folded stopwords stored at ingest."""
        if self._stopwords is None:
            self._stopwords = self._corpus.ask(lambda _: self._read_stopwords())
        return self._stopwords

    def is_stopword(self, word: str) -> bool:
        """Whether `word` carries nothing to search for: a stopword, or a form whose every
        occurrence in the corpus had a stopword lemma ("avez"); `expand` gives it nothing."""
        return not self.expand(word)

    def lemmas(self, word: str) -> frozenset[str]:
        """The lemmas the corpus gave the folded `word` (empty for a form never indexed)."""
        return self._corpus_lemmas(fold(word)) - {STOPPED}

    def expand(self, word: str) -> frozenset[str]:
        """The folded lemmas to search for a query word: every lemma the corpus gave its
        form, else the fallback table's lemmas; always the folded form itself. A stopword,
        or a form the corpus only ever saw with a stopword lemma, gives the empty set (the
        caller drops it)."""
        key = fold(word)
        found = self._expanded.get(key)
        if found is None:
            found = self._expand(key)
            self._expanded[key] = found
        return found

    def share_lemma(self, word: str, other: str) -> bool:
        """Whether two query words have a lemma in common (`expand`): "basse" and "basses",
        "arrets" and "arret"; a stopword shares none."""
        return not self.expand(word).isdisjoint(self.expand(other))

    def lemma_shares(self, word: str) -> dict[str, float]:
        """The share of the folded `word`'s occurrences that got each lemma ("" for a
        stopword lemma: "ete" is mostly "etre"); equal shares when the lexicon has no counts
        (written before they were kept), empty for a form never indexed."""
        key = fold(word)
        found = self._shares.get(key)
        if found is None:
            counts = self._corpus.ask(lambda c: c.lemma_counts([key])).get(key, {})
            total = sum(counts.values())
            if total:
                found = {lemma: n / total for lemma, n in counts.items()}
            else:
                found = {lemma: 1 / len(counts) for lemma in counts}
            self._shares[key] = found
        return found

    def in_dictionary(self, word: str) -> bool:
        """Whether the context-free lemma table knows the folded `word` (a real word the
        corpus may never have shown, not a typo)."""
        return bool(self._fallback(fold(word)))

    def stem_lemmas(self, stem: str) -> frozenset[str]:
        """Every lemma of the corpus whose stem (`stems.stem`) is `stem`."""
        found = self._stem_lemmas.get(stem)
        if found is None:
            found = self._stem_lemmas[stem] = self._corpus.ask(lambda c: c.stem_lemmas(stem))
        return found

    def forms_of(self, lemma: str) -> frozenset[str]:
        """Every folded surface form the corpus gave the lemma `lemma`."""
        found = self._forms.get(lemma)
        if found is None:
            found = self._forms[lemma] = self.forms_of_lemmas([lemma]).get(lemma, frozenset())
        return found

    def forms_of_lemmas(self, lemmas: Iterable[str]) -> dict[str, frozenset[str]]:
        """`forms_of` of each of `lemmas` (folded) that the corpus gave a form, in a few
        queries."""
        wanted = sorted(set(lemmas))
        found = self._corpus.ask(lambda c: c.forms_of_lemmas(wanted))
        return {lemma: frozenset(forms) for lemma, forms in found.items()}

    def unindexed(self, keys: Iterable[str]) -> frozenset[str]:
        """Those of the folded forms `keys` the corpus never gave a lemma (`expand` gives
        them the fallback table's): of the thousands of forms of a page to highlight, the
        few whose lemmas the forms of the query's lemmas (`forms_of_lemmas`) do not tell."""
        wanted = sorted(set(keys))
        return self._corpus.ask(lambda c: c.unindexed(wanted))

    def expand_folded(self, keys: Iterable[str]) -> dict[str, frozenset[str]]:
        """`expand` of each of `keys`, folded forms (as `fold` gives them: folding one again
        gives it back), their lemmas read in a few queries: highlighting meets thousands of
        new forms on a fresh process's first page, and each form's own query or `fold`
        cost more than its lookup."""
        wanted = set(keys)
        missing = sorted(wanted - self._expanded.keys())
        corpus = self._corpus.ask(lambda c: c.lemma_counts(missing))
        nothing: frozenset[str] = frozenset()
        for key in missing:
            # A form the corpus never gave a lemma: `_expand` would find no rows either.
            found = corpus.get(key)
            self._expanded[key] = self._from_lemmas(key, frozenset(found) if found else nothing)
        return {key: self._expanded[key] for key in wanted}

    def display(self, form: str) -> str | None:
        """The most frequent original spelling of `form` in the corpus (accents kept), or
        None for a form never indexed."""
        key = fold(form)
        return self._corpus.ask(lambda c: c.display(key))

    def frequency(self, form: str) -> int:
        """How many ingested documents contained `form` (a re-ingested document counts
        again, so this is for ordering suggestions, not for hit counts)."""
        key = fold(form)
        return self._corpus.ask(lambda c: c.frequency(key))

    def form_documents(self) -> Iterator[tuple[str, int]]:
        """Every indexed form with `frequency` (for the spelling corrector's vocabulary)."""
        yield from self._corpus.current().form_documents()

    def __len__(self) -> int:
        return self._corpus.ask(lambda c: c.count())

    def _read(self, sql: str, parameters: tuple[str, ...] = ()) -> sqlite3.Cursor:
        """Run a query; a file SQLite finds malformed is a damaged index, not a bug."""
        try:
            return self._db.execute(sql, parameters)
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.ProgrammingError | sqlite3.InterfaceError):
                raise
            raise self._damaged(error) from error

    def _read_stopwords(self) -> frozenset[str]:
        if "stopwords" in self._corpus.tables:  # the rows layout's table
            rows = self._read("SELECT word FROM stopwords").fetchall()
            return frozenset(str(row[0]) for row in rows)
        row = self._read("SELECT rows FROM blocks WHERE kind = ?", (STOPWORDS,)).fetchone()
        if row is None:
            return frozenset()
        try:
            text = zlib.decompress(row[0]).decode()
        except (zlib.error, UnicodeDecodeError, TypeError) as error:
            raise self._damaged(error) from error
        return frozenset(unescape(word) for word in text.split("\n") if word)

    def _damaged(self, error: Exception) -> IndexProblemError:
        # Imported on this failure alone: `resources` (and the standard `resource`) is no
        # part of a search that succeeds, and every terminal search imports this module.
        from pqsearch.resources import search_refused

        refused = search_refused(self.path, error)
        if refused is not None:
            return refused
        return DamagedIndexError(
            f"The lexicon {self.path} cannot be read ({error}). "
            'Run "pqsearch ingest --rebuild" to rebuild the index.'
        )

    def _expand(self, key: str) -> frozenset[str]:
        # The rows `lemma_shares` reads (and keeps, cleared with `_expanded`): a query word
        # asks for its lemmas and for their shares, one read serves both.
        return self._from_lemmas(key, frozenset(self.lemma_shares(key)))

    def _from_lemmas(self, key: str, corpus: frozenset[str]) -> frozenset[str]:
        """What `expand` gives `key`, whose corpus lemmas are `corpus`."""
        stops = self.stopwords()
        if not key or key in stops:
            return frozenset()
        if corpus == {STOPPED}:
            return frozenset()
        return ((corpus - {STOPPED}) or (self._fallback(key) - stops)) | {key}

    def _corpus_lemmas(self, key: str) -> frozenset[str]:
        return frozenset(self._corpus.ask(lambda c: c.lemma_counts([key])).get(key, ()))

    def _fallback(self, key: str) -> frozenset[str]:
        return self._fallbacks.lemmas(key)
