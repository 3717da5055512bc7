"""One name per competence, whatever spelling a minister's title used for it.

Titles change with every reshuffle and every clerk: "l'Urbanisme", "Urbanisme", "de
l'urbanisme", "Energie" and "Énergie" are the same portfolio. The key of a portfolio is its
folded words without a leading article; the first spelling met for a key becomes its display
name, remembered in the index so it stays the same across ingests.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from pqsearch.analyze.fold import fold
from pqsearch.analyze.lexicon import Lexicon

_LEADING_ARTICLE = re.compile(
    r"^(?:(?:de|du|des|d')\s*)?(?:(?:la|le|les|l')\s*)?", flags=re.IGNORECASE
)
_META_KEY = "portfolio_names"


def strip_article(name: str) -> str:
    """ "de l'Urbanisme" -> "Urbanisme"; "la Propreté publique" -> "Propreté publique"."""
    cleaned = " ".join(name.replace("’", "'").split()).strip(" ,;.")
    stripped = _LEADING_ARTICLE.sub("", cleaned, count=1).strip()
    return stripped or cleaned


def portfolio_key(name: str) -> str:
    return " ".join(fold(strip_article(name)).replace("'", " ").split())


def display_name(name: str) -> str:
    stripped = strip_article(name)
    return stripped[:1].upper() + stripped[1:]


class PortfolioNames:
    """The display name of each portfolio key, kept in the index's lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._names: dict[str, str] = json.loads(lexicon.get_meta(_META_KEY) or "{}")

    def canonical(self, names: Iterable[str]) -> tuple[str, ...]:
        """The display names of `names`, in order, each once."""
        result: list[str] = []
        changed = False
        for name in names:
            key = portfolio_key(name)
            if not key:
                continue
            if key not in self._names:
                self._names[key] = display_name(name)
                changed = True
            if self._names[key] not in result:
                result.append(self._names[key])
        if changed:
            self._lexicon.set_meta(_META_KEY, json.dumps(self._names, ensure_ascii=False))
        return tuple(result)
