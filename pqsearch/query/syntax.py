"""The query language: a hand-written tokenizer and recursive-descent parser to a typed tree.

What users type, and the tree it gives (the compiler turns the tree into a Whoosh query):

- `logement social`: plain words are an `AnyOf`, ranked with every word first but still
  finding documents that lack one. Fields and exclusions in such a sequence are requirements,
  not options: `logement session:20/21 -loyer` is `And(Word, FieldValue, Not(Word))`.
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
Hostile input is bounded: `MAX_QUERY_LENGTH` characters, `MAX_TERMS` terms, `MAX_DEPTH`
nested parentheses; the parser never recurses deeper than that.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal, TypeAlias

from pqsearch.errors import QuerySyntaxError
from pqsearch.query.dates import parse_date_range
from pqsearch.query.fields import (
    FieldSpec,
    canonical_status,
    describe_fields,
    describe_statuses,
    field_spec,
)

MAX_QUERY_LENGTH = 10_000
MAX_TERMS = 1_000
MAX_DEPTH = 50


@dataclass(frozen=True)
class Word:
    """One word as the user typed it (not folded); `field` limits it to one text field."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class Prefix:
    """`technolog*`: words starting with `text` (the `*` is not part of `text`)."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class Phrase:
    """Quoted words, in order, as typed; `literal` for `="..."` (these exact forms, not
    their other inflections)."""

    words: tuple[str, ...]
    field: str | None = None
    literal: bool = False


@dataclass(frozen=True)
class FieldValue:
    """A metadata field and its value as typed, to resolve against the indexed values.

    `field` is canonical (`author`, `session`...). For `status` the value is known to be
    valid and `fields.canonical_status` gives the indexed form; `number` values are digits.
    """

    field: str
    value: str


@dataclass(frozen=True)
class DateRange:
    """Documents whose `field` date (received, published, answered) lies in [start, end].

    Both ends are included; None is an open end (never both).
    """

    field: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class And:
    """Every item must match."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    """At least one item must match."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    """Plain words side by side: at least one must match, matching all of them ranks first.

    Items are only words, prefixes, phrases and groups holding some; the filters and
    exclusions typed among them are lifted into an enclosing `And`.
    """

    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    """Documents that do not match `item`. At the top level it means "everything except"."""

    item: Node


Node: TypeAlias = Word | Prefix | Phrase | FieldValue | DateRange | And | Or | AnyOf | Not

_TokenKind = Literal["word", "phrase", "field", "range", "lparen", "rparen", "and", "or", "not"]


@dataclass(frozen=True, slots=True)
class _Token:
    kind: _TokenKind
    # The word or value, the phrase as typed, the canonical field name, or the operator.
    text: str
    start: int
    words: tuple[str, ...] = ()


_OPERATORS: dict[str, _TokenKind] = {
    "AND": "and",
    "ET": "and",
    "OR": "or",
    "OU": "or",
    "NOT": "not",
    "SAUF": "not",
}
# Straight and curly double quotes are interchangeable (word processors curl them, sometimes
# both the same way); guillemets pair up.
_STRAIGHT_QUOTES = '"“”„'
_WORD = re.compile(r'[^\s()"“”„«»]+')
_FIELD_NAME = re.compile(r"([^\W\d_](?:[^\W\d]|-)*):")
_DIGITS = re.compile(r"[0-9]+")


def parse_query(text: str) -> Node | None:
    """The syntax tree of a query string, or None for a blank query (browse mode).

    Raises `QuerySyntaxError` with the problem, its column and the accepted forms.
    """
    if len(text) > MAX_QUERY_LENGTH:
        raise QuerySyntaxError(
            f"The query is {len(text):,} characters long; the limit is {MAX_QUERY_LENGTH:,}. "
            "Shorten it, or use filters for metadata."
        )
    tokens = _Tokenizer(text).run()
    return _Parser(text, tokens).parse()


def _failure(text: str, start: int, message: str) -> QuerySyntaxError:
    """An error whose message ends with the query around `start` and a caret under it."""
    low, high = max(0, start - 30), min(len(text), start + 30)
    shown = "".join(c if c.isprintable() else " " for c in text[low:high])
    before = "..." if low else ""
    after = "..." if high < len(text) else ""
    caret = " " * (len(before) + start - low) + "^"
    return QuerySyntaxError(f"{message}\n  {before}{shown}{after}\n  {caret}")


class _Tokenizer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[_Token] = []
        self.terms = 0

    def run(self) -> list[_Token]:
        text, position = self.text, 0
        while position < len(text):
            char = text[position]
            if char.isspace():
                position += 1
            elif char in "()":
                self.tokens.append(_Token("lparen" if char == "(" else "rparen", char, position))
                position += 1
            elif char in _STRAIGHT_QUOTES or char == "«":
                position = self._phrase(position)
            elif char == "=" and text[position + 1 : position + 2] in (*_STRAIGHT_QUOTES, "«"):
                # `="..."`: a literal phrase, its words as typed (no other inflections).
                end = self._phrase(position + 1)
                quoted = self.tokens.pop()
                self.tokens.append(_Token("phrase", "=" + quoted.text, position, quoted.words))
                position = end
            elif char == "»":
                raise _failure(
                    text, position, f"Closing quote » at column {position + 1} has no opening «."
                )
            elif char == "-":
                # A dash negates only when glued to what follows: "Bruxelles - Mobilité" is prose.
                following = text[position + 1 : position + 2]
                if following and not following.isspace() and following not in ")-":
                    self.tokens.append(_Token("not", "-", position))
                position += 1
            else:
                position = self._word(position)
        return self.tokens

    def _count(self, terms: int, start: int) -> None:
        self.terms += terms
        if self.terms > MAX_TERMS:
            raise _failure(
                self.text,
                start,
                f"The query has more than {MAX_TERMS:,} terms (words, phrase words, field "
                f"values); the limit is {MAX_TERMS:,}. Shorten it.",
            )

    def _phrase(self, start: int) -> int:
        opening = self.text[start]
        closing = "»" if opening == "«" else _STRAIGHT_QUOTES
        end = next((i for i in range(start + 1, len(self.text)) if self.text[i] in closing), None)
        if end is None:
            raise _failure(
                self.text,
                start,
                f"Unbalanced quote: the {opening} at column {start + 1} is never closed. "
                "Close the phrase, or remove the quote to search the words separately.",
            )
        words = tuple(self.text[start + 1 : end].split())
        self._count(max(len(words), 1), start)
        self.tokens.append(_Token("phrase", self.text[start : end + 1], start, words))
        return end + 1

    def _word(self, start: int) -> int:
        name = _FIELD_NAME.match(self.text, start)
        if name is not None:
            end = self._field(start, name[1], name.end())
            if end is not None:
                return end
        match = _WORD.match(self.text, start)
        assert match is not None  # run() sends only word characters here
        word = match[0]
        operator = _OPERATORS.get(word)
        if operator is not None:
            self.tokens.append(_Token(operator, word, start))
        elif "*" in word or any(c.isalnum() for c in word):
            self._count(1, start)
            self.tokens.append(_Token("word", word, start))
        return match.end()

    def _field(self, start: int, name: str, value_start: int) -> int | None:
        """Tokens for `name:value`, or None when the colon is ordinary text."""
        text = self.text
        following = text[value_start : value_start + 1]
        if text.startswith("//", value_start):
            return None
        spec = field_spec(name)
        if not following or following.isspace() or following == ")":
            if spec is None or spec.kind == "text":
                return None
            raise _failure(
                text,
                start,
                f"The field {name}: at column {start + 1} has no value. Write the value right "
                f"after the colon, without a space: {spec.example}",
            )
        if spec is None:
            raise _failure(
                text,
                start,
                f"Unknown field {name!r} at column {start + 1}. Known fields (French or "
                f"English names):\n{describe_fields()}\nTo search a word containing a colon, "
                'put it in quotes: "a:b".',
            )
        self.tokens.append(_Token("field", spec.name, start))
        if spec.kind == "date" and following in "[{":
            return self._bracket(value_start, name)
        if following in "(«»" or following in _STRAIGHT_QUOTES:
            return value_start
        if following == "=" and text[value_start + 1 : value_start + 2] in (*_STRAIGHT_QUOTES, "«"):
            return value_start
        match = _WORD.match(text, value_start)
        assert match is not None  # `following` is a word character
        if match[0].startswith("-"):
            raise _failure(
                text,
                value_start,
                f"A '-' after {name}: at column {value_start + 1}: to exclude a value, put the "
                f"minus before the field, as in -{spec.example}",
            )
        self._count(1, value_start)
        self.tokens.append(_Token("word", match[0], value_start))
        return match.end()

    def _bracket(self, start: int, name: str) -> int:
        ends = [i for i in (self.text.find("]", start), self.text.find("}", start)) if i >= 0]
        if not ends:
            raise _failure(
                self.text,
                start,
                f"The {self.text[start]} at column {start + 1} is never closed: a date range "
                f"reads {name}:[2021-01 TO 2021-06].",
            )
        end = min(ends) + 1
        self._count(1, start)
        self.tokens.append(_Token("range", self.text[start:end], start))
        return end


class _Parser:
    def __init__(self, text: str, tokens: list[_Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.position = 0

    def parse(self) -> Node | None:
        node = self._sequence(None, 0)
        extra = self._peek()
        if extra is not None:
            raise self._failure(
                extra,
                f"Closing parenthesis at column {extra.start + 1} has no opening one. "
                "Remove it, or add the missing (.",
            )
        return node

    def _peek(self) -> _Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _next(self) -> _Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def _failure(self, token: _Token, message: str) -> QuerySyntaxError:
        return _failure(self.text, token.start, message)

    def _sequence(self, field: FieldSpec | None, depth: int) -> Node | None:
        items: list[Node] = []
        while (token := self._peek()) is not None and token.kind != "rparen":
            items.append(self._or(field, depth))
        return _combine_sequence(items)

    def _or(self, field: FieldSpec | None, depth: int) -> Node:
        items = [self._and(field, depth)]
        while (token := self._peek()) is not None and token.kind == "or":
            self._operand_after(self._next())
            items.append(self._and(field, depth))
        return items[0] if len(items) == 1 else Or(tuple(items))

    def _and(self, field: FieldSpec | None, depth: int) -> Node:
        items = [self._unary(field, depth)]
        while (token := self._peek()) is not None and token.kind == "and":
            self._operand_after(self._next())
            items.append(self._unary(field, depth))
        return items[0] if len(items) == 1 else And(tuple(items))

    def _unary(self, field: FieldSpec | None, depth: int) -> Node:
        # Negations are counted, not nested: "NOT NOT x" is x, and a long run of them cannot
        # build a deep tree.
        negations = 0
        while (token := self._peek()) is not None and token.kind == "not":
            self._operand_after(self._next())
            negations += 1
        node = self._primary(field, depth)
        return Not(node) if negations % 2 else node

    def _operand_after(self, operator: _Token) -> None:
        following = self._peek()
        if following is None or following.kind in ("rparen", "and", "or"):
            found = "the end of the query" if following is None else following.text
            raise self._failure(
                operator,
                f"{operator.text} at column {operator.start + 1} needs a term after it, "
                f"found {found}. Example: logement AND énergie, logement -loyer.",
            )

    def _primary(self, field: FieldSpec | None, depth: int) -> Node:
        token = self._next()
        if token.kind == "lparen":
            return self._group(token, field, depth)
        if token.kind == "word":
            return self._term(token, token.text, field)
        if token.kind == "phrase":
            return self._phrase(token, field)
        if token.kind == "field":
            return self._field(token, depth)
        raise self._failure(
            token,
            f"{token.text} at column {token.start + 1} needs a term before it. "
            "Example: logement AND énergie, logement OR habitat.",
        )

    def _group(self, opening: _Token, field: FieldSpec | None, depth: int) -> Node:
        if depth >= MAX_DEPTH:
            raise self._failure(
                opening,
                f"Too deeply nested: more than {MAX_DEPTH} parentheses inside one another at "
                f"column {opening.start + 1}. Simplify the query.",
            )
        inner = self._sequence(field, depth + 1)
        if self._peek() is None:
            raise self._failure(
                opening,
                f"Unbalanced parenthesis: the ( at column {opening.start + 1} is never closed. "
                "Add the missing ), or remove the (.",
            )
        self._next()
        if inner is None:
            raise self._failure(
                opening,
                f"Empty parentheses at column {opening.start + 1}: put words inside or remove "
                "them.",
            )
        return inner

    def _field(self, token: _Token, depth: int) -> Node:
        spec = field_spec(token.text)
        assert spec is not None  # the tokenizer emits canonical names only
        value = self._next()
        if value.kind == "lparen":
            if spec.kind == "date":
                raise self._failure(
                    value,
                    f"A date field takes one date or range, not a group (column "
                    f"{value.start + 1}): repeat the field, as in recu:2021 OR recu:2023.",
                )
            return self._group(value, spec, depth)
        if value.kind == "phrase":
            return self._phrase(value, spec)
        return self._term(value, value.text, spec)

    def _term(self, token: _Token, text: str, field: FieldSpec | None) -> Node:
        if field is not None and field.kind == "date":
            return self._dates(token, text, field)
        if "*" in text:
            return self._prefix(token, text, field)
        if field is not None and field.kind == "metadata":
            return self._field_value(token, text, field)
        return Word(text, field.name if field else None)

    def _prefix(self, token: _Token, text: str, field: FieldSpec | None) -> Prefix:
        column = token.start + 1
        if field is not None and field.kind == "metadata":
            raise self._failure(
                token,
                f"Wildcards work on words and text fields, not on {field.name} (column "
                f"{column}): give the value, as in {field.example}; a value that matches "
                "nothing gets suggestions.",
            )
        stem = text[:-1]
        if text == "*":
            raise self._failure(
                token,
                f"A lone * at column {column} would match every document. To list documents "
                "without searching words, leave the query empty and use filters.",
            )
        if not text.endswith("*") or "*" in stem:
            raise self._failure(
                token,
                f"A * goes only at the end of a word, as in technolog* (column {column}: "
                f"{text!r}).",
            )
        if sum(c.isalnum() for c in stem) < 2:
            raise self._failure(
                token,
                f"The prefix {text!r} at column {column} is too short: it would match too many "
                "words. Give at least 2 letters before the *.",
            )
        return Prefix(stem, field.name if field else None)

    def _phrase(self, token: _Token, field: FieldSpec | None) -> Node:
        column = token.start + 1
        if not any(c.isalnum() for word in token.words for c in word):
            raise self._failure(
                token,
                f"Empty phrase at column {column}: put words between the quotes, as in "
                '"diplomates technologiques".',
            )
        value = " ".join(token.words)
        if field is not None and field.kind == "date":
            return self._dates(token, value, field)
        if field is not None and field.kind == "metadata":
            return self._field_value(token, value, field)
        if "*" in value:
            raise self._failure(
                token,
                f"A * inside quotes (column {column}): a phrase matches whole words. Remove "
                "the quotes to search a prefix, as in technolog*.",
            )
        return Phrase(token.words, field.name if field else None, token.text.startswith("="))

    def _field_value(self, token: _Token, value: str, field: FieldSpec) -> FieldValue:
        column = token.start + 1
        if value[0] in "[{":
            raise self._failure(
                token,
                f"Ranges in brackets work on dates only (received, published, answered), not "
                f"on {field.name} (column {column}).",
            )
        if field.name == "status" and canonical_status(value) is None:
            raise self._failure(
                token,
                f"Unknown status {value!r} at column {column}. Accepted: {describe_statuses()}.",
            )
        if field.name == "number" and not _DIGITS.fullmatch(value):
            raise self._failure(
                token,
                f"A question number is digits, as in {field.example} ({value!r} at column "
                f"{column}).",
            )
        return FieldValue(field.name, value)

    def _dates(self, token: _Token, value: str, field: FieldSpec) -> DateRange:
        try:
            start, end = parse_date_range(value)
        except QuerySyntaxError as error:
            # "recu:31 mars 2021" reaches here as "31": the rest of the date is the next word.
            after = token.start + len(token.text)
            spaced = token.kind == "word" and self.text[after : after + 1].isspace()
            hint = ' Dates with spaces go in quotes: recu:"31 mars 2021".' if spaced else ""
            raise self._failure(
                token, f"Bad date for {field.name} at column {token.start + 1}: {error}{hint}"
            ) from error
        return DateRange(field.name, start, end)


def _combine_sequence(items: list[Node]) -> Node | None:
    """Plain side-by-side items: optional words in an AnyOf, filters and exclusions required."""
    optional = [item for item in items if not _is_requirement(item)]
    required = [item for item in items if _is_requirement(item)]
    ranked: list[Node] = [AnyOf(tuple(optional))] if len(optional) > 1 else optional
    combined = ranked + required
    if not combined:
        return None
    return combined[0] if len(combined) == 1 else And(tuple(combined))


def _is_requirement(node: Node) -> bool:
    if isinstance(node, Not | FieldValue | DateRange):
        return True
    if isinstance(node, And | Or | AnyOf):
        return all(_is_filter(item) for item in node.items)
    return False


def _is_filter(node: Node) -> bool:
    """True when `node` only restricts metadata: no word is scored inside it."""
    if isinstance(node, FieldValue | DateRange):
        return True
    if isinstance(node, Not):
        return _is_filter(node.item)
    if isinstance(node, And | Or | AnyOf):
        return all(_is_filter(item) for item in node.items)
    return False
