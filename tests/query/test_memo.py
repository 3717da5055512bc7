"""The precedents memo in French and the CSV a French spreadsheet opens (issue 16, 11 and 12)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from tests.conftest import brussels_record

runner = CliRunner()


def test_the_memo_is_french_with_labels_and_plurals(index: api.Index) -> None:
    memo = index.export("logement", fmt="md", limit=2)
    total = index.search("logement", limit=0, facets=[]).total
    assert memo.startswith("# Précédents : logement\n")
    assert f"{total} documents correspondent ; voici les 2 plus pertinents." in memo
    assert "- Type de réponse : Réponse sur le fond" in memo
    assert "Réponse (extrait) :" in memo
    assert "substantive" not in memo and "most relevant" not in memo


def test_no_raw_codes_and_honest_counts(index: api.Index) -> None:
    """ "not_competent", "0 documents match; the 0 most relevant follow", "the 1 most
    relevant follow" and "most relevant" under a date sort were all in the memo."""
    redirected = index.export("", fmt="md", filters=api.Filters(answer_type=("not_competent",)))
    assert "Hors compétence, réorientée" in redirected
    assert "not_competent" not in redirected
    assert "Aucun document ne correspond." in index.export("zzzzqqq", fmt="md")
    one = index.export("logement", fmt="md", limit=1)
    assert "voici le plus pertinent." in one
    newest = index.export("logement", fmt="md", limit=3, sort="newest")
    assert "voici les 3 plus récents." in newest
    assert "pertinent" not in newest
    only = index.export("id:170229", fmt="md")
    assert "1 document correspond ; le voici." in only
    assert "Question orale transformée en question écrite n°59" in only
    unpublished = index.export("id:170312", fmt="md")
    # Said once, on its dates line: not again as its type nor in the answer's place.
    assert unpublished.count("non publiée") == 1, unpublished
    assert "- Reçue le 14/07/2026, publiée le 22/09/2026, réponse du 22/09/2026, non publiée\n" in (
        unpublished
    )
    english = index.export("id:170312", fmt="md", language="en")
    assert english.count("not published") == 1, english
    # Nothing in the answer's place: one blank line before the next precedent, not two (s20).
    for language in ("fr", "en"):
        both = index.export("id:170312 OR id:170229", fmt="md", language=language)
        assert "\n\n\n" not in both, both
        assert "\n\n## 2." in both


def test_english_on_request(index: api.Index) -> None:
    memo = index.export("logement", fmt="md", limit=1, language="en", sort="oldest")
    assert memo.startswith("# Precedents: logement\n")
    assert "documents match; the oldest follows." in memo
    assert "- Answer type: Answer on the substance" in memo
    assert "Précédents" not in memo


def test_csv_opens_in_a_french_spreadsheet(index: api.Index, tmp_path: Path) -> None:
    """UTF-8 with a byte-order mark, ";" between fields: the default for .csv."""
    target = tmp_path / "memo.csv"
    result = runner.invoke(
        app, ["export", "logement", "-o", str(target), "--limit", "3", "--index", str(index.root)]
    )
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfrank;score;id;")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 3
    assert "é" in "".join(row["title"] + row["answer"] for row in rows)
    plain = index.export("logement", fmt="csv", limit=3, csv_dialect="comma")
    assert plain.startswith("rank,score,id,")
    assert [r["id"] for r in csv.DictReader(io.StringIO(plain))] == [r["id"] for r in rows]


def test_a_text_a_spreadsheet_would_take_for_a_formula_is_quoted(tmp_path: Path) -> None:
    """A title written as a formula was a live formula in the spreadsheet (a link, a
    computation), and an answer beginning "- 12 %" an error: `excel-fr` quotes such cells with
    an apostrophe; `comma`, for programs, keeps the values exact."""
    record = {
        **brussels_record("170229"),
        "titre": '=HYPERLINK("http://example.invalid","cliquez")',
        "reponse": "- 12 % de logements sociaux en plus ;\n+ 3 chantiers ouverts.",
        "auteur": "@Mme Dupont",
    }
    source = tmp_path / "records.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    root = tmp_path / "index"
    api.ingest([source], index_dir=root)
    with api.open_index(root) as index:
        french = index.export("", fmt="csv")
        plain = index.export("", fmt="csv", csv_dialect="comma")
    (row,) = csv.DictReader(io.StringIO(french.removeprefix("\ufeff")), delimiter=";")
    assert row["title"] == "'" + record["titre"]
    assert row["answer"].startswith("'- 12 %") and row["author"].startswith("'@")
    assert row["id"] == "170229" and not row["question"].startswith("'")
    (exact,) = csv.DictReader(io.StringIO(plain))
    assert exact["title"] == record["titre"] and exact["answer"].startswith("- 12 %")
