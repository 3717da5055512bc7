"""Fixtures of the analyze tests: one real spaCy pipeline per session (loading takes ~4 s)."""

from __future__ import annotations

import pytest

from pqsearch.analyze.lemmatize import Lemmatizer


@pytest.fixture(scope="session")
def lemmatizer() -> Lemmatizer:
    """The real fr_core_news_sm pipeline, loaded once for every analyze test."""
    return Lemmatizer()
