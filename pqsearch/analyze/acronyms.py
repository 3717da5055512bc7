"""Acronyms and their long forms, mined from the documents at ingest.

Drafters spell an acronym out the first time they use it: "le Service d'incendie et d'aide
médicale urgente (SIAMU)", "la zone de basses émissions (LEZ)". A long form whose content
words' initials spell the acronym (SIAMU) is taken at once; one that does not (LEZ is the
Dutch "Lage-emissiezone") is the noun group before the bracket, and is kept only once
`MIN_LOOSE_DOCUMENTS` documents agree on it. Which document gave which pair is kept in
the index's lexicon (a table versioned by index generation, `lexicon_acronyms`, so that a
document re-ingested or removed stops counting from the commit that changed it), and how many
documents gave each pair under one metadata key, recounted from that table before each Whoosh
commit (`Acronyms.save`) and marked with that commit's generation: the query path reads only
the counts, to expand "SIAMU" to its long form and back without reading the documents (a
reader of another generation, in the moment before a commit, counts its own from the table).
No spaCy here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from pqsearch.analyze.fold import fold, surface_tokens
from pqsearch.analyze.lexicon import Lexicon

# The counts as indexes before schema 7 kept them, without a generation: read from those
# (and taken over at their next ingest), deleted by the first commit that marks its counts.
META_KEY = "acronyms"
# The counts with the generation they describe: what readers read.
GENERATION_META_KEY = "acronyms_at"
# The document of a definition counted before definitions were kept per document.
LEGACY_DOCUMENT = "\x00counted before 2026-12: "
MIN_LOOSE_DOCUMENTS = 2
# Long forms of at most this many words (a bracket after a whole sentence is no definition).
MAX_LONG_WORDS = 10

# Two to eight letters, at least two of them capitals, alone in brackets: "(SIAMU)", "(LEZ)",
# "(SPF)", "(CoCoF)".
_DEFINED = re.compile(r"([^()\n.;:]{3,200}?)\s*\(\s*([A-Za-z][A-Za-z&\-]{1,7})\s*\)")
# The bracket alone, and the longest text a match may start before its "(": 200 characters of
# long form and the blanks between them and the bracket.
_BRACKET = re.compile(r"(\s*)\(\s*[A-Za-z][A-Za-z&\-]{1,7}\s*\)")
_LONGEST = 200
# Words that do not give an initial, and determiners that start a noun group.
_LINKS = frozenset(
    [
        "de",
        "du",
        "des",
        "d",
        "la",
        "le",
        "les",
        "l",
        "et",
        "a",
        "au",
        "aux",
        "en",
        "pour",
        "sur",
        "par",
        "dans",
        "a",
        "l",
        "un",
        "une",
    ]
)
_DETERMINERS = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "au",
        "aux",
        "ce",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
    ]
)


def find_definitions(text: str) -> Iterator[tuple[str, str, bool]]:
    """(acronym, long form, whether its initials spell the acronym) for each definition in
    `text`; both folded, the long form as its words joined by spaces."""
    for match in _definitions(text):
        acronym = match.group(2)
        if sum(c.isupper() for c in acronym) < 2:
            continue
        letters = fold(re.sub(r"[^A-Za-z]", "", acronym))
        words = surface_tokens(match.group(1))[-MAX_LONG_WORDS:]
        strict = _by_initials(words, letters)
        if strict is not None:
            yield letters, " ".join(strict), True
            continue
        loose = _noun_group(words)
        if loose is not None and len(loose) >= 2:
            yield letters, " ".join(loose), False


def _definitions(text: str) -> Iterator[re.Match[str]]:
    """What `_DEFINED.finditer(text)` gives, found from the brackets: tried at every position,
    the lazy long form scanned up to 200 characters ahead from each (a third of an ingest's
    main process). A match ends with a bracket, and the long form holds no bracket, so each
    bracket's match, if any, starts at most `_LONGEST` characters before it (its blanks aside)
    and after the previous match: `_DEFINED` searched there finds the same leftmost start."""
    done = 0
    for bracket in _BRACKET.finditer(text):
        if bracket.start() < done:
            continue
        start = max(done, bracket.start(1) - _LONGEST)
        match = _DEFINED.search(text, start, bracket.end())
        if match is not None:
            done = match.end()
            yield match


def _by_initials(words: list[str], letters: str) -> list[str] | None:
    """The shortest tail of `words` whose content words' initials spell `letters`."""
    for start in range(len(words) - 1, -1, -1):
        tail = words[start:]
        if tail[0] in _LINKS:
            continue
        initials = "".join(w[0] for w in tail if w not in _LINKS)
        if initials == letters:
            return tail
        if len(initials) > len(letters):
            return None
    return None


def _noun_group(words: list[str]) -> list[str] | None:
    """The words after the last determiner, when there is one."""
    for start in range(len(words) - 1, -1, -1):
        if words[start] in _DETERMINERS:
            group = words[start + 1 :]
            return group if group and group[0] not in _LINKS else None
    return None


class Acronyms:
    """The definitions mined from the documents written since the last `save`, and the
    documents removed since: what the lexicon's per-document table must change."""

    def __init__(self) -> None:
        self.written: set[str] = set()
        self.removed: set[str] = set()
        self.rows: dict[tuple[str, str, str], bool] = {}
        # Whether the lexicon's counts from before the per-document table were taken over
        # (once per ingest: checking reads the whole table).
        self._adopted = False

    def add(self, document: str, texts: Iterable[str]) -> None:
        """Mine one document (its parts' texts), written anew: what it defined before, if
        it was indexed already, no longer counts."""
        if document in self.written:
            self._forget(document)
        self.written.add(document)
        self.removed.discard(document)
        for text in texts:
            for acronym, long_form, strict in find_definitions(text):
                key = (document, acronym, long_form)
                self.rows[key] = self.rows.get(key, False) or strict

    def remove(self, document: str) -> None:
        """A document dropped from the index: its definitions no longer count."""
        if document in self.written:
            self._forget(document)
        self.removed.add(document)
        self.written.discard(document)

    def _forget(self, document: str) -> None:
        for key in [k for k in self.rows if k[0] == document]:
            del self.rows[key]

    def save(self, lexicon: Lexicon) -> None:
        """Write the changes into the lexicon (before its flush, at each commit) and the
        counts the query path reads (`load`) again from its table, so that a document
        re-ingested or removed stops counting for what it no longer defines. The counts are
        marked with the generation of the commit to come: a reader of another one counts
        its own from the table."""
        if not self._adopted:
            _adopt_legacy_counts(lexicon)
            self._adopted = True
        changed = bool(self.written or self.removed)
        if changed:
            lexicon.definitions.replace(
                self.written | self.removed,
                (
                    (doc, acronym, form, strict)
                    for (doc, acronym, form), strict in self.rows.items()
                ),
                lexicon.next_generation(),
            )
        generation = lexicon.next_generation()
        if changed or _marked_generation(lexicon) != generation:
            _store_counts(lexicon, generation)
        self.written.clear()
        self.removed.clear()
        self.rows.clear()


def discard_uncommitted(lexicon: Lexicon, generation: int) -> None:
    """Before an ingest writes: forget the definitions an ingest killed before its commit
    wrote for a generation after `generation` (the last committed), so that they expand
    nothing once their file is gone (audit 18, L2), and count for `generation` again."""
    marked = _marked_generation(lexicon)
    if lexicon.definitions.discard_after(generation) or (
        marked is not None and marked > generation
    ):
        _store_counts(lexicon, generation)


def _store_counts(lexicon: Lexicon, generation: int) -> None:
    stored: dict[str, dict[str, list[int | bool]]] = {}
    for acronym, long_form, count, strict in lexicon.definitions.counts():
        stored.setdefault(acronym, {})[long_form] = [count, strict]
    marked = json.dumps({"generation": generation, "counts": stored}, ensure_ascii=False)
    # In one transaction: a reader never sees counts marked with another generation's number.
    # The unmarked copy goes: versions that read only it refuse a schema 7 index, and it was
    # a second copy of every count (0.6 MB at 100,000 documents) written at each commit.
    lexicon.set_meta_values({GENERATION_META_KEY: marked}, dropping=(META_KEY,))


def _marked_generation(lexicon: Lexicon) -> int | None:
    raw = lexicon.get_meta(GENERATION_META_KEY)
    return None if raw is None else int(json.loads(raw)["generation"])


def _adopt_legacy_counts(lexicon: Lexicon) -> None:
    """An index written before the per-document table kept counts only: each counted
    document becomes a row of a placeholder document, held since generation 0, so those
    counts stay (and stay until `ingest --rebuild`) while new documents count beside them."""
    if lexicon.definitions.counts():
        return
    rows = [
        (f"{LEGACY_DOCUMENT}{acronym} {long_form} {n}", acronym, long_form, bool(strict))
        for acronym, forms in load_unmarked(lexicon).items()
        for long_form, (count, strict) in forms.items()
        for n in range(int(count))
    ]
    if rows:
        # Generation 0, as `migrate` takes over an older table: every committed generation
        # served these counts, and an ingest killed before its commit must not discard them.
        lexicon.definitions.replace((), rows, 0)


def load(lexicon: Lexicon) -> dict[str, dict[str, list[int | bool]]]:
    """Everything stored: acronym -> long form -> [documents, strict], as the lexicon's
    generation held it (an ingest's lexicon: as held now)."""
    marked = lexicon.get_meta(GENERATION_META_KEY)
    if marked is not None:
        at = json.loads(marked)
        pinned = lexicon.definitions.generation
        # Every commit that changes a definition marks its counts with its generation, so a
        # mark at or below the reader's says its definitions are those (a merge commit, such
        # as a new index's last, marks nothing: review X, F3).
        if pinned is None or int(at["generation"]) <= pinned:
            counts: dict[str, dict[str, list[int | bool]]] = at["counts"]
            return counts
        # Counts of another generation (an ingest's commit to come): this one's own.
        found: dict[str, dict[str, list[int | bool]]] = {}
        for acronym, long_form, count, strict in lexicon.definitions.counts():
            found.setdefault(acronym, {})[long_form] = [count, strict]
        return found
    return load_unmarked(lexicon)


def load_unmarked(lexicon: Lexicon) -> dict[str, dict[str, list[int | bool]]]:
    """The counts of a lexicon written before they were marked with a generation."""
    raw = lexicon.get_meta(META_KEY)
    stored: dict[str, dict[str, list[int | bool]]] = json.loads(raw) if raw else {}
    return stored


def long_forms(lexicon: Lexicon) -> dict[str, list[str]]:
    """Acronym -> its accepted long forms, the most documented first."""
    accepted: dict[str, list[str]] = {}
    for acronym, forms in load(lexicon).items():
        kept = [
            (int(count), long_form)
            for long_form, (count, strict) in forms.items()
            if strict or int(count) >= MIN_LOOSE_DOCUMENTS
        ]
        if kept:
            accepted[acronym] = [f for _, f in sorted(kept, key=lambda k: (-k[0], k[1]))]
    return accepted
