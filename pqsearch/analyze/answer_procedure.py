"""How the procedure table ends a question without an answer (`analyze.answers`).

Split from `answers` in revision 18 (the module had reached its 400 lines); the acts and the
reading are those of revision 17, part of the rules' fingerprint (`ACTS`) and of the decision
code's digest (tests/analyze/test_answers.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pqsearch.analyze.answer_types import CONVERTED, LAPSED, WITHDRAWN
from pqsearch.analyze.fold import fold_in_place
from pqsearch.models import ProcedureStep

# Acts of the procedure table that end a question without an answer. A written question
# born from an oral one ("Question orale transformée en question écrite") is not converted
# away: only a transformation into something other than a written question is.
ACTS: dict[str, str] = {
    WITHDRAWN: r"\bretire|\bingetrokken\b",
    LAPSED: r"\bcadu[cq]|\bvervallen\b|\bvervalt\b",
    CONVERTED: (
        r"\btransform\w* en (?!(?:une )?question ecrite\b)"
        r"|\bomgezet in (?!(?:een )?schriftelijke\b)"
    ),
}
_ACT_RES = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in ACTS.items()}


def ending(procedure: Iterable[ProcedureStep]) -> tuple[str, str] | None:
    """The type and the act that decided it of the last withdrawal, lapse or conversion in
    `procedure`, or None."""
    found: tuple[str, str] | None = None
    for step in procedure:
        act = fold_in_place(step.act)
        for kind, pattern in _ACT_RES.items():
            if pattern.search(act):
                found = (kind, _describe_act(step))
    return found


def _describe_act(step: ProcedureStep) -> str:
    extra = ", ".join(d for d in (f"{step.date:%d/%m/%Y}" if step.date else "", step.body) if d)
    return f"{step.act} ({extra})" if extra else step.act
