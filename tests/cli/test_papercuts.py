"""Small things staff tripped over at the terminal (session 18): `-o -`, `info` during a
first ingest, the read-only message without an index, and bad input to the main commands.

Real processes, a real index of the shipped corpus, real file permissions."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pqsearch import api
from tests.conftest import REPO, SEED, lock_held_elsewhere, run_pqsearch
from tests.permissions import bound_by_permissions


@pytest.mark.parametrize("option", [["-o", "-"], ["--output=-"], ["-o-"]])
def test_dash_as_the_output_is_standard_output(
    corpus_index: Path, tmp_path: Path, option: list[str]
) -> None:
    # It wrote a file named "-" in the current folder, and said "Wrote 1 of 6 ... to -".
    done = run_pqsearch(
        "export", "logement", "--limit", "1", *option, "--index", str(corpus_index), cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Précédents : logement\n")
    assert list(tmp_path.iterdir()) == []
    assert " to -" not in done.stderr


def test_a_file_named_dash_is_still_written_as_dot_slash_dash(
    corpus_index: Path, tmp_path: Path
) -> None:
    done = run_pqsearch(
        "export", "logement", "-o", "./-", "--index", str(corpus_index), cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert (tmp_path / "-").read_text(encoding="utf-8").startswith("# Précédents : logement\n")
    assert "to ./-" in done.stderr
    # Again onto the file now there: the refusal names it as typed, not as "-" (review W6).
    again = run_pqsearch(
        "export", "logement", "-o", "./-", "--index", str(corpus_index), cwd=tmp_path
    )
    assert again.returncode != 0
    assert "./- already exists" in again.stderr, again.stderr


def test_dash_with_standard_output_closed_is_refused(corpus_index: Path, tmp_path: Path) -> None:
    # `-o -` is standard output: with it closed there is nowhere to write (not "to a file").
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pqsearch.cli",
            "export",
            "logement",
            "-o",
            "-",
            "--index",
            str(corpus_index),
        ],
        preexec_fn=lambda: os.close(1),
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("Error: standard output is closed"), done.stderr
    assert list(tmp_path.iterdir()) == []


class Stopped(Exception):
    pass


def _stop(progress: object) -> None:
    raise Stopped


def test_a_first_ingest_before_its_first_commit_is_not_no_index(tmp_path: Path) -> None:
    # It said 'No index at ... Run "pqsearch ingest corpus/ ..." first' while that ingest ran.
    root = tmp_path / "index"
    root.mkdir()
    with lock_held_elsewhere(root):
        searched = run_pqsearch("search", "logement", "--index", str(root))
    assert searched.returncode == 2
    assert searched.stderr.startswith(
        f"Error: No index at {root} yet: an ingest is building it now. Search again once"
    ), searched.stderr
    after = run_pqsearch("search", "logement", "--index", str(root))
    assert f'Run "pqsearch ingest corpus/ --index {root}" first' in after.stderr


def test_info_says_a_running_first_ingest_is_running(tmp_path: Path) -> None:
    # `info` said "unfinished: the index's first ingest stopped before its end ... run
    # `pqsearch ingest` again" while that ingest was running (review 17, B2r, said it of the
    # search page and of `search`; `info` and `sector_status()` were left).
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    index_dir = tmp_path / "index"
    with pytest.raises(Stopped):
        api.ingest([corpus], index_dir=index_dir, progress=_stop)
    with lock_held_elsewhere(index_dir):
        while_running = run_pqsearch("info", "--index", str(index_dir))
        as_json = run_pqsearch("info", "--json", "--index", str(index_dir))
    assert while_running.returncode == 0, while_running.stderr
    assert while_running.stdout.startswith("the index's first ingest is running")
    assert "stopped before its end" not in while_running.stdout
    assert '"first_ingest_running": true' in as_json.stdout
    after = run_pqsearch("info", "--index", str(index_dir))
    assert after.stdout.startswith("unfinished: the index's first ingest stopped before its end")
    assert (
        '"first_ingest_running": false'
        in run_pqsearch("info", "--json", "--index", str(index_dir)).stdout
    )


def test_a_read_only_folder_without_an_index_does_not_say_searching_works(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir()
    mode = folder.stat().st_mode
    folder.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        done = subprocess.run(
            bound_by_permissions(
                [
                    sys.executable,
                    "-m",
                    "pqsearch.cli",
                    "ingest",
                    str(SEED.parent),
                    "--index",
                    str(folder / "index"),
                    "--quiet",
                    "--jobs",
                    "1",
                ]
            ),
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"},
            timeout=600,
            check=False,
        )
    finally:
        folder.chmod(mode)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "Searching it works" not in done.stderr
    assert f"No index can be made at {folder / 'index'}: {folder} refused a write" in done.stderr
    assert "there is no index there to search yet" in done.stderr
    assert f"give this account write permission on {folder}" in done.stderr
    assert list(folder.iterdir()) == []


def test_bad_input_to_similar_and_synonyms_says_how_to_fix_it(
    corpus_index: Path, tmp_path: Path
) -> None:
    # "Cannot read the draft /tmp: [Errno 21] Is a directory: '/tmp'", a decoder's words for
    # a file in another encoding, and '"" is searched as itself only' for no word at all.
    latin = tmp_path / "draft.txt"
    latin.write_bytes("Rénovation des écoles".encode("latin-1"))
    index = ["--index", str(corpus_index)]
    folder = run_pqsearch("similar", "--text", str(tmp_path), *index)
    assert folder.returncode == 2 and "Traceback" not in folder.stderr
    assert folder.stderr == (
        f"Error: Cannot read the draft {tmp_path}: Is a directory. Give a text file, or "
        "--text - to read the draft from standard input.\n"
    )
    encoded = run_pqsearch("similar", "--text", str(latin), *index)
    assert encoded.returncode == 2
    assert encoded.stderr.startswith(f"Error: The draft {latin} is not UTF-8 text (byte 2 ")
    assert "codec" not in encoded.stderr
    empty = run_pqsearch("synonyms", " ", *index)
    assert empty.returncode == 2 and empty.stdout == ""
    assert empty.stderr == "Error: Give a word to look up, e.g. pqsearch synonyms SIAMU.\n"
