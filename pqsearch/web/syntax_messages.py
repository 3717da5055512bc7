"""Query-syntax and date errors as a page says them, in its language, from the error's fields
(`QuerySyntaxError.kind`, `value`, `field`, `valid`, `position`); the query with its caret
follows, as the library's message ends with it.

The JSON API and the CLI keep the library's English message. A kind this table lacks is said
in the library's words (None here), so a new error is never lost, only untranslated.
"""

from __future__ import annotations

from pqsearch import QuerySyntaxError
from pqsearch.errors import UnknownSectorError
from pqsearch.query.dates import ACCEPTED_DATES, ACCEPTED_RANGES
from pqsearch.query.fields import field_spec
from pqsearch.web.i18n import Words

# kind -> (French, English). Fields: {value} what was typed, {column} the caret's column
# (from 1), {field} the field as the page names it, {example} the field's example, and the
# lists {accepted} (dates), {ranges} and {valid}.
_SYNTAX: dict[str, tuple[str, str]] = {
    "unopened_guillemet": (
        "Le guillemet fermant » de la colonne {column} n'a pas de guillemet ouvrant «.",
        "The closing quote » at column {column} has no opening «.",
    ),
    "too_many_terms": (
        "La requête compte plus de {value} termes (mots, mots d'expressions, valeurs de champs), "
        "la limite. Raccourcissez-la.",
        "The query has more than {value} terms (words, phrase words, field values), the limit. "
        "Shorten it.",
    ),
    "unclosed_quote": (
        "Guillemet non fermé : le {value} de la colonne {column} n'est jamais fermé. Fermez "
        "l'expression, ou retirez le guillemet pour chercher les mots séparément.",
        "Unbalanced quote: the {value} at column {column} is never closed. Close the phrase, or "
        "remove the quote to search the words separately.",
    ),
    "field_without_value": (
        "Le champ {value}: de la colonne {column} n'a pas de valeur. Écrivez-la juste après les "
        "deux-points, sans espace : {example}",
        "The field {value}: at column {column} has no value. Write it right after the colon, "
        "without a space: {example}",
    ),
    "unknown_field": (
        "Champ inconnu « {value} » à la colonne {column}. Les champs, avec un exemple : "
        "{valid}. Pour chercher un mot qui contient deux-points, mettez-le entre guillemets : "
        '"a:b".',
        'Unknown field "{value}" at column {column}. The fields, with an example: {valid}. To '
        'search a word containing a colon, put it in quotes: "a:b".',
    ),
    "minus_after_field": (
        "Un « - » après {value}: à la colonne {column} : pour exclure une valeur, mettez le "
        "signe moins avant le champ, comme dans -{example}",
        'A "-" after {value}: at column {column}: to exclude a value, put the minus before the '
        "field, as in -{example}",
    ),
    "unclosed_bracket": (
        "Le {value} de la colonne {column} n'est jamais fermé : une période s'écrit "
        "recu:[2021-01 TO 2021-06].",
        "The {value} at column {column} is never closed: a date range reads "
        "recu:[2021-01 TO 2021-06].",
    ),
    "unopened_parenthesis": (
        "La parenthèse fermante de la colonne {column} n'a pas de parenthèse ouvrante. "
        "Retirez-la, ou ajoutez la ( manquante.",
        "The closing parenthesis at column {column} has no opening one. Remove it, or add the "
        "missing (.",
    ),
    "no_term_after": (
        "{value} à la colonne {column} doit être suivi d'un terme. Exemple : logement AND "
        "énergie, logement -loyer.",
        "{value} at column {column} needs a term after it. Example: logement AND énergie, "
        "logement -loyer.",
    ),
    "no_term_before": (
        "{value} à la colonne {column} doit suivre un terme. Exemple : logement AND énergie, "
        "logement OR habitat.",
        "{value} at column {column} needs a term before it. Example: logement AND énergie, "
        "logement OR habitat.",
    ),
    "too_deep": (
        "Trop de parenthèses imbriquées à la colonne {column} (plus de {value}). Simplifiez la "
        "requête.",
        "Too deeply nested at column {column} (more than {value} parentheses). Simplify the query.",
    ),
    "unclosed_parenthesis": (
        "Parenthèse non fermée : la ( de la colonne {column} n'est jamais fermée. Ajoutez la ) "
        "manquante, ou retirez la (.",
        "Unbalanced parenthesis: the ( at column {column} is never closed. Add the missing ), "
        "or remove the (.",
    ),
    "empty_parentheses": (
        "Parenthèses vides à la colonne {column} : mettez-y des mots ou retirez-les.",
        "Empty parentheses at column {column}: put words inside or remove them.",
    ),
    "date_group": (
        "Un champ de date prend une date ou une période, pas un groupe (colonne {column}) : "
        "répétez le champ, comme dans recu:2021 OR recu:2023.",
        "A date field takes one date or range, not a group (column {column}): repeat the "
        "field, as in recu:2021 OR recu:2023.",
    ),
    "wildcard_on_value": (
        "Le * s'applique aux mots et aux champs de texte, pas au filtre {field} (colonne "
        "{column}) : donnez la valeur ; une valeur qui ne trouve rien reçoit des suggestions.",
        "Wildcards work on words and text fields, not on {field} (column {column}): give the "
        "value; a value that matches nothing gets suggestions.",
    ),
    "lone_star": (
        "Un * seul (colonne {column}) trouverait tous les documents. Pour les parcourir sans "
        "chercher de mots, laissez la recherche vide et choisissez des filtres.",
        "A lone * at column {column} would match every document. To list documents without "
        "searching words, leave the query empty and use filters.",
    ),
    "star_inside": (
        "Le * se met seulement à la fin d'un mot, comme dans technolog* (colonne {column} : "
        "« {value} »).",
        'A * goes only at the end of a word, as in technolog* (column {column}: "{value}").',
    ),
    "prefix_too_short": (
        "Le préfixe « {value} » de la colonne {column} est trop court : il trouverait trop de "
        "mots. Donnez au moins 2 lettres avant le *.",
        'The prefix "{value}" at column {column} is too short: it would match too many words. '
        "Give at least 2 letters before the *.",
    ),
    "prefix_too_common": (
        "« {value} » trouve plus de {example} mots différents : tapez plus de lettres avant le *.",
        '"{value}" matches more than {example} different words: type more letters before the *.',
    ),
    "empty_phrase": (
        "Expression vide à la colonne {column} : mettez des mots entre les guillemets, comme "
        'dans "diplomates technologiques".',
        "Empty phrase at column {column}: put words between the quotes, as in "
        '"diplomates technologiques".',
    ),
    "star_in_phrase": (
        "Un * entre guillemets (colonne {column}) : une expression trouve des mots entiers. "
        "Retirez les guillemets pour chercher un préfixe, comme dans technolog*.",
        "A * inside quotes (column {column}): a phrase matches whole words. Remove the quotes "
        "to search a prefix, as in technolog*.",
    ),
    "range_not_date": (
        "Les périodes entre crochets ne valent que pour les dates (reçue, publiée, répondue), "
        "pas pour le filtre {field} (colonne {column}).",
        "Ranges in brackets work on dates only (received, published, answered), not on "
        "{field} (column {column}).",
    ),
    "unknown_status": (
        "Statut inconnu : « {value} ». Statuts : repondu (répondue) ou sans-reponse (sans "
        "réponse).",
        'Unknown status "{value}". Statuses: answered or unanswered.',
    ),
    "bad_number": (
        "Un numéro de question s'écrit en chiffres, comme dans numero:369 (« {value} », "
        "colonne {column}).",
        'A question number is digits, as in numero:369 ("{value}" at column {column}).',
    ),
    "number_too_long": (
        "Un numéro de question est un nombre entier d'au plus {example} chiffres, comme dans "
        "numero:369, pas « {value} ».",
        "A question number is a whole number of at most {example} digits, as in numero:369, "
        'not "{value}".',
    ),
    "empty_exact_value": (
        "Une valeur vide pour le filtre {field} (« {value} ») ne trouve rien : donnez le nom "
        "entier après le =, comme dans {example}, ou retirez le filtre.",
        'An empty value for {field} ("{value}") matches nothing: give the whole name after '
        "the =, as in {example}, or remove the filter.",
    ),
    "common_words_only": (
        "Rien à chercher dans « {value} » : la recherche ne contient que des mots courants (le, "
        "la, de…) ou des signes, qu'une recherche laisse de côté. Ajoutez un mot qui dit ce que "
        "vous cherchez, mettez un mot courant entre guillemets pour le chercher tel quel "
        "({example}), ou laissez la recherche vide et choisissez des filtres.",
        'Nothing to search for in "{value}": it holds only common words (le, la, de…) or '
        "signs, which a search leaves out. Add a word that says what you look for, put a "
        "common word in quotes to search it as written ({example}), or leave the query empty "
        "and choose filters.",
    ),
    "query_too_long": (
        "La recherche dépasse {value} caractères, la limite. Raccourcissez-la, ou utilisez les "
        "filtres pour les métadonnées.",
        "The query is longer than {value} characters, the limit. Shorten it, or use filters "
        "for metadata.",
    ),
    "unknown_sector": (
        "Secteur inconnu : « {value} ».{close} Donnez l'identifiant ou le nom d'un secteur : "
        "{valid}.",
        'Unknown sector "{value}".{close} Give a sector\'s id or name: {valid}.',
    ),
    # Dates: the `from` / `to` fields and the date fields of the query.
    "date_empty": ("Date vide. {accepted}", "Empty date. {accepted}"),
    "date_not_a_date": (
        "« {value} » n'est pas une date. {accepted}",
        '"{value}" is not a date. {accepted}',
    ),
    "date_no_year": (
        "La date « {value} » n'a pas d'année : écrivez-la avec une année, comme dans "
        "« mars 2021 ». {accepted}",
        'The date "{value}" has no year: write it with one, as in "March 2021". {accepted}',
    ),
    "date_spaced": (
        "Une date qui contient des espaces se met entre guillemets : écrivez {example}.",
        "A date with spaces goes in quotes: write {example}.",
    ),
    "range_unbracketed": (
        "Une période se met entre crochets : écrivez {example}.",
        "A range goes in square brackets: write {example}.",
    ),
    "range_group_after_to": (
        "Après TO vient un groupe, pas la fin de la période. Une période se met entre crochets "
        "avec sa fin, comme {example} pour tout depuis « {value} ».",
        "TO is followed by a group, not the range's end. A range goes in square brackets with "
        'its end, as in {example} for everything from "{value}" on.',
    ),
    "field_equals_quoted": (
        "« {value} » (colonne {column}) n'est pas un filtre : un champ est suivi de deux-points, "
        "pas d'un =. Écrivez {example}.",
        '"{value}" at column {column} is not a filter: a field takes a colon, not "=". Write '
        "{example}.",
    ),
    "field_equals": (
        "« {value} » (colonne {column}) n'est pas un filtre : un champ est suivi de deux-points, "
        "pas d'un =. Écrivez {example}, ou mettez « {value} » entre guillemets pour le chercher "
        "tel quel.",
        '"{value}" at column {column} is not a filter: a field takes a colon, not "=". Write '
        '{example}, or put "{value}" in quotes to search it as written.',
    ),
    "date_short_year": (
        "L'année de « {value} » a deux chiffres : écrivez les quatre (2021, pas 21).",
        'The year in "{value}" has two digits: write all four (2021, not 21).',
    ),
    "date_year_out_of_range": (
        "L'année de « {value} » est hors limites : les années de {low} à {high} sont acceptées.",
        'The year in "{value}" is out of range: years from {low} to {high} are accepted.',
    ),
    "date_no_such_month": (
        "Il n'y a pas de tel mois dans « {value} » : les mois vont de 1 à 12 (les dates "
        "s'écrivent jour/mois/année ou année-mois-jour). {accepted}",
        'There is no such month in "{value}": months run from 1 to 12 (dates are '
        "day/month/year or year-month-day). {accepted}",
    ),
    "date_month_name": (
        "Nom de mois inconnu dans « {value} ».{close} Mois : janvier, février, mars… (aussi en "
        "anglais ou en néerlandais, ou abrégés : janv., feb, sept…).",
        'Unknown month name in "{value}".{close} Months: janvier, février, mars… (also English '
        "or Dutch, or abbreviated: janv., feb, sept…).",
    ),
    "date_no_such_day": (
        "Ce jour n'existe pas : « {value} » ({month} compte {last} jours).",
        'There is no such day: "{value}" ({month} has {last} days).',
    ),
    "date_no_such_day_first": (
        "Ce jour n'existe pas : « {value} » ({month} compte {last} jours ; les dates "
        "s'écrivent jour/mois/année).",
        'There is no such day: "{value}" ({month} has {last} days; dates are day/month/year).',
    ),
    "range_needs_brackets": (
        "La période « {value} » s'écrit entre crochets, comme dans [2021 TO 2022]. {ranges}",
        'The range "{value}" needs square brackets, as in [2021 TO 2022]. {ranges}',
    ),
    "range_exclusive": (
        "Les bornes exclues {{…}} ne sont pas acceptées dans « {value} » : écrivez [a TO b], "
        "qui inclut les deux bornes, ou utilisez >a et <b.",
        'Exclusive bounds {{…}} are not supported in "{value}": write [a TO b], which '
        "includes both ends, or use >a and <b.",
    ),
    "range_unbalanced": (
        "Crochet non fermé ou non ouvert dans « {value} ». {ranges}",
        'Unbalanced square bracket in "{value}". {ranges}',
    ),
    "range_one_to": (
        "Une période entre crochets s'écrit [début TO fin], avec un seul TO, ce que "
        "« {value} » n'est pas. {ranges}",
        'A range in brackets is [start TO end], with one TO: "{value}" is not. {ranges}',
    ),
    "range_both_ends": (
        "Les deux bornes de « {value} » demandent une date ou *, comme dans [2021-01 TO *].",
        'Both ends of "{value}" need a date or *, as in [2021-01 TO *].',
    ),
    "range_operator_alone": (
        "{example} doit être suivi d'une date, comme dans {example}2021 (pas « {value} »).",
        '{example} needs a date after it, as in {example}2021 (not "{value}").',
    ),
    "range_signs": (
        "Trop de signes de comparaison dans « {value} ». {ranges}",
        'Too many comparison signs in "{value}". {ranges}',
    ),
    # A range error without a wording of its own.
    "range_syntax": (
        "Période illisible : « {value} ». {ranges}",
        'Cannot read the range "{value}". {ranges}',
    ),
    "range_no_end": (
        "La période « {value} » n'a aucune borne : donnez au moins une date. {ranges}",
        'The range "{value}" has no end at all: give at least one date. {ranges}',
    ),
    "range_reversed": (
        "La période « {value} » finit avant de commencer : mettez la date la plus ancienne "
        "d'abord.",
        'The range "{value}" ends before it starts: put the earlier date first.',
    ),
}
_ACCEPTED = (
    "Dates acceptées : 2021 (toute l'année), 2021-03 ou 03/2021 (tout le mois), 2021-03-31, "
    "31/03/2021, 31-03-2021, 31.03.2021, 1/3/2021 (jour d'abord), mars 2021, 31 mars 2021, "
    "1er mars 2021 (mois en français, en anglais ou en néerlandais).",
    ACCEPTED_DATES,
)
_RANGES = (
    "Périodes acceptées : [2021-01 TO 2021-06] (bornes comprises, * pour une borne ouverte), "
    "2021-01..2021-06, >2021 (à partir de 2022), >=2021-03, <31/03/2021, <=2021, ou une seule "
    "date pour toute sa durée.",
    ACCEPTED_RANGES,
)
# The months' names, in French and in English, one string each (split where said).
_MONTHS = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "January February March April May June July August September October November December",
)
# Kinds whose value, or first valid entry, is a limit: a number said with separators.
_LIMITS = ("too_many_terms", "query_too_long", "prefix_too_common", "too_deep")
# Kinds whose wording names the column itself: not said twice.
_SAYS_ITS_COLUMN = ("date_group", "range_not_date")
_IN_QUERY = ("Colonne {column} : ", "Column {column}: ")
_CLOSE = (" Vouliez-vous dire « {0} » ?", " Did you mean '{0}'?")
_CLOSE_SECTOR = (" Vouliez-vous dire {0} ?", " Did you mean {0}?")
_OR = (" ou ", " or ")


def _example(error: QuerySyntaxError, valid: tuple[str, ...], words: Words) -> str:
    """The error's example (`valid[0]`); an empty value's with the field's name as the field's
    own example writes it on a French page (`ministre:="van den brandt"`, review P3)."""
    example = valid[0] if valid else ""
    spec = field_spec(error.field) if error.kind == "empty_exact_value" else None
    if spec is None or words.language != "fr" or ":" not in example:
        return example
    return f"{spec.example.split(':', 1)[0]}:{example.split(':', 1)[1]}"


def syntax_message(error: QuerySyntaxError, words: Words) -> str | None:
    """What the page says of `error` in its language, with the query's caret; None when its
    kind has no wording here (the library's message is said then)."""
    pair = _SYNTAX.get(error.kind)
    if pair is None:
        return None
    column = 0 if words.language == "fr" else 1
    shown_field = words.field(error.field)
    valid = error.valid
    # Limits with the language's thousands separator (s20: « 10000 caractères »).
    value = (
        words.number(int(str(error.value)))
        if error.kind in _LIMITS and str(error.value).isdigit()
        else error.value
    )
    if error.kind in _LIMITS and valid and valid[0].isdigit():
        valid = (words.number(int(valid[0])), *valid[1:])
    month = ""
    if error.kind.startswith("date_no_such_day") and len(valid) == 3:
        month = f"{_MONTHS[column].split()[int(valid[1]) - 1]} {valid[2]}"
    close = _CLOSE[column].format(valid[0]) if error.kind == "date_month_name" and valid else ""
    if isinstance(error, UnknownSectorError):
        # Each sector with its name in the page's language (s20, E6: the ids alone).
        def named(sector_id: str) -> str:
            names = error.labels.get(sector_id, {})
            return f"{sector_id} ({names.get(words.language, names.get('fr', sector_id))})"

        valid = tuple(named(sector_id) for sector_id in error.valid)
        offered = _OR[column].join(named(sector_id) for sector_id in error.suggestions)
        close = _CLOSE_SECTOR[column].format(offered) if offered else ""
    said = pair[column].format(
        value=value,
        column=(error.position or 0) + 1,
        field=shown_field,
        example=_example(error, valid, words),
        valid=", ".join(valid),
        low=valid[0] if len(valid) == 2 else "",
        high=valid[1] if len(valid) == 2 else "",
        close=close,
        month=month,
        last=valid[0] if valid else "",
        accepted=_ACCEPTED[column],
        ranges=_RANGES[column],
    )
    if error.position is None:
        return said
    if error.kind.startswith(("date_", "range_")) and error.kind not in _SAYS_ITS_COLUMN:
        if words.language == "fr" and said[1:2].islower():
            said = said[0].lower() + said[1:]  # no capital after a colon in French
        said = _IN_QUERY[column].format(column=error.position + 1) + said
    return f"{said}\n{error.excerpt}"
