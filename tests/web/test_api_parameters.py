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
