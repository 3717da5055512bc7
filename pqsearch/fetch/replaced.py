"""Pages the site changed: the page held is kept before the new one takes its place.

A page fetched again whose body differs from the file held (the site corrected an answer,
cut it or removed it) replaces the file that ingest reads, and the next ingest replaces the
indexed version by it. The file held is first copied, whole and durably, to
`.replaced/<language>/<name>.<when it was fetched>.<ending>`: a hidden folder, which the one
folder walker (`parse.walk`) never enters, so an ingest of the harvest folder does not read
an older version as another copy of the question; it keeps its ending, so it opens in a
browser and `pqsearch parse` reads it. A run killed between the copy and the replacement
finds the same copy under the same name and goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path, PurePosixPath

from pqsearch.errors import FetchError, ParseError
from pqsearch.fetch.manifest import REPLACED, PageRecord
from pqsearch.fetch.pages import inside, write_in_folder
from pqsearch.fetch.report import ReplacedPage
from pqsearch.models import Question
from pqsearch.parse import parse_bytes


def keep_replaced(
    folder: Path,
    file: str,
    body: bytes,
    previous: PageRecord | None,
    question: Question | None,
) -> ReplacedPage | None:
    """Copy `folder`/`file` aside before `body` replaces it, if it holds something else.

    Only pages are kept, not the site's index (a new copy every run: it only grows). The copy
    is named by when the file held was fetched (`previous`, the manifest's record), else by
    its time of change; `question` is the new page read by the parser (French pages): an answer
    it lacks or cuts, that the file held has, is a warning. None when there is nothing to keep.
    """
    if PurePosixPath(file).parts[0] not in ("fr", "nl"):
        return None
    path = inside(folder, file)
    try:
        held = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        return None
    except OSError as error:
        raise FetchError(
            f"Cannot read {path} to keep it before the page fetched again replaces it "
            f"({error.strerror or error}); it was left as it was. Make it readable and run "
            "the same command again: it goes on where it stopped."
        ) from error
    if held == body:
        return None
    when = previous.fetched_at if previous is not None else None
    if when is None:  # not in the manifest (a damaged line): the file's time of change
        when = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).isoformat(timespec="seconds")
    kept = _kept_name(folder, file, held, when)
    if not (folder / kept).is_file():
        write_in_folder(folder, kept, held)
    warning = _answer_lost(held, str(path), question) if question is not None else None
    return ReplacedPage(file=file, kept=kept, warning=warning or "")


def _kept_name(folder: Path, file: str, held: bytes, when: str) -> str:
    """Where the copy goes: named by the time the page held was fetched, and by its hash
    when another copy already has that name (two versions fetched in the same second)."""
    name = PurePosixPath(file)
    stem, _, ending = name.name.partition(".")
    stamp = when.replace(":", "").replace("+0000", "Z")
    kept = f"{REPLACED}/{name.parent}/{stem}.{stamp}.{ending}"
    existing = folder / kept
    if existing.is_file() and existing.read_bytes() != held:
        digest = hashlib.sha256(held).hexdigest()[:12]
        kept = f"{REPLACED}/{name.parent}/{stem}.{stamp}-{digest}.{ending}"
    return kept


def _answer_lost(held: bytes, source: str, question: Question) -> str | None:
    """What the new page lacks of the held page's answer (none, or a shorter one), or None."""
    try:
        (previous,) = parse_bytes(held, source=source)
    except (ParseError, ValueError):
        return None  # not read as one question's page: nothing to compare with
    before = len(" ".join((previous.answer or "").split()))
    after = len(" ".join((question.answer or "").split()))
    if before == 0 or after >= before:
        return None
    if after == 0:
        return f"the site's page now has no answer (the page held had one of {before:,} characters)"
    return (
        f"the site's page now has a shorter answer: {after:,} characters, the page held {before:,}"
    )
