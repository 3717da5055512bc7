"""The query language's tokenizer: words, phrases, `field:value`, ranges, operators.

It also decides, from the field's kind, when a colon is ordinary text (`10:30`, a URL,
"Ma question: ..."), and counts terms so that hostile input stays bounded (`MAX_TERMS`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pqsearch.errors import QuerySyntaxError
from pqsearch.query.fields import FIELDS, describe_fields, field_spec

MAX_TERMS = 1_000

TokenKind = Literal["word", "phrase", "field", "range", "lparen", "rparen", "and", "or", "not"]


@dataclass(frozen=True, slots=True)
class Token:
    kind: TokenKind
    # The word or value, the phrase as typed, the canonical field name, or the operator.
    text: str
    start: int
    words: tuple[str, ...] = ()


_OPERATORS: dict[str, TokenKind] = {
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
# A field written with "=" instead of its colon: "portfolio==", "secteur=F".
_FIELD_EQUALS = re.compile(r"([^\W\d_](?:[^\W\d]|-)+)(=+)(.*)")


def syntax_error(
    text: str,
    start: int,
    message: str,
    *,
    kind: str,
    value: str = "",
    field: str = "",
    valid: tuple[str, ...] = (),
    replaced: tuple[int, int] | None = None,
) -> QuerySyntaxError:
    """An error whose message ends with the query around `start` and a caret under it; `kind`,
    `value` and `field` for a caller that words it in its own language (`QuerySyntaxError`)."""
    low, high = max(0, start - 30), min(len(text), start + 30)
    shown = "".join(c if c.isprintable() else " " for c in text[low:high])
    before = "..." if low else ""
    after = "..." if high < len(text) else ""
    caret = " " * (len(before) + start - low) + "^"
    excerpt = f"  {before}{shown}{after}\n  {caret}"
    return QuerySyntaxError(
        f"{message}\n{excerpt}",
        kind=kind,
        value=value,
        field=field,
        valid=valid,
        position=start,
        query=text,
        excerpt=excerpt,
        # The fix in place of the typed span `replaced`, for a caller that keeps queries.
        corrected=f"{text[: replaced[0]]}{valid[0]}{text[replaced[1] :]}" if replaced else "",
    )


class Tokenizer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[Token] = []
        self.terms = 0

    def run(self) -> list[Token]:
        text, position = self.text, 0
        while position < len(text):
            char = text[position]
            if char.isspace():
                position += 1
            elif char in "()":
                self.tokens.append(Token("lparen" if char == "(" else "rparen", char, position))
                position += 1
            elif char in _STRAIGHT_QUOTES or char == "«":
                position = self._phrase(position)
            elif char == "=" and text[position + 1 : position + 2] in (*_STRAIGHT_QUOTES, "«"):
                # `="..."`: a literal phrase, its words as typed (no other inflections).
                end = self._phrase(position + 1)
                quoted = self.tokens.pop()
                self.tokens.append(Token("phrase", "=" + quoted.text, position, quoted.words))
                position = end
            elif char == "»":
                raise syntax_error(
                    text,
                    position,
                    f"Closing quote » at column {position + 1} has no opening «.",
                    kind="unopened_guillemet",
                    value="»",
                )
            elif char == "-":
                # A dash negates only when glued to what follows: "Bruxelles - Mobilité" is prose.
                following = text[position + 1 : position + 2]
                if following and not following.isspace() and following not in ")-":
                    self.tokens.append(Token("not", "-", position))
                position += 1
            else:
                position = self._word(position)
        return self.tokens

    def _count(self, terms: int, start: int) -> None:
        self.terms += terms
        if self.terms > MAX_TERMS:
            raise syntax_error(
                self.text,
                start,
                f"The query has more than {MAX_TERMS:,} terms (words, phrase words, field "
                f"values); the limit is {MAX_TERMS:,}. Shorten it.",
                kind="too_many_terms",
                value=str(MAX_TERMS),
            )

    def _phrase(self, start: int) -> int:
        opening = self.text[start]
        closing = "»" if opening == "«" else _STRAIGHT_QUOTES
        end = next((i for i in range(start + 1, len(self.text)) if self.text[i] in closing), None)
        if end is None:
            raise syntax_error(
                self.text,
                start,
                f"Unbalanced quote: the {opening} at column {start + 1} is never closed. "
                "Close the phrase, or remove the quote to search the words separately.",
                kind="unclosed_quote",
                value=opening,
            )
        words = tuple(self.text[start + 1 : end].split())
        self._count(max(len(words), 1), start)
        self.tokens.append(Token("phrase", self.text[start : end + 1], start, words))
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
        self._field_equals(word, start)
        operator = _OPERATORS.get(word)
        if operator is not None:
            self.tokens.append(Token(operator, word, start))
        elif "*" in word or any(c.isalnum() for c in word):
            self._count(1, start)
            self.tokens.append(Token("word", word, start))
        return match.end()

    def _field_equals(self, word: str, start: int) -> None:
        """Refuses a field's name followed by "=" ("portfolio==", "secteur=F"): searched as a
        word, it found nothing without a word of error (s20)."""
        typed = _FIELD_EQUALS.fullmatch(word) if "=" in word else None
        spec = field_spec(typed[1]) if typed else None
        if typed is None or spec is None:
            return
        name, signs, value = typed[1], typed[2], typed[3]
        # "==" asked for the whole name, which a colon and one "=" say (`portfolio:=Mobilité`).
        exact = "=" if len(signs) > 1 and spec.name == "portfolio" else ""
        quoted = "" if value else self._quoted_after(start + len(word))
        typed_value = value or quoted
        example = f"{name}:{exact}{typed_value or spec.example.split(':', 1)[1]}"
        # With a quoted value after it ('secteur="Santé humaine"') the word in quotes would
        # search nothing sensible: the colon is the one fix.
        as_written = "" if quoted else f", or put {word!r} in quotes to search it as written"
        raise syntax_error(
            self.text,
            start,
            f"{word!r} at column {start + 1} is not a filter: a field takes a colon, not "
            f'"=". Write {example}{as_written}.',
            kind="field_equals_quoted" if quoted else "field_equals",
            value=word,
            field=spec.name,
            valid=(example,),
            # Without a value typed, the example's value is no fix of the query itself.
            replaced=(start, start + len(word) + len(quoted)) if typed_value else None,
        )

    def _quoted_after(self, start: int) -> str:
        """The quoted phrase that starts at `start`, quotes included ('secteur="Santé
        humaine"' keeps it in its suggestion), or "" when none does."""
        opening = self.text[start : start + 1]
        if not opening or opening not in (*_STRAIGHT_QUOTES, "«"):
            return ""
        closing = "»" if opening == "«" else _STRAIGHT_QUOTES
        end = next((i for i in range(start + 1, len(self.text)) if self.text[i] in closing), None)
        return "" if end is None else self.text[start : end + 1]

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
            raise syntax_error(
                text,
                start,
                f"The field {name}: at column {start + 1} has no value. Write the value right "
                f"after the colon, without a space: {spec.example}",
                kind="field_without_value",
                value=name,
                field=spec.name,
                valid=(spec.example,),
            )
        if spec is None:
            raise syntax_error(
                text,
                start,
                f"Unknown field {name!r} at column {start + 1}. Known fields (French or "
                f"English names):\n{describe_fields()}\nTo search a word containing a colon, "
                'put it in quotes: "a:b".',
                kind="unknown_field",
                value=name,
                valid=tuple(spec.example for spec in FIELDS),
            )
        self.tokens.append(Token("field", spec.name, start))
        if spec.kind == "date" and following in "[{":
            return self._bracket(value_start, name)
        if following in "(«»" or following in _STRAIGHT_QUOTES:
            return value_start
        if following == "=" and text[value_start + 1 : value_start + 2] in (*_STRAIGHT_QUOTES, "«"):
            return value_start
        match = _WORD.match(text, value_start)
        assert match is not None  # `following` is a word character
        if match[0].startswith("-"):
            raise syntax_error(
                text,
                value_start,
                f"A '-' after {name}: at column {value_start + 1}: to exclude a value, put the "
                f"minus before the field, as in -{spec.example}",
                kind="minus_after_field",
                value=name,
                field=spec.name,
                valid=(spec.example,),
            )
        self._count(1, value_start)
        self.tokens.append(Token("word", match[0], value_start))
        return match.end()

    def _bracket(self, start: int, name: str) -> int:
        ends = [i for i in (self.text.find("]", start), self.text.find("}", start)) if i >= 0]
        if not ends:
            raise syntax_error(
                self.text,
                start,
                f"The {self.text[start]} at column {start + 1} is never closed: a date range "
                f"reads {name}:[2021-01 TO 2021-06].",
                kind="unclosed_bracket",
                value=self.text[start],
                field=name,
            )
        end = min(ends) + 1
        self._count(1, start)
        self.tokens.append(Token("range", self.text[start:end], start))
        return end
