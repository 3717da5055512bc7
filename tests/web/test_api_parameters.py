"""The JSON API refuses a parameter it does not take (session 19; audit Q4): `?sectr=F` was
ignored, and the answer was the search without that filter, which looked right. Now a 400
names the endpoint's parameters and the closest. Every parameter the search page's own links
carry is still taken, so a page's address turned into `/api/search` answers."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

import httpx

from tests.web.conftest import Server


def test_a_misspelt_parameter_is_a_400_naming_the_known_ones(server: Server) -> None:
    answer = server.get("/api/search", params={"q": "logement", "sectr": "F"})
    assert answer.status_code == 400
    body = answer.json()
    assert body["type"] == "InvalidChoiceError"
    assert body["error"].startswith("Unknown parameter 'sectr' (did you mean 'sector'?)")
    listed = {
        p["name"]
        for p in server.get("/api/openapi.json").json()["paths"]["/api/search"]["get"]["parameters"]
    }
    assert listed <= set(body["valid"]) and "sector" in body["error"].split("takes ")[1]
    # The filter spelt right still searches.
    assert server.get("/api/search", params={"q": "logement", "sector": "F"}).status_code == 200


def test_every_endpoint_refuses_what_it_does_not_take(server: Server) -> None:
    refused = [
        server.get("/api/facets/session", params={"q": "logement", "sesion": "25/26"}),
        server.get("/api/documents/170312", params={"fields": "title"}),
        server.get("/api/similar", params={"id": "170290", "limti": "3"}),
        httpx.post(server.url + "/api/similar", data={"text": "logement", "limti": "3"}),
    ]
    assert [r.status_code for r in refused] == [400, 400, 400, 400]
    assert "'sesion' (did you mean 'session'?)" in refused[0].json()["error"]
    assert "'limti' (did you mean 'limit'?)" in refused[3].json()["error"]


def test_the_search_page_s_links_are_taken_by_the_api(server: Server) -> None:
    page = server.get(
        "/search",
        params={
            "q": "logement",
            "session": "25/26",
            "status": "answered",
            "from": "2026",
            "sort": "newest",
            "limit": "3",
            "lang": "en",
            "correct": "0",
        },
    ).text
    links = {unescape(h) for h in re.findall(r'href="(/search\?[^"]+)"', page)}
    names = {
        pair.split("=")[0] for link in links for pair in urlsplit(link).query.split("&") if pair
    }
    assert {"q", "session", "status", "from", "sort", "limit", "lang", "correct", "page"} <= names
    for link in links:
        answer = server.get("/api" + link)
        assert answer.status_code == 200, (link, answer.text)


def test_a_post_to_similar_checks_its_address_too(server: Server) -> None:
    # The text in the form, a filter in the address: the filter was dropped, and the answer
    # (9 documents instead of 1) looked right (review P, A1).
    posted = httpx.post(server.url + "/api/similar?sector=L", data={"text": "logement"})
    assert posted.status_code == 400
    assert posted.json()["error"].startswith(
        "Unknown parameter 'sector': the address of POST /api/similar (its parameters go in "
        "the form) takes lang."
    )
    assert httpx.post(server.url + "/api/similar?sectr=L", data={"text": "x"}).status_code == 400
    assert httpx.post(server.url + "/api/similar?limit=1", data={"text": "x"}).status_code == 400
    # In the form, the filter is taken; `lang` in the address still is.
    in_form = httpx.post(
        server.url + "/api/similar?lang=en", data={"text": "logement", "sector": "L"}
    )
    assert in_form.status_code == 200, in_form.text
    by_get = server.get("/api/similar", params={"text": "logement", "sector": "L"})
    assert in_form.json()["total"] == by_get.json()["total"]


def test_a_post_to_similar_that_is_not_a_form_says_so(server: Server) -> None:
    # Multipart (curl -F, a browser's FormData) and JSON were read as a form, and their raw
    # text answered as an unknown parameter's name (review P, A2).
    refused = [
        httpx.post(server.url + "/api/similar", files={"text": (None, "logement")}),
        httpx.post(server.url + "/api/similar", json={"text": "logement"}),
        httpx.post(
            server.url + "/api/similar",
            content=b'{"text": "logement"}',
            headers={"content-type": "text/plain; charset=utf-8"},
        ),
    ]
    assert [r.status_code for r in refused] == [400, 400, 400]
    said = [r.json()["error"] for r in refused]
    assert all(
        e.startswith(
            "POST /api/similar takes a form (Content-Type: application/x-www-form-urlencoded) "
            "with text, as curl -d text=... sends it; it received "
        )
        for e in said
    ), said
    assert "multipart/form-data" in said[0] and "application/json" in said[1]
    assert "a body of type text/plain." in said[2]
    assert all("Unknown parameter" not in e for e in said)
    # A form body without a type is read as a form, as before.
    untyped = httpx.post(server.url + "/api/similar", content=b"text=logement")
    assert untyped.status_code == 200, untyped.text


def test_what_clients_add_on_their_own_is_taken_and_ignored(server: Server) -> None:
    # 200 before the check, 400 after it (review P, A3): a document link's `results`, jQuery's
    # cache buster `_`, and a stray empty name.
    link = re.search(
        r'href="(/documents/[^"?]+\?[^"]*results=[^"]*)"',
        server.get("/search", params={"q": "logement"}).text,
    )
    assert link is not None
    answer = server.get("/api" + unescape(link.group(1)))
    assert answer.status_code == 200, answer.text
    assert server.get("/api/documents/170312", params={"_": "1733390000000"}).status_code == 200
    for path in ("/api/search?q=logement&_=1733390000000&=", "/api/facets/session?_=1&="):
        assert server.get(path).status_code == 200, path
    assert server.get("/api/similar?id=170312&_=1").status_code == 200
    # Only these: a misspelling beside them is still refused.
    assert server.get("/api/search?q=logement&_=1&sectr=F").status_code == 400


def test_the_did_you_mean_knows_the_cli_names_and_ignores_case(server: Server) -> None:
    said = {
        name: server.get("/api/search", params={"q": "logement", name: "x"}).json()["error"]
        for name in ("minister", "Q", "Sector", "all-copies", "sector-mentioned")
    }
    assert said["minister"].startswith("Unknown parameter 'minister' (did you mean 'addressee'?)")
    assert said["Q"].startswith("Unknown parameter 'Q' (did you mean 'q'?)")
    assert said["Sector"].startswith("Unknown parameter 'Sector' (did you mean 'sector'?)")
    assert "'all-copies' (did you mean 'all_copies'?)" in said["all-copies"]
    assert "(did you mean 'sector_mentioned'?)" in said["sector-mentioned"]


def test_a_parameter_taking_one_value_given_twice_is_refused(server: Server) -> None:
    # The last one won, silently: facets=session&facets=sector counted only sector, and
    # q=logement&q=diplomates searched "diplomates" (review P, A5).
    for query in ("q=logement&q=diplomates", "q=logement&facets=session&facets=sector"):
        answer = server.get("/api/search?" + query)
        assert answer.status_code == 400, query
        assert answer.json()["error"].startswith("The parameter ")
        assert "is given 2 times: /api/search takes it once" in answer.json()["error"]
    assert "(several facets: facets=session,sector)" in answer.json()["error"]
    # A filter taking several values still takes them repeated.
    both = server.get("/api/search?q=logement&session=25/26&session=24/25&facets=session")
    assert both.status_code == 200, both.text
