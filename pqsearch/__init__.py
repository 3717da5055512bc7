"""pqsearch: search parliamentary written questions and the ministers' answers.

The public surface is what `__all__` lists; everything else may change.
"""

__version__ = "0.2.0"

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
    ThesaurusError,
    UnknownValueError,
)
from pqsearch.fetch import harvest
from pqsearch.fetch.report import HarvestReport
from pqsearch.models import (
    Correction,
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
    Synonym,
)
from pqsearch.query.search import Filters

__all__ = [
    "Correction",
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
    "Synonym",
    "TaxonomyError",
    "ThesaurusError",
    "UnknownValueError",
    "__version__",
    "harvest",
    "ingest",
    "open_index",
    "parse_files",
    "search",
]
