"""Plain-text rendering of results for the terminal (the CLI's only formatting code)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from pqsearch.analyze.answer_types import NOT_PUBLISHED
from pqsearch.jsonable import jsonable
from pqsearch.output_dates import answer_state, dates_known, day

if TYPE_CHECKING:
    # Named in annotations only: printing a search loads none of the records' dataclasses.
    from pqsearch.models import (
        AbsentValue,
        Document,
        Facet,
        Highlight,
        Hit,
        IngestReport,
        SearchResult,
        SectorCount,
        SectorEvidence,
        SectorStatus,
        Synonym,
        WatchReport,
    )

# A record made from the site's index alone (`pqsearch fetch`): metadata, no text.
INDEX_ONLY = "index"
INDEX_ONLY_NOTE = (
    "only the entry of the site's index is known (its page was not fetched, or the text is in "
    "the bulletin linked below)"
)
BOLD = "\033[1m"
MARK = "\033[1;33m"
RESET = "\033[0m"


def as_json(value: Any) -> str:
    return json.dumps(jsonable(value), ensure_ascii=False, indent=2)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def mark(highlight: Highlight, *, color: bool) -> str:
    """The highlight's text with its matched words marked: bold on a terminal, [word] else."""
    opening, closing = (MARK, RESET) if color else ("[", "]")
    pieces: list[str] = []
    last = 0
    for start, end in highlight.spans:
        pieces.append(highlight.text[last:start])
        pieces.append(opening + highlight.text[start:end] + closing)
        last = end
    pieces.append(highlight.text[last:])
    return "".join(pieces)


def hit_lines(hit: Hit, *, color: bool) -> list[str]:
    number = f"n°{hit.number}" if hit.number is not None else "n° ?"
    where = " · ".join(x for x in (hit.legislature, hit.session) if x)
    answered = answer_state(
        hit.answered,
        hit.answered_on,
        not_published=hit.extra.answer_type == NOT_PUBLISHED,
        published_on=hit.published_on,
    )
    if hit.extra.source_format == INDEX_ONLY:
        answered = f"index entry only ({hit.extra.kind}): no text held"
    title = next((h for h in hit.highlights if h.part == "title"), None)
    title_text = mark(title, color=color) if title else hit.title
    lines = [
        f"{hit.rank}. {number} · {where} · received {day(hit.received_on)} · {answered}"
        f"   [id {hit.id}]",
        f"   {hit.author or '?'} → {hit.addressee or '?'}",
        f"   {BOLD if color else ''}{title_text}{RESET if color else ''}",
    ]
    if hit.copies:
        others = ", ".join(f"{c.addressee or '?'} [id {c.id}]" for c in hit.copies)
        lines.append(f"   Also sent to: {others} (--all-copies lists them as hits)")
    for highlight in hit.highlights:
        if highlight.part != "title":
            label = "Answer" if highlight.part == "answer" else "Question"
            lines.append(f"   {label}: {mark(highlight, color=color)}")
    return lines


def facet_line(facet: Facet) -> str:
    values = " · ".join(f"{c.value} ({c.count})" for c in facet.results) or "—"
    more = " · …" if facet.truncated else ""
    return f"  {facet.name}: {values}{more}"


def explanation_lines(result: SearchResult) -> list[str]:
    """What each typed word was searched as (`search --explain`)."""
    lines = ["Searched as:"]
    for word in result.explanation:
        terms = ", ".join(f"{m.term} ({m.source} {m.weight:g})" for m in word.matches)
        lines.append(f"  {word.word}: {terms}")
    return [*lines, ""] if result.explanation else []


def absent_line(absent: AbsentValue) -> str:
    """A filter value no document has, said when nothing matched."""
    label = absent.label
    named = f" ({label})" if label.casefold() != absent.typed.strip().casefold() else ""
    return (
        f'No document in this index has {absent.field} "{absent.typed}"{named}: it '
        f'matches nothing yet. "pqsearch facets {absent.field}" lists the values it has.'
    )


def search_text(
    result: SearchResult, *, color: bool, show_facets: bool = True, explain: bool = False
) -> str:
    first = (result.page - 1) * result.limit + 1
    shown = f"{first}–{first + len(result.hits) - 1}" if result.hits else "none"
    # A query with its own quotes ("buitenlandse nummerplaten") is not quoted twice.
    mark = "'" if '"' in result.query else '"'
    query = f" for {mark}{result.query}{mark}" if result.query.strip() else ""
    lines = [f"{plural(result.total, 'document')}{query} (showing {shown}, page {result.page})", ""]
    if result.corrected_query is not None:
        # Above the hits: they answer the corrected words, not the typed ones. In English,
        # as every other line of the CLI (s20 review: this one alone was French).
        fixed = "'" if '"' in result.corrected_query else '"'
        lines[0:0] = [
            f"Results for {fixed}{result.corrected_query}{fixed}; search for "
            f"{mark}{result.query}{mark} instead: --no-correct",
            "",
        ]
    if explain:
        lines.extend(explanation_lines(result))
    for hit in result.hits:
        lines.extend(hit_lines(hit, color=color))
        lines.append("")
    for suggestion in result.suggestions:
        lines.append(
            f'Nothing matches "{suggestion.word}": did you mean "{suggestion.suggestion}" '
            f"({plural(suggestion.hits, 'document')})?"
        )
    lines.extend(absent_line(absent) for absent in result.absent)
    last = result.last_page
    if not result.hits and result.total and last is not None and result.page > last:
        lines.append(f"Page {result.page} is past the last page of hits: --page {last}")
    if show_facets and result.facets and result.total:
        lines.append("Facets:")
        lines.extend(facet_line(f) for f in result.facets)
    return "\n".join(lines).rstrip() + "\n"


def synonyms_text(word: str, found: Sequence[Synonym]) -> str:
    if not found:
        return f'"{word}" is searched as itself only (its own lemmas and form).\n'
    lines = [f'"{word}" is also searched as:']
    width = max(len(s.term) for s in found)
    lines.extend(f"  {s.term.ljust(width)}  {s.source}, weight {s.weight:g}" for s in found)
    return "\n".join(lines) + "\n"


def facet_text(facet: Facet) -> str:
    width = max((len(c.value) for c in facet.results), default=0)
    lines = [f"{facet.name}: {len(facet.results)} values"]
    lines.extend(f"  {c.value.ljust(width)}  {c.count}" for c in facet.results)
    return "\n".join(lines) + "\n"


def document_text(document: Document) -> str:
    q = document.question
    # A federal record has a legislature and no session: say what it has, no "session ?" (s19).
    where = [
        f"{name} {value}"
        for name, value in (("legislature", q.legislature), ("session", q.session))
        if value
    ]
    lines = [
        f"{q.title}",
        " · ".join(
            [
                f"  id {q.id}",
                q.parliament,
                f"question n°{q.number if q.number is not None else '?'}",
                *where,
                q.kind,
            ]
        ),
        f"  {q.author or '?'} → {q.addressee or '?'}",
    ]
    if q.addressee_role:
        lines.append(f"  {q.addressee_role}")
    if document.portfolios:
        lines.append(f"  Portfolios: {', '.join(document.portfolios)}")
    lines.append("  " + " · ".join(dates_known(document)))
    evidence = f" — {document.answer_type_evidence}" if document.answer_type_evidence else ""
    lines.append(f"  Answer type: {document.answer_type}{evidence}")
    lines.append(f"  Source: {q.url or q.source}")
    if q.procedure:
        lines.append("  Procedure:")
        for step in q.procedure:
            body = f" ({step.body})" if step.body else ""
            lines.append(f"    {day(step.date)}  {step.act}{body}")
    lines += sectors_lines(document)
    if document.cites:
        lines.append("  Cites:")
        for ref in document.cites:
            target = ", ".join(ref.resolved) if ref.resolved else "not in the index"
            lines.append(f'    "{ref.text}" → {target}')
    if document.cited_by:
        lines.append(f"  Cited by: {', '.join(document.cited_by)}")
    for annex in q.annexes:
        lines.append(f"  Annex: {annex.label} <{annex.url}>")
    if q.source_format == INDEX_ONLY:
        lines.append(f"  Text: not held — {INDEX_ONLY_NOTE}")
    answer = q.answer or f"({answer_state(False, q.answered_on)})"
    lines += ["", "Question", "", q.question, "", "Answer", "", answer]
    return "\n".join(lines) + "\n"


def ingest_text(report: IngestReport) -> str:
    duplicates = len(report.duplicates) + len(report.identical)
    lines = [
        f"{len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.failed)} failed, {plural(duplicates, 'duplicate')}, "
        f"{len(report.skipped)} skipped in {report.seconds:.1f} s"
        + (f" ({report.words / report.seconds:,.0f} words/s)" if report.words else "")
    ]
    lines.extend(f"  note: {n}" for n in report.notes)
    if report.jobs:
        lines.append(cpu_line(report))
    if report.identical:
        lines.append(
            f"  duplicates: {plural(len(report.identical), 'question')} read again with the "
            "same content (a page and its record), each indexed once"
        )
    lines.extend(f"  duplicate: {d}" for d in report.duplicates)
    lines.extend(f"  skipped: {s.source}: {s.reason}" for s in report.skipped)
    lines.extend(f"  warning: {w}" for w in report.warnings)
    lines.extend(f"  failed: {f.source}: {f.reason}" for f in report.failed)
    return "\n".join(lines) + "\n"


def cpu_line(report: IngestReport) -> str:
    """Where the CPU went, and so how much more workers could give (the main process's
    share is the ceiling)."""
    documents = max(len(report.added) + len(report.updated), 1)
    share = report.main_cpu_share
    ceiling = f", so more workers give at most {1 / share:.0f} × one core" if share else ""
    return (
        f"  cpu: main process {1000 * report.main_cpu_seconds / documents:.1f} ms/document, "
        f"analysis {1000 * report.analysis_cpu_seconds / documents:.1f} ms/document on "
        f"{plural(report.jobs, 'worker')}: the main process is {100 * share:.0f} % of the "
        f"work{ceiling}"
    )


def jsonl(records: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def sectors_lines(document: Document) -> list[str]:
    """The sectors a document is about (with the probability), then those it only mentions;
    evidence found inside a body's name is marked "(name)", in a sentence about another
    sector's frame (a civil servant's sick leave) "(frame)"."""
    lines = []
    for title, mentions in (
        ("Sectors (about)", [m for m in document.mentioned or document.sectors if m.topic]),
        ("Sectors mentioned", [m for m in document.mentioned if not m.topic]),
    ):
        if mentions:
            lines.append(f"  {title}:")
        for sector in mentions:
            terms = ", ".join(
                f"{e.term} ×{e.count} in {e.part}{_aside(e)}" for e in sector.evidence
            )
            lines.append(f"    {sector.sector} {sector.label} (p={sector.score:.2f}): {terms}")
    return lines


def _aside(evidence: SectorEvidence) -> str:
    """Why evidence is only a mention, as `show` marks it."""
    if evidence.in_frame:
        return " (frame)"
    return " (name)" if evidence.in_name else ""


def sectors_text(counts: Iterable[SectorCount]) -> str:
    lines = [f"{'':>4}  {'about':>6}  {'mentioned':>9}"]
    for sector in counts:
        labels = " / ".join(sector.labels.get(lang, "") for lang in ("fr", "nl", "en"))
        lines.append(f"{sector.id:>4}  {sector.documents:>6}  {sector.mentioned:>9}  {labels}")
    return "\n".join(lines) + "\n"


FIRST_INGEST_RUNNING = (
    "the index's first ingest is running: its documents are found as it commits them"
)
FIRST_INGEST_UNFINISHED = (
    "unfinished: the index's first ingest stopped before its end, so the index holds only "
    "what it had committed; run `pqsearch ingest` again with your documents to complete it"
)


def sector_status_text(status: SectorStatus) -> str:
    origin = "shipped with pqsearch" if status.origin == "shipped" else "your own file"
    lines = []
    if status.first_ingest_running:
        lines.append(FIRST_INGEST_RUNNING)
    elif status.first_ingest_unfinished:
        lines.append(FIRST_INGEST_UNFINISHED)
    lines += [
        f"sector taxonomy: {status.taxonomy} ({origin})",
        f"sector detector: {status.detector}",
        f"this pqsearch:   {status.shipped_taxonomy}, detector {status.shipped_detector}",
    ]
    if status.mixed_with:
        lines.append(f"documents indexed earlier: {status.mixed_with}")
    if status.reanalysis_recommended:
        lines.append(f"re-analysis recommended: {status.advice}")
    elif status.reanalysis_pending:
        lines.append(f"re-analysis: {status.advice}")
    else:
        lines.append("sectors up to date")
    typed_by = status.answer_rules or "not recorded"
    if typed_by == status.shipped_answer_rules:
        lines.append(f"answer-type rules: {typed_by} (this pqsearch's)")
    else:
        lines.append(
            f"answer-type rules: {typed_by}, this pqsearch's {status.shipped_answer_rules}: "
            "the next `pqsearch ingest` types the documents again"
        )
    return "\n".join(lines) + "\n"


def similar_text(result: SearchResult, *, color: bool) -> str:
    verb = "shares" if result.total == 1 else "share"
    lines = [f"{plural(result.total, 'document')} {verb} key terms ({result.query})", ""]
    for hit in result.hits:
        lines.extend(hit_lines(hit, color=color))
        if hit.extra.same_question:
            lines.append(f"   ≡ The same question, sent to {hit.addressee or '?'}")
        shared = ", ".join(hit.extra.shared_terms[:12])
        lines.append(f"   Shared key terms: {shared}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def watch_text(reports: Iterable[WatchReport]) -> str:
    lines: list[str] = []
    for report in reports:
        if report.error is not None:
            # A message may end with the query and a caret under it: kept, indented.
            error = report.error.replace("\n", "\n  ")
            lines.append(
                f"{report.name} ({report.query or 'filters only'}): not run, nothing recorded: "
                f"{error}"
            )
            continue
        head = f"{report.name} ({report.query or 'filters only'}): {len(report.new)} new"
        if report.changed:
            head += f", {len(report.changed)} changed"
        lines.append(head + (" (first run: everything is new)" if report.first_run else ""))
        for hit in report.new:
            lines.append(f"  + {hit.id}  n°{hit.number}  {hit.addressee or '?'}: {hit.title}")
        for hit in report.changed:
            status = "now answered" if hit.id in report.newly_answered else "changed"
            lines.append(f"  ~ {hit.id}  n°{hit.number}  {status}: {hit.title}")
    return (
        "\n".join(lines) + "\n"
        if lines
        else 'No saved searches. Add one with "pqsearch watch add".\n'
    )
