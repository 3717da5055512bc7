"""What a download of results holds: the documents the page showed, or those of them ticked.

The page sends, with its search's parameters, the ids it showed (`shown`, in its order) and
the ids ticked (`id`). The download holds those documents themselves rather than the hits of
the same search run again: an ingest between showing the page and the download moves
documents between pages (an older question added, a commit that changes the scores), and a
document the user chose must not drop out of the file for it. One that is no longer in the
index at all is named in the response (`NOT_FOUND_HEADER`, and the memo's last line).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import quote

from pqsearch import Hit, Index, NotFoundError, Question

NOT_FOUND_HEADER = "pqsearch-not-found"


@dataclass(frozen=True)
class Selection:
    """The hits to download, in the page's order, and the ids chosen that no longer exist."""

    hits: tuple[Hit, ...]
    not_found: tuple[str, ...]
    ticked: bool = False  # the user picked these out of the page (else: the whole page)

    def headers(self) -> dict[str, str]:
        """The ids not found, percent-encoded (an id may hold any character), comma-separated."""
        if not self.not_found:
            return {}
        return {NOT_FOUND_HEADER: ", ".join(quote(doc_id, safe="") for doc_id in self.not_found)}


def chosen(
    index: Index,
    found: Sequence[Hit],
    *,
    ticked: Sequence[str],
    shown: Sequence[str],
    first_rank: int,
) -> Selection:
    """The ticked documents, else every one the page showed, with the rank the page gave
    them; `found` is the page's search run again now (its hits keep their score and passages).

    A link without ids (made by hand, or before pages sent `shown`) gets `found` as it is.
    """
    # An empty `id=` (a truncated or hand-made link) names no document: skipped, as empty
    # filter values are, and never reported as one not found.
    ticked, shown = [i for i in ticked if i.strip()], [i for i in shown if i.strip()]
    wanted = list(dict.fromkeys(ticked or shown))
    if not wanted:
        return Selection(tuple(found), ())
    on_page = {hit.id: hit for hit in found}
    ranks = {doc_id: first_rank + i for i, doc_id in enumerate(dict.fromkeys(shown))}
    hits: list[Hit] = []
    not_found: list[str] = []
    for doc_id in wanted:
        hit = on_page.get(doc_id)
        if hit is None:
            try:
                hit = _unranked(index.get(doc_id))
            except NotFoundError:
                not_found.append(doc_id)
                continue
        hits.append(replace(hit, rank=ranks.get(doc_id, hit.rank)))
    return Selection(tuple(hits), tuple(not_found), ticked=bool(ticked))


def _unranked(question: Question) -> Hit:
    """A document the search no longer ranks where the page showed it: no score now, and
    rank 0 unless the request says where the page showed it (`shown`)."""
    return Hit(
        id=question.id,
        score=0.0,
        rank=0,
        title=question.title,
        number=question.number,
        legislature=question.legislature,
        session=question.session,
        author=question.author,
        addressee=question.addressee,
        received_on=question.received_on,
        published_on=question.published_on,
        answered_on=question.answered_on,
        answered=question.answered,
        source=question.source,
        url=question.url,
    )
