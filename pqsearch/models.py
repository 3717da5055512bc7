"""The typed records that flow through pqsearch: frozen dataclasses, JSON via `to_dict`.

`Question` is what the parse step produces and what the index stores. The result types
(`Hit`, `Facet`, `SearchResult`, `IngestReport`, ...) are what the library returns; the CLI's
`--json` output is `dataclasses.asdict` of them, with dates as ISO strings. A search's records
are defined in `results.py` and JSON conversion in `jsonable.py`; both are re-exported here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from pqsearch.jsonable import JsonObject as JsonObject
from pqsearch.jsonable import JsonValue as JsonValue
from pqsearch.jsonable import as_dict
from pqsearch.jsonable import jsonable as jsonable

# The result types live in `results.py`; every record type is still imported from here.
from pqsearch.results import AbsentValue as AbsentValue
from pqsearch.results import Copy as Copy
from pqsearch.results import Correction as Correction
from pqsearch.results import Facet as Facet
from pqsearch.results import FacetCount as FacetCount
from pqsearch.results import Highlight as Highlight
from pqsearch.results import Hit as Hit
from pqsearch.results import HitDetails as HitDetails
from pqsearch.results import MatchedTerm as MatchedTerm
from pqsearch.results import MatchSource as MatchSource
from pqsearch.results import SearchResult as SearchResult
from pqsearch.results import Suggestion as Suggestion
from pqsearch.results import Synonym as Synonym
from pqsearch.results import SynonymSource as SynonymSource
from pqsearch.results import WatchReport as WatchReport
from pqsearch.results import WordExplanation as WordExplanation

# Kinds of question (`Question.kind`).
WRITTEN = "written"
ORAL_TURNED_WRITTEN = "oral_turned_written"
EXPLANATIONS_TURNED_WRITTEN = "explanations_turned_written"
INTERPELLATION_TURNED_WRITTEN = "interpellation_turned_written"
# Kinds known only from the site's index (`pqsearch fetch`): no page text is held for them
# unless their page was fetched.
ORAL = "oral"
INTERPELLATION = "interpellation"
REQUEST_FOR_EXPLANATIONS = "request_for_explanations"
TOPICAL = "topical"
OTHER_KIND = "other"
# Every kind a record may have, with its French and English labels. Data, not a Literal: a
# source that brings other kinds adds its rows here, and filters, facets and exports pick
# them up.
KIND_LABELS: dict[str, dict[str, str]] = {
    WRITTEN: {"fr": "Question écrite", "en": "Written question"},
    ORAL_TURNED_WRITTEN: {
        "fr": "Question orale transformée en question écrite",
        "en": "Oral question turned written",
    },
    EXPLANATIONS_TURNED_WRITTEN: {
        "fr": "Demande d'explications transformée en question écrite",
        "en": "Request for explanations turned written",
    },
    INTERPELLATION_TURNED_WRITTEN: {
        "fr": "Interpellation transformée en question écrite",
        "en": "Interpellation turned written",
    },
    ORAL: {"fr": "Question orale", "en": "Oral question"},
    INTERPELLATION: {"fr": "Interpellation", "en": "Interpellation"},
    REQUEST_FOR_EXPLANATIONS: {"fr": "Demande d'explications", "en": "Request for explanations"},
    TOPICAL: {"fr": "Question d'actualité", "en": "Topical question"},
    OTHER_KIND: {"fr": "Autre type", "en": "Other"},
}


@dataclass(frozen=True)
class ProcedureStep:
    """One row of a page's acts table ("Date / Intitulé de l'acte / de / Référence / page")."""

    date: dt.date | None
    act: str
    body: str | None = None
    reference: str | None = None
    link: str | None = None
    page: str | None = None


@dataclass(frozen=True)
class Link:
    """A link found in a page: an annex of the answer, a referenced document."""

    label: str
    url: str


@dataclass(frozen=True)
class Question:
    """One written question with its answer, every field of its page.

    `id` is the site's document code (moncode) where the source gives one, otherwise a key
    derived from parliament, legislature, session, addressee and number; a page and a record
    of the same question get the same id.
    """

    id: str
    parliament: str
    kind: str
    legislature: str | None
    session: str | None
    number: int | None
    language: str
    title: str
    title_nl: str | None
    author: str | None
    addressee: str | None
    addressee_role: str | None
    portfolios: tuple[str, ...]
    received_on: dt.date | None
    published_on: dt.date | None
    answered_on: dt.date | None
    procedure: tuple[ProcedureStep, ...]
    question: str
    answer: str | None
    annexes: tuple[Link, ...]
    source: str
    source_format: str
    content_hash: str
    url: str | None = None

    @property
    def answered(self) -> bool:
        return self.answer is not None

    def to_dict(self) -> JsonObject:
        """A JSON-ready dict: dates as ISO strings, tuples as lists."""
        return as_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        """The inverse of `to_dict` (unknown keys are ignored)."""
        names = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        for key in ("received_on", "published_on", "answered_on"):
            values[key] = _date_or_none(values.get(key))
        values["portfolios"] = tuple(values.get("portfolios") or ())
        values["procedure"] = tuple(
            ProcedureStep(**{**step, "date": _date_or_none(step.get("date"))})
            for step in values.get("procedure") or ()
        )
        values["annexes"] = tuple(Link(**link) for link in values.get("annexes") or ())
        return cls(**values)


@dataclass(frozen=True)
class FileFailure:
    """A file that could not be taken in, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class SkippedFile:
    """A file beside the documents that is plainly not one (checksums, notes, .DS_Store)."""

    source: str
    reason: str


@dataclass(frozen=True)
class ParseBatch:
    """What parsing a set of files gives: the records and the failures, in file order."""

    questions: tuple[Question, ...]
    failures: tuple[FileFailure, ...]
    skipped: tuple[SkippedFile, ...] = ()


@dataclass(frozen=True)
class IngestReport:
    """What an ingest did. `failed` lists every file that could not be taken in.

    `duplicates` says, for each question read twice with different content, which copy was
    kept and why; `identical` lists the questions read again with the same content (a page
    and its record), each indexed once; `skipped` the files that are not documents;
    `warnings` what was indexed, or kept, but deserves a look (an answer the source cut
    short; a version kept although its file is gone, which the index alone may hold).
    """

    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    failed: tuple[FileFailure, ...]
    duplicates: tuple[str, ...] = ()
    seconds: float = 0.0
    words: int = 0
    notes: tuple[str, ...] = ()
    identical: tuple[str, ...] = ()
    skipped: tuple[SkippedFile, ...] = ()
    warnings: tuple[str, ...] = ()
    # Worker processes that analysed (0: this process did it all), and the CPU seconds of
    # the main process (parse, write, commit, merge) and of analysis (lemmas, enrichment).
    jobs: int = 0
    main_cpu_seconds: float = 0.0
    analysis_cpu_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def main_cpu_share(self) -> float:
        """The main process's share of the CPU an ingest spends: whatever the workers, the
        ingest goes at most 1 / share times as fast as it would on one core."""
        total = self.main_cpu_seconds + self.analysis_cpu_seconds
        return self.main_cpu_seconds / total if total > 0 else 0.0

    def to_dict(self) -> JsonObject:
        return as_dict(self)


def _date_or_none(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@dataclass(frozen=True)
class CrossReference:
    """A question this one cites, or one that cites it, with the ids it resolved to."""

    number: int
    session: str | None
    kind: str
    text: str
    resolved: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectorEvidence:
    """One term found for a sector: as the taxonomy writes it, where, how often; `in_name`
    when it was found inside the name of a body ("SPF Santé publique", "la STIB") or, with
    `in_frame`, in a sentence about another sector's frame (a civil servant's "congé de
    maladie"): either makes the sector mentioned but never a topic."""

    term: str
    part: str
    count: int
    in_name: bool = False
    in_frame: bool = False


@dataclass(frozen=True)
class SectorMention:
    """A sector a document mentions: `score` is the probability that the document is about
    it (from where its evidence is, see `pqsearch.analyze.prominence`), `topic` whether it
    reaches the threshold (the facet and `--sector`), `count` the plain number of matches,
    `evidence` what was found where."""

    sector: str
    label: str
    score: float
    count: int
    evidence: tuple[SectorEvidence, ...]
    topic: bool = True

    def to_dict(self) -> JsonObject:
        """JSON-ready: evidence as a list of {term, part, count}."""
        return {
            "sector": self.sector,
            "label": self.label,
            "score": self.score,
            "count": self.count,
            "topic": self.topic,
            "evidence": [_evidence_dict(item) for item in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SectorMention:
        """The inverse of `to_dict`."""
        return cls(
            sector=str(data["sector"]),
            label=str(data["label"]),
            score=float(data["score"]),
            count=int(data["count"]),
            evidence=tuple(
                SectorEvidence(
                    str(item["term"]),
                    str(item["part"]),
                    int(item["count"]),
                    in_name=bool(item.get("in_name", False)),
                    in_frame=bool(item.get("in_frame", False)),
                )
                for item in data["evidence"]
            ),
            topic=bool(data.get("topic", True)),
        )


def _evidence_dict(item: SectorEvidence) -> JsonValue:
    found: JsonObject = {"term": item.term, "part": item.part, "count": item.count}
    return (
        found
        | ({"in_name": True} if item.in_name else {})
        | ({"in_frame": True} if item.in_frame else {})
    )


@dataclass(frozen=True)
class Document:
    """Everything `show` prints: the record, what analysis found, and the links both ways."""

    question: Question
    answer_type: str
    answer_type_evidence: str | None
    portfolios: tuple[str, ...]
    sectors: tuple[SectorMention, ...]
    cites: tuple[CrossReference, ...]
    cited_by: tuple[str, ...]
    # Every sector mentioned with its evidence, the topics (`sectors`) among them.
    mentioned: tuple[SectorMention, ...] = ()

    def to_dict(self) -> JsonObject:
        return as_dict(self)


@dataclass(frozen=True)
class SectorCount:
    """A sector of the taxonomy, how many indexed documents are about it (`documents`) and
    how many mention it (`mentioned`, which counts those about it too)."""

    id: str
    labels: dict[str, str]
    documents: int
    mentioned: int = 0


TaxonomyOrigin = Literal["shipped", "own"]


@dataclass(frozen=True)
class SectorStatus:
    """Which sector taxonomy and detector analysed the index's documents, against the ones this
    pqsearch ships. `origin` is "shipped" (the packaged NACE file, which follows upgrades) or
    "own" (a file given with `--taxonomy`, never replaced). `mixed_with` names the taxonomy and
    detector that analysed the documents not yet re-analysed ("" when every document agrees);
    `reanalysis_recommended` is then true and `advice` says what to run. `reanalysis_pending`:
    a re-analysis started and has not ended, either running now (`advice` says so, and
    nothing is recommended) or interrupted. Beside them, the
    fingerprint of the answer-type rules that typed the documents (`answer_rules`, "" when the
    index recorded none) and of this pqsearch's (`shipped_answer_rules`): when they differ,
    the next `pqsearch ingest` re-types the documents by itself. `first_ingest_unfinished`:
    the index's first ingest stopped before its end, so it holds only what that ingest had
    committed (often nothing); `first_ingest_running`: that ingest is running still (it holds
    the write lock), so the index fills as it commits and nothing needs to be run."""

    taxonomy: str
    origin: TaxonomyOrigin
    detector: str
    shipped_taxonomy: str
    shipped_detector: str
    mixed_with: str = ""
    reanalysis_pending: bool = False
    reanalysis_recommended: bool = False
    advice: str = ""
    answer_rules: str = ""
    shipped_answer_rules: str = ""
    first_ingest_unfinished: bool = False
    first_ingest_running: bool = False

    def to_dict(self) -> JsonObject:
        return as_dict(self)
