"""The query language: a hand-written tokenizer and recursive-descent parser to a typed tree.

What users type, and the tree it gives (the compiler turns the tree into a Whoosh query):

- `logement social`: plain words are an `AnyOf`, ranked with every word first but still
  finding documents that lack one. Fields and exclusions in such a sequence are requirements,
  not options: `logement session:20/21 -loyer` is `And(AnyOf(Word), FieldValue, Not(Word))`
  (one plain word stays in an `AnyOf`: it is not an operand of AND).
- `a AND b`, `a OR b`, `NOT a` or `-a`; French `ET`, `OU`, `SAUF` too. Operators count only in
  capitals ("et", "ou" are words). NOT binds tightest, then AND, then OR, then plain sequence:
  `logement social OR sociaux` is logement (social OR sociaux). Parentheses group.
- `"diplomates technologiques"`, `“...”` or `« ... »`: a `Phrase` (one quoted word stays a
  Phrase, so the compiler can read quotes as "this exact form"). `*` inside quotes is refused.
  `="..."` is a literal `Phrase`: the compiler searches its words' other inflections only
  without the `=`.
- `technolog*`: a `Prefix` of at least 2 letters or digits; `*` elsewhere in a word is refused.
- `name:value` where name is letters (plus `_`, `-`) is a field, see `pqsearch.query.fields`:
  `titre:mobilité`, `auteur:debaets`, `ministre:"van den brandt"`, `titre:(vélo OR trottinette)`,
  `recu:2021-03`, `recu:[2021-01-01 TO 2021-06-30]`, `repondu:>=2021`. Not a field: a colon
  after digits (`10:30`), a URL (`https://...`), and a colon followed by a space after a text
  field or an unknown name ("Ma question: ..."); after a metadata or date field that space is
  refused as a typo (`session: 20/21`).
- A word with no letter or digit ("—", "?", a lone "-") is punctuation and is dropped; `+`
  means nothing special.

Anything else raises `QuerySyntaxError` naming the problem, its column, and what is accepted.
Hostile input is bounded: `MAX_QUERY_LENGTH` characters, `MAX_TERMS` terms (`tokens`),
`MAX_DEPTH` nested parentheses (`parser`); the parser never recurses deeper than that.

The tree's node types live in `nodes` and are re-exported here, with the limits.
"""

from __future__ import annotations

from pqsearch.errors import QuerySyntaxError
from pqsearch.query.nodes import (
    And,
    AnyOf,
    DateRange,
    FieldValue,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    Word,
)
from pqsearch.query.parser import MAX_DEPTH, Parser
from pqsearch.query.tokens import MAX_TERMS, Tokenizer

__all__ = [
    "MAX_DEPTH",
    "MAX_QUERY_LENGTH",
    "MAX_TERMS",
    "And",
    "AnyOf",
    "DateRange",
    "FieldValue",
    "Node",
    "Not",
    "Or",
    "Phrase",
    "Prefix",
    "Word",
    "parse_query",
]

MAX_QUERY_LENGTH = 10_000
# A correction fixes one error; a query with more than this many is not corrected whole.
MAX_FIXES = 20


def parse_query(text: str) -> Node | None:
    """The syntax tree of a query string, or None for a blank query (browse mode).

    Raises `QuerySyntaxError` with the problem, its column and the accepted forms.
    """
    if len(text) > MAX_QUERY_LENGTH:
        raise QuerySyntaxError(
            f"The query is {len(text):,} characters long; the limit is {MAX_QUERY_LENGTH:,}. "
            "Shorten it, or use filters for metadata.",
            kind="query_too_long",
            value=str(MAX_QUERY_LENGTH),
        )
    try:
        return Parser(text, Tokenizer(text).run()).parse()
    except QuerySyntaxError as error:
        if error.corrected:
            error.corrected = _corrected_whole(error.corrected)
        if error.kind == "field_equals" and error.position is not None:
            # The word in quotes, the other errors fixed as `corrected` fixes them (review P6:
            # the CLI built it from the query as typed, keeping them).
            start, end = error.position, error.position + len(str(error.value))
            quoted = f'{text[:start]}"{text[start:end]}"{text[end:]}'
            error.as_written = _corrected_whole(quoted) or quoted
        raise


def _corrected_whole(text: str) -> str:
    """`text` (a query with its first error fixed) with every further error the parser knows
    how to fix fixed too, or "" when one it cannot fix remains: a `corrected` query always
    parses (review F F7: "recu:2021 TO 2022 portfolio==X" was corrected to a query that still
    failed on its "==")."""
    for _ in range(MAX_FIXES):
        try:
            Parser(text, Tokenizer(text).run()).parse()
        except QuerySyntaxError as error:
            if not error.corrected or error.corrected == text:
                return ""
            text = error.corrected
        else:
            return text
    return ""
