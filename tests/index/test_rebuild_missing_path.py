"""A rebuild given files or folders of which some are not there refuses, before anything is
built (final review of session 20).

On 06535d6 `ingest local share/questions/old.jsonl --rebuild`, that file gone while its folder
still held documents, switched in without its documents (exit status 1, a warning each, saved
aside), and a typo (`shre` for `share`) switched in without every document of `share` (a note:
"no longer indexed"). The real CLI, on the shipped records.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pqsearch.index import store
from tests.index.cli_records import IDS, LINES
from tests.index.cli_records import indexed_ids as _ids
from tests.index.cli_records import ingest as _ingest

OTHER = LINES[0].replace(b"170312", b"990001")  # another question, beside the share's


def _data_folders() -> list[str]:
    return sorted(p.name for p in Path("index").iterdir() if p.name.startswith("data-"))


def _kept_files() -> list[Path]:
    return sorted(Path("index").glob("kept-by-rebuild-*.jsonl"))


def _ingested_files(tmp_path: Path) -> tuple[str, ...]:
    """`local/new.jsonl`, and two record files of `share/questions` given one by one."""
    (tmp_path / "local").mkdir()
    (tmp_path / "share" / "questions").mkdir(parents=True)
    (tmp_path / "local" / "new.jsonl").write_bytes(LINES[0])
    (tmp_path / "share" / "questions" / "old.jsonl").write_bytes(b"".join(LINES[1:]))
    (tmp_path / "share" / "questions" / "later.jsonl").write_bytes(OTHER)
    given = ("local", "share/questions/old.jsonl", "share/questions/later.jsonl")
    _ingest(*given, code=0)
    assert _ids() == IDS | {"990001"}
    return given


def test_a_rebuild_refuses_a_file_given_that_is_gone_beside_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    given = _ingested_files(tmp_path)
    before = _data_folders()
    (tmp_path / "share" / "questions" / "old.jsonl").rename(tmp_path / "away.jsonl")

    def no_build(root: Path) -> Path:
        raise AssertionError("the rebuild's folder was made")

    with monkeypatch.context() as patched:
        patched.setattr(store, "new_data_dir", no_build)
        output = _ingest(*given, "--rebuild", code=2)  # on 06535d6: 1, switched in
    assert "share/questions/old.jsonl (2 documents)" in output
    assert "The index is left as it was" in output and "--allow-empty" in output
    assert _ids() == IDS | {"990001"}
    assert _data_folders() == before and _kept_files() == []

    # Dropped on purpose: saved aside, as a rebuild saves what it drops.
    _ingest(*given, "--rebuild", "--allow-empty", code=1)  # the path given is a failure
    assert _ids() == {"170312", "990001"}
    assert len(_kept_files()) == 1


def test_a_rebuild_refuses_a_folder_given_with_a_typo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _ingested_files(tmp_path)
    _ingest("local", "share", "--rebuild", code=0)
    before = _data_folders()

    output = _ingest("local", "shre", "--rebuild", code=2)  # on 06535d6: 1, share dropped
    assert f"not there: {tmp_path / 'shre'} (a typo" in output
    assert _ids() == IDS | {"990001"}
    assert _data_folders() == before and _kept_files() == []
