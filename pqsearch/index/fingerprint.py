"""The content hash an index keeps for a document: a digest of what it indexes.

A record carries a `content_hash` of its own (what `pqsearch parse` prints, a collector's
fingerprint), and a record edited without changing it was reported unchanged while the old
text stayed served (issue 12, point 10). So ingest compares, and stores, a digest of the
whole record as it is indexed, the carried hash included (a page's is the hash of its
bytes); only where it was read from is left out, so that the same question met as a page
and as a record compares equal when their contents are.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json

from pqsearch.models import Question

_NOT_CONTENT = ("source", "source_format")


def indexed_hash(question: Question) -> str:
    """A digest of every field of `question` but where it was read from."""
    record = question.to_dict()
    for name in _NOT_CONTENT:
        record.pop(name, None)
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def with_indexed_hash(question: Question) -> Question:
    """`question` with its content hash replaced by `indexed_hash`."""
    return dataclasses.replace(question, content_hash=indexed_hash(question))


__all__ = ["indexed_hash", "with_indexed_hash"]
