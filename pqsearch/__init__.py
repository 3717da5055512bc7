"""pqsearch: search parliamentary written questions and the ministers' answers.

The public surface is what `__all__` lists; everything else may change.
"""

__version__ = "0.2.0"

from typing import TYPE_CHECKING

from pqsearch.lazy import lazy_exports

if TYPE_CHECKING:
    from pqsearch.api import Index, ingest, open_index, parse_files, search
    from pqsearch.errors import (
        DamagedIndexError,
        FetchError,
        IndexLockedError,
        IndexProblemError,
        NoIndexError,
        NotFoundError,
        ParseError,
        PqsearchError,
        QuerySyntaxError,
        SiteUnreachableError,
        TaxonomyError,
        UnknownValueError,
    )
    from pqsearch.fetch import harvest
    from pqsearch.fetch.report import HarvestReport
    from pqsearch.models import (
        CrossReference,
        Document,
        Facet,
        FacetCount,
        FileFailure,
        Highlight,
        Hit,
        IngestReport,
        Link,
        ParseBatch,
        ProcedureStep,
        Question,
        SearchResult,
        SectorCount,
        SectorEvidence,
        SectorMention,
        Suggestion,
    )
    from pqsearch.query.search import Filters

# Each public name is imported on first use: `pqsearch search` at the terminal loads only
# what a search needs (not the fetcher, the exports or the web server).
_LAZY = {
    "CrossReference": "pqsearch.models",
    "DamagedIndexError": "pqsearch.errors",
    "Document": "pqsearch.models",
    "Facet": "pqsearch.models",
    "FacetCount": "pqsearch.models",
    "FetchError": "pqsearch.errors",
    "FileFailure": "pqsearch.models",
    "Filters": "pqsearch.query.search",
    "HarvestReport": "pqsearch.fetch.report",
    "Highlight": "pqsearch.models",
    "Hit": "pqsearch.models",
    "Index": "pqsearch.api",
    "IndexLockedError": "pqsearch.errors",
    "IndexProblemError": "pqsearch.errors",
    "IngestReport": "pqsearch.models",
    "Link": "pqsearch.models",
    "NoIndexError": "pqsearch.errors",
    "NotFoundError": "pqsearch.errors",
    "ParseBatch": "pqsearch.models",
    "ParseError": "pqsearch.errors",
    "PqsearchError": "pqsearch.errors",
    "ProcedureStep": "pqsearch.models",
    "QuerySyntaxError": "pqsearch.errors",
    "Question": "pqsearch.models",
    "SearchResult": "pqsearch.models",
    "SectorCount": "pqsearch.models",
    "SectorEvidence": "pqsearch.models",
    "SectorMention": "pqsearch.models",
    "SiteUnreachableError": "pqsearch.errors",
    "Suggestion": "pqsearch.models",
    "TaxonomyError": "pqsearch.errors",
    "UnknownValueError": "pqsearch.errors",
    "harvest": "pqsearch.fetch",
    "ingest": "pqsearch.api",
    "open_index": "pqsearch.api",
    "parse_files": "pqsearch.api",
    "search": "pqsearch.api",
}


__getattr__, __dir__ = lazy_exports(__name__, globals(), _LAZY)

__all__ = [
    "CrossReference",
    "DamagedIndexError",
    "Document",
    "Facet",
    "FacetCount",
    "FetchError",
    "FileFailure",
    "Filters",
    "HarvestReport",
    "Highlight",
    "Hit",
    "Index",
    "IndexLockedError",
    "IndexProblemError",
    "IngestReport",
    "Link",
    "NoIndexError",
    "NotFoundError",
    "ParseBatch",
    "ParseError",
    "PqsearchError",
    "ProcedureStep",
    "QuerySyntaxError",
    "Question",
    "SearchResult",
    "SectorCount",
    "SectorEvidence",
    "SectorMention",
    "SiteUnreachableError",
    "Suggestion",
    "TaxonomyError",
    "UnknownValueError",
    "__version__",
    "harvest",
    "ingest",
    "open_index",
    "parse_files",
    "search",
]
