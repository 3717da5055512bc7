"""Common words (le, toujours, plus, ...): left out among other words, never silently.

A plain query of common words alone gets a message (not "0 documents"); a common word that an
operator names (AND, OR, NOT, -, `--all-words`) is searched as its exact form, as one quoted
word is, instead of being dropped while the rest of the query is answered. The reference is
independent of the index: the folded surface words of each document's record.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.analyze.fold import fold, surface_tokens
from pqsearch.errors import QuerySyntaxError
from pqsearch.results import MatchedTerm, WordExplanation
from tests.conftest import run_pqsearch

# Common words of the shipped corpus (stopwords of the analysis) that many documents hold.
COMMON = ("toujours", "déjà", "après", "plus")


def ids(index: api.Index, query: str, **options: bool) -> set[str]:
    return {h.id for h in index.search(query, limit=1000, facets=[], **options).hits}


def holding(index: api.Index, word: str) -> set[str]:
    """The documents whose title, question or answer has `word` (folded) as a word."""
    found = set()
    for doc_id in ids(index, ""):
        record = index.get(doc_id)
        text = " ".join((record.title, record.question, record.answer or ""))
        if fold(word) in surface_tokens(text):
            found.add(doc_id)
    return found


@pytest.mark.parametrize(
    "query", ["toujours", "le", "titre:toujours", "toujours session:25/26", "le déjà"]
)
def test_common_words_alone_get_a_message_not_zero_documents(
    index: api.Index, corpus_index: Path, query: str
) -> None:
    with pytest.raises(QuerySyntaxError, match="Nothing to search for") as raised:
        index.search(query)
    assert "put a common word in quotes" in str(raised.value)
    result = run_pqsearch("search", query, "--index", str(corpus_index))
    assert result.returncode == 2, result.stdout
    assert "Nothing to search for" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("word", COMMON)
def test_a_common_word_named_by_an_operator_is_searched_as_written(
    index: api.Index, word: str
) -> None:
    everything = ids(index, "")
    with_word = holding(index, word)
    logement = ids(index, "logement")
    bruxelles = ids(index, "bruxelles")
    assert 0 < len(with_word) < len(everything)
    assert logement - with_word and bruxelles & with_word  # the checks below can fail
    assert ids(index, f'"{word}"') == with_word
    assert ids(index, f"logement AND {word}") == logement & with_word
    assert ids(index, f"logement -{word}") == logement - with_word
    assert ids(index, f"NOT {word}") == everything - with_word
    assert ids(index, f"vélo OR {word}") == ids(index, "vélo") | with_word
    assert ids(index, f"-({word} le)") == everything - with_word - holding(index, "le")
    # A group typed as an operand of AND is named by it, as "-(toujours le)" is above.
    other = "toujours" if word == "déjà" else "déjà"
    either = with_word | holding(index, other)
    assert logement - either  # the group, left out, would give every "logement" document
    assert ids(index, f"logement AND ({word} {other})") == logement & either
    assert ids(index, f"({word} {other}) AND logement") == logement & either
    # ... also when the group holds an exclusion or a filter beside its words (review 13).
    emploi = ids(index, "emploi")
    assert (logement - emploi) - either
    assert ids(index, f"logement AND ({word} {other} -emploi)") == (logement & either) - emploi
    in_session = ids(index, "session:25/26")
    assert ids(index, f"logement AND ({word} {other} session:25/26)") == (
        logement & either & in_session
    )
    assert ids(index, f"bruxelles {word}", all_words=True) == bruxelles & with_word
    assert ids(index, word, all_words=True) == with_word
    explained = index.search(f"logement AND {word}", facets=[]).explanation
    assert explained[-1] == WordExplanation(word, (MatchedTerm("form", fold(word), 1.0),))


@pytest.mark.parametrize(
    "query",
    ["toujours -logement", "-logement toujours", "toujours NOT logement", "le la -logement"],
)
def test_common_words_beside_an_exclusion_alone_get_a_message_not_its_complement(
    index: api.Index, query: str
) -> None:
    # An exclusion restricts as a filter does (audit A7): the common words were dropped and
    # the answer was every document without "logement", as if nothing else had been typed.
    with pytest.raises(QuerySyntaxError, match="Nothing to search for"):
        index.search(query)
    # The exclusion alone, a quoted common word beside it, or a word beside both still search.
    everything, logement = ids(index, ""), ids(index, "logement")
    assert ids(index, "-logement") == everything - logement
    assert ids(index, '"toujours" -logement') == holding(index, "toujours") - logement
    assert ids(index, "bruxelles toujours -logement") == ids(index, "bruxelles") - logement


def test_common_words_among_other_words_are_left_out_as_before(index: api.Index) -> None:
    # An ordinary query ranks as it did: its common words add nothing, and are not required.
    plain = index.search("logement social", facets=[], limit=1000)
    with_common = index.search("le logement social toujours", facets=[], limit=1000)
    assert [(h.id, h.score) for h in with_common.hits] == [(h.id, h.score) for h in plain.hits]
    assert with_common.explanation == plain.explanation


def test_the_cli_explains_and_counts_a_common_word_it_was_asked_for(
    index: api.Index, corpus_index: Path
) -> None:
    wanted = ids(index, "logement") & holding(index, "toujours")
    result = run_pqsearch(
        "search", "logement AND toujours", "--explain", "--index", str(corpus_index)
    )
    assert result.returncode == 0, result.stderr
    assert "  toujours: toujours (form 1)" in result.stdout
    assert result.stdout.startswith(f"{len(wanted)} document")
    result = run_pqsearch(
        "search", "bruxelles", "toujours", "--all-words", "--json", "--index", str(corpus_index)
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] == len(
        ids(index, "bruxelles") & holding(index, "toujours")
    )
