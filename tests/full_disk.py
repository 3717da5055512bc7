"""A command run on a real full disk: a small tmpfs mounted in a mount namespace of its own
(`unshare -m`), so that nothing outside the test sees it. That needs root (CI runs as root on
Debian); elsewhere the tests that use it are skipped, saying why."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


def _why_not() -> str | None:
    if os.geteuid() != 0:
        return "a tmpfs of its own needs root (unshare -m and mount)"
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is not installed"
    tried = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    if tried.returncode != 0:
        return f"unshare -m is refused here: {tried.stderr.decode(errors='replace').strip()}"
    return None


WHY_NOT = _why_not()
needs_own_mounts = pytest.mark.skipif(WHY_NOT is not None, reason=WHY_NOT or "")


def run_on_tmpfs(
    mount: Path, script: str, *, size: str = "16m", inodes: int = 1000
) -> subprocess.CompletedProcess[str]:
    """`script` (bash) run in a mount namespace of its own with a tmpfs of `size` and
    `inodes` mounted at $M (`mount`), `pqsearch` at hand as $PQ; its output as text.
    `fill_to KB` and `fill_inodes_to N` there leave that much room, that many inodes."""
    mount.mkdir(parents=True, exist_ok=True)
    prelude = f"""
set -u
M={mount}
PQ="{sys.executable} -m pqsearch.cli"
mount -t tmpfs -o size={size},nr_inodes={inodes} tmpfs "$M" || exit 97
fill_to() {{
    local free=$(( $(stat -f -c '%a*%S' "$M") / 1024 - $1 ))
    if [ $free -gt 0 ]; then dd if=/dev/zero of="$M/.filler" bs=1k count=$free status=none; fi
    true
}}
fill_inodes_to() {{
    mkdir "$M/.fillers"
    local n=$(( $(stat -f -c '%d' "$M") - $1 ))
    for k in $(seq 1 $n); do : > "$M/.fillers/$k" || break; done
}}
"""
    return subprocess.run(
        ["unshare", "-m", "bash", "-c", prelude + script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=900,
        check=False,
    )
