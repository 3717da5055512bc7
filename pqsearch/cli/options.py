"""The filter options, declared once: `@with_filters` gives them to a command.

search, similar, export and watch add say they take the filters of search; declaring the
options in one place makes it true (each command used to list its own subset). A command
decorated with `with_filters` declares one parameter `filters: Filters`; typer sees every
filter option in its place, and the command receives the `Filters` they build.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any

import typer

from pqsearch import DATE_FIELD_CHOICES, SORTS, Filters, Sort, choose, parse_status
from pqsearch.cli.common import user_errors

Many = list[str] | None
DEFAULT_FILTERS = Filters()

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
SortOption = Annotated[str, typer.Option(help="relevance, newest or oldest.")]
WordsArgument = Annotated[list[str] | None, typer.Argument(help="Query words and syntax.")]

# Every filter option, in the order the help lists them: (parameter, annotation, default).
FILTER_OPTIONS: tuple[tuple[str, object, object], ...] = (
    ("legislature", LegislatureOption, None),
    ("session", SessionOption, None),
    ("author", AuthorOption, None),
    ("addressee", AddresseeOption, None),
    ("portfolio", PortfolioOption, None),
    ("language", LanguageOption, None),
    ("sector", SectorOption, None),
    ("sector_mentioned", SectorMentionedOption, None),
    ("answer_type", AnswerTypeOption, None),
    ("status", StatusOption, None),
    ("date_from", FromOption, None),
    ("date_to", ToOption, None),
    ("date", DateOption, DEFAULT_FILTERS.date_field),
    ("kind", KindOption, None),
    ("overdue", OverdueOption, False),
    ("reply_delay", ReplyDelayOption, DEFAULT_FILTERS.reply_delay_days),
    ("as_of", AsOfOption, None),
)


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
    date: str = DEFAULT_FILTERS.date_field,
    kind: Many = None,
    overdue: bool = False,
    reply_delay: int = DEFAULT_FILTERS.reply_delay_days,
    as_of: str | None = None,
) -> Filters:
    """The `Filters` of the options as typer gives them (None for an option not given)."""
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
        status=parse_status(status) if status else None,
        date_from=date_from,
        date_to=date_to,
        date_field=choose("date", date, DATE_FIELD_CHOICES),
        kind=tuple(kind or ()),
        overdue=overdue,
        reply_delay_days=reply_delay,
        as_of=as_of,
    )


def sort_of(sort: str) -> Sort:
    """--sort's value, checked (an `InvalidChoiceError` lists the valid ones)."""
    return choose("sort", sort, SORTS)


def with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """The command with its `filters` parameter replaced by every filter option.

    A wrong --status or --date is printed like any other user error (`make_filters`).
    """
    signature = inspect.signature(command, eval_str=True)
    filter_parameters = [
        inspect.Parameter(
            name, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=annotation, default=default
        )
        for name, annotation, default in FILTER_OPTIONS
    ]
    parameters: list[inspect.Parameter] = []
    for parameter in signature.parameters.values():
        parameters += filter_parameters if parameter.name == "filters" else [parameter]

    @functools.wraps(command)
    def wrapper(**options: Any) -> None:
        given = {name: options.pop(name) for name, _, _ in FILTER_OPTIONS}
        with user_errors():
            filters = make_filters(**given)
        command(filters=filters, **options)

    # typer reads the options from the signature and the annotations.
    wrapper.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in parameters}
    return wrapper
