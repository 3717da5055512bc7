"""The query language: every form of issue 4 parses to its tree, every mistake gets a message."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pqsearch.errors import QuerySyntaxError
from pqsearch.query.fields import (
    FIELDS,
    QUERY_DATE_FIELDS,
    QUERY_METADATA_FIELDS,
    QUERY_TEXT_FIELDS,
    STATUS_VALUES,
    canonical_field,
    canonical_status,
)
from pqsearch.query.syntax import (
    MAX_DEPTH,
    MAX_QUERY_LENGTH,
    MAX_TERMS,
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
    parse_query,
)
from tests.work import counting_calls

FUZZ = settings(max_examples=int(os.environ.get("PQSEARCH_FUZZ_EXAMPLES", "300")), deadline=None)


def error_of(query: str) -> str:
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query(query)
    return str(caught.value)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


W = Word

FORMS: list[tuple[str, Node | None]] = [
    # Plain words: ranked OR, not AND.
    ("logement", W("logement")),
    ("logement social", AnyOf((W("logement"), W("social")))),
    ("Énergie  RENOUVELABLE", AnyOf((W("Énergie"), W("RENOUVELABLE")))),
    # Operators and precedence: NOT > AND > OR > plain sequence.
    ("logement AND social", And((W("logement"), W("social")))),
    ("logement OR habitat", Or((W("logement"), W("habitat")))),
    ("a OR b AND c", Or((W("a"), And((W("b"), W("c")))))),
    ("a AND b OR c", Or((And((W("a"), W("b"))), W("c")))),
    ("NOT a AND b", And((Not(W("a")), W("b")))),
    ("(a OR b) AND c", And((Or((W("a"), W("b"))), W("c")))),
    ("logement social OR sociaux", AnyOf((W("logement"), Or((W("social"), W("sociaux")))))),
    ("a ET b OU c", Or((And((W("a"), W("b"))), W("c")))),
    ("logement et énergie", AnyOf((W("logement"), W("et"), W("énergie")))),
    ("a or b", AnyOf((W("a"), W("or"), W("b")))),
    # Negation: the minus, NOT, SAUF; exclusions and filters are lifted out of the AnyOf.
    ("NOT loyer", Not(W("loyer"))),
    ("-loyer", Not(W("loyer"))),
    ("logement -loyer", And((AnyOf((W("logement"),), beside_filters=True), Not(W("loyer"))))),
    (
        "logement social -loyer",
        And((AnyOf((W("logement"), W("social")), beside_filters=True), Not(W("loyer")))),
    ),
    ("logement SAUF loyer", And((AnyOf((W("logement"),), beside_filters=True), Not(W("loyer"))))),
    ("-loyer -bail", And((Not(W("loyer")), Not(W("bail"))))),
    ("NOT NOT a", W("a")),
    ("-(a b)", Not(AnyOf((W("a"), W("b"))))),
    ('-"plan climat"', Not(Phrase(("plan", "climat")))),
    ("Bruxelles - Mobilité", AnyOf((W("Bruxelles"), W("Mobilité")))),
    ("Bruxelles-Capitale", W("Bruxelles-Capitale")),
    ("a -- b", AnyOf((W("a"), W("b")))),
    # Phrases in straight, curly and French quotes.
    ('"diplomates technologiques"', Phrase(("diplomates", "technologiques"))),
    ("“diplomates technologiques”", Phrase(("diplomates", "technologiques"))),
    ("« diplomates technologiques »", Phrase(("diplomates", "technologiques"))),
    ('"mobilité"', Phrase(("mobilité",))),
    ('vélo "plan  climat"', AnyOf((W("vélo"), Phrase(("plan", "climat"))))),
    ("l'école", W("l'école")),
    # Prefixes.
    ("technolog*", Prefix("technolog")),
    ("diplomat* technolog*", AnyOf((Prefix("diplomat"), Prefix("technolog")))),
    ("ab*", Prefix("ab")),
    # Text fields, French and English names, with words, phrases, prefixes, groups.
    ("titre:mobilité", W("mobilité", "title")),
    ("title:mobilité", W("mobilité", "title")),
    ("TITRE:mobilité", W("mobilité", "title")),
    ('question:"plan climat"', Phrase(("plan", "climat"), "question")),
    ("réponse:technolog*", Prefix("technolog", "answer")),
    ("reponse:vélo", W("vélo", "answer")),
    (
        "titre:(vélo OR trottinette)",
        Or((W("vélo", "title"), W("trottinette", "title"))),
    ),
    (
        "titre:(vélo -trottinette)",
        And((AnyOf((W("vélo", "title"),), beside_filters=True), Not(W("trottinette", "title")))),
    ),
    ("-titre:vélo", Not(W("vélo", "title"))),
    # Metadata fields.
    ("auteur:debaets", FieldValue("author", "debaets")),
    ("session:20/21", FieldValue("session", "20/21")),
    ("ministre:smet", FieldValue("addressee", "smet")),
    ("destinataire:smet", FieldValue("addressee", "smet")),
    ('ministre:"van den brandt"', FieldValue("addressee", "van den brandt")),
    ("ministre:«Van den Brandt»", FieldValue("addressee", "Van den Brandt")),
    ("legislature:19/24", FieldValue("legislature", "19/24")),
    ("législature:2024-2029", FieldValue("legislature", "2024-2029")),
    ("numero:369", FieldValue("number", "369")),
    ("n:369", FieldValue("number", "369")),
    ("statut:repondu", FieldValue("status", "repondu")),
    ("status:sans-réponse", FieldValue("status", "sans-réponse")),
    ("langue:fr", FieldValue("language", "fr")),
    ("portefeuille:urbanisme", FieldValue("portfolio", "urbanisme")),
    ("secteur:construction", FieldValue("sector", "construction")),
    ("type:renvoi", FieldValue("answer_type", "renvoi")),
    ("type_reponse:renvoi", FieldValue("answer_type", "renvoi")),
    ("id:170229", FieldValue("id", "170229")),
    ("id:PRB-1-170312", FieldValue("id", "PRB-1-170312")),
    ("titre:AND", W("AND", "title")),
    ("auteur:x:y", FieldValue("author", "x:y")),
    (
        "session:(20/21 OR 21/22)",
        Or((FieldValue("session", "20/21"), FieldValue("session", "21/22"))),
    ),
    ("-session:20/21", Not(FieldValue("session", "20/21"))),
    # Dates, each form of the issue; both ends included.
    ("repondu:2021-03", DateRange("answered", d("2021-03-01"), d("2021-03-31"))),
    ("recu:2021", DateRange("received", d("2021-01-01"), d("2021-12-31"))),
    ("reçu:31/03/2021", DateRange("received", d("2021-03-31"), d("2021-03-31"))),
    (
        "recu:[2021-01-01 TO 2021-06-30]",
        DateRange("received", d("2021-01-01"), d("2021-06-30")),
    ),
    ("recu:[2021-01 TO *]", DateRange("received", d("2021-01-01"), None)),
    ("recu:[* TO 2020]", DateRange("received", None, d("2020-12-31"))),
    ("recu:>2021", DateRange("received", d("2022-01-01"), None)),
    ("recu:>=2021-03", DateRange("received", d("2021-03-01"), None)),
    ("recu:<31/03/2021", DateRange("received", None, d("2021-03-30"))),
    ("recu:<=2021", DateRange("received", None, d("2021-12-31"))),
    (
        "publie:2021-03-01..2021-03-31",
        DateRange("published", d("2021-03-01"), d("2021-03-31")),
    ),
    ('publication:"1er mars 2021"', DateRange("published", d("2021-03-01"), d("2021-03-01"))),
    ('recu:"[mars 2021 TO juin 2021]"', DateRange("received", d("2021-03-01"), d("2021-06-30"))),
    ("date:2021", DateRange("received", d("2021-01-01"), d("2021-12-31"))),
    ("date_reponse:2021", DateRange("answered", d("2021-01-01"), d("2021-12-31"))),
    # Words and filters together: the filters are required, the words ranked.
    (
        "logement session:20/21",
        And((AnyOf((W("logement"),), beside_filters=True), FieldValue("session", "20/21"))),
    ),
    (
        "logement énergie ministre:smet recu:2021",
        And(
            (
                AnyOf((W("logement"), W("énergie")), beside_filters=True),
                FieldValue("addressee", "smet"),
                DateRange("received", d("2021-01-01"), d("2021-12-31")),
            )
        ),
    ),
    (
        "vélo (session:20/21 OR session:21/22)",
        And(
            (
                AnyOf((W("vélo"),), beside_filters=True),
                Or((FieldValue("session", "20/21"), FieldValue("session", "21/22"))),
            )
        ),
    ),
    (
        "vélo (titre:bus OR session:20/21)",
        AnyOf((W("vélo"), Or((W("bus", "title"), FieldValue("session", "20/21"))))),
    ),
    (
        "session:20/21 statut:repondu",
        And((FieldValue("session", "20/21"), FieldValue("status", "repondu"))),
    ),
    # Colons that are not fields.
    ("réunion 10:30", AnyOf((W("réunion"), W("10:30")))),
    ("https://www.parlement.brussels/x", W("https://www.parlement.brussels/x")),
    ("Ma question: pourquoi", AnyOf((W("Ma"), W("question:"), W("pourquoi")))),
    ("Objet: vélo", AnyOf((W("Objet:"), W("vélo")))),
    ('"objet:vélo"', Phrase(("objet:vélo",))),
    # Grouping, punctuation, blank queries.
    ("(a)", W("a")),
    ("((a b))", AnyOf((W("a"), W("b")))),
    ("(a b) c", AnyOf((AnyOf((W("a"), W("b"))), W("c")))),
    # A group typed as an operand of AND is not lifted beside filters: AND names it.
    ("logement AND (a b)", And((W("logement"), AnyOf((W("a"), W("b")))))),
    ("vélo ? — !", W("vélo")),
    ("", None),
    ("   \t\n", None),
    ("-", None),
]


@pytest.mark.parametrize(("query", "tree"), FORMS, ids=[q or "<empty>" for q, _ in FORMS])
def test_each_form_parses_to_its_tree(query: str, tree: Node | None) -> None:
    assert parse_query(query) == tree


ERRORS: list[tuple[str, tuple[str, ...]]] = [
    ('diplomates "technologiques', ("Unbalanced quote", "column 12", "never closed")),
    ("« diplomates", ("Unbalanced quote", "column 1")),
    ("diplomates »", ("Closing quote", "column 12")),
    ("(logement OR habitat", ("Unbalanced parenthesis", "column 1", "never closed")),
    ("logement) habitat", ("Closing parenthesis", "column 9", "no opening")),
    ("((a)", ("Unbalanced parenthesis", "column 1")),
    ("()", ("Empty parentheses", "column 1")),
    ('""', ("Empty phrase", "column 1")),
    ('vélo " "', ("Empty phrase", "column 6")),
    ("foo:bar", ("Unknown field 'foo'", "column 1", "auteur", "reçu", "quotes")),
    ("vélo ministere:smet", ("Unknown field 'ministere'", "column 6", "ministre")),
    ("session: 20/21", ("session:", "no value", "session:20/21")),
    ("recu:", ("no value", "recu:2021-03")),
    ("AND", ("AND", "needs a term before it", "column 1")),
    ("a AND", ("AND", "column 3", "needs a term after it", "end of the query")),
    ("AND a", ("needs a term before it",)),
    ("a AND OR b", ("AND", "needs a term after it", "found OR")),
    ("a OR", ("OR", "needs a term after it")),
    ("(a OR)", ("OR", "needs a term after it", "found )")),
    ("NOT", ("NOT", "needs a term after it")),
    ("a NOT", ("NOT", "needs a term after it")),
    ("-AND", ("-", "needs a term after it", "found AND")),
    ("*", ("lone *", "every document", "leave the query empty")),
    ("a*", ("too short", "at least 2")),
    ("é*", ("too short",)),
    ("tech*nolog", ("only at the end", "technolog*", "column 1")),
    ("*tech", ("only at the end",)),
    ("tech**", ("only at the end",)),
    ('"diplomat* technolog"', ("inside quotes", "Remove the quotes")),
    ("auteur:deb*", ("Wildcards", "author", "auteur:debaets")),
    ("titre:-vélo", ("put the minus before the field", "-titre:")),
    ("statut:peut-être", ("Unknown status", "répondu", "sans-réponse")),
    ("numero:trois", ("question number", "numero:369")),
    ("session:[20/21 TO 22/23]", ("dates only", "session")),
    ("recu:2021-13", ("Bad date", "received", "column 6", "month 13", "Accepted dates")),
    ("recu:32/03/2021", ("no day 32", "March 2021 has 31 days")),
    ("repondu:30/02/2021", ("no day 30", "February 2021 has 28 days")),
    ("recu:marz", ("Not a date", "Accepted dates")),
    ('recu:"15 marz 2021"', ("Unknown month name 'marz'", "Did you mean 'mars'")),
    ("recu:mars 2021", ('Dates with spaces go in quotes: recu:"mars 2021".', "only 'mars' is")),
    ("recu:31 mars 2021", ('go in quotes: recu:"31 mars 2021".', "only '31' is read")),
    ("recu:1799", ("out of range", "1800", "2200")),
    ("recu:[2021 TO", ("never closed", "recu:[2021-01 TO 2021-06]")),
    ("recu:[2022 TO 2021]", ("ends before it starts",)),
    ("recu:[* TO *]", ("no end at all",)),
    ("recu:{2021 TO 2022}", ("Exclusive bounds", "[a TO b]")),
    ("recu:>", ("needs a date",)),
    ("recu:*", ("'*' alone is not a range",)),
    ("recu:(2021 OR 2022)", ("not a group", "recu:2021 OR recu:2023")),
    # A range without its brackets, a field with "=" (s20: both found nothing, silently).
    ("recu:2021 TO 2022", ("square brackets: recu:[2021 TO 2022].", "only '2021' is read")),
    ("logement (repondu:2021 to)", ("square brackets: repondu:[2021 TO *].", "column 19")),
    ("portfolio==", ("not a filter", "takes a colon", "portfolio:=urbanisme", "in quotes")),
    ("logement secteur=F", ("'secteur=F' at column 10 is not a filter", "Write secteur:F,")),
    ("portefeuille==Mobilité", ("Write portefeuille:=Mobilité",)),
]


@pytest.mark.parametrize(("query", "phrases"), ERRORS, ids=[q for q, _ in ERRORS])
def test_each_mistake_says_what_and_where(query: str, phrases: tuple[str, ...]) -> None:
    message = error_of(query)
    for phrase in phrases:
        assert phrase in message
    # The last two lines show the query and a caret under the problem.
    shown, caret = message.splitlines()[-2:]
    assert caret.strip() == "^"
    assert query.strip()[:20] in shown or shown.strip().startswith("...")


def test_caret_points_at_the_column_named_in_the_message() -> None:
    message = error_of('vélo AND (énergie OR "plan climat)')
    assert "column 22" in message
    shown, caret = message.splitlines()[-2:]
    assert shown[caret.index("^")] == '"'


def test_field_names_are_matched_without_case_or_accents() -> None:
    for alias in ("Reçu", "RECU", "recu", "réception", "Dépôt", "date-reception"):
        assert canonical_field(alias) == "received"
    assert canonical_field("réponse") == canonical_field("REPONSE") == "answer"
    assert canonical_field("répondu") == "answered"
    assert canonical_field("objet") is None


def test_every_alias_names_exactly_one_field_and_parses() -> None:
    names = [spec.name for spec in FIELDS]
    assert len(names) == len(set(names))
    assert {"title", "question", "answer"} == QUERY_TEXT_FIELDS
    assert {"received", "published", "answered"} == QUERY_DATE_FIELDS
    assert {"author", "addressee", "session", "legislature", "status"} <= QUERY_METADATA_FIELDS
    for spec in FIELDS:
        for alias in (spec.name, *spec.aliases):
            assert canonical_field(alias) == spec.name
        # The example shown in error messages is itself a valid query.
        assert parse_query(spec.example) is not None


def test_status_values_fold_to_the_two_indexed_values() -> None:
    for status, aliases in STATUS_VALUES.items():
        for alias in aliases:
            assert canonical_status(alias) == status
            assert canonical_status(alias.upper().replace("-", "_")) == status
    assert canonical_status("Répondu") == "answered"
    assert canonical_status("sans reponse") == "unanswered"
    assert canonical_status("retirée") is None


def test_limits_refuse_hostile_queries_with_the_limit_in_the_message() -> None:
    assert "10,000" in error_of("a" * (MAX_QUERY_LENGTH + 1))
    assert "1,000 terms" in error_of("ab " * (MAX_TERMS + 1))
    assert parse_query("ab " * MAX_TERMS) is not None
    nested_ok = "(" * MAX_DEPTH + "vélo" + ")" * MAX_DEPTH
    assert parse_query(nested_ok) == W("vélo")
    too_deep = "(" * (MAX_DEPTH + 1) + "vélo" + ")" * (MAX_DEPTH + 1)
    assert "Too deeply nested" in error_of(too_deep)
    assert "Too deeply nested" in error_of("titre:(" * (MAX_DEPTH + 1) + "a")


def test_long_runs_of_negations_collapse_instead_of_recursing() -> None:
    assert parse_query("NOT " * 2000 + "vélo") == W("vélo")
    assert parse_query("NOT " * 2001 + "vélo") == Not(W("vélo"))
    assert parse_query("-" * 9000 + "vélo") == Not(W("vélo"))


def test_parsing_work_grows_linearly_with_the_query() -> None:
    """An 800-term query costs twice a 400-term one (Python calls, tests/work.py: no clock)."""
    pieces = ["vélo", "-loyer", "titre:bus", "n:36", "recu:2021", '"plan bus"', "tech*"]

    def calls(terms: int) -> int:
        query = " ".join(pieces[i % len(pieces)] for i in range(terms))
        query += " " + " AND ".join(["ab"] * 10)
        with counting_calls() as counted:
            parse_query(query)
        return counted.count

    assert calls(800) <= 2.2 * calls(400)


# Property tests.

_FRAGMENTS = [
    '"',
    "“",
    "”",
    "«",
    "»",
    "(",
    ")",
    "AND",
    "OR",
    "NOT",
    "ET",
    "SAUF",
    "-",
    "*",
    ":",
    " ",
    "\t",
    "titre:",
    "recu:",
    "session:",
    "statut:",
    "n:",
    "foo:",
    "https://",
    "[",
    "]",
    "{",
    "}",
    " TO ",
    "..",
    ">",
    ">=",
    "<",
    "2021",
    "2021-13",
    "31/03/2021",
    "00",
    "mars",
    "1er",
    "a",
    "vélo",
    "ab*",
    "é",
    "\x00",
]
grammarish = st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=4), max_size=25).map("".join)


def _check_tree(node: Node) -> None:
    """What the compiler may rely on in any tree the parser returns."""
    if isinstance(node, Word):
        assert node.text and not any(c.isspace() for c in node.text)
        assert node.field is None or node.field in QUERY_TEXT_FIELDS
    elif isinstance(node, Prefix):
        assert sum(c.isalnum() for c in node.text) >= 2 and "*" not in node.text
        assert node.field is None or node.field in QUERY_TEXT_FIELDS
    elif isinstance(node, Phrase):
        assert node.words and all(node.words) and not any("*" in w for w in node.words)
        assert node.field is None or node.field in QUERY_TEXT_FIELDS
    elif isinstance(node, FieldValue):
        assert node.field in QUERY_METADATA_FIELDS and node.value
    elif isinstance(node, DateRange):
        assert node.field in QUERY_DATE_FIELDS
        assert node.start is not None or node.end is not None
        if node.start and node.end:
            assert node.start <= node.end
    elif isinstance(node, Not):
        assert not isinstance(node.item, Not)
        _check_tree(node.item)
    else:
        # A group holds two items at least, but for an AnyOf of the one plain word beside
        # filters or exclusions (the compiler tells it from an operand of AND: audit 11, S1).
        assert len(node.items) >= (1 if isinstance(node, AnyOf) else 2)
        for item in node.items:
            _check_tree(item)


def _parse_or_refuse(query: str) -> None:
    try:
        tree = parse_query(query)
    except QuerySyntaxError as error:
        assert str(error)
        return
    if tree is not None:
        _check_tree(tree)


@FUZZ
@given(st.text(max_size=60))
def test_random_text_gives_a_tree_or_a_syntax_error(query: str) -> None:
    _parse_or_refuse(query)


@FUZZ
@given(grammarish)
def test_random_query_pieces_give_a_tree_or_a_syntax_error(query: str) -> None:
    _parse_or_refuse(query)


# Round trip: a tree rendered as a query string parses back to the same tree.

_word_text = st.from_regex(r"[a-zé][a-z0-9éèç']{0,7}", fullmatch=True)
_text_field = st.sampled_from([None, "title", "question", "answer"])
_alias = {"title": "titre", "question": "question", "answer": "réponse", None: ""}
_day = st.dates(dt.date(1800, 1, 1), dt.date(2200, 12, 31))


@st.composite
def _date_range(draw: st.DrawFn) -> DateRange:
    first, second = sorted((draw(_day), draw(_day)))
    start = draw(st.sampled_from([first, None]))
    end = second if start is None else draw(st.sampled_from([second, None]))
    return DateRange(draw(st.sampled_from(sorted(QUERY_DATE_FIELDS))), start, end)


_field_value = st.builds(
    FieldValue,
    st.sampled_from(["author", "addressee", "session", "legislature", "portfolio", "id"]),
    st.from_regex(r"[a-z0-9][a-z0-9/]{0,6}( [a-z]{1,5})?", fullmatch=True),
)
_optional_leaf = st.one_of(
    st.builds(Word, _word_text, _text_field),
    st.builds(Prefix, st.from_regex(r"[a-z]{2,6}", fullmatch=True), _text_field),
    st.builds(Phrase, st.lists(_word_text, min_size=1, max_size=3).map(tuple), _text_field),
)
_filter_leaf = st.one_of(_field_value, _date_range())


def _extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    pairs = st.lists(children, min_size=2, max_size=3).map(tuple)
    return st.one_of(
        st.builds(And, pairs),
        st.builds(Or, pairs),
        st.builds(Not, children.filter(lambda n: not isinstance(n, Not))),
        st.lists(_optional_leaf, min_size=2, max_size=3).map(lambda items: AnyOf(tuple(items))),
    )


trees = st.recursive(st.one_of(_optional_leaf, _filter_leaf), _extend, max_leaves=12)


def _render(node: Node) -> str:
    if isinstance(node, Word | Prefix | Phrase):
        prefix = f"{_alias[node.field]}:" if node.field else ""
        if isinstance(node, Word):
            return prefix + node.text
        if isinstance(node, Prefix):
            return f"{prefix}{node.text}*"
        return prefix + '"' + " ".join(node.words) + '"'
    if isinstance(node, FieldValue):
        return f'{node.field}:"{node.value}"'
    if isinstance(node, DateRange):
        start = node.start.isoformat() if node.start else "*"
        end = node.end.isoformat() if node.end else "*"
        return f"{node.field}:[{start} TO {end}]"
    if isinstance(node, Not):
        return f"NOT ({_render(node.item)})"
    joiner = {And: " AND ", Or: " OR ", AnyOf: " "}[type(node)]
    return "(" + joiner.join(_render(item) for item in node.items) + ")"


@FUZZ
@given(trees)
def test_a_rendered_tree_parses_back_to_itself(tree: Node) -> None:
    assert parse_query(_render(tree)) == tree


def test_an_equals_sign_outside_a_field_name_is_text() -> None:
    # Only a field's name before "=" is refused (s20); other words keep their "=".
    for query in ("E=mc2", "n=5", "x==y", '"portfolio=="'):
        assert parse_query(query) is not None, query
