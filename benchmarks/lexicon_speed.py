"""Lexicon speed at scale: bulk `add` + `flush` while ingesting, cold open + lookups at query.

Documents are the real French texts' analyses, repeated, each with a few made-up forms so
that the lexicon grows to about `3 * docs` distinct forms (300k for 100k documents). Flushes
every `--commit-every` documents, as the ingester does before each Whoosh commit. Then times,
in a fresh interpreter each run, `import pqsearch` (the whole public API, which a search
pays anyway), `Lexicon.open` and `expand` + `display` of a few words (seen, unseen,
stopword).

    python benchmarks/lexicon_speed.py [--docs 100000] [--commit-every 1000]
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from french_texts import french_texts

from pqsearch.analyze.lemmatize import Lemmatizer, stopwords
from pqsearch.analyze.lexicon import FILENAME, Lexicon

_COLD = """
import time
started = time.perf_counter()
import pqsearch
from pqsearch.analyze.lexicon import Lexicon
imported = time.perf_counter()
lexicon = Lexicon.open({path!r})
opened = time.perf_counter()
for word in ("diplomates", "Région", "promouvront", "de", "xyzzyq", "énergie"):
    lexicon.expand(word)
    lexicon.display(word)
done = time.perf_counter()
print(imported - started, opened - imported, done - opened)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--commit-every", type=int, default=1000)
    parser.add_argument("--cold-runs", type=int, default=7)
    args = parser.parse_args()

    texts = list(french_texts())[:300]
    parts = list(Lemmatizer().analyze(texts))
    folder = Path(tempfile.mkdtemp())

    started = time.perf_counter()
    lexicon = Lexicon.open(folder, writable=True)
    lexicon.set_stopwords(stopwords())
    created = time.perf_counter() - started

    adding = flushing = 0.0
    for doc in range(args.docs):
        analysis = parts[doc % len(parts)]
        made_up = {f"zz{doc}x{j}": frozenset({f"zz{doc}x{j}"}) for j in range(3)}
        document = dataclasses.replace(
            analysis,
            forms={**analysis.forms, **made_up},
            spellings={**analysis.spellings, **{form: {form: 1} for form in made_up}},
        )
        tick = time.perf_counter()
        lexicon.add([document])
        adding += time.perf_counter() - tick
        if (doc + 1) % args.commit_every == 0:
            tick = time.perf_counter()
            lexicon.flush()
            flushing += time.perf_counter() - tick
    tick = time.perf_counter()
    lexicon.close()
    flushing += time.perf_counter() - tick
    size = (folder / FILENAME).stat().st_size

    forms = len(Lexicon.open(folder))
    print(f"create (fallback table): {created:.2f} s")
    print(
        f"{args.docs:,} documents, {forms:,} forms, {size / 1e6:.1f} MB: "
        f"add {adding:.1f} s ({args.docs / adding:,.0f} docs/s), flush {flushing:.1f} s, "
        f"{args.docs / (adding + flushing):,.0f} docs/s in all"
    )

    runs = []
    for _ in range(args.cold_runs):
        code = _COLD.format(path=str(folder / FILENAME))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        runs.append([float(x) for x in out.stdout.split()])
    medians = [statistics.median(run[i] for run in runs) * 1000 for i in range(3)]
    print(
        f"cold, median of {args.cold_runs}: import pqsearch {medians[0]:.1f} ms, "
        f"Lexicon.open {medians[1]:.1f} ms,"
        f" 6 expand+display {medians[2]:.1f} ms"
    )


if __name__ == "__main__":
    main()
