"""Where in a taxonomy file a problem is: the line of a sector, of a key, of an array's item.

`tomllib` gives parsed values without their positions; a `TaxonomyError` should still name the
line to change. `SourceLines` finds it again in the file's text, by the `[[sector]]` headers
and the TOML spelling of a key or a value (`taxonomy._Checker` reads the file through it).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, NoReturn

from pqsearch.errors import TaxonomyError

_SECTOR_HEADER = re.compile(r"^\s*\[\[\s*sector\s*\]\]")


class SourceLines:
    """A taxonomy file's lines, and the line of each of its sectors, keys and values."""

    def __init__(self, file: Path, text: str) -> None:
        self.file = file
        self.lines = text.splitlines()
        self.headers = [i for i, line in enumerate(self.lines) if _SECTOR_HEADER.match(line)]

    def sector_line(self, index: int | None) -> int:
        if index is None or index >= len(self.headers):
            return 1
        return self.headers[index] + 1

    def span(self, index: int | None) -> range:
        """The lines of sector `index` (0-based), or those before the first sector."""
        if index is None:
            return range(0, self.headers[0] if self.headers else len(self.lines))
        start = self.headers[index] if index < len(self.headers) else 0
        end = self.headers[index + 1] if index + 1 < len(self.headers) else len(self.lines)
        return range(start, end)

    def key_line(self, key: str, index: int | None) -> int:
        pattern = re.compile(
            rf"^\s*(?:{re.escape(key)}\s*[=.]|\[\s*(?:sector\.)?{re.escape(key)}\s*\])"
        )
        for number in self.span(index):
            if pattern.match(self.lines[number]):
                return number + 1
        return self.sector_line(index)

    def value_line(self, key: str, index: int, value: Any) -> int:
        """The line of a bad item in an array: found by its TOML spelling after the key."""
        start = self.key_line(key, index) - 1
        needle = re.compile(rf"(?<![\w\"']){re.escape(toml_repr(value))}(?![\w\"'])")
        next_key = re.compile(r"^\s*[A-Za-z_][\w-]*\s*=|^\s*\[")
        for number in range(start, self.span(index).stop):
            line = self.lines[number]
            if number > start and next_key.match(line):
                break
            if needle.search(line):
                return number + 1
        return start + 1

    def fail(self, line: int, problem: str) -> NoReturn:
        raise TaxonomyError(f"{self.file}, line {line}: {problem}.")


def toml_repr(value: Any) -> str:
    """A value as the file spells it, or what kind of value it is."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return str(value)
