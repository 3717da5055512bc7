"""Work, not time: the Python function calls a piece of code makes.

A duration asserted in a test fails on a busy machine (CI shares its cores); the number of
calls is the same on every run, so a bound on it, or on how it grows with the input, says
that the work is bounded without a clock.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any


@dataclasses.dataclass
class Calls:
    """Python function calls counted so far (C functions are not counted)."""

    count: int = 0


@contextlib.contextmanager
def counting_calls() -> Iterator[Calls]:
    """Count the Python function calls made in this thread inside the `with` block."""
    calls = Calls()

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event == "call":
            calls.count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        yield calls
    finally:
        sys.setprofile(previous)


def first_search_calls(root: Path, query: str, **options: Any) -> int:
    """The calls of the first search of a freshly opened index (what a search at the
    terminal costs: nothing cached yet): the unit hostile queries are measured in. A
    repeated warm search is no unit: the caches make it nearly free, whatever it asks."""
    from pqsearch import api

    with api.open_index(root) as fresh, counting_calls() as calls:
        fresh.search(query, **options)
    return calls.count
