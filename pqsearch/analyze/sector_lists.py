"""Sectors named as a list, not discussed: a sentence that names several ("TIC, santé et
sécurité", the themes of a programme, a table row) or a run of short list lines that does.

Their sentences are evidence that the sectors are mentioned, never that they are topics:
`drop_lists` takes them out of the sentences `sectors.SectorDetector` measures prominence on.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from pqsearch.analyze.segments import PartText

__all__ = ["LIST_SECTORS", "SHORT_ITEM", "drop_lists"]

# Sectors named in one sentence from which it reads as a list rather than a discussion: three
# ("TIC, santé et sécurité"), since cross-validated on dev four let lists through (precision
# 0.888 -> 0.897, recall 0.884 -> 0.882).
LIST_SECTORS = 3

# Bullets, numbered items and table rows of a few words each (at most this many lemmas: "le
# tourisme", "la santé publique", "CEFA | 5 | 5"): a run of two or more is one list, read like
# a sentence for `LIST_SECTORS`, so "Thèmes du projet :\n- TIC\n- santé\n- sécurité" is a
# list as "TIC, santé et sécurité" is. An item of five words or more ("Combien de patients
# ont été soignés aux urgences ?") is a passage of its own. No dev document has such a list
# naming three sectors (cross-validated F1 unchanged at 3 and 6 lemmas); any short line, not
# only items, was tried and would also join a short question that follows a list.
SHORT_ITEM = 3


def drop_lists(
    read: Mapping[str, PartText], sentences: Mapping[str, Mapping[str, set[int]]]
) -> None:
    """Remove from `sentences` ({sector: {part: sentence numbers with evidence}}) every
    sentence, or run of short list lines, of `read`'s parts that holds `LIST_SECTORS` sectors
    or more."""
    for part, text in read.items():
        unit = _list_units(text)
        by_unit: defaultdict[int, list[tuple[str, int]]] = defaultdict(list)
        for sector_id, by_part in sentences.items():
            for number in by_part.get(part, ()):
                by_unit[unit.get(number, number)].append((sector_id, number))
        for held in by_unit.values():
            if len({sector_id for sector_id, _ in held}) >= LIST_SECTORS:
                for sector_id, number in held:
                    sentences[sector_id][part].discard(number)


def _list_units(text: PartText) -> dict[int, int]:
    """Each sentence of a run of short lines of a list (bullets, numbered items, table rows
    of at most `SHORT_ITEM` lemmas, two or more in a row) -> the run's first sentence."""
    lengths = Counter(text.sentence)
    units: dict[int, int] = {}
    run: list[int] = []
    # The sentences, then -1 to close the last run.
    for number in [*range(text.sentences), -1]:
        if number in text.items and lengths[number] <= SHORT_ITEM:
            run.append(number)
            continue
        if len(run) >= 2:
            units.update({member: run[0] for member in run})
        run = []
    return units
