"""The declared public surface: what other programs may rely on."""

from __future__ import annotations

import importlib.metadata
import inspect
import typing

import pqsearch


def test_every_public_name_is_importable_and_documented() -> None:
    undocumented = []
    for name in pqsearch.__all__:
        value = getattr(pqsearch, name)
        if name == "__version__":
            continue
        if typing.get_origin(value) is typing.Literal:
            # A closed set of words (`Sort`, `Status`, ...): its values are its documentation,
            # and a tuple of them is public beside it for checks at run time.
            assert all(isinstance(v, str) for v in typing.get_args(value)), name
            continue
        if isinstance(value, tuple):
            # The run-time tuple of a closed set: exactly the values of a public Literal.
            literals = [
                set(typing.get_args(getattr(pqsearch, n)))
                for n in pqsearch.__all__
                if typing.get_origin(getattr(pqsearch, n)) is typing.Literal
            ]
            assert set(value) in literals, f"{name} is not the values of a public Literal"
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
