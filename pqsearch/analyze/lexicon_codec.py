"""The lexicon's corpus rows as text lines in compressed blocks (schema 6; `lexicon_blocks.py`).

SQLite spent about 25 bytes a row on rows whose text is 9 to 18 (BENCHMARKS.md, s16-small),
so the corpus tables are kept as sorted lines, cut into blocks of about `BLOCK_BYTES` and
compressed, one kind of key per kind of block:

- `FORMS` ("f"), keyed by folded form: the form's counts (documents, tokens, generation; none
  for a form only ever seen with a stopword lemma), its lemmas (lemma, tokens, generation) and
  its spellings (spelling, tokens, generation): what the tables forms, lemmas and spellings
  held, in one line, since a query reads them by form;
- `STEMS` ("s"), keyed by stem: its lemmas (lemma, generation);
- `OTHERS` ("l"), keyed by lemma: the forms other than itself it was given (form,
  generation): the index by lemma of the rows layout.

A line is the key and its columns separated by tabs, a column's entries by spaces, an entry's
fields by commas. A word that begins as the key does, by 3 characters or more, is written
"~", how many (at most 9), and the rest: "logements" under the lemma "logement" is "~8s"
(7 kB less of 71 at 51 documents, compressed). Words hold none of these characters in
practice; one that does is escaped (`_ESCAPES`), so any text reads back as it was written.
Every entry keeps the generation that first held it (`lexicon_schema.pin`): a pinned reader
skips the later ones.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from typing import NamedTuple

FORMS = "f"
STEMS = "s"
OTHERS = "l"
# The stopword set, one block of its own (first key ""): the table of one row per word took
# 8 kB of 2 kB pages, a block 2.
STOPWORDS = "w"
# Uncompressed bytes per block. Measured on the shipped corpus's lexicon (51 documents,
# 2 kB pages, after VACUUM; the whole file): 4,096 gave 160 kB, 6,144 127 kB, 8,192 119 kB
# before words were written against their key, then 6,144 106 kB, 8,192 102 kB, 16,384 98 kB
# (a block's compressed bytes past a page go to overflow pages, the last part empty); 8 kB
# keeps a lookup's decoding short (a query meets a few blocks, a fresh page's highlighting a
# few dozen) for 4 kB more than 16 kB.
BLOCK_BYTES = 8192

_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", " ": "\\s", ",": "\\c", "~": "\\w"}
_SHARED = "~"
# Characters a word must share with its key to be written as the rest of it.
_LEAST_SHARED = 3
_UNESCAPES = {value[1]: key for key, value in _ESCAPES.items()}


class Record(NamedTuple):
    """A key's line, decoded: `columns` per kind (see the module's docstring)."""

    key: str
    columns: list[list[tuple[str | int, ...]]]


def escape(word: str) -> str:
    if any(character in word for character in _ESCAPES):
        return "".join(_ESCAPES.get(character, character) for character in word)
    return word


def unescape(text: str) -> str:
    if "\\" not in text:
        return text
    out: list[str] = []
    characters = iter(text)
    for character in characters:
        out.append(_UNESCAPES.get(next(characters, ""), "") if character == "\\" else character)
    return "".join(out)


def _encode_word(word: str, key: str) -> str:
    shared = 0
    most = min(len(word), len(key), 9)
    while shared < most and word[shared] == key[shared]:
        shared += 1
    if shared >= _LEAST_SHARED:
        return f"{_SHARED}{shared}{escape(word[shared:])}"
    return escape(word)


def _decode_word(text: str, key: str) -> str:
    if text.startswith(_SHARED):
        return key[: int(text[1])] + unescape(text[2:])
    return unescape(text)


def encode_line(key: str, columns: Iterable[Iterable[tuple[str | int, ...]]]) -> str:
    """The line of `key` and its columns (each a list of entries, an entry a tuple of words
    and numbers)."""
    parts = [escape(key)]
    for column in columns:
        parts.append(
            " ".join(
                ",".join(_encode_word(f, key) if isinstance(f, str) else str(f) for f in entry)
                for entry in column
            )
        )
    return "\t".join(parts)


def decode_line(line: str, shapes: tuple[str, ...]) -> Record:
    """A line back into its record; `shapes` says per column which fields are words ("s") and
    which numbers ("i")."""
    escaped, *texts = line.split("\t")
    key = unescape(escaped)
    columns: list[list[tuple[str | int, ...]]] = []
    for shape, text in zip(shapes, texts, strict=True):
        column: list[tuple[str | int, ...]] = []
        for entry in text.split(" ") if text else ():
            fields = entry.split(",")
            column.append(
                tuple(
                    _decode_word(f, key) if kind == "s" else int(f)
                    for kind, f in zip(shape, fields, strict=True)
                )
            )
        columns.append(column)
    return Record(key, columns)


def decode_column(line: str, at: int) -> list[tuple[str, int, int]]:
    """Only the column `at` (1: the first after the key) of a line whose column holds
    (word, count, generation) entries: a lookup of many forms' lemmas needs no more."""
    texts = line.split("\t")
    key = unescape(texts[0])
    text = texts[at]
    if not text:
        return []
    entries: list[tuple[str, int, int]] = []
    for entry in text.split(" "):
        word, tokens, generation = entry.split(",")
        entries.append((_decode_word(word, key), int(tokens), int(generation)))
    return entries


# Per kind, the shape of each column.
SHAPES = {FORMS: ("iii", "sii", "sii"), STEMS: ("si",), OTHERS: ("si",)}


def line_key(line: str) -> str:
    return unescape(line.partition("\t")[0])


def compress(lines: list[str]) -> bytes:
    return zlib.compress("\n".join(lines).encode(), 9)


def decompress(data: bytes) -> dict[str, str]:
    """A block's lines by key (raises zlib.error or UnicodeDecodeError when damaged)."""
    text = zlib.decompress(data).decode()
    lines = text.split("\n")
    if "\\" in text:
        return {line_key(line): line for line in lines}
    # No escaped key: each key is the line up to its first tab (a fresh page's highlighting
    # decodes dozens of blocks, this in a third of the time).
    return {line.partition("\t")[0]: line for line in lines}


def cut(lines: list[str]) -> Iterator[list[str]]:
    """Sorted `lines` (one per key) in blocks of about `BLOCK_BYTES`, of near-equal size: a
    block grown past the size by a write becomes two halves, not a full one and a sliver."""
    total = sum(len(line) + 1 for line in lines)
    parts = max(1, -(-total // BLOCK_BYTES))
    share = total / parts
    block: list[str] = []
    size = 0
    for line in lines:
        block.append(line)
        size += len(line) + 1
        if size >= share:
            yield block
            block, size = [], 0
    if block:
        yield block
