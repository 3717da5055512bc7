"""Counts on the pages carry the page language's thousands separator (s20 review, L3): past
999 the search page said « 12 345 documents » beside a facet « Logement 12345 »."""

from __future__ import annotations

import re

from pqsearch.memo import thousands
from pqsearch.web.i18n import Words
from tests.conftest import REPO

TEMPLATES = REPO / "pqsearch" / "web" / "templates"


def test_pages_and_memo_write_a_count_alike() -> None:
    assert (Words("fr").number(12345), Words("en").number(12345)) == ("12\u202f345", "12,345")
    assert [thousands(12345, language) for language in ("fr", "en")] == ["12\u202f345", "12,345"]


def test_every_count_and_rank_shown_goes_through_words_number() -> None:
    shown = re.compile(r"\{\{[^}]*\b(?:count|rank|length)\b[^}]*\}\}")
    # Not shown as a count: an element's id (the checkbox's label names its hit), a list's start.
    not_counts = ('id="select-', 'start="')
    unformatted = [
        f"{path.name}: {match[0]}"
        for path in sorted(TEMPLATES.glob("*.html"))
        for line in path.read_text(encoding="utf-8").splitlines()
        for match in shown.finditer(line)
        if "words.number(" not in match[0]
        and not any(f"{marker}{match[0]}" in line for marker in not_counts)
        and "×" + match[0] not in line  # a sector's evidence: a word's few occurrences
    ]
    assert unformatted == []
