"""pqsearch: search parliamentary written questions and the ministers' answers.

The public surface is what `__all__` lists; everything else may change.
"""

__version__ = "0.2.0"

from pqsearch.api import Index, ingest, open_index, parse_files, search
from pqsearch.errors import (
    DamagedIndexError,
    IndexLockedError,
    IndexProblemError,
    NoIndexError,
    NotFoundError,
    ParseError,
    PqsearchError,
    QuerySyntaxError,
    TaxonomyError,
    UnknownValueError,
)
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

__all__ = [
    "CrossReference",
    "DamagedIndexError",
    "Document",
    "Facet",
    "FacetCount",
    "FileFailure",
    "Filters",
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
    "Suggestion",
    "TaxonomyError",
    "UnknownValueError",
    "__version__",
    "ingest",
    "open_index",
    "parse_files",
    "search",
]
