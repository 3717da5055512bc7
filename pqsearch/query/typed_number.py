"""A query that is only a question number or a document id ("369", "n° 369", "170155").

`Compiler.compile` searches such a query as the document with that id or number first, then
the digits as a word.
"""

from __future__ import annotations

import re

from pqsearch.query import syntax as st
from pqsearch.query.values import MAX_NUMBER_DIGITS

# A document whose id or question number is the typed number scores this much: more than any
# document can score on words, so it comes first.
NUMBER_BOOST = 1_000.0
# The whole query is a number, perhaps after "n°", "no", "numéro" ("n°369", "N° 369").
TYPED_NUMBER = re.compile(
    rf"^(?:n\s*[°º]|no\.?|n\.|num[eé]ro)?\s*(\d{{1,{MAX_NUMBER_DIGITS}}})$", re.IGNORECASE
)


def typed_number(tree: st.Node) -> str | None:
    """The digits of a query that is only a question number or a document id, else None."""
    items = tree.items if isinstance(tree, st.AnyOf) else (tree,)
    if not all(isinstance(item, st.Word) and item.field is None for item in items):
        return None
    match = TYPED_NUMBER.match(" ".join(item.text for item in items if isinstance(item, st.Word)))
    return match.group(1) if match else None
