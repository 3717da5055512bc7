"""The plain-text rendering of a question page -> `Question`.

What a browser's "save as text" gives (the seed is one): a "Question écrite concernant ..."
title line, "de" and the author, "à" and the addressee with "(question n°369)", lines of
"Label: value" pairs (dates, legislature, session), the acts table one row per line, then
"Question" and "Réponse" each followed by non-breaking spaces and the text.
"""

from __future__ import annotations

import re

from pqsearch.errors import MissingFieldError
from pqsearch.models import ProcedureStep, Question
from pqsearch.parse import fields
from pqsearch.parse.labels import Labels
from pqsearch.parse.normalize import clean_inline, clean_text

_LEADING_DATE = re.compile(r"^\s*(\d{1,2}/\d{1,2}/\d{4}|/\s*/)\s+(.*)$")


def parse_text(text: str, labels: Labels, *, source: str, content_hash: str) -> Question:
    """The question in a page's text rendering; `MissingFieldError` names what is missing."""
    lines = re.sub(r"\r\n?", "\n", text).split("\n")
    title_at = _title_line(lines, labels, source)
    author_at = _next_equal(lines, title_at + 1, labels.author)
    addressee_at = _next_equal(lines, author_at + 1, labels.addressee) if author_at >= 0 else -1
    if author_at < 0 or addressee_at < 0:
        raise MissingFieldError(
            source, f'no author and addressee: no "{labels.author}" and "{labels.addressee}" lines'
        )
    title = " ".join(lines[title_at:author_at])
    author = clean_inline(" ".join(lines[author_at + 1 : addressee_at]))
    header_end = _header_end(lines, addressee_at + 1, labels)
    addressee_text = " ".join(_paragraph(lines, addressee_at + 1))
    rest, number = fields.split_number(addressee_text, labels)
    addressee, addressee_role = fields.split_addressee(rest)
    values = _labelled_values(" ".join(lines[addressee_at + 1 : header_end]), labels)
    for label in (labels.legislature, labels.session):
        if label not in values:
            raise MissingFieldError(source, f'no "{label}:" line')
    question_at = _label_line(lines, header_end, labels.question)
    if question_at < 0:
        raise MissingFieldError(source, f'no "{labels.question}" line: the question is missing')
    answer_at = _label_line(lines, question_at + 1, labels.answer)
    question_end = answer_at if answer_at >= 0 else len(lines)
    procedure = _procedure(lines[header_end:question_at], labels)

    answer = _section_text(lines, answer_at, len(lines), labels.answer) if answer_at >= 0 else ""
    return fields.page_question(
        labels=labels,
        values=values,
        title=title,
        author=author,
        addressee=addressee,
        addressee_role=addressee_role,
        number=number,
        procedure=procedure,
        question=_section_text(lines, question_at, question_end, labels.question),
        answer=answer,
        annexes=(),
        source=source,
        source_format="text",
        content_hash=content_hash,
    )


def looks_like_text_page(text: str, labels: Labels) -> bool:
    """True when `text` has a question title line and a "Législature:" label."""
    return _find_title(text.split("\n"), labels) >= 0 and f"{labels.legislature}:" in text


def _title_line(lines: list[str], labels: Labels, source: str) -> int:
    found = _find_title(lines, labels)
    if found < 0:
        prefix = labels.title_prefixes[0]
        raise MissingFieldError(source, f'no title: no line starting "{prefix}"')
    return found


def _find_title(lines: list[str], labels: Labels) -> int:
    prefixes = tuple(prefix.casefold() for prefix in labels.title_prefixes)
    for number, line in enumerate(lines):
        if clean_inline(line).casefold().startswith(prefixes):
            return number
    return -1


def _next_equal(lines: list[str], start: int, label: str) -> int:
    """The first line from `start` that is exactly `label` (spaces aside), or -1."""
    for number in range(start, len(lines)):
        if clean_inline(lines[number]) == label:
            return number
    return -1


def _paragraph(lines: list[str], start: int) -> list[str]:
    """The lines from `start` up to the first empty one."""
    block = []
    for line in lines[start:]:
        if not clean_inline(line):
            break
        block.append(line)
    return block


def _header_end(lines: list[str], start: int, labels: Labels) -> int:
    """The line after the last "Label: value" line (the dates, legislature and session)."""
    end = start
    for number in range(start, len(lines)):
        line = clean_inline(lines[number])
        if any(line.startswith(f"{label}:") for label in _value_labels(labels)):
            end = number + 1
        elif _label_line(lines[number : number + 1], 0, labels.question) == 0:
            break
    return end


def _value_labels(labels: Labels) -> tuple[str, ...]:
    return (labels.received, labels.published, labels.answered, labels.legislature, labels.session)


def _labelled_values(text: str, labels: Labels) -> dict[str, str]:
    """Each label's value in "Date de réception: 23/02/2021 Date de publication: //"."""
    names = "|".join(re.escape(label) for label in _value_labels(labels))
    parts = re.split(rf"({names})\s*:", clean_inline(text))
    values: dict[str, str] = {}
    for label, value in zip(parts[1::2], parts[2::2], strict=True):
        values.setdefault(label, value.strip())
    return values


def _label_line(lines: list[str], start: int, label: str) -> int:
    """The line from `start` that opens with `label` alone or followed by spaces, or -1.

    The rendering writes the label, then non-breaking spaces, then the text ("Question   Le
    lundi ..."); a line merely starting with the word is not the label, so the non-breaking
    space is preferred and a plain space is a fallback.
    """
    plain = -1
    for number in range(start, len(lines)):
        line = lines[number].lstrip(" \t")
        if not line.startswith(label):
            continue
        after = line[len(label) :]
        if not after.strip(" \t\u00a0") or after.lstrip(" \t").startswith("\u00a0"):
            return number
        if plain < 0 and after[:1] in (" ", "\t") and not after.lstrip()[:1].islower():
            plain = number
    return plain


def _section_text(lines: list[str], start: int, end: int, label: str) -> str:
    first = lines[start].lstrip(" \t")[len(label) :]
    return clean_text("\n".join([first, *lines[start + 1 : end]]))


def _procedure(lines: list[str], labels: Labels) -> tuple[ProcedureStep, ...]:
    steps = []
    for line in lines:
        match = _LEADING_DATE.match(clean_inline(line))
        if match is None:
            continue
        act, body, reference = _split_act(match.group(2), labels)
        steps.append(
            ProcedureStep(
                date=fields.parse_date(match.group(1)), act=act, body=body, reference=reference
            )
        )
    return tuple(steps)


def _split_act(text: str, labels: Labels) -> tuple[str, str | None, str | None]:
    """Act, body and reference of an acts row, whose columns are only spaces apart.

    "Recevable p.m." -> ("Recevable", "p.m.", None).
    """
    act = next((act for act in labels.acts if text.startswith(act)), None)
    if act is None:
        body = next((body for body in labels.bodies if f" {body}" in text), None)
        if body is None:
            return text, None, None
        act, _, rest = text.partition(f" {body}")
        return act.strip(), body, rest.strip() or None
    rest = text[len(act) :].strip()
    body = next((body for body in labels.bodies if rest.startswith(body)), None)
    if body is None:
        return act, rest or None, None
    return act, body, rest[len(body) :].strip() or None
