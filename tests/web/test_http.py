"""The server over HTTP: the acceptance checks, the API against the CLI's --json, errors,
and the safety rules (headers, hosts, methods, sizes, paths)."""

from __future__ import annotations

import http.client
import json
import re
import socket
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from pqsearch import api
from tests.web.conftest import Server, cli, running_server

QUERY = "diplomates technologiques"


def hit_numbers(html: str) -> list[str]:
    return re.findall(r"question n°(\d+)", html)


def test_search_page_lists_question_369_first(server: Server) -> None:
    response = server.get("/search", params={"q": QUERY})
    assert response.status_code == 200
    assert hit_numbers(response.text)[0] == "369"
    assert "4 documents" in response.text


@pytest.mark.parametrize(
    ("params", "cli_options"),
    [
        ({"q": QUERY}, []),
        # Copies of one question grouped on the page, as the CLI groups them (audit A3: the
        # API listed each copy as a hit, so its pages were not the CLI's), or not.
        ({"q": "bruxelles", "limit": "3", "page": "2"}, ["--limit", "3", "--page", "2"]),
        (
            {"q": "bruxelles", "limit": "3", "page": "2", "all_copies": "1"},
            ["--limit", "3", "--page", "2", "--all-copies"],
        ),
        (
            {"q": "logement", "session": "25/26", "status": "answered"},
            ["--session", "25/26", "--status", "answered"],
        ),
        # Audit 17, Q1: the API answered every document, the filter left out of the search.
        ({"q": "", "sector_mentioned": "H"}, ["--sector-mentioned", "H"]),
        (
            {
                "q": "",
                "addressee": "Ans Persoons",
                "from": "2026",
                "to": "31/12/2026",
                "date": "answered",
                "sort": "oldest",
                "limit": "5",
            },
            [
                "--addressee",
                "Ans Persoons",
                "--from",
                "2026",
                "--to",
                "31/12/2026",
                "--date",
                "answered",
                "--sort",
                "oldest",
                "--limit",
                "5",
            ],
        ),
    ],
)
def test_api_search_is_the_cli_json(
    server: Server, params: dict[str, str], cli_options: list[str]
) -> None:
    response = server.get("/api/search", params=params)
    assert response.status_code == 200
    words = params["q"].split()
    ran = cli("search", *words, "--index", str(server.index_dir), *cli_options, "--json")
    assert ran.returncode == 0, ran.stderr
    expected = json.loads(ran.stdout)
    assert response.json()["total"] == expected["total"] > 0
    assert response.json() == expected
    if "bruxelles" in words:
        copies = [c for hit in expected["hits"] for c in hit["copies"]]
        assert bool(copies) == ("--all-copies" not in cli_options)


def test_api_document_and_facets_are_the_cli_json(server: Server) -> None:
    document = server.get("/api/documents/170229")
    shown = cli("show", "170229", "--index", str(server.index_dir), "--json")
    assert document.json() == json.loads(shown.stdout)
    facet = server.get("/api/facets/session")
    listed = cli("facets", "session", "--index", str(server.index_dir), "--json")
    assert facet.json() == json.loads(listed.stdout)


def test_api_similar_by_id_and_by_text(server: Server) -> None:
    by_id = server.get("/api/similar", params={"id": "170290", "limit": "3"}).json()
    assert by_id["hits"][0]["id"] == "170291"  # the same question, sent to Ans Persoons
    with api.open_index(server.index_dir) as index:
        draft = index.get("170290").question
    by_text = httpx_post(server, "/api/similar", {"text": draft, "limit": "3"})
    assert by_text.status_code == 200
    assert "170290" in [hit["id"] for hit in by_text.json()["hits"]]
    # limit=0 is the count alone, as for /api/search (it answered one hit)
    counted = server.get("/api/similar", params={"id": "170290", "limit": "0"}).json()
    assert counted["hits"] == [] and counted["total"] == by_id["total"] >= 1


def httpx_post(server: Server, path: str, form: dict[str, str]) -> object:
    import httpx

    return httpx.post(server.url + path, data=form, timeout=30)


def test_document_page_shows_the_whole_answer(server: Server) -> None:
    with api.open_index(server.index_dir) as index:
        question = index.get("PRB-19_24-20_21-pascal-smet-369")
    response = server.get("/documents/" + quote(question.id))
    assert response.status_code == 200
    assert question.answer
    text = re.sub(r"\s+", " ", _unescape(response.text))
    for paragraph in question.answer.split("\n\n"):
        assert " ".join(paragraph.split()) in text


def _unescape(html: str) -> str:
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/api/search?q=%22diplomates", 400, "Unbalanced quote"),
        ("/api/search?session=25-26", 400, "did you mean '25/26'"),
        ("/api/search?page=zero", 400, "page must be a whole number"),
        ("/api/search?sort=best", 400, "Unknown sort"),
        ("/api/documents/no-such-id", 404, "no-such-id"),
        ("/api/facets/colour", 400, "Unknown facet"),
        ("/api/similar", 400, "Give either a document id or a text"),
        ("/api/nothing-here", 404, "Not Found"),
    ],
)
def test_api_errors_are_json_with_the_library_message(
    server: Server, path: str, status: int, message: str
) -> None:
    response = server.get(path)
    assert response.status_code == status
    assert message in response.json()["error"]


def test_api_error_is_the_cli_message(server: Server) -> None:
    response = server.get("/api/search", params={"q": '"diplomates technologiques'})
    ran = cli("search", '"diplomates technologiques', "--index", str(server.index_dir))
    assert ran.returncode != 0
    assert ran.stderr == "Error: " + response.json()["error"] + "\n"
    suggestion = server.get("/api/search", params={"session": "25-26"}).json()
    assert suggestion["suggestions"] == ["25/26"]


def test_page_error_offers_the_corrected_filter(server: Server) -> None:
    response = server.get("/search", params={"q": "logement", "session": "25-26"})
    assert response.status_code == 400
    assert 'href="/search?q=logement&amp;session=25%2F26"' in response.text


def test_openapi_describes_every_endpoint(server: Server) -> None:
    spec = server.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    assert set(spec["paths"]) == {
        "/api/search",
        "/api/documents/{id}",
        "/api/similar",
        "/api/facets/{field}",
    }
    search_parameters = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "session", "sector", "from", "to", "date", "sort", "page"} <= search_parameters


@pytest.mark.parametrize(
    "path", ["/search?q=logement", "/api/search", "/static/style.css", "/nowhere", "/draft"]
)
def test_every_response_carries_the_security_headers(server: Server, path: str) -> None:
    response = server.get(path)
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "script-src" not in policy  # no script source at all: nothing may run
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def _raw_get(server: Server, path: str, host: str | None = None) -> tuple[int, bytes]:
    """A request sent byte for byte (no client normalises `..` away)."""
    parts = urlsplit(server.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", host or parts.netloc)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


@pytest.mark.parametrize(
    "path",
    [
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/../../api.py",
        "/static/%2e%2e/%2e%2e/api.py",
        "/static//etc/passwd",
        "/static/../../../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    ],
)
def test_no_file_outside_the_static_folder_is_served(server: Server, path: str) -> None:
    status, body = _raw_get(server, path)
    assert status == 404
    assert b"import" not in body and b"root:" not in body


def test_requests_naming_another_host_are_refused(server: Server) -> None:
    status, _ = _raw_get(server, "/search", host="attacker.example")
    assert status == 400
    assert _raw_get(server, "/search", host="localhost")[0] == 200


def test_read_only_and_bounded(server: Server) -> None:
    import httpx

    assert httpx.post(server.url + "/search", timeout=30).status_code == 405
    assert httpx.delete(server.url + "/api/documents/170229", timeout=30).status_code == 405
    huge = httpx.post(server.url + "/draft", data={"text": "logement " * 40_000}, timeout=30)
    assert huge.status_code == 413
    # In the page's language, French by default (s19: it was English).
    assert "Le formulaire dépasse" in huge.text
    long_query = server.get("/api/search", params={"q": "logement " * 2_000})
    assert long_query.status_code == 400
    assert "the limit is 10,000" in long_query.json()["error"]


def test_search_export_downloads_the_selection(server: Server) -> None:
    chosen = "PRB-19_24-20_21-pascal-smet-369"
    response = server.get("/export", params={"q": QUERY, "format": "csv", "id": chosen})
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="precedents.csv"'
    with api.open_index(server.index_dir) as index:
        found = index.search(QUERY, facets=[], limit=20)
        hit = next(h for h in found.hits if h.id == chosen)
        assert response.text == index.export_hits([hit], fmt="csv")
    everything = server.get("/export", params={"q": QUERY, "format": "jsonl"})
    assert len(everything.text.splitlines()) == found.total


def test_a_memo_of_ticked_documents_says_they_were_chosen_not_the_first(server: Server) -> None:
    with api.open_index(server.index_dir) as index:
        found = index.search(QUERY, facets=[], limit=20)
    assert found.total > 3
    last, before_last = found.hits[-1].id, found.hits[-2].id
    shown = [hit.id for hit in found.hits]
    ticked = server.get(
        "/export",
        params={"q": QUERY, "format": "md", "id": [last, before_last], "shown": shown},
    )
    assert ticked.status_code == 200
    heading = ticked.text.splitlines()[2]
    assert heading == f"{found.total} documents correspondent ; voici les 2 qui ont été choisis."
    one = server.get(
        "/export", params={"q": QUERY, "format": "md", "id": last, "shown": shown, "lang": "en"}
    )
    assert one.text.splitlines()[2] == f"{found.total} documents match; the one chosen follows."
    # The whole page, nothing ticked: all of the matches, in the sort's order, as before.
    page = server.get("/export", params={"q": QUERY, "format": "md", "shown": shown})
    assert page.text.splitlines()[2] == (
        f"{found.total} documents correspondent ; les voici, du plus pertinent au moins pertinent."
    )


def test_document_page_marks_sector_evidence_in_the_text(server: Server) -> None:
    page = server.get("/documents/170246").text
    assert '<mark class="evidence">construction</mark>' in page
    assert '<mark class="evidence">soins pour la faune</mark>' in page
    assert page.count('<mark class="evidence">') > 3


def test_search_pages_list_the_copies_the_library_lists(server: Server) -> None:
    # The web page groups copies as the CLI and `group_copies=True` do, page for page: every
    # document once over the pages (third audit of session 11, G1).
    shown: list[str] = []
    with api.open_index(server.index_dir) as index:
        every = index.search("bruxelles", limit=100, facets=[])
        for page in range(1, 15):
            html = server.get(
                "/search", params={"q": "bruxelles", "limit": "3", "page": str(page)}
            ).text
            result = index.search("bruxelles", limit=3, page=page, facets=[], group_copies=True)
            expected = [doc_id for h in result.hits for doc_id in (h.id, *(c.id for c in h.copies))]
            assert re.findall(r'href="/documents/([^"?]+)[?"]', html) == expected, page
            shown += expected
    assert sorted(shown) == sorted(h.id for h in every.hits)


def test_the_pager_ends_at_the_last_page_with_hits(server: Server) -> None:
    # Pages counted from documents while copies are grouped left empty last pages (R5).
    with api.open_index(server.index_dir) as index:
        whole = index.search("bruxelles", limit=1000, facets=[], group_copies=True)
    last = -(-len(whole.hits) // 3)
    assert last < -(-whole.total // 3)
    params = {"q": "bruxelles", "limit": "3"}

    def linked(page: int) -> set[int]:
        html = server.get("/search", params={**params, "page": str(page)}).text
        nav = re.search(r'<nav class="pages".*?</nav>', html, re.S)
        assert nav is not None and re.findall(r'href="/documents/([^"?]+)[?"]', html), page
        return {int(n) for n in re.findall(r"page=(\d+)", nav.group(0))}

    # Page 1 cannot know the last page without grouping every hit: it links the pages after
    # it, none past the hits; the last page knows it is the last.
    assert max(linked(1)) <= last
    assert max(linked(last)) < last
    assert last in linked(last - 1)
    assert 'rel="next"' not in server.get("/search", params={**params, "page": str(last)}).text
    # A page past the last (an old link, or typed): the last page instead.
    past = server.get("/search", params={**params, "page": str(last + 2)})
    assert past.status_code == 303
    assert f"page={last}" in past.headers["location"]


def test_a_client_hanging_up_mid_post_prints_no_traceback(corpus_index: Path) -> None:
    # Audit D3: a tab closed while posting a draft printed a 40-line traceback per hang-up on
    # the server's terminal.
    with running_server(corpus_index) as started:
        port = int(urlsplit(started.url).port or 0)
        for path in ("/draft", "/draft/export", "/api/similar"):
            with socket.create_connection(("127.0.0.1", port)) as client:
                client.sendall(
                    f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    "Content-Type: application/x-www-form-urlencoded\r\n"
                    "Content-Length: 1000\r\n\r\ntext=abc".encode()
                )
                time.sleep(0.5)
        time.sleep(1)
        assert started.get("/draft").status_code == 200
    assert started.process.stderr is not None
    log = started.process.stderr.read().decode()
    assert "Traceback" not in log, log
    assert "ClientDisconnect" not in log, log
