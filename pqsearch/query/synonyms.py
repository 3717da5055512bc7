"""The thesaurus: terms of public administration that name the same thing.

The shipped one is `pqsearch/data/thesaurus.toml`; a user extends it with a file of the same
format named by the environment variable `PQSEARCH_THESAURUS`. A term is matched against
the folded form and lemmas of one typed word (a one-word term: "bicyclette" typed finds the
group of "vélo") and searched as the lemmas of its words, all required ("demandeur
d'emploi" -> demandeur AND emploi).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

from pqsearch.analyze.fold import surface_tokens, surface_tokens_of
from pqsearch.errors import ThesaurusError
from pqsearch.index import durable

USER_FILE_VARIABLE = "PQSEARCH_THESAURUS"
# The shipped thesaurus' groups as JSON, saved in an index's data folder (`saved_groups`).
SAVED_FILE = "thesaurus.json"
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
    return _terms(_groups_of(path, _bytes_of(path)), origin)


def _unreadable(path: Path, error: Exception) -> ThesaurusError:
    return ThesaurusError(
        f"The thesaurus {path} cannot be read ({error}). Fix the file, or unset "
        f"{USER_FILE_VARIABLE} to search without it."
    )


def _bytes_of(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise _unreadable(path, error) from error


def _groups_of(path: Path, data: bytes) -> list[list[str]]:
    """The terms of each group of the thesaurus file `path`, whose bytes are `data`."""
    # Imported here: a search reads the shipped groups from the file saved in its index.
    import tomllib

    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise _unreadable(path, error) from error
    groups = parsed.get("group", [])
    if not isinstance(groups, list) or not all(
        isinstance(g, dict) and isinstance(g.get("terms"), list) for g in groups
    ):
        raise ThesaurusError(
            f'The thesaurus {path} must hold [[group]] tables, each with terms = ["...", ...] '
            "(see pqsearch/data/thesaurus.toml)."
        )
    return [[str(t) for t in group["terms"]] for group in groups]


def _terms(groups: list[list[str]], origin: Origin) -> list[list[Term]]:
    # Tokenized together; a term with a line break (none in a TOML string of one line, but
    # a user's file may hold one) one by one.
    flat = [t for group in groups for t in group if "\n" not in t]
    tokens = dict(zip(flat, surface_tokens_of(flat), strict=True))
    read: list[list[Term]] = []
    for group in groups:
        terms = [Term(t, tuple(tokens.get(t) or surface_tokens(t)), origin) for t in group]
        read.append([t for t in terms if t.words])
    return read


def saved_groups(source: Path, saved: Path | None) -> list[list[str]]:
    """The groups of the thesaurus file `source`: read from `saved` (JSON) when that was made
    from the same bytes, else parsed (then saved there, best effort).

    Parsing the shipped TOML took about 4 % of a search from a fresh process (the terminal's
    every search). `saved` holds the SHA-256 of the bytes it was made from and one of its own
    groups: made from another thesaurus, or damaged, it is made again; a folder that cannot
    be written to parses the TOML at each fresh search, as before.
    """
    data = _bytes_of(source)
    if saved is None:
        return _groups_of(source, data)
    digest = hashlib.sha256(data).hexdigest()
    found = _read_saved(saved, digest)
    if found is None:
        found = _groups_of(source, data)
        content = {"thesaurus": digest, "groups_sha256": _digest_of(found), "groups": found}
        durable.write_quietly(saved, json.dumps(content, ensure_ascii=False))
    return found


def _digest_of(groups: list[list[str]]) -> str:
    return hashlib.sha256(json.dumps(groups, ensure_ascii=False).encode()).hexdigest()


def _read_saved(path: Path, digest: str) -> list[list[str]] | None:
    try:
        content = json.loads(path.read_bytes())
        groups = content["groups"]
        if content["thesaurus"] != digest or content["groups_sha256"] != _digest_of(groups):
            return None
        if not all(isinstance(g, list) and all(isinstance(t, str) for t in g) for g in groups):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return [list(g) for g in groups]


@functools.cache
def _shipped(saved_in: Path | None) -> tuple[list[Term], ...]:
    path = Path(str(resources.files("pqsearch") / "data" / "thesaurus.toml"))
    groups = saved_groups(path, saved_in / SAVED_FILE if saved_in else None)
    return tuple(_terms(groups, "thesaurus"))


@functools.cache
def _cached(user_file: str | None, modified: float | None, saved_in: Path | None) -> Thesaurus:
    groups = list(_shipped(saved_in))
    if user_file:
        groups.extend(_read(Path(user_file), "user file"))
    return Thesaurus(groups)


def thesaurus(saved_in: Path | None = None) -> Thesaurus:
    """The shipped thesaurus with the user's file (`PQSEARCH_THESAURUS`), read again when
    that file changes; with `saved_in` (an index's data folder) the shipped one is read from
    the JSON saved there (`saved_groups`)."""
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
    return _cached(user_file, modified, saved_in)
