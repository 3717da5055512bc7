"""Every facet link of the search page leads to as many documents as its count says
(README: facets "as links with counts that narrow the search").

Audit 17, Q3: a portfolio's link ("Budget (1)") selected every portfolio holding a word
starting so, the federal "Budget, Protection consommateurs" too (3 documents). Real records
(`tests/query/test_portfolio_links.py` says which), a real server.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from tests.query.test_portfolio_links import budget_index
from tests.web.conftest import running_server

LINK = re.compile(r'<a href="(/search\?[^"]*)"[^>]*>([^<]*)</a> <span class="count">(\d+)</span>')
# A chosen value's link removes it: "/search" alone when it was the only filter.
ANY_LINK = re.compile(r'<a href="(/search[^"]*)"[^>]*>([^<]*)</a> <span class="count">(\d+)</span>')
TOTAL = re.compile(r'<h2 id="total">(\d+) document')


def test_each_facet_link_leads_to_its_count(tmp_path: Path) -> None:
    with running_server(budget_index(tmp_path)) as server:
        page = server.get("/search")
        assert page.status_code == 200
        links = LINK.findall(page.text)
        assert any("portfolio=" in href and label == "Budget" for href, label, _ in links)
        for href, label, count in links:
            narrowed = server.get(html.unescape(href))
            assert narrowed.status_code == 200, href
            shown = TOTAL.search(narrowed.text)
            assert shown is not None, href
            assert shown.group(1) == count, (label, href)


def test_a_portfolio_link_of_before_stays_selected_and_its_chip_shows_the_name(
    tmp_path: Path,
) -> None:
    # Review 17, V4: a bookmark `?portfolio=Budget` (the links' form before `=Budget`) no longer
    # showed its value as chosen (its link added `=Budget` beside it), and the chip of a link's
    # `=Budget` read "Compétence : =Budget".
    with running_server(budget_index(tmp_path)) as server:
        for chosen in ("Budget", "=Budget"):
            page = server.get("/search", params={"portfolio": chosen})
            assert page.status_code == 200
            budget = [href for href, label, _ in ANY_LINK.findall(page.text) if label == "Budget"]
            assert len(budget) == 1, (chosen, budget)
            for href in budget:
                # Chosen: its link removes it (no portfolio left in the URL).
                assert "portfolio=" not in html.unescape(href), (chosen, href)
            chip = re.search(r'class="chip"[^>]*>([^<]*)<', page.text)
            assert chip is not None and ": Budget" in html.unescape(chip.group(1)), chip
            assert "=Budget" not in html.unescape(chip.group(1))
