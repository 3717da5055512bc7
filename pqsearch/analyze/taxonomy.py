"""Sector taxonomies as data: load a TOML file, check it, find a sector by any of its names.

Pure Python (no spaCy): the query path uses `Taxonomy.find` to read `--sector` values. The
packaged default is NACE Rev. 2 at section level (pqsearch/data/sectors_nace.toml, whose
header documents the format). Every problem in a file is reported as a `TaxonomyError` that
names the file, the line and what to change.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from pqsearch.analyze.fold import fold
from pqsearch.analyze.taxonomy_lines import SourceLines, toml_repr
from pqsearch.errors import TaxonomyError

DEFAULT_TAXONOMY = "sectors_nace.toml"
_GZIP_MAGIC = b"\x1f\x8b"
LABEL_LANGUAGES = ("fr", "nl", "en")

_TOP_KEYS = {"name": True, "version": True, "description": False, "sector": True}
_SECTOR_KEYS = {
    "id": True,
    "labels": True,
    "aliases": False,
    "terms": True,
    "exclusions": False,
    "senses": False,
    "generic": False,
    "frames": False,
    "employer": False,
}
_SENSE_KEYS = {"term": True, "unless": False, "needs": False}
_TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)\s*$")


@dataclass(frozen=True)
class Sense:
    """When an ambiguous term of a sector means the sector: not in a sentence that has one of
    `unless` ("énergie" beside "rénovation" is about buildings), and, when `needs` is given,
    only in a sentence that has one of them."""

    term: str
    unless: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sector:
    """One sector: its id ("F"), its names and the phrases that signal it in a text.

    `labels` maps "fr", "nl" and "en" to the sector's name; `terms` and `exclusions` are
    written as in running text and compared as lemmas by `SectorDetector`. `line` is where the
    sector starts in its file (0 when built in code).
    """

    id: str
    labels: Mapping[str, str] = field(hash=False)
    terms: tuple[str, ...]
    exclusions: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    line: int = field(default=0, compare=False)
    senses: tuple[Sense, ...] = ()
    # Terms that say how something is done rather than what it is about ("numérique",
    # "réseaux sociaux"): alone in a document they make the sector mentioned, not a topic.
    generic: tuple[str, ...] = ()
    # Phrases whose sentence is about this sector's own frame (a civil servant's sick leave
    # for O): the other sectors' terms in that sentence are only mentions.
    frames: tuple[str, ...] = ()
    # Phrases of an employer's side (its staff's sick leave, work accidents, board fees) that
    # are this sector's evidence only in a sentence that names a body of the gazetteer: a
    # public body's staff is its administration (O), a private firm's is labour law.
    employer: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The French name, the one pqsearch shows."""
        return self.labels["fr"]

    @property
    def names(self) -> tuple[str, ...]:
        """Everything `--sector` accepts for this sector: id, labels, aliases."""
        return (self.id, *self.labels.values(), *self.aliases)


@dataclass(frozen=True)
class Taxonomy:
    """A named, versioned list of sectors; `source` is the file it was read from."""

    name: str
    version: str
    sectors: tuple[Sector, ...]
    description: str = ""
    source: str = ""

    def find(self, label_or_id: str) -> Sector | None:
        """The sector whose id, label (any language) or alias is `label_or_id`, compared
        case- and accent-insensitively ("F", "construction", "Bouw", "santé"), or None."""
        return self._by_name.get(_name_key(label_or_id))

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(sector.id for sector in self.sectors)

    @property
    def fingerprint(self) -> str:
        """A short hash of the sectors' content: two files with the same fingerprint detect
        the same sectors, whatever their layout or comments."""
        content = [
            [s.id, dict(s.labels), list(s.terms), list(s.exclusions), list(s.aliases)]
            + ([[[x.term, list(x.unless), list(x.needs)] for x in s.senses]] if s.senses else [])
            + ([["generic", *s.generic]] if s.generic else [])
            + ([["frames", *s.frames]] if s.frames else [])
            + ([["employer", *s.employer]] if s.employer else [])
            for s in self.sectors
        ]
        canonical = json.dumps(content, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]

    @cached_property
    def _by_name(self) -> dict[str, Sector]:
        return {_name_key(name): sector for sector in self.sectors for name in sector.names}


def default_taxonomy_path() -> Path:
    """The packaged NACE Rev. 2 file."""
    return Path(str(resources.files("pqsearch") / "data" / DEFAULT_TAXONOMY))


def load_taxonomy(path: Path | str | None = None, *, raw: bytes | None = None) -> Taxonomy:
    """Read and check a taxonomy file; None reads the packaged NACE Rev. 2 default; `raw`:
    the file's bytes, already read (an index reader's copy, `index.pinned`).

    Raises `TaxonomyError` naming the file, the line and the problem.
    """
    file = default_taxonomy_path() if path is None else Path(path)
    try:
        raw = file.read_bytes() if raw is None else raw
    except FileNotFoundError:
        raise TaxonomyError(f"No taxonomy file at {file}. Check the path.") from None
    except OSError as error:
        raise TaxonomyError(f"Cannot read taxonomy file {file}: {error.strerror}.") from None
    raw = unpacked(raw, file)
    try:
        # "utf-8-sig": a byte order mark (Windows editors write one) is not TOML.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad_line = raw[: error.start].count(b"\n") + 1
        raise TaxonomyError(f"{file}, line {bad_line}: not UTF-8 text. Save it as UTF-8.") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        where = ""
        if position:
            # "at end of document" has no line number: the end is the last line.
            where = f", line {position.group(1) or len(text.splitlines())}"
        problem = _TOML_POSITION.sub("", message)
        raise TaxonomyError(f"{file}{where}: invalid TOML: {problem}.") from None
    except RecursionError:
        raise TaxonomyError(
            f"{file}: invalid TOML: tables or arrays nested too deeply for a taxonomy."
        ) from None
    return _Checker(file, text).taxonomy(data)


def packed(raw: bytes) -> bytes:
    """A taxonomy file's bytes as an index keeps its copy: gzip-compressed (a quarter of the
    size; at 51 documents the copy of the shipped file was 3 % of the index)."""
    import gzip

    return gzip.compress(raw, compresslevel=9, mtime=0)


def unpacked(raw: bytes, file: Path) -> bytes:
    """The TOML bytes of `raw`, a taxonomy file as written (`packed` copies are decompressed;
    gzip's first byte is never the first of a TOML file's text)."""
    if not raw.startswith(_GZIP_MAGIC):
        return raw
    import gzip
    import zlib

    try:
        return gzip.decompress(raw)
    except (OSError, EOFError, zlib.error):
        raise TaxonomyError(
            f"{file}: a damaged compressed taxonomy. Rebuild the index "
            '("pqsearch ingest --rebuild") or give the taxonomy file again with --taxonomy.'
        ) from None


def _name_key(name: str) -> str:
    return " ".join(fold(name).split())


class _Checker(SourceLines):
    """Turns parsed TOML into a `Taxonomy`, locating each problem's line in the source
    (`SourceLines`)."""

    def taxonomy(self, data: dict[str, Any]) -> Taxonomy:
        self._check_keys(data, _TOP_KEYS, "the file", None)
        name = self._string(data, "name", None)
        version = self._string(data, "version", None)
        description = self._string(data, "description", None) if "description" in data else ""
        raw_sectors = data["sector"]
        if not isinstance(raw_sectors, list) or not raw_sectors:
            self.fail(
                self.key_line("sector", None),
                "`sector` must be a list of [[sector]] tables, with at least one sector",
            )
        sectors = tuple(self._sector(raw, index) for index, raw in enumerate(raw_sectors))
        self._check_names(sectors)
        return Taxonomy(
            name=name,
            version=version,
            sectors=sectors,
            description=description,
            source=str(self.file),
        )

    def _sector(self, raw: Any, index: int) -> Sector:
        if not isinstance(raw, dict):
            self.fail(self.sector_line(index), "a sector must be a [[sector]] table")
        self._check_keys(raw, _SECTOR_KEYS, f"sector {index + 1}", index)
        sector_id = self._string(raw, "id", index)
        labels = raw["labels"]
        if not isinstance(labels, dict):
            self.fail(
                self.key_line("labels", index),
                f"sector {sector_id!r}: `labels` must be a table such as "
                '{ fr = "Construction", nl = "Bouw", en = "Construction" }',
            )
        for language in labels:
            if language not in LABEL_LANGUAGES:
                self.fail(
                    self.key_line("labels", index),
                    f"sector {sector_id!r}: unknown label language {language!r}; "
                    f"use {', '.join(LABEL_LANGUAGES)}",
                )
        for language in LABEL_LANGUAGES:
            if language not in labels:
                self.fail(
                    self.key_line("labels", index),
                    f"sector {sector_id!r}: no {language!r} label; every sector needs "
                    f"{', '.join(LABEL_LANGUAGES)}",
                )
            self._string(labels, language, index, key_name="labels", owner=sector_id)
        terms = self._strings(raw, "terms", index, sector_id)
        if not terms:
            self.fail(
                self.key_line("terms", index),
                f"sector {sector_id!r}: `terms` is empty; a sector needs at least one term",
            )
        return Sector(
            id=sector_id,
            labels={language: labels[language].strip() for language in LABEL_LANGUAGES},
            terms=terms,
            exclusions=self._strings(raw, "exclusions", index, sector_id),
            aliases=self._strings(raw, "aliases", index, sector_id),
            line=self.sector_line(index),
            senses=self._senses(raw, index, sector_id, terms),
            generic=self._generic(raw, index, sector_id, terms),
            frames=self._strings(raw, "frames", index, sector_id),
            employer=self._strings(raw, "employer", index, sector_id),
        )

    def _generic(
        self, raw: dict[str, Any], index: int, sector_id: str, terms: tuple[str, ...]
    ) -> tuple[str, ...]:
        generic = self._strings(raw, "generic", index, sector_id)
        for term in [term for term in generic if term not in terms]:
            self.fail(
                self.value_line("generic", index, term),
                f"sector {sector_id!r}: the generic term {term!r} is not one of its "
                "`terms`; add it there or remove it from `generic`",
            )
        return generic

    def _senses(
        self, raw: dict[str, Any], index: int, sector_id: str, terms: tuple[str, ...]
    ) -> tuple[Sense, ...]:
        entries = raw.get("senses", [])
        if not isinstance(entries, list):
            self.fail(
                self.key_line("senses", index),
                f"sector {sector_id!r}: `senses` must be a list of tables such as "
                '{ term = "énergie", unless = ["rénovation"] }',
            )
        senses = []
        for entry in entries:
            line = self.key_line("senses", index)
            if not isinstance(entry, dict):
                self.fail(line, f"sector {sector_id!r}: every item of `senses` must be a table")
            self._check_keys(entry, _SENSE_KEYS, f"a sense of sector {sector_id!r}", index)
            term = self._string(entry, "term", index, key_name="senses", owner=sector_id)
            if term not in terms:
                self.fail(
                    self.value_line("senses", index, term),
                    f"sector {sector_id!r}: the sense of {term!r} is for a term the sector "
                    "does not have; add it to `terms` or correct the spelling",
                )
            unless = self._strings(entry, "unless", index, sector_id)
            needs = self._strings(entry, "needs", index, sector_id)
            if not unless and not needs:
                self.fail(
                    self.value_line("senses", index, term),
                    f"sector {sector_id!r}: the sense of {term!r} needs `unless` or `needs`",
                )
            senses.append(Sense(term, unless, needs))
        return tuple(senses)

    def _check_keys(
        self, table: dict[str, Any], known: dict[str, bool], where: str, index: int | None
    ) -> None:
        for key in table:
            if key not in known:
                self.fail(
                    self.key_line(key, index),
                    f"unknown key {key!r} in {where}; the keys are {', '.join(known)}",
                )
        for key, required in known.items():
            if required and key not in table:
                line = self.sector_line(index) if index is not None else 1
                self.fail(line, f"{where} has no {key!r}")

    def _string(
        self,
        table: dict[str, Any],
        key: str,
        index: int | None,
        *,
        key_name: str | None = None,
        owner: str | None = None,
    ) -> str:
        value = table[key]
        if not isinstance(value, str) or not value.strip():
            whose = f"sector {owner!r}: " if owner else ""
            shown = f"{key_name}.{key}" if key_name else key
            self.fail(
                self.key_line(key_name or key, index),
                f"{whose}`{shown}` must be a non-empty string, not {toml_repr(value)}",
            )
        return str(value).strip()

    def _strings(
        self, table: dict[str, Any], key: str, index: int, sector_id: str
    ) -> tuple[str, ...]:
        values = table.get(key, [])
        if not isinstance(values, list):
            self.fail(
                self.key_line(key, index),
                f"sector {sector_id!r}: `{key}` must be a list of strings",
            )
        for value in values:
            if not isinstance(value, str) or not value.strip():
                self.fail(
                    self.value_line(key, index, value),
                    f"sector {sector_id!r}: every item of `{key}` must be a non-empty string, "
                    f"not {toml_repr(value)}",
                )
        return tuple(value.strip() for value in values)

    def _check_names(self, sectors: tuple[Sector, ...]) -> None:
        owners: dict[str, Sector] = {}
        for index, sector in enumerate(sectors):
            for name in dict.fromkeys(_name_key(name) for name in sector.names):
                other = owners.setdefault(name, sector)
                if other is sector:
                    continue
                if _name_key(sector.id) == _name_key(other.id):
                    problem = f"duplicate sector id {sector.id!r} (also at line {other.line})"
                    line = self.key_line("id", index)
                else:
                    problem = (
                        f"sector {sector.id!r} and sector {other.id!r} are both called "
                        f"{name!r}; --sector could not tell them apart, rename one"
                    )
                    line = self.sector_line(index)
                self.fail(line, problem)
