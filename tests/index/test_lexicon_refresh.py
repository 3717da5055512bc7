"""A long-lived index answers as a process opened now on the same generation, after another
process's ingest wrote the lexicon (s18 note: the lexicon's caches ignored other connections'
writes)."""

from __future__ import annotations

import json
from pathlib import Path

from pqsearch import api
from tests.conftest import BRUSSELS_RECORDS
from tests.index.paused_ingest import PausedIngest

# "demande" is a noun and a form of "demander": the share of each reading weighs its lemma.
NOUNS = (
    "La demande de logements sociaux dépasse l'offre. Cette demande croît, une demande sur "
    "deux reste sans réponse et la demande des familles nombreuses attend le plus longtemps."
)


def _scores(index: api.Index, query: str) -> list[tuple[str, float]]:
    return [(hit.id, round(hit.score, 9)) for hit in index.search(query).hits]


def test_a_long_lived_index_weighs_words_as_a_fresh_one(tmp_path: Path) -> None:
    lines = BRUSSELS_RECORDS.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines[:3]]
    first = tmp_path / "first.jsonl"
    first.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records[:2]))
    nouns = tmp_path / "nouns.jsonl"
    record = dict(records[2], id="nouns-1", moncode="nouns-1", numero="998", question=NOUNS)
    nouns.write_text(json.dumps(record, ensure_ascii=False) + "\n")
    index = tmp_path / "index"
    api.ingest([first], index_dir=index)
    with api.Index(index) as long_lived:
        before = _scores(long_lived, "demande")
        assert before
        ingest = PausedIngest(index, [first, nouns])
        try:
            with api.Index(index) as fresh:
                assert fresh.document_count == 2
                now = _scores(fresh, "demande")
            # The same generation's documents, weighed by the counts the lexicon holds now.
            assert now != before
            assert _scores(long_lived, "demande") == now
            ingest.go()
        finally:
            ingest.end()
