"""What ingest adds to a parsed record before writing it: lemmas, answer type, sectors,
references and portfolios.

spaCy is loaded once per process (`shared_lemmatizer`) and on the first batch only; past
`WORKER_AFTER_DOCUMENTS` documents in one run it lemmatizes in `jobs` worker processes
(`index.worker`), so that spaCy runs on the other cores while the ingest parses and writes
on one. Batches go to whichever worker is free, and come back in the order they were sent
(`PendingBatch`s are read first in, first out), so the index is the same whatever `jobs`.

The CPU each side spends is counted (`CpuUse`): the main process's share per document is
the ceiling on what more workers can give.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
from pqsearch.errors import WorkerLostError
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
    analyses: list[Analysis] | Future[tuple[list[Analysis], float]]


def _lemmatize_in_worker(texts: list[str]) -> tuple[list[Analysis], float]:
    """The analyses and the CPU seconds they took in this worker (the model's load aside)."""
    lemmatizer = shared_lemmatizer()
    started = time.process_time()
    analyses = list(lemmatizer.analyze(texts))
    return analyses, time.process_time() - started


class Analyzer:
    """Everything ingest adds to a parsed record; spaCy is loaded on the first batch only."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        n_process: int | None,
        portfolios: PortfolioNames,
        jobs: int = 1,
    ):
        self.lemmatizer = shared_lemmatizer()
        self.n_process = n_process
        self.jobs = jobs
        # CPU seconds of lemmatization: in this process (the first batches) and in workers.
        self.inline_cpu = 0.0
        self.worker_cpu = 0.0
        self.workers_started = 0
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
        spaCy runs on other cores while this process parses and writes."""
        texts = [getattr(q, part) or "" for q in questions for part in TEXT_PARTS]
        self._submitted += len(questions)
        if self._submitted > WORKER_AFTER_DOCUMENTS:
            if self._pool is None:
                self._pool = analysis_pool(self.jobs)
                self.workers_started = self.jobs
            try:
                future = self._pool.submit(_lemmatize_in_worker, texts)
            except BrokenProcessPool as error:
                raise _worker_lost() from error
            return PendingBatch(questions, future)
        started = time.process_time()
        analyses = list(self.lemmatizer.analyze(texts, n_process=self.n_process))
        self.inline_cpu += time.process_time() - started
        return PendingBatch(questions, analyses)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def analyze(
        self, pending: PendingBatch
    ) -> Iterator[tuple[Question, DocumentText, Enrichment, dict[str, Analysis]]]:
        questions = pending.questions
        result = pending.analyses
        if isinstance(result, list):
            analyses = iter(result)
        else:
            done, cpu = _worker_result(result)
            self.worker_cpu += cpu
            analyses = iter(done)
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


def _worker_result(
    future: Future[tuple[list[Analysis], float]],
) -> tuple[list[Analysis], float]:
    try:
        return future.result()
    except BrokenProcessPool as error:
        raise _worker_lost() from error


def _worker_lost() -> WorkerLostError:
    # The pool is broken for good: every batch still in it is lost, and this run with it.
    return WorkerLostError(
        "a lemmatizer worker process of the ingest stopped (killed, or out of memory: each "
        "worker holds a spaCy model, some 400 MB); the index is as its last commit left it. "
        "Run the ingest again (with fewer --jobs if memory ran short)."
    )


def _reference_dict(reference: Reference) -> dict[str, Any]:
    return {
        "number": reference.number,
        "session": reference.session,
        "kind": reference.kind,
        "text": reference.text,
        "date": reference.date.isoformat() if reference.date else None,
    }
