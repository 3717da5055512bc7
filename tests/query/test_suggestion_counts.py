"""A did-you-mean for a word limited to one part counts its suggestion in that part (audit
14, A6): following "did you mean X (N documents)?" must give N documents."""

from __future__ import annotations

from pathlib import Path

from pqsearch import api
from tests.conftest import run_pqsearch


def test_a_field_scoped_word_s_suggestion_is_counted_in_its_part(
    index: api.Index, corpus_index: Path
) -> None:
    result = index.search("titre:communiquer", facets=[])
    assert result.total == 0 and result.suggestions
    for suggestion in result.suggestions:
        followed = index.search(f"titre:{suggestion.suggestion}", facets=[]).total
        assert suggestion.hits == followed
        assert index.search(suggestion.suggestion, facets=[]).total != followed  # can fail
    shown = run_pqsearch("search", "titre:communiquer", "--index", str(corpus_index))
    first = result.suggestions[0]
    assert f'did you mean "{first.suggestion}" ({first.hits} documents)?' in shown.stdout
