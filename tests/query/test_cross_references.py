"""Cross-references resolved in a real index and listed both ways by `show`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pqsearch import api
from pqsearch.parse import parse_file
from tests.conftest import BRUSSELS_HTML


def test_a_citing_question_resolves_and_show_lists_both_sides(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(BRUSSELS_HTML / "170229.html", corpus)
    shutil.copy(BRUSSELS_HTML / "170149.html", corpus)  # also n°59 of 25/26, to Dilliès
    (cited,) = parse_file(corpus / "170229.html")
    citing = {
        **cited.to_dict(),
        "id": "PRB-TEST-1",
        "number": 301,
        "title": "le suivi du gisement d'appareils à réparer",
        "question": (
            "Dans votre réponse à ma question écrite n° 59, vous indiquiez que Recupel "
            "reste le bénéficiaire des appareils collectés. Qu'en est-il aujourd'hui ?"
        ),
        "answer": None,
        "answered_on": None,
        "published_on": None,
        "content_hash": "test-citing",
        "source_format": "jsonl",
    }
    (corpus / "citing.jsonl").write_text(json.dumps(citing, ensure_ascii=False) + "\n")
    index_dir = tmp_path / "index"
    report = api.ingest([corpus], index_dir=index_dir)
    assert not report.failed
    with api.open_index(index_dir) as index:
        document = index.show("PRB-TEST-1")
        (reference,) = document.cites
        assert reference.number == 59
        # Numbers restart per minister: the citing question is to Audrey Henry, so it is hers.
        assert reference.resolved == ("170229",)
        assert index.show("170229").cited_by == ("PRB-TEST-1",)
        assert index.show("170149").cited_by == ()
