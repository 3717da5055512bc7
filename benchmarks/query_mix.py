"""The benchmark's fixed query mix: words, several words, phrases, prefixes, boolean, filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from benchmarks.generate import DEFAULT_SEED, LEGISLATURE_STARTS, _people

# The fixed query mix: (kind, pqsearch query, filters). Filters name generated metadata.
WORDS = (
    "logement",
    "logements",
    "mobilité",
    "vélo",
    "énergie",
    "energie",
    "emploi",
    "entreprises",
    "subsides",
    "commune",
    "stationnement",
    "propreté",
    "formation",
    "sécurité",
    "budget",
    "diplomates",
    "recrutement",
)
SEVERAL = (
    "logement social",
    "transport public bruxelles",
    "pistes cyclables",
    "qualité de l'air",
    "recrutement du personnel",
    "permis d'urbanisme",
    "primes énergie rénovation",
    "sécurité routière écoles",
    "emploi des jeunes",
    "budget de la région",
)
PHRASES = (
    '"logement social"',
    '"pistes cyclables"',
    '"Région de Bruxelles-Capitale"',
    '"qualité de l\'air"',
    '"permis d\'urbanisme"',
    '"sécurité routière"',
    '"à ce jour"',
    '"transports en commun"',
)
PREFIXES = ("technolog*", "recrut*", "mobil*", "énerg*", "subsid*", "cycl*")
BOOLEAN = (
    "logement AND social",
    "vélo OR trottinette",
    "énergie -nucléaire",
    "(logement OR loyer) AND commune",
)
VARIANTS = (
    ("logement", "logements"),
    ("technologie", "technologiques"),
    ("recruter", "recruté"),
    ("entreprise", "entreprises"),
    ("financer", "financés"),
    ("énergie", "energie"),
    ("diplomate", "diplomates"),
    ("construire", "construits"),
)


@dataclass(frozen=True)
class BenchQuery:
    kind: str
    text: str
    filters: dict[str, Any] = field(default_factory=dict)
    sort: str = "relevance"


def query_mix(seed: int = DEFAULT_SEED) -> list[BenchQuery]:
    """At least 50 queries: words, several words, phrases, prefixes, boolean, filters, browse."""
    _, governments = _people(seed)
    minister = governments[LEGISLATURE_STARTS[3]][0].name
    mix = [BenchQuery("word", w) for w in WORDS]
    mix += [BenchQuery("words", q) for q in SEVERAL]
    mix += [BenchQuery("phrase", q) for q in PHRASES]
    mix += [BenchQuery("prefix", q) for q in PREFIXES]
    mix += [BenchQuery("boolean", q) for q in BOOLEAN]
    mix += [
        BenchQuery("filter", "logement", {"session": ("20/21",)}),
        BenchQuery("filter", "mobilité vélo", {"legislature": ("19/24",)}),
        BenchQuery("filter", "énergie", {"status": "answered"}),
        BenchQuery("filter", "emploi", {"date_from": "2015", "date_to": "2018"}),
        BenchQuery("filter", "budget", {"addressee": (minister,)}),
        BenchQuery("filter", "propreté", {"portfolio": ("Mobilité",)}),
        BenchQuery("filter", '"pistes cyclables"', {"legislature": ("14/19", "19/24")}),
        BenchQuery("filter", "recrut*", {"status": "unanswered", "date_from": "2020"}),
        BenchQuery("browse", "", {"session": ("21/22",)}, sort="newest"),
        BenchQuery("browse", "", {}, sort="newest"),
    ]
    return mix


def mix_search(index: Any, query: BenchQuery) -> Any:
    """One query of the mix as the benchmark runs it: every facet counted, 20 hits."""
    from pqsearch.query.facets import facet_catalogue
    from pqsearch.query.search import Filters

    return index.search(
        query.text,
        filters=Filters(**query.filters),
        facets=sorted(facet_catalogue()),
        sort=query.sort,
        limit=20,
    )
