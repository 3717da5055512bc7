"""How many documents each sector of an index's taxonomy has, and an index field's raw counts.

Both are read from one view, so the counts and the taxonomy they are listed against are those
of one generation.
"""

from __future__ import annotations

from pqsearch.models import SectorCount
from pqsearch.query.facets import FieldFacet
from pqsearch.query.views import View
from pqsearch.results import FacetCount


def field_counts(view: View, index_field: str) -> tuple[FacetCount, ...]:
    """Every value of an index field with its number of documents (no display labels)."""
    facet = FieldFacet(index_field, index_field)
    return facet.count(view.reader, view.runner.matched_mask(None), top=None).results


def sector_counts(view: View) -> tuple[SectorCount, ...]:
    """Every sector of the view's taxonomy, with the documents about it (the topic tier) and
    those that mention it."""
    about = {c.value: c.count for c in field_counts(view, "sectors")}
    mentioned = {c.value: c.count for c in field_counts(view, "sectors_mentioned")}
    return tuple(
        SectorCount(
            id=str(s.id),
            labels=dict(s.labels),
            documents=about.get(str(s.id), 0),
            mentioned=mentioned.get(str(s.id), 0),
        )
        for s in view.taxonomy.sectors
    )
