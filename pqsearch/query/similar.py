"""Similar past questions: key lemmas of a text, weighted, searched against the lemma fields.

No spaCy on this path either: the words of the text are mapped to lemmas through the same
lexicon the query path uses (the lemmas the corpus gave each form), so a draft pasted in and
an indexed document are compared on the same terms. Key terms are weighted tf x idf over the
lemma fields; the ones a hit shares with the text are reported with it. Two documents whose
question texts share nearly all their lemmas are the same question (sent to two ministers).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from pqsearch.analyze.fold import fold, iter_words
from pqsearch.index.schema import LEMMA_FIELDS, TEXT_PARTS
from pqsearch.models import Hit, SearchResult
from pqsearch.query import tree as qt
from pqsearch.query.compile import Compiled
from pqsearch.query.search import Filters, QueryRunner

KEY_TERMS = 30
# Share of the smaller lemma set found in the other: above it, the same question.
SAME_QUESTION = 0.8


def lemma_bag(searcher: QueryRunner, text: str) -> Counter[str]:
    """The content lemmas of `text` with their counts, through the lexicon."""
    lexicon = searcher.index.lexicon
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
            bag[lemma] += count
    return bag


def key_terms(searcher: QueryRunner, bag: Counter[str], limit: int = KEY_TERMS) -> dict[str, float]:
    """The `limit` lemmas that best characterise the bag: tf x idf in the question field."""
    reader = searcher.index.reader
    total = max(searcher.index.doc_count, 1)
    weights: dict[str, float] = {}
    for lemma, count in bag.items():
        frequency = max(reader.doc_frequency(LEMMA_FIELDS[part], lemma) for part in TEXT_PARTS)
        if frequency == 0:
            continue
        weights[lemma] = (1 + math.log(count)) * math.log(1 + total / frequency)
    best = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return dict(best)


def similar(
    searcher: QueryRunner,
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
    bag = lemma_bag(searcher, text)
    terms = key_terms(searcher, bag)
    if not terms:
        return SearchResult(query=label, total=0, page=page, limit=limit, hits=())
    top = max(terms.values())
    subqueries = [
        qt.Term(LEMMA_FIELDS[part], lemma, boost=weight / top)
        for lemma, weight in terms.items()
        for part in ("title", "question")
    ]
    compiled = Compiled(query=qt.Or(tuple(subqueries)), lemmas=set(terms), has_text=True)
    result = searcher.run(
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
    )
    question_lemmas = set(bag)
    hits = tuple(_annotate(searcher, hit, terms, question_lemmas) for hit in result.hits)
    return replace(result, hits=hits)


def _annotate(searcher: QueryRunner, hit: Hit, terms: dict[str, float], lemmas: set[str]) -> Hit:
    record = searcher.index.record(searcher.index.docnum(hit.id))["question"]
    other = set(lemma_bag(searcher, f"{record['title']}\n{record['question']}"))
    shared = [t for t in terms if t in other]
    smaller = min(len(lemmas), len(other)) or 1
    same = len(lemmas & other) / smaller >= SAME_QUESTION
    display = [searcher.index.lexicon.display(t) or t for t in shared]
    return replace(hit, extra={**hit.extra, "shared_terms": display, "same_question": same})
