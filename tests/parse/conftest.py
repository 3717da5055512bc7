"""The real documents, parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from pqsearch.models import Question
from pqsearch.parse import parse_file
from tests.conftest import BRUSSELS_HTML, BRUSSELS_RECORDS, SEED

PAGE_PATHS = sorted(BRUSSELS_HTML.glob("*.html"))


@pytest.fixture(scope="session")
def seed() -> Question:
    (question,) = parse_file(SEED)
    return question


@pytest.fixture(scope="session")
def pages() -> dict[str, Question]:
    """Every saved HTML page's record, by moncode (the file name)."""
    parsed = {}
    for path in PAGE_PATHS:
        (question,) = parse_file(path)
        parsed[path.stem] = question
    return parsed


@pytest.fixture(scope="session")
def records() -> dict[str, Question]:
    """The collector's records.jsonl, by id."""
    return {question.id: question for question in parse_file(BRUSSELS_RECORDS)}


def page_path(moncode: str) -> Path:
    return BRUSSELS_HTML / f"{moncode}.html"
