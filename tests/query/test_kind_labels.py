"""A kind's own label selects that kind alone (audit 14, A12): "Question écrite" is the
label of `written`, not also a part of "Question orale transformée en question écrite"."""

from __future__ import annotations

import pytest

from pqsearch import api
from pqsearch.models import KIND_LABELS


def ids(index: api.Index, **filters: tuple[str, ...]) -> set[str]:
    found = index.search("", filters=api.Filters(**filters), limit=1000, facets=[])
    return {h.id for h in found.hits}


@pytest.mark.parametrize("kind", ["written", "oral_turned_written", "oral"])
def test_a_kind_s_labels_select_that_kind_only(index: api.Index, kind: str) -> None:
    own = {h for h in ids(index) if index.get(h).kind == kind}
    assert ids(index, kind=(kind,)) == own
    for label in KIND_LABELS[kind].values():
        assert ids(index, kind=(label,)) == own, label
        assert {h.id for h in index.search(f'kind:"{label}"', limit=1000).hits} == own, label


def test_the_corpus_holds_both_kinds_a_label_could_mix(index: api.Index) -> None:
    kinds = {index.get(h).kind for h in ids(index)}
    assert {"written", "oral_turned_written"} <= kinds  # the test above can fail
