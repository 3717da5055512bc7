"""Links of the acts table as the site writes them, broken markup included."""

from __future__ import annotations

import pytest

from pqsearch.parse import parse_bytes
from tests.parse.conftest import page_path


@pytest.mark.parametrize(
    "broken",
    [
        "href='http://weblex.brussels/data/crb/bqrann/2025-26/170265/IMAGES'.pdf#page=''",
        'href="http://weblex.brussels/data/crb/bqrann/2025-26/170265/IMAGES".pdf#page=""',
        "href=http://weblex.brussels/data/crb/bqrann/2025-26/170265/IMAGES .pdf#page=''",
    ],
)
def test_an_annex_link_broken_before_its_extension_is_kept_whole(broken: str) -> None:
    """Issue 16, point 10: the link of 169909's annex act came out as ".../169909/IMAGES": a
    quote or a space in the href before ".pdf" ends the attribute there for an HTML parser."""
    url = "http://weblex.brussels/data/crb/bqrann/2025-26/170265/IMAGES.pdf#page="
    text = page_path("170265").read_text(encoding="utf-8")
    assert text.count(f"href='{url}'") == 1
    (question,) = parse_bytes(
        text.replace(f"href='{url}'", broken).encode(), source="170265-broken.html"
    )
    (annex_step,) = [step for step in question.procedure if step.link]
    assert annex_step.link == url
    assert [annex.url for annex in question.annexes] == [url]
