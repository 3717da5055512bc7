"""Metadata filter values as typed, resolved against the values the index really holds.

Case- and accent-insensitively: "energie" finds "Énergie", "smet" finds "Pascal Smet",
"2019-2024" is the legislature 19/24, "renvoi" names an answer type; an unknown value is an
`UnknownValueError` with suggestions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pqsearch.analyze.fold import fold
from pqsearch.errors import QuerySyntaxError, UnknownValueError
from pqsearch.index.reader import IndexReader
from pqsearch.query import tree as qt
from pqsearch.query.fields import check_status, field_spec
from pqsearch.query.status import status_query

# Question numbers are indexed as 32-bit integers; no parliament numbers past millions.
MAX_NUMBER_DIGITS = 9
_SEASON = re.compile(r"^(?:19|20)(\d\d)\s*[-/]\s*(?:19|20)(\d\d)$")
# A legislature or session as the index writes it: a well-formed one with no document yet
# matches nothing instead of being an unknown value.
_PERIOD = re.compile(r"^\d\d/\d\d$")
# A portfolio value written "=Mobilité": that whole name only, not every portfolio holding a
# word that starts so ("Mobilité" also finds "Mobiliteit Belgocontrol en NMBS").
EXACT = "="
# Fields whose every valid value is known in advance, with the labels that also name them
# (and "answer_type" and "kind", `closed_values`).
CLOSED_VALUES: dict[str, dict[str, str]] = {
    "language": {"fr": "français", "nl": "néerlandais nederlands"},
}


def value_terms(
    index: IndexReader,
    field_name: str,
    typed: str,
    sector_resolver: Callable[[str], str] | None = None,
) -> list[qt.Query]:
    """The terms a typed value of a metadata field means (any of them), or an error."""
    if field_name == "id":
        return [qt.Term("id", typed.strip())]
    if field_name == "number":
        digits = typed.strip().lstrip("nN°º").strip()
        if not digits.isdigit() or len(digits) > MAX_NUMBER_DIGITS:
            raise QuerySyntaxError(
                f"A question number is a whole number of at most {MAX_NUMBER_DIGITS} "
                f"digits (numero:369), not {typed!r}.",
                kind="number_too_long",
                value=typed,
                field="number",
                valid=(str(MAX_NUMBER_DIGITS),),
            )
        return [qt.Range("number", int(digits), int(digits))]
    spec = field_spec(field_name)
    if spec is None or spec.kind != "metadata":
        raise QuerySyntaxError(f"{field_name} cannot be used as a filter.")
    index_field = spec.index_field
    if index_field == "status":
        return [status_query(check_status(typed))]
    if index_field in ("sectors", "sectors_mentioned") and sector_resolver is not None:
        # A sector of the taxonomy that no document mentions matches nothing, quietly.
        return [qt.Term(index_field, sector_resolver(typed))]
    if index_field in ("legislature", "session"):
        typed = _short_season(typed)
        if _PERIOD.match(typed.strip()):
            return [qt.Term(index_field, typed.strip())]
    available = index.field_values(index_field)
    labels = closed_values(index_field)
    if labels is not None:
        # "renvoi" or "hors compétence" name a type as well as "by_reference" does; a
        # known value that no document has yet matches nothing, without an error.
        known = list(dict.fromkeys([*labels, *available]))
        # A value's own id or label selects it alone: "Question écrite" (written) is not
        # also "Question orale transformée en question écrite" (oral_turned_written).
        every_label, wanted = _every_label(index_field), normalized(typed)
        exact = [
            v
            for v in known
            if any(normalized(n) == wanted for n in (v, *every_label.get(v, ())) if n)
        ]
        named = {f"{v} {labels.get(v, '')}".strip(): v for v in known}
        chosen = exact or [named[n] for n in resolve_values(index_field, typed, list(named))]
        return [qt.Term(index_field, value) for value in chosen]
    if index_field == "portfolios":
        if typed.startswith(EXACT):
            # One portfolio's whole name, as a facet link names it: its documents alone,
            # as many as the facet counted (audit 17, Q3: "Mobilité (80)" led to 86).
            return [qt.Term(index_field, v) for v in resolve_exact(index_field, typed, available)]
        return [qt.Term(index_field, v) for v in resolve_words(index_field, typed, available)]
    values = resolve_values(index_field, typed, available)
    return [qt.Term(index_field, value) for value in values]


def closed_values(index_field: str) -> dict[str, str] | None:
    """The labels of every valid value of a field whose values are known in advance."""
    if index_field == "answer_type":
        # Imported here: importing the answer classifier (its patterns compiled) takes about
        # 90 ms (python -X importtime, December 2026), and a search without this filter needs
        # none of it.
        from pqsearch.analyze.answer_types import ANSWER_TYPE_LABELS

        return ANSWER_TYPE_LABELS
    if index_field == "kind":
        # Imported here: a search without this filter needs none of the records' dataclasses.
        from pqsearch.models import KIND_LABELS

        return {kind: labels["fr"] for kind, labels in KIND_LABELS.items()}
    return CLOSED_VALUES.get(index_field)


def _every_label(index_field: str) -> dict[str, tuple[str, ...]]:
    """Every label of each value of a closed field, in every language it has one."""
    if index_field == "kind":
        from pqsearch.models import KIND_LABELS  # as in closed_values

        return {kind: tuple(labels.values()) for kind, labels in KIND_LABELS.items()}
    return {value: (label,) for value, label in (closed_values(index_field) or {}).items()}


def normalized(value: str) -> str:
    """A metadata value as typed values are matched to it: folded, every mark but "/" (in
    sessions, 20/21) a word break, so "Mobilité, Travaux publics" holds "travaux"."""
    return " ".join(re.sub(r"[^a-z0-9/]+", " ", fold(value)).split())


def _short_season(typed: str) -> str:
    """`2019-2024` and `2019/2024` are the legislature 19/24; `2020-2021` the session 20/21."""
    match = _SEASON.match(typed.strip())
    return f"{match.group(1)}/{match.group(2)}" if match else typed


def _empty_value(field_name: str, typed: str) -> QuerySyntaxError:
    """The error of a filter value that is empty once folded (`portefeuille:=`); its example
    (`valid[0]`) is a filter as a query takes it, quotes kept (`addressee:="van den brandt"`).
    The message names no option: the JSON API says it too, and the CLI adds its own."""
    spec = field_spec(field_name)  # "portfolios", the index field, is "portfolio"
    shown = spec.name if spec is not None else field_name
    # What to type, not only what is wrong (s20 review: "portfolio:=" said the value empty).
    example = f"{shown}:={spec.example.split(':', 1)[1]}" if spec is not None else f"{shown}:=..."
    return QuerySyntaxError(
        f'An empty value for {shown} ("{typed}") matches nothing: give the whole name after '
        f'the "=", as in {example}, or remove the filter.',
        kind="empty_exact_value",
        value=typed,
        field=shown,
        valid=(example,),
    )


def resolve_exact(field_name: str, typed: str, available: Sequence[str]) -> list[str]:
    """The values whose whole name is `typed` after its leading "=" (accents and case
    aside), or UnknownValueError with suggestions."""
    name = typed[len(EXACT) :]
    exact = [value for value in available if normalized(value) == normalized(name)]
    if exact:
        return exact
    if not normalized(name):
        raise _empty_value(field_name, typed)
    import difflib  # as in resolve_values

    # One suggestion per value the facet shows: its spellings ("Prot vie privée", "Prot. vie
    # privée") are one entry there, and their links select the same documents (review P, P1).
    by_name: dict[str, str] = {}
    for value in difflib.get_close_matches(name, list(available), n=len(available), cutoff=0.6):
        by_name.setdefault(normalized(value), value)
    suggestions = list(by_name.values())[:3]
    raise UnknownValueError(field_name, typed, [EXACT + value for value in suggestions])


def resolve_words(field_name: str, typed: str, available: Sequence[str]) -> list[str]:
    """The values holding a word that starts with each typed word, folded ("climat" finds
    "Transition climatique", "energie" finds "Énergie"); else as `resolve_values`."""
    keys = normalized(typed).split()
    found = [
        value
        for value in available
        if keys and all(any(w.startswith(k) for w in normalized(value).split()) for k in keys)
    ]
    return found or resolve_values(field_name, typed, available)


def resolve_values(field_name: str, typed: str, available: Sequence[str]) -> list[str]:
    """The indexed values a typed filter value means, or UnknownValueError with suggestions.

    Equal after folding wins; otherwise every value containing all the typed words ("smet"
    finds "Pascal Smet").
    """
    key = normalized(typed)
    if not key:
        raise _empty_value(field_name, typed)
    normalised = {value: normalized(value) for value in available}
    exact = [value for value, norm in normalised.items() if norm == key]
    if exact:
        return exact
    words = set(key.split())
    partial = [value for value, norm in normalised.items() if words <= set(norm.split())]
    if partial:
        return partial
    import difflib  # only for an error's suggestion: kept out of every search's start

    close = difflib.get_close_matches(key, list(normalised.values()), n=3, cutoff=0.6)
    suggestions = [value for value, norm in normalised.items() if norm in close]
    suggestions.sort(key=lambda v: close.index(normalised[v]))
    raise UnknownValueError(field_name, typed, suggestions)
