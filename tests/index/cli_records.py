"""The shipped records ingested through the real CLI into `index/` of the working folder: the
helpers of the prune and rebuild tests of empty folders."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from pqsearch import api
from pqsearch.cli import app
from tests.conftest import BRUSSELS_RECORDS

runner = CliRunner()
LINES = BRUSSELS_RECORDS.read_bytes().splitlines(keepends=True)[:3]
IDS = {"170312", "170229", "170294"}  # the moncodes of those lines


def ingest(*arguments: str, code: int) -> str:
    """`pqsearch ingest ARGUMENTS --index index -q`, which must exit with `code`."""
    result = runner.invoke(app, ["ingest", *arguments, "--index", "index", "-q"])
    assert result.exit_code == code, result.output
    return result.output


def indexed_ids() -> set[str]:
    with api.open_index(Path("index")) as index:
        return {hit.id for hit in index.search("", facets=[], limit=100).hits}


def kept_files() -> list[Path]:
    """The documents a rebuild saved aside, in `index/`."""
    return sorted(Path("index").glob("kept-by-rebuild-*.jsonl"))


def ingested_with_a_share(tmp_path: Path) -> Path:
    """`local/new.jsonl` (one record) and `share/questions/old.jsonl` (two), ingested;
    returns the share's record file."""
    (tmp_path / "local").mkdir()
    (tmp_path / "share" / "questions").mkdir(parents=True)
    (tmp_path / "local" / "new.jsonl").write_bytes(LINES[0])
    old = tmp_path / "share" / "questions" / "old.jsonl"
    old.write_bytes(b"".join(LINES[1:]))
    ingest("local", "share", code=0)
    assert indexed_ids() == IDS
    return old
