"""A search: query words and filters in, ranked hits, facet counts and suggestions out."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from typing import Any, Concatenate, ParamSpec, TypeVar

import numpy as np

from pqsearch.analyze.answer_types import NOT_PUBLISHED
from pqsearch.analyze.fold import fold
from pqsearch.errors import QuerySyntaxError
from pqsearch.index.reader import IndexReader
from pqsearch.index.schema import DATE_FIELDS, int_to_date
from pqsearch.parse.normalize import strip_invisible
from pqsearch.query import copies
from pqsearch.query import highlight as hl
from pqsearch.query import syntax as st
from pqsearch.query import tree as qt
from pqsearch.query.absent import absent_values, typed_filters
from pqsearch.query.compile import Compiled, Compiler
from pqsearch.query.facets import facet_catalogue, facet_names
from pqsearch.query.filters import SORTS, Filters, Sort, choose
from pqsearch.query.match import matched_docs
from pqsearch.query.nodes import Word
from pqsearch.query.rank import Ranker, held
from pqsearch.query.restrict import filter_query
from pqsearch.query.syntax import parse_query
from pqsearch.query.tallies import Selection
from pqsearch.results import AbsentValue, Correction, Hit, HitDetails, SearchResult, Suggestion

# Did-you-mean looks at the first few typed words only, and only at words of a length where
# an edit distance of two means a typo (an automaton over a 9,000-letter word never ends).
MAX_SUGGESTED_WORDS = 5
MIN_SUGGESTED_CHARS = 4
MAX_SUGGESTED_CHARS = 30
MAX_CANDIDATES = 5
MAX_LIMIT = 1000
# A date sort of at least 1/16 of the index reads the order of every document, made once
# per generation (`date_order`), in blocks of this many documents until the page is full.
DATE_ORDER_SHARE = 16
DATE_ORDER_BLOCK = 8192


P = ParamSpec("P")
R = TypeVar("R")


def _reading_once(
    method: Callable[Concatenate[QueryRunner, P], R],
) -> Callable[Concatenate[QueryRunner, P], R]:
    """Run a QueryRunner method with each term's postings read once (`reading_once`)."""

    @functools.wraps(method)
    def wrapper(self: QueryRunner, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with self.index.reading_once():
            return method(self, *args, **kwargs)

    return wrapper


class QueryRunner:
    """Runs searches on one open index: our syntax compiled to our query tree, matched and
    ranked in numpy (Whoosh's own searcher, `IndexReader.searcher`, only reads storage)."""

    def __init__(
        self,
        index: IndexReader,
        *,
        sector_resolver: Callable[[str], str] | None = None,
        sector_label: Callable[[str], str] | None = None,
    ) -> None:
        self.index = index
        self.compiler = Compiler(index, sector_resolver=sector_resolver)
        self._sectors = {"sector_resolver": sector_resolver, "sector_label": sector_label}
        self.ranker = Ranker(index)
        self.catalogue = facet_catalogue(sector_label)

    def matched(self, query: qt.Query) -> np.ndarray:
        return matched_docs(self.index, query)

    def matched_mask(self, query: qt.Query | None) -> np.ndarray:
        """A boolean mask over document numbers of what `query` matches (all when None)."""
        mask = np.zeros(self.index.doc_count_all, dtype=np.bool_)
        mask[self.matched(query if query is not None else qt.Every())] = True
        return mask

    def count(self, query: qt.Query) -> int:
        return len(self.matched(query))

    def search(
        self,
        text: str,
        *,
        filters: Filters | None = None,
        facets: Sequence[str] | None = None,
        facet_top: int | None = 10,
        sort: Sort = "relevance",
        page: int = 1,
        limit: int = 20,
        highlight: bool = True,
        all_words: bool = False,
        correct: bool = True,
        group_copies: bool = False,
    ) -> SearchResult:
        """Ranked hits; `all_words` keeps only documents holding every plain word typed;
        `correct` searches a word that matches nothing as its spelling correction;
        `group_copies` shows a question sent to several ministers once, the other copies in
        its `Hit.copies` (what a page for a reader wants; a list of documents does not)."""
        filters = filters or Filters()
        sort = choose("sort", sort, SORTS)
        if page < 1 or not 0 <= limit <= MAX_LIMIT:
            raise QuerySyntaxError(f"Pages count from 1 and the limit is 0 to {MAX_LIMIT}.")
        tree = parse_query(strip_invisible(text))
        compiled = self.compiler.compile(
            require_all_words(tree) if all_words else tree, correct=correct, required=all_words
        )
        if compiled.query is None and text.strip():
            # Not the whole corpus as "matches" (issue 12), nor a silent "0 documents".
            quoted = f'"{compiled.dropped[0]}"' if compiled.dropped else '"plus"'
            raise QuerySyntaxError(
                f"Nothing to search for in {text!r}: it holds only common words (le, la, "
                "de, ...) or signs, which a search leaves out. Add a word that says what "
                f"you look for, put a common word in quotes to search it as written "
                f"({quoted}), or give an empty query with filters to browse.",
                kind="common_words_only",
                value=text,
                valid=(quoted,),
            )
        return self.run(
            compiled,
            query_text=text,
            filters=filters,
            facets=facets,
            facet_top=facet_top,
            sort=sort,
            page=page,
            limit=limit,
            highlight=highlight,
            group_copies=group_copies,
        )

    @_reading_once
    def run(
        self,
        compiled: Compiled,
        *,
        query_text: str,
        filters: Filters,
        facets: Sequence[str] | None,
        facet_top: int | None,
        sort: str,
        page: int,
        limit: int,
        highlight: bool,
        exclude: Sequence[str] = (),
        within: np.ndarray | None = None,
        group_copies: bool = False,
    ) -> SearchResult:
        """Run a compiled query: the hits of one page, facets over all matches, suggestions.

        `within` (sorted document numbers) keeps only those documents, as a filter does;
        `group_copies` shows a question sent to several addressees once (`query.copies`) in
        a search for words.
        """
        start, stop = (page - 1) * limit, page * limit
        # A browse (no words) lists documents: only a search for words groups copies.
        group_copies = group_copies and compiled.has_text
        names = facet_names(facets, self.catalogue)
        restrict = filter_query(self.compiler, filters)
        # The documents within the filters, when the ranking needed them.
        allowed: np.ndarray | None = None
        if exclude:
            excluded = qt.any_of([qt.Term("id", doc_id) for doc_id in exclude])
            restrict = qt.AndNot(restrict or qt.Every(), excluded)
        if limit and sort == "relevance" and compiled.query is not None and compiled.has_text:
            scored = self.ranker.score(compiled.query)
            # The query's documents with their scores, then the filters: the same set as
            # matching the combined query, evaluated once.
            if restrict is not None:
                allowed = self.matched(restrict)
                scored = scored.within(allowed)
            if within is not None:
                scored = scored.within(within)
            docs = scored.docs
            ranked: Callable[[int, int], list[tuple[int, float]]] = scored.top
        else:
            everything = [q for q in (compiled.query, restrict) if q is not None]
            docs = self.matched(qt.all_of(everything) if everything else qt.Every())
            if within is not None:
                docs = np.intersect1d(docs, within, assume_unique=True)
            ranked = functools.partial(self._by_date, docs, sort, filters.date_field)
        if group_copies:
            paged = copies.grouped_page(
                ranked, len(docs), start, stop, lambda d: self.index.shared_record(d)["question"]
            )
        else:
            alone = [copies.Grouped(docnum, score, ()) for docnum, score in ranked(start, stop)]
            paged = copies.GroupedPage(alone, len(docs))
        shown, listed = paged.hits, paged.listed
        mask = np.zeros(self.index.doc_count_all, dtype=np.bool_)
        mask[docs] = True
        corrections = tuple(
            Correction(word, self.index.lexicon.display(fixed) or fixed)
            for word, fixed in compiled.corrections.items()
        )
        selection = Selection(mask, docs)
        matcher = hl.Matcher(self.index.lexicon, compiled.forms, compiled.lemmas, compiled.joining)
        if highlight:
            matcher.prepare(self.index.shared_record(kept.docnum)["question"] for kept in shown)
        marking = matcher if highlight else None
        hits = tuple(self._hit(kept, start + i + 1, marking) for i, kept in enumerate(shown))
        return SearchResult(
            query=query_text,
            total=len(docs),
            page=page,
            limit=limit,
            hits=hits,
            listed=listed,
            facets=tuple(
                self.catalogue[name].count(self.index, selection, top=facet_top) for name in names
            ),
            suggestions=self._suggestions(compiled, restrict, allowed),
            corrections=corrections,
            corrected_query=_corrected(query_text, corrections) if corrections else None,
            explanation=tuple(compiled.explanation),
            absent=() if len(docs) else self._absent(compiled, filters),
        )

    def _absent(self, compiled: Compiled, filters: Filters) -> tuple[AbsentValue, ...]:
        typed = [*compiled.typed_values, *typed_filters(filters)]
        return absent_values(self.index, typed, **self._sectors)

    def _by_date(
        self, docs: np.ndarray, sort: str, date_field: str, start: int, stop: int
    ) -> list[tuple[int, float]]:
        # Browse (no words) and date sorts: newest first unless asked otherwise; documents
        # without that date come last either way; ties keep index order.
        field = date_field if date_field in DATE_FIELDS else "received"
        oldest = sort == "oldest"
        if len(docs) * DATE_ORDER_SHARE < self.index.doc_count_all:
            dates = self.index.dates(field)[docs]
            order = np.lexsort((docs, dates if oldest else -dates, dates <= 0))
            return [(int(docs[i]), 0.0) for i in order[start:stop]]
        # Many documents (a browse): every document in that order, sorted once per
        # generation (sorting 100,000 dates took 10 ms a search), read until the page.
        everything = self.index.generation_cache(
            f"date order/{field}/{oldest}", lambda: date_order(self.index.dates(field), oldest)
        )
        mask = np.zeros(self.index.doc_count_all, dtype=np.bool_)
        mask[docs] = True
        pages: list[np.ndarray] = []
        found = 0
        for begin in range(0, len(everything), DATE_ORDER_BLOCK):
            block = everything[begin : begin + DATE_ORDER_BLOCK]
            pages.append(block[mask[block]])
            found += len(pages[-1])
            if found >= stop:
                break
        ranked = np.concatenate(pages)[start:stop] if pages else docs[:0]
        return [(int(doc), 0.0) for doc in ranked]

    def _hit(self, kept: copies.Grouped, rank: int, matcher: hl.Matcher | None) -> Hit:
        # Read, never changed: the record the generation's readers share.
        stored = self.index.shared_record(kept.docnum)
        record = stored["question"]
        return Hit(
            id=record["id"],
            score=kept.score,
            rank=rank,
            title=record["title"],
            number=record.get("number"),
            legislature=record.get("legislature"),
            session=record.get("session"),
            author=record.get("author"),
            addressee=record.get("addressee"),
            received_on=_iso(record.get("received_on")),
            published_on=_iso(record.get("published_on")),
            answered_on=_iso(record.get("answered_on")),
            # As `--status` reads it: an answer sent to the member and not printed is not
            # answered here, though its record holds the bulletin's sentence (review 17, V1).
            answered=record.get("answer") is not None
            and stored.get("answer_type") != NOT_PUBLISHED,
            source=record.get("source", ""),
            url=record.get("url"),
            highlights=hl.highlights(record, matcher) if matcher is not None else (),
            extra=HitDetails(
                answer_type=stored.get("answer_type"),
                sectors=tuple(
                    str(s["sector"]) for s in stored.get("sectors", []) if s.get("topic", True)
                ),
                portfolios=tuple(stored.get("portfolios", ())),
                kind=record.get("kind"),
                source_format=record.get("source_format"),
                content_hash=record.get("content_hash"),
            ),
            copies=kept.copies,
        )

    def _suggestions(
        self, compiled: Compiled, restrict: qt.Query | None, allowed: np.ndarray | None
    ) -> tuple[Suggestion, ...]:
        suggestions: list[Suggestion] = []
        # Bounded work, whatever was typed: a few words checked, words of plausible length.
        for word, query, part in compiled.words[:MAX_SUGGESTED_WORDS]:
            form = next(iter(fold(word).split()), "")
            if not MIN_SUGGESTED_CHARS <= len(form) <= MAX_SUGGESTED_CHARS:
                continue
            if restrict is not None and allowed is None:
                allowed = self.matched(restrict)
            if self._matches_any(query, allowed):
                continue
            # The plausible corrections (`query.correct`), likeliest first: the first one with
            # documents within the filters, counted in the word's part ("titre:" typed) if any.
            for candidate in self.compiler.expander.suggestions(form)[:MAX_CANDIDATES]:
                hits = self._count_with(
                    self.compiler.compile(
                        Word(candidate, part) if part else parse_query(candidate)
                    ).query,
                    restrict,
                )
                if hits:
                    display = self.index.lexicon.display(candidate) or candidate
                    suggestions.append(Suggestion(word=word, suggestion=display, hits=hits))
                    break
        return tuple(suggestions)

    def _matches_any(self, query: qt.Query, allowed: np.ndarray | None) -> bool:
        """Whether `query` matches a document of the sorted `allowed` (any when None). A
        typed word's terms are looked at one by one (met already, by the ranking) until
        one has a document: no union of every document of a frequent word."""
        if isinstance(query, qt.Term):
            docs = self.ranker.term_docs(query.field, query.text)
            return bool(len(docs) if allowed is None else held(docs, allowed).any())
        if isinstance(query, qt.Or):
            return any(self._matches_any(item, allowed) for item in query.items)
        if allowed is None:
            return self.count(query) > 0
        return bool(held(self.matched(query), allowed).any())

    def _count_with(self, query: qt.Query | None, restrict: qt.Query | None) -> int:
        """How many documents `query` matches within `restrict`."""
        if query is None:
            return 0
        return self.count(qt.And((query, restrict)) if restrict is not None else query)


def date_order(dates: np.ndarray, oldest: bool) -> np.ndarray:
    """Every document number by date, newest first unless `oldest`; undated ones last;
    ties by number."""
    docs = np.arange(len(dates), dtype=np.int64)
    return docs[np.lexsort((docs, dates if oldest else -dates, dates <= 0))]


def _corrected(text: str, corrections: Sequence[Correction]) -> str:
    """The query as searched: each corrected word replaced by its correction."""
    fixed = {c.word: c.correction for c in corrections}
    return re.sub(r"[^\W\d_]+", lambda m: fixed.get(fold(m.group()), m.group()), text)


def require_all_words(tree: st.Node | None) -> st.Node | None:
    """The query with its plain words side by side required together (`AnyOf` -> `And`).

    Ranking is unchanged: it is the documents search ranks first (those holding every word),
    without the ones lacking a word that search lists after them; but a common word typed
    ("de") is required, and searched as its exact form, as an operand of AND is (`compile`).
    """
    if isinstance(tree, st.AnyOf):
        return st.And(tuple(require_all_words(item) or item for item in tree.items))
    if isinstance(tree, st.And | st.Or):
        return type(tree)(tuple(require_all_words(item) or item for item in tree.items))
    if isinstance(tree, st.Not):
        return st.Not(require_all_words(tree.item) or tree.item)
    return tree


def _iso(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


__all__ = ["SORTS", "Filters", "QueryRunner", "int_to_date"]
