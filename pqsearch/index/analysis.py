"""What ingest adds to a parsed record before writing it: lemmas, answer type, sectors,
references and portfolios.

spaCy is loaded once per process (`shared_lemmatizer`) and on the first batch only; past
`WORKER_AFTER_DOCUMENTS` documents in one run it lemmatizes in a worker process
(`index.worker`), so that spaCy runs on one core while the ingest parses and writes on the
other.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from pqsearch.analyze.answers import classify_answer
from pqsearch.analyze.fold import surface_tokens
from pqsearch.analyze.lemmatize import Analysis, Lemmatizer
from pqsearch.analyze.portfolios import PortfolioNames
from pqsearch.analyze.references import Reference, question_references
from pqsearch.analyze.sectors import SectorDetector
from pqsearch.analyze.segments import read_part
from pqsearch.analyze.taxonomy import Taxonomy
from pqsearch.index.schema import TEXT_PARTS, DocumentText, Enrichment
from pqsearch.index.worker import analysis_pool
from pqsearch.models import Question


@functools.cache
def shared_lemmatizer() -> Lemmatizer:
    """One spaCy pipeline per process: loading it takes seconds, and a program (or a test
    session) may ingest many times."""
    return Lemmatizer()


# Past this many documents to analyse in one run, spaCy moves to a worker process: starting
# it costs a model load (seconds), which only a large ingest wins back.
WORKER_AFTER_DOCUMENTS = 256


@dataclass
class PendingBatch:
    """A batch of questions and its analyses, ready or still being computed by the worker."""

    questions: Sequence[Question]
    analyses: list[Analysis] | Future[list[Analysis]]


def _lemmatize_in_worker(texts: list[str]) -> list[Analysis]:
    return list(shared_lemmatizer().analyze(texts))


class Analyzer:
    """Everything ingest adds to a parsed record; spaCy is loaded on the first batch only."""

    def __init__(self, taxonomy: Taxonomy, n_process: int | None, portfolios: PortfolioNames):
        self.lemmatizer = shared_lemmatizer()
        self.n_process = n_process
        self.taxonomy = taxonomy
        self.portfolios = portfolios
        self._detector: SectorDetector | None = None
        self._submitted = 0
        self._pool: ProcessPoolExecutor | None = None

    @property
    def detector(self) -> SectorDetector:
        if self._detector is None:
            self._detector = SectorDetector(self.taxonomy, self.lemmatizer.lemmatize_terms)
        return self._detector

    def submit(self, questions: Sequence[Question]) -> PendingBatch:
        """Start lemmatizing a batch: in a worker process once the ingest is large, so that
        spaCy runs on one core while this process parses and writes on the other."""
        texts = [getattr(q, part) or "" for q in questions for part in TEXT_PARTS]
        self._submitted += len(questions)
        if self._submitted > WORKER_AFTER_DOCUMENTS:
            if self._pool is None:
                self._pool = analysis_pool()
            return PendingBatch(questions, self._pool.submit(_lemmatize_in_worker, texts))
        return PendingBatch(
            questions, list(self.lemmatizer.analyze(texts, n_process=self.n_process))
        )

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def analyze(
        self, pending: PendingBatch
    ) -> Iterator[tuple[Question, DocumentText, Enrichment, dict[str, Analysis]]]:
        questions = pending.questions
        result = pending.analyses
        analyses = iter(result if isinstance(result, list) else result.result())
        for question in questions:
            parts = {part: next(analyses) for part in TEXT_PARTS}
            text = DocumentText(
                lemmas={part: a.lemmas for part, a in parts.items()},
                words={part: surface_tokens(getattr(question, part) or "") for part in TEXT_PARTS},
            )
            yield question, text, self.enrich(question, parts), parts

    def enrich(self, question: Question, analyses: Mapping[str, Analysis]) -> Enrichment:
        answer_type = classify_answer(question)
        mentions = self.detector.score(
            {
                part: read_part(getattr(question, part) or "", analysis)
                for part, analysis in analyses.items()
            }
        )
        references = [_reference_dict(r) for r in question_references(question)]
        return Enrichment(
            answer_type=answer_type.type,
            answer_type_evidence=answer_type.evidence,
            sectors=tuple(m.to_dict() for m in mentions),
            references=tuple(references),
            portfolios=self.portfolios.canonical(question.portfolios),
        )


def _reference_dict(reference: Reference) -> dict[str, Any]:
    return {
        "number": reference.number,
        "session": reference.session,
        "kind": reference.kind,
        "text": reference.text,
        "date": reference.date.isoformat() if reference.date else None,
    }
