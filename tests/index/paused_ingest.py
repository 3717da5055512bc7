"""An ingest in another process, stopped where readers of the generation before are at risk:
after its commit's lexicon flush, before Whoosh commits (`IngestRun.commit`).

The child runs the real `api.ingest`; the only seam is a wrapper around `Lexicon.flush` that,
once `Acronyms.save` (the first step of a commit) has run, reports "flushed" and then either
waits for the parent's word (`go`) or dies at once (`kill`, as SIGKILL there would).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_CHILD = """
import os, sys
from pathlib import Path
from pqsearch import api
from pqsearch.analyze.acronyms import Acronyms
from pqsearch.analyze.lexicon import Lexicon

index, mode, files = sys.argv[1], sys.argv[2], sys.argv[3:]
real_save, real_flush, armed = Acronyms.save, Lexicon.flush, [False]

def save(self, lexicon):
    real_save(self, lexicon)
    armed[0] = True

def flush(self):
    real_flush(self)
    if armed[0]:
        armed[0] = False
        print("flushed", flush=True)
        if mode == "kill":
            os._exit(9)
        sys.stdin.readline()

Acronyms.save, Lexicon.flush = save, flush
api.ingest([Path(f) for f in files], index_dir=index, prune=True)
print("done", flush=True)
"""


class PausedIngest:
    """`api.ingest(files, index_dir=index, prune=True)` in a child process, stopped after its
    first commit's lexicon flush (`mode` "pause": until `go`; "kill": it exits there)."""

    def __init__(self, index: Path, files: list[Path], *, mode: str = "pause") -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(index), mode, *map(str, files)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        assert line == "flushed", f"the ingest said {line!r} (exit {self.process.poll()})"

    def go(self) -> None:
        """Let the ingest commit and finish."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        rest = self.process.stdout.read()
        assert self.process.wait(timeout=300) == 0
        assert "done" in rest

    def end(self) -> int:
        """Wait for the child (after a kill, or when the test failed) and give its exit code."""
        if self.process.poll() is None and self.process.stdin is not None:
            self.process.stdin.close()
        return self.process.wait(timeout=300)
