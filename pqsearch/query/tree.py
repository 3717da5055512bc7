"""The query tree the compiler builds and the numpy layer evaluates.

The user's syntax (`syntax.py`) and the filters compile (`compile.py`) to these nodes, which
name index fields and terms; `match.py` finds the documents a tree matches and `rank.py`
scores them. Whoosh is only the storage under them (postings, stored fields, columns): no
Whoosh query object is built on the search path.

Every node carries a `boost` that multiplies its score. How each node scores is said in
`rank.py`; the scores are Whoosh's BM25F for the same tree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """The documents whose `field` holds the term `text` (a word, a lemma, a metadata value,
    or a whole number in a numeric field)."""

    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase:
    """The documents whose `field` (a surface-word field, which keeps positions) holds
    `words` one right after the other; with `alternatives`, any of the forms given for each
    place (a lemmatized phrase: "transports en commun" for "transport en commun")."""

    field: str
    words: tuple[str, ...]
    boost: float = 1.0
    alternatives: tuple[tuple[str, ...], ...] = ()

    def forms(self, place: int) -> tuple[str, ...]:
        """The surface forms accepted at `place` of the phrase."""
        return self.alternatives[place] if self.alternatives else (self.words[place],)


@dataclass(frozen=True)
class Prefix:
    """Every term of `field` that starts with `text`."""

    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Range:
    """A date field's `YYYYMMDD` from `start` to `end` inclusive (None: open), or with
    `start == end` one value of another numeric field (the question number)."""

    field: str
    start: int | None
    end: int | None
    boost: float = 1.0


@dataclass(frozen=True)
class Every:
    """Every live document."""

    boost: float = 1.0


@dataclass(frozen=True)
class Nothing:
    """No document (an OR whose every item was a stopword)."""


@dataclass(frozen=True)
class And:
    """The documents every item matches."""

    items: tuple[Query, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class Or:
    """The documents any item matches."""

    items: tuple[Query, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class Not:
    """Every live document `item` does not match (alone, or inside an OR)."""

    item: Query
    boost: float = 1.0


@dataclass(frozen=True)
class AndNot:
    """The documents `positive` matches and `negative` does not, scored as `positive`."""

    positive: Query
    negative: Query
    boost: float = 1.0


Query = Term | Phrase | Prefix | Range | Every | Nothing | And | Or | Not | AndNot
Leaf = Term | Phrase | Prefix | Range | Every | Nothing


def children(query: Query) -> tuple[Query, ...]:
    """The direct subqueries of a node (none for a leaf)."""
    if isinstance(query, And | Or):
        return query.items
    if isinstance(query, Not):
        return (query.item,)
    if isinstance(query, AndNot):
        return (query.positive, query.negative)
    return ()


def all_of(items: list[Query], boost: float = 1.0) -> Query:
    """The AND of `items`, or the one item itself."""
    if len(items) == 1 and boost == 1.0:
        return items[0]
    return And(tuple(items), boost=boost)


def any_of(items: list[Query], boost: float = 1.0) -> Query:
    """The OR of `items`, the one item itself, or Nothing for none."""
    if not items:
        return Nothing()
    if len(items) == 1 and boost == 1.0:
        return items[0]
    return Or(tuple(items), boost=boost)


# The widest AND `balanced_and` builds: wider ones become a tree of them.
AND_FAN_OUT = 16


def with_exclusions(required: list[Query], negated: list[Query]) -> Query | None:
    """The AND of `required` (everything when none) less any of `negated`; None for neither."""
    if not required and not negated:
        return None
    positive = Every() if not required else balanced_and(required)
    if not negated:
        return positive
    return AndNot(positive, any_of(negated))


def balanced_and(items: list[Query], boost: float = 1.0) -> Query:
    """AND of `items` as a balanced tree of small ANDs, so that evaluating a thousand typed
    words never recurses a thousand levels deep."""
    if len(items) == 1 and boost == 1.0:
        return items[0]
    if len(items) <= AND_FAN_OUT:
        return And(tuple(items), boost=boost)
    middle = len(items) // 2
    return And((balanced_and(items[:middle]), balanced_and(items[middle:])), boost=boost)


__all__ = [
    "And",
    "AndNot",
    "Every",
    "Leaf",
    "Not",
    "Nothing",
    "Or",
    "Phrase",
    "Prefix",
    "Query",
    "Range",
    "Term",
    "all_of",
    "any_of",
    "balanced_and",
    "children",
    "with_exclusions",
]
