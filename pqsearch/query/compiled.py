"""What the compiler (`compile.py`) gives the search: the query tree and what it learnt of
the typed words on the way (what to highlight, what was corrected, left out or excluded)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pqsearch.query import tree as qt
from pqsearch.query.expansions import Spelling
from pqsearch.results import WordExplanation


@dataclass
class Compiled:
    """A query tree and what the rest of the search needs to know about it."""

    query: qt.Query | None
    # Folded forms and lemmas to highlight in the original text; of the forms, the stopwords
    # of a phrase, marked only beside another match ("transport [en] commun").
    forms: set[str] = field(default_factory=set)
    lemmas: set[str] = field(default_factory=set)
    joining: set[str] = field(default_factory=set)
    # Words whose own query is worth checking for a did-you-mean: (typed word, its query)
    # and the one text part it was limited to, if any ("titre:communiquer": title).
    words: list[tuple[str, qt.Query, str | None]] = field(default_factory=list)
    # Per typed text-part restriction (for snippets): which parts words were searched in.
    has_text: bool = False
    # Whether to correct words that match nothing, and the corrections made.
    spelling: Spelling = field(default_factory=Spelling)
    # What each typed word was searched as, in the order typed (`--explain`).
    explanation: list[WordExplanation] = field(default_factory=list)
    # Whether any typed word, phrase or prefix was searched (not every one a common word).
    searched: bool = False
    # Whether one was searched outside an exclusion: an excluded word restricts, as a filter
    # does, so common words beside exclusions alone are still a query of common words alone.
    positive: bool = False
    # How many exclusions (NOT, -) enclose the node being compiled.
    excluding: int = 0
    # The common words (folded) typed and left out, in the order typed.
    dropped: list[str] = field(default_factory=list)
    # The field values typed in the query outside exclusions ("kind:oral"): (field, value).
    typed_values: list[tuple[str, str]] = field(default_factory=list)

    @property
    def corrections(self) -> dict[str, str]:
        """Typed word (folded) -> the indexed form searched instead (it matched nothing)."""
        return self.spelling.corrections

    def searching(self) -> None:
        """A typed word, phrase or prefix is searched (for it, or excluded)."""
        self.searched = True
        self.positive = self.positive or not self.excluding
