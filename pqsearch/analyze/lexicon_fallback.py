"""The lexicon's context-free fallback table: simplemma's French (form, lemma) pairs, folded,
for the forms the corpus never showed (see `lexicon.py`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from functools import cache

from pqsearch.analyze.fold import fold

# The meta key saying which table filled the fallback (absent: not filled yet).
FALLBACK_META = "fallback"


def fill_fallback(connection: sqlite3.Connection) -> None:
    """Fill the fallback table of a new lexicon and record which table it came from."""
    import simplemma

    with connection:
        connection.executemany("INSERT OR IGNORE INTO fallback VALUES (?, ?)", _fallback_pairs())
        connection.execute(
            "INSERT INTO meta VALUES (?, ?)",
            (FALLBACK_META, f"simplemma {simplemma.__version__} fr"),
        )


@cache
def _fallback_pairs() -> tuple[tuple[str, str], ...]:
    """simplemma's French (form, lemma) pairs, folded: once per process, since folding its
    250,000 entries costs seconds and every new index's lexicon holds them."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    table = DefaultDictionaryFactory().get_dictionary("fr")
    return tuple(_folded_pairs(table.items()))


def _folded_pairs(entries: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    for form, lemma in entries:
        key, folded = fold(form), fold(lemma)
        # Multi-word entries ("a priori") never match one query word. A form that is its
        # own lemma keeps its row (a sixth of the table, 1 MB of every index): it is how
        # `in_dictionary` knows "recharger" for a real word, whose family the stem level
        # may search, where a typo gets none.
        if key and folded and " " not in key and " " not in folded:
            yield key, folded
