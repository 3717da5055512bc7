"""The field names of the query language, as data: canonical English names and their aliases.

A field is written `name:value` in a query (`auteur:debaets`, `recu:2021-03`). Every field has
one canonical English name, which is what the syntax tree carries, and French and English
aliases. Names are matched without regard to case, accents, or "-" versus "_": `Reçu:`,
`recu:` and `RECU:` are the same field.

Three kinds of field:

- text: `title`, `question`, `answer` restrict words, prefixes and phrases to one part;
- metadata: exact values resolved against the index (`session:20/21`, `ministre:smet`);
- date: `received`, `published`, `answered` take a date or a date range.

Aliases that could mean two things are left out on purpose: `reponse` is the answer *text*
(`reponse:mobilité`), so the date of the answer is `repondu:` or `date_reponse:`, never
`reponse:`. `date:` alone is the date received, the same default as `--from`/`--to`. `type:` is
the answer type (`type_reponse:`); the kind of question is `kind:` (`type_question:`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pqsearch.analyze.fold import fold
from pqsearch.errors import QuerySyntaxError
from pqsearch.index.schema import ANSWERED, UNANSWERED

FieldKind = Literal["text", "metadata", "date"]


@dataclass(frozen=True)
class FieldSpec:
    """One field of the query language: canonical name, kind, aliases, a sample use, and
    for a metadata field stored under another name, that index field."""

    name: str
    kind: FieldKind
    aliases: tuple[str, ...]
    example: str
    stored_as: str = ""

    @property
    def index_field(self) -> str:
        """The index field a metadata field's values are looked up in."""
        return self.stored_as or self.name


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "text", ("titre",), "titre:mobilité"),
    FieldSpec("question", "text", (), "question:logement"),
    FieldSpec("answer", "text", ("réponse",), 'réponse:"plan climat"'),
    FieldSpec("author", "metadata", ("auteur",), "auteur:debaets"),
    FieldSpec(
        "addressee",
        "metadata",
        ("ministre", "destinataire", "minister"),
        'ministre:"van den brandt"',
    ),
    FieldSpec("session", "metadata", (), "session:20/21"),
    FieldSpec("legislature", "metadata", ("législature",), "legislature:19/24"),
    FieldSpec("number", "metadata", ("numéro", "num", "n"), "numero:369"),
    FieldSpec("status", "metadata", ("statut",), "statut:repondu"),
    FieldSpec("language", "metadata", ("langue", "lang"), "langue:fr"),
    FieldSpec(
        "portfolio",
        "metadata",
        ("portefeuille", "compétence", "portfolios"),
        "portefeuille:urbanisme",
        "portfolios",
    ),
    FieldSpec("sector", "metadata", ("secteur", "sectors"), "secteur:construction", "sectors"),
    FieldSpec(
        "sector_mentioned",
        "metadata",
        ("secteur_mentionné", "mentioned"),
        "secteur_mentionne:transport",
        "sectors_mentioned",
    ),
    FieldSpec("answer_type", "metadata", ("type_réponse", "type"), "type:renvoi"),
    FieldSpec("kind", "metadata", ("type_question",), "kind:written"),
    FieldSpec("parliament", "metadata", ("parlement", "assemblée"), "parlement:PRB"),
    FieldSpec("id", "metadata", (), "id:170229"),
    FieldSpec(
        "received",
        "date",
        ("reçu", "réception", "dépôt", "date_réception", "received_on", "date"),
        "recu:2021-03",
    ),
    FieldSpec(
        "published",
        "date",
        ("publié", "publication", "date_publication", "published_on"),
        "publie:>=2021",
    ),
    FieldSpec(
        "answered",
        "date",
        ("répondu", "date_réponse", "answered_on"),
        "repondu:[2021-01 TO 2021-06]",
    ),
)

QUERY_TEXT_FIELDS = frozenset(spec.name for spec in FIELDS if spec.kind == "text")
QUERY_METADATA_FIELDS = frozenset(spec.name for spec in FIELDS if spec.kind == "metadata")
QUERY_DATE_FIELDS = frozenset(spec.name for spec in FIELDS if spec.kind == "date")

# Values of `status:` as users type them, folded like field names; the index stores only the
# two canonical values.
STATUS_VALUES: dict[str, tuple[str, ...]] = {
    ANSWERED: (
        "answered",
        "answer",
        "répondu",
        "répondue",
        "réponse",
        "avec-réponse",
        "yes",
        "oui",
    ),
    UNANSWERED: (
        "unanswered",
        "sans-réponse",
        "non-répondu",
        "non-répondue",
        "pas-de-réponse",
        "en-attente",
        "attente",
        "pending",
        "no",
        "non",
    ),
}


def fold_name(name: str) -> str:
    """A name as it is compared: folded (`fold`), with "-" and " " read as "_" (a field name
    is one word: `date-reponse`, `date reponse` and `date_reponse` are the same)."""
    return "_".join(fold(name).replace("-", " ").replace("_", " ").split())


def _index_aliases() -> dict[str, FieldSpec]:
    by_alias: dict[str, FieldSpec] = {}
    for spec in FIELDS:
        for alias in (spec.name, *spec.aliases):
            key = fold_name(alias)
            if by_alias.setdefault(key, spec) is not spec:
                raise ValueError(f"field alias {alias!r} names two fields")
    return by_alias


_BY_ALIAS = _index_aliases()
_STATUS_BY_ALIAS = {
    fold_name(alias): status for status, aliases in STATUS_VALUES.items() for alias in aliases
}


def field_spec(name: str) -> FieldSpec | None:
    """The field a name or alias stands for (`"Reçu"` -> received), or None if unknown."""
    return _BY_ALIAS.get(fold_name(name))


def canonical_field(name: str) -> str | None:
    """The canonical name of a field name or alias (`"auteur"` -> `"author"`), or None."""
    spec = field_spec(name)
    return spec.name if spec else None


def canonical_status(value: str) -> str | None:
    """`"answered"` or `"unanswered"` for a status as typed (`"répondu"`, `"sans-reponse"`)."""
    return _STATUS_BY_ALIAS.get(fold_name(value))


def describe_fields() -> str:
    """The known fields with their aliases, one kind per line, for error messages and help."""
    lines = []
    for kind, label in (("text", "text"), ("metadata", "metadata"), ("date", "dates")):
        names = [
            spec.name + (f" ({', '.join(spec.aliases)})" if spec.aliases else "")
            for spec in FIELDS
            if spec.kind == kind
        ]
        lines.append(f"  {label}: {', '.join(names)}")
    return "\n".join(lines)


def check_status(typed: str, *, where: str = "") -> str:
    """The indexed status for a status as typed (`"répondu"` -> `"answered"`); for anything
    else a QuerySyntaxError listing the accepted values (`where` says where it was typed)."""
    status = canonical_status(typed)
    if status is None:
        raise QuerySyntaxError(
            f"Unknown status {typed!r}{where}. Accepted: {describe_statuses()}.",
            kind="unknown_status",
            value=typed,
            field="status",
        )
    return status


def describe_statuses() -> str:
    """The accepted values of `status:`, for error messages."""
    return "; ".join(f"{status}: {', '.join(aliases)}" for status, aliases in STATUS_VALUES.items())
