"""The library's errors as a page says them: in the page's language, without the CLI commands
a browser user has no use for.

The library's messages are English and name CLI commands ("see pqsearch facets addressee");
the JSON API keeps them as they are. A page gives the errors its visitors meet from its own
links and forms in its own words, from the error's fields; any other keeps the library's
message (a damaged index, a full disk: the server's operator reads those, in the CLI's words).
"""

from __future__ import annotations

from pqsearch import InvalidChoiceError, NoIndexError, PqsearchError, UnknownValueError
from pqsearch.web.i18n import Words
from pqsearch.web.params import BadNumberError
from pqsearch.web.service import SearchTimeoutError

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
        field = words.facet(name).lower() if column == 0 else name
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
    return str(error)


def not_found_message(words: Words) -> str:
    """The page for an address the server has no page at (a 404)."""
    return _MESSAGES["page_not_found"][0 if words.language == "fr" else 1]
