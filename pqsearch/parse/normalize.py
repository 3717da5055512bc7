"""Bytes to text and text to clean text, losing no word.

`decode` turns a file's bytes into text (UTF-8, else the Windows and Latin-1 encodings that
saved pages may use) and refuses binary data. `clean_text` makes the text every parser
returns: Unicode NFC, one kind of line break and of space, Windows-1252 characters where a
Latin-1 decoding left C1 control codes, the superscript split of the plain-text rendering
("le 1\\ner février") joined, tab-laid-out rows made readable, paragraphs kept as blank lines.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from pqsearch.errors import EncodingProblemError, UnknownFormatError

# C1 control codes are what Windows-1252 punctuation (’ — œ “ ”) becomes when such text is
# read as Latin-1 or written as a numeric reference (&#146;); show the character meant.
_C1_TO_CP1252 = {
    code: char
    for code in range(0x80, 0xA0)
    if (char := bytes([code]).decode("cp1252", errors="replace")) != "\ufffd"
}
# Spaces a browser shows as one ordinary space; the soft hyphen and zero-width characters
# show as nothing and would split a word in two.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2009"), " ")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# Other C0 control codes show as nothing; a few stray ones do not make a page binary.
_CONTROLS = dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F], None)
_TRANSLATION = {**_C1_TO_CP1252, **_SPACES, **_INVISIBLE, **_CONTROLS}


def strip_invisible(text: str) -> str:
    """`text` without soft hyphens, zero-width spaces and joiners, as documents are read:
    a query word typed (or pasted) with one inside finds the same word."""
    return text.translate(_INVISIBLE)


# A control character other than tab, line feed, vertical tab, form feed, carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# More control characters than this share of the text (or any NUL) means binary data.
_BINARY_SHARE = 0.001
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\u2028\u2029]")
# A Word bullet at the start of a line: a glyph followed by a tab or spaces.
_BULLET = re.compile(r"^(?:[·•▪◦●○■□➢➤►✓✔]|[-–§o](?=\t))[\t ]+")
# A Word numbering at the start of a line ("1.\t", "ii.\t", "a)\t").
_ENUMERATOR = re.compile(r"^(\(?(?:\d{1,3}|[ivxlc]{1,6}|[IVXLC]{1,6}|[a-zA-Z])[.)°])\t[\t ]*")
# A tab between two words on one line separates columns of a row laid out with tabs.
_COLUMN_TAB = re.compile(r"(?<=\S)[ ]*\t[\t ]*(?=\S)")
_RUNS_OF_SPACES = re.compile(r"[ \t]+")
# "le 1\ner février": the plain-text rendering puts a superscript on a line of its own.
_SUPERSCRIPT_SPLIT = re.compile(
    r"(?<=\b\d)\n(er|re|ère|ers|res|e|es|ème|èmes|nd|nde)(?=[ ,.;:)\n]|$)"
)
_BLANK_LINES = re.compile(r"\n{3,}")


def decode(data: bytes, *, source: str) -> str:
    """The text of a document's bytes; `EncodingProblemError` when they are not text.

    UTF-8 (with or without a byte-order mark) first, as the site serves; UTF-16 when a
    byte-order mark says so; then Windows-1252 and Latin-1, which a page saved by another tool
    may use.
    """
    if not data.strip():
        raise UnknownFormatError(source, "the file is empty: expected a question page or records")
    text = _decode_text(data, source)
    controls = _CONTROL.findall(text)
    if "\x00" in controls or len(controls) > max(3, len(text) * _BINARY_SHARE):
        kind = "NUL bytes" if "\x00" in controls else f"{len(controls)} control bytes"
        raise EncodingProblemError(
            source,
            f"binary data, not text ({kind}); expected an HTML page, its text rendering "
            "or JSON Lines records",
        )
    return text


def _decode_text(data: bytes, source: str) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise EncodingProblemError(source, f"broken UTF-16 text: {error.reason}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def clean_text(text: str) -> str:
    """Text as a reader sees it, every word kept.

    Lines are trimmed and their spaces collapsed; a blank line separates paragraphs (never
    more than one); a tab between two words becomes " | " (a row laid out with tabs), a Word
    bullet at the start of a line becomes "- ".
    """
    text = _LINE_BREAKS.sub("\n", text).translate(_TRANSLATION)
    text = unicodedata.normalize("NFC", text)
    lines = [_clean_line(line) for line in text.split("\n")]
    text = "\n".join(lines)
    text = _SUPERSCRIPT_SPLIT.sub(r"\1", text)
    return _BLANK_LINES.sub("\n\n", text).strip("\n")


def clean_inline(text: str) -> str:
    """A one-line value (a name, a title, a date): `clean_text` with line breaks as spaces."""
    return " ".join(clean_text(text).split())


def _clean_line(line: str) -> str:
    line = line.strip(" \t")
    line = _BULLET.sub("- ", line)
    line = _ENUMERATOR.sub(r"\1 ", line)
    line = _COLUMN_TAB.sub(" | ", line)
    return _RUNS_OF_SPACES.sub(" ", line).strip()
