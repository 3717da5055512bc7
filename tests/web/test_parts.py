"""The web layer's own pieces: link allow-list, highlights, timeline layout, URL state."""

from __future__ import annotations

import pytest
from starlette.datastructures import QueryParams

from pqsearch import Facet, FacetCount, Filters, Highlight, QuerySyntaxError
from pqsearch.web.params import SearchState
from pqsearch.web.render import marked, safe_url
from pqsearch.web.timeline import timeline


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://www.parlement.brussels/weblex-quest-det/?moncode=170229", True),
        ("http://example.org/annexe.pdf", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("//evil.example/x", False),
        ("/documents/1", False),
        ("https://", False),
        ("https://a.example/x y", False),
        ("", False),
        (None, False),
    ],
)
def test_only_absolute_http_links_become_links(url: str | None, allowed: bool) -> None:
    assert (safe_url(url) is not None) is allowed


def test_highlights_escape_everything_but_their_marks() -> None:
    text = "<b>logement</b> & <script>x</script>"
    start = text.index("logement")
    rendered = marked(Highlight("answer", text, ((start, start + len("logement")),)))
    assert str(rendered) == (
        "&lt;b&gt;<mark>logement</mark>&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"
    )


def test_timeline_counts_months_and_fills_the_gaps() -> None:
    facet = Facet(
        "received_month", (FacetCount("2021-03", 4), FacetCount("2021-01", 2)), truncated=False
    )
    drawn = timeline(facet)
    assert drawn is not None
    assert drawn.unit == "month"
    assert [(b.period, b.count) for b in drawn.bars] == [
        ("2021-01", 2),
        ("2021-02", 0),
        ("2021-03", 4),
    ]
    tallest = drawn.bars[2]
    assert tallest.y + tallest.height == drawn.height
    assert drawn.bars[0].height == pytest.approx(tallest.height / 2)


def test_timeline_counts_years_over_long_spans() -> None:
    months = [FacetCount(f"{year}-06", 1) for year in range(2006, 2026)]
    months.append(FacetCount("2025-01", 2))
    drawn = timeline(Facet("received_month", tuple(months), truncated=False))
    assert drawn is not None
    assert drawn.unit == "year"
    assert len(drawn.bars) == 20
    assert drawn.bars[-1].period == "2025"
    assert drawn.bars[-1].count == 3
    assert timeline(Facet("received_month", (), truncated=False)) is None


def test_the_url_holds_the_whole_state() -> None:
    url = (
        "q=logement+social&session=25%2F26&session=24%2F25&sector=F+Construction"
        "&status=answered&from=2021-03&to=31%2F03%2F2022&date=answered&sort=newest&page=3"
        "&lang=en"
    )
    state = SearchState.read(QueryParams(url))
    assert state.url() == "/search?" + url
    assert state.filters().session == ("25/26", "24/25")
    assert state.filters().date_field == "answered"
    narrowed = state.adding("addressee", "Ans Persoons")
    assert narrowed.page == 1
    assert narrowed.values["addressee"] == ("Ans Persoons",)
    assert narrowed.removing("session", "25/26").values["session"] == ("24/25",)
    assert state.removing("from", "2021-03").date_from == ""
    assert list(state.active())[:2] == [("session", "25/26"), ("session", "24/25")]


@pytest.mark.parametrize("name", Filters.MULTI_VALUED)
def test_every_filter_of_the_url_reaches_the_search(name: str) -> None:
    # Audit 17, Q1: `sector_mentioned=H` stayed in the URL and among the active filters,
    # but the search ran without it (every document for /api/search?sector_mentioned=H).
    state = SearchState.read(QueryParams({name: "H"}))
    assert getattr(state.filters(), name) == ("H",)
    assert state.filters() == Filters(**{name: ("H",)})


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("page=0", "page must be between 1 and 10000"),
        ("page=two", "page must be a whole number"),
        ("limit=5000", "limit must be between 0 and 100"),
        ("date=signed", "Unknown date 'signed'"),
    ],
)
def test_bad_parameters_say_what_is_accepted(query: str, message: str) -> None:
    with pytest.raises(QuerySyntaxError, match=message):
        SearchState.read(QueryParams(query))
