"""Highlights against an independent reference: every word of every text of the shipped
corpus, tokenized by `iter_words`, matches when its folded form was typed or when
`Lexicon.expand` gives it an asked lemma, for many real queries (accents, elisions, hyphens,
phrases, prefixes, stems and synonyms) and for lemmas only the fallback table gives a form.

`Matcher` reads the forms of the asked lemmas in bulk and asks the lexicon only about a few
forms; this checks that it marks exactly what asking about every word would mark."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pqsearch.analyze.fold import fold, iter_words
from pqsearch.analyze.lexicon import Lexicon
from pqsearch.index.reader import IndexReader
from pqsearch.query import highlight
from pqsearch.query.highlight import MAX_SCAN_CHARS, Matcher
from pqsearch.query.search import QueryRunner, parse_query

QUERIES = (
    "logement",
    "logements sociaux",
    "sécurité routière",
    "securite routiere",
    "écoles",
    "ECOLE",
    "l'école",
    "d'aide",
    "aujourd'hui",
    "Bruxelles-Capitale",
    "start-ups",
    '"région de bruxelles-capitale"',
    '"transport en commun"',
    '"la mobilité"',
    "technolog*",
    "mobil*",
    "promouvoir",
    "développées",
    "diplomates technologiques",
    "mobilité OR logement",
    "(logement OR loyer) AND commune",
    "logement -social",
    "vélo",
    "STIB",
    "CPAS",
    "énergie renouvelable",
    "pollution de l'air",
    "œuvres",
    "subsides 2021",
    "ministre-président",
    "emploi des jeunes",
    "formation",
    "santé",
    "environnement",
    "budget",
    "primes énergie rénovation",
)
_WORD_CHAR = re.compile(r"\w")


def _reference(
    lexicon: Lexicon, text: str, forms: set[str], lemmas: set[str], joining: set[str]
) -> list[tuple[int, int]]:
    found = []
    for word, start, end in iter_words(text[:MAX_SCAN_CHARS]):
        form = fold(word)
        if form in forms or not lemmas.isdisjoint(lexicon.expand(word)):
            found.append((start, end, form))
    if not joining & {form for _, _, form in found}:
        return [(start, end) for start, end, _ in found]
    # A joining word (a phrase's stopword) counts only between two other matches of one
    # run: matches with nothing but spaces and punctuation between them.
    kept = []
    for at, (start, end, form) in enumerate(found):
        if form not in joining:
            kept.append((start, end))
            continue
        before = after = False
        for other in range(at - 1, -1, -1):
            if _WORD_CHAR.search(text, found[other][1], found[other + 1][0]):
                break
            if found[other][2] not in joining:
                before = True
                break
        for other in range(at + 1, len(found)):
            if _WORD_CHAR.search(text, found[other - 1][1], found[other][0]):
                break
            if found[other][2] not in joining:
                after = True
                break
        if before and after:
            kept.append((start, end))
    return kept


def _texts(reader: IndexReader) -> Iterator[str]:
    for docnum in range(reader.doc_count_all):
        question = reader.record(docnum)["question"]
        for part in ("title", "question", "answer"):
            if isinstance(question.get(part), str):
                yield question[part]


def _fresh() -> None:
    highlight._FORMS_OF_TEXT.clear()
    highlight._WORDS_OF_CHUNK.clear()
    highlight._FORMS_OF_CHUNK.clear()


@pytest.fixture(scope="module")
def reader(corpus_index: Path) -> Iterator[IndexReader]:
    opened = IndexReader(corpus_index)
    yield opened
    opened.close()


def test_every_text_marked_as_the_reference_marks_it(reader: IndexReader) -> None:
    runner = QueryRunner(reader)
    texts = list(_texts(reader))
    marked = 0
    for query in QUERIES:
        compiled = runner.compiler.compile(parse_query(query))
        _fresh()
        # A new lexicon each query: nothing learnt by an earlier query's matcher.
        with Lexicon.open(reader.lexicon.path) as lexicon:
            matcher = Matcher(lexicon, compiled.forms, compiled.lemmas, compiled.joining)
            for text in texts:
                expected = _reference(
                    lexicon, text, compiled.forms, compiled.lemmas, compiled.joining
                )
                assert matcher.spans(text) == expected, (query, text[:80])
                marked += bool(expected)
    assert marked > 200


# Words the shipped corpus never shows (its every unindexed form is a stopword): their
# lemmas come from the fallback table ("chevaux" -> "cheval"), as a snippet of a text newer
# than the lexicon would need.
UNSEEN = (
    "Les chevaux développèrent des œufs sous leurs yeux.",
    "Quant aux aïeux, ils s'émerveillèrent d'étincelles jaillissantes.",
)


def test_forms_only_the_fallback_table_lemmatizes(reader: IndexReader) -> None:
    """Words the corpus never gave a lemma are marked by their fallback lemmas, as `expand`
    gives them."""
    texts = [*UNSEEN, *_texts(reader)]
    lexicon = reader.lexicon
    words = {fold(word) for text in UNSEEN for word, _, _ in iter_words(text)}
    # Lemmas only: a form asked for as itself would match without its fallback lemmas.
    lemmas = {lemma for form in lexicon.unindexed(words) for lemma in lexicon.expand(form) - {form}}
    assert {"cheval", "oeil", "developper"} <= lemmas and not lemmas & words
    _fresh()
    with Lexicon.open(lexicon.path) as fresh:
        matcher = Matcher(fresh, set(), lemmas)
        for text in texts:
            expected = _reference(fresh, text, set(), lemmas, set())
            assert matcher.spans(text) == expected, text[:80]
        assert len(matcher.spans(UNSEEN[0])) >= 4


def test_a_stopword_with_a_lemma_is_not_marked(reader: IndexReader, tmp_path: Path) -> None:
    """A form the corpus gave a lemma but the stopword list holds (a list stored after
    the forms) gets nothing from `expand`: no lemma's forms mark it."""
    copy = tmp_path / "lexicon.sqlite"
    shutil.copyfile(reader.lexicon.path, copy)
    with Lexicon.open(copy, writable=True) as writable:
        writable.set_stopwords([*writable.stopwords(), "logements"])
    texts = list(_texts(reader))
    with Lexicon.open(copy) as lexicon:
        assert "logements" in lexicon.forms_of("logement")
        _fresh()
        matcher = Matcher(lexicon, set(), {"logement"})
        marked = 0
        for text in texts:
            expected = _reference(lexicon, text, set(), {"logement"}, set())
            assert matcher.spans(text) == expected, text[:80]
            marked += len(expected)
        assert marked


def test_unindexed_is_the_same_without_json(reader: IndexReader) -> None:
    """SQLite builds without the JSON functions ask in batches: the same answer."""
    words = {fold(word) for text in _texts(reader) for word, _, _ in iter_words(text)}
    words |= {"zzzunknown", "logement"}
    with Lexicon.open(reader.lexicon.path) as plain:
        with_json = plain.unindexed(words)
        plain._json = False
        assert plain.unindexed(words) == with_json
    assert "zzzunknown" in with_json and "logement" not in with_json


# Chunks whose words the tokenizer finds in ways a shortcut could miss: elisions with each
# apostrophe ("ʼ" is also a letter), hyphens, numbers, decomposed accents, marks alone.
TRICKY_CHUNKS = (
    "lʼécole",
    "(lʼécole)",
    "ʼabc",
    "l’école,",
    "aujourd’hui.",
    "qu’aujourd’hui",
    "jusqu'à",
    "«Bruxelles-Capitale»",
    "l'Île-de-France",
    "e\u0301quipe,",
    "(e\u0301quipe",
    "x_y",
    "_x_",
    "’’",
    "d'",
    "'",
    "...",
    "2021-2022",
    "3,5",
    "a´b",
    "ΟΔΟΣ,",
    "STIB/MIVB",
    "n°12",
)


def test_chunk_forms_are_the_tokenizers(reader: IndexReader) -> None:
    chunks = {chunk for text in _texts(reader) for chunk in text.split()}
    chunks.update(TRICKY_CHUNKS)
    for chunk in chunks:
        expected = frozenset(fold(word) for word, _, _ in iter_words(chunk))
        assert highlight._chunk_forms(chunk) == expected, chunk
        words = tuple((start, end, fold(word)) for word, start, end in iter_words(chunk))
        assert highlight._chunk_words(chunk) == words, chunk
