"""A rebuild given files and folders of which some are not there.

A rebuild replaces the index with what its paths give. Given `local share/sub` while
`share/sub` is gone (a typo, a subfolder of a share not mounted, a link to it that leads
nowhere), it used to read `local` alone and switch in without the documents read from
`share/sub` (exit status 1, a warning per document, saved aside), however many documents
`share` still held beside it (final review of session 20). It now refuses, before anything is
built, naming each path with how many indexed documents were read from it, unless
`--allow-empty`. None of the paths there is "nothing to rebuild" (`rebuild_losses`), as before.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pqsearch.errors import DamagedIndexError, EmptyFolderRebuildError, IndexProblemError
from pqsearch.index import store
from pqsearch.index.existing import existing_without_postings
from pqsearch.index.holders import Files
from pqsearch.index.refusals import missing


class MissingPathRebuildError(EmptyFolderRebuildError):
    """A rebuild was given files or folders of which some are not there (a typo, a disk or
    share not mounted, a link to it that leads nowhere) while others are: it would replace
    the index with what the others give. Refused before anything is built; `folders` holds
    them made absolute, with how many indexed documents were read from each."""

    def __init__(self, index_dir: str | Path, folders: dict[str, int]) -> None:
        self.index_dir, self.folders, self.unreadable = str(index_dir), folders, {}
        said = ", ".join(
            f"{f} ({n} document{'s' if n > 1 else ''})" if n else f
            for f, n in sorted(folders.items())
        )
        IndexProblemError.__init__(
            self,
            f"The rebuild of the index at {self.index_dir} was not started: these files or "
            f"folders given are gone or not there: {said} (a typo, or a disk or share not "
            "mounted, or a link to it that leads nowhere now). A rebuild replaces the index "
            "with what the paths give: it would drop the documents read from there. The index "
            "is left as it was. Check the paths, or mount them, and run the rebuild again; to "
            "rebuild without them on purpose, run it with --allow-empty.",
        )


def refuse_missing_paths(root: Path, live: Path, paths: Sequence[str | Path]) -> None:
    """`MissingPathRebuildError` when some of `paths`, not all, are not there."""
    missing = [str(path) for path in paths if _not_there(path)]
    if not missing or len(missing) == len(paths):
        return
    try:
        # Columns only: the index may be damaged (what a rebuild is for).
        ix = store.open_whoosh(root, live, check_files=False)
        try:
            sources = [e.source for e in existing_without_postings(ix).values()]
        finally:
            ix.close()
    except Exception as error:
        if not isinstance(error, DamagedIndexError) and not store.is_damage(error):
            raise
        sources = []  # a missing path is refused all the same, without the counts
    files = Files()
    held = {
        os.path.abspath(path): sum(1 for s in sources if files.under(s, [path])) for path in missing
    }
    raise MissingPathRebuildError(root, held)


def _not_there(path: str | Path) -> bool:
    """Gone, or a link whose target is gone. A path that cannot be looked at (a folder on
    the way that may not be entered) is there: the rebuild says it cannot be read."""
    return missing(path) or (os.path.islink(path) and not os.path.exists(path))
