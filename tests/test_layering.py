"""Imports point down the pipeline: parse → analyze → index → query → api → cli/web.

Every module of the package is read with `ast` (imports inside functions and under
`TYPE_CHECKING` included) and each `pqsearch` import is checked against the layer map below. A
new top-level module or package must be given a layer here, so the map stays the one place
that says where code belongs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "pqsearch"

# Lower numbers are further down the pipeline; a module may import its own layer or lower.
LAYERS: dict[str, int] = {
    "errors": 0,
    "models": 0,
    "results": 0,  # search results, re-exported by models
    "jsonable": 0,  # records as JSON-ready data, re-exported by models
    "lazy": 0,  # imports on first use, for the packages' __init__
    "temporary": 0,  # the temporary files pqsearch makes, and the only ones it deletes
    "resources": 0,  # a write refused for want of room, a lock the file system refuses
    "parse": 1,
    "analyze": 2,
    "index": 3,
    "query": 4,
    "output": 5,  # text formatting of typed results, used by export and the CLI
    "output_dates": 5,  # dates as the terminal and the memo print them
    "memo": 5,  # the precedents memo's words and layout, used by export
    "export": 5,
    "export_file": 5,  # writing an export to the user's file
    "api": 5,
    "api_exports": 5,  # the export calls of api.Index
    "watch": 6,  # saved searches, over the public api
    "watch_json": 6,  # a saved search as watches.json holds it
    "watch_command": 6,  # a saved search as the `watch add` command that saves it
    "watch_lock": 6,  # the lock held while the saved searches change
    "fetch": 6,  # harvesting the parliament's site; hands files to api.ingest
    "cli": 7,
    "web": 7,
    "__init__": 7,  # the package's public surface re-exports the api
    "__main__": 7,
}


def _top(module: str) -> str:
    """The first component below `pqsearch` of a dotted module name ("" for the package)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    relative = path.relative_to(REPO).with_suffix("")
    return ".".join(relative.parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, imported module) for every import of pqsearch in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("pqsearch")]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "pqsearch":
                # `from pqsearch import api` names a submodule; `from pqsearch import X` with an
                # attribute of the package itself comes from the top (the public surface).
                for alias in node.names:
                    sub = f"pqsearch.{alias.name}"
                    known = (PACKAGE / alias.name).is_dir() or (
                        PACKAGE / f"{alias.name}.py"
                    ).exists()
                    found.append((node.lineno, sub if known else "pqsearch"))
            elif node.module.startswith("pqsearch."):
                found.append((node.lineno, node.module))
    return found


def test_every_module_has_a_layer() -> None:
    unknown = sorted({_top(_name(p)) for p in _modules()} - set(LAYERS))
    assert not unknown, f"give these a layer in tests/test_layering.py: {unknown}"


def _upward(name: str, imports: list[tuple[int, str]]) -> list[str]:
    """The imports of module `name` that point up the pipeline, described."""
    here = _top(name)
    return [
        f"line {line}: imports {target} ({_top(target)}, layer {LAYERS.get(_top(target))})"
        for line, target in imports
        if LAYERS.get(_top(target), 99) > LAYERS[here]
    ]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: _name(p))
def test_imports_point_down_the_pipeline(path: Path) -> None:
    upward = _upward(_name(path), _imports(path))
    assert not upward, f"{_name(path)} (layer {LAYERS[_top(_name(path))]}) imports up:\n" + (
        "\n".join(upward)
    )


def test_relative_imports_are_not_used() -> None:
    # The check above reads absolute imports only; keep it complete.
    relative = [
        f"{_name(p)}:{node.lineno}"
        for p in _modules()
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.level > 0
    ]
    assert not relative


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    """A parse module importing the api, even inside a function, fails the check; the same
    module importing downwards passes it."""
    upward = tmp_path / "probe.py"
    upward.write_text("def f():\n    from pqsearch.api import search\n", encoding="utf-8")
    assert _imports(upward) == [(2, "pqsearch.api")]
    assert _upward("pqsearch.parse.probe", _imports(upward)) == [
        "line 2: imports pqsearch.api (api, layer 5)"
    ]
    downward = tmp_path / "down.py"
    downward.write_text(
        "from pqsearch import errors\nimport pqsearch.parse.walk\n", encoding="utf-8"
    )
    assert _upward("pqsearch.parse.probe", _imports(downward)) == []


# What the CLI may import: the public surface and the modules that hold its typed results and
# messages, the front ends' own package surfaces (`serve` starts the web server, `fetch`
# prints a harvest report), the CLI's own modules, and `pqsearch.lazy`, the package's import
# helper, with which the CLI imports typer without modules no command of ours runs (no search
# logic). Anything else is an internal the CLI would lean on, which the library's users could
# not.
CLI_ALLOWED = {
    "pqsearch",
    "pqsearch.lazy",
    "pqsearch.api",
    "pqsearch.models",
    "pqsearch.errors",
    "pqsearch.output",
    "pqsearch.fetch",
    "pqsearch.web",
}


@pytest.mark.parametrize("path", sorted((PACKAGE / "cli").glob("*.py")), ids=lambda p: p.name)
def test_the_cli_imports_only_the_public_api(path: Path) -> None:
    internal = [
        f"line {line}: imports {target}"
        for line, target in _imports(path)
        if target not in CLI_ALLOWED and not target.startswith("pqsearch.cli")
    ]
    assert not internal, f"{_name(path)} imports internals:\n" + "\n".join(internal)


def test_the_cli_check_catches_an_internal_import(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text("from pqsearch.query.search import Filters\n", encoding="utf-8")
    assert [target for _, target in _imports(module)] == ["pqsearch.query.search"]
    assert "pqsearch.query.search" not in CLI_ALLOWED
