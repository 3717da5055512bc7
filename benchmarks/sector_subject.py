"""A learned model of the question's subject, as a candidate feature of the topic model.

What a question is about, as the labellers decided, read from the words of its title and of its
question's items (the lines of its list: what it asks): one logistic score per sector over the
lemmas there ("t:" title, "i:" item), each document's words weighing 1 / sqrt(their number),
words of fewer than `MIN_DOCUMENTS` fitted documents left out, an L2 penalty `PENALTY`. With
about 500 documents and 3,000 words it is fitted in its dual (the weights are a combination of
the documents), by Newton's method on a 500 x 500 system per sector.

The topic model then takes the subject model's probability for the sector as an eighth feature
beside the seven of `Prominence.features`. For the questions the topic model is fitted on, the
subject probability comes from subject models fitted on the other two thirds of them (by
question), so that the topic model does not learn to trust a score that saw its own labels; for
the documents measured, from the subject model fitted on all the fitted documents.
benchmarks/sector_lobo.py --subject measures it by leaving one battery out (`Settings`: other
penalties, the words of the whole question). With about 1,000 dev documents (twenty-first
session) a fit of the 21 sectors takes about 1.3 s of CPU with one BLAS thread (run with
OMP_NUM_THREADS=1 on a shared machine), the whole measure under 3 minutes; penalty 0.3 carried
there (BENCHMARKS.md, s21-sectors).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from benchmarks.sector_cv import THRESHOLDS, Counts, probability
from benchmarks.sector_quality import Label, Reading, fit
from pqsearch.analyze.segments import PartText

SECTORS = tuple("ABCDEFGHIJKLMNOPQRSTU")
# Chosen by leaving one battery out (sector_lobo.py --subject), among penalties 0.3, 1 and 3,
# 3 and 5 documents, words of title and items, of title and question, with the answer's:
# none of the others did better on both the pooled figure and the Brussels-style probes.
PENALTY = 1.0
MIN_DOCUMENTS = 3
# The intercept's column: large, so that the penalty hardly touches it.
BIAS = 3.0
INNER_FOLDS = 3

Parts = Mapping[str, PartText]
# Per sector: the intercept, then a weight per word (`SubjectModel.words` gives the column).
SubjectModel = tuple[dict[str, int], np.ndarray]


@dataclass(frozen=True)
class Settings:
    """A configuration of the subject model: its L2 penalty, and whether it reads every
    sentence of the question ("q:") rather than its items alone."""

    penalty: float = PENALTY
    whole_question: bool = False


def subject_words(parts: Parts, settings: Settings = Settings()) -> frozenset[str]:
    """The words of the title, and of the question's items (or of all its sentences), marked by
    where they stand."""
    words = {f"t:{lemma}" for lemma in parts["title"].lemmas}
    question = parts["question"]
    if settings.whole_question:
        return frozenset(words | {f"q:{lemma}" for lemma in question.lemmas})
    words |= {
        f"i:{lemma}"
        for lemma, sentence in zip(question.lemmas, question.sentence, strict=True)
        if sentence in question.items
    }
    return frozenset(words)


def fit_subject(
    docs: Sequence[str],
    documents: Mapping[str, Parts],
    labels: Mapping[str, Label],
    weight: Mapping[str, float],
    settings: Settings = Settings(),
) -> SubjectModel:
    """One L2-penalised logistic model per sector of `SECTORS`, on `docs`."""
    words = {doc: subject_words(documents[doc], settings) for doc in docs}
    seen = Counter(word for doc in docs for word in words[doc])
    column = {
        word: n + 1
        for n, word in enumerate(sorted(w for w, c in seen.items() if c >= MIN_DOCUMENTS))
    }
    x = np.zeros((len(docs), len(column) + 1))
    x[:, 0] = BIAS
    for row, doc in enumerate(docs):
        columns = [column[w] for w in words[doc] if w in column]
        x[row, columns] = 1.0 / math.sqrt(max(len(columns), 1))
    kernel = x @ x.T
    sample = np.array([weight[doc] for doc in docs])
    identity = np.eye(len(docs))
    weights = np.zeros((len(column) + 1, len(SECTORS)))
    for j, sector in enumerate(SECTORS):
        y = np.array([1.0 if sector in labels[doc].sectors else 0.0 for doc in docs])
        dual = np.zeros(len(docs))
        for _ in range(25):
            p = 1.0 / (1.0 + np.exp(-np.clip(kernel @ dual, -30, 30)))
            gradient = sample * (p - y) + settings.penalty * dual
            curvature = sample * p * (1 - p)
            step = np.linalg.solve(
                curvature[:, None] * kernel + settings.penalty * identity, gradient
            )
            dual -= step
            if np.abs(step).max() < 1e-4:
                break
        weights[:, j] = x.T @ dual
    return column, weights


def subject_scores(
    model: SubjectModel,
    docs: Sequence[str],
    documents: Mapping[str, Parts],
    settings: Settings = Settings(),
) -> dict[str, dict[str, float]]:
    """The subject probability of every sector of `SECTORS` in each of `docs`."""
    column, weights = model
    scores = {}
    for doc in docs:
        columns = [column[w] for w in subject_words(documents[doc], settings) if w in column]
        z = weights[0] * BIAS
        if columns:
            z = z + weights[columns].sum(axis=0) / math.sqrt(len(columns))
        scores[doc] = {s: 1.0 / (1.0 + math.exp(-v)) for s, v in zip(SECTORS, z, strict=True)}
    return scores


def cross_fitted(
    docs: Sequence[str],
    documents: Mapping[str, Parts],
    labels: Mapping[str, Label],
    weight: Mapping[str, float],
    groups: Mapping[str, str],
    settings: Settings = Settings(),
) -> dict[str, dict[str, float]]:
    """The subject probabilities of `docs`, each from a model fitted on the other folds (by
    question, `INNER_FOLDS` of them)."""
    questions = sorted({groups.get(d, d) for d in docs})
    random.Random(0).shuffle(questions)
    scores: dict[str, dict[str, float]] = {}
    for k in range(INNER_FOLDS):
        held_questions = set(questions[k::INNER_FOLDS])
        held = [d for d in docs if groups.get(d, d) in held_questions]
        kept = [d for d in docs if groups.get(d, d) not in held_questions]
        model = fit_subject(kept, documents, labels, weight, settings)
        scores.update(subject_scores(model, held, documents, settings))
    return scores


def subject_model(
    labels: Mapping[str, Label],
    found: Mapping[str, Reading],
    documents: Mapping[str, Parts],
    groups: Mapping[str, str],
    copies: Mapping[str, int],
    *,
    l2: float,
    beta: float,
    settings: Settings = Settings(),
) -> Callable[[Sequence[str], Sequence[str]], dict[str, frozenset[str]]]:
    """The topic model with the subject probability as an eighth feature, both refitted on the
    documents kept; the threshold chosen on them for F-beta, as `sector_cv.train` does."""
    weight = {doc: 1.0 / copies.get(doc, 1) for doc in labels}

    def decide(kept: Sequence[str], held: Sequence[str]) -> dict[str, frozenset[str]]:
        subject = cross_fitted(kept, documents, labels, weight, groups, settings)
        model = fit_subject(kept, documents, labels, weight, settings)
        subject.update(subject_scores(model, held, documents, settings))
        data = [
            ((*p.features(), subject[doc][s]), s in labels[doc].sectors)
            for doc in kept
            for s, p in found[doc].prominences.items()
        ]
        sample = [weight[doc] for doc in kept for _ in found[doc].prominences]
        coefficients = fit(data, l2=l2, sample=sample)

        def topics(doc: str, threshold: float) -> frozenset[str]:
            return frozenset(
                s
                for s, p in found[doc].prominences.items()
                if probability(coefficients, (*p.features(), subject[doc][s])) >= threshold
            )

        def f_beta(threshold: float) -> float:
            total = Counts()
            for doc in kept:
                gold, found_topics = labels[doc].sectors, topics(doc, threshold)
                total += (
                    Counts(
                        len(found_topics & gold), len(found_topics - gold), len(gold - found_topics)
                    )
                    * weight[doc]
                )
            return total.f(beta)

        threshold = max(THRESHOLDS, key=f_beta)
        return {doc: topics(doc, threshold) for doc in held}

    return decide
