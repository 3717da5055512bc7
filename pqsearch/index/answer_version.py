"""Which answer-type rules typed an index's documents, and bringing them up to date.

The lexicon records the rules' fingerprint (`ANSWER_RULES_META`, `rules_fingerprint`). An
ingest into an index whose types came from other rules, or from rules it never recorded (an
index written before they were), types every document it does not write anyway again, and
rewrites those whose type or quoted evidence changed. Unlike sectors (`sector_version`), this
is done unasked: an answer type needs no spaCy and no source file, only the question stored
in each document's record; typing them costs about 2.7 ms a document (the median over the
shared corpus's 1,523 answers at a load of 3, benchmarks/answer_type_speed.py; BENCHMARKS.md),
once per change of rules, where re-analysing sectors takes an hour per 100,000. A document rewritten
has its text lemmatized again (Whoosh keeps no lemmas to copy), so spaCy loads only when
some type changed. The fingerprint is recorded after the run's last commit: a run killed
before it leaves the old one, and the next ingest checks again.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator
from typing import Any

from pqsearch.analyze.answers import classify_answer, rules_fingerprint
from pqsearch.analyze.lexicon import Lexicon
from pqsearch.index.progress import Progress
from pqsearch.index.records import decode_record
from pqsearch.models import Question

ANSWER_RULES_META = "answer_rules"


def recorded_rules(lexicon: Lexicon) -> str | None:
    """The fingerprint of the rules that typed the index's documents (None: not recorded)."""
    return lexicon.get_meta(ANSWER_RULES_META) or None


def behind(lexicon: Lexicon) -> bool:
    """Whether the index's answer types may differ from what this pqsearch's rules give."""
    return recorded_rules(lexicon) != rules_fingerprint()


def record_rules(lexicon: Lexicon) -> None:
    """Every document was typed by this pqsearch's rules."""
    lexicon.set_meta(ANSWER_RULES_META, rules_fingerprint())


def stale_questions(
    ix: Any,
    skip: Container[str],
    progress: Progress | None = None,
    tick: Callable[[], None] | None = None,
) -> Iterator[Question]:
    """The indexed questions, those in `skip` aside, whose stored answer type or evidence is
    not what the rules give now (read from the committed index); `progress` counts them as
    they are read (stage "retype"), `tick` shows it."""
    with ix.searcher() as searcher:
        total = searcher.doc_count()
        for done, fields in enumerate(searcher.all_stored_fields(), 1):
            if progress is not None:
                progress.stage, progress.checked, progress.to_check = "retype", done, total
                if tick is not None:
                    tick()
            stored = decode_record(fields["record"])
            question = Question.from_dict(stored["question"])
            if question.id in skip:
                continue
            now = classify_answer(question)
            if (now.type, now.evidence) != (
                stored.get("answer_type"),
                stored.get("answer_type_evidence"),
            ):
                yield question


def retyped_note(retyped: int, lexicon: Lexicon) -> str:
    """The ingest's note on `retyped` documents typed again with this pqsearch's rules."""
    recorded = recorded_rules(lexicon)
    earlier = f"rules {recorded}" if recorded else "the rules of an earlier pqsearch"
    changed = (
        f"{retyped} changed type or evidence and were written again (analysed whole, so "
        f"their sectors are the current detector's too)"
        if retyped
        else "none changed type or evidence"
    )
    return (
        f"answer types: the indexed documents were typed by {earlier}; read again with this "
        f"pqsearch's rules ({rules_fingerprint()}), {changed}"
    )
