"""The source step before parse: harvest the Brussels Parliament's index and question pages.

`harvest` reads the site's per-legislature index (`weblex_index`), writes a metadata record
for every entry, and fetches the pages asked for through a polite client (`client`: one
request at a time, robots.txt, Retry-After, backoff, conditional requests) into a corpus
folder with a manifest (`manifest`) that makes any run resumable. `pqsearch.api.fetch` is
the call to use. Ingest reads the folder
like any other. Nothing here imports the index or query layers.
"""

from pqsearch.fetch.client import Politeness
from pqsearch.fetch.harvest import DEFAULT_FOLDER, SITE_URL
from pqsearch.fetch.report import HarvestProgress, HarvestReport
from pqsearch.fetch.weblex_index import KIND_NAMES, Kind

__all__ = [
    "DEFAULT_FOLDER",
    "KIND_NAMES",
    "SITE_URL",
    "HarvestProgress",
    "HarvestReport",
    "Kind",
    "Politeness",
]
