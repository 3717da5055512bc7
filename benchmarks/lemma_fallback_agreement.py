"""How often a context-free lemma agrees with the lemma spaCy gives a word in its sentence.

The query path cannot run spaCy, so a query word the corpus never showed gets a lemma from a
context-free fallback. This measures the candidates over every content word of the real
French documents (seed, Brussels records, the French turns of the Chamber plenary):

- identity: the folded word itself;
- simplemma: `simplemma.lemmatize(word, "fr")`;
- spacy-lookup: spaCy's French lookup table (the `lemma_lookup` table that fr_core_news_sm
  ships, the same data as spacy-lookups-data's `fr_lemma_lookup`);
- spacy-alone: spaCy on the lone word (what the query path would get if it loaded spaCy);
- the two tables keyed by *folded* form (a user who types "developpees" without accents),
  counted as agreeing when the in-context lemma is among the lemmas of that folded key.

Agreement is over tokens (each occurrence) and over distinct (form, lemma) pairs.

    python benchmarks/lemma_fallback_agreement.py [--max-words N]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

import simplemma
from french_texts import french_texts

from pqsearch.analyze.fold import fold, normalize_apostrophes
from pqsearch.analyze.lemmatize import Lemmatizer, _word_lemmas, stopwords


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-words", type=int, default=0, help="stop after N content words")
    args = parser.parse_args()

    lemmatizer = Lemmatizer()
    nlp = lemmatizer.nlp
    stops = stopwords()
    # spaCy's tables are keyed by string hashes: they answer `get(word)` but cannot list
    # their words, so only the simplemma table is also tried with folded keys.
    component: Any = nlp.get_pipe("lemmatizer")
    lookup = component.lookups.get_table("lemma_lookup")

    # Content words with their in-context lemma, as the index sees them.
    pairs: Counter[tuple[str, str]] = Counter()
    started = time.perf_counter()
    for doc in nlp.pipe(
        map(normalize_apostrophes, french_texts()), batch_size=lemmatizer.batch_size
    ):
        for word, key, lemma in _word_lemmas(doc):
            if key and key not in stops and lemma not in stops:
                pairs[(word.lower(), lemma)] += 1
        if args.max_words and sum(pairs.values()) >= args.max_words:
            break
    print(
        f"{sum(pairs.values())} content tokens, {len(pairs)} distinct (word, lemma) pairs, "
        f"analysed in {time.perf_counter() - started:.1f} s"
    )

    folded_tables: dict[str, defaultdict[str, set[str]]] = {"simplemma": defaultdict(set)}
    for form, lemma in (
        simplemma.strategies.dictionaries.DefaultDictionaryFactory().get_dictionary("fr").items()
    ):
        folded_tables["simplemma"][fold(form)].add(fold(lemma))

    alone_cache: dict[str, str] = {}

    def spacy_alone(word: str) -> str:
        if word not in alone_cache:
            alone_cache[word] = nlp(word)[0].lemma_ if word else word
        return alone_cache[word]

    single: dict[str, Callable[[str], str]] = {
        "identity": lambda word: word,
        "simplemma": lambda word: simplemma.lemmatize(word, lang="fr"),
        # The French table holds a list of lemmas per word; spaCy takes the first.
        "spacy-lookup": lambda word: lookup.get(word, [word])[0],
        "spacy-alone": spacy_alone,
    }
    print(f"{'fallback':<26}{'tokens':>9}{'pairs':>9}{'lemmas/key':>12}")
    # "+ self" rows also accept the folded word itself, as `Lexicon.expand` does.
    total_tokens = sum(pairs.values())
    for name, lemmatize in single.items():
        hits = {p: n for p, n in pairs.items() if fold(lemmatize(p[0])) == p[1]}
        print(
            f"{name:<26}{sum(hits.values()) / total_tokens:>9.1%}"
            f"{len(hits) / len(pairs):>9.1%}{1.0:>12.2f}"
        )
        if name != "identity":
            hits = {p: n for p, n in pairs.items() if p[1] in {fold(lemmatize(p[0])), fold(p[0])}}
            print(
                f"{name + ' + self':<26}{sum(hits.values()) / total_tokens:>9.1%}"
                f"{len(hits) / len(pairs):>9.1%}"
            )
    for name, table in folded_tables.items():
        hits = {p: n for p, n in pairs.items() if p[1] in table.get(fold(p[0]), {fold(p[0])})}
        sizes = [len(table.get(fold(p[0]), ())) or 1 for p in pairs]
        print(
            f"{name + ' (folded key)':<26}{sum(hits.values()) / total_tokens:>9.1%}"
            f"{len(hits) / len(pairs):>9.1%}{sum(sizes) / len(sizes):>12.2f}"
        )
        union = {
            p: n for p, n in pairs.items() if p[1] in table.get(fold(p[0]), set()) | {fold(p[0])}
        }
        print(
            f"{name + ' (folded + self)':<26}{sum(union.values()) / total_tokens:>9.1%}"
            f"{len(union) / len(pairs):>9.1%}"
        )


if __name__ == "__main__":
    main()
