"""A part of a document (title, question, answer) as sector detection reads it.

Sector detection works on the lemmas the lemmatizer gives, but two things it needs are only in
the original text: where sentences and numbered items start (a sector discussed in most of the
answer's sentences is its subject; one named in a single sentence is a passing mention), and
which words are names (the "Santé" of "SPF Santé publique", the "Défense" of "ministre de la
Défense", the STIB). `read_part` finds both in the text and carries them over to the lemmas.

The lemmas keep one entry per content word of the text in order (see `lemmatize`), so walking
the text's words with the same rules lines them up; when the walk does not give as many words
as there are lemmas (a word that is a stopword in one place and not in another), the part is
read without names and cut into windows of `WINDOW` lemmas instead of sentences.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from pqsearch.analyze.fold import fold, iter_words, normalize_apostrophes
from pqsearch.analyze.lemmatize import Analysis, stopwords

BODIES_FILE = "bodies.toml"
# Lemmas per pseudo-sentence when the text's sentences cannot be lined up with its lemmas:
# a French sentence of parliamentary prose has about twelve content words.
WINDOW = 12

# A sentence or an item ends at a stop, question or exclamation mark, semicolon or colon
# followed by a space, and at a line break; a numbered item ("1.", "2)", "a)", "- ") starts one.
_BOUNDARY = re.compile(
    # a stop that does not close an item number ("1.", "12.")
    r"(?<!\s\d)(?<!\s\d\d)(?<!^\d)[.!?;:](?=\s)"
    r"|\n"
    # the start of an item: "1.", "2)", "a)", "- ", "• "
    r"|(?:(?<=\s)|^)(?=(?:\d{1,2}[.)]|[a-h]\)|[-–•])\s)",
    re.MULTILINE,
)
# A line of a list: a bullet or an item number at its start (spaces before it allowed).
_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|[a-h]\)|[-–•*])\s")
# A name the gazetteer lacks, after its head word's preposition, runs over at most this many
# content words: "de l'emploi", "de sécurité routière", "des transports intercommunaux".
HEADED_WORDS = 2
# Folded words that link a head to its complement and that may stand inside it; any other
# stopword ("et", "qui", "a", "sur") ends the name.
_PREPOSITIONS = frozenset({"de", "du", "des", "pour", "au", "aux", "contre"})
_ARTICLES = frozenset({"la", "le", "les", "l"})
# A word between the head and its preposition, or a second content word straight after the
# first, must look like an adjective ("régionale", "national", "bruxellois", "publique",
# "routière", "intercommunaux"): otherwise it is the sentence's verb or object ("le Service
# traite des demandes", "l'Agence ... pour la propreté collecte les déchets"), not the name.
_ADJECTIVE = re.compile(
    r"(?:al|ale|ales|aux|ois|oise|oises|ique|iques|ien|ienne|iens|iennes|el|elle|els|elles"
    r"|aire|aires|if|ive|ifs|ives|eur|eure|eurs|ier|iere|iers|ieres|and|ande|ands|andes"
    r"|ain|aine|ains|aines|on|onne|onnes|ant|ante|ants|antes|phone|phones|ee|ees|public"
    r"|publics|belge|belges)$"
)
# A web or e-mail address: a scheme or "www." or an "@", or words joined by dots ending in a
# top-level domain, in any case ("mobilite.brussels", "Actiris.Brussels",
# "www.health.belgium.be"). An address never takes a bracket, a quote or a final stop: "(www.
# sante.be)La santé" names "www.sante.be", not the word after the bracket.
_URL_CHARS = r"[^\s()\[\]<>«»\"]"
_ADDRESS = re.compile(
    rf"(?:https?://|www\.){_URL_CHARS}*[^\s()\[\]<>«»\".,;:!?]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?i:brussels|be|eu|com|org|net|int|fr|nl|lu|info)\b"
    rf"(?:/{_URL_CHARS}*[^\s()\[\]<>«»\".,;:!?])?"
)
# Characters after which a capital starts a sentence rather than a name.
_OPENERS = frozenset('.!?:;-–•("«\n')


@dataclass(frozen=True)
class Body:
    """A public body or company: the names texts give it (the one a text used first, once
    found by `Gazetteer.find`), the sector of its business."""

    names: tuple[str, ...]
    sector: str | None = None


def reading_rules() -> dict[str, object]:
    """What decides how a part is read into sentences, list items and names, besides the
    gazetteer: for the detector's fingerprint (`detector_version`), so that a change of any of
    these patterns tells indexes to re-analyse without anyone remembering to bump a revision."""
    return {
        "boundary": _BOUNDARY.pattern,
        "item": _ITEM.pattern,
        "prepositions": sorted(_PREPOSITIONS),
        "articles": sorted(_ARTICLES),
        "adjective": _ADJECTIVE.pattern,
        "address": _ADDRESS.pattern,
        "openers": sorted(_OPENERS),
        "window": WINDOW,
    }


@dataclass(frozen=True)
class PartText:
    """The lemmas of one part with where its sentences are and which lemmas are names.

    `sentence[i]` is the sentence (or item) of lemma i, numbered from 0, `sentences` their
    number; `named` the positions of lemmas inside a name; `bodies` the (start, end) lemma
    spans of gazetteer names with the body each names; `items` the sentences that are lines
    of a list (a bullet, a numbered item, a table row).
    """

    lemmas: tuple[str, ...]
    sentence: tuple[int, ...]
    sentences: int
    named: frozenset[int] = frozenset()
    bodies: tuple[tuple[int, int, Body], ...] = field(default=())
    # The sentences that are lines of a list: a bullet or numbered item, a table row.
    items: frozenset[int] = frozenset()


def plain_part(lemmas: Sequence[str]) -> PartText:
    """Lemmas without their text: windows of `WINDOW` lemmas stand for sentences."""
    lemmas = tuple(lemmas)
    sentence = tuple(position // WINDOW for position in range(len(lemmas)))
    return PartText(lemmas, sentence, max(1, -(-len(lemmas) // WINDOW)))


def read_part(text: str, analysis: Analysis, gazetteer: Gazetteer | None = None) -> PartText:
    """The part `text`, lemmatized as `analysis`, with its sentences and names."""
    text = normalize_apostrophes(text)
    words = list(iter_words(text))
    keys = [fold(word) for word, _, _ in words]
    kept = _kept_words(keys, analysis, stopwords())
    if kept is None:
        return plain_part(analysis.lemmas)
    starts = [match.end() for match in _BOUNDARY.finditer(text)]
    word_sentence = [bisect_right(starts, start) for _, start, _ in words]
    # Number the sentences that hold a lemma 0, 1, 2, ... in order.
    numbers: dict[int, int] = {}
    sentence = tuple(numbers.setdefault(word_sentence[i], len(numbers)) for i in kept)
    bounds = [0, *starts, len(text)]
    items = frozenset(
        number
        for raw, number in numbers.items()
        if _ITEM.match(text, bounds[raw]) or "|" in text[bounds[raw] : bounds[raw + 1]]
    )
    lemma_of = {word_index: position for position, word_index in enumerate(kept)}
    gazetteer = gazetteer or default_gazetteer()
    capitalised = list(_capitalised_names(text, words))
    name_words = {
        *capitalised,
        *gazetteer.headed_names(text, words, keys, capitalised),
        *_address_words(text, words),
    }
    named = {lemma_of[i] for i in name_words if i in lemma_of}
    bodies: list[tuple[int, int, Body]] = []
    for first, last, body in gazetteer.find(words, keys):
        inside = [lemma_of[i] for i in range(first, last) if i in lemma_of]
        if inside:
            named.update(inside)
            bodies.append((inside[0], inside[-1] + 1, body))
    return PartText(
        analysis.lemmas, sentence, max(1, len(numbers)), frozenset(named), tuple(bodies), items
    )


def _kept_words(keys: Sequence[str], analysis: Analysis, stops: frozenset[str]) -> list[int] | None:
    """The indexes of the words that gave the lemmas, in order, or None if they do not line
    up. A form kept in one place and dropped in another ("suivi": a noun, or a form of
    "suivre") is kept where the next lemma is one it received."""
    lemmas = analysis.lemmas
    kept: list[int] = []
    for index, key in enumerate(keys):
        if not key or key in stops or key not in analysis.forms:
            continue
        position = len(kept)
        if position >= len(lemmas):
            return None
        if key in analysis.stopped and lemmas[position] not in analysis.forms[key]:
            continue
        kept.append(index)
    return kept if len(kept) == len(lemmas) else None


def _capitalised_names(text: str, words: Sequence[tuple[str, int, int]]) -> Iterable[int]:
    """Words written with a capital in mid-sentence: in French only names are ("la Santé
    publique", "ministre de la Défense", "Bruxelles Mobilité", "Service public fédéral
    Mobilité"). A capital after a comma is a name only beside another capitalised word: lists
    of domains ("FinTech, RegTech, Insurance") are read as words. Acronyms are left to the
    gazetteer."""
    capital = [word[:1].isupper() and not word.isupper() for word, _, _ in words]
    for index, (_, start, _) in enumerate(words):
        if not capital[index]:
            continue
        previous = start - 1
        while previous >= 0 and text[previous] in " \t\r\xa0":
            previous -= 1
        if previous < 0 or text[previous] in _OPENERS:
            continue
        # Any word before it ("de la Défense", "fédéral Mobilité", "l'Emploi"): a name. The
        # rule once asked for an article or a preposition before; cross-validated on dev,
        # any word does as well or better (0.887 / 0.882 -> 0.888 / 0.884).
        if text[previous] != ",":
            yield index
            continue
        after = index + 1 < len(words) and not text[words[index][2] : words[index + 1][1]].strip(
            " -\xa0"
        )
        if after and capital[index + 1]:
            yield index


def _address_words(text: str, words: Sequence[tuple[str, int, int]]) -> Iterable[int]:
    """The words of web and e-mail addresses ("qualitedelair.brussels", "www.stib.be",
    "info@actiris.be"): an address names a site or a mailbox, like a body's name, so the
    words in it ("emploi" of "emploi.brussels") say who publishes, not what the text is
    about."""
    spans = [match.span() for match in _ADDRESS.finditer(text)]
    if not spans:
        return
    for index, (_, start, end) in enumerate(words):
        if any(a <= start and end <= b for a, b in spans):
            yield index


class Gazetteer:
    """Finds the names of bodies in a text's words, and the names it lacks that start with
    one of its head words (`heads`: "Agence", "Office", "Fonds", ...)."""

    def __init__(self, bodies: Iterable[Body], heads: Iterable[str] = ()) -> None:
        self.bodies = tuple(bodies)
        self.heads = frozenset(fold(head) for head in heads)
        # First folded word -> (folded words, needs a capital, body), longest first. The body
        # is stored with the name matched first, so that evidence quotes the name the text
        # uses: an entry groups several bodies ("Cambio", "SNCB", ...) under one sector.
        self._names: dict[str, list[tuple[tuple[str, ...], bool, Body]]] = {}
        for body in self.bodies:
            for name in body.names:
                name_keys = tuple(key for w, _, _ in iter_words(name) if (key := fold(w)))
                if not name_keys:
                    continue
                capital = len(name_keys) == 1 and name[:1].isupper()
                named = Body((name, *(n for n in body.names if n != name)), body.sector)
                self._names.setdefault(name_keys[0], []).append((name_keys, capital, named))
        for candidates in self._names.values():
            candidates.sort(key=lambda item: -len(item[0]))

    def find(
        self, words: Sequence[tuple[str, int, int]], keys: Sequence[str]
    ) -> Iterable[tuple[int, int, Body]]:
        """(first word, end word, body) of every name, longest first, never overlapping."""
        index = 0
        while index < len(keys):
            found = None
            for name_keys, capital, body in self._names.get(keys[index], ()):
                end = index + len(name_keys)
                if tuple(keys[index:end]) != name_keys:
                    continue
                if capital and not words[index][0][:1].isupper():
                    continue
                found = (index, end, body)
                break
            if found is None:
                index += 1
                continue
            yield found
            index = found[1]

    def headed_names(
        self,
        text: str,
        words: Sequence[tuple[str, int, int]],
        keys: Sequence[str],
        capitalised: Iterable[int],
    ) -> Iterable[int]:
        """The words of names the list lacks, written the French way with a capital on the
        first word only ("l'Agence régionale pour la propreté", "l'Office national de
        l'emploi", "le Fonds de sécurité routière"): from a head word written with a capital
        in mid-sentence, up to two adjectives, then a preposition ("de", "d'", "pour") and up
        to `HEADED_WORDS` content words, without crossing punctuation or another stopword
        ("et", "qui", "a")."""
        stops = stopwords()
        for index in capitalised:
            if keys[index] not in self.heads:
                continue
            span: list[int] = []
            linked = linked_just = False
            content = 0
            position = index + 1
            while position < len(words) and content < HEADED_WORDS:
                elided = _elided(text, words, position)
                if elided is None:
                    break
                key = keys[position]
                after_link = linked_just or elided != ""
                linked = linked or elided == "d"
                linked_just = False
                if key in _PREPOSITIONS:
                    linked = linked_just = True
                elif key in _ARTICLES:
                    linked_just = linked
                elif key in stops:
                    break
                elif linked:
                    if content and not after_link and not _ADJECTIVE.search(key):
                        break
                    content += 1
                elif position - index > 2 or not _ADJECTIVE.search(key):
                    break
                span.append(position)
                position += 1
            if content:
                yield from span


def _elided(text: str, words: Sequence[tuple[str, int, int]], position: int) -> str | None:
    """What stands between word `position` and the one before: "" (spaces or a hyphen), an
    elided word written before it ("d", "l" of "d'emploi", "l'emploi"), or None when a comma,
    a stop or a bracket ends the name there."""
    gap = text[words[position - 1][2] : words[position][1]].strip(" \xa0-")
    if not gap:
        return ""
    if gap.endswith("'") and fold(gap[:-1]) in {"d", "l"}:
        return fold(gap[:-1])
    return None


def load_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """The bodies of `path` (a TOML file like pqsearch/data/bodies.toml), or the packaged list."""
    file = Path(path) if path else Path(str(resources.files("pqsearch") / "data" / BODIES_FILE))
    with file.open("rb") as handle:
        data = tomllib.load(handle)
    return Gazetteer(
        (Body(tuple(entry["names"]), entry.get("sector")) for entry in data.get("body", ())),
        data.get("heads", ()),
    )


@cache
def default_gazetteer() -> Gazetteer:
    return load_gazetteer()
