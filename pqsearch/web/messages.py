"""The library's errors as a page says them: in the page's language, without the CLI commands
a browser user has no use for.

The library's messages are English and name CLI commands ("see pqsearch facets addressee");
the JSON API keeps them as they are. A page gives the errors its visitors meet from its own
links and forms in its own words, from the error's fields; any other keeps the library's
message (a damaged index, a full disk: the server's operator reads those, in the CLI's words).
"""

from __future__ import annotations

import errno
from collections.abc import Callable

from pqsearch import (
    InvalidChoiceError,
    NoIndexError,
    PqsearchError,
    QuerySyntaxError,
    UnknownValueError,
)
from pqsearch.web.i18n import Words
from pqsearch.web.params import BadNumberError
from pqsearch.web.security import FormTooLargeError
from pqsearch.web.service import SearchTimeoutError, ServerLimitError
from pqsearch.web.syntax_messages import syntax_message

# key -> (French, English)
_MESSAGES: dict[str, tuple[str, str]] = {
    "unknown_value": (
        "Aucun document n'a la valeur « {value} » pour le filtre {field}.",
        'No document has {field} "{value}".',
    ),
    "invalid_choice": (
        "Valeur inconnue pour {option} : « {value} ». Valeurs possibles : {choices}.",
        'Unknown {option} "{value}": use {choices}.',
    ),
    "or": (" ou ", " or "),
    "not_found": (
        "Aucun document n'a l'identifiant « {doc_id} ». Les identifiants sont ceux des liens "
        "d'une page de résultats.",
        'No document has the id "{doc_id}". Ids are those of the links of a results page.',
    ),
    "no_index": (
        "Aucun index dans {root}. Créez-le (pqsearch ingest DOSSIER --index {root}), puis "
        "rechargez cette page : le serveur n'a pas besoin d'être redémarré.",
        "No index in {root}. Build it (pqsearch ingest FOLDER --index {root}), then reload "
        "this page: the server needs no restart.",
    ),
    "timeout": (
        "La recherche a pris plus de {seconds:g} s et a été arrêtée. Précisez-la avec plus "
        "de mots ou de filtres.",
        "The search took longer than {seconds:g} s and was stopped. Narrow it with more words "
        "or filters.",
    ),
    "whole_number": (
        "Le paramètre {name} doit être un nombre entier entre {low} et {high}, pas « {raw} ».",
        'The parameter {name} must be a whole number from {low} to {high}, not "{raw}".',
    ),
    "form_too_large": (
        "Le formulaire dépasse {limit} octets. Collez un projet plus court.",
        "The form is larger than {limit} bytes. Paste a shorter draft.",
    ),
    # The server out of a resource (ServerLimitError): what a visitor can do, then its operator.
    "server_limit": (
        "Le serveur ne peut pas répondre pour l'instant : {why}. Rien n'est endommagé. "
        "Réessayez dans un instant ; si cela se répète, la personne qui fait tourner le serveur "
        "peut {fix}.",
        "The server cannot answer just now: {why}. Nothing is damaged. Try again in a moment; "
        "if it happens again, whoever runs the server can {fix}.",
    ),
    "emfile": (
        "il ne peut pas ouvrir plus de fichiers à la fois{limit}",
        "it may not open more files at once{limit}",
    ),
    "emfile_limit": (" (limite : {n})", " (limit: {n})"),
    "emfile_fix": (
        "relever la limite (ulimit -n 4096, puis pqsearch serve) ou limiter le nombre de "
        "recherches simultanées",
        "raise the limit (ulimit -n 4096, then pqsearch serve) or have fewer searches run at "
        "the same time",
    ),
    "enfile": (
        "le système n'a plus de descripteur de fichier libre",
        "the system has no file handle left",
    ),
    "enfile_fix": (
        "fermer des programmes ou relever la limite du système (fs.file-max)",
        "close some programs or raise the system's limit (fs.file-max)",
    ),
    "enomem": ("le serveur manque de mémoire", "the server has no memory left"),
    "enomem_fix": (
        "fermer des programmes ou donner plus de mémoire au serveur",
        "close some programs or give the server more memory",
    ),
    "page_not_found": (
        "Cette page n'existe pas. La recherche est à l'adresse /search.",
        "This page does not exist. The search is at /search.",
    ),
}
# The options of a closed set as a page's visitor knows them.
_OPTIONS: dict[str, tuple[str, str]] = {
    "sort": ("le tri", "sort"),
    "status": ("le statut", "status"),
    "format": ("le format", "format"),
    "date": ("la date", "date"),
}
_CHOICES: dict[str, tuple[str, str]] = {
    "relevance": ("relevance (pertinence)", "relevance"),
    "newest": ("newest (plus récentes)", "newest"),
    "oldest": ("oldest (plus anciennes)", "oldest"),
    "answered": ("answered (répondue)", "answered"),
    "unanswered": ("unanswered (sans réponse)", "unanswered"),
    "received": ("received (reçue)", "received"),
    "published": ("published (publiée)", "published"),
}


def page_message(error: PqsearchError, words: Words, *, doc_id: str | None = None) -> str:
    """What a page says of `error`, in its language; `doc_id`: the document the page asked
    for, said when it is not in the index."""
    from pqsearch.errors import NotFoundError

    column = 0 if words.language == "fr" else 1

    def say(key: str, **values: object) -> str:
        return _MESSAGES[key][column].format(**values)

    if isinstance(error, UnknownValueError):
        # The index's field "portfolios" is the page's filter "portfolio" (review W5).
        name = "portfolio" if error.field == "portfolios" else error.field
        field = words.field(name) if column == 0 else name
        return say("unknown_value", value=error.value, field=field)
    if isinstance(error, InvalidChoiceError):
        option = _OPTIONS.get(error.option, (error.option, error.option))[column]
        shown = [_CHOICES.get(str(v), (str(v), str(v)))[column] for v in error.valid]
        choices = say("or").join([", ".join(shown[:-1]), shown[-1]] if len(shown) > 1 else shown)
        return say("invalid_choice", option=option, value=error.value, choices=choices)
    if isinstance(error, NotFoundError) and doc_id is not None:
        return say("not_found", doc_id=doc_id)
    if isinstance(error, NoIndexError):
        if error.ingesting:
            return words("index_ingesting", root=error.index_dir)
        return say("no_index", root=error.index_dir)
    if isinstance(error, SearchTimeoutError):
        return say("timeout", seconds=error.seconds)
    if isinstance(error, BadNumberError):
        return say("whole_number", name=error.name, raw=error.raw, low=error.low, high=error.high)
    if isinstance(error, QuerySyntaxError):
        # Query syntax with its caret, dates, an unknown sector (s19).
        return syntax_message(error, words) or str(error)
    if isinstance(error, FormTooLargeError):
        return say("form_too_large", limit=words.number(error.limit))
    if isinstance(error, ServerLimitError) and error.code is not None:
        limit = None if error.limit is None else words.number(error.limit)
        return _server_limit(error.code, limit, say)
    return str(error)


def _server_limit(code: int, limit: str | None, say: Callable[..., str]) -> str:
    if code == errno.EMFILE:
        shown = say("emfile_limit", n=limit) if limit is not None else ""
        return say("server_limit", why=say("emfile", limit=shown), fix=say("emfile_fix"))
    if code == errno.ENFILE:
        return say("server_limit", why=say("enfile"), fix=say("enfile_fix"))
    return say("server_limit", why=say("enomem"), fix=say("enomem_fix"))


def not_found_message(words: Words) -> str:
    """The page for an address the server has no page at (a 404)."""
    return _MESSAGES["page_not_found"][0 if words.language == "fr" else 1]
