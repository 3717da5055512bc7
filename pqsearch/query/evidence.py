"""Where a document's sector evidence sits in its text: spans to mark, as highlights do.

Sectors were found at ingest on lemma sequences without stopwords ("transport de
marchandises" is the lemmas `transport marchandise`). The same rule finds them again in the
original text without spaCy: the text's content words, each matching a term's word when its
folded form is that word or the lexicon gives them a lemma in common, in the term's order
with only stopwords between them.
"""

from __future__ import annotations

from collections.abc import Iterable

from pqsearch.analyze.fold import fold, iter_words
from pqsearch.analyze.lexicon import Lexicon
from pqsearch.query.highlight import MAX_SCAN_CHARS

Span = tuple[int, int]


def _content_words(lexicon: Lexicon, text: str) -> list[tuple[str, int, int]]:
    words = ((fold(word), start, end) for word, start, end in iter_words(text))
    return [(form, start, end) for form, start, end in words if not lexicon.is_stopword(form)]


def evidence_spans(lexicon: Lexicon, text: str, terms: Iterable[str]) -> tuple[Span, ...]:
    """The (start, end) offsets in `text` of every occurrence of the sector `terms`."""
    words = _content_words(lexicon, text[:MAX_SCAN_CHARS])
    spans: set[Span] = set()
    for term in set(terms):
        wanted = [(form, lexicon.expand(form)) for form, _, _ in _content_words(lexicon, term)]
        if not wanted:
            continue
        for first in range(len(words) - len(wanted) + 1):
            window = words[first : first + len(wanted)]
            if all(
                form == target or lexicon.expand(form) & lemmas
                for (form, _, _), (target, lemmas) in zip(window, wanted, strict=True)
            ):
                spans.add((window[0][1], window[-1][2]))
    return _merged(sorted(spans))


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)
