"""The declared public surface: what other programs may rely on."""

from __future__ import annotations

import dataclasses
import importlib.metadata
import inspect
import typing

import pqsearch


def _has_own_docstring(value: object) -> bool:
    # Its own __doc__, not inspect.getdoc's, which a class without one inherits from its base
    # (an error class would pass on PqsearchError's). A dataclass without a docstring gets its
    # signature as __doc__: that is not a doc.
    doc = inspect.cleandoc(getattr(value, "__doc__", None) or "")
    return bool(doc) and not doc.startswith(f"{getattr(value, '__name__', '')}(")


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
        if not _has_own_docstring(value):
            undocumented.append(name)
    assert not undocumented, f"no docstring: {undocumented}"


def test_the_docstring_check_catches_what_has_none() -> None:
    @dataclasses.dataclass(frozen=True)
    class Bare:
        field: int

    class Quiet(pqsearch.PqsearchError):
        pass

    def silent() -> None:
        pass

    assert not _has_own_docstring(Bare)
    assert not _has_own_docstring(Quiet)
    assert not _has_own_docstring(silent)
    assert _has_own_docstring(pqsearch.Hit)


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
    # Sorted as ruff's RUF022 sorts it: constants (CSV_DIALECTS, SORTS, ...) first.
    assert sorted(pqsearch.__all__, key=lambda n: (not n.isupper(), n)) == pqsearch.__all__


def test_parse_files_stays_callable_once_the_parse_package_is_imported() -> None:
    # The ingester imports the parse package, which shares the attribute name "parse".
    import pqsearch.parse
    from tests.conftest import SEED

    batch = pqsearch.parse_files([SEED])
    assert [q.number for q in batch.questions] == [369]


def test_every_error_the_cli_and_the_web_catch_is_public() -> None:
    # A program calling the library meets the errors the CLI and the web catch (an ingest
    # given only missing paths raises MissingInputError): it must be able to name them.
    import ast

    from tests.conftest import REPO

    used: set[str] = set()
    for folder in ("cli", "web"):
        for path in (REPO / "pqsearch" / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module == "pqsearch.errors":
                    used |= {alias.name for alias in node.names}
    used |= {"MissingInputError"}
    assert used - set(pqsearch.__all__) == set()


def test_the_errors_a_rebuild_raises_are_public() -> None:
    # `api.ingest(rebuild=True)` refuses an emptied folder or an index with nothing to rebuild
    # from (s20-reliab): a program catching them must be able to name them.
    import inspect

    from pqsearch import api

    said = inspect.getdoc(api.ingest) or ""
    assert "EmptyFolderRebuildError" in said
    for name in ("EmptyFolderRebuildError", "NothingToRebuildError"):
        assert name in pqsearch.__all__
        assert issubclass(getattr(pqsearch, name), pqsearch.PqsearchError)
