"""The filter options, declared once, and the `Filters` they build."""

from __future__ import annotations

from typing import Annotated

import typer

from pqsearch.query.overdue import REPLY_DELAY_DAYS
from pqsearch.query.search import Filters

Many = list[str] | None
# Filter options, declared once: search, similar, export and watch add take them all.
LegislatureOption = Annotated[Many, typer.Option(help="e.g. 19/24 (repeatable).")]
SessionOption = Annotated[Many, typer.Option(help="e.g. 20/21 (repeatable).")]
AuthorOption = Annotated[Many, typer.Option(help="Member who asked (repeatable).")]
AddresseeOption = Annotated[
    Many, typer.Option("--addressee", "--minister", help="Minister (repeatable).")
]
PortfolioOption = Annotated[Many, typer.Option(help="Competence, e.g. urbanisme.")]
LanguageOption = Annotated[Many, typer.Option(help="fr, nl.")]
SectorOption = Annotated[Many, typer.Option(help="Sector id or label, e.g. F or construction.")]
SectorMentionedOption = Annotated[
    Many, typer.Option(help="A sector the document mentions, even in passing (e.g. H).")
]
AnswerTypeOption = Annotated[
    Many, typer.Option(help="substantive, by_reference, not_competent, ... or a French label.")
]
StatusOption = Annotated[str | None, typer.Option(help="answered or unanswered.")]
FromOption = Annotated[
    str | None, typer.Option("--from", help="2021, 2021-03, 31/03/2021, mars 2021.")
]
ToOption = Annotated[str | None, typer.Option("--to", help="Included, like --from.")]
DateOption = Annotated[
    str, typer.Option(help="The date --from/--to and sorting use: received, published, answered.")
]
SortOption = Annotated[str, typer.Option(help="relevance, newest or oldest.")]
KindOption = Annotated[
    Many,
    typer.Option(help="written, oral_turned_written, explanations_turned_written, ..."),
]
OverdueOption = Annotated[
    bool,
    typer.Option("--overdue", help="Only questions unanswered past the reply delay."),
]
ReplyDelayOption = Annotated[
    int,
    typer.Option(min=0, help="Days a minister has to answer, for --overdue (an assumption)."),
]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="The day --overdue counts to (default: today).")
]
WordsArgument = Annotated[list[str] | None, typer.Argument(help="Query words and syntax.")]


def make_filters(
    *,
    legislature: Many = None,
    session: Many = None,
    author: Many = None,
    addressee: Many = None,
    portfolio: Many = None,
    language: Many = None,
    sector: Many = None,
    sector_mentioned: Many = None,
    answer_type: Many = None,
    status: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    date: str = "received",
    kind: Many = None,
    overdue: bool = False,
    reply_delay: int = REPLY_DELAY_DAYS,
    as_of: str | None = None,
) -> Filters:
    return Filters(
        legislature=tuple(legislature or ()),
        session=tuple(session or ()),
        author=tuple(author or ()),
        addressee=tuple(addressee or ()),
        portfolio=tuple(portfolio or ()),
        language=tuple(language or ()),
        sector=tuple(sector or ()),
        sector_mentioned=tuple(sector_mentioned or ()),
        answer_type=tuple(answer_type or ()),
        status=status,
        date_from=date_from,
        date_to=date_to,
        date_field=date,
        kind=tuple(kind or ()),
        overdue=overdue,
        reply_delay_days=reply_delay,
        as_of=as_of,
    )
