"""The thesaurus: terms of public administration that name the same thing.

The shipped one is `pqsearch/data/thesaurus.toml`; a user extends it with a file of the same
format named by the environment variable `PQSEARCH_THESAURUS`. A term is matched against
the folded form and lemmas of one typed word (a one-word term: "bicyclette" typed finds the
group of "vélo") and searched as the lemmas of its words, all required ("demandeur
d'emploi" -> demandeur AND emploi).
"""

from __future__ import annotations

import functools
import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

from pqsearch.analyze.fold import surface_tokens
from pqsearch.errors import ThesaurusError

USER_FILE_VARIABLE = "PQSEARCH_THESAURUS"
Origin = Literal["thesaurus", "user file", "corpus acronym"]


@dataclass(frozen=True)
class Term:
    """One term of a group: as written, and its folded words."""

    text: str
    words: tuple[str, ...]
    origin: Origin


class Thesaurus:
    """Groups of equivalent terms, looked up by a one-word term's folded word."""

    def __init__(self, groups: list[list[Term]]) -> None:
        self.groups = groups
        self._by_word: dict[str, list[int]] = {}
        for number, group in enumerate(groups):
            for term in group:
                if len(term.words) == 1:
                    self._by_word.setdefault(term.words[0], []).append(number)

    def equivalents(self, keys: set[str]) -> list[Term]:
        """The other terms of every group holding a one-word term among `keys`."""
        found: dict[tuple[str, ...], Term] = {}
        for key in sorted(keys):
            for number in self._by_word.get(key, ()):
                for term in self.groups[number]:
                    if not (len(term.words) == 1 and term.words[0] in keys):
                        found.setdefault(term.words, term)
        return list(found.values())


def _read(path: Path, origin: Origin) -> list[list[Term]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ThesaurusError(
            f"The thesaurus {path} cannot be read ({error}). Fix the file, or unset "
            f"{USER_FILE_VARIABLE} to search without it."
        ) from error
    groups = data.get("group", [])
    if not isinstance(groups, list) or not all(
        isinstance(g, dict) and isinstance(g.get("terms"), list) for g in groups
    ):
        raise ThesaurusError(
            f'The thesaurus {path} must hold [[group]] tables, each with terms = ["...", ...] '
            "(see pqsearch/data/thesaurus.toml)."
        )
    read: list[list[Term]] = []
    for group in groups:
        terms = [Term(str(t), tuple(surface_tokens(str(t))), origin) for t in group["terms"]]
        read.append([t for t in terms if t.words])
    return read


@functools.cache
def _shipped() -> tuple[list[Term], ...]:
    path = Path(str(resources.files("pqsearch") / "data" / "thesaurus.toml"))
    return tuple(_read(path, "thesaurus"))


@functools.cache
def _cached(user_file: str | None, modified: float | None) -> Thesaurus:
    groups = list(_shipped())
    if user_file:
        groups.extend(_read(Path(user_file), "user file"))
    return Thesaurus(groups)


def thesaurus() -> Thesaurus:
    """The shipped thesaurus with the user's file (`PQSEARCH_THESAURUS`), read again when
    that file changes."""
    user_file = os.environ.get(USER_FILE_VARIABLE) or None
    modified = None
    if user_file:
        try:
            modified = Path(user_file).stat().st_mtime
        except OSError as error:
            raise ThesaurusError(
                f"{USER_FILE_VARIABLE} names {user_file}, which cannot be read ({error}). "
                "Point it at a thesaurus file or unset it."
            ) from error
    return _cached(user_file, modified)
