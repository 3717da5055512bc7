"""French lemmas with the real fr_core_news_sm model."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pqsearch.analyze.fold import fold, iter_words
from pqsearch.analyze.lemmatize import Analysis, Lemmatizer, stopwords
from tests.conftest import SEED


@pytest.fixture(scope="module")
def seed(lemmatizer: Lemmatizer) -> Analysis:
    (analysis,) = lemmatizer.analyze([SEED.read_text(encoding="utf-8")])
    return analysis


def test_pipeline_runs_without_parser_and_ner(lemmatizer: Lemmatizer) -> None:
    assert "parser" not in lemmatizer.nlp.pipe_names
    assert "ner" not in lemmatizer.nlp.pipe_names
    assert "lemmatizer" in lemmatizer.nlp.pipe_names


def test_seed_inflections_share_their_lemmas(seed: Analysis) -> None:
    lemmas = set(seed.lemmas)
    assert {"diplomate", "technologique", "technologie", "attache", "investisseur"} <= lemmas
    assert {"region", "bruxelles", "capitale", "innovation"} <= lemmas
    assert seed.forms["promouvez"] == seed.forms["promeut"] == frozenset({"promouvoir"})
    assert seed.forms["diplomates"] == frozenset({"diplomate"})


def test_forms_hold_every_content_word_and_no_stopword(seed: Analysis) -> None:
    stops = stopwords()
    keys = {fold(word) for word, _, _ in iter_words(SEED.read_text(encoding="utf-8"))}
    assert set(seed.forms) <= keys
    assert not set(seed.forms) & stops
    assert not set(seed.lemmas) & stops
    assert {"de", "la", "les", "vous", "l", "d"} <= stops
    assert seed.words == len(list(iter_words(SEED.read_text(encoding="utf-8"))))
    assert sum(sum(n.values()) for n in seed.spellings.values()) == len(seed.lemmas)


def test_numbers_are_kept_as_lemmas(seed: Analysis) -> None:
    assert {"369", "2021"} <= set(seed.lemmas)


def test_typographic_apostrophe_analyses_like_a_straight_one(lemmatizer: Lemmatizer) -> None:
    curly, straight = lemmatizer.analyze(
        ["L’Assemblée a examiné l’équipe d’attachés.", "L'Assemblée a examiné l'équipe d'attachés."]
    )
    assert curly.lemmas == straight.lemmas == ("assemblee", "examiner", "equipe", "attache")


def test_elisions_give_the_word_after_them(lemmatizer: Lemmatizer) -> None:
    (analysis,) = lemmatizer.analyze(
        ["l'équipe d'attachés qu'elle dirige jusqu'au lorsqu'il investit puisqu'on recrute"]
    )
    assert {"equipe", "attaches", "dirige", "investit", "recrute"} <= set(analysis.forms)
    assert not any("'" in form for form in analysis.forms)
    assert {"equipe", "attache", "diriger", "investir", "recruter"} <= set(analysis.lemmas)


def test_hyphenated_words_get_one_lemma_per_part(lemmatizer: Lemmatizer) -> None:
    (analysis,) = lemmatizer.analyze(
        ["Les start-ups de la Région de Bruxelles-Capitale et l'e-health."]
    )
    assert analysis.lemmas == ("start", "up", "region", "bruxelles", "capitale", "e", "health")


def test_accents_and_case_do_not_change_the_lemma_key(lemmatizer: Lemmatizer) -> None:
    upper, lower = lemmatizer.analyze(["Énergie", "énergie"])
    assert upper.lemmas == lower.lemmas == ("energie",)
    assert upper.spellings == {"energie": {"Énergie": 1}}


@pytest.mark.parametrize("text", ["", "   \n ", "... !? — « »", "le la les de des et à"])
def test_texts_without_content_words_give_empty_lemmas(lemmatizer: Lemmatizer, text: str) -> None:
    (analysis,) = lemmatizer.analyze([text])
    assert analysis.lemmas == ()
    assert analysis.forms == {}


def test_results_come_back_in_input_order_one_per_text(lemmatizer: Lemmatizer) -> None:
    texts = ["diplomates", "", "énergie", "le", "investisseurs étrangers"]
    results = list(lemmatizer.analyze(iter(texts)))
    assert [r.lemmas for r in results] == [
        ("diplomate",),
        (),
        ("energie",),
        (),
        ("investisseur", "etranger"),
    ]


def test_two_processes_give_the_same_analyses(lemmatizer: Lemmatizer) -> None:
    sentences = ["Les attachés promeuvent la Région.", "", "L'équipe d'innovation technologique."]
    texts = sentences * lemmatizer.batch_size  # a batch for each of the two workers
    assert list(lemmatizer.analyze(iter(texts), n_process=2)) == list(lemmatizer.analyze(texts))


def test_a_huge_text_is_cut_and_put_back_in_order(lemmatizer: Lemmatizer) -> None:
    filler = "\n" * 10_000_000  # 20 MB in all: far past spaCy's max_length
    (analysis,) = lemmatizer.analyze(["énergie" + filler + "diplomates" + filler + "région"])
    assert analysis.lemmas == ("energie", "diplomate", "region")
    assert analysis.words == 3


def test_text_cut_into_pieces_keeps_every_word_in_order(
    lemmatizer: Lemmatizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = SEED.read_text(encoding="utf-8")
    monkeypatch.setattr(lemmatizer, "max_chunk_chars", 1_000_000)
    whole = next(lemmatizer.analyze([text]))
    monkeypatch.setattr(lemmatizer, "max_chunk_chars", 300)
    cut = next(lemmatizer.analyze([text]))
    assert cut.words == whole.words
    assert set(cut.forms) == set(whole.forms)
    # Cuts fall at line breaks and full stops, where spaCy had little context to lose.
    same = sum(a == b for a, b in zip(cut.lemmas, whole.lemmas, strict=True))
    assert same >= 0.99 * len(whole.lemmas)


def test_terms_give_the_lemma_sequence_documents_have(lemmatizer: Lemmatizer) -> None:
    terms = ["soins de santé", "intelligence artificielle", "Start-ups", "logements sociaux"]
    assert lemmatizer.lemmatize_terms(terms) == [
        ("soin", "sante"),
        ("intelligence", "artificiel"),
        ("start", "up"),
        ("logement", "social"),
    ]
    (document,) = lemmatizer.analyze(
        ["La Région finance des logements sociaux et des soins de santé."]
    )
    assert "logement social soin sante" in " ".join(document.lemmas)


def test_importing_the_module_does_not_load_spacy() -> None:
    code = "import sys, pqsearch.analyze.lemmatize; print('spacy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
