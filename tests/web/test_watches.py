"""The saved-searches page lists each saved search with what is new, and changes nothing."""

from __future__ import annotations

from tests.web.conftest import Server, cli


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
