"""The shipped thesaurus' groups saved as JSON in an index's data folder
(`synonyms.saved_groups`): the same groups as the TOML gives, made again when they were
made from other bytes or damaged, parsed at each search when the folder cannot be written."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

from pqsearch import api
from pqsearch.query import synonyms

SHIPPED = Path(str(resources.files("pqsearch") / "data" / "thesaurus.toml"))


def _parsed() -> list[list[str]]:
    return synonyms.saved_groups(SHIPPED, None)


def test_the_saved_groups_are_the_toml_groups(tmp_path: Path) -> None:
    saved = tmp_path / synonyms.SAVED_FILE
    made = synonyms.saved_groups(SHIPPED, saved)
    assert saved.exists()
    assert made == synonyms.saved_groups(SHIPPED, saved) == _parsed()
    # Every group of the TOML, "vélo" and "bicyclette" among them.
    assert any({"vélo", "bicyclette"} <= set(group) for group in made)


def test_groups_made_from_other_bytes_or_damaged_are_made_again(tmp_path: Path) -> None:
    saved = tmp_path / synonyms.SAVED_FILE
    synonyms.saved_groups(SHIPPED, saved)
    content = json.loads(saved.read_text(encoding="utf-8"))

    # Another thesaurus's groups (another digest), with a group of its own.
    other = {**content, "thesaurus": "0" * 64, "groups": [["vélo", "trottinette"]]}
    other["groups_sha256"] = synonyms._digest_of(other["groups"])
    saved.write_text(json.dumps(other), encoding="utf-8")
    assert synonyms.saved_groups(SHIPPED, saved) == _parsed()

    # A term changed in place (a flipped byte that still reads as JSON).
    text = saved.read_text(encoding="utf-8")
    saved.write_text(text.replace("bicyclette", "bicyclettf", 1), encoding="utf-8")
    assert synonyms.saved_groups(SHIPPED, saved) == _parsed()

    # Truncated.
    saved.write_bytes(saved.read_bytes()[:100])
    assert synonyms.saved_groups(SHIPPED, saved) == _parsed()
    assert json.loads(saved.read_text(encoding="utf-8"))["groups"] == _parsed()


def test_a_folder_that_cannot_be_written_parses_the_toml(tmp_path: Path) -> None:
    # A path under a file: no one, root included, can write there.
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    saved = blocked / synonyms.SAVED_FILE
    assert synonyms.saved_groups(SHIPPED, saved) == _parsed()
    assert not saved.exists()


def test_a_search_saves_them_and_finds_the_same_synonyms(
    corpus_index: Path, tmp_path: Path
) -> None:
    index_dir = tmp_path / "index"
    shutil.copytree(corpus_index, index_dir, symlinks=True)
    data = (index_dir / "live").resolve()
    (data / synonyms.SAVED_FILE).unlink(missing_ok=True)
    with api.open_index(index_dir) as index:
        found = index.synonyms("vélo")
    assert json.loads((data / synonyms.SAVED_FILE).read_text(encoding="utf-8"))["groups"] == (
        _parsed()
    )
    assert any(s.term == "bicyclette" and s.source == "thesaurus" for s in found)
