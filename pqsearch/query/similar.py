"""Similar past questions: key lemmas of a text, weighted, searched against the lemma fields.

No spaCy on this path either: the words of the text are mapped to lemmas through the same
lexicon the query path uses (the lemmas the corpus gave each form), so a draft pasted in and
an indexed document are compared on the same terms. Key terms are weighted tf x idf over the
lemma fields, leaving out words that carry no topic (`TOPICLESS`, and words found in a large
share of the questions); the ones a hit shares with the text are reported with it. A document
is similar when the key terms it holds carry at least `MIN_SIMILARITY` of the text's key-term
weight: below that it shares a word or two, not a subject. Two documents whose question texts
share nearly all their lemmas are the same question (sent to two ministers).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from pqsearch.analyze.fold import fold, iter_words
from pqsearch.index.schema import LEMMA_FIELDS, TEXT_PARTS
from pqsearch.models import Hit, SearchResult
from pqsearch.query import tree as qt
from pqsearch.query.compile import Compiled
from pqsearch.query.filters import check_text
from pqsearch.query.search import Filters, QueryRunner

KEY_TERMS = 30
# Share of the larger lemma set found in the other: above it, the same question.
SAME_QUESTION = 0.8
# The parts a text is compared with: what a question is about, not what its answer covers.
SIMILAR_PARTS = ("title", "question")
# Share of the text's key-term weight a document must hold to be similar. On the shipped
# corpus, the questions of one series (the neutrality questions sent to five ministers) hold
# 0.70 to 0.77 of each other's weight and the same question sent twice 0.92, while the best
# unrelated document holds at most 0.14 (0.21 before the topic-less words were dropped).
MIN_SIMILARITY = 0.25
# Lemmas that say nothing of a question's subject: the Region's name and the set phrases of
# parliamentary questions ("dans l'affirmative", "mettre en place"), and forms the lemmatizer
# misreads ("été" the season or the participle, "carburants" as a verb, "Brussel" in Dutch
# names).
TOPICLESS = frozenset(
    {
        "affirmatif",
        "affirmative",
        "brussel",
        "bruxelle",
        "bruxelles",
        "capital",
        "capitale",
        "carburer",
        "ete",
        "placer",
        "region",
        "regional",
        "ministre",
        "gouvernement",
        "question",
        "madame",
        "monsieur",
        "honorable",
        "membre",
    }
)
# A word met in more than this share of the questions carries no topic either; counted only
# in an index large enough for a share to mean something.
COMMON_SHARE = 0.25
COMMON_SHARE_FROM = 40


def lemma_bag(runner: QueryRunner, text: str) -> Counter[str]:
    """The content lemmas of `text` with their counts, through the lexicon."""
    lexicon = runner.index.lexicon
    forms = Counter(fold(word) for word, _, _ in iter_words(text))
    bag: Counter[str] = Counter()
    for form, count in forms.items():
        if not form or lexicon.is_stopword(form) or form.isdigit():
            continue
        lemmas = lexicon.expand(form)
        # "été" is both a noun and a form of "être": a form that can be a stopword says little.
        if any(lexicon.is_stopword(lemma) for lemma in lemmas):
            continue
        for lemma in lemmas:
            if lemma not in TOPICLESS:
                bag[lemma] += count
    return bag


def key_terms(runner: QueryRunner, bag: Counter[str], limit: int = KEY_TERMS) -> dict[str, float]:
    """The `limit` lemmas that best characterise the bag: tf x idf, with a lemma's document
    frequency taken as its highest in the lemma fields of the three text parts (title,
    question, answer); the search then looks for them in the title and question only."""
    reader = runner.index.reader
    total = max(runner.index.doc_count, 1)
    weights: dict[str, float] = {}
    common = total * COMMON_SHARE if total >= COMMON_SHARE_FROM else total
    for lemma, count in bag.items():
        frequency = max(reader.doc_frequency(LEMMA_FIELDS[part], lemma) for part in TEXT_PARTS)
        if frequency == 0 or frequency > common:
            continue
        weights[lemma] = (1 + math.log(count)) * math.log(1 + total / frequency)
    best = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return dict(best)


def similar(
    runner: QueryRunner,
    text: str,
    *,
    label: str,
    exclude: Sequence[str] = (),
    filters: Filters | None = None,
    facets: Sequence[str] | None = None,
    limit: int = 10,
    page: int = 1,
) -> SearchResult:
    """The indexed documents most like `text`, most similar first."""
    check_text("text", text)
    bag = lemma_bag(runner, text)
    terms = key_terms(runner, bag)
    if not terms:
        return SearchResult(query=label, total=0, page=page, limit=limit, hits=(), listed=0)
    top = max(terms.values())
    subqueries = [
        qt.Term(LEMMA_FIELDS[part], lemma, boost=weight / top)
        for lemma, weight in terms.items()
        for part in SIMILAR_PARTS
    ]
    compiled = Compiled(query=qt.Or(tuple(subqueries)), lemmas=set(terms), has_text=True)
    result = runner.run(
        compiled,
        query_text=label,
        filters=filters or Filters(),
        facets=facets,
        facet_top=10,
        sort="relevance",
        page=page,
        limit=limit,
        highlight=True,
        exclude=exclude,
        within=similar_documents(runner, terms),
    )
    question_lemmas = set(bag)
    hits = tuple(_annotate(runner, hit, terms, question_lemmas) for hit in result.hits)
    return replace(result, hits=hits)


def similar_documents(runner: QueryRunner, terms: dict[str, float]) -> npt.NDArray[np.int64]:
    """The documents holding key terms worth `MIN_SIMILARITY` of the terms' total weight."""
    held = np.zeros(runner.index.doc_count_all, dtype=np.float64)
    for lemma, weight in terms.items():
        parts = tuple(qt.Term(LEMMA_FIELDS[p], lemma) for p in SIMILAR_PARTS)
        held[runner.matched(qt.Or(parts))] += weight
    return np.flatnonzero(held >= MIN_SIMILARITY * sum(terms.values()))


def _annotate(runner: QueryRunner, hit: Hit, terms: dict[str, float], lemmas: set[str]) -> Hit:
    record = runner.index.record(runner.index.docnum(hit.id))["question"]
    other = set(lemma_bag(runner, f"{record['title']}\n{record['question']}"))
    shared = [t for t in terms if t in other]
    # Of the larger set: a short draft contained in a question is not that question.
    larger = max(len(lemmas), len(other)) or 1
    same = len(lemmas & other) / larger >= SAME_QUESTION
    display = [runner.index.lexicon.display(t) or t for t in shared]
    return replace(hit, extra=replace(hit.extra, shared_terms=tuple(display), same_question=same))
