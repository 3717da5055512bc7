"""The range check's loopholes (review F F5-F7 of s20): a quoted date before TO, a group
after TO, and a correction that fixed only the first of several errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import QuerySyntaxError, api
from pqsearch.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        ('recu:"31 mars 2021" TO 2022', "recu:[31 mars 2021 TO 2022]"),
        ("recu:«31 mars 2021» TO 31 mars 2022", "recu:[31 mars 2021 TO 31 mars 2022]"),
        ('logement publie:"2021" TO', "publie:[2021 TO *]"),
    ],
)
def test_a_quoted_date_before_to_is_refused_like_a_plain_one(
    index: api.Index, query: str, suggestion: str
) -> None:
    """It searched "TO" and the end as words beside the start date: nothing found, and no
    word of error."""
    with pytest.raises(QuerySyntaxError) as caught:
        index.search(query, facets=[])
    assert caught.value.kind == "range_unbracketed"
    assert caught.value.valid == (suggestion,)
    assert f"A range goes in square brackets: {suggestion}." in str(caught.value)
    index.search(caught.value.corrected, facets=[])


def test_a_quoted_date_followed_by_words_is_still_searched(index: api.Index) -> None:
    assert index.search('logement recu:"31 mars 2021" to the minister', facets=[]) is not None


def test_a_group_after_to_is_no_open_range(index: api.Index, corpus_index: Path) -> None:
    """ "recu:2021 TO (a OR b)" was corrected to "recu:[2021 TO *] (a OR b)": a guess that
    the range had no end."""
    with pytest.raises(QuerySyntaxError) as caught:
        index.search("recu:2021 TO (logement OR vélo)", facets=[])
    assert caught.value.kind == "range_group_after_to"
    assert caught.value.corrected == ""
    out = runner.invoke(
        app, ["search", "recu:2021 TO (logement OR vélo)", "--index", str(corpus_index)]
    )
    assert out.exit_code == 2
    assert out.stderr.startswith(
        "Error: Bad range for received at column 6: TO is followed by a group, not the "
        "range's end. A range goes in square brackets with its end, as in recu:[2021 TO *] "
        "for everything from '2021' on."
    )


@pytest.mark.parametrize(
    ("query", "corrected"),
    [
        (
            "recu:2021 TO 2022 portfolio==Mobilité",
            "recu:[2021 TO 2022] portfolio:=Mobilité",
        ),
        (
            'secteur="Q" logement recu:31 mars 2021 publie:2020 TO',
            'secteur:"Q" logement recu:"31 mars 2021" publie:[2020 TO *]',
        ),
    ],
)
def test_the_correction_fixes_every_error_it_knows(
    index: api.Index, query: str, corrected: str
) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        index.search(query, facets=[])
    assert caught.value.corrected == corrected
    index.search(corrected, facets=[])


def test_no_correction_when_an_error_it_cannot_fix_remains(index: api.Index) -> None:
    """A `corrected` query always parses: half a correction would fail at the next try."""
    with pytest.raises(QuerySyntaxError) as caught:
        index.search("recu:2021 TO 2022 (logement", facets=[])
    assert caught.value.kind == "range_unbracketed"
    assert caught.value.valid == ("recu:[2021 TO 2022]",)
    assert caught.value.corrected == ""
