"""Matched words marked on the original text (not on lemmas), and the best snippet.

A word of the text is a match when its folded form is one the query typed, or when the
lexicon says the corpus gave that form a lemma the query asked for ("promeut" for
"promouvoir").
"""

from __future__ import annotations

import re
import string
import threading
import weakref
from collections.abc import Iterable, Mapping
from typing import cast

from pqsearch.analyze.fold import ELISIONS, fold, iter_words, normalize_apostrophes
from pqsearch.analyze.lexicon import Lexicon
from pqsearch.results import Highlight

SNIPPET_CHARS = 240
# The texts of a record marked: the title whole, a snippet of the answer or else the question.
_PARTS = ("title", "answer", "question")
# Scanning a 20 MB answer for a snippet would cost more than the search itself.
MAX_SCAN_CHARS = 200_000


class Matcher:
    """Decides which surface words of a text match the query.

    A word matches when its folded form was typed, or when one of the lemmas the lexicon
    gives its form (`Lexicon.expand`) was asked for. The forms the corpus gave the asked
    lemmas are read once (`Lexicon.forms_of_lemmas`); of a text's other forms, only those
    the corpus never gave a lemma, whose lemmas come from the fallback table, and the asked
    lemmas themselves are asked about one by one. A fresh process (a terminal search) thus
    reads a few rows per lemma instead of every lemma of its page's 3,000 forms; what is
    learnt is kept across searches (`_Forms`).
    """

    def __init__(
        self,
        lexicon: Lexicon,
        forms: set[str],
        lemmas: set[str],
        joining: set[str] | frozenset[str] = frozenset(),
    ) -> None:
        self.forms = forms
        self.lemmas = lemmas
        # Forms marked only in a run of matches holding another word: a quoted phrase's
        # stopwords ("transport en commun" marks "en" there, not every "en" of the text).
        self.joining = frozenset(joining)
        self._lexicon = lexicon
        self._known = _forms_of(lexicon)
        # Typed, or given an asked lemma by the corpus: a match wherever met. Read at the
        # first text (a search without highlights makes a matcher too).
        self._sure: frozenset[str] | None = None

    def _matching(self, words: _TextForms) -> set[str]:
        """Which of the text's forms match."""
        if self._sure is None:
            self._sure = frozenset(self.forms) | self._known.with_lemmas(self.lemmas)
        # A tuple, looked up form by form: making a set of the text's forms at each search
        # was half of a warm search's highlights.
        forms = words.forms
        matched = set(self._sure.intersection(forms))
        if self.lemmas:
            # `expand` gives a form its corpus lemmas, else the fallback's, and the form
            # itself (a stopword nothing): beyond the forms of the asked lemmas, only an
            # asked lemma met as a form or a form the corpus never gave a lemma can have one.
            # Each is a set operation on the few, but the one over the text's forms.
            undecided = (words.unindexed(self._known) | self.lemmas.intersection(forms)) - matched
            if undecided:
                for form, lemmas in self._lexicon.expand_folded(undecided).items():
                    if not self.lemmas.isdisjoint(lemmas):
                        matched.add(form)
        return matched

    def prepare(self, records: Iterable[Mapping[str, object]]) -> None:
        """Learn at once which forms of a page's texts the corpus never gave a lemma: asked
        text by text, a fresh process's page took 40 to 60 statements, twice the time."""
        if self.lemmas:
            texts = [record.get(part) for record in records for part in _PARTS]
            pages = [_text_forms(t[:MAX_SCAN_CHARS]).forms for t in texts if isinstance(t, str)]
            self._known.unindexed(frozenset().union(*pages))

    def spans(self, text: str) -> list[tuple[int, int]]:
        if not self.forms and not self.lemmas:
            return []
        # Words never contain whitespace, so the words of a text are those of its
        # whitespace-separated chunks: the chunks holding a match are found where the
        # text's record of chunk starts (kept across searches) says.
        scan = text[:MAX_SCAN_CHARS]
        words = _text_forms(scan)
        matched = self._matching(words)
        if not matched:
            words.settle()
            return []
        found: list[tuple[int, int, str]] = []
        for piece in words.chunks(matched):
            inside = [(start, end, f) for start, end, f in _chunk_words(piece) if f in matched]
            for base in words.starts(piece):
                found.extend((base + start, base + end, f) for start, end, f in inside)
        found.sort()
        if self.joining & matched:
            found = self._beside_others(scan, found)
        return [(start, end) for start, end, _ in found]

    def _beside_others(
        self, text: str, found: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """`found` without the joining words that are not inside a run of adjacent matches
        (only spaces and punctuation between them): another word before them and after."""
        kept: list[tuple[int, int, str]] = []
        run: list[tuple[int, int, str]] = []
        for span in [*found, (len(text) + 1, len(text) + 1, "")]:
            if run and (not span[2] or _WORD_CHAR.search(text, run[-1][1], span[0])):
                words = [i for i, (_, _, f) in enumerate(run) if f not in self.joining]
                kept.extend(
                    s
                    for i, s in enumerate(run)
                    if s[2] not in self.joining or (words and words[0] < i < words[-1])
                )
                run = []
            run.append(span)
        return kept


class _Forms:
    """What highlighting learnt of one lexicon: the forms the corpus gave each lemma asked
    and which forms met it never gave a lemma (stopwords left out of both: `expand` gives
    them nothing)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._of_lemma: dict[str, frozenset[str]] = {}
        self._checked: set[str] = set()
        self._unindexed: set[str] = set()

    def with_lemmas(self, lemmas: set[str]) -> frozenset[str]:
        """The forms the corpus gave one of `lemmas`, stopwords left out."""
        # "" stands for a stopword lemma in the lexicon: never a lemma to match.
        new = [lemma for lemma in lemmas if lemma and lemma not in self._of_lemma]
        if new:
            found = self.lexicon.forms_of_lemmas(new)
            stops = self.lexicon.stopwords()
            for lemma in new:
                self._of_lemma[lemma] = found.get(lemma, frozenset()) - stops - {""}
        return frozenset().union(*(self._of_lemma.get(lemma, ()) for lemma in lemmas))

    def unindexed(self, forms: frozenset[str]) -> set[str]:
        """Those of `forms` the corpus never gave a lemma, stopwords left out."""
        new = forms - self._checked
        if new:
            self._unindexed.update(self.lexicon.unindexed(new - self.lexicon.stopwords()))
            self._checked.update(new)
        return self._unindexed & forms


_FORMS: weakref.WeakKeyDictionary[Lexicon, _Forms] = weakref.WeakKeyDictionary()
_FORMS_LOCK = threading.Lock()


def _forms_of(lexicon: Lexicon) -> _Forms:
    with _FORMS_LOCK:
        known = _FORMS.get(lexicon)
        if known is None:
            known = _FORMS[lexicon] = _Forms(lexicon)
        return known


class _TextForms:
    """The folded forms of a text's words; for the forms searches matched, the chunks
    (whitespace-separated pieces: words never contain whitespace) they occur in."""

    def __init__(self, text: str) -> None:
        # Split, looked up and merged in C, and kept as a tuple: a fresh process (a terminal
        # search) builds this for every text of its page, a warm one for each text new to
        # it, and the texts kept across searches cost 2 to 3 bytes a character this way
        # (a set of forms and the chunks of each: 20).
        self.text = text
        pieces = tuple(set(text.split()))
        forms = _forms_of_chunks(pieces)
        self.forms = tuple(frozenset().union(*forms))
        # The chunks and their forms, for the search that meets the text first, which looks
        # for its matches next (`chunks`, `settle`): splitting and looking them up again was
        # a tenth of a fresh search's highlights. Not kept past it, for the memory above.
        self._made: tuple[tuple[str, ...], list[frozenset[str]]] | None = (pieces, forms)
        self._chunks: dict[str, list[str]] = {}
        self._starts: dict[str, list[int]] = {}
        # Its forms the corpus never gave a lemma, as the last lexicon that asked learnt
        # them (`_Forms.unindexed`, a set operation over every form of the text and every
        # form met so far: a third of a warm search's highlights, the same each time). One
        # lexicon at a time: another (a view of another thread or generation) asks again.
        self._unindexed: tuple[weakref.ref[_Forms], frozenset[str]] | None = None

    def unindexed(self, known: _Forms) -> frozenset[str]:
        """Those of its forms that `known`'s lexicon never gave a lemma."""
        kept = self._unindexed
        if kept is not None and kept[0]() is known:
            return kept[1]
        found = frozenset(known.unindexed(frozenset(self.forms)))
        # One assignment: a thread reading it meanwhile sees the old pair or the new one.
        self._unindexed = (weakref.ref(known), found)
        return found

    def settle(self) -> None:
        """Drop the chunks kept for the search that made this record."""
        self._made = None

    def chunks(self, forms: set[str]) -> list[str]:
        """The chunks holding one of `forms`, each once."""
        wanted = forms - self._chunks.keys()
        if wanted:
            # Filled aside, then added at once: a thread searching the same text meanwhile
            # never sees a form's chunks half found.
            found: dict[str, list[str]] = {form: [] for form in wanted}
            made, self._made = self._made, None
            if made is None:
                pieces = tuple(set(self.text.split()))
                made = (pieces, _forms_of_chunks(pieces))
            for piece, mine in zip(*made, strict=True):
                if not wanted.isdisjoint(mine):
                    for form in wanted.intersection(mine):
                        found[form].append(piece)
            self._chunks.update(found)
        return list(dict.fromkeys(piece for form in forms for piece in self._chunks[form]))

    def starts(self, piece: str) -> list[int]:
        """Where the chunk `piece` starts in the text, as a whole chunk."""
        found = self._starts.get(piece)
        if found is None:
            found = []
            text, size = self.text, len(piece)
            at = text.find(piece)
            while at >= 0:
                end = at + size
                if (at == 0 or text[at - 1].isspace()) and (
                    end == len(text) or text[end].isspace()
                ):
                    found.append(at)
                at = text.find(piece, end if found and found[-1] == at else at + 1)
            self._starts[piece] = found
        return found


_WORD_CHAR = re.compile(r"\w")


# Text -> its forms and chunks: the same for every query, so kept across searches (a page's
# texts come back with each query that finds them); cleared when they hold more than
# _MAX_CACHED_CHARS characters of text (two to three times that in memory). The pages of
# the benchmark's 55 queries at 100,000 documents hold 5 million characters.
_FORMS_OF_TEXT: dict[str, _TextForms] = {}
_MAX_CACHED_CHARS = 16_000_000
_cached_chars = 0


def _text_forms(text: str) -> _TextForms:
    global _cached_chars
    words = _FORMS_OF_TEXT.get(text)
    if words is None:
        if _cached_chars + len(text) > _MAX_CACHED_CHARS:
            _FORMS_OF_TEXT.clear()
            _cached_chars = 0
        words = _FORMS_OF_TEXT[text] = _TextForms(text)
        _cached_chars += len(text)
    return words


# Chunk -> its words as (start, end, folded form), and its distinct forms: the same for
# every query, so kept across searches; cleared when full rather than tracking use, as
# chunks follow Zipf's law.
_WORDS_OF_CHUNK: dict[str, tuple[tuple[int, int, str], ...]] = {}
# Marks that are never part of a word (`iter_words`): stripped off a chunk's ends, they
# leave its words as they were.
_EDGES = "".join(
    mark for mark in string.punctuation + "«»“”„‚‹›…–—―‐‑•·°§¿¡€£’‘´′" if not mark.isalnum()
)
# The one apostrophe of `fold` that is a letter too.
_LETTER_APOSTROPHE = "\u02bc"
_FORMS_OF_CHUNK: dict[str, frozenset[str]] = {}
_MAX_CACHED_CHUNKS = 300_000


def _chunk_words(chunk: str) -> tuple[tuple[int, int, str], ...]:
    words = _WORDS_OF_CHUNK.get(chunk)
    if words is None:
        if len(_WORDS_OF_CHUNK) >= _MAX_CACHED_CHUNKS:
            _WORDS_OF_CHUNK.clear()
        if _one_word(chunk):
            # Letters and digits only (most chunks): one word, as `iter_words` finds it.
            words = ((0, len(chunk), _alnum_form(chunk)),)
        else:
            words = tuple((start, end, fold(word)) for word, start, end in iter_words(chunk))
        _WORDS_OF_CHUNK[chunk] = words
    return words


def _one_word(chunk: str) -> bool:
    """Whether the chunk is letters and digits only, so one word to `iter_words`: "ʼ" is a
    letter, but also an apostrophe where an elision ends ("lʼécole" is "école")."""
    return chunk.isalnum() and _LETTER_APOSTROPHE not in chunk


def _chunk_forms(chunk: str) -> frozenset[str]:
    """The distinct forms of a chunk, as `iter_words` and `fold` give them."""
    # Most chunks are one word, with punctuation around it in a third of them ("(STIB),"),
    # or an elided word ("l'école"): formed without the tokenizer, which took most of the
    # highlight stage's CPU in a fresh process.
    core = chunk.strip(_EDGES)
    if _one_word(core):
        return frozenset((_alnum_form(core),))
    head, apostrophe, tail = normalize_apostrophes(core).partition("'")
    if apostrophe and _one_word(head) and _one_word(tail):
        return frozenset((_alnum_form(tail) if _alnum_form(head) in ELISIONS else fold(core),))
    return frozenset(form for _, _, form in _chunk_words(chunk))


def _alnum_form(chunk: str) -> str:
    """The folded form of a chunk of letters and digits only: lowercase when it is ASCII
    (what `fold` gives it, without its normalizing: 4 in 10 chunks of French text)."""
    return chunk.lower() if chunk.isascii() else fold(chunk)


def _forms_of_chunks(chunks: tuple[str, ...]) -> list[frozenset[str]]:
    """The distinct forms of each chunk: looked up in C, computed for the chunks new (a
    fresh process's page: all of its 4,000)."""
    found = list(map(_FORMS_OF_CHUNK.get, chunks))
    if None in found:
        if len(_FORMS_OF_CHUNK) >= _MAX_CACHED_CHUNKS:
            _FORMS_OF_CHUNK.clear()
        for at in [at for at, forms in enumerate(found) if forms is None]:
            chunk = chunks[at]
            found[at] = _FORMS_OF_CHUNK[chunk] = _chunk_forms(chunk)
    return cast(list[frozenset[str]], found)


def snippet(
    part: str, text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS
) -> Highlight:
    """The window of `text` of about `width` characters holding the most matches."""
    if not spans:
        cut = _cut_end(text, min(len(text), width))
        return Highlight(part, _one_line(text[:cut]) + ("…" if cut < len(text) else ""), ())
    best_start, best_count = spans[0][0], 0
    right = 0
    for left, (start, _) in enumerate(spans):
        while right < len(spans) and spans[right][1] - start <= width:
            right += 1
        if right - left > best_count:
            best_start, best_count = start, right - left
    begin = max(0, best_start - width // 4)
    begin = _cut_start(text, begin)
    end = _cut_end(text, min(len(text), begin + width))
    inside = tuple((s - begin, e - begin) for s, e in spans if s >= begin and e <= end)
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    shifted = tuple((s + len(prefix), e + len(prefix)) for s, e in inside)
    return Highlight(part, prefix + _one_line(text[begin:end]) + suffix, shifted)


def _one_line(text: str) -> str:
    """Line breaks as spaces: a snippet is one line, and offsets stay valid."""
    # Not `str.translate`: with a table it looks each character up in Python (32 µs for a
    # 240-character snippet with accents, 1.3 ms of a 20-hit page); `replace` is memchr.
    return text.replace("\n", " ").replace("\r", " ").replace("\t", " ")


def _cut_start(text: str, position: int) -> int:
    """Move a window start to the beginning of a word."""
    if position <= 0:
        return 0
    space = text.rfind(" ", max(0, position - 30), position)
    return space + 1 if space >= 0 else position


def _cut_end(text: str, position: int) -> int:
    if position >= len(text):
        return len(text)
    space = text.find(" ", position, position + 30)
    return space if space >= 0 else position


def highlights(record: Mapping[str, object], matcher: Matcher) -> tuple[Highlight, ...]:
    """The title with its matches, and the best snippet of the answer, else the question."""
    title = str(record.get("title") or "")
    result = [Highlight("title", title, tuple(matcher.spans(title)))]
    best: Highlight | None = None
    for part in _PARTS[1:]:
        text = record.get(part)
        if not isinstance(text, str) or not text:
            continue
        spans = matcher.spans(text)
        candidate = snippet(part, text, spans)
        if best is None or len(candidate.spans) > len(best.spans):
            best = candidate
    if best is not None:
        result.append(best)
    return tuple(result)
