"""The query language's recursive-descent parser: tokens to the typed tree of `nodes`.

NOT binds tightest, then AND, then OR, then plain sequence; nesting is bounded by
`MAX_DEPTH`, and the parser never recurses deeper than that.
"""

from __future__ import annotations

import re

from pqsearch.errors import QuerySyntaxError
from pqsearch.query import nodes as st
from pqsearch.query.dates import parse_date_range
from pqsearch.query.fields import FieldSpec, check_status, field_spec
from pqsearch.query.loose_dates import spaced_date, typed_field, unbracketed_range
from pqsearch.query.tokens import Token, syntax_error

MAX_DEPTH = 50
_DIGITS = re.compile(r"[0-9]+")


class Parser:
    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.position = 0

    def parse(self) -> st.Node | None:
        node = self._sequence(None, 0)
        extra = self._peek()
        if extra is not None:
            raise self._failure(
                extra,
                f"Closing parenthesis at column {extra.start + 1} has no opening one. "
                "Remove it, or add the missing (.",
                kind="unopened_parenthesis",
            )
        return node

    def _peek(self) -> Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _next(self) -> Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def _failure(
        self,
        token: Token,
        message: str,
        *,
        kind: str,
        value: str = "",
        field: str = "",
        valid: tuple[str, ...] = (),
        replaced: tuple[int, int] | None = None,
    ) -> QuerySyntaxError:
        return syntax_error(
            self.text,
            token.start,
            message,
            kind=kind,
            value=value or token.text,
            field=field,
            valid=valid,
            replaced=replaced,
        )

    def _sequence(self, field: FieldSpec | None, depth: int) -> st.Node | None:
        items: list[st.Node] = []
        while (token := self._peek()) is not None and token.kind != "rparen":
            items.append(self._or(field, depth))
        return _combine_sequence(items)

    def _or(self, field: FieldSpec | None, depth: int) -> st.Node:
        items = [self._and(field, depth)]
        while (token := self._peek()) is not None and token.kind == "or":
            self._operand_after(self._next())
            items.append(self._and(field, depth))
        return items[0] if len(items) == 1 else st.Or(tuple(items))

    def _and(self, field: FieldSpec | None, depth: int) -> st.Node:
        items = [self._unary(field, depth)]
        while (token := self._peek()) is not None and token.kind == "and":
            self._operand_after(self._next())
            items.append(self._unary(field, depth))
        return items[0] if len(items) == 1 else st.And(tuple(items))

    def _unary(self, field: FieldSpec | None, depth: int) -> st.Node:
        # Negations are counted, not nested: "NOT NOT x" is x, and a long run of them cannot
        # build a deep tree.
        negations = 0
        while (token := self._peek()) is not None and token.kind == "not":
            self._operand_after(self._next())
            negations += 1
        node = self._primary(field, depth)
        return st.Not(node) if negations % 2 else node

    def _operand_after(self, operator: Token) -> None:
        following = self._peek()
        if following is None or following.kind in ("rparen", "and", "or"):
            found = "the end of the query" if following is None else following.text
            raise self._failure(
                operator,
                f"{operator.text} at column {operator.start + 1} needs a term after it, "
                f"found {found}. Example: logement AND énergie, logement -loyer.",
                kind="no_term_after",
            )

    def _primary(self, field: FieldSpec | None, depth: int) -> st.Node:
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
            kind="no_term_before",
        )

    def _group(self, opening: Token, field: FieldSpec | None, depth: int) -> st.Node:
        if depth >= MAX_DEPTH:
            raise self._failure(
                opening,
                f"Too deeply nested: more than {MAX_DEPTH} parentheses inside one another at "
                f"column {opening.start + 1}. Simplify the query.",
                kind="too_deep",
                value=str(MAX_DEPTH),
            )
        inner = self._sequence(field, depth + 1)
        if self._peek() is None:
            raise self._failure(
                opening,
                f"Unbalanced parenthesis: the ( at column {opening.start + 1} is never closed. "
                "Add the missing ), or remove the (.",
                kind="unclosed_parenthesis",
            )
        self._next()
        if inner is None:
            raise self._failure(
                opening,
                f"Empty parentheses at column {opening.start + 1}: put words inside or remove "
                "them.",
                kind="empty_parentheses",
            )
        return inner

    def _field(self, token: Token, depth: int) -> st.Node:
        spec = field_spec(token.text)
        assert spec is not None  # the tokenizer emits canonical names only
        value = self._next()
        if value.kind == "lparen":
            if spec.kind == "date":
                raise self._failure(
                    value,
                    f"A date field takes one date or range, not a group (column "
                    f"{value.start + 1}): repeat the field, as in recu:2021 OR recu:2023.",
                    kind="date_group",
                    field=spec.name,
                )
            return self._group(value, spec, depth)
        if value.kind == "phrase":
            return self._phrase(value, spec)
        return self._term(value, value.text, spec)

    def _term(self, token: Token, text: str, field: FieldSpec | None) -> st.Node:
        if field is not None and field.kind == "date":
            return self._dates(token, text, field)
        if "*" in text:
            return self._prefix(token, text, field)
        if field is not None and field.kind == "metadata":
            return self._field_value(token, text, field)
        return st.Word(text, field.name if field else None)

    def _prefix(self, token: Token, text: str, field: FieldSpec | None) -> st.Prefix:
        column = token.start + 1
        if field is not None and field.kind == "metadata":
            raise self._failure(
                token,
                f"Wildcards work on words and text fields, not on {field.name} (column "
                f"{column}): give the value, as in {field.example}; a value that matches "
                "nothing gets suggestions.",
                kind="wildcard_on_value",
                field=field.name,
            )
        stem = text[:-1]
        if text == "*":
            raise self._failure(
                token,
                f"A lone * at column {column} would match every document. To list documents "
                "without searching words, leave the query empty and use filters.",
                kind="lone_star",
            )
        if not text.endswith("*") or "*" in stem:
            raise self._failure(
                token,
                f"A * goes only at the end of a word, as in technolog* (column {column}: "
                f"{text!r}).",
                kind="star_inside",
                value=text,
            )
        if sum(c.isalnum() for c in stem) < 2:
            raise self._failure(
                token,
                f"The prefix {text!r} at column {column} is too short: it would match too many "
                "words. Give at least 2 letters before the *.",
                kind="prefix_too_short",
                value=text,
            )
        return st.Prefix(stem, field.name if field else None)

    def _phrase(self, token: Token, field: FieldSpec | None) -> st.Node:
        column = token.start + 1
        if not any(c.isalnum() for word in token.words for c in word):
            raise self._failure(
                token,
                f"Empty phrase at column {column}: put words between the quotes, as in "
                '"diplomates technologiques".',
                kind="empty_phrase",
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
                kind="star_in_phrase",
            )
        return st.Phrase(token.words, field.name if field else None, token.text.startswith("="))

    def _field_value(self, token: Token, value: str, field: FieldSpec) -> st.FieldValue:
        column = token.start + 1
        if value[0] in "[{":
            raise self._failure(
                token,
                f"Ranges in brackets work on dates only (received, published, answered), not "
                f"on {field.name} (column {column}).",
                kind="range_not_date",
                field=field.name,
            )
        if field.name == "status":
            try:
                check_status(value, where=f" at column {column}")
            except QuerySyntaxError as error:
                raise self._failure(
                    token, str(error), kind=error.kind, value=value, field=field.name
                ) from None
        if field.name == "number" and not _DIGITS.fullmatch(value):
            raise self._failure(
                token,
                f"A question number is digits, as in {field.example} ({value!r} at column "
                f"{column}).",
                kind="bad_number",
                value=value,
                field=field.name,
            )
        return st.FieldValue(field.name, value)

    def _dates(self, token: Token, value: str, field: FieldSpec) -> st.DateRange:
        try:
            start, end = parse_date_range(value)
        except QuerySyntaxError as error:
            found = self._spaced_date(token, value)
            if found is not None:
                spaced, spaced_end = found
                typed = self._typed_field(token)
                example = f'{typed}"{spaced}"'
                raise self._failure(
                    token,
                    f"Bad date for {field.name} at column {token.start + 1}. Dates with spaces "
                    f"go in quotes: {example}. Without them, only {value!r} is read as the "
                    "date.",
                    kind="date_spaced",
                    value=spaced,
                    field=field.name,
                    valid=(example,),
                    replaced=(token.start - len(typed), spaced_end),
                ) from error
            raise self._failure(
                token,
                f"Bad date for {field.name} at column {token.start + 1}: {error}",
                kind=error.kind or "date_not_a_date",
                value=value,
                field=field.name,
                valid=error.valid,
            ) from error
        self._unbracketed_range(token, value, field)
        return st.DateRange(field.name, start, end)

    def _unbracketed_range(self, token: Token, value: str, field: FieldSpec) -> None:
        """Refuses "recu:2021 TO 2022": only "2021" was the date, and "TO" and "2022" would
        be searched as words, finding nothing without a word of error (s20). Refused only when
        what follows TO is nothing, "*" or a date, so that the bracketed range suggested
        parses; "recu:2021 to the minister" is searched as before."""
        if token.kind not in ("word", "phrase"):
            return
        # A quoted date before TO ("recu:\"31 mars 2021\" TO 2022") is no less a range.
        found = unbracketed_range(self.text, token.start + len(token.text), value)
        if found is None:
            return
        start, end, end_at = found
        typed = self._typed_field(token)
        if end is None:
            raise self._failure(
                token,
                f"Bad range for {field.name} at column {token.start + 1}: TO is followed by a "
                "group, not the range's end. A range goes in square brackets with its end, as "
                f"in {typed}[{start} TO *] for everything from {start!r} on.",
                kind="range_group_after_to",
                value=value,
                field=field.name,
                valid=(f"{typed}[{start} TO *]",),
            )
        example = f"{typed}[{start} TO {end}]"
        raise self._failure(
            token,
            f"Bad range for {field.name} at column {token.start + 1}. A range goes in square "
            f"brackets: {example}. Without them, only {value!r} is read as the date.",
            kind="range_unbracketed",
            value=f"{value} TO {end}",
            field=field.name,
            valid=(example,),
            replaced=(token.start - len(typed), end_at),
        )

    def _typed_field(self, value: Token) -> str:
        return typed_field(self.text, value.start)

    def _spaced_date(self, token: Token, value: str) -> tuple[str, int] | None:
        if token.kind != "word":
            return None
        return spaced_date(self.text, token.start + len(token.text), value)


def _combine_sequence(items: list[st.Node]) -> st.Node | None:
    """Plain side-by-side items: optional words in an AnyOf, filters and exclusions required."""
    optional = [item for item in items if not _is_requirement(item)]
    required = [item for item in items if _is_requirement(item)]
    # One plain word beside filters stays in an AnyOf, so that the compiler tells it from
    # an operand of AND ("toujours session:20/21" is not "toujours AND session:20/21").
    grouped = len(optional) > 1 or bool(optional and required)
    ranked: list[st.Node] = (
        [st.AnyOf(tuple(optional), beside_filters=bool(required))] if grouped else optional
    )
    combined = ranked + required
    if not combined:
        return None
    return combined[0] if len(combined) == 1 else st.And(tuple(combined))


def _is_requirement(node: st.Node) -> bool:
    if isinstance(node, st.Not | st.FieldValue | st.DateRange):
        return True
    if isinstance(node, st.And | st.Or | st.AnyOf):
        return all(_is_filter(item) for item in node.items)
    return False


def _is_filter(node: st.Node) -> bool:
    """True when `node` only restricts metadata: no word is scored inside it."""
    if isinstance(node, st.FieldValue | st.DateRange):
        return True
    if isinstance(node, st.Not):
        return _is_filter(node.item)
    if isinstance(node, st.And | st.Or | st.AnyOf):
        return all(_is_filter(item) for item in node.items)
    return False
