"""Surface words and their folded keys: the one tokenizer shared by indexing and querying.

Pure Python, no spaCy: the query path imports this module. The index's surface ("words")
field and the words of a query both come from `iter_words`, so a quoted phrase always meets
the same tokens it was indexed with.

Choices a caller can rely on:

- A word is a run of letters and digits (combining accents included), possibly joined by
  apostrophes ("aujourd'hui", "prud'hommes" stay whole).
- A leading elision (l', d', qu', jusqu', lorsqu', puisqu', n', s', c', j', m', t') is split off
  and dropped: "l'équipe" gives "équipe" with the offsets of "équipe".
- Hyphens, slashes, dots and every other mark separate words: "Bruxelles-Capitale" gives
  "Bruxelles" and "Capitale", so a query for "Bruxelles" finds "Région de Bruxelles-Capitale",
  and the phrase "start-ups" (or "start ups") is the two words "start" "ups" in order on both
  sides. spaCy splits most hyphenated words the same way, which keeps lemmas aligned.
- Numbers are words ("2021", "369"); "3,5" gives "3" and "5", "23/02/2021" gives three words.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache

from unidecode import unidecode

# Typographic apostrophes and the look-alikes that sources use for them. All are single code
# points, so replacing them keeps every offset valid.
_APOSTROPHES = "\u2019\u2018\u02bc`\u00b4\u2032"

ELISIONS = frozenset(
    {"l", "d", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "n", "s", "c", "j", "m", "t"}
)

# Letters and digits without "_", plus combining marks so that decomposed (NFD) text such as
# "e\u0301quipe" stays one word.
_COMBINING = r"\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD_CHAR = rf"(?:[^\W_]|[{_COMBINING}])"
_WORD = re.compile(rf"{_WORD_CHAR}+(?:['{_APOSTROPHES}]{_WORD_CHAR}+)*")
_WORD_OR_UNDERSCORE = re.compile(rf"[\w{_COMBINING}]+(?:['{_APOSTROPHES}][\w{_COMBINING}]+)*")
_APOSTROPHE_SPLIT = re.compile(rf"['{_APOSTROPHES}]")


def normalize_apostrophes(text: str) -> str:
    """Replace typographic apostrophes (’ ‘ ʼ ` ´ ′) with "'"; offsets are unchanged."""
    # One `str.replace` per mark is a C scan: on a 20 MB text about 50 times faster than a
    # `str.translate` table.
    for mark in _APOSTROPHES:
        if mark in text:
            text = text.replace(mark, "'")
    return text


@lru_cache(maxsize=1 << 18)
def fold(word: str) -> str:
    """The folded key of a word: NFC, transliterated to ASCII (œ -> oe, é -> e), lowercased.

    Typographic apostrophes become "'". Whitespace that transliteration introduces (CJK
    gives "Bei Jing ") is removed, so a word stays one token; a multi-word string keeps one
    space between its folded words.
    """
    nfc = normalize_apostrophes(unicodedata.normalize("NFC", word))
    if nfc.isascii():
        folded = nfc.lower()
        return folded if " " not in folded else " ".join(folded.split())
    # `unidecode` transliterates one character at a time in Python (8 ms for the 30 questions
    # of a first page): the characters of French and Dutch text go through a table instead
    # (`_transliterations`), which gives the same result; a text with a character the table
    # lacks takes `unidecode`.
    transliterated = nfc.translate(_transliterations())
    if transliterated.isascii():
        return " ".join(transliterated.split()).lower()
    return " ".join("".join(unidecode(part).split()).lower() for part in nfc.split())


# Latin-1 Supplement to Latin Extended-B, and general punctuation (dashes, quotes, spaces).
_TABLE_RANGES = (range(0x80, 0x250), range(0x2000, 0x2070))


class _Transliterations(dict[int, str]):
    """For `str.translate`: each character of `_TABLE_RANGES` as `fold` turns it inside a
    word, `unidecode`'s transliteration without whitespace, and a space for a space (where
    `fold` splits). Characters whose transliteration is empty, and those outside the ranges,
    are kept as they are: a word of them alone folds to nothing, which splitting the whole
    text would lose.

    Each character is looked up in `unidecode` when first met, then kept: a search meets a
    few dozen of the 700 characters, and making them all took 2 to 3 ms of each fresh
    process."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        kept = char
        if any(code in codes for codes in _TABLE_RANGES):
            kept = " " if char.isspace() else "".join(unidecode(char).split()) or char
        self[code] = kept
        return kept


@cache
def _transliterations() -> _Transliterations:
    """The one table, made empty on the first word that needs it, not when the module is
    imported."""
    return _Transliterations()


def fold_in_place(text: str) -> str:
    """`text` folded as `fold` folds each letter (accents off, lowercase, typographic
    apostrophes as "'"), one character for one.

    Offsets of a match in the folded text are offsets in `text`, so the matched span can be
    quoted as written (references, answer types). A letter that `fold` turns into several
    ("œ" -> "oe", "ß" -> "ss") stays as it is; non-breaking spaces become spaces.
    """
    folded = text.translate(_in_place_table())
    lowered = folded.lower()
    # Only "İ" lowercases to two characters, and the table folds it: a guard, not a path.
    return lowered if len(lowered) == len(folded) else folded


def _in_place(char: str) -> str:
    folded = fold(char)
    if len(folded) == 1 and (char in _APOSTROPHES or (char.isalpha() and folded.isalpha())):
        return folded
    return char


@cache
def _in_place_table() -> dict[int, str]:
    """Latin letters with accents and strokes (Latin-1 to Latin Extended-B), and the
    apostrophes (made on first use: the query path never folds in place)."""
    return str.maketrans(
        {
            **{c: _in_place(c) for c in (*map(chr, range(0xC0, 0x250)), *_APOSTROPHES)},
            "\u00a0": " ",
            "\u202f": " ",
        }
    )


def iter_words(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield the surface words of `text` as (word, start, end), offsets into `text`.

    Leading elisions are dropped ("qu'elle" gives "elle"); see the module docstring for how
    hyphens, apostrophes and numbers are treated.
    """
    for match in _WORD.finditer(text):
        start, end = match.span()
        whole = match.group()
        word = _without_elisions(whole)
        yield word, start + len(whole) - len(word), end


def _without_elisions(word: str) -> str:
    """`word` (a match of `_WORD`) without its leading elisions."""
    while (cut := _APOSTROPHE_SPLIT.search(word)) and fold(word[: cut.start()]) in ELISIONS:
        word = word[cut.end() :]
    return word


def word_forms(text: str) -> dict[str, str]:
    """Each distinct word of `text` as written, elision included ("l'équipe"), and its folded
    form as `iter_words` and `fold` give it ("equipe").

    The same as `fold` of each word, without a Python call per word: the words are found by
    one regular expression over the text and folded in a few passes over all of them at
    once (the thesaurus's terms, `surface_tokens_of`). Highlighting does not use it: its
    chunk-by-chunk folding, cached across a page's texts, cost as much in a fresh process.
    """
    # Without "_" in the text, a class of word characters and "_" finds the same words as
    # `_WORD`'s alternation, in a third of the time.
    words = set((_WORD if "_" in text else _WORD_OR_UNDERSCORE).findall(text))
    # Apostrophes and combining marks make a word more than letters and digits; "ʼ" is a
    # letter and an apostrophe. An apostrophe may follow an elision.
    odd = set(itertools.filterfalse(str.isalnum, words))
    if _LETTER_APOSTROPHE in text:
        odd.update(word for word in words if _LETTER_APOSTROPHE in word)
    plain = words - odd
    # Most words are ASCII letters and digits: lowercased, they are folded.
    ascii_words = list(filter(str.isascii, plain))
    lowered = "\n".join(ascii_words).lower().split("\n") if ascii_words else []
    found = dict(zip(ascii_words, lowered, strict=True))
    accented = list(plain.difference(ascii_words))
    elided = list(odd)
    bare = [*accented, *map(_without_elisions, elided)]
    found.update(zip([*accented, *elided], _fold_each(bare), strict=True))
    return found


_LETTER_APOSTROPHE = "\u02bc"


def _fold_each(words: list[str]) -> list[str]:
    """`fold` of each of `words` (none holding whitespace or a line break), computed on
    their lines joined: normalized, transliterated and lowercased in one pass each; only a
    word with a character `_transliterations` lacks takes `fold` itself."""
    if not words:
        return []
    joined = normalize_apostrophes(unicodedata.normalize("NFC", "\n".join(words)))
    if not joined.isascii():
        table = _transliterations()
        # Each character becomes ASCII or itself: replacing one never brings in another.
        for char in [char for char in set(joined) if not char.isascii()]:
            joined = joined.replace(char, table[ord(char)])
    lowered = joined.lower().split("\n")
    if len(lowered) != len(words) or any(c.isspace() and c != "\n" for c in set(joined)):
        # Never met in text (words hold no whitespace): `fold` knows what to do.
        return [fold(word) for word in words]
    if not joined.isascii():
        lines = joined.split("\n")
        lowered = [
            low if line.isascii() else fold(word)
            for word, line, low in zip(words, lines, lowered, strict=True)
        ]
    return lowered


def surface_tokens(text: str) -> list[str]:
    """The folded words of `text` in order: the tokens of the index's phrase field."""
    return [key for word, _, _ in iter_words(text) if (key := fold(word))]


def surface_tokens_of(texts: list[str]) -> list[list[str]]:
    """`surface_tokens` of each of `texts` (none holding a line break), their words folded
    all at once (`word_forms`): the thesaurus's 300 terms, at each fresh process's first
    search, took 3 to 4 ms one by one."""
    forms = word_forms("\n".join(texts))
    return [[form for word in _WORD.findall(text) if (form := forms[word])] for text in texts]
