"""Write the fallback lemma table shipped with the package (`analyze/lexicon_fallback.py`).

    PYTHONPATH=$PWD python benchmarks/fallback_table.py --out pqsearch/data/fallback-fr-1.bin

Run once per table: lexicons name the table they read, and answer the same only while its
bytes do, so a written table is never changed. A better one (a new simplemma, another
folding) is a new file with the next number, added to `SHIPPED_TABLES` and made `SHIPPED`;
the old ones stay.

The table is simplemma's French dictionary (the version installed: 2.0.0 for table 1),
folded as queries are: a form and a lemma of one word each.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from pqsearch.analyze.fold import fold
from pqsearch.analyze.lexicon_fallback import encode_blocks, write_shipped


def folded_pairs(entries: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    for form, lemma in entries:
        key, folded = fold(form), fold(lemma)
        # Multi-word entries ("a priori") never match one query word. A form that is its
        # own lemma keeps its line: it is how `in_dictionary` knows "recharger" for a real
        # word, whose family the stem level may search, where a typo gets none.
        if key and folded and " " not in key and " " not in folded:
            yield key, folded


def simplemma_pairs() -> Iterator[tuple[str, str]]:
    """simplemma's French pairs, folded."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    return folded_pairs(DefaultDictionaryFactory().get_dictionary("fr").items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if args.out.exists():
        print(f"{args.out} exists: a shipped table is never rewritten", file=sys.stderr)
        return 1
    import simplemma

    data = write_shipped(encode_blocks(simplemma_pairs()))
    args.out.write_bytes(data)
    print(f"{args.out}: {len(data):,} bytes from simplemma {simplemma.__version__} fr")
    return 0


if __name__ == "__main__":
    sys.exit(main())
