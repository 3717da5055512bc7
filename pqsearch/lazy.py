"""Names of a package imported on first use (PEP 562), so that importing the package costs
nothing: `pqsearch search` at the terminal loads only the modules a search needs; and a
library's module imported without modules it names but does not need."""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, namespace: dict[str, Any], exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The `__getattr__` and `__dir__` of `package`: each name of `exports` (name -> module,
    or "module:attribute" for a name exported under another one) imported when first asked
    for, then kept in the package's `namespace`."""

    def __getattr__(name: str) -> Any:
        source = exports.get(name)
        if source is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module, _, attribute = source.partition(":")
        value = getattr(importlib.import_module(module), attribute or name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *exports})

    return __getattr__, __dir__


class _StandIn(types.ModuleType):
    """Takes a module's place while another module is imported: the functions named are
    stand-ins that import the real module when called; any other name imports it at once."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            # The import system asks for `__path__` and others: a module's absent dunders.
            raise AttributeError(name)
        return getattr(_real(self.__name__), name)


def _real(name: str) -> types.ModuleType:
    if isinstance(sys.modules.get(name), _StandIn):
        del sys.modules[name]
    return importlib.import_module(name)


def deferred(module: str, name: str) -> Callable[..., Any]:
    """A stand-in for the function `name` of `module` that imports the module when called."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(_real(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


def iscoroutinefunction(function: object) -> bool:
    """`asyncio.iscoroutinefunction` without importing asyncio while nothing else has.

    asyncio's answer is `inspect`'s, or whether the function carries asyncio's own
    `_is_coroutine` marker: an object asyncio makes when it is imported, so that no function
    can carry it before.
    """
    loaded = sys.modules.get("asyncio")
    if loaded is not None and not isinstance(loaded, _StandIn):
        return bool(loaded.iscoroutinefunction(function))
    import inspect

    return inspect.iscoroutinefunction(function)


def import_without(module: str, unused: Mapping[str, Mapping[str, Callable[..., Any]]]) -> None:
    """Import `module` (if it is not yet) without importing the modules of `unused`: module ->
    the functions `module` takes from it, each given a stand-in (`deferred`, or one that
    answers as the function would without its module). Any other name `module` asks of them
    imports the real module.

    Only the import of `module` sees the stand-in modules: any later import of those modules
    is the real one (`module` keeps the stand-ins it was given).
    """
    if module in sys.modules:
        return
    placed: list[str] = []
    for name, functions in unused.items():
        if name not in sys.modules:
            stand_in = _StandIn(name)
            for function, replacement in functions.items():
                setattr(stand_in, function, replacement)
            sys.modules[name] = stand_in
            placed.append(name)
    try:
        # The statement's machinery, not importlib's: `python -X importtime` lists it.
        __import__(module)
    finally:
        for name in placed:
            if isinstance(sys.modules.get(name), _StandIn):
                del sys.modules[name]


__all__ = ["deferred", "import_without", "iscoroutinefunction", "lazy_exports"]
