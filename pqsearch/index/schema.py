"""The Whoosh schema, and how a `Question` with its analysis becomes an index document.

Metadata is stored once, in the `record` field (the question as JSON with what analysis
added); the other fields are for searching, filtering, facets and sorting. The schema holds
only stock Whoosh classes (Whoosh pickles the schema into the index, so a
custom analyzer class would tie every index to a module path). Text arrives already analysed:
lemma and surface-word fields hold space-separated folded tokens made by
`pqsearch.analyze`, and a plain space tokenizer splits them again.

Dates are integers `YYYYMMDD`: exact, sortable, and cheap to turn into year and month buckets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from pqsearch.analyze.dutch import LANGUAGE as DUTCH
from pqsearch.analyze.dutch import dutch_stems
from pqsearch.index.records import encode_record
from pqsearch.parse import versions

if TYPE_CHECKING:
    # Named in annotations only: a search loads none of the records' dataclasses.
    from pqsearch.models import Question

# Parts of a document that carry text, in display order.
TEXT_PARTS = ("title", "question", "answer")
LEMMA_FIELDS = {part: f"{part}_lemmas" for part in TEXT_PARTS}
WORD_FIELDS = {part: f"{part}_words" for part in TEXT_PARTS}
# Dutch stems (`analyze.dutch`) per part: a Brussels record's `title_nl` in the title's, and
# the whole text of a Dutch-language document.
DUTCH_FIELDS = {part: f"{part}_nl_stems" for part in TEXT_PARTS}
# The fields ranking scores (BM25F on each, boosted per part at query time).
SCORED_FIELDS = (*LEMMA_FIELDS.values(), *WORD_FIELDS.values(), *DUTCH_FIELDS.values())
# A word of the title says most about what a question is about, a word of the question more
# than one met in a long answer (which lists bodies, laws, other topics). Applied at query
# time, so tuning them never needs a rebuild.
PART_BOOSTS = {"title": 3.0, "question": 1.5, "answer": 1.0}

# Single-valued metadata fields, indexed as exact ids (facets, filters).
ID_FIELDS = (
    "parliament",
    "kind",
    "legislature",
    "session",
    "language",
    "author",
    "addressee",
    "status",
    "answer_type",
)
# Multi-valued metadata fields (comma-separated values).
# `sectors` holds the sectors a question is about (the topic tier), `sectors_mentioned` every
# sector it mentions (see pqsearch.analyze.sectors).
KEYWORD_FIELDS = ("portfolios", "sectors", "refs", "sectors_mentioned")
DATE_FIELDS = {"received": "received_on", "published": "published_on", "answered": "answered_on"}

ANSWERED = "answered"
UNANSWERED = "unanswered"

# Precedence of source formats when two copies of a question say the same: see
# `parse.versions` (re-exported here, as the index stores each document's rank). An entry of
# the site's index (metadata only, `pqsearch fetch`) ranks below every copy with text.
FORMAT_RANK = versions.FORMAT_RANK

# 2: the sectors_mentioned field, and stored sector mentions carry `topic`.
# 3: the Dutch stem fields (`DUTCH_FIELDS`).
# 4: new segments' term dictionaries in blocks (`term_blocks.py`), which a pqsearch reading
#    only 3 cannot read; this version reads both.
# 5: the lexicon keeps no row for a form's spelling that is the form itself, and indexes by
#    lemma only the other forms (`lexicon_schema.INDEXES`): a pqsearch reading only 4 would
#    find no spelling for such forms. An ingest migrates 4's.
# 6: the lexicon's corpus rows in compressed blocks (`analyze/lexicon_codec.py`), which a
#    pqsearch reading only 5 cannot read. An ingest migrates the rows of 3 to 5 into blocks.
# 7: the lexicon's acronym definitions by generation (`analyze/lexicon_acronyms.py`): a
#    pqsearch reading 6 would write its own table of definitions back beside them and count
#    each twice for good (review X, F1), so it must refuse such an index as newer. This
#    version reads 3 to 7; an ingest migrates 3 to 6.
SCHEMA_VERSION = "7"
READABLE_SCHEMA_VERSIONS = ("3", "4", "5", "6", SCHEMA_VERSION)


def build_schema() -> Schema:
    space = SpaceSeparatedTokenizer()
    fields: dict[str, Any] = {
        # Not stored: read from their columns (the record holds them too); the content hash
        # and the source are never searched either (`column_only`). Indexes written before
        # store (and index) them as well.
        "id": ID(unique=True, sortable=True),
        "content_hash": column_only(ID(sortable=True)),
        "source": column_only(ID(sortable=True)),
        "source_rank": NUMERIC(int, sortable=True),
        "number": NUMERIC(int),
        "record": STORED(),
    }
    # Without Whoosh's columns (indexes written before have them): facets and filters read
    # these fields' values from their terms (`columns.build_column`), and no search sorts by
    # them or by number.
    for name in ID_FIELDS:
        fields[name] = ID()
    for name in KEYWORD_FIELDS:
        fields[name] = KEYWORD(commas=True, scorable=False, lowercase=False)
    for name in DATE_FIELDS:
        # Dates are read from their columns only (`query.match.range_docs`, the date
        # facets): the terms Whoosh indexes for a numeric field, eight per date for its own
        # range queries, were a twentieth of a 3,000-document index.
        fields[name] = column_only(NUMERIC(int, sortable=True, bits=32))
    for part in TEXT_PARTS:
        fields[LEMMA_FIELDS[part]] = TEXT(analyzer=space, phrase=False)
        fields[WORD_FIELDS[part]] = TEXT(analyzer=space, phrase=True)
        fields[DUTCH_FIELDS[part]] = TEXT(analyzer=space, phrase=False)
    return Schema(**fields)


_Field = TypeVar("_Field", ID, NUMERIC)


def column_only(field: _Field) -> _Field:
    """A sortable field kept as its column only, without terms: for values no search looks
    up by term. `indexed` is Whoosh's own switch, set on the stock field (a subclass would be
    pickled into the index by its module path). Indexes written before keep their terms."""
    field.indexed = False
    return field


def date_to_int(day: dt.date | None) -> int | None:
    return None if day is None else day.year * 10000 + day.month * 100 + day.day


def int_to_date(value: int | None) -> dt.date | None:
    if not value:
        return None
    return dt.date(value // 10000, value // 100 % 100, value % 100)


def keyword_value(values: Sequence[str]) -> str:
    """Values of a multi-valued field as Whoosh's comma-separated form (commas inside dropped)."""
    cleaned = (" ".join(v.replace(",", " ").split()) for v in values)
    return ",".join(v for v in cleaned if v)


@dataclass(frozen=True)
class DocumentText:
    """The analysed text of one document: folded lemmas and folded surface words per part."""

    lemmas: dict[str, Sequence[str]]
    words: dict[str, Sequence[str]]


@dataclass(frozen=True)
class Enrichment:
    """What analysis adds to a record beyond its text: stored with it, shown by `show`."""

    answer_type: str
    answer_type_evidence: str | None
    sectors: tuple[dict[str, Any], ...]
    references: tuple[dict[str, Any], ...]
    portfolios: tuple[str, ...]


def to_document(question: Question, text: DocumentText, enrichment: Enrichment) -> dict[str, Any]:
    """The Whoosh document for one question (every metadata field, both text forms)."""
    stored = {
        "question": question.to_dict(),
        "answer_type": enrichment.answer_type,
        "answer_type_evidence": enrichment.answer_type_evidence,
        "sectors": list(enrichment.sectors),
        "references": list(enrichment.references),
        "portfolios": list(enrichment.portfolios),
    }
    doc: dict[str, Any] = {
        "id": question.id,
        "content_hash": question.content_hash,
        "source": question.source,
        "source_rank": FORMAT_RANK.get(question.source_format, 0),
        "record": encode_record(stored),
        "parliament": question.parliament,
        "kind": question.kind,
        "language": question.language,
        "status": ANSWERED if question.answered else UNANSWERED,
        "answer_type": enrichment.answer_type,
        "portfolios": keyword_value(enrichment.portfolios),
        "sectors": keyword_value([s["sector"] for s in enrichment.sectors if s.get("topic", True)]),
        "sectors_mentioned": keyword_value([s["sector"] for s in enrichment.sectors]),
        "refs": keyword_value(
            [ref_key(r.get("session"), r["number"]) for r in enrichment.references]
        ),
    }
    for name in ("legislature", "session", "author", "addressee"):
        value = getattr(question, name)
        if value:
            doc[name] = value
    if question.number is not None:
        doc["number"] = question.number
    for name, attribute in DATE_FIELDS.items():
        value = date_to_int(getattr(question, attribute))
        if value is not None:
            doc[name] = value
    for part in TEXT_PARTS:
        doc[LEMMA_FIELDS[part]] = " ".join(text.lemmas.get(part, ()))
        doc[WORD_FIELDS[part]] = " ".join(text.words.get(part, ()))
        doc[DUTCH_FIELDS[part]] = " ".join(dutch_stems(dutch_text(question, part)))
    return {k: v for k, v in doc.items() if v != ""}


def dutch_text(question: Question, part: str) -> str:
    """The Dutch text of one part of a question: all of it in a Dutch document, the Dutch
    title beside a French one."""
    own = getattr(question, part) or "" if question.language == DUTCH else ""
    extra = question.title_nl or "" if part == "title" else ""
    return f"{own}\n{extra}".strip()


def ref_key(session: str | None, number: int) -> str:
    """The key under which a cross-reference is indexed: `25/26#59`, or `#59` without session."""
    return f"{session or ''}#{number}"
