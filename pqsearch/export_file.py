"""Writing an export to the file the user named, never over a file by surprise.

The file named with -o may be anything, even a source document of the index: an existing
one is replaced only when asked (`force`), and the export is written beside it and renamed
into place, so that a failure (a full disk, a kill) leaves whatever was there whole.
"""

from __future__ import annotations

from pathlib import Path

from pqsearch.errors import PqsearchError
from pqsearch.index import durable


def write_export(path: str | Path, text: str, *, force: bool = False) -> None:
    """Write an export to `path`, whole or not at all; an existing file only with `force`.

    What cannot be written (a file that exists, a folder that does not exist or cannot be
    written, a full disk) is a message (PqsearchError), not a traceback.
    """
    target = Path(path)
    try:
        durable.write_new(target, text.encode("utf-8"), replace=force)
    except FileExistsError as error:
        raise PqsearchError(
            f"{target} already exists; the export does not replace a file. Give a new name "
            "with -o, or add --force to replace it (force=True from Python)."
        ) from error
    except OSError as error:
        where = target.parent if not target.parent.is_dir() else target
        raise PqsearchError(
            f"Cannot write the export to {target}: {error.strerror} ({where}). "
            "Give a file in a folder that exists, that you can write and that has room; "
            "nothing was changed."
        ) from error
