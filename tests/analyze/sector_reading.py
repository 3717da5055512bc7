"""How the sector tests read invented texts: real spaCy lemmas into the detector's parts, then
the evidence a sector found outside bodies' names and frames, and the topic sectors."""

from __future__ import annotations

from pqsearch.analyze.lemmatize import Lemmatizer
from pqsearch.analyze.sectors import SectorDetector
from pqsearch.analyze.segments import PartText, read_part


def read_parts(lemmatizer: Lemmatizer, **texts: str) -> dict[str, PartText]:
    """Each named part's text (title=..., question=..., answer=...) as the detector reads it."""
    analyses = lemmatizer.analyze(list(texts.values()))
    return {
        part: read_part(texts[part], analysis)
        for part, analysis in zip(texts, analyses, strict=True)
    }


def evidence_terms(detector: SectorDetector, parts: dict[str, PartText], sector: str) -> set[str]:
    """The terms that counted for `sector`, less those inside a body's name or a frame."""
    return {
        item.term
        for mention in detector.score(parts)
        if mention.sector == sector
        for item in mention.evidence
        if not item.in_name and not item.in_frame
    }


def topic_sectors(detector: SectorDetector, parts: dict[str, PartText]) -> set[str]:
    return {mention.sector for mention in detector.detect(parts)}
