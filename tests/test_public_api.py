"""The declared public surface: what other programs may rely on."""

from __future__ import annotations

import importlib.metadata
import inspect

import pqsearch


def test_every_public_name_is_importable_and_documented() -> None:
    undocumented = []
    for name in pqsearch.__all__:
        value = getattr(pqsearch, name)
        if name == "__version__":
            continue
        doc = inspect.getdoc(value) or ""
        # A dataclass without a docstring gets its signature as __doc__: that is not a doc.
        if not doc or doc.startswith(f"{value.__name__}("):
            undocumented.append(name)
    assert not undocumented, f"no docstring: {undocumented}"


def test_the_version_is_the_installed_distributions() -> None:
    assert pqsearch.__version__ == importlib.metadata.version("pqsearch")


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
