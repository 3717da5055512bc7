"""A new index's lexicon is rewritten with its pages full at the end of its ingest
(`lexicon_schema.compact_file`). VACUUM writes a whole copy into the write-ahead log, which a
checkpoint then copies back: near a full disk the copy fitted and the checkpoint did not, so
an ingest whose documents were all committed failed, and a finished rebuild was removed
(review 16, R1). Now it compacts only with room to spare, and otherwise keeps the file.
Run on a real tmpfs of its own (`tests/full_disk.py`)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import REPO
from tests.full_disk import needs_own_mounts, run_on_tmpfs

CHECK = """
import hashlib, shutil, sqlite3, sys
from pathlib import Path
from pqsearch.analyze.lexicon_schema import compact_file
path = Path(sys.argv[1])
db = sqlite3.connect(path)
rows = lambda: [sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
    for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")]
before, size = rows(), path.stat().st_size
compact_file(db, path)
integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
print("same rows", rows() == before, "integrity", integrity)
print("size", "kept" if path.stat().st_size == size else "changed")
"""


@needs_own_mounts
def test_a_lexicon_near_a_full_disk_is_kept_as_it_is_and_whole(
    corpus_index: Path, tmp_path: Path
) -> None:
    (tmp_path / "check.py").write_text(CHECK, encoding="utf-8")
    lexicons = sorted(corpus_index.glob("data-*/lexicon.sqlite"))
    assert lexicons
    shutil.copy(lexicons[0], tmp_path / "lexicon.sqlite")
    size_kb = (tmp_path / "lexicon.sqlite").stat().st_size // 1024
    for free_kb in (size_kb // 2, size_kb + size_kb // 2, 2 * size_kb):
        done = run_on_tmpfs(
            tmp_path / "mnt",
            f"""
cp {tmp_path / "lexicon.sqlite"} "$M/lexicon.sqlite"
fill_to {free_kb}
cd {REPO} && python {tmp_path / "check.py"} "$M/lexicon.sqlite"
""",
            size="8m",
        )
        assert done.returncode == 0, (free_kb, done.stderr)
        assert "same rows True integrity ok" in done.stdout, (free_kb, done.stdout)
        assert "size kept" in done.stdout, (free_kb, done.stdout)


@needs_own_mounts
def test_with_room_the_lexicon_is_compacted_and_answers_the_same(
    corpus_index: Path, tmp_path: Path
) -> None:
    (tmp_path / "check.py").write_text(CHECK, encoding="utf-8")
    lexicon = sorted(corpus_index.glob("data-*/lexicon.sqlite"))[0]
    done = run_on_tmpfs(
        tmp_path / "mnt",
        f"""
cp {lexicon} "$M/lexicon.sqlite"
cd {REPO} && python {tmp_path / "check.py"} "$M/lexicon.sqlite"
""",
        size="16m",
    )
    assert done.returncode == 0, done.stderr
    assert "same rows True integrity ok" in done.stdout, done.stdout
