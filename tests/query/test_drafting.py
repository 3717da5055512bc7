"""Drafting support on the real corpus: similar questions, cross-references, memo, watch."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from pqsearch import api, watch
from pqsearch.errors import PqsearchError

# A draft in our own words, on the seed's subject (question n°369 on tech diplomats).
DRAFT = """
La Flandre envoie des attachés spécialisés en technologie à l'étranger pour attirer des
investisseurs dans l'innovation. Notre Région compte-t-elle créer un tel réseau de diplomates
technologiques, et comment hub.brussels promeut-il les entreprises technologiques bruxelloises
à l'étranger ? Innoviris sera-t-il associé ?
"""


def test_the_same_question_sent_to_two_ministers_comes_first(index: api.Index) -> None:
    result = index.similar("170290", limit=5)
    first = result.hits[0]
    assert first.id == "170291"
    assert first.extra.same_question is True
    assert first.extra.shared_terms
    assert all(hit.id != "170290" for hit in result.hits)
    back = index.similar("170291", limit=5)
    assert back.hits[0].id == "170290"


def test_a_short_draft_is_similar_to_a_question_but_not_the_same_question(
    index: api.Index,
) -> None:
    # Five words of 170290's title, contained in it and in its copy 170291 (audit 14, A10).
    result = index.similar(text="permis cube bleu place De Brouckère", limit=5)
    assert {"170290", "170291"} <= {hit.id for hit in result.hits}
    assert not any(hit.extra.same_question for hit in result.hits)
    # The question itself, as a draft, is still the same question as its copy.
    record = index.get("170290")
    whole = index.similar(text=f"{record.title}\n{record.question}", limit=5)
    assert any(hit.id == "170291" and hit.extra.same_question for hit in whole.hits)


def test_a_paraphrased_draft_finds_the_seed_first(index: api.Index) -> None:
    result = index.similar(text=DRAFT, limit=5)
    assert result.hits[0].number == 369
    assert result.hits[0].session == "20/21"


def test_similar_applies_filters(index: api.Index) -> None:
    result = index.similar(text=DRAFT, filters=api.Filters(status="answered"), limit=20)
    assert result.hits
    assert all(hit.answered for hit in result.hits)
    result = index.similar(text=DRAFT, filters=api.Filters(status="unanswered"), limit=20)
    assert all(not hit.answered for hit in result.hits)


def test_similar_needs_an_id_or_a_text(index: api.Index) -> None:
    with pytest.raises(PqsearchError):
        index.similar()


def test_portfolio_filter_finds_whoever_held_it(index: api.Index) -> None:
    result = index.search("", filters=api.Filters(portfolio=("urbanisme",)), limit=100)
    addressees = {hit.addressee for hit in result.hits}
    # Pascal Smet held urban planning in 2021, Audrey Henry in 2026.
    assert {"Pascal Smet", "Audrey Henry"} <= addressees


def test_markdown_memo_is_valid_and_quotes_real_answers(index: api.Index) -> None:
    memo = index.export("logement", fmt="md", limit=5)
    tokens = MarkdownIt().parse(memo)
    assert [t.tag for t in tokens if t.type == "heading_open"][:2] == ["h1", "h2"]
    quotes = [t for t in tokens if t.type == "blockquote_open"]
    assert quotes
    result = index.search("logement", limit=5, facets=[])
    answers = " ".join(" ".join((index.get(hit.id).answer or "").split()) for hit in result.hits)
    quoted = [
        [line[2:] for line in block.splitlines() if line.startswith("> ")]
        for block in memo.split("\n\n")
    ]
    quoted = [lines for lines in quoted if lines]
    assert len(quoted) == len(quotes)
    for lines in quoted:
        assert " ".join(" ".join(lines).split()) in answers


def test_csv_and_jsonl_carry_every_field(index: api.Index) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(index.export("logement", fmt="csv", limit=3, csv_dialect="comma"))
        )
    )
    assert len(rows) == 3
    assert {"id", "session", "answered_on", "answer", "portfolios", "sectors"} <= set(rows[0])
    lines = index.export("logement", fmt="jsonl", limit=3).splitlines()
    record = json.loads(lines[0])
    assert record["question"]["id"] == rows[0]["id"]
    assert "answer_type" in record


def test_watch_shows_new_documents_once(tmp_path: Path, corpus_index: Path) -> None:
    index_dir = tmp_path / "index"
    shutil.copytree(corpus_index, index_dir, symlinks=True)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with api.open_index(index_dir) as opened:
        watch.add_watch(opened, "propreté", "propreté")
        first = watch.run_watches(opened)
        second = watch.run_watches(opened)
    assert first[0].new and first[0].first_run
    assert second[0].new == () and second[0].changed == ()
    # A new question on the topic arrives with the next ingest.
    page = (Path(__file__).parents[2] / "corpus" / "brussels" / "html" / "170229.html").read_text(
        encoding="utf-8"
    )
    (corpus / "new.html").write_text(page.replace("170229", "999999"), encoding="utf-8")
    report = api.ingest([corpus], index_dir=index_dir)
    assert report.added == ("999999",)
    with api.open_index(index_dir) as opened:
        third = watch.run_watches(opened)
    assert [hit.id for hit in third[0].new] == ["999999"]


def test_csv_carries_the_mentioned_sectors_and_the_answer_type_evidence(
    index: api.Index,
) -> None:
    # Noticed in session 14: JSON Lines held both, the CSV neither.
    text = index.export("logement", fmt="csv", limit=20, csv_dialect="comma")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    for row in rows:
        document = index.show(row["id"])
        assert row["sectors_mentioned"] == "; ".join(s.sector for s in document.mentioned)
        assert row["answer_type_evidence"] == (document.answer_type_evidence or "")
    # Some mention is not a topic, so the column says more than "sectors" does.
    assert any(row["sectors_mentioned"] != row["sectors"] for row in rows)
