"""The saved-searches page lists each saved search with what is new, and changes nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.web.conftest import Server, cli, running_server


def test_saved_searches_show_what_is_new_read_only(hostile_server: Server) -> None:
    index = str(hostile_server.index_dir)
    added = cli("watch", "add", "piege", "piège", "--index", index)
    assert added.returncode == 0, added.stderr
    saved = hostile_server.index_dir / "watches.json"
    before = saved.read_bytes()
    page = hostile_server.get("/watches")
    assert page.status_code == 200
    assert "piege" in page.text
    assert "1 nouveau," in page.text or "1 nouveau<" in page.text
    assert 'href="/search?q=pi%C3%A8ge&amp;sort=newest"' in page.text
    assert hostile_server.get("/watches").text == page.text
    assert saved.read_bytes() == before  # looking is not running: nothing recorded
    ran = cli("watch", "run", "--index", index)
    assert "1 new" in ran.stdout
    assert "0 nouveaux" in hostile_server.get("/watches").text


def test_a_saved_search_that_cannot_run_is_shown_with_why_and_the_others_are_shown(
    tmp_path: Path, corpus_index: Path
) -> None:
    """One saved search whose query this version no longer reads (a sector an upgrade took
    away) took the whole page down to an error page (audit 10, F4)."""
    index = tmp_path / "index"
    shutil.copytree(corpus_index, index, symlinks=True)
    for name, query in (("logement", "logement"), ("gone", "logement secteur:L")):
        added = cli("watch", "add", name, query, "--index", str(index))
        assert added.returncode == 0, added.stderr
    saved = json.loads((index / "watches.json").read_text(encoding="utf-8"))
    saved["gone"]["query"] = "logement secteur:Z"
    (index / "watches.json").write_text(json.dumps(saved), encoding="utf-8")
    with running_server(index) as server:
        page = server.get("/watches")
    assert page.status_code == 200
    assert '>logement <span class="count">' in page.text
    assert "Cette recherche ne peut pas s&#39;exécuter" in page.text
    assert "Unknown sector &#39;Z&#39;." in page.text


def test_saved_searches_written_with_answered_null_are_shown(
    tmp_path: Path, corpus_index: Path
) -> None:
    """The previous version wrote `"answered": null` for a search saved before it kept
    answers, and the page (like every watch command) then said the file cannot be read
    (audit 11, W1)."""
    index = tmp_path / "index"
    shutil.copytree(corpus_index, index, symlinks=True)
    for args in (("add", "logement", "logement"), ("run",)):
        done = cli("watch", *args, "--index", str(index))
        assert done.returncode == 0, done.stderr
    saved = json.loads((index / "watches.json").read_text(encoding="utf-8"))
    saved["logement"]["answered"] = None
    (index / "watches.json").write_text(json.dumps(saved), encoding="utf-8")
    with running_server(index) as server:
        page = server.get("/watches")
    assert page.status_code == 200
    assert '>logement <span class="count">' in page.text
    assert "0 nouveaux" in page.text
