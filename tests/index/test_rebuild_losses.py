"""A rebuild saves what the index it replaces alone held (review of session 11, R4).

The pages of questions whose answers are tables were deleted while the folder's records (which
cut those answers to "1") stayed: an ordinary ingest keeps the indexed page versions and
warns. `ingest --rebuild` indexes the files as they are, and used to replace those whole
answers by the cut ones, deleting the old index with the only copy, without a word. The
shipped pages and records are the real ones (`corpus/brussels/`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from pqsearch.index import rebuild_losses, store
from pqsearch.index.folders import KEEP_MARK
from pqsearch.index.ownership import MARKER
from pqsearch.index.rebuild_losses import ASIDE_PREFIX, SAVED_PREFIX
from tests.conftest import REPO, brussels_folder

runner = CliRunner()

CUT_IN_RECORD = ("170248", "170264")  # answers laid out as tables: cut to "1" in the record
# A whole answer in both, but only the page has the procedure steps and the kind.
FORMAT_ONLY = "169976"
WHOLE_ANSWERS = ("169976", "170244")  # records whose answers are whole


def _answers(root: Path) -> dict[str, str | None]:
    with api.open_index(root) as index:
        ids = [hit.id for hit in index.search("", limit=50, facets=[]).hits]
        return {i: index.get(i).answer for i in sorted(ids)}


def _saved(root: Path) -> list[Path]:
    return sorted(root.glob(f"{SAVED_PREFIX}*.jsonl"))


def test_a_rebuild_saves_the_whole_answers_only_the_old_index_held(tmp_path: Path) -> None:
    paged = (*CUT_IN_RECORD, FORMAT_ONLY)
    folder = brussels_folder(tmp_path / "brussels", paged, paged)
    root = tmp_path / "index"
    api.ingest([folder], index_dir=root)
    whole = _answers(root)
    assert all(len(whole[i] or "") > 100 for i in CUT_IN_RECORD)
    shutil.rmtree(folder / "html")

    result = runner.invoke(app, ["ingest", str(folder), "--index", str(root), "--rebuild"])
    assert result.exit_code == 0, result.output
    # The rebuild indexed the files as they are (as README says) ...
    rebuilt = _answers(root)
    assert all(rebuilt[i] in ("1", "QUESTION 1") for i in CUT_IN_RECORD)
    # ... and saved the three versions it replaced by a losing copy, each named in a warning.
    (saved,) = _saved(root)
    lines = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["id"] for line in lines) == sorted(paged)
    for moncode in paged:
        (warning,) = [
            w
            for w in result.output.splitlines()
            if f"warning: {moncode}:" in w and "the rebuild did not keep" in w
        ]
        assert str(saved) in warning and "pqsearch ingest" in warning
        if moncode in CUT_IN_RECORD:
            assert "a whole answer where the other copy has one cut short" in warning

    # Ingesting the saved file puts the whole answers back, and they stay through a later
    # ingest of the folder (the saved file holds them now).
    restored = runner.invoke(app, ["ingest", str(saved), "--index", str(root), "-q"])
    assert restored.exit_code == 0, restored.output
    assert _answers(root) == whole
    again = api.ingest([folder], index_dir=root, prune=True)
    assert not again.removed and not again.updated
    assert _answers(root) == whole


def test_a_rebuild_that_loses_nothing_writes_no_file(tmp_path: Path) -> None:
    folder = brussels_folder(tmp_path / "brussels", (), WHOLE_ANSWERS)
    root = tmp_path / "index"
    api.ingest([folder], index_dir=root)
    report = api.ingest([folder], index_dir=root, rebuild=True)
    assert not report.warnings and _saved(root) == []
    assert report.unchanged == () and sorted(report.added) == sorted(WHOLE_ANSWERS)


def test_a_rebuild_of_one_folder_says_which_files_it_was_not_given(tmp_path: Path) -> None:
    """Documents whose files are still there, outside the paths the rebuild was given, are not
    lost, only no longer indexed: a note says which file to ingest again; none is saved."""
    first = brussels_folder(tmp_path / "a", (), ("169976",))
    second = brussels_folder(tmp_path / "b", (), ("170244", "170248"))
    root = tmp_path / "index"
    api.ingest([first, second], index_dir=root)
    report = api.ingest([first], index_dir=root, rebuild=True)
    assert _saved(root) == [] and not report.warnings
    records = second / "records.jsonl"
    (note,) = [n for n in report.notes if str(records) in n]
    assert note.startswith(f"2 documents indexed from {records} are no longer indexed")
    assert f'"pqsearch ingest {records} --index {root}"' in note
    assert sorted(_answers(root)) == ["169976"]
    assert sorted(report.removed) == ["170244", "170248"]


def test_a_question_taken_out_of_its_file_is_saved_by_the_rebuild(tmp_path: Path) -> None:
    folder = brussels_folder(tmp_path / "brussels", (), WHOLE_ANSWERS)
    root = tmp_path / "index"
    api.ingest([folder], index_dir=root)
    before = _answers(root)
    records = folder / "records.jsonl"
    kept = [line for line in records.read_bytes().splitlines(True) if b"170244" not in line]
    records.write_bytes(b"".join(kept))
    report = api.ingest([folder], index_dir=root, rebuild=True)
    (saved,) = _saved(root)
    (warning,) = report.warnings
    assert warning.startswith("170244: the previous index held a version")
    # Read to its end without it: not "(or did not read)", kept over since (review R8, s21).
    assert f"its file {records} no longer holds it: the rebuild read the file" in warning
    api.ingest([saved], index_dir=root)
    assert _answers(root) == before


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command, run from `cwd` (where a relative default like corpus/ is read)."""
    return subprocess.run(
        [sys.executable, "-m", "pqsearch.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )


def test_the_rebuild_a_damage_message_gives_reads_the_files_the_index_names(
    tmp_path: Path,
) -> None:
    """The damage message says "pqsearch ingest --rebuild --index IDX". Run as told from a
    folder without corpus/, it read ./corpus (missing), replaced an index of two folders with
    an empty one and deleted the old one (audit 12, P5)."""
    first = brussels_folder(tmp_path / "a", ("170248",), ())
    second = brussels_folder(tmp_path / "b", (), WHOLE_ANSWERS)
    root = tmp_path / "index"
    api.ingest([first, second], index_dir=root)
    before = _answers(root)
    live = store.live_data_dir(root)
    assert live is not None
    os.truncate(live / store.LEXICON_FILE, 100)
    damaged = _cli(tmp_path, "search", "logement", "--index", str(root))
    assert damaged.returncode == 2 and f"ingest --rebuild --index {root}" in damaged.stderr

    rebuilt = _cli(tmp_path, "ingest", "--rebuild", "--index", str(root), "-q")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert rebuilt.stdout.startswith("3 added, 0 updated, 0 unchanged, 0 removed")
    assert _answers(root) == before


def test_a_rebuild_that_reads_nothing_leaves_the_index_as_it_was(tmp_path: Path) -> None:
    folder = brussels_folder(tmp_path / "a", (), WHOLE_ANSWERS)
    root = tmp_path / "index"
    api.ingest([folder], index_dir=root)
    live = store.live_data_dir(root)
    for command in (("ingest", "corpus"), ("ingest", str(tmp_path / "empty"))):
        (tmp_path / "empty").mkdir(exist_ok=True)
        result = _cli(tmp_path, *command, "--rebuild", "--index", str(root), "-q")
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert "Nothing to rebuild the index at" in result.stderr
        assert "none of its 2 documents" in result.stderr and "left as it was" in result.stderr
        assert store.live_data_dir(root) == live
        assert sorted(p.name for p in root.glob("data-*")) == [live.name]
        assert sorted(_answers(root)) == sorted(WHOLE_ANSWERS)


def test_a_rebuild_with_no_paths_and_no_index_says_what_to_give(tmp_path: Path) -> None:
    result = _cli(tmp_path, "ingest", "--rebuild", "--index", str(tmp_path / "index"), "-q")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "no paths were given and it holds no index" in result.stderr
    assert "--rebuild --index" in result.stderr


def test_a_rebuild_with_no_paths_reads_the_other_files_its_questions_were_read_from(
    tmp_path: Path,
) -> None:
    """The same question in a/r.jsonl (the file the index names) and b/s.jsonl: a rebuild
    given no paths read only a/r.jsonl and forgot b; once the question was taken out of a,
    `ingest a --prune` deleted it while b held it (review of session 12)."""
    first = brussels_folder(tmp_path / "a", (), WHOLE_ANSWERS)
    second = brussels_folder(tmp_path / "b", (), ("169976",))
    root = tmp_path / "index"
    api.ingest([first, second], index_dir=root)
    rebuilt = _cli(tmp_path, "ingest", "--rebuild", "--index", str(root), "-q")
    assert rebuilt.returncode == 0, rebuilt.stderr
    records = first / "records.jsonl"
    kept = [line for line in records.read_bytes().splitlines(True) if b"169976" not in line]
    records.write_bytes(b"".join(kept))
    report = api.ingest([first], index_dir=root, prune=True)
    assert not report.removed
    assert sorted(_answers(root)) == sorted(WHOLE_ANSWERS)


def test_the_damage_messages_rebuild_works_with_a_segment_file_missing(tmp_path: Path) -> None:
    """With a postings file gone, the index's own columns could not be read: the rebuild the
    damage message gives said "Nothing to rebuild". The lexicon names the files read."""
    folder = brussels_folder(tmp_path / "a", (), WHOLE_ANSWERS)
    root = tmp_path / "index"
    api.ingest([folder], index_dir=root)
    live = store.live_data_dir(root)
    assert live is not None
    for postings in live.glob("MAIN_*.pst"):
        postings.unlink()
    damaged = _cli(tmp_path, "search", "logement", "--index", str(root))
    assert damaged.returncode == 2 and f"ingest --rebuild --index {root}" in damaged.stderr
    rebuilt = _cli(tmp_path, "ingest", "--rebuild", "--index", str(root), "-q")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert sorted(_answers(root)) == sorted(WHOLE_ANSWERS)


def test_a_damaged_index_rebuilt_saves_what_only_it_held(tmp_path: Path) -> None:
    """Audit 13, K1: with its postings damaged the old index could not be compared with the
    rebuild, which then deleted it with the only whole copy of two answers. Its stored
    records are read without the postings, and what only it held is saved."""
    folder = brussels_folder(tmp_path / "brussels", CUT_IN_RECORD, CUT_IN_RECORD)
    root = tmp_path / "index"
    api.ingest([folder], index_dir=root)
    whole = _answers(root)
    shutil.rmtree(folder / "html")
    live = store.live_data_dir(root)
    assert live is not None
    for postings in live.glob("MAIN_*.pst"):
        postings.unlink()
    rebuilt = _cli(tmp_path, "ingest", "--rebuild", "--index", str(root), "-q")
    assert rebuilt.returncode == 0, rebuilt.stderr
    (saved,) = _saved(root)
    assert sorted(json.loads(line)["id"] for line in saved.read_text().splitlines()) == sorted(
        CUT_IN_RECORD
    )
    restored = _cli(tmp_path, "ingest", str(saved), "--index", str(root), "-q")
    assert restored.returncode == 0, restored.stderr
    assert _answers(root) == whole


def _unreadable_old_versions(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A folder whose pages are deleted (its records cut two answers short) and its index,
    whose stored records are gone: the versions only that index held cannot be read. Returns
    the folder, the index and its data folder."""
    folder = brussels_folder(tmp_path / "brussels", CUT_IN_RECORD, CUT_IN_RECORD)
    root = tmp_path / "index"
    api.ingest([folder], index_dir=root)
    shutil.rmtree(folder / "html")
    data = store.live_data_dir(root)
    assert data is not None
    for stored in data.glob("*_stored.col"):
        stored.unlink()
    return folder, root, data


def test_an_old_index_the_rebuild_cannot_compare_is_set_aside_not_deleted(
    tmp_path: Path,
) -> None:
    """With its stored records gone, the versions only the old index held (the pages are
    deleted) cannot be read from it: it is kept whole, as an index of its own in the index
    folder, and a warning says where."""
    folder, root, live = _unreadable_old_versions(tmp_path)
    before = sorted(p.name for p in live.iterdir())
    rebuilt = _cli(tmp_path, "ingest", str(folder), "--rebuild", "--index", str(root), "-q")
    assert rebuilt.returncode == 0, rebuilt.stderr
    (aside,) = root.glob(f"{ASIDE_PREFIX}*")
    assert f"kept whole in {aside}" in " ".join(rebuilt.stdout.split())
    # Whole, with the mark that kept it from every clean-up until it was moved.
    assert sorted(p.name for p in (aside / live.name).iterdir()) == sorted([*before, KEEP_MARK])
    assert (aside / "live").resolve() == (aside / live.name).resolve()
    assert (aside / MARKER).read_bytes() == (root / MARKER).read_bytes()
    assert sorted(_answers(root)) == sorted(CUT_IN_RECORD)
    # The next ingest leaves it alone (not a data folder of the index).
    api.ingest([folder], index_dir=root)
    assert aside.is_dir()


def test_an_old_index_kept_by_a_rebuild_killed_before_it_is_set_aside_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review 13: killed between the switch and the move, the replaced index was an ordinary
    older data folder, which the next ingest's clean-up deleted without a word. It is marked
    before the switch, and kept with a note."""
    folder, root, old = _unreadable_old_versions(tmp_path)

    def killed(*_args: object) -> None:
        raise KeyboardInterrupt  # the moment between the switch and the move

    monkeypatch.setattr(rebuild_losses, "set_aside", killed)
    with pytest.raises(KeyboardInterrupt):
        api.ingest([folder], index_dir=root, rebuild=True)
    assert store.live_data_dir(root) != old and old.is_dir()
    monkeypatch.undo()
    report = api.ingest([folder], index_dir=root)
    assert old.is_dir()
    assert any(str(old) in note and "kept" in note for note in report.notes)
