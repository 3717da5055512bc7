"""A misspelled common word gets the correction or suggestion any typed word gets (audit A13:
`toujurs` and `logement AND notament` gave a bare "0 documents": the corrector's vocabulary
held content words only). Over the real index of the shipped corpus.
"""

from __future__ import annotations

from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from pqsearch.models import Correction
from pqsearch.query.correct import Vocabulary

runner = CliRunner()


def test_a_misspelled_common_word_is_searched_as_its_correction(index: api.Index) -> None:
    alone = index.search("toujurs", facets=[])
    assert alone.corrections == (Correction("toujurs", "toujours"),)
    assert alone.total == index.search('"toujours"', facets=[]).total > 0
    named = index.search("logement AND notament", facets=[])
    assert named.corrections == (Correction("notament", "notamment"),)
    assert named.corrected_query == "logement AND notamment"
    assert named.total == index.search("logement AND notamment", facets=[]).total > 0


def test_without_correction_a_misspelled_common_word_gets_a_suggestion(index: api.Index) -> None:
    out = runner.invoke(app, ["search", "toujurs", "--no-correct", "--index", str(index.root)])
    assert out.exit_code == 0, out.output
    assert out.output.startswith('0 documents for "toujurs"')
    assert 'did you mean "toujours"' in out.output


def test_a_content_word_is_the_likelier_correction_at_the_same_distance() -> None:
    """A query is mostly content words: "dins" is "dons" before the commoner "dans"."""
    vocabulary = Vocabulary({"dons": 2, "dans": 900}, frozenset({"dans"}))
    assert [c.form for c in vocabulary.near("dins")] == ["dons", "dans"]
