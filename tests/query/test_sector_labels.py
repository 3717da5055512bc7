"""The sector facets' labels saved beside the index's taxonomy (`query/sector_labels.py`):
the same labels as the taxonomy gives, read without parsing it, and made again from the
taxonomy when the saved file is damaged or was made from other bytes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.analyze import taxonomy as taxonomy_module
from pqsearch.index import store
from pqsearch.models import Facet
from pqsearch.query.sector_labels import LABELS_FILE

FACETS = ["sector", "sector_mentioned"]


@pytest.fixture()
def copied(corpus_index: Path, tmp_path: Path) -> Path:
    # A copy: the first search writes the labels file into the index's data folder (the
    # shared index has one once another test counted a sector facet).
    root = tmp_path / "index"
    shutil.copytree(corpus_index, root, symlinks=True)
    _labels_file(root).unlink(missing_ok=True)
    return root


def _facets(root: Path) -> tuple[Facet, ...]:
    with api.open_index(root) as index:
        return index.search("", facets=FACETS, facet_top=None, limit=0).facets


def _labels_file(root: Path) -> Path:
    data = store.live_data_dir(root)
    assert data is not None
    return data / LABELS_FILE


def _from_taxonomy(root: Path) -> dict[str, str]:
    data = store.live_data_dir(root)
    assert data is not None
    parsed = taxonomy_module.load_taxonomy(data / store.TAXONOMY_FILE)
    return {
        str(s.id): f"{s.id} {s.labels.get('fr', '')}".strip()
        for s in parsed.sectors
        if parsed.find(str(s.id)) is s
    }


def test_labels_are_saved_once_then_read_without_the_taxonomy(
    copied: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not _labels_file(copied).exists()
    first = _facets(copied)
    assert first[0].results and first[1].results
    saved = json.loads(_labels_file(copied).read_text(encoding="utf-8"))["labels"]
    expected = _from_taxonomy(copied)
    assert {k: saved[k] for k in expected} == expected
    assert all(count.value in saved.values() for facet in first for count in facet.results)

    def refused(*args: object) -> None:
        raise AssertionError("the taxonomy was parsed")

    monkeypatch.setattr(taxonomy_module, "load_taxonomy", refused)
    assert _facets(copied) == first


def test_a_damaged_or_stale_labels_file_is_made_again(copied: Path) -> None:
    first = _facets(copied)
    path = _labels_file(copied)
    original = path.read_bytes()
    saved = json.loads(original)
    wrong_label = dict(saved, labels={k: "X" + v for k, v in saved["labels"].items()})
    other_taxonomy = dict(saved, taxonomy="0" * 64)
    damaged = [
        original[: len(original) // 2],
        original.replace(b'"labels_sha256": "', b'"labels_sha256": "0', 1),
        json.dumps(wrong_label).encode(),
        json.dumps(other_taxonomy).encode(),
        b"\x00" * len(original),
    ]
    for content in damaged:
        path.write_bytes(content)
        assert _facets(copied) == first
        assert path.read_bytes() == original
