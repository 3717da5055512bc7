"""Dutch words as the index and the query see them: folded, stopwords dropped, stemmed.

The Brussels records carry a Dutch title (`title_nl`) and the federal Chamber publishes whole
questions in Dutch; spaCy's French model would lemmatize Dutch as nonsense, so Dutch text is
searched by Snowball's Dutch stemmer over the folded words instead ("fietsboxen" and
"fietsbox" both become "fietsbox"). No spaCy: the query path imports this module.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from whoosh.lang import stemmer_for_language, stopwords_for_language

from pqsearch.analyze.fold import fold, surface_tokens

LANGUAGE = "nl"


@functools.cache
def _stemmer() -> Callable[[str], str]:
    stem: Callable[[str], str] = stemmer_for_language(LANGUAGE)
    return stem


@functools.cache
def dutch_stopwords() -> frozenset[str]:
    """Snowball's Dutch stopwords, folded ("de", "het", "voor", ...)."""
    return frozenset(fold(word) for word in stopwords_for_language(LANGUAGE))


@functools.cache
def dutch_stem(form: str) -> str:
    """The Dutch stem of one folded word ("" for a Dutch stopword)."""
    if form in dutch_stopwords():
        return ""
    return _stemmer()(form)


def dutch_stems(text: str) -> list[str]:
    """The stems of the content words of a Dutch `text`, in order."""
    return [stem for form in surface_tokens(text) if (stem := dutch_stem(form))]
