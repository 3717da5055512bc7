"""One harvest: read the indexes, write the index-only records, fetch the pages due.

The corpus folder it fills (`DEFAULT_FOLDER`):

    manifest.ndjson                  what was fetched, when, validators, hashes (manifest.py)
    weblex-index/dos_qu_legis_24-29.json   the site's index, as served
    index-only/24-29.jsonl           a metadata record per entry whose French page is not held
    fr/<moncode>.html                French pages, as served, each checked by the page parser
    nl/<moncode>.html.nl             Dutch pages, as served; not parsed yet (the ending keeps
                                     ingest from reading them until a Dutch layout is known)
    .replaced/fr/, .replaced/nl/     pages held that a changed page replaced (replaced.py)

Refresh rules: a page is asked for when it is not held, when its index row changed, when
it had no answer when fetched, or when its answer is younger than `recent_days`; a Dutch
page also when its French page came back new or changed. Pages held are asked for with
their validators, so an unchanged one costs a 304. A page the parser could not read as a
whole is not asked for again until its index row changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from pqsearch.errors import FetchError
from pqsearch.fetch.client import PoliteClient, Politeness, Rejection, Response, Validators
from pqsearch.fetch.manifest import (
    Manifest,
    PageRecord,
    Status,
    harvest_lock,
    now,
    remove_temporaries,
)
from pqsearch.fetch.pages import (
    DutchPage,
    FrenchPage,
    Language,
    PageTask,
    due,
    inside,
    write_in_folder,
)
from pqsearch.fetch.replaced import keep_replaced
from pqsearch.fetch.report import HarvestProgress, HarvestReport, ReplacedPage
from pqsearch.fetch.weblex_index import (
    KIND_NAMES,
    IndexEntry,
    Kind,
    ParsedIndex,
    index_record,
    index_url,
    legislature_slug,
    parse_index,
)
from pqsearch.models import FileFailure, Question

SITE_URL = "https://www.parlement.brussels"
DEFAULT_FOLDER = Path("corpus") / "brussels-harvest"
DUTCH_NOT_PARSED = (
    "Dutch pages are stored in nl/ but not parsed yet: no real Dutch page was available to "
    "build the parser against, and its layout is not guessed."
)

T = TypeVar("T")
# Pages failing one after the other, that many times, stop the run.
FAILURES_IN_A_ROW = 20


def choices(kinds: Iterable[str], languages: Iterable[str]) -> tuple[list[Kind], list[Language]]:
    """The kinds ("all" for every one) and languages asked for, checked; a `FetchError`
    names the accepted values."""
    known_kinds: dict[str, Kind] = {kind: kind for kind in KIND_NAMES}
    known_languages: dict[str, Language] = {"fr": "fr", "nl": "nl"}
    asked = list(known_kinds) if "all" in kinds else list(kinds)
    return _checked(asked, known_kinds, "kind"), _checked(languages, known_languages, "language")


def _checked(values: Iterable[str], known: dict[str, T], what: str) -> list[T]:
    values = list(values)
    for value in values:
        if value not in known:
            accepted = ", ".join(known) + (", all" if what == "kind" else "")
            raise FetchError(f"{what} {value!r} is not known: use one of {accepted}.")
    return [known[value] for value in values]


def run_harvest(
    legislatures: Sequence[str] = ("24/29",),
    *,
    kinds: Iterable[Kind] = ("written",),
    languages: Iterable[Language] = ("fr", "nl"),
    folder: Path = DEFAULT_FOLDER,
    base_url: str = SITE_URL,
    politeness: Politeness | None = None,
    recent_days: int = 90,
    recheck_all: bool = False,
    max_pages: int | None = None,
    progress: Callable[[HarvestProgress], None] | None = None,
) -> HarvestReport:
    """Bring `folder` up to date with the site (see the module's docstring for the rules)."""
    started = time.monotonic()
    for legislature in legislatures:
        legislature_slug(legislature)  # a mistyped one is refused before any request
    with harvest_lock(folder):
        run = _Run(folder, base_url, politeness or Politeness(), progress)
        indexes = [run.read_index(legislature) for legislature in legislatures]
        entries = [entry for parsed in indexes for entry in parsed.entries]
        # Before any page: every entry is searchable even if this run stops early.
        for parsed in indexes:
            run.write_index_only(parsed)
        wanted = set(kinds)
        asked = [entry for entry in entries if entry.kind in wanted]
        complete = run.fetch_pages(
            asked,
            languages=tuple(languages),
            recent_days=recent_days,
            recheck_all=recheck_all,
            max_pages=max_pages,
        )
        index_only = sum(run.write_index_only(parsed) for parsed in indexes)
        if complete:
            run.manifest.finish_run()
        else:
            run.notes.append(
                f"Stopped after {max_pages} pages (--max-pages); run the same command again to "
                "go on: pages already fetched are not asked for again."
            )
    dutch = sum(1 for key in run.manifest.good if key.startswith("nl/"))
    if dutch:
        run.notes.append(DUTCH_NOT_PARSED)
    return HarvestReport(
        folder=str(folder),
        legislatures=tuple(parsed.legislature for parsed in indexes),
        index_entries=len(entries),
        entries_asked=len(asked),
        new=tuple(run.outcomes["new"]),
        changed=tuple(run.outcomes["changed"]),
        unchanged=tuple(run.outcomes["unchanged"]),
        failed=tuple(run.failed),
        robots=tuple(run.outcomes["robots"]),
        kept=len(run.outcomes["kept"]),
        resumed=len(run.outcomes["resumed"]),
        dutch_held=dutch,
        index_only=index_only,
        requests=run.client.requests,
        seconds=time.monotonic() - started,
        complete=complete,
        kinds=dict(Counter(entry.kind for entry in entries).most_common()),
        retried=tuple(run.client.retried),
        notes=tuple(run.notes),
        replaced=tuple(run.replaced),
    )


class _Run:
    """The state of one harvest: the client, the manifest, what happened to each page."""

    def __init__(
        self,
        folder: Path,
        base_url: str,
        politeness: Politeness,
        progress: Callable[[HarvestProgress], None] | None,
    ) -> None:
        self.folder = folder
        self.base_url = base_url
        remove_temporaries(folder)
        self.manifest = Manifest(folder)
        self.client = PoliteClient(base_url, politeness)
        self.client.read_robots()
        # Only once the site answered: a site down from the start leaves the folder as it was.
        self.manifest.start_run()
        self.progress = HarvestProgress()
        self.on_progress = progress
        self.outcomes: dict[str, list[str]] = {
            name: [] for name in ("new", "changed", "unchanged", "robots", "kept", "resumed")
        }
        self.failed: list[FileFailure] = []
        self.replaced: list[ReplacedPage] = []
        self.blocked_in_a_row = 0
        self.notes: list[str] = list(self.manifest.problems)

    def read_index(self, legislature: str) -> ParsedIndex:
        """The legislature's index: fetched (conditionally), else the copy held."""
        slug = legislature_slug(legislature)
        url = index_url(self.base_url, legislature)
        key, file = f"index/{slug}", f"weblex-index/dos_qu_legis_{slug}.json"
        held = self.manifest.holds(key)

        def problem(body: bytes) -> Rejection | None:
            try:
                parse_index(body, base_url=self.base_url, legislature=legislature, source=url)
            except FetchError as error:
                return Rejection(str(error))
            return None

        response = self.client.get(url, _validators(held), check=problem)
        if response.outcome == "ok":
            self._store(key, url, file, response, previous=held)
        elif held is not None:
            self.manifest.add(replace(held, checked_at=now()))
            if response.outcome != "not_modified":
                self.notes.append(
                    f"The index of {legislature} could not be fetched ({response.reason}); the "
                    f"copy fetched {held.fetched_at} is used."
                )
        else:
            raise FetchError(
                f"The index of legislature {legislature} could not be fetched from {url}: "
                f"{response.reason}. Nothing was changed; run the command again later."
            )
        data = response.body if response.outcome == "ok" else (self.folder / file).read_bytes()
        parsed = parse_index(data, base_url=self.base_url, legislature=legislature, source=url)
        self.notes.extend(parsed.problems)
        unknown = sorted({e.type_fr for e in parsed.entries if e.kind == "other"})
        if unknown:
            self.notes.append(f"Index entries of a type not known, kept as kind 'other': {unknown}")
        return parsed

    def write_index_only(self, parsed: ParsedIndex) -> int:
        """Write the index-only records of the entries whose French page is not held."""
        lines = [
            json.dumps(index_record(entry), ensure_ascii=False)
            for entry in parsed.entries
            if self.manifest.holds(f"fr/{entry.key}") is None
        ]
        file = f"index-only/{legislature_slug(parsed.legislature)}.jsonl"
        if lines:
            write_in_folder(self.folder, file, ("\n".join(lines) + "\n").encode())
        else:
            inside(self.folder, file).unlink(missing_ok=True)
        return len(lines)

    def fetch_pages(
        self,
        entries: Sequence[IndexEntry],
        *,
        languages: tuple[Language, ...],
        recent_days: int,
        recheck_all: bool,
        max_pages: int | None,
    ) -> bool:
        """Fetch the pages due; False when `max_pages` stopped the run before its end."""
        recent = dt.date.today() - dt.timedelta(days=recent_days)
        self.progress.total = len(entries) * len(languages)
        for entry in entries:
            french_changed = False
            for language in languages:
                url = entry.page_fr if language == "fr" else entry.page_nl
                if url is None:
                    self._tick()
                    continue
                task = PageTask(entry, language, url)
                held = self.manifest.holds(task.key)
                if task.key in self.manifest.done_in_run:
                    outcome = "resumed"
                elif due(
                    task,
                    held,
                    self.manifest.last.get(task.key),
                    recent,
                    recheck_all,
                    french_changed,
                ):
                    if max_pages is not None and self.progress.requested >= max_pages:
                        return False
                    outcome = self._fetch(task, held)
                else:
                    outcome = "kept"
                if outcome in ("new", "changed"):
                    french_changed = True
                if outcome != "failed":
                    self.outcomes[outcome].append(url)
                self._check_failures(outcome)
                self._tick()
        return True

    def _check_failures(self, outcome: str) -> None:
        """Stop when page after page is refused or the server fails: asking for the
        thousands left would only load it."""
        if outcome != "failed":
            self.blocked_in_a_row = 0
        if self.blocked_in_a_row >= FAILURES_IN_A_ROW:
            raise FetchError(
                f"{FAILURES_IN_A_ROW} pages in a row were refused or failed, the last with "
                f"{self.failed[-1].reason} ({self.failed[-1].source}). Stopped so as not to "
                "load the site for nothing; what was fetched is kept. Run the same command "
                "again later: it goes on where it stopped."
            )

    def _fetch(self, task: PageTask, held: PageRecord | None) -> str:
        if not self.client.allowed(task.url):
            self.manifest.add(PageRecord(task.key, task.url, task.file, "robots", now()))
            return "robots"
        self.progress.requested += 1
        self.progress.url = task.url
        check = FrenchPage(task) if task.language == "fr" else DutchPage(task)
        response = self.client.get(task.url, _validators(held), check=check)
        if response.outcome == "not_modified" and held is not None:
            self.manifest.add(replace(held, checked_at=now(), entry=task.entry.row_hash))
            return "unchanged"
        if response.outcome != "ok":
            kept = f"; the copy fetched {held.fetched_at} is kept" if held else ""
            status: Status = "unreadable" if response.outcome == "unreadable" else "failed"
            self.manifest.add(
                PageRecord(
                    task.key,
                    task.url,
                    task.file,
                    status,
                    now(),
                    entry=task.entry.row_hash,
                    reason=response.reason,
                )
            )
            self.failed.append(FileFailure(task.url, f"{response.reason}{kept}"))
            self.progress.failed += 1
            # Refusals and server trouble say the site is not serving us; a missing page
            # (404) or one the parser cannot read says nothing of the next one.
            status_code = response.status
            if (
                response.outcome == "invalid"
                or status_code is None
                or status_code in (401, 403, 429)
                or status_code >= 500
            ):
                self.blocked_in_a_row += 1
            return "failed"
        question = check.question if isinstance(check, FrenchPage) else None
        return self._store(task.key, task.url, task.file, response, held, task.entry, question)

    def _store(
        self,
        key: str,
        url: str,
        file: str,
        response: Response,
        previous: PageRecord | None,
        entry: IndexEntry | None = None,
        question: Question | None = None,
    ) -> str:
        digest = hashlib.sha256(response.body).hexdigest()
        same = previous is not None and previous.sha256 == digest
        if not same:
            kept = keep_replaced(self.folder, file, response.body, previous, question)
            self.replaced.extend([kept] if kept else [])
            write_in_folder(self.folder, file, response.body)
        stamp = now()
        self.manifest.add(
            PageRecord(
                key=key,
                url=url,
                file=file,
                status="ok",
                checked_at=stamp,
                fetched_at=previous.fetched_at if same and previous else stamp,
                etag=response.validators.etag,
                last_modified=response.validators.last_modified,
                sha256=digest,
                size=len(response.body),
                entry=entry.row_hash if entry else None,
                answered=question.answered if question else None,
                answered_on=_iso(question.answered_on) if question else None,
            )
        )
        return "unchanged" if same else "changed" if previous else "new"

    def _tick(self) -> None:
        self.progress.done += 1
        if self.on_progress is not None:
            self.on_progress(self.progress)


def _validators(held: PageRecord | None) -> Validators:
    return Validators(held.etag, held.last_modified) if held else Validators()


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
