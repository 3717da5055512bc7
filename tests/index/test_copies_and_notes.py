"""Ingest as a staff member runs it on saved pages and records (issue 16, points 5 to 8):
notes beside the documents, a page and its record, a record answered since, cut answers."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from pqsearch.index.ingest import ingest as ingest_module
from tests.conftest import BRUSSELS_HTML, BRUSSELS_RECORDS, brussels_record

runner = CliRunner()


def _write_records(path: Path, *records: dict[str, Any]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


def _page(folder: Path, moncode: str) -> Path:
    target = folder / f"{moncode}.html"
    target.write_bytes((BRUSSELS_HTML / f"{moncode}.html").read_bytes())
    return target


def test_notes_beside_the_pages_are_skipped_and_ingest_exits_0(tmp_path: Path) -> None:
    """Point 5: sha256sums.txt, a README, .DS_Store and a checksum list are not failures."""
    folder = tmp_path / "pages"
    folder.mkdir()
    page = _page(folder, "170229")
    digest = hashlib.sha256(page.read_bytes()).hexdigest()
    (folder / "sha256sums.txt").write_text(f"{digest}  170229.html\n")
    (folder / "hashes.txt").write_text(f"{digest}  170229.html\n{digest} *copy.html\n")
    (folder / "README").write_text("Pages saved on 2 December.\n")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1\x00" * 8)
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    result = runner.invoke(app, ["ingest", str(folder), "--index", str(tmp_path / "index")])
    assert result.exit_code == 0, result.output
    assert "1 added" in result.stdout and "0 failed" in result.stdout
    assert "5 skipped" in result.stdout
    for name in ("sha256sums.txt", "hashes.txt", "README", ".DS_Store", ".git"):
        assert f"skipped: {folder / name}: " in result.stdout, name
    named = runner.invoke(app, ["parse", str(folder / "sha256sums.txt"), str(page)])
    assert named.exit_code == 0
    assert "Skipped: " in named.stderr


def test_a_page_and_its_identical_record_are_reported_as_duplicates(tmp_path: Path) -> None:
    """Point 6: "duplicates: 0" when two copies were read and one indexed."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for moncode in ("170229", "170264"):
        _page(folder, moncode)
    _write_records(folder / "records.jsonl", brussels_record("170229"), brussels_record("170264"))
    report = api.ingest([folder], index_dir=tmp_path / "index")
    assert sorted(report.added) == ["170229", "170264"]
    # The collector's records differ from their pages (no procedure, another kind), so each is
    # another version of its question: reported with the reason, the page kept.
    assert [d.split(":")[0] for d in report.duplicates] == ["170229", "170264"]
    assert all(d.endswith(".html (html)") for d in report.duplicates)
    from pqsearch.output import ingest_text

    text = ingest_text(report)
    assert "2 duplicates" in text.splitlines()[0]
    assert text.count("  duplicate: ") == 2


def test_a_record_answered_since_wins_over_its_page(tmp_path: Path) -> None:
    """Point 7: the page of 170312 has a reply date but no answer; a record carrying the
    answer is newer content and is indexed, in the same run and in a later one."""
    pages, records = tmp_path / "pages", tmp_path / "records"
    pages.mkdir()
    records.mkdir()
    _page(pages, "170312")
    answered = {
        **brussels_record("170312"),
        "reponse": "La réponse à la question de l'honorable membre, publiée depuis.",
        "date_reponse": "2026-10-02",
        "empreinte_contenu": "f" * 64,
    }
    _write_records(records / "records.jsonl", answered)
    # One run, the record met after its page was already written (batches of one).
    one_run = ingest_module([pages, records], index_dir=tmp_path / "one", batch_size=1)
    (message,) = one_run.duplicates
    assert "newer content: an answer where the other copy has none" in message
    assert message.endswith(f"kept {records / 'records.jsonl'} (jsonl)")
    assert one_run.added == ("170312",)
    with api.open_index(tmp_path / "one") as index:
        assert index.document_count == 1
        assert index.get("170312").answer == answered["reponse"]
    # Two runs: the page indexed first, the record read later replaces it.
    api.ingest([pages], index_dir=tmp_path / "two")
    later = api.ingest([records], index_dir=tmp_path / "two")
    assert later.updated == ("170312",)
    with api.open_index(tmp_path / "two") as index:
        assert index.get("170312").answered_on is not None
        assert index.get("170312").source_format == "jsonl"
    # And the page read again afterwards does not undo it: it says less.
    again = api.ingest([pages], index_dir=tmp_path / "two")
    assert again.unchanged == ("170312",)
    assert (
        "which is kept (newer content: an answer where the other copy has none)"
        in (again.duplicates[0])
    )


def test_a_cut_answer_is_reported_and_not_substantive(tmp_path: Path) -> None:
    """Point 8: the collector's record of 170248 holds "QUESTION 1" as its answer."""
    folder = tmp_path / "records"
    folder.mkdir()
    _write_records(folder / "records.jsonl", brussels_record("170248"), brussels_record("170264"))
    report = api.ingest([folder], index_dir=tmp_path / "index")
    assert len(report.warnings) == 2
    assert "170248: the answer in" in report.warnings[0]
    assert "'QUESTION 1'" in report.warnings[0]
    with api.open_index(tmp_path / "index") as index:
        assert index.show("170248").answer_type == "truncated"
        assert index.show("170264").answer_type == "truncated"
    # With the page, the whole answer wins whatever came first, and there is nothing to warn.
    _page(folder, "170248")
    report = api.ingest([folder], index_dir=tmp_path / "index2")
    assert [w for w in report.warnings if w.startswith("170248")] == []
    with api.open_index(tmp_path / "index2") as index:
        assert index.show("170248").answer_type == "substantive"


# --- audit 9, finding 4: the index holds the same whatever the order of ingests ----------

# Two questions saved as pages and held as records too (170312's Dutch title, only in its
# record, says "gemeentecollege"), and one held as a record only.
PAGED = ("170312", "170294")
RECORD_ONLY = "170244"


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("copies") / "corpus"
    (folder / "html").mkdir(parents=True)
    for moncode in PAGED:
        _page(folder / "html", moncode)
    wanted = {*PAGED, RECORD_ONLY}
    lines = BRUSSELS_RECORDS.read_bytes().splitlines(keepends=True)
    (folder / "records.jsonl").write_bytes(
        b"".join(line for line in lines if json.loads(line)["moncode"] in wanted)
    )
    return folder


@pytest.fixture(scope="module")
def one_step(copies: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("one-step") / "index"
    assert not api.ingest([copies], index_dir=root).failed
    return _documents(root)


def _documents(root: Path) -> dict[str, Any]:
    """Every field of every document, and what the Dutch word finds."""
    with api.open_index(root) as index:
        ids = sorted(hit.id for hit in index.search("", limit=50, facets=[]).hits)
        return {
            "documents": {i: dataclasses.asdict(index.show(i)) for i in ids},
            "gemeentecollege": [hit.id for hit in index.search("gemeentecollege").hits],
        }


@pytest.mark.parametrize(
    "steps",
    [
        pytest.param(("html", "."), id="pages, then all"),
        pytest.param(("html", ".", "."), id="pages, then all, then all again"),
        pytest.param(("records.jsonl", "html"), id="records, then the pages"),
        pytest.param(("records.jsonl", "html", "."), id="records, pages, then all"),
    ],
)
def test_the_index_is_the_same_whatever_the_order_of_ingests(
    copies: Path, one_step: dict[str, Any], tmp_path: Path, steps: tuple[str, ...]
) -> None:
    # The pages lost, or never got, the Dutch title only their records hold: "gemeentecollege"
    # found nothing, and ingesting again did not repair it.
    assert one_step["gemeentecollege"] == ["170312"]
    root = tmp_path / "index"
    for step in steps:
        assert not api.ingest([copies / step], index_dir=root).failed
    assert _documents(root) == one_step


def test_a_records_corrected_dutch_title_reaches_its_indexed_page(
    copies: Path, tmp_path: Path
) -> None:
    # A page never holds a Dutch title: the one it has is its record's, so a corrected record
    # gives the page the new one (the page itself is unchanged).
    folder = tmp_path / "corpus"
    shutil.copytree(copies, folder)
    root = tmp_path / "index"
    api.ingest([folder], index_dir=root)
    records = folder / "records.jsonl"
    corrected = []
    for line in records.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["moncode"] == "170312":
            record["titre_nl"] = "Schriftelijke vraag betreffende het stadsbestuur van Anderlecht"
        corrected.append(json.dumps(record, ensure_ascii=False) + "\n")
    records.write_text("".join(corrected), encoding="utf-8")
    report = api.ingest([folder], index_dir=root)
    assert report.updated == ("170312",) and not report.added
    with api.open_index(root) as index:
        assert index.get("170312").source_format == "html"
        assert [hit.id for hit in index.search("stadsbestuur").hits] == ["170312"]
        assert not index.search("gemeentecollege").hits
