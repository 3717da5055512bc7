"""JSON Lines records -> `Question`, one record per line.

Two spellings of a record are read. pqsearch's own is `Question.to_dict()` (what
`pqsearch parse` prints, and what each line of `pqsearch export -f jsonl` holds under
"question"): such a line parses back to an equal `Question`. The third-party
collector's (`../shared/corpus/brussels/records.jsonl`) uses French names (`titre`, `auteur`,
`destinataire`, `date_reception`, `reponse`, `moncode`, `empreinte_contenu`, ...); its values
go through the same normalisation as a page's, so a record and the page it came from give the
same metadata.

JSON may escape half of a UTF-16 pair alone (`"\\ud83d"`: a collector that cut a string at N
UTF-16 units split an emoji); such a lone half is no character and no text can be written
with it, so it is read as U+FFFD, the replacement character, as a byte that is not text in a
page is (audit of session 14, D7: one such line aborted the whole ingest).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from pqsearch.errors import InvalidFieldError, MissingFieldError, ParseError, UnknownFormatError
from pqsearch.models import (
    EXPLANATIONS_TURNED_WRITTEN,
    INTERPELLATION_TURNED_WRITTEN,
    KIND_LABELS,
    ORAL_TURNED_WRITTEN,
    WRITTEN,
    FileFailure,
    Link,
    ProcedureStep,
    Question,
)
from pqsearch.parse import fields
from pqsearch.parse.labels import FRENCH, TITLE_NL_PREFIXES
from pqsearch.parse.normalize import clean_inline, clean_text, decode

# The collector's field names and the `Question` field each one means.
FIELD_ALIASES: dict[str, str] = {
    "assemblee": "parliament",
    "type": "kind",
    "numero": "number",
    "langue": "language",
    "titre": "title",
    "titre_nl": "title_nl",
    "auteur": "author",
    "destinataire": "addressee",
    "date_reception": "received_on",
    "date_publication": "published_on",
    "date_reponse": "answered_on",
    "reponse": "answer",
    "url_source": "url",
    "empreinte_contenu": "content_hash",
}
KIND_ALIASES: dict[str, str] = {
    **{kind: kind for kind in KIND_LABELS},
    "question_ecrite": WRITTEN,
    "question_orale_transformee": ORAL_TURNED_WRITTEN,
    "demande_explications_transformee": EXPLANATIONS_TURNED_WRITTEN,
    "interpellation_transformee": INTERPELLATION_TURNED_WRITTEN,
}
# "index": a record made from an entry of the site's index alone, without the page's text.
SOURCE_FORMATS = ("html", "text", "jsonl", "index")

# Pieces of markup the collector left in its texts (170153's answer ends with "</SPAN"); the
# tag names are listed so that "<8" or "< 10 %" in a text stays.
_MARKUP_DEBRIS = re.compile(
    r"</?(?:span|p|br|b|i|u|strong|em|div|font|sup|sub|a|li|ul|ol|table|tbody|tr|td)\b[^<>\n]*>?",
    re.IGNORECASE,
)


def parse_jsonl_lines(lines: Iterable[bytes], *, source: str) -> Iterator[Question | FileFailure]:
    """Each line's record, or a `FileFailure` with `source` "path:LINE" for a bad line.

    Blank lines are skipped; a bad line does not stop the lines after it.
    """
    for item in iter_records(lines, source=source):
        yield FileFailure(item.source, item.reason) if isinstance(item, ParseError) else item


def iter_records(lines: Iterable[bytes], *, source: str) -> Iterator[Question | ParseError]:
    """Like `parse_jsonl_lines`, with the `ParseError` of each bad line (for callers that raise)."""
    empty = True
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip(b"\r\n")
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        empty = False
        try:
            yield parse_record_line(line, source=source, line_number=number)
        except ParseError as error:
            yield error
    if empty:
        yield UnknownFormatError(source, "the file is empty: expected one JSON record per line")


def parse_record_line(line: bytes, *, source: str, line_number: int) -> Question:
    """One JSON Lines record; errors are reported against "source:LINE"."""
    where = f"{source}:{line_number}"
    try:
        record = json.loads(decode(line, source=where))
    except ValueError as error:
        raise InvalidFieldError(where, f"not a JSON record: {error}") from None
    except RecursionError:
        # Thousands of nested brackets: no record is shaped so, and the rest of the file
        # still counts (issue 12: one such line aborted the whole run).
        raise InvalidFieldError(where, "not a JSON record: nested too deeply") from None
    if not isinstance(record, dict):
        raise InvalidFieldError(where, f"a JSON {type(record).__name__}, not an object")
    try:
        record = _whole_characters(record)
        return parse_record(record, source=source, where=where, line_hash=fields.content_hash(line))
    except RecursionError:
        raise InvalidFieldError(where, "a field's value is nested too deeply") from None


# Half of a UTF-16 surrogate pair, which JSON may escape alone and no text can hold.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _whole_characters(value: Any) -> Any:
    """`value` (a parsed JSON value) with every lone surrogate in its strings made U+FFFD."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_whole_characters(item) for item in value]
    if isinstance(value, dict):
        return {_whole_characters(key): _whole_characters(item) for key, item in value.items()}
    return value


def parse_record(record: dict[str, Any], *, source: str, where: str, line_hash: str) -> Question:
    """A record (either spelling) as a `Question`; `where` names it in errors.

    A line of `pqsearch export -f jsonl` (rank, score, answer type, sectors, and the record
    itself under "question") is read as the record it holds: an export goes back in whole.
    """
    exported = record.get("question")
    if isinstance(exported, dict) and not {"title", "titre"} & record.keys():
        record = exported
    foreign = any(alias in record for alias in FIELD_ALIASES) or "moncode" in record
    reader = _Reader(record, where, debris=foreign)
    title = reader.text("title")
    if not title:
        raise MissingFieldError(where, 'no title: the record has no "title" (or "titre")')
    if "addressee_role" in record:
        addressee, role = reader.text("addressee"), reader.text("addressee_role")
        number = reader.number("number")
    else:
        rest, number_in_text = fields.split_number(reader.text("addressee") or "")
        addressee, role = fields.split_addressee(rest)
        number = reader.number("number")
        number = number_in_text if number is None else number
    legislature = fields.period(reader.text("legislature"))
    session = fields.period(reader.text("session"))
    parliament = reader.text("parliament") or fields.PARLIAMENT
    moncode = reader.text("moncode") or fields.moncode_from_url(reader.text("url") or "")
    if foreign or not reader.text("id"):
        question_id = moncode or fields.derived_id(
            parliament=parliament,
            legislature=legislature,
            session=session,
            addressee=addressee,
            number=number,
            fallback=line_hash,
        )
    else:
        question_id = reader.text("id") or ""
    source_format = reader.text("source_format") or "jsonl"
    if source_format not in SOURCE_FORMATS:
        raise InvalidFieldError(
            where, f"source_format {source_format!r} is not one of {', '.join(SOURCE_FORMATS)}"
        )
    portfolios = (
        tuple(reader.strings("portfolios"))
        if "portfolios" in record
        else fields.portfolios(role, FRENCH)
    )
    return Question(
        id=question_id,
        parliament=parliament,
        kind=reader.kind(),
        legislature=legislature,
        session=session,
        number=number,
        language=reader.text("language") or FRENCH.language,
        title=fields.strip_title_prefix(title, FRENCH.title_prefixes),
        title_nl=_title_nl(reader.text("title_nl")),
        author=reader.text("author") or None,
        addressee=addressee or None,
        addressee_role=role or None,
        portfolios=portfolios,
        received_on=reader.date("received_on"),
        published_on=reader.date("published_on"),
        answered_on=reader.date("answered_on"),
        procedure=reader.procedure(),
        question=reader.body("question") or "",
        answer=reader.body("answer") or None,
        annexes=reader.annexes(),
        source=reader.text("source") or source,
        source_format=source_format,
        content_hash=reader.text("content_hash") or line_hash,
        url=reader.text("url") or (fields.page_url(moncode) if moncode else None),
    )


def _title_nl(title: str | None) -> str | None:
    if not title:
        return None
    return fields.strip_title_prefix(title, TITLE_NL_PREFIXES) or None


def _date(value: Any, label: str, where: str) -> dt.date | None:
    """An ISO (or "dd/mm/yyyy") date; blank or "//" is no date, anything else an error."""
    if value is None:
        return None
    date = fields.parse_date(value) if isinstance(value, str) else None
    if date is None and not (isinstance(value, str) and fields.is_blank_date(value)):
        raise InvalidFieldError(where, f"{label} {value!r} is not a date (YYYY-MM-DD)")
    return date


class _Reader:
    """Typed access to a record's fields under either spelling, with errors naming the field."""

    def __init__(self, record: dict[str, Any], where: str, *, debris: bool = False) -> None:
        self.where = where
        self.debris = debris
        self.record = dict(record)
        for alias, name in FIELD_ALIASES.items():
            if alias in record and name not in record:
                self.record[name] = record[alias]

    def raw(self, name: str) -> Any:
        return self.record.get(name)

    def text(self, name: str) -> str | None:
        """A one-line text field, cleaned; None when absent or empty."""
        value = self.raw(name)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise InvalidFieldError(self.where, f"{name} is a {type(value).__name__}, not text")
        return clean_inline(value) or None

    def body(self, name: str) -> str | None:
        """A text that keeps its paragraphs (the question, the answer)."""
        value = self.raw(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise InvalidFieldError(self.where, f"{name} is a {type(value).__name__}, not text")
        return clean_text(_MARKUP_DEBRIS.sub("", value) if self.debris else value)

    def number(self, name: str) -> int | None:
        value = self.raw(name)
        if value is None or value == "":
            return None
        number: int | None = None
        if isinstance(value, str) and value.strip().isdigit():
            number = int(value)
        elif isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            number = value
        if number is None:
            raise InvalidFieldError(self.where, f"{name} {value!r} is not a question number")
        if number > fields.MAX_NUMBER:
            raise InvalidFieldError(
                self.where,
                f"{name} {value!r} is beyond {fields.MAX_NUMBER:,}, the largest "
                "question number the index holds",
            )
        return number

    def date(self, name: str) -> dt.date | None:
        return _date(self.raw(name), name, self.where)

    def kind(self) -> str:
        value = self.text("kind")
        if value is None:
            return WRITTEN
        if value not in KIND_ALIASES:
            known = ", ".join(sorted(KIND_ALIASES))
            raise InvalidFieldError(self.where, f"kind {value!r} is not one of {known}")
        return KIND_ALIASES[value]

    def strings(self, name: str) -> list[str]:
        values = self.raw(name) or []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise InvalidFieldError(self.where, f"{name} is not a list of texts")
        return [clean_inline(value) for value in values if clean_inline(value)]

    def objects(self, name: str) -> list[dict[str, Any]]:
        values = self.raw(name) or []
        if not isinstance(values, list) or not all(isinstance(v, dict) for v in values):
            raise InvalidFieldError(self.where, f"{name} is not a list of objects")
        return values

    def procedure(self) -> tuple[ProcedureStep, ...]:
        steps = []
        for step in self.objects("procedure"):
            item = _Reader(step, self.where)
            steps.append(
                ProcedureStep(
                    date=_date(step.get("date"), "procedure date", self.where),
                    act=item.text("act") or "",
                    body=item.text("body"),
                    reference=item.text("reference"),
                    link=item.text("link"),
                    page=item.text("page"),
                )
            )
        return tuple(steps)

    def annexes(self) -> tuple[Link, ...]:
        links = []
        for link in self.objects("annexes"):
            item = _Reader(link, self.where)
            url = item.text("url")
            if not url:
                raise InvalidFieldError(self.where, "an annex has no url")
            links.append(Link(label=item.text("label") or url, url=url))
        return tuple(links)
