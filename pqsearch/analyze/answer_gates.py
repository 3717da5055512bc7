"""Whether an answer that a form of the clause reads as a refusal says what was asked anyway.

`answer_forms` reads sending, joint answers and declared incompetence by the parts of the
clause; on short answers without figures it read information as a refusal (review 15, V4): "Une
réponse coordonnée a été préparée avec la commune : le projet est piloté par Bruxelles
Environnement", "Vous trouverez sur le site le calendrier des travaux, qui débuteront au
printemps", "Het Gewest heeft geen bevoegdheid over het beheer, dat bij de gemeente ligt" to a
question asking who manages it. Such a reading decides only when the rest of the sentence and
the question leave it one:

- a clause of its own after a colon or a semicolon that says something and sends no one (for a
  referral or a sending; beside a declared incompetence, naming who does it is the refusal's
  usual second half, unless the question asks who);
- when something happens, outside the phrase that sends ("qui débuteront au printemps");
- a holder doing the thing, when the question asks who does it (`answer_context.asks_who`);
- where it can be read, when the question asks where (`ASKS_WHERE`).

Matched on folded text like every phrasing; part of the rules' fingerprint.
"""

from __future__ import annotations

import re
from functools import cache

from pqsearch.analyze import answer_context as context
from pqsearch.analyze import answer_forms as forms
from pqsearch.analyze import answer_holders as holders
from pqsearch.analyze import answer_information as information
from pqsearch.analyze import answer_keywords as keywords
from pqsearch.analyze import answer_partial as partial

_MONTHS = (
    r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
    r"|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
)
# When something happens, as a fact of the answer: a verb of starting, ending or taking place,
# then a season, a month or a year ("débuteront au printemps", "se tiendra en mars", "seront
# achevés d'ici fin 2027", "starten in het voorjaar").
WHEN = re.compile(
    r"\b(?:debut|commenc|termin|achev|s'achev|demarr|reprendr|aur\w* lieu|a eu lieu|ont eu lieu"
    r"|se tiendr|se tient|se tiennent|s'ouvr|ouvrir|ouvrira|fermer|livr|inaugur|start|begin"
    r"|beginn|afgerond|voltooid|plaatsvind|vindt plaats|vinden plaats)\w*\b[^.;]{0,40}?"
    r"\b(?:au printemps|en ete|a l'automne|en automne|en hiver|(?:en|d'ici|avant|des|fin|debut"
    rf"|mi-|in|tegen|vanaf|eind|begin) (?:(?:la )?fin (?:de )?)?(?:(?:19|20)\d\d|{_MONTHS}|l'annee"
    r"|het voorjaar|de zomer|het najaar|de winter)|le \d{1,2}(?:er)? "
    rf"{_MONTHS}|op \d{{1,2}} {_MONTHS}|in het voorjaar|in de zomer|in het najaar)\b"
)
# A holder doing the thing, the answer to "who manages / runs / pays": a named agent of a
# passive ("est piloté par Bruxelles Environnement", "wordt beheerd door de gemeente"), an
# active verb of running it ("la commune assurera la gestion"), or the Dutch "dat bij de gemeente
# ligt".
AGENT = re.compile(
    r"\b(?:est|sont|sera|seront|a ete|ont ete|etait|etaient)\s(?:\w+\s)?(?:pilote|gere|assure"
    r"|coordonne|mene|porte|realise|organise|finance|exploite|entretenu|supervise|suivi"
    r"|prise? en charge)e?s?\s(?:\w+\s)?par\b"
    r"|\b(?:assure|assurera|assurent|assureront|gere|gerera|gerent|gereront|pilote|pilotera"
    r"|organise|organisera|coordonne|coordonnera|finance|financera|exploite|exploitera"
    r"|entretient|entretiendra|prend en charge|prendra en charge)\s(?:la|le|les|l'|son|sa|ses"
    r"|leur|leurs|cette|ce|ces)\s?\w+"
    r"|\b(?:ligt|liggen|berust|berusten)\s(?:\w+\s){0,2}?bij\b"
    r"|\bbij\s(?:de|het)\s(?:\w+\s){0,2}?(?:ligt|liggen|berust|berusten)\b"
    r"|\b(?:wordt|worden|werd|zal)\s(?:\w+\s){0,3}?(?:beheerd|georganiseerd|gefinancierd"
    r"|uitgebaat|gecoordineerd|onderhouden)\s(?:worden\s)?door\b"
    r"|\b(?:beheert|beheren|organiseert|financiert|onderhoudt)\s(?:de|het|dit|deze)\b"
    # The holder's means for it (review 16, V3): "zij heeft daarvoor een meldpunt".
    r"|\b(?:heeft|hebben|beschikt|beschikken)\s(?:daarvoor|hiervoor|daartoe)\s(?:over\s)?\w+"
    r"|\b(?:dispose|disposent)\s(?:pour cela|a cet effet)\s(?:de|d'un|d'une)\b"
)
# A question that asks where the information can be read or obtained: then saying where is the
# answer ("Où les riverains peuvent-ils consulter le calendrier ?").
ASKS_WHERE = re.compile(
    r"\bou (?:trouver|consulter|se procurer|obtenir)\b|\bou (?:\w+ ){0,4}?(?:peut-on|peuvent"
    r"|peut|pourra|pourront|puis-je)\b[^?]{0,40}?\b(?:trouver|consulter|obtenir|telecharger"
    r"|lire|se procurer)\b|\bwaar (?:kan|kunnen|vindt|vinden|zijn)\b[^?]{0,60}?\b(?:vinden"
    r"|raadplegen|terugvinden|verkrijgen|te vinden|beschikbaar)\b"
    # How people are informed or can follow it (review 16, V3): a website is the answer.
    r"|\bhoe (?:worden|kunnen|kan|zullen)\b[^?]{0,60}?\b(?:geinformeerd|ingelicht|opvolgen"
    r"|volgen|raadplegen)\b|\bcomment (?:\w+ ){0,6}?(?:informe\w*|suivre|consulter)\b"
)
# After a colon or a semicolon, a clause of the sentence's own.
_OWN_CLAUSE = re.compile(r"\s?[:;]\s")

_FORMS = {
    "not_published": forms.NOT_PUBLISHED,
    "by_reference": forms.BY_REFERENCE,
    "not_competent": forms.SENDING + forms.DECLARING,
}


@cache
def _either(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)")


# A refusal drawn as a conclusion: "La Communauté française et la Communauté flamande sont donc
# les autorités à même de répondre à votre question" after an account of who does what.
CONCLUDING = re.compile(
    r"\b(?:donc|des lors|par consequent|c'est pourquoi|dus|derhalve|bijgevolg)\b"
)

PATTERNS = (WHEN, AGENT, ASKS_WHERE, _OWN_CLAUSE, CONCLUDING)


def concludes_an_account(
    first: tuple[str, str], last: str, sends: re.Pattern[str], others: list[str], asked: str
) -> bool:
    """Whether the answer's `last` sentence (folded) sends the member elsewhere (`sends`) as the
    conclusion of an account of whose matter it is that opens the answer (`first`, folded and as
    written), the question not asking who and no other sentence of the answer's own telling a
    fact (`answer_information.tells`): then the sentences between are that account, not
    information (the labelling rules: "a long account of the division of competences that the
    question did not ask about is context")."""
    return (
        first[0] != last
        and CONCLUDING.search(last) is not None
        and sends.search(last) is not None
        and not context.asks_who(asked)
        and (holders.accounts_for_competence(*first) or holders.attribution(*first) is not None)
        and not any(information.tells(sentence) for sentence in others)
    )


def says_what_was_asked(
    kind: str, phrasings: tuple[str, ...], sentence: str, match: re.Match[str], asked: str
) -> bool:
    """Whether folded `sentence`, which `match` reads as a refusal of `kind` by a form of the
    clause alone (none of the kind's other `phrasings` reads it), says what the folded
    question `asked` asked all the same."""
    rest = f"{sentence[: match.start()]} {sentence[match.end() :]}"
    # Who does it, to a question asking who, whatever phrasing declined it.
    if kind == "not_competent" and context.asks_who(asked) and AGENT.search(rest):
        return True
    own = _FORMS.get(kind, ())
    others = _either(tuple(p for p in phrasings if p not in own))
    if not own or _either(own).search(sentence) is None or others.search(sentence):
        return False
    if WHEN.search(rest):
        return True
    if kind == "by_reference" and ASKS_WHERE.search(asked):
        return True
    if kind == "not_competent":
        return False
    tail = _OWN_CLAUSE.search(sentence, match.end())
    if tail is None:
        return False
    clause = sentence[tail.end() :]
    return partial.informative(clause, asked) and not keywords.sends_elsewhere(clause)
