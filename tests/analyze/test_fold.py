"""The surface tokenizer and folding shared by the index and the query path."""

from __future__ import annotations

import itertools
import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from unidecode import unidecode

from pqsearch.analyze import fold as fold_module
from pqsearch.analyze.fold import (
    fold,
    fold_in_place,
    iter_words,
    normalize_apostrophes,
    surface_tokens,
    surface_tokens_of,
    word_forms,
)
from tests.conftest import SEED


def test_fold_lowercases_and_strips_accents() -> None:
    assert fold("Énergie") == fold("energie") == "energie"
    assert fold("ŒUVRE") == "oeuvre"
    assert fold("Région") == "region"


def test_fold_is_the_same_for_composed_and_decomposed_accents() -> None:
    assert fold(unicodedata.normalize("NFD", "équipe")) == fold("équipe") == "equipe"


def test_fold_keeps_a_transliterated_word_one_token() -> None:
    assert " " not in fold("北京")
    assert fold("soins  de   santé") == "soins de sante"


def test_typographic_apostrophes_become_straight_without_moving_offsets() -> None:
    text = "l’équipe l‘autre lʼhôtel l`eau l´air l′ami"
    normalized = normalize_apostrophes(text)
    assert len(normalized) == len(text)
    assert normalized == "l'équipe l'autre l'hôtel l'eau l'air l'ami"


def test_elisions_are_dropped_and_offsets_point_at_the_word() -> None:
    text = "l'équipe d'attachés qu'elle jusqu'au lorsqu'il puisqu'on n'existe s'il c'est j'ai"
    words = list(iter_words(text))
    assert [word for word, _, _ in words] == [
        "équipe", "attachés", "elle", "au", "il", "on", "existe", "il", "est", "ai",
    ]  # fmt: skip
    assert all(text[start:end] == word for word, start, end in words)


def test_elision_with_a_typographic_apostrophe_or_capital() -> None:
    assert surface_tokens("L’Assemblée") == surface_tokens("L'Assemblée") == ["assemblee"]
    assert surface_tokens("QU’ELLE D'Anderlecht") == ["elle", "anderlecht"]


def test_apostrophes_inside_a_word_keep_it_whole() -> None:
    assert surface_tokens("aujourd'hui, d'aujourd’hui, prud'hommes") == [
        "aujourd'hui",
        "aujourd'hui",
        "prud'hommes",
    ]


def test_hyphens_split_words_so_a_part_finds_the_whole() -> None:
    assert surface_tokens("Région de Bruxelles-Capitale") == [
        "region",
        "de",
        "bruxelles",
        "capitale",
    ]
    assert surface_tokens("start-ups") == surface_tokens("start ups") == ["start", "ups"]
    assert surface_tokens("E-health") == ["e", "health"]


def test_numbers_are_words() -> None:
    assert surface_tokens("question n°369 du 23/02/2021, 3,5 millions") == [
        "question", "n", "369", "du", "23", "02", "2021", "3", "5", "millions",
    ]  # fmt: skip


def test_quotes_and_punctuation_are_not_words() -> None:
    assert surface_tokens("« 'Invest' » — ... ___ (IoT)") == ["invest", "iot"]
    assert surface_tokens("") == []


def test_seed_phrase_tokens_keep_their_order() -> None:
    tokens = surface_tokens(SEED.read_text(encoding="utf-8"))
    pairs = set(itertools.pairwise(tokens))
    assert ("diplomates", "technologiques") in pairs
    assert ("technologiques", "diplomates") not in pairs


@given(st.text())
def test_words_are_exact_slices_and_tokens_have_no_space(text: str) -> None:
    for word, start, end in iter_words(text):
        assert text[start:end] == word
        assert word and not any(ch.isspace() for ch in word)
    for token in surface_tokens(text):
        assert token and " " not in token and token == token.lower()


@given(st.text(), st.text())
def test_tokens_of_two_texts_joined_by_a_space_are_their_concatenation(a: str, b: str) -> None:
    assert surface_tokens(a + " " + b) == surface_tokens(a) + surface_tokens(b)


def _fold_by_unidecode(word: str) -> str:
    """What `fold` gave before its table: `unidecode` of each whitespace-separated part of
    a word that is not ASCII."""
    nfc = normalize_apostrophes(unicodedata.normalize("NFC", word))
    if nfc.isascii():
        folded = nfc.lower()
        return folded if " " not in folded else " ".join(folded.split())
    return " ".join("".join(unidecode(part).split()).lower() for part in nfc.split())


def test_fold_transliterates_every_latin_and_punctuation_character_as_unidecode() -> None:
    # Every character the fast table holds, alone, inside a word, and beside one it lacks.
    for code in [*range(0x80, 0x250), *range(0x2000, 0x2070)]:
        char = chr(code)
        for word in (char, f"a{char}b", f"Ét{char}é", f"{char}北京"):
            assert fold(word) == _fold_by_unidecode(word), hex(code)


@given(st.text(alphabet=st.characters(max_codepoint=0x2100)) | st.text())
def test_fold_is_unidecode_of_each_part(word: str) -> None:
    assert fold(word) == _fold_by_unidecode(word)


def test_folding_in_place_keeps_offsets() -> None:
    text = "Œuvre de l’Région\u00a0bruxelloise : ÉNERGIE"
    assert len(fold_in_place(text)) == len(text)
    assert fold_in_place(text) == "œuvre de l'region bruxelloise : energie"


# Words folded through each path: ASCII, accents from the table, characters outside it,
# elisions with every apostrophe, decomposed accents, "ʼ" (a letter and an apostrophe),
# "_" (never in a word), line breaks and spaces of every kind between words.
TRICKY_TEXT = (
    "L'École d’Ixelles lʼécole ʼabc qu’aujourd’hui jusqu'à «Bruxelles-Capitale» "
    "l'Île-de-France e\u0301quipe ŒUVRE œuvres Straße ﬁn İstanbul ΟΔΟΣ 北京 ½ n°12 "
    "x_y _x_ 3,5 2021-2022 a´b ’’ d' ...\u00a0Ville\u2009de\nBruxelles\u2028À\tçà"
)


def test_word_forms_are_the_tokenizers_on_every_path() -> None:
    for text in (TRICKY_TEXT, TRICKY_TEXT.replace("_", "-"), "", "   ", "ascii only words"):
        expected = {fold(word) for word, _, _ in iter_words(text)}
        assert set(word_forms(text).values()) == expected, text
        for whole, form in word_forms(text).items():
            assert whole in text
            assert [fold(word) for word, _, _ in iter_words(whole)] == [form], whole


def test_word_forms_fold_every_character_of_the_table_as_fold() -> None:
    for code in [*range(0x80, 0x250), *range(0x2000, 0x2070)]:
        char = chr(code)
        text = f"{char} a{char}b Ét{char}é {char}北京 l'{char}x"
        found = word_forms(text)
        assert set(found.values()) == {fold(word) for word, _, _ in iter_words(text)}, hex(code)
        for whole, form in found.items():
            assert [fold(word) for word, _, _ in iter_words(whole)] == [form], hex(code)


@given(st.text(alphabet=st.characters(max_codepoint=0x2100)) | st.text())
def test_word_forms_are_the_folded_words(text: str) -> None:
    found = word_forms(text)
    assert set(found.values()) == {fold(word) for word, _, _ in iter_words(text)}
    for whole, form in found.items():
        assert [fold(word) for word, _, _ in iter_words(whole)] == [form]


@given(st.lists(st.text().map(lambda text: text.replace("\n", " "))))
def test_surface_tokens_of_several_texts_are_each_ones(texts: list[str]) -> None:
    assert surface_tokens_of(texts) == [surface_tokens(text) for text in texts]


def test_surface_tokens_of_tricky_texts() -> None:
    texts = [*TRICKY_TEXT.split("\n"), "x_y l'_a", "", "’’"]
    assert surface_tokens_of(texts) == [surface_tokens(text) for text in texts]


def test_the_table_holds_only_the_characters_met() -> None:
    """A fresh process transliterates the characters its words hold, not the table's 700
    (2 to 3 ms of each terminal search)."""
    fold_module._transliterations.cache_clear()
    fold.cache_clear()
    assert fold("Société Générale à Ixelles") == "societe generale a ixelles"
    table = fold_module._transliterations()
    assert {chr(code) for code in table if code >= 0x80} == {"é", "à"}
    assert len(table) < 30
