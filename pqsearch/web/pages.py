"""The HTML pages: search, document, drafting, saved searches. Each handler reads its
parameters, makes one call into the library through the shared `IndexService`, and renders a
template. No search logic lives here."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from pqsearch import (
    EXPORT_FORMATS,
    Index,
    PqsearchError,
    SearchResult,
    UnknownValueError,
    choose,
)
from pqsearch.export import escape
from pqsearch.web.document_page import read_document
from pqsearch.web.i18n import Words, language_of
from pqsearch.web.messages import page_message
from pqsearch.web.notices import IndexState, Widening, correction, values_instead, widenings
from pqsearch.web.params import MULTI, SearchState, linked_value, results_url, with_language
from pqsearch.web.security import FormParams, read_form
from pqsearch.web.selection import Selection, chosen
from pqsearch.web.service import IndexService
from pqsearch.web.timeline import timeline

# The facets the search page counts and shows, in this order; `{date}_year` and the
# timeline's `{date}_month` follow the date field chosen for the range.
PAGE_FACETS = (
    "legislature",
    "session",
    "addressee",
    "portfolio",
    "sector",
    "answer_type",
    "status",
    "kind",
    "author",
)
DRAFT_RESULTS = 20
EXPORT_TYPES = {
    "md": ("text/markdown; charset=utf-8", "precedents.md"),
    "csv": ("text/csv; charset=utf-8", "precedents.csv"),
    "jsonl": ("application/x-ndjson; charset=utf-8", "precedents.jsonl"),
}


@dataclass(frozen=True)
class FacetValue:
    label: str
    count: int
    href: str
    active: bool


@dataclass(frozen=True)
class FacetView:
    name: str
    title: str
    values: tuple[FacetValue, ...]


class Pages:
    def __init__(self, service: IndexService, templates: Any) -> None:
        self.service = service
        self.templates = templates

    def render(
        self, request: Request, name: str, words: Words, status: int = 200, **context: Any
    ) -> HTMLResponse:
        query = request.url.query
        other = "en" if words.language == "fr" else "fr"
        switch = with_language(request.url.path, query, other)
        html = self.templates.get_template(name).render(
            words=words, lang=words.language, switch_language=switch, **context
        )
        return HTMLResponse(html, status_code=status)

    def error_page(
        self, request: Request, words: Words, error: PqsearchError, *, doc_id: str | None = None
    ) -> HTMLResponse:
        """The error page, saying `error` in the page's language (`messages`)."""
        said = page_message(error, words, doc_id=doc_id)
        return self.render(request, "error.html", words, _status(error), error=said)

    async def home(self, request: Request) -> Response:
        lang = language_of(request.query_params.get("lang"))
        return RedirectResponse("/search" if lang == "fr" else "/search?lang=en", status_code=303)

    async def search(self, request: Request) -> Response:
        words = Words(language_of(request.query_params.get("lang")))
        try:
            state = SearchState.read(request.query_params)
        except PqsearchError as error:
            return self.render(
                request,
                "search.html",
                words,
                400,
                state=SearchState(lang=words.language),
                error=page_message(error, words),
                result=None,
            )
        facets = [*PAGE_FACETS, f"{state.date}_year", f"{state.date}_month"]

        def work(index: Index) -> tuple[SearchResult, IndexState | None, tuple[Widening, ...]]:
            # The notice tells of the generation the search read.
            with index.one_generation():
                result = index.search(
                    state.q,
                    filters=state.filters(),
                    facets=facets,
                    facet_top=None,
                    sort=state.sort,
                    page=state.page,
                    limit=state.limit,
                    correct=state.correct,
                    group_copies=True,
                )
                if result.total:
                    return result, None, ()
                # Asked only when nothing matched (as `pqsearch search` does): an empty index, or
                # one whose first ingest stopped, is not "nothing matches"; else, what the words
                # find without each filter.
                index_state = IndexState.of(index)
                return result, index_state, () if index_state else widenings(index, state)

        try:
            result, index_state, wider = await self.service.run(work)
        except PqsearchError as error:
            # In an empty index every filter value is unknown: say why first.
            index_state, fixed = None, correction(state, error)
            if isinstance(error, UnknownValueError):
                index_state = await self.service.run(IndexState.of)
                if fixed is None and index_state is None:
                    instead = functools.partial(values_instead, state=state, error=error)
                    fixed = await self.service.run(instead)
            return self.render(
                request,
                "search.html",
                words,
                _status(error),
                state=state,
                error=page_message(error, words),
                correction=fixed,
                index_state=index_state,
                result=None,
            )
        last = result.last_page
        if not result.hits and last is not None and state.page > last:
            # A page past the last hit (copies grouped: pages counted from documents, or a
            # link kept while the index changed): the last page with hits instead.
            return RedirectResponse(state.changed(page=last).url(), status_code=303)
        by_name = {facet.name: facet for facet in result.facets}
        months = by_name.pop(f"{state.date}_month")
        return self.render(
            request,
            "search.html",
            words,
            state=state,
            result=result,
            facets=_facet_views(state, list(by_name.values()), words),
            timeline=timeline(months),
            pages=_pages(state, result),
            index_state=index_state,
            widenings=wider,
            error=None,
        )

    async def document(self, request: Request) -> Response:
        words = Words(language_of(request.query_params.get("lang")))
        doc_id = request.path_params["doc_id"]
        # The search it was opened from, for the link back to it (s18).
        found = results_url(request.query_params.get("results"), words.language)
        back, results = found if found else (None, "")

        try:
            document, similar, evidence = await self.service.run(
                lambda index: read_document(index, doc_id)
            )
        except PqsearchError as error:
            return self.error_page(request, words, error, doc_id=doc_id)
        same = [h for h in similar.hits if h.extra.same_question]
        others = [h for h in similar.hits if not h.extra.same_question]
        return self.render(
            request,
            "document.html",
            words,
            document=document,
            back=back,
            results=results,
            evidence=evidence,
            same=same,
            similar=others,
        )

    async def draft(self, request: Request) -> Response:
        words = Words(language_of(request.query_params.get("lang")))
        if request.method == "GET":
            return self.render(request, "draft.html", words, text="", result=None, error=None)
        try:
            form = FormParams(await read_form(request))
            text = (form.get("text") or "").strip()
            result = await self.service.run(
                lambda index: index.similar(text=text, facets=[], limit=DRAFT_RESULTS)
            )
        except PqsearchError as error:
            said = page_message(error, words)
            return self.render(
                request, "draft.html", words, _status(error), text="", result=None, error=said
            )
        return self.render(request, "draft.html", words, text=text, result=result, error=None)

    async def draft_export(self, request: Request) -> Response:
        words = Words(language_of(request.query_params.get("lang")))
        try:
            form = FormParams(await read_form(request))
            text = (form.get("text") or "").strip()
            fmt = choose("format", form.get("format") or "md", EXPORT_FORMATS)

            def work(index: Index) -> tuple[str, Selection]:
                found = index.similar(text=text, facets=[], limit=DRAFT_RESULTS)
                selection = chosen(
                    index,
                    found.hits,
                    ticked=form.getlist("id"),
                    shown=form.getlist("shown"),
                    first_rank=1,
                )
                exported = index.export_hits(
                    selection.hits,
                    fmt=fmt,
                    total=len(found.hits),
                    language=words.language,
                    chosen=selection.ticked,
                )
                return exported, selection

            return _download(*await self.service.run(work), fmt, words)
        except PqsearchError as error:
            return self.error_page(request, words, error)

    async def search_export(self, request: Request) -> Response:
        words = Words(language_of(request.query_params.get("lang")))
        try:
            state = SearchState.read(request.query_params)
            fmt = choose("format", request.query_params.get("format") or "md", EXPORT_FORMATS)
            params = request.query_params

            def work(index: Index) -> tuple[str, Selection]:
                # The page's search again (grouped as the page is), for the ranks and
                # passages of the documents still where the page showed them.
                found = index.search(
                    state.q,
                    filters=state.filters(),
                    facets=[],
                    sort=state.sort,
                    page=state.page,
                    limit=state.limit,
                    correct=state.correct,
                    group_copies=True,
                )
                selection = chosen(
                    index,
                    found.hits,
                    ticked=params.getlist("id"),
                    shown=params.getlist("shown"),
                    first_rank=(state.page - 1) * state.limit + 1,
                )
                exported = index.export_hits(
                    selection.hits,
                    fmt=fmt,
                    query=state.q,
                    total=found.total,
                    sort=state.sort,
                    language=words.language,
                    chosen=selection.ticked,
                )
                return exported, selection

            return _download(*await self.service.run(work), fmt, words)
        except PqsearchError as error:
            return self.error_page(request, words, error)

    async def watches(self, request: Request) -> Response:
        from pqsearch import watch

        words = Words(language_of(request.query_params.get("lang")))

        def work(index: Index) -> list[tuple[Any, Any, str]]:
            saved = {w.name: w for w in watch.list_watches(index)}
            reports = watch.run_watches(index, mark_seen=False)
            return [(saved[r.name], r, _watch_url(saved[r.name], words.language)) for r in reports]

        try:
            rows = await self.service.run(work)
        except PqsearchError as error:
            return self.error_page(request, words, error)
        return self.render(request, "watches.html", words, rows=rows)


def _status(error: PqsearchError) -> int:
    from pqsearch.web.api_routes import status_of

    return status_of(error)


def _download(text: str, selection: Selection, fmt: str, words: Words) -> Response:
    media_type, filename = EXPORT_TYPES[fmt]
    if selection.not_found and fmt == "md":
        # CSV and JSON Lines rows are documents, for other programs: there the header says it.
        ids = ", ".join(escape(doc_id) for doc_id in selection.not_found)
        text += "\n" + words("download_not_found", ids=ids) + "\n"
    return Response(
        text,
        media_type=media_type,
        headers={
            "content-disposition": f'attachment; filename="{filename}"',
            **selection.headers(),
        },
    )


def _facet_value(
    state: SearchState, name: str, value: str, count: int, chosen: Any, words: Words
) -> FacetValue:
    """One value of a facet: its link adds it, or removes it when chosen, as its link writes
    it (`=Name`) or as a link before that form did (`Name`: review 17, V4)."""
    linked = linked_value(name, value)
    held = next((v for v in (linked, value) if v in chosen), None)
    href = state.removing(name, held) if held is not None else state.adding(name, linked)
    return FacetValue(
        label=words.value(value), count=count, href=href.url(), active=held is not None
    )


def _facet_views(state: SearchState, facets: list[Any], words: Words) -> list[FacetView]:
    views: list[FacetView] = []
    for facet in facets:
        if facet.name.endswith("_year"):
            values = tuple(
                FacetValue(
                    label=c.value,
                    count=c.count,
                    href=state.changed(date_from=c.value, date_to=c.value).url(),
                    active=state.date_from == c.value and state.date_to == c.value,
                )
                for c in facet.results
            )
            views.append(FacetView("year", words.facet("year"), values))
            continue
        chosen = state.values.get(facet.name, ()) if facet.name in MULTI else (state.status,)
        values = tuple(
            _facet_value(state, facet.name, c.value, c.count, chosen, words) for c in facet.results
        )
        views.append(FacetView(facet.name, words.facet(facet.name), values))
    return views


def _pages(state: SearchState, result: SearchResult) -> list[tuple[int, str]]:
    if not state.limit:
        return []
    # Grouped copies list fewer hits than documents, so the documents give only an upper
    # bound of the pages. The last page is linked when known (the search read that far);
    # otherwise the pages around this one (a page past the hits sends to the last: `search`).
    last = result.last_page
    bound = last or max(1, -(-result.total // state.limit))
    around = range(max(1, state.page - 3), min(bound, state.page + 3) + 1)
    shown = sorted({1, *around, *([last] if last else [])})
    return [(n, state.changed(page=n).url()) for n in shown]


def _watch_url(saved: Any, language: str) -> str:
    filters = saved.filters
    values = {name: tuple(getattr(filters, name)) for name in MULTI if getattr(filters, name)}
    state = SearchState(
        q=saved.query,
        values=values,
        status=filters.status or "",
        date_from=str(filters.date_from or ""),
        date_to=str(filters.date_to or ""),
        date=filters.date_field,
        sort="newest",
        lang=language_of(language),
    )
    return state.url()
