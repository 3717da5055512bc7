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
# What a reader does not see: where the question was read from, and the hash of that file's
# bytes (a page's, a JSON line's) carried in `content_hash`.
_NOT_READ = (*_NOT_CONTENT, "content_hash")
# Marks a `reader_hash`, so that a saved search can tell it from the indexed hashes it kept
# before (`watch`).
READER_HASH_PREFIX = "r1:"


def indexed_hash(question: Question) -> str:
    """A digest of every field of `question` but where it was read from."""
    return _digest(question, _NOT_CONTENT)


def reader_hash(question: Question) -> str:
    """A digest of what a reader sees of `question`: the same question read from another
    file, or another format (a page, then an export's line), gives the same digest (audit of
    session 14, D4: every saved search reported such questions "changed")."""
    return READER_HASH_PREFIX + _digest(question, _NOT_READ)


def _digest(question: Question, left_out: tuple[str, ...]) -> str:
    record = question.to_dict()
    for name in left_out:
        record.pop(name, None)
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def with_indexed_hash(question: Question) -> Question:
    """`question` with its content hash replaced by `indexed_hash`."""
    return dataclasses.replace(question, content_hash=indexed_hash(question))


__all__ = ["READER_HASH_PREFIX", "indexed_hash", "reader_hash", "with_indexed_hash"]
