"""The checks configured in pyproject.toml pass: ruff (lint and format) and mypy (strict)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "pqsearch", "tests", "benchmarks"],
        ["ruff", "format", "--check", "pqsearch", "tests", "benchmarks"],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_passes(command: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


# STYLE.md: "a module does one step of the pipeline; past about 400 lines, split it".
MAX_MODULE_LINES = 400


def test_every_module_is_at_most_400_lines() -> None:
    too_long = {
        str(path.relative_to(REPO)): lines
        for path in sorted((REPO / "pqsearch").rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not too_long, "\n".join(
        f"{name} is {lines} lines (at most {MAX_MODULE_LINES}): split it into modules named "
        "after what they do"
        for name, lines in too_long.items()
    )
