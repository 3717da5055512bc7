"""What a harvest did (`HarvestReport`) and how far it is (`HarvestProgress`)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pqsearch.models import FileFailure, JsonObject, jsonable
from pqsearch.output import plural


@dataclass
class HarvestProgress:
    """Counts while a harvest runs, handed to the `progress` callback after every page."""

    total: int = 0
    done: int = 0
    requested: int = 0
    failed: int = 0
    url: str = ""
    started: float = field(default_factory=time.monotonic)


@dataclass(frozen=True)
class ReplacedPage:
    """A page held that a changed page replaced: its file, where the page held is kept
    (both in the harvest folder), and a warning when the new page has no answer or a
    shorter one than the page held."""

    file: str
    kept: str
    warning: str = ""


@dataclass(frozen=True)
class HarvestReport:
    """What `pqsearch fetch` did: pages by outcome (URLs), the index entries, the files.

    `new` pages were not held before, `changed` ones differ from the copy held (which they
    replaced; `replaced` says where the copy held is kept), `unchanged` ones were asked again
    and are the same (or got a 304). `kept` pages were not asked again (answered long ago,
    see the refresh rules); `resumed` ones were fetched by the interrupted run this one went
    on from. A failed page never replaces a copy held. `dutch_held` Dutch pages are stored
    but not parsed yet.
    """

    folder: str
    legislatures: tuple[str, ...]
    index_entries: int
    entries_asked: int
    new: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]
    failed: tuple[FileFailure, ...]
    robots: tuple[str, ...]
    kept: int
    resumed: int
    dutch_held: int
    index_only: int
    requests: int
    seconds: float
    complete: bool
    kinds: dict[str, int] = field(default_factory=dict)
    # Faults survived: each request asked again, with why ("...: HTTP 429 ...; asked again
    # after 1 s").
    retried: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    replaced: tuple[ReplacedPage, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> JsonObject:
        result: dict[str, Any] = jsonable(self)
        return result


def report_text(report: HarvestReport) -> str:
    """The summary of a harvest: the index, pages by outcome, what failed and why."""
    kinds = ", ".join(f"{count} {kind}" for kind, count in report.kinds.items())
    lines = [
        f"Index {', '.join(report.legislatures)}: {report.index_entries:,} entries ({kinds}); "
        f"{report.entries_asked:,} of the kinds asked.",
        f"Pages: {len(report.new)} new, {len(report.changed)} changed, "
        f"{len(report.unchanged)} unchanged, {len(report.failed)} failed, "
        f"{len(report.robots)} skipped by robots.txt, {report.kept} kept (not due), "
        f"{report.resumed} fetched by the interrupted run.",
        f"Dutch pages held: {report.dutch_held} (stored, not parsed yet).",
        f"Index-only records: {report.index_only:,} entries searchable by their metadata alone.",
        f"{plural(report.requests, 'request')} in {report.seconds:.1f} s into {report.folder}.",
    ]
    lines.extend(f"  retried: {retry}" for retry in report.retried)
    folder = Path(report.folder)
    for page in report.replaced:
        kept = folder / page.kept
        lines.append(f"  changed: {page.file}; the previous page kept in {kept}")
        if page.warning:
            lines.append(
                f"  warning: {page.file}: {page.warning}. The new page is stored; the previous "
                f"one is kept in {kept}: to keep its answer, copy it over {folder / page.file} "
                "before the next ingest."
            )
    lines.extend(f"  failed: {f.source}: {f.reason}" for f in report.failed)
    lines.extend(f"  skipped by robots.txt: {url}" for url in report.robots)
    lines.extend(f"  note: {note}" for note in report.notes)
    return "\n".join(lines) + "\n"
