"""How the answer-type rules cut an answer into sentences, and quote one as evidence.

Part of the rules' fingerprint and of their decision code (`analyze.answers`).
"""

from __future__ import annotations

import re

# Sentence ends: a stop followed by space and a capital, unless the stop closes a common
# abbreviation ("vraag nr. 205", "M. Dupont", "art. 8", "mevr. Persoons", "dhr. Wauters").
# A list item ("suit. - Pour ce qui est ...") starts a sentence too, and so does a numbered
# item after a stop ("question n° 55-880. 1) Le budget", "...; 2. Pour la formation").
SENTENCE_END = re.compile(
    r"[.!?](?=\s+[A-ZÀ-Ý«\"(])|[.:](?=\s+[-–•]\s)|[.:;](?=\s+\d{1,2}[.)]\s)|\n"
)
ABBREVIATIONS = frozenset(
    {"nr", "n", "no", "art", "blz", "p", "pp", "m", "mme", "dr", "cf", "vol", "mevr", "dhr", "mr"}
    # A parliamentary document's number: "(doc. A-512/1)", "Doc. 55 1234/001", "Stuk".
    | {"doc", "parl", "sess"}
)
# The evidence shown for a type is cut to this many characters.
MAX_EVIDENCE = 400


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text` (see `SENTENCE_END`)."""
    spans = []
    start = 0
    for boundary in SENTENCE_END.finditer(text):
        if closes_abbreviation(text, boundary.start()):
            continue
        if text[start : boundary.end()].strip():
            spans.append((start, boundary.end()))
        start = boundary.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def sentence_around(text: str, position: int) -> str:
    """The sentence of `text` that holds `position`, whitespace collapsed."""
    start = 0
    end = len(text)
    for boundary in SENTENCE_END.finditer(text):
        if closes_abbreviation(text, boundary.start()):
            continue
        if boundary.start() < position:
            start = boundary.end()
        else:
            end = boundary.end()
            break
    sentence = " ".join(text[start:end].split())
    if len(sentence) > MAX_EVIDENCE:
        sentence = sentence[: MAX_EVIDENCE - 1].rstrip() + "…"
    return sentence


def closes_abbreviation(text: str, stop: int) -> bool:
    if text[stop] != ".":
        return False
    word_start = stop
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    return text[word_start:stop].lower() in ABBREVIATIONS
