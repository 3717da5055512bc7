"""The OpenAPI 3.1 description of the JSON API, served at `/api/openapi.json`."""

from __future__ import annotations

from typing import Any

from pqsearch import __name__ as package
from pqsearch.web.params import MULTI


def _parameter(name: str, description: str, *, many: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if many:
        schema = {"type": "array", "items": schema}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **({"explode": True, "style": "form"} if many else {}),
    }


def _integer(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "description": description, "schema": {"type": "integer"}}


# What a filter takes beyond its facet's values, as the CLI's --help says it (s20).
_TAKES = {
    "sector": " A sector's id or its name in French, Dutch or English (F, construction, "
    "bouw); an unknown one is a 400 whose `valid` lists the ids and `suggestions` the closest.",
    "portfolio": " Words of a portfolio's name (climat); =Name for that whole name only.",
}
_TAKES["sector_mentioned"] = _TAKES["sector"]
FILTERS = [
    *(
        _parameter(
            name,
            f"Filter on {name} (repeatable: any of the values).{_TAKES.get(name, '')}",
            many=True,
        )
        for name in MULTI
    ),
    _parameter("status", "answered or unanswered."),
    _parameter("from", "First day included: 2021, 2021-03, 2021-03-31, 31/03/2021, mars 2021."),
    _parameter("to", "Last day included, like `from`."),
    _parameter("date", "The date `from`/`to` and sorting use: received, published, answered."),
]
QUERY = _parameter("q", "Words in the query language of the README (`titre:`, `recu:2021-03`, …).")
ERROR = {
    "description": "The library's message: 400 a bad request (an unknown parameter "
    "among them: `valid` lists the endpoint's), 404 no such document, "
    "503 the index is missing or damaged, or the search took too long. `type` names the "
    "library's error class (an unknown sector is a `QuerySyntaxError`); `kind`, when "
    "present, names the problem (`unknown_sector`, `unclosed_quote`, `range_unbracketed`…) "
    "and is the stable key to branch on.",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["error", "type"],
                "properties": {
                    "error": {"type": "string"},
                    "type": {"type": "string"},
                    "kind": {"type": "string"},
                    "suggestions": {"type": "array", "items": {"type": "string"}},
                    "valid": {"type": "array", "items": {"type": "string"}},
                },
            }
        }
    },
}


def _ok(description: str, schema: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def openapi() -> dict[str, Any]:
    search_result = {
        "type": "object",
        "description": "`SearchResult` as `pqsearch search --json` prints it.",
        "properties": {
            "query": {"type": "string"},
            "total": {"type": "integer"},
            "page": {"type": "integer"},
            "limit": {"type": "integer"},
            "hits": {"type": "array", "items": {"type": "object"}},
            "facets": {"type": "array", "items": {"$ref": "#/components/schemas/Facet"}},
            "suggestions": {"type": "array", "items": {"type": "object"}},
            "corrections": {"type": "array", "items": {"type": "object"}},
            "corrected_query": {"type": ["string", "null"]},
            "absent": {
                "type": "array",
                "items": {"type": "object"},
                "description": "When nothing matched: the valid filter values typed that no "
                "document has (field, typed, value, label).",
            },
            "listed": {
                "type": ["integer", "null"],
                "description": "How many hits the pages list in all (a question's copies "
                "once, with it): the last page is ceil(listed / limit); null when pages go on "
                "past this one and counting them would read every record.",
            },
        },
    }
    facet = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "results": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"value": {"type": "string"}, "count": {"type": "integer"}},
                },
            },
            "truncated": {"type": "boolean"},
        },
    }
    document = {
        "type": "object",
        "description": "`Document` as `pqsearch show --json` prints it.",
        "properties": {
            "question": {"type": "object"},
            "answer_type": {"type": "string"},
            "answer_type_evidence": {"type": ["string", "null"]},
            "portfolios": {"type": "array", "items": {"type": "string"}},
            "sectors": {"type": "array", "items": {"type": "object"}},
            "cites": {"type": "array", "items": {"type": "object"}},
            "cited_by": {"type": "array", "items": {"type": "string"}},
        },
    }
    paging = [
        _parameter("sort", "relevance, newest or oldest."),
        _integer("page", "From 1."),
        _integer("limit", "Hits per page, 0 to 1000 (default 10)."),
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{package} JSON API",
            "version": "1",
            "description": "Written parliamentary questions and ministers' answers: the "
            "library's results as JSON, read-only.",
        },
        "paths": {
            "/api/search": {
                "get": {
                    "summary": "Search: ranked hits, the total, facet counts, suggestions.",
                    "parameters": [
                        QUERY,
                        *FILTERS,
                        *paging,
                        _parameter("facets", "Facets to count, comma-separated; empty: none."),
                        _parameter(
                            "correct",
                            "0: search a word that matches nothing as typed (default 1: "
                            "as its spelling correction, named in `corrections`).",
                        ),
                        _parameter(
                            "all_copies",
                            "1: list each copy of a question sent to several ministers as its "
                            "own hit (default 0: once, the others in the hit's `copies`).",
                        ),
                    ],
                    "responses": {
                        "200": _ok("The result.", "SearchResult"),
                        "400": ERROR,
                        "503": ERROR,
                    },
                }
            },
            "/api/documents/{id}": {
                "get": {
                    "summary": "One document with its analysis and cross-references.",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {
                        "200": _ok("The document.", "Document"),
                        "404": ERROR,
                        "503": ERROR,
                    },
                }
            },
            "/api/similar": {
                "get": {
                    "summary": "The past questions most like a document (`id`) or a draft "
                    "(`text`); POST a form with `text` for long drafts.",
                    "parameters": [
                        _parameter("id", "An indexed document."),
                        _parameter("text", "A draft question or answer."),
                        *FILTERS,
                        _integer(
                            "limit", "How many, 0 to 1000 (default 10; 0 gives the count alone)."
                        ),
                    ],
                    "responses": {
                        "200": _ok("The result.", "SearchResult"),
                        "400": ERROR,
                        "404": ERROR,
                    },
                }
            },
            "/api/facets/{field}": {
                "get": {
                    "summary": "Every value of one facet with its count, for a query and filters.",
                    "parameters": [
                        {
                            "name": "field",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                            "description": "session, addressee, portfolio, sector, status, "
                            "answer_type, kind, received_year, answered_month, …",
                        },
                        QUERY,
                        *FILTERS,
                    ],
                    "responses": {"200": _ok("The facet.", "Facet"), "400": ERROR},
                }
            },
        },
        "components": {
            "schemas": {"SearchResult": search_result, "Facet": facet, "Document": document}
        },
    }
