"""What a staff member trips over in search, show and export (issue 16, points 2, 3, 4, 9, 15).

A small real index built from shipped documents: a page, a record citing it, a record of a
minister for "Transition climatique", and the page turned into a request for explanations.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from pqsearch.errors import UnknownValueError
from pqsearch.parse import parse_file
from tests.conftest import BRUSSELS_HTML

runner = CliRunner()
ORAL_ACT = "Question orale transform&eacute;e en question &eacute;crite"
EXPLANATIONS_ACT = "Demande d'explications transform&eacute;e en question &eacute;crite"


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    page = (BRUSSELS_HTML / "170229.html").read_text(encoding="utf-8")
    assert ORAL_ACT in page
    (corpus / "170229.html").write_text(page, encoding="utf-8")
    explanations = page.replace(ORAL_ACT, EXPLANATIONS_ACT).replace("170229", "999001")
    explanations = explanations.replace("(question n&deg;59)", "(question n&deg;998)")
    assert explanations.count("n&deg;998") == 1
    (corpus / "999001.html").write_text(explanations, encoding="utf-8")
    (cited,) = parse_file(BRUSSELS_HTML / "170229.html")
    base = {**cited.to_dict(), "answer": None, "answered_on": None, "published_on": None}
    citing = {
        **base,
        "id": "PRB-TEST-1",
        "kind": "written",
        "number": 301,
        "title": "le suivi du gisement d'appareils à réparer",
        "question": "Dans votre réponse à ma question écrite n° 59, vous indiquiez que Recupel "
        "reste le bénéficiaire des appareils collectés. Qu'en est-il aujourd'hui ?",
        "content_hash": "test-citing",
        "source_format": "jsonl",
        "procedure": [],
    }
    climate = {
        **citing,
        "id": "PRB-TEST-2",
        "number": 302,
        "title": "les primes à la rénovation énergétique",
        "question": "Combien de primes ont été accordées en 2025 ?",
        "addressee": "Alain Maron",
        "addressee_role": "Ministre chargé de la Transition climatique et de l'Environnement",
        "portfolios": ["Transition climatique", "Environnement"],
        "content_hash": "test-climate",
    }
    lines = [json.dumps(r, ensure_ascii=False) for r in (citing, climate)]
    (corpus / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    index_dir = corpus.parent / "small-index"
    report = api.ingest([corpus], index_dir=index_dir)
    assert not report.failed, report.failed
    return index_dir


@pytest.fixture
def small(small_index: Path) -> Iterator[api.Index]:
    with api.open_index(small_index) as opened:
        yield opened


def test_jsonl_export_keeps_cross_references_both_ways(small: api.Index) -> None:
    """Point 2: `show` listed them, `export --format jsonl` dropped them."""
    lines = [json.loads(line) for line in small.export("", fmt="jsonl", limit=10).splitlines()]
    by_id = {line["question"]["id"]: line for line in lines}
    assert by_id["PRB-TEST-1"]["cites"][0]["resolved"] == ["170229"]
    assert by_id["170229"]["cited_by"] == ["PRB-TEST-1"]
    rows = csv.DictReader(io.StringIO(small.export("", fmt="csv", limit=10, csv_dialect="comma")))
    assert {row["id"]: row["cited_by"] for row in rows}["170229"] == "PRB-TEST-1"


def test_a_valid_value_without_documents_gives_no_result(index: api.Index) -> None:
    """Point 3: a sector, answer type, kind or session that exists but that no document has
    is 0 results (exit 0), not "No document has ..."; a typo still suggests."""
    for filters in (
        api.Filters(sector=("horeca",)),
        api.Filters(answer_type=("lapsed",)),
        api.Filters(answer_type=("caduque",)),
        api.Filters(kind=("explanations_turned_written",)),
        api.Filters(session=("23/24",)),
        api.Filters(legislature=("2014-2019",)),
    ):
        assert index.search("", filters=filters, limit=5).total == 0, filters
    with pytest.raises(UnknownValueError, match="did you mean '25/26'"):
        index.search("", filters=api.Filters(session=("25-26",)))
    code = runner.invoke(app, ["search", "--sector", "horeca", "--index", str(index.root)])
    assert code.exit_code == 0, code.output
    assert code.stdout.startswith("0 documents")


def test_export_to_a_missing_folder_says_so_without_a_traceback(index: api.Index) -> None:
    """Point 4."""
    result = runner.invoke(
        app, ["export", "logement", "-o", "/nonexistent/x.md", "--index", str(index.root)]
    )
    assert result.exit_code == 2
    assert "Error: Cannot write the export to /nonexistent/x.md: No such file or directory" in (
        result.stderr
    )
    assert "Traceback" not in result.output


def test_a_reply_date_without_an_answer_is_not_no_answer_yet(index: api.Index) -> None:
    """Point 9: 170312 has a reply date and no published answer."""
    result = runner.invoke(app, ["search", "id:170312", "--index", str(index.root)])
    assert result.exit_code == 0
    assert "answered on 22/09/2026, answer not published" in result.stdout
    assert "no answer yet" not in result.stdout
    shown = runner.invoke(app, ["show", "170312", "--index", str(index.root)])
    assert "(answered on 22/09/2026, answer not published)" in shown.stdout


def test_kind_is_read_from_the_procedure_and_is_a_facet(small: api.Index) -> None:
    """Point 15: "Demande d'explications transformée en question écrite" was filed as written."""
    assert small.get("999001").kind == "explanations_turned_written"
    assert small.get("170229").kind == "oral_turned_written"
    facet = {c.value: c.count for c in small.facet("kind").results}
    assert facet == {"explanations_turned_written": 1, "oral_turned_written": 1, "written": 2}
    written = small.search("", filters=api.Filters(kind=("written",)), limit=10)
    assert {h.id for h in written.hits} == {"PRB-TEST-1", "PRB-TEST-2"}
    # Words of a label find its kind; a kind's whole label is that kind alone (audit 14,
    # A12): "Demande d'explications" is the label of request_for_explanations, of which
    # this index has none, not of the one turned written.
    by_label = small.search("", filters=api.Filters(kind=("demande d'explications transformée",)))
    assert [h.id for h in by_label.hits] == ["999001"]
    exact = small.search("", filters=api.Filters(kind=("demande d'explications",)))
    assert exact.total == 0


def test_portfolio_filter_matches_words_inside_names(small: api.Index, index: api.Index) -> None:
    """Point 15: "climat" finds "Transition climatique", accents and case folded."""
    found = small.search("", filters=api.Filters(portfolio=("climat",)), limit=10)
    assert [h.id for h in found.hits] == ["PRB-TEST-2"]
    assert small.search("", filters=api.Filters(portfolio=("CLIMATIQUE",))).total == 1
    digital = index.search("", filters=api.Filters(portfolio=("numerique",)), limit=100)
    portfolios = {p for hit in digital.hits for p in index.show(hit.id).portfolios}
    assert {"Économie numérique", "Transition numérique"} <= portfolios
    energy = index.search("", filters=api.Filters(portfolio=("energ",)), limit=100)
    assert energy.total == 6


def test_overdue_lists_unanswered_questions_past_the_delay(index: api.Index) -> None:
    """Point 15: no answer nor reply date, received more than the delay ago, not withdrawn."""

    def overdue(as_of: dt.date, days: int = 30) -> set[str]:
        filters = api.Filters(overdue=True, as_of=as_of, reply_delay_days=days)
        return {h.id for h in index.search("", filters=filters, limit=100).hits}

    late = overdue(dt.date(2026, 12, 1))
    assert late == {"170284", "170285", "170287", "170289", "170290", "170293"}
    for doc_id in late:
        question = index.get(doc_id)
        assert question.answer is None and question.answered_on is None
    assert "170150" not in late  # withdrawn
    assert "170312" not in late  # a reply date, answer not published
    assert overdue(dt.date(2026, 7, 10)) == set()
    assert overdue(dt.date(2026, 7, 10), days=2) == late
    result = runner.invoke(
        app, ["search", "--overdue", "--reply-delay", "30", "--index", str(index.root)]
    )
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{len(overdue(dt.date.today()))} documents")
