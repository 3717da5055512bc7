"""Candidates to judge for a new labelled query, pooled WITHOUT pqsearch.

For each query: the top 20 of Whoosh-Snowball and of FTS5, and every document whose folded
text (title, Dutch title, question, answer; lower case, accents removed) matches a regular
expression the judge writes from the topic (stems, synonyms, acronyms), with the matching
snippets. The judge then reads each candidate and grades it 0-3 in
tests/data/retrieval_queries.toml. pqsearch is left out on purpose, so that the labels do not
follow what it happens to match.

    python benchmarks/retrieval_pool.py 'query text' 'regex' ['query' 'regex' ...]
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.retrieval_quality import build_baselines, load_documents  # noqa: E402
from pqsearch.analyze.fold import fold  # noqa: E402
from pqsearch.models import Question  # noqa: E402

POOL_DEPTH = 20
SNIPPETS = 2


def folded_text(question: Question) -> str:
    parts = (question.title, question.title_nl or "", question.question, question.answer or "")
    return fold(" \n ".join(parts)).lower()


def main(argv: list[str]) -> int:
    if len(argv) < 2 or len(argv) % 2:
        print(__doc__)
        return 2
    documents = load_documents()
    texts = {q.id: folded_text(q) for q in documents}
    titles = {q.id: q.title for q in documents}
    with tempfile.TemporaryDirectory() as work:
        rankers = build_baselines(documents, Path(work), depth=POOL_DEPTH)
        for query, pattern in zip(argv[::2], argv[1::2], strict=True):
            ranked = {name: rank(query) for name, rank in rankers.items()}
            regex = re.compile(pattern)
            grep = {
                doc_id: regex.findall(text) for doc_id, text in texts.items() if regex.search(text)
            }
            pool = dict.fromkeys([*grep, *(d for r in ranked.values() for d in r)])
            print(f"\n=== {query!r}  grep /{pattern}/  pool {len(pool)}")
            for doc_id in sorted(pool, key=lambda d: -len(grep.get(d, []))):
                marks = " ".join(
                    f"{name[0]}{r.index(doc_id) + 1}" for name, r in ranked.items() if doc_id in r
                )
                snippets = [
                    texts[doc_id][max(0, m.start() - 40) : m.end() + 40].replace("\n", " ")
                    for m in list(regex.finditer(texts[doc_id]))[:SNIPPETS]
                ]
                print(f"- {doc_id} [{marks}] g{len(grep.get(doc_id, []))} {titles[doc_id][:110]}")
                for snippet in snippets:
                    print(f"      …{snippet}…")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
