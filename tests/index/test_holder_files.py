"""`--prune` keeps a question that another file the index was told about still holds
(audit of session 12, P3).

The index named one file per question and forgot the other files a run read it from: with
the question in `A/a.jsonl` and `B/b.jsonl`, both ingested, and taken out of `A`, `ingest A
--prune` deleted it while `B` held it. Each run now remembers the files it read each question
from, and `--prune` reads those again before it drops one.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pqsearch import api
from pqsearch.index import store
from pqsearch.index.ingest import ingest as run_ingest
from pqsearch.index.progress import Progress
from tests.conftest import BRUSSELS_HTML, BRUSSELS_RECORDS
from tests.fuzz.profile import EXAMPLES, fuzz

LINES = {
    json.loads(line)["moncode"]: line
    for line in BRUSSELS_RECORDS.read_bytes().splitlines(keepends=True)
}


def _write(file: Path, ids: list[str] | tuple[str, ...]) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(b"".join(LINES[i] for i in ids))


def _ids(root: Path) -> set[str]:
    with api.open_index(root) as index:
        return {hit.id for hit in index.search("", facets=[], limit=100).hits}


def _source(root: Path, doc_id: str) -> str:
    with api.open_index(root) as index:
        return index.get(doc_id).source


def test_a_question_taken_out_of_the_named_file_is_kept_while_another_file_holds_it(
    tmp_path: Path,
) -> None:
    first, shared, last = "170312", "170294", "170229"
    a, b, root = tmp_path / "A" / "a.jsonl", tmp_path / "B" / "b.jsonl", tmp_path / "index"
    _write(a, (first, shared))
    _write(b, (shared, last))
    api.ingest([a.parent, b.parent], index_dir=root)
    assert _source(root, shared) == str(a)
    _write(a, (first,))
    report = api.ingest([a.parent], index_dir=root, prune=True)
    assert report.removed == () and report.updated == (shared,)
    assert any(shared in note and str(b) in note for note in report.notes), report.notes
    assert _source(root, shared) == str(b)
    # Out of B as well: no file holds it, and --prune of the folder that held it drops it.
    _write(b, (last,))
    assert api.ingest([b.parent], index_dir=root, prune=True).removed == (shared,)


def test_a_file_read_since_without_the_question_or_gone_no_longer_keeps_it(
    tmp_path: Path,
) -> None:
    shared, other = "170294", "170229"
    a, b, root = tmp_path / "A" / "a.jsonl", tmp_path / "B" / "b.jsonl", tmp_path / "index"
    for gone in (False, True):
        shutil.rmtree(tmp_path, ignore_errors=True)
        _write(a, (shared, other))
        _write(b, (shared,))
        api.ingest([a.parent, b.parent], index_dir=root)
        if gone:
            b.unlink()
        else:
            _write(b, ("170312",))  # an empty file is a failure: it keeps what it held
            api.ingest([b.parent], index_dir=root)
        _write(a, (other,))
        assert api.ingest([a.parent], index_dir=root, prune=True).removed == (shared,)


def test_the_indexed_version_is_kept_over_the_other_file_s_losing_copy(tmp_path: Path) -> None:
    """A page's whole answer, its record's cut short: the page deleted, `--prune` of the
    page's folder keeps the question (the records' folder holds it) and its whole answer."""
    moncode = "170248"  # an answer laid out as tables: "QUESTION 1" in the record
    pages, records, root = tmp_path / "pages", tmp_path / "records", tmp_path / "index"
    pages.mkdir()
    shutil.copyfile(BRUSSELS_HTML / f"{moncode}.html", pages / f"{moncode}.html")
    _write(records / "r.jsonl", (moncode,))
    api.ingest([pages, records], index_dir=root)
    with api.open_index(root) as index:
        whole = index.get(moncode).answer
    assert whole is not None and len(whole) > 100
    (pages / f"{moncode}.html").unlink()
    # `pages` is empty now: on purpose here (else kept as a disk not mounted: audit 14, D5).
    report = api.ingest([pages], index_dir=root, prune=True, allow_empty=True)
    assert report.removed == ()
    assert any(moncode in warning for warning in report.warnings), report.warnings
    with api.open_index(root) as index:
        assert index.get(moncode).answer == whole


# The property: random ordinary commands against what the files hold. Folder `a` holds pages
# and a record file, `b` a record file; the same question may be in several of them.
POOL = ("170145", "170131", "170132", "170294")
PAGED = POOL[1:3]
# The same folder reached by several paths: a link to it, `..`, its absolute path.
SPELLINGS = {"a": ("a", "./a", "link", "b/../a", "{tmp}/a"), "b": ("b", "link/../b", "{tmp}/b/")}

# A step: one change to the files, then one ingest (folders, spelling, --prune or not).
changes = st.tuples(
    st.sampled_from(("take", "put")), st.sampled_from(("a", "b")), st.sampled_from(POOL)
) | st.tuples(st.just("unpage"), st.sampled_from(PAGED), st.just(""))
ingests = st.tuples(
    st.lists(st.sampled_from(("a", "b")), min_size=1, max_size=2, unique=True),
    st.integers(0, 4),
    st.booleans(),
)


class Files:
    """What each file holds now (a page its question, until deleted), and what ingests read."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.records = {"a": [POOL[0], POOL[1], POOL[3]], "b": [POOL[1], POOL[2]]}
        self.pages = set(PAGED)
        for folder, ids in self.records.items():
            _write(tmp / folder / "r.jsonl", ids)
        (tmp / "a" / "html").mkdir()
        for moncode in PAGED:
            shutil.copyfile(
                BRUSSELS_HTML / f"{moncode}.html", tmp / "a" / "html" / f"{moncode}.html"
            )
        (tmp / "link").symlink_to("a")
        # Per question: the files an ingest last read with it; every file one ever read it from.
        self.told: dict[str, set[str]] = {i: set() for i in POOL}
        self.ever: dict[str, set[str]] = {i: set() for i in POOL}

    def holding(self) -> dict[str, set[str]]:
        """file -> the questions it holds now."""
        files = {f"{folder}/r.jsonl": set(ids) for folder, ids in self.records.items()}
        files.update({f"a/html/{moncode}.html": {moncode} for moncode in self.pages})
        return files

    def change(self, command: str, folder: str, doc_id: str) -> None:
        if command == "unpage":
            (self.tmp / "a" / "html" / f"{folder}.html").unlink(missing_ok=True)
            self.pages.discard(folder)
            return
        ids = self.records[folder]
        if command == "take" and doc_id in ids:
            ids.remove(doc_id)
        elif command == "put" and doc_id not in ids:
            ids.append(doc_id)
        _write(self.tmp / folder / "r.jsonl", ids)

    def read(self, folders: list[str]) -> None:
        for file, ids in self.holding().items():
            if file.split("/")[0] in folders:
                for doc_id in POOL:
                    (self.told[doc_id].add if doc_id in ids else self.told[doc_id].discard)(file)
                    if doc_id in ids:
                        self.ever[doc_id].add(file)


@settings(fuzz, max_examples=EXAMPLES or 2)
# The audit's cases: a page deleted while the other folder's records hold its question (P3);
# a question taken out of a file, pruned through a link to its folder (P2).
@example([(("unpage", "170132", ""), (["a"], 0, True))])
@example([(("take", "a", "170294"), (["a"], 2, True))])
@given(st.lists(st.tuples(changes, ingests), min_size=2, max_size=4))
def test_prune_drops_what_no_file_holds_and_nothing_a_file_it_read_holds(
    steps: list[tuple[tuple[str, str, str], tuple[list[str], int, bool]]],
) -> None:
    """Both folders ingested, then steps of a change and an ingest. No question a file holds
    that an ingest read it from (and has not read since without it) is ever dropped; after
    `ingest FOLDERS --prune`, a question that no file holds and that was only ever read from
    files in FOLDERS is gone from the index."""
    with tempfile.TemporaryDirectory() as name, contextlib.chdir(name):
        files, root = Files(Path(name)), Path(name) / "index"
        files.read(["a", "b"])
        api.ingest(["a", "b"], index_dir=root)
        for (command, folder, doc_id), (folders, spelling, prune) in steps:
            files.change(command, folder, doc_id)
            paths = [SPELLINGS[f][spelling % len(SPELLINGS[f])].format(tmp=name) for f in folders]
            before = _ids(root)
            files.read(folders)
            report = api.ingest(paths, index_dir=root, prune=prune)
            after = _ids(root)
            holding = files.holding()
            held = {i for i in POOL if any(i in holding.get(f, ()) for f in files.told[i])}
            assert held <= after, report
            if not prune:
                assert before <= after, report
            else:
                for doc_id in POOL:
                    anywhere = any(doc_id in ids for ids in holding.values())
                    if not anywhere and all(f.split("/")[0] in folders for f in files.ever[doc_id]):
                        assert doc_id not in after, (doc_id, report)


def test_a_question_whose_other_file_failed_in_the_same_run_is_kept(tmp_path: Path) -> None:
    """170237 in a/r.jsonl and b/s.jsonl; taken out of a while b's line for it is cut in half
    (a copy interrupted): `ingest a b --prune` deleted it, as b was read in the run and only
    files not read were asked (review of session 12)."""
    first, second = tmp_path / "a" / "r.jsonl", tmp_path / "b" / "s.jsonl"
    _write(first, ["170237", "169976"])
    _write(second, ["170237", "170244"])
    root = tmp_path / "index"
    api.ingest([first.parent, second.parent], index_dir=root)
    _write(first, ["169976"])
    cut = LINES["170237"][: len(LINES["170237"]) // 2] + b"\n"
    second.write_bytes(cut + LINES["170244"])
    report = api.ingest([first.parent, second.parent], index_dir=root, prune=True)
    assert not report.removed and report.failed
    assert any(n.startswith("--prune kept 170237:") and str(second) in n for n in report.notes)
    assert _ids(root) == {"170237", "169976", "170244"}
    # Mended, b holds it: kept, now named there.
    _write(second, ["170237", "170244"])
    report = api.ingest([first.parent, second.parent], index_dir=root, prune=True)
    assert not report.removed and _source(root, "170237") == str(second)


class _Killed(Exception):
    pass


def test_a_run_stopped_after_a_commit_has_remembered_the_files_it_committed(
    tmp_path: Path,
) -> None:
    """Holders were written at the end of a run only: a run killed after an intermediate
    commit left documents the table knew no file of, and a later --prune deleted one that
    another file held (review of session 12). They are written at every commit now."""
    folder = tmp_path / "docs"
    for number, moncode in enumerate(["170237", "169976", "170244"]):
        _write(folder / f"{number}.jsonl", [moncode])
    root = tmp_path / "index"
    commits = []

    def stop_after_the_first_commit(progress: Progress) -> None:
        if progress.stage == "commit":
            commits.append(progress.files_done)
        elif commits and progress.stage == "parse":
            raise _Killed

    with contextlib.suppress(_Killed):
        run_ingest(
            [folder],
            index_dir=root,
            commit_every=1,
            batch_size=1,
            progress=stop_after_the_first_commit,
        )
    assert commits
    held = _ids(root)
    assert held, "the first commit holds documents"
    data = store.live_data_dir(root)
    assert data is not None
    with sqlite3.connect(data / store.LEXICON_FILE) as db:
        remembered = {str(row[0]) for row in db.execute("SELECT document FROM holders")}
    db.close()
    assert held <= remembered
