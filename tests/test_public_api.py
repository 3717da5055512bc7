"""The declared public surface: what other programs may rely on."""

from __future__ import annotations

import pqsearch


def test_every_public_name_is_importable_and_documented() -> None:
    for name in pqsearch.__all__:
        value = getattr(pqsearch, name)
        assert value.__doc__, f"{name} has no docstring"


def test_the_surface_holds_the_calls_the_readme_shows() -> None:
    assert {
        "ingest",
        "open_index",
        "search",
        "parse_files",
        "Filters",
        "SearchResult",
        "Hit",
    } <= set(pqsearch.__all__)
    assert sorted(pqsearch.__all__) == pqsearch.__all__


def test_parse_files_stays_callable_once_the_parse_package_is_imported() -> None:
    # The ingester imports the parse package, which shares the attribute name "parse".
    import pqsearch.parse
    from tests.conftest import SEED

    batch = pqsearch.parse_files([SEED])
    assert [q.number for q in batch.questions] == [369]
