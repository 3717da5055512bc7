"""A query-syntax or date error carries its fields (session 19): `kind`, `value`, `field`,
`position` in `query` and the caret's `excerpt`, so that a caller (the web page) can say it in
its own language while the message stays the CLI's. Every kind the parser and the date reader
raise has a French and an English wording on the page."""

from __future__ import annotations

import pytest

from pqsearch import Filters, Index, QuerySyntaxError
from pqsearch.web.i18n import Words
from pqsearch.web.syntax_messages import syntax_message

# A query or date filters, and the fields its error has.
BAD = [
    ('"logement', {}, "unclosed_quote", '"', 0),
    ("logement » x", {}, "unopened_guillemet", "»", 9),
    ("logement (habitat", {}, "unclosed_parenthesis", "(", 9),
    ("logement )", {}, "unopened_parenthesis", ")", 9),
    ("logement ()", {}, "empty_parentheses", "(", 9),
    ("AND logement", {}, "no_term_before", "AND", 0),
    ("logement OR", {}, "no_term_after", "OR", 9),
    ("foo:bar", {}, "unknown_field", "foo", 0),
    ("ministre: smet", {}, "field_without_value", "ministre", 0),
    ("ministre:-smet", {}, "minus_after_field", "ministre", 9),
    ("recu:[2021 TO 2022", {}, "unclosed_bracket", "[", 5),
    ("recu:(2021 OR 2022)", {}, "date_group", "(", 5),
    ("*", {}, "lone_star", "*", 0),
    ("lo*ge", {}, "star_inside", "lo*ge", 0),
    ("l*", {}, "prefix_too_short", "l*", 0),
    ('""', {}, "empty_phrase", '""', 0),
    ('"techno*"', {}, "star_in_phrase", '"techno*"', 0),
    ("ministre:smet*", {}, "wildcard_on_value", "smet*", 9),
    ("session:[20 TO 21]", {}, "range_not_date", "[20", 8),
    ("statut:peutetre", {}, "unknown_status", "peutetre", 7),
    ("numero:abc", {}, "bad_number", "abc", 7),
    ("recu:2021 TO 2022", {}, "range_unbracketed", "2021 TO 2022", 5),
    ("logement portfolio==", {}, "field_equals", "portfolio==", 9),
    ("recu:2021-13", {}, "date_no_such_month", "2021-13", 5),
    ("recu:31/02/2021", {}, "date_no_such_day_first", "31/02/2021", 5),
    ("recu:21", {}, "date_short_year", "21", 5),
    ("recu:1066", {}, "date_year_out_of_range", "1066", 5),
    ("recu:marss", {}, "date_not_a_date", "marss", 5),
    ('recu:"marss 2021"', {}, "date_month_name", "marss 2021", 5),
    ("recu:mars", {}, "date_no_year", "mars", 5),
    ("recu:31 mars 2021", {}, "date_spaced", "31 mars 2021", 5),
    ("logement recu:mars 2021", {}, "date_spaced", "mars 2021", 14),
    ("recu:2021..2020", {}, "range_reversed", "2021..2020", 5),
    ("recu:>", {}, "range_operator_alone", ">", 5),
    ("recu:>>2021", {}, "range_signs", ">>2021", 5),
    ("recu:{2021 TO 2022}", {}, "range_exclusive", "{2021 TO 2022}", 5),
    ("recu:[2021 TO 2022 TO 2023]", {}, "range_one_to", "[2021 TO 2022 TO 2023]", 5),
    ("recu:[TO 2021]", {}, "range_both_ends", "[TO 2021]", 5),
    ('recu:"2021 TO 2022"', {}, "range_needs_brackets", "2021 TO 2022", 5),
    ("recu:2021-02-31", {}, "date_no_such_day", "2021-02-31", 5),
    ("recu:..", {}, "range_no_end", "..", 5),
    ("x " * 6_000, {}, "query_too_long", "10000", None),
    ("le la de", {}, "common_words_only", "le la de", None),
    ("numero:123456789012", {}, "number_too_long", "123456789012", None),
    ("logement portefeuille:=", {}, "empty_exact_value", "=", None),
    ("logement", {"date_from": "hier"}, "date_not_a_date", "hier", None),
    ("logement", {"date_from": "2022", "date_to": "2021"}, "range_reversed", "2022 – 2021", None),
    ("logement", {"sector": ("zz",)}, "unknown_sector", "zz", None),
]


@pytest.mark.parametrize(("query", "filters", "kind", "value", "position"), BAD)
def test_an_error_has_its_fields_and_a_wording_in_each_language(
    index: Index,
    query: str,
    filters: dict[str, object],
    kind: str,
    value: str,
    position: int | None,
) -> None:
    with pytest.raises(QuerySyntaxError) as raised:
        index.search(query, filters=Filters(**filters))  # type: ignore[arg-type]
    error = raised.value
    assert (error.kind, error.value, error.position) == (kind, value, position), str(error)
    if position is not None:
        assert error.query == query
        assert str(error).endswith("\n" + error.excerpt)
        assert error.excerpt.splitlines()[1].index("^") - 2 == position or "..." in error.excerpt
    for language in ("fr", "en"):
        said = syntax_message(error, Words(language))  # type: ignore[arg-type]
        assert said, (kind, language)
        if position is not None:
            assert said.endswith(error.excerpt)


def test_a_prefix_matching_too_many_words_is_worded_too(
    index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The limit (2,000 words) lowered so that the 51 shipped documents reach it.
    from pqsearch.query import compile as compile_module

    monkeypatch.setattr(compile_module, "MAX_PREFIX_TERMS", 3)
    with pytest.raises(QuerySyntaxError) as raised:
        index.search("de*")
    error = raised.value
    assert (error.kind, error.value, error.valid) == ("prefix_too_common", "de*", ("3",))
    assert syntax_message(error, Words("fr")) == (
        "« de* » trouve plus de 3 mots différents : tapez plus de lettres avant le *."
    )
    assert str(error) == "de* matches more than 3 different words: type more letters before the *."


# Query, then words each language's wording must hold: the values the error carries (`valid`:
# the years accepted, the month meant, the quoted date), not only that a wording exists.
WORDED = [
    (
        "recu:1066",
        "les années de 1800 à 2200 sont acceptées",
        "years from 1800 to 2200 are accepted",
    ),
    ('recu:"marss 2021"', "Vouliez-vous dire « mars » ?", "Did you mean 'mars'?"),
    (
        "recu:31 mars 2021",
        'se met entre guillemets : écrivez recu:"31 mars 2021".',
        'goes in quotes: write recu:"31 mars 2021".',
    ),
    ("logement publie:mars 2021", 'écrivez publie:"mars 2021".', 'write publie:"mars 2021".'),
    # The fields, not a pointer to a help that lists two of them (review P, E3).
    ("foo:bar", "numero:369, statut:repondu", "numero:369, statut:repondu"),
    ("foo:bar", "type:renvoi", "repondu:[2021-01 TO 2021-06]."),
    # The month's length; day/month/year only for a date typed day first (E4).
    (
        "recu:2021-02-31",
        "« 2021-02-31 » (février 2021 compte 28 jours).",
        '"2021-02-31" (February 2021 has 28 days).',
    ),
    (
        "recu:31/02/2021",
        "(février 2021 compte 28 jours ; les dates s'écrivent jour/mois/année)",
        "(February 2021 has 28 days; dates are day/month/year)",
    ),
    # Each range error keeps its own advice (E5).
    ("recu:{2021 TO 2022}", "écrivez [a TO b], qui inclut", "write [a TO b], which includes"),
    ("recu:>", "> doit être suivi d'une date, comme dans >2021", "> needs a date after it"),
    ("recu:<=", "<= doit être suivi d'une date, comme dans <=2021", "as in <=2021"),
    ("recu:>>2021", "trop de signes de comparaison", "Too many comparison signs"),
    ("recu:[TO 2021]", "demandent une date ou *", "need a date or *"),
    ("recu:[2021 TO 2022 TO 2023]", "avec un seul TO", "with one TO"),
    ('recu:"2021 TO 2022"', "s'écrit entre crochets", "needs square brackets"),
    # Still English on the French page before (review P, E7).
    (
        "le la de",
        "Rien à chercher dans « le la de » : la recherche ne contient que des mots courants",
        'Nothing to search for in "le la de": it holds only common words',
    ),
    ("numero:123456789012", "d'au plus 9 chiffres", "at most 9 digits"),
    (
        "logement portefeuille:=",
        "Une valeur vide pour le filtre compétence (« = ») ne trouve rien",
        'An empty value for portfolio ("=") matches nothing',
    ),
]


@pytest.mark.parametrize(("query", "french", "english"), WORDED)
def test_an_error_in_the_query_is_worded_with_its_values(
    index: Index, query: str, french: str, english: str
) -> None:
    with pytest.raises(QuerySyntaxError) as raised:
        index.search(query)
    assert french in (syntax_message(raised.value, Words("fr")) or "")
    assert english in (syntax_message(raised.value, Words("en")) or "")


def test_a_spaced_date_keeps_the_quoting_hint_in_the_library_message(index: Index) -> None:
    with pytest.raises(QuerySyntaxError) as raised:
        index.search("recu:mars 2021")
    assert 'Dates with spaces go in quotes: recu:"mars 2021".' in str(raised.value)
    # A date field's value followed by a word that makes no date with it is not "spaced".
    with pytest.raises(QuerySyntaxError) as raised:
        index.search("recu:1066 logement")
    assert raised.value.kind == "date_year_out_of_range"
    assert "quotes" not in str(raised.value)
