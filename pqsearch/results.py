"""The records a search returns: ranked hits, facets, did-you-means and `--explain`.

`SearchResult` is one page of `Hit`s with the `Facet` counts over every match, the
`Suggestion`s and `Correction`s for words that matched nothing, and what each typed word was
searched as (`WordExplanation`); `WatchReport` is what a saved search found since its last run.
Re-exported by `pqsearch.models`, where every record type can be imported from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from pqsearch.jsonable import JsonObject, as_dict


@dataclass(frozen=True)
class Highlight:
    """A snippet of the original text; `spans` are (start, end) offsets of matched words."""

    part: str
    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class HitDetails:
    """What analysis says of a hit (`Hit.extra`); `shared_terms` and `same_question` are
    filled by `similar` only.

    `answer_type` is the kind of answer (substantive, by_reference, not_competent, ...; None
    for a record indexed before answer types were kept), `sectors` the ids of the sectors the
    document is about, `kind` and `source_format` those of its record, `shared_terms` the key
    words it shares with the document or draft compared, `same_question` whether it is the
    same question (sent to another minister, or asked again). `content_hash` is the hash of
    the record as indexed (it changes when its source changes), read with the hit itself, so a
    saved search compares what it shows, never a newer commit's.
    """

    answer_type: str | None = None
    sectors: tuple[str, ...] = ()
    portfolios: tuple[str, ...] = ()
    kind: str | None = None
    source_format: str | None = None
    content_hash: str | None = None
    shared_terms: tuple[str, ...] = ()
    same_question: bool = False


@dataclass(frozen=True)
class Hit:
    """One search result: enough to show it in a list, the full record via `show`."""

    id: str
    score: float
    rank: int
    title: str
    number: int | None
    legislature: str | None
    session: str | None
    author: str | None
    addressee: str | None
    received_on: dt.date | None
    published_on: dt.date | None
    answered_on: dt.date | None
    # Whether its answer's text is published, as `--status answered` selects: an answer sent
    # to the member and not printed (answer type not_published) is False.
    answered: bool
    source: str
    url: str | None
    highlights: tuple[Highlight, ...] = ()
    extra: HitDetails = field(default_factory=HitDetails)
    # The same question sent to other addressees, shown once (`SearchResult` docstring).
    copies: tuple[Copy, ...] = ()


@dataclass(frozen=True)
class FacetCount:
    """One value of a facet and how many matching documents carry it."""

    value: str
    count: int


@dataclass(frozen=True)
class Facet:
    """Counts per value of one field over the whole result set, most frequent first."""

    name: str
    results: tuple[FacetCount, ...]
    truncated: bool


@dataclass(frozen=True)
class Suggestion:
    """A did-you-mean: a query word that matched nothing, a real indexed word, its hit count."""

    word: str
    suggestion: str
    hits: int


@dataclass(frozen=True)
class AbsentValue:
    """A filter value that is valid but that no document in the index has ("kind:oral",
    `--answer-type renvoi`): it matches nothing without an error, as a saved search waits
    for the first such document. `field` is the filter as typed, `value` what it named."""

    field: str
    typed: str
    value: str
    label: str


SynonymSource = Literal["thesaurus", "user file", "corpus acronym", "dutch", "correction"]


@dataclass(frozen=True)
class Synonym:
    """A term a query word is also searched as (`Index.synonyms`): the term as written,
    where it came from, and its weight against the typed word's 1.0."""

    term: str
    source: SynonymSource
    weight: float


# How a typed word was found: its own lemmas, its own surface form, a word of the same family
# (stem), its Dutch stem, a synonym or acronym, a spelling correction.
MatchSource = Literal["lemma", "form", "stem", "dutch", "synonym", "correction"]


@dataclass(frozen=True)
class MatchedTerm:
    """One term a typed word was searched as, and the weight of a match on it (1.0 for the
    word itself; an ambiguous form's lemmas by their share of its use; less for looser)."""

    source: MatchSource
    term: str
    weight: float


@dataclass(frozen=True)
class Correction:
    """A query word that matched nothing and the indexed word searched instead (issue 14);
    search again with `correct=False` (`--no-correct`) to search the word as typed."""

    word: str
    correction: str


@dataclass(frozen=True)
class WordExplanation:
    """What one typed word (or quoted phrase) was searched as (`--explain`)."""

    word: str
    matches: tuple[MatchedTerm, ...]


@dataclass(frozen=True)
class Copy:
    """Another copy of a hit's question: the same question sent to another addressee."""

    id: str
    addressee: str | None


@dataclass(frozen=True)
class SearchResult:
    """One page of ranked hits: `total` counts every match, `facets` are counted over all of
    them, `suggestions` are did-you-mean for query words that matched nothing.

    `total` and the facets count documents: a question sent to three ministers is three
    documents, though the page shows it once, the other two in its hit's `copies`; `listed`
    counts what the pages list.
    `explanation` says what each typed word was searched as."""

    query: str
    total: int
    page: int
    limit: int
    hits: tuple[Hit, ...]
    facets: tuple[Facet, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    # The words searched as their spelling correction, and the query as searched then
    # ("Results for ..." above the CLI's hits; None when nothing was corrected).
    corrections: tuple[Correction, ...] = ()
    corrected_query: str | None = None
    explanation: tuple[WordExplanation, ...] = ()
    # How many hits the pages list in all: `total` without copies grouped, fewer with them
    # (each question once); None when grouped pages go on past this one and counting them
    # would read every record (the page is then not the last). With `limit`, the last page.
    listed: int | None = None
    # When nothing matched: the valid filter values typed that no document has.
    absent: tuple[AbsentValue, ...] = ()

    @property
    def last_page(self) -> int | None:
        """The last page with hits (1 when nothing matched), or None when not known."""
        if self.listed is None or not self.limit:
            return None
        return max(1, -(-self.listed // self.limit))

    def to_dict(self) -> JsonObject:
        return as_dict(self)


@dataclass(frozen=True)
class WatchReport:
    """What one saved search found since its last run."""

    name: str
    query: str
    new: tuple[Hit, ...]
    changed: tuple[Hit, ...]
    total: int
    first_run: bool
    # The ids among `changed` that had no answer when last shown and have one now.
    newly_answered: tuple[str, ...] = ()
    # Why the saved search could not run this time (past the limit, a query that no longer
    # parses, an index error): then nothing is in it and nothing was recorded for it.
    error: str | None = None
