"""A search that started on one index version reads that version's lexicon and taxonomy.

A reader's lexicon (SQLite, shared by every generation of a data folder) and its taxonomy
(loaded when a search first needs it) were read as they were at the moment of reading, so
a search on a reader opened before an ingest committed expanded its words and labelled its
sectors with the ingest's data, not its own version's: "soutenus" matched a document of the
old version through the lemma "soutenir" that only a newer document gave it (session 9's
closing note). A thread holds its view (as `export` holding one while it searches) while a
real ingest commits; its answers are compared with those of a copy of the index made
before the ingest.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from pqsearch import api
from pqsearch.analyze.taxonomy import default_taxonomy_path
from pqsearch.errors import QuerySyntaxError
from tests.conftest import BRUSSELS_HTML

NAMES = sorted(p.name for p in BRUSSELS_HTML.glob("*.html"))
# Words of the pages the ingest adds: on main, the first three matched another total during
# the ingest (the new pages gave them lemmas), the others other lemmas or stems.
WORDS = ["soutenus", "spécifiquement", "suivis", "accompagnement", "jeunesse", "applications"]


def _pages(folder: Path, names: list[str]) -> Path:
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_bytes((BRUSSELS_HTML / name).read_bytes())
    return folder


def _answer(index: api.Index, query: str, **options: Any) -> tuple[Any, ...]:
    """What a user sees of a search: the total, the hits, the facets and the terms each
    word matched (not the scores: a form's lemma shares are the latest counts); or the
    message for a word that version only ever saw as a common word ("suivis": suivre)."""
    try:
        result = index.search(query, limit=20, **options)
    except QuerySyntaxError as error:
        return (str(error),)
    matches = tuple((m.source, m.term) for word in result.explanation for m in word.matches)
    return result.total, [hit.id for hit in result.hits], result.facets, matches


def _index_and_copy(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "index"
    assert not api.ingest([_pages(tmp_path / "corpus", NAMES[:4])], index_dir=root).failed
    before = tmp_path / "before"
    shutil.copytree(root, before, symlinks=True)
    return root, before


def test_a_search_during_an_ingest_expands_words_as_its_version_does(tmp_path: Path) -> None:
    root, before = _index_and_copy(tmp_path)
    with api.open_index(before) as old:
        expected = {word: _answer(old, word) for word in WORDS}
    more = _pages(tmp_path / "more", NAMES[4:9])
    with api.open_index(root) as index:
        with index._pool.lease():
            report = api.ingest([more], index_dir=root)
            assert len(report.added) == 5
            during = {word: _answer(index, word) for word in WORDS}
        after = {word: _answer(index, word) for word in WORDS}
    assert during == expected
    # The new version's searches see the new rows.
    assert after != expected


def test_a_search_during_an_ingest_labels_sectors_with_its_versions_taxonomy(
    tmp_path: Path,
) -> None:
    root, before = _index_and_copy(tmp_path)
    with api.open_index(before) as old:
        expected = _answer(old, "", facets=["sector"])
    assert expected[2][0].results, "no sector to label"
    # The user's own taxonomy: the shipped one with every French label changed.
    text = default_taxonomy_path().read_text(encoding="utf-8")
    relabelled = re.sub(r'(labels = \{ fr = "[^"]+)"', r'\1 (autre)"', text)
    own = tmp_path / "own.toml"
    own.write_text(relabelled.replace('version = "', 'version = "autre-'), encoding="utf-8")
    with api.open_index(root) as index:
        # The view held has not loaded the taxonomy yet: its first sector search comes
        # after the ingest installed the new one.
        with index._pool.lease():
            assert not api.ingest([tmp_path / "corpus"], index_dir=root, taxonomy=own).failed
            during = _answer(index, "", facets=["sector"])
        after = _answer(index, "", facets=["sector"])
    assert during == expected
    labels = [count.value for count in after[2][0].results]
    assert labels and all(label.endswith("(autre)") for label in labels)
