"""The memo is text wherever it is rendered: an answer, a title or an address holding HTML or
Markdown shows as written and runs nothing (audit 11, C1)."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from pqsearch.export import memo_text
from tests.conftest import brussels_record

HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
# The CommonMark preset passes raw HTML through, as wikis, notes tools and pandoc do.
COMMONMARK = MarkdownIt("commonmark")


def _record(moncode: str, **changes: Any) -> dict[str, Any]:
    record = brussels_record("170153")
    return {**record, "id": f"PRB-1-{moncode}", "moncode": moncode, **changes}


def _quoted_text(memo: str) -> list[str]:
    """What a reader of the rendered memo sees in each quote (backslash escapes undone)."""
    quotes: list[list[str]] = []
    depth = 0
    for token in COMMONMARK.parse(memo):
        if token.type == "blockquote_open":
            depth += 1
            quotes += [[]] if depth == 1 else []
        elif token.type == "blockquote_close":
            depth -= 1
        elif depth and token.type == "inline":
            quotes[-1].append(_text(token))
    return [" ".join(parts) for parts in quotes]


def _text(token: Token) -> str:
    return "".join(child.content for child in token.children or [] if child.type == "text")


def test_html_in_a_document_is_text_in_the_rendered_memo(tmp_path: Path) -> None:
    folder, index_dir = tmp_path / "in", tmp_path / "index"
    folder.mkdir()
    answer = f"Réponse zorglub {HOSTILE} Un [lien](javascript:alert(5)) et a <b et c> d."
    records = [
        _record("990001", titre=f"zorglub {HOSTILE}", reponse=answer, url_source=None),
        _record("990002", titre="zorglub bis", url_source="javascript:alert(3)"),
        _record("990003", titre="zorglub ter", url_source="https://x.be/a><script>alert(4)"),
    ]
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (folder / "records.jsonl").write_text(lines, encoding="utf-8")
    assert not api.ingest([folder], index_dir=index_dir).failed
    memo_file = tmp_path / "memo.md"

    result = CliRunner().invoke(
        app, ["export", "zorglub", "-f", "md", "-o", str(memo_file), "--index", str(index_dir)]
    )

    assert result.exit_code == 0, result.output
    memo = memo_file.read_text(encoding="utf-8")
    html = COMMONMARK.render(memo)
    for live in ("<script", "<img", "<b "):
        assert live not in html
    # The one link is the page the parser made of the record's number, for the first record.
    assert re.findall(r'href="([^"]*)"', html) == [
        "https://www.parlement.brussels/weblex-quest-det/?moncode=990001&amp;base=1"
    ]
    # What the answer says is all there, as text.
    with api.open_index(index_dir) as opened:
        stored = opened.get("990001").answer
    assert stored is not None and stored.startswith(f"Réponse zorglub {HOSTILE} Un [lien]")
    assert stored in _quoted_text(memo)
    assert "javascript:alert(3)" in html
    assert "https://x.be/a&gt;&lt;script&gt;alert(4)" in html


def test_an_ordinary_memo_quotes_the_answers_as_they_read(index: api.Index) -> None:
    memo = index.export("logement", fmt="md", limit=5)
    result = index.search("logement", limit=5, facets=[])
    answers = [" ".join(a.split()) for h in result.hits if (a := index.get(h.id).answer)]
    quotes = _quoted_text(memo)
    assert len(quotes) == len(answers) > 1
    for quote, answer in zip(quotes, answers, strict=True):
        assert quote and quote in answer
    html = COMMONMARK.render(memo)
    assert html.count('<a href="https://www.parlement.brussels/weblex-quest-det/') == 5


def test_list_items_and_paragraph_breaks_of_a_passage_stay(index: api.Index) -> None:
    document = index.show(index.search("logement", limit=1, facets=[]).hits[0].id)
    passage = "Voici les mesures <prévues> :\n\n- la première_mesure ;\n* la seconde *mesure*."
    html = COMMONMARK.render(memo_text("logement", [(1, document)], lambda _: passage, 1))
    assert (
        "<blockquote>\n<p>Voici les mesures &lt;prévues&gt; :</p>\n<ul>\n"
        "<li>la première_mesure ;</li>\n</ul>\n<ul>\n<li>la seconde *mesure*.</li>\n</ul>\n"
        "</blockquote>"
    ) in html


SOURCE = "dossier `a`` <img src=x onerror=alert(6)>`\n<script>alert(7)</script>.jsonl"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            None,
            "<code>dossier `a`` &lt;img src=x onerror=alert(6)&gt;` "
            "&lt;script&gt;alert(7)&lt;/script&gt;.jsonl</code>",
        ),
        (
            "data:text/html,<script>alert(8)</script>",
            "data:text/html,&lt;script&gt;alert(8)&lt;/script&gt;",
        ),
    ],
    ids=["file path", "other scheme"],
)
def test_a_source_that_is_no_web_address_is_shown_as_text(
    index: api.Index, url: str | None, shown: str
) -> None:
    real = index.show(index.search("logement", limit=1, facets=[]).hits[0].id)
    question = dataclasses.replace(real.question, url=url, source=SOURCE)
    document = dataclasses.replace(real, question=question)
    memo = memo_text("logement", [(1, document)], lambda answer: answer[:80], 1)
    html = COMMONMARK.render(memo)
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert f"<li>Source : {shown}</li>" in html.splitlines()
