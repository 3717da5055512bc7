"""What an unknown sector filter is answered with: the sectors' names, and the closest ones.

A sector filter takes an id, a label in any language or an alias (`Taxonomy.find`). Typed
otherwise ("helth", "sant", "Santé humaine", the NACE code "Q86"), it is refused with every
sector's names and, where one is near, a "did you mean" (s20: E6 answered with the ids A…U).
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from pqsearch.analyze.fold import fold
from pqsearch.errors import UnknownSectorError

# At most this many sectors are offered.
MAX_SUGGESTIONS = 3
# A NACE division, group or class ("Q86", "f41.2"): its section is the letter.
_NACE_CODE = re.compile(r"([a-z])\s*[0-9][0-9.]*")
# difflib's ratio from which a name is near what was typed ("helth" / "health": 0.91).
_NEAR = 0.8


def unknown_sector(taxonomy: Any, typed: str) -> UnknownSectorError:
    """The error for `typed`, which names no sector of `taxonomy`."""
    labels = {str(s.id): dict(s.labels) for s in taxonomy.sectors}
    return UnknownSectorError(typed, labels, closest_sectors(taxonomy, typed))


def closest_sectors(taxonomy: Any, typed: str) -> tuple[str, ...]:
    """The ids of the sectors whose name is nearest `typed`: a NACE code's section, names
    it starts (three letters at least) or whose words it starts, then names within a typo."""
    key = _key(typed)
    if not key:
        return ()
    ids = {_key(str(s.id)): str(s.id) for s in taxonomy.sectors}
    code = _NACE_CODE.fullmatch(key)
    if code is not None and code[1] in ids:
        return (ids[code[1]],)
    names = {
        _key(name): str(sector.id)
        for sector in taxonomy.sectors
        for name in sector.names
        if len(_key(name)) > 1
    }
    found: list[str] = []
    if len(key) >= 3:
        found += [sector for name, sector in names.items() if _starts(name, key)]
    found += [names[n] for n in difflib.get_close_matches(key, list(names), n=9, cutoff=_NEAR)]
    return tuple(dict.fromkeys(found))[:MAX_SUGGESTIONS]


def _starts(name: str, key: str) -> bool:
    """True when `key` starts `name`, or each of its words starts a word of `name` in order."""
    if name.startswith(key):
        return True
    words, typed = name.split(), key.split()
    return (
        len(typed) > 1
        and len(typed) <= len(words)
        and all(word.startswith(part) for word, part in zip(words, typed, strict=False))
    )


def _key(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9.]+", " ", fold(name)).split())


__all__ = ["MAX_SUGGESTIONS", "closest_sectors", "unknown_sector"]
