"""The source step before parse: harvest the Brussels Parliament's index and question pages.

`harvest` reads the site's per-legislature index (`weblex_index`), writes a metadata record
for every entry, and fetches the pages asked for through a polite client (`client`: one
request at a time, robots.txt, Retry-After, backoff, conditional requests) into a corpus
folder with a manifest (`manifest`) that makes any run resumable (`run`); ingest then reads
the folder like any other. It sits above the api in the layers (it hands files to ingest), so
the api never imports it; the CLI and `pqsearch.harvest` do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from pqsearch.errors import FetchError
from pqsearch.fetch.report import HarvestProgress, HarvestReport, report_text

__all__ = ["HarvestProgress", "HarvestReport", "harvest", "report_text"]


def harvest(
    legislatures: Sequence[str] = ("24/29",),
    *,
    kinds: Sequence[str] = ("written",),
    languages: Sequence[str] = ("fr", "nl"),
    folder: str | Path | None = None,
    base_url: str | None = None,
    delay: float | None = None,
    timeout: float = 30.0,
    retries: int = 3,
    backoff: float = 10.0,
    recent_days: int = 90,
    recheck_all: bool = False,
    max_pages: int | None = None,
    progress: Callable[[HarvestProgress], None] | None = None,
) -> HarvestReport:
    """Harvest the Parliament's index and question pages into `folder`, politely, resumably.

    `kinds`: written (the default), oral, interpellation, request_for_explanations, topical,
    other, or all: whose pages to fetch. Every index entry gets a metadata record whatever
    `kinds` says. Requests are `delay` seconds apart (2 s by default). `folder` defaults to
    corpus/brussels-harvest; ingest it afterwards (`pqsearch.ingest([folder])`). Raises
    `FetchError` (or `SiteUnreachableError`) with what to do; what was fetched is kept.
    """
    # Imported here: `import pqsearch` must not load the page parser for a search.
    from pqsearch.fetch.client import DEFAULT_DELAY, Politeness
    from pqsearch.fetch.run import DEFAULT_FOLDER, SITE_URL, choices, run_harvest

    asked_kinds, asked_languages = choices(kinds, languages)
    if max_pages is not None and max_pages < 1:
        raise FetchError(f"--max-pages must be 1 or more, not {max_pages} (leave it out for all).")
    return run_harvest(
        legislatures,
        kinds=asked_kinds,
        languages=asked_languages,
        folder=Path(folder) if folder is not None else DEFAULT_FOLDER,
        base_url=base_url or SITE_URL,
        politeness=Politeness(
            delay=DEFAULT_DELAY if delay is None else delay,
            timeout=timeout,
            retries=retries,
            backoff=backoff,
        ),
        recent_days=recent_days,
        recheck_all=recheck_all,
        max_pages=max_pages,
        progress=progress,
    )
