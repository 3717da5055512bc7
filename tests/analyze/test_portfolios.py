"""One name per competence across the spellings of reshuffled ministers' titles."""

from __future__ import annotations

from pathlib import Path

import pytest

from pqsearch.analyze.lexicon import Lexicon
from pqsearch.analyze.portfolios import PortfolioNames, portfolio_key


@pytest.mark.parametrize(
    "variant",
    ["Urbanisme", "l'Urbanisme", "de l'urbanisme", "de l’Urbanisme", "URBANISME", " Urbanisme."],
)
def test_spelling_variants_share_one_key(variant: str) -> None:
    assert portfolio_key(variant) == "urbanisme"


def test_accents_and_articles_fold_to_one_display_name(tmp_path: Path) -> None:
    with Lexicon.open(tmp_path / "lexicon.sqlite", writable=True) as lexicon:
        names = PortfolioNames(lexicon)
        first = names.canonical(["de l'Énergie", "la Propreté publique"])
        assert first == ("Énergie", "Propreté publique")
        assert names.canonical(["Energie", "de la propreté publique"]) == first
    # The names are kept with the index, so the next ingest uses the same ones.
    with Lexicon.open(tmp_path / "lexicon.sqlite", writable=True) as lexicon:
        assert PortfolioNames(lexicon).canonical(["l'energie"]) == ("Énergie",)
