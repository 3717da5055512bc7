"""The pages of a harvest: where each is stored, when it is asked for again (`due`), and
what a body must be to be stored.

A French page is stored only if the page parser reads it as the page of the question asked
for, so an error page served with status 200, a cut body or another question's page never
replaces a good copy. Dutch pages cannot be parsed yet, so only what any whole page has is
checked. Every file the harvest writes or removes goes through `inside`, which refuses a name
that leads out of the harvest folder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pqsearch.errors import FetchError, ParseError, UnknownFormatError
from pqsearch.fetch.client import Rejection
from pqsearch.fetch.manifest import PageRecord, write_atomic
from pqsearch.fetch.weblex_index import IndexEntry
from pqsearch.models import Question
from pqsearch.parse import parse_bytes

Language = Literal["fr", "nl"]


@dataclass(frozen=True)
class PageTask:
    """One page to ask for: the entry it belongs to, its language, its URL."""

    entry: IndexEntry
    language: Language
    url: str

    @property
    def key(self) -> str:
        return f"{self.language}/{self.entry.key}"

    @property
    def file(self) -> str:
        """Where it is stored in the corpus folder; Dutch pages end so that ingest skips them."""
        name = self.entry.moncode
        if self.entry.base != "1":
            name += f"-base{self.entry.base}"
        return f"fr/{name}.html" if self.language == "fr" else f"nl/{name}.html.nl"


def inside(folder: Path, file: str) -> Path:
    """`folder`/`file`, or a `FetchError` when that entry would not be inside `folder`.

    The names come from the site's index (checked there too, in `weblex_index`): this is the
    guard that holds whatever a name, or a folder link inside the harvest, leads to. The
    file's own folder is resolved, not the file: replacing or removing a file that is a link
    changes the link, never what it points to.
    """
    path = folder / file
    home, where = folder.resolve(), path.parent.resolve()
    if path.name in ("", ".", "..") or not where.is_relative_to(home):
        raise FetchError(
            f"Refused to write {file}: it leads to {where / path.name}, outside the harvest "
            f"folder {home} (through '..' or a link). Nothing was written there; if a folder "
            f"inside {folder} is a link to elsewhere, make it a real folder and run this again."
        )
    return path


def write_in_folder(folder: Path, file: str, data: bytes) -> None:
    """Replace `folder`/`file` by `data` atomically, if it is inside `folder` (`inside`)."""
    write_atomic(inside(folder, file), data)


class FrenchPage:
    """Accepts a body only if the page parser reads it as this question's page; keeps it.

    A body that is no question page (an error page served with 200) or is cut short may be
    good when asked again; a whole question page that the parser cannot read will not be
    (a layout not known, as perhaps for an oral question's page): that one is not asked again
    until its index row changes.
    """

    def __init__(self, task: PageTask) -> None:
        self.task = task
        self.question: Question | None = None

    def __call__(self, body: bytes) -> Rejection | None:
        if (cut := _cut_short(body)) is not None:
            return cut
        try:
            (question,) = parse_bytes(body, source=self.task.url)
        except UnknownFormatError as error:
            return Rejection(f"not a question page: {error.reason}")
        except ParseError as error:
            return Rejection(
                f"a question page the parser cannot read ({error.reason}); its entry stays "
                "searchable by its metadata",
                retry=False,
            )
        except ValueError:
            return Rejection("not a question page: it holds several records")
        if question.source_format != "html":
            return Rejection(f"not a question page: read as {question.source_format}")
        if question.id != self.task.entry.moncode:
            return Rejection(f"the page of question {question.id}, not {self.task.entry.moncode}")
        self.question = question
        return None


class DutchPage:
    """Dutch pages are not parsed yet, so only what any page has is checked: a whole HTML
    document that names its own document code (an error page or a cut body has not)."""

    def __init__(self, task: PageTask) -> None:
        self.task = task

    def __call__(self, body: bytes) -> Rejection | None:
        if (cut := _cut_short(body)) is not None:
            return cut
        if b"<html" not in body[:2000].lower():
            return Rejection("not an HTML page")
        if f"moncode={self.task.entry.moncode}".encode() not in body:
            return Rejection(f"not the page of question {self.task.entry.moncode} (an error page?)")
        return None


def _cut_short(body: bytes) -> Rejection | None:
    # Lexbor closes whatever a cut page leaves open, so the end tag is looked for in the bytes.
    if b"</html>" not in body[-2000:].lower():
        return Rejection("the page is cut short (no </html> at its end)")
    return None


def due(
    task: PageTask,
    held: PageRecord | None,
    last: PageRecord | None,
    recent: dt.date,
    recheck_all: bool,
    french_changed: bool,
) -> bool:
    """Whether a page is asked for in this run (the refresh rules in `run`'s docstring)."""
    if recheck_all:
        return True
    if held is None:
        # A page the parser could not read stays so until its entry changes.
        return not (last and last.status == "unreadable" and last.entry == task.entry.row_hash)
    if held.entry != task.entry.row_hash:
        return True
    if task.language == "nl":
        return french_changed
    if not held.answered:
        return True
    answered_on = dt.date.fromisoformat(held.answered_on) if held.answered_on else None
    return answered_on is not None and answered_on >= recent
