"""A search at the terminal pays for what it imports: the union of sparse document numbers
(a phrase, a prefix, OR) gives what `np.unique` gives without importing numpy.ma, which
`np.unique`'s first call in a process does (11 to 20 ms of a fresh search)."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np

from pqsearch.query.match import union
from tests.conftest import REPO

_FRESH = """
import sys
import numpy as np
from pqsearch.query.match import union
found = union([np.array([3, 90_000], dtype=np.int64), np.array([3, 7, 50_000], dtype=np.int64)])
assert found.tolist() == [3, 7, 50_000, 90_000], found
assert "numpy.ma" not in sys.modules, "the union imported numpy.ma"
print("ok")
"""


def test_a_sparse_union_imports_no_numpy_ma() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", _FRESH], env=env, capture_output=True, text=True, check=False
    )
    assert done.stdout.strip() == "ok", done.stderr


def test_union_is_numpys_sorted_unique() -> None:
    generator = np.random.default_rng(18)
    for _ in range(200):
        parts = [
            np.unique(generator.integers(0, 1_000_000, size=generator.integers(0, 40)))
            for _ in range(generator.integers(1, 6))
        ]
        expected = np.unique(np.concatenate(parts)) if parts else np.zeros(0, np.int64)
        found = union(parts)
        assert found.tolist() == expected.tolist()
        assert found.dtype == expected.dtype or len(found) == 0
