"""What a term's sentence says of it: another meaning (a sense rule) or another sector's frame.

`sectors.SectorDetector` compiles the taxonomy's `senses` and `frames` to lemma sequences; the
functions here read a part's sentences with them: `in_sense` whether the sentences around an
occurrence let the term mean its sector ("énergie" beside "rénovation" does not), and
`framed_sentences` which sentences are about a frame (O's "congé de maladie": the other
sectors' words there are only mentions).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from pqsearch.analyze.segments import PartText

__all__ = ["FRAME_REACH", "SENSE_REACH", "SenseRule", "framed_sentences", "in_sense"]

# A sense rule as lemma sequences: (unless, needs).
SenseRule = tuple[frozenset[tuple[str, ...]], ...]

# A frame sets the subject of its passage, not of its sentence alone: the sentences after "the
# war in eastern Congo" speak of its armies and courts without naming it again, and a staff
# rule's sentence is followed by its details. So a frame reaches this many sentences on either
# side. Cross-validated on dev (272 documents, 10 seeds, F1): 0 gives 0.841, 1 0.844, 2 0.845,
# 3 0.842 (precision / recall 0.836 / 0.846 at 0, 0.840 / 0.849 at 2).
FRAME_REACH = 2

# A sense rule's `unless` reads its term's sentence and this many sentences before it: a
# follow-up sentence refers back without repeating what set the sense ("... des licences
# d'exportation d'armes. Vers quels pays ces exportations ont-elles eu lieu ?"). `needs`
# stays within the sentence. Cross-validated on dev (272 documents, 6 seeds, F1): 0 gives
# 0.841, 1 0.842, one sentence on either side 0.843; no topic decision changed in sample.
SENSE_REACH = 1


def framed_sentences(text: PartText, frames: Mapping[tuple[str, ...], str]) -> dict[int, str]:
    """The sentences of `text` within `FRAME_REACH` of a frame phrase (`frames`: phrase as
    lemmas -> its sector), with the sector of the frame: a sentence's own frame first, then
    its neighbours'."""
    framed: dict[int, str] = {}
    for phrase, sector_id in frames.items():
        for position in _positions(text.lemmas, phrase):
            framed.setdefault(text.sentence[position], sector_id)
    for number, sector_id in list(framed.items()):
        for near in range(number - FRAME_REACH, number + FRAME_REACH + 1):
            framed.setdefault(near, sector_id)
    return framed


def in_sense(rule: SenseRule | None, text: PartText, position: int) -> bool:
    """Whether the sentence around `position` lets its term mean the sector (see
    `taxonomy.Sense`); always, for a term without a rule."""
    if rule is None:
        return True
    unless, needs = rule
    if unless and _contains_any(_context(text, position, SENSE_REACH), unless):
        return False
    return not needs or _contains_any(_context(text, position, 0), needs)


def _context(text: PartText, position: int, before: int) -> Sequence[str]:
    """The lemmas of the sentence of `position` and of the `before` sentences before it."""
    sentence = text.sentence[position]
    first = position
    while first > 0 and text.sentence[first - 1] >= sentence - before:
        first -= 1
    last = position
    while last + 1 < len(text.lemmas) and text.sentence[last + 1] == sentence:
        last += 1
    return text.lemmas[first : last + 1]


def _contains_any(lemmas: Sequence[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    return any(next(_positions(lemmas, phrase), None) is not None for phrase in phrases)


def _positions(lemmas: Sequence[str], phrase: tuple[str, ...]) -> Iterator[int]:
    """Where `phrase` starts in `lemmas`."""
    length = len(phrase)
    for position in range(len(lemmas) - length + 1):
        if lemmas[position] == phrase[0] and tuple(lemmas[position : position + length]) == phrase:
            yield position
