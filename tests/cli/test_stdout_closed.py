"""A command started with standard output closed (`pqsearch search logement >&-`) says so in
one line and does nothing (review 16, W7): `search`, `export`, `show`, `parse` and `watch`
ended in a traceback, `info` ended with status 0 having shown nothing, and `ingest` went on
with the first file it opened on descriptor 1, where its workers print."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BRUSSELS_HTML, REPO, TEST_DATA

PAGE = BRUSSELS_HTML / "170146.html"

COMMANDS = {
    "search": ["search", "logement"],
    "search --json": ["search", "logement", "--json"],
    "export": ["export", "logement", "-f", "jsonl"],
    "show": ["show", "170146"],
    "info": ["info"],
    "facets": ["facets", "session"],
    "sectors": ["sectors"],
    "synonyms": ["synonyms", "logement"],
    "similar": ["similar", "170146"],
    "watch add": ["watch", "add", "loyers", "loyer"],
    "watch list": ["watch", "list"],
    "watch run": ["watch", "run"],
    "watch remove": ["watch", "remove", "kept"],
    "ingest": ["ingest", str(TEST_DATA / "brussels_probe"), "--quiet"],
    "serve": ["serve", "--port", "{port}"],
    "fetch": ["fetch", "--folder", "{tmp}/harvest", "--base-url", "http://127.0.0.1:9"],
}
# Commands that take no --index.
NO_INDEX = {"fetch"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _held(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def _run_closed(args: list[str]) -> subprocess.CompletedProcess[str]:
    """`pqsearch ARGS` with descriptor 1 closed in its process, as a shell's `>&-` leaves it."""
    return subprocess.run(
        [sys.executable, "-m", "pqsearch.cli", *args],
        preexec_fn=lambda: os.close(1),
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"},
        # A `serve` that did not refuse would serve until killed.
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def index_with_a_watch(corpus_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("closed") / "index"
    shutil.copytree(corpus_index, root, symlinks=True)
    add = ["watch", "add", "kept", "logement", "--index", str(root)]
    saved = subprocess.run(
        [sys.executable, "-m", "pqsearch.cli", *add],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )
    assert saved.returncode == 0, saved.stderr
    return root


@pytest.mark.parametrize("name", [*COMMANDS, "parse", "--help"])
def test_closed_standard_output_is_one_line_and_nothing_done(
    index_with_a_watch: Path, tmp_path: Path, name: str
) -> None:
    root = index_with_a_watch
    if name == "parse":
        args = ["parse", str(PAGE)]
    elif name == "--help":
        args = ["--help"]
    else:
        port = str(_free_port())
        args = [a.replace("{tmp}", str(tmp_path)).replace("{port}", port) for a in COMMANDS[name]]
        if name not in NO_INDEX:
            args += ["--index", str(root)]
    before = _held(root)
    done = _run_closed(args)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("Error: standard output is closed"), done.stderr
    assert done.stderr.count("\n") == 1 and "> /dev/null" in done.stderr
    assert _held(root) == before
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("option", [["-o", "{tmp}/export.jsonl"], ["--output={tmp}/export.jsonl"]])
def test_an_export_to_a_file_needs_no_standard_output(
    index_with_a_watch: Path, tmp_path: Path, option: list[str]
) -> None:
    # Review 17, V3: `export -o FILE` writes nothing to standard output; with it closed, the
    # first version of W7's refusal stopped it (status 2, no file) where 4ef5f5b wrote it.
    args = [
        "export",
        "logement",
        "-f",
        "jsonl",
        *(a.replace("{tmp}", str(tmp_path)) for a in option),
    ]
    done = _run_closed([*args, "--index", str(index_with_a_watch)])
    assert done.returncode == 0, done.stderr
    lines = (tmp_path / "export.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines and all(line.startswith("{") for line in lines)


def test_a_query_word_after_the_double_dash_is_not_an_output_file(
    index_with_a_watch: Path, tmp_path: Path
) -> None:
    # Review 17, F3: "-ordures" after "--" is a word of the query; the export writes to
    # standard output, closed here, so it is refused (its result went to /dev/null).
    args = ["export", "logement", "--index", str(index_with_a_watch), "--", "-ordures"]
    done = _run_closed(args)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("Error: standard output is closed"), done.stderr
