"""What ingest adds to a parsed record before writing it: lemmas, answer type, sectors,
references and portfolios.

spaCy is loaded once per process (`shared_lemmatizer`) and on the first batch only; past
`WORKER_AFTER_DOCUMENTS` documents in one run the records are analysed in `jobs` worker
processes (`index.worker`): lemmas, surface words, answer type, sectors and references
(`analyze_questions`), so that this work runs on the other cores while the ingest parses
and writes on one. Only the portfolios' canonical names, which the index's lexicon gives,
are added here. Batches go to whichever worker is free, and come back in the order they
were sent (`PendingBatch`s are read first in, first out), so the index is the same
whatever `jobs`.

The CPU each side spends is counted (`CpuUse`): the main process's share per document is
the ceiling on what more workers can give.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
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
# Files to read past this many bytes (some hundreds of records, or of pages) make a large
# ingest from the first batch: the first documents are not analysed one core at a time
# (256 of them are some 15 s of spaCy), and this process never loads spaCy.
WORKERS_AT_ONCE_BYTES = 4_000_000


@dataclass(frozen=True)
class Analyzed:
    """What analysis gives one record: its parts' analyses, its parts' surface words, and
    its enrichment (portfolios aside: the index's lexicon names them)."""

    parts: dict[str, Analysis]
    words: dict[str, Sequence[str]]
    enrichment: Enrichment


@dataclass
class PendingBatch:
    """A batch of questions and its analyses, ready or still being computed by a worker."""

    questions: Sequence[Question]
    analyses: list[Analyzed] | Future[tuple[list[Analyzed], float]]


def analyze_questions(
    lemmatizer: Lemmatizer,
    detector: SectorDetector,
    questions: Sequence[Question],
    n_process: int | None = None,
) -> list[Analyzed]:
    """Lemmatize and enrich a batch of records (in a worker, or in the ingest's process)."""
    texts = [getattr(q, part) or "" for q in questions for part in TEXT_PARTS]
    analyses = iter(list(lemmatizer.analyze(texts, n_process=n_process)))
    done = []
    for question in questions:
        parts = {part: next(analyses) for part in TEXT_PARTS}
        words: dict[str, Sequence[str]] = {
            part: surface_tokens(getattr(question, part) or "") for part in TEXT_PARTS
        }
        done.append(Analyzed(parts, words, enrich(detector, question, parts)))
    return done


def enrich(
    detector: SectorDetector, question: Question, analyses: Mapping[str, Analysis]
) -> Enrichment:
    answer_type = classify_answer(question)
    mentions = detector.score(
        {part: read_part(getattr(question, part) or "", a) for part, a in analyses.items()}
    )
    references = [_reference_dict(r) for r in question_references(question)]
    return Enrichment(
        answer_type=answer_type.type,
        answer_type_evidence=answer_type.evidence,
        sectors=tuple(m.to_dict() for m in mentions),
        references=tuple(references),
        portfolios=(),
    )


# A worker's sector detector, by taxonomy fingerprint: built once per worker (its terms are
# lemmatized by spaCy, seconds).
_DETECTORS: dict[str, SectorDetector] = {}


def _prepare_worker(taxonomy: Taxonomy) -> SectorDetector:
    """This worker's sector detector for `taxonomy`, built with spaCy loaded the first time."""
    detector = _DETECTORS.get(taxonomy.fingerprint)
    if detector is None:
        detector = _DETECTORS[taxonomy.fingerprint] = SectorDetector(
            taxonomy, shared_lemmatizer().lemmatize_terms
        )
    return detector


def _warm_worker(taxonomy: Taxonomy) -> None:
    """Load spaCy and build the detector before the first batch (nothing sent back)."""
    _prepare_worker(taxonomy)


def _analyze_in_worker(
    questions: list[Question], taxonomy: Taxonomy
) -> tuple[list[Analyzed], float]:
    """The analyses and the CPU seconds they took in this worker (the model's load and the
    detector's construction aside)."""
    lemmatizer = shared_lemmatizer()
    detector = _prepare_worker(taxonomy)
    started = time.process_time()
    done = analyze_questions(lemmatizer, detector, questions)
    return done, time.process_time() - started


class Analyzer:
    """Everything ingest adds to a parsed record; spaCy is loaded on the first batch analysed
    in this process only."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        n_process: int | None,
        portfolios: PortfolioNames,
        jobs: int = 1,
        input_bytes: int = 0,
        *,
        warm: bool = False,
    ):
        self.n_process = n_process
        self.jobs = jobs
        self.at_once = False
        # CPU seconds of lemmatization: in this process (the first batches) and in workers.
        self.inline_cpu = 0.0
        self.worker_cpu = 0.0
        self.workers_started = 0
        self.taxonomy = taxonomy
        self.portfolios = portfolios
        self._detector: SectorDetector | None = None
        self._submitted = 0
        self._pool: ProcessPoolExecutor | None = None
        # Whether to start the workers before the first batch (`expect`): for a new index,
        # where every document read is analysed; an update may find nothing new, and would
        # then wait at its end for workers loading spaCy for nothing.
        self.warm = warm
        self.expect(input_bytes)

    def expect(self, input_bytes: int) -> None:
        """Files of `input_bytes` are to be read: a large ingest analyses in workers from the
        first batch, and a new index starts them now, so that they load spaCy and build their
        sector detector while this process parses (the first batch waited seconds for them)."""
        if input_bytes > WORKERS_AT_ONCE_BYTES:
            self.at_once = True
            if self.warm:
                self._start_pool()

    def _start_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = analysis_pool(self.jobs)
            self.workers_started = self.jobs
            for _ in range(self.jobs):  # each free worker takes one
                self._pool.submit(_warm_worker, self.taxonomy)
        return self._pool

    @property
    def lemmatizer(self) -> Lemmatizer:
        return shared_lemmatizer()

    @property
    def detector(self) -> SectorDetector:
        if self._detector is None:
            self._detector = SectorDetector(self.taxonomy, self.lemmatizer.lemmatize_terms)
        return self._detector

    def submit(self, questions: Sequence[Question]) -> PendingBatch:
        """Start analysing a batch: in a worker process once the ingest is large, so that
        spaCy and the enrichment run on other cores while this process parses and writes."""
        self._submitted += len(questions)
        if self.at_once or self._submitted > WORKER_AFTER_DOCUMENTS:
            try:
                pool = self._start_pool()
                future = pool.submit(_analyze_in_worker, list(questions), self.taxonomy)
            except BrokenProcessPool as error:
                raise _worker_lost() from error
            return PendingBatch(questions, future)
        detector = self.detector
        started = time.process_time()
        analyses = analyze_questions(self.lemmatizer, detector, questions, self.n_process)
        self.inline_cpu += time.process_time() - started
        return PendingBatch(questions, analyses)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def analyze(
        self, pending: PendingBatch
    ) -> Iterator[tuple[Question, DocumentText, Enrichment, dict[str, Analysis]]]:
        result = pending.analyses
        if isinstance(result, list):
            done = result
        else:
            done, cpu = _worker_result(result)
            self.worker_cpu += cpu
        for question, analyzed in zip(pending.questions, done, strict=True):
            text = DocumentText(
                lemmas={part: a.lemmas for part, a in analyzed.parts.items()},
                words=analyzed.words,
            )
            enrichment = replace(
                analyzed.enrichment, portfolios=self.portfolios.canonical(question.portfolios)
            )
            yield question, text, enrichment, analyzed.parts


def _worker_result(
    future: Future[tuple[list[Analyzed], float]],
) -> tuple[list[Analyzed], float]:
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
