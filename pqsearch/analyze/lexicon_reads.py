"""The rows layout's statements (schema 5, read by `lexicon_tables.py` until an ingest turns
the rows into blocks) that read what that layout leaves out: a form's
spelling that is the form itself, which has no row, and a lemma's row as its own form, which
the index by lemma does not hold. They read a lexicon written before (schema 4 and earlier:
every spelling a row, every row in the index by lemma) to the same answers.
"""

from __future__ import annotations

# A lemma's forms: the index by lemma holds only the rows of other forms than the lemma
# itself (`lemma_other_forms`), the lemma as its own form is looked up by its key. The
# condition `form <> lemma` is written as the index's is, for SQLite to use it.
FORMS_OF_LEMMAS = (
    "SELECT lemma, form FROM lemmas WHERE form <> lemma AND lemma IN",
    "SELECT lemma, form FROM lemmas WHERE lemma = form AND form IN",
)
# A form's most frequent spelling. The form itself as a spelling may have no row
# (`lexicon_rows`): its count is then the form's tokens less those of its other spellings,
# all of them (counts are the latest, not pinned; its generation is the form's); with a row
# (a lexicon written before, or a form first seen without it) nothing is left over.
DISPLAY = (
    "SELECT spelling FROM ("
    "SELECT spelling, tokens FROM spellings WHERE form = ? UNION ALL "
    "SELECT form, tokens - (SELECT coalesce(sum(tokens), 0) FROM main.spellings WHERE form = ?) "
    "FROM forms WHERE form = ?"
    ") GROUP BY spelling HAVING sum(tokens) > 0 ORDER BY sum(tokens) DESC, spelling LIMIT 1"
)

__all__ = ["DISPLAY", "FORMS_OF_LEMMAS"]
