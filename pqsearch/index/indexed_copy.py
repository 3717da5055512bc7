"""The version of a question the index holds, against a copy read now from another file.

The indexed version is one more copy of its question, weighed against a copy read from
another file by the rules of `parse.versions`, whether or not the file it was read from is
still there. Once that file is gone (pages deleted, a harvest folder cleared) the index may
hold the last copy of a whole answer, of an answer at all, of the later procedure steps;
the other copy (a collector's record that cut the answer to "1" and has no procedure) used
to replace it unweighed, with `--prune` or without (audit 10, F5). It now replaces it only
if it wins by those rules; otherwise the indexed version stays, held by that copy's file
(so `--prune` keeps it), and a warning says what the index alone holds and how to keep it
or give it up. A copy read later in the run that beats the first is weighed against the
indexed version kept too.

A copy read again from the indexed version's own file is that file's new content, and
replaces it, unless it loses what the indexed version has (`lost_in_place`): its answer,
its answer's date, a whole answer for one cut short. A records file regenerated in place by
a collector that met an empty page that night took a published answer out of the index
with only "1 updated" said (audit of session 14, D6); a published answer does not become
unpublished, so the indexed version is kept, with a warning that says how to take the
change on purpose (a rebuild indexes the files as they are).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from pqsearch.parse import versions
from pqsearch.parse.versions import Version


def weighed(same_file: bool, indexed_source: str, reanalysis: bool) -> bool:
    """Whether a copy read now is weighed against the indexed version: one from the same
    file (`same_file`, whatever its spelling) is, for what it loses only (`lost_in_place`);
    one from another file than `indexed_source` is, unless a re-analysis reads the indexed
    version's file (still there) in this run anyway, and the copies read decide."""
    return same_file or not (reanalysis and os.path.exists(indexed_source))


def lost_in_place(doc_id: str, read: Version, indexed: Version) -> KeptIndexed | None:
    """None when `read`, the new content of the indexed version's own file, replaces it;
    else the warning that keeps the indexed version: `read` lost its answer or cut it."""
    if indexed.answered and not read.answered:
        lost = "no answer, where the indexed version has one"
    elif indexed.answered_on is not None and read.answered_on is None:
        lost = f"no answer date, where the indexed version has {indexed.answered_on:%d/%m/%Y}"
    elif read.truncated and not indexed.truncated:
        lost = "an answer cut short, where the indexed version has it whole"
    else:
        return None
    line = (
        f"{doc_id}: {read.source} now has {lost}: the index keeps the version it held, as a "
        "published answer is not taken back. If the change is meant, run pqsearch ingest "
        "--rebuild: it indexes the files as they are"
    )
    return KeptIndexed(doc_id, indexed, line, warning=True)


@dataclass(frozen=True)
class KeptIndexed:
    """The indexed version of `doc_id` kept over a copy read, and the line that says why: a
    duplicate's, or a warning's when the index may hold the only copy of it."""

    doc_id: str
    indexed: Version
    line: str
    warning: bool


def kept_over(doc_id: str, read: Version, indexed: Version) -> KeptIndexed | None:
    """None when `read` replaces the indexed version of `doc_id`; else why it does not."""
    replace, why = versions.preferred(read, indexed, tie_replaces=True)
    if replace:
        return None
    if os.path.exists(indexed.source):
        line = (
            f"{doc_id}: {read.describe()} differs from the indexed {indexed.describe()}, "
            f"which is kept ({why})"
        )
        return KeptIndexed(doc_id, indexed, line, warning=False)
    line = (
        f"{doc_id}: kept the version indexed from {indexed.source} (gone) over "
        f"{read.describe()}, which it beats ({why}); the index may now hold its only copy: "
        f"put the file back to keep it through an ingest --rebuild, or run one to index "
        f"{read.source} instead"
    )
    return KeptIndexed(doc_id, indexed, line, warning=True)


class KeptVersions:
    """The indexed versions kept over a copy read in this run, by question id, each reported
    in the run's warnings (one a question) or duplicates."""

    def __init__(
        self,
        warnings: dict[str, str],
        duplicates: list[str],
        same_file: Callable[[str, str], bool],
    ) -> None:
        self.warnings = warnings
        self.same_file = same_file
        self.duplicates = duplicates
        self.by_id: dict[str, Version] = {}

    def weigh(self, doc_id: str, read: Version, indexed: Version) -> KeptIndexed | None:
        """`kept_over` (`lost_in_place` for the indexed version's own file), reported and
        remembered when the indexed version is kept."""
        in_place = self.same_file(read.source, indexed.source)
        kept = (lost_in_place if in_place else kept_over)(doc_id, read, indexed)
        if kept is None:
            self.by_id.pop(doc_id, None)
            return None
        self.by_id[doc_id] = indexed
        if kept.warning:
            self.warnings[doc_id] = kept.line
        else:
            self.duplicates.append(kept.line)
        return kept

    def weigh_again(self, doc_id: str, read: Version) -> KeptIndexed | None:
        """`weigh` against the indexed version kept earlier in this run (None: none was
        kept, or `read` is from its own file, read again, whose content replaces it)."""
        indexed = self.by_id.get(doc_id)
        if indexed is None or self.same_file(read.source, indexed.source):
            self.by_id.pop(doc_id, None)
            return None
        return self.weigh(doc_id, read, indexed)
