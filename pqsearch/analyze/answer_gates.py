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
- where it can be read, when the question asks where (`ASKS_WHERE`);
- where a document is published, whatever pointer reads it, when the question asks whether,
  when or where it is published or exists (`ASKS_PUBLISHED`) and asks for no content besides.

Matched on folded text like every phrasing; part of the rules' fingerprint.
"""

from __future__ import annotations

import re
from functools import cache

from pqsearch.analyze import answer_acts as acts
from pqsearch.analyze import answer_context as context
from pqsearch.analyze import answer_declines as declines
from pqsearch.analyze import answer_forms as forms
from pqsearch.analyze import answer_holders as holders
from pqsearch.analyze import answer_information as information
from pqsearch.analyze import answer_keywords as keywords
from pqsearch.analyze import answer_partial as partial
from pqsearch.analyze import answer_remits as remits
from pqsearch.analyze.fold import fold_in_place
from pqsearch.models import Question

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
    # Where it stays (seventeenth session): "het beheer blijft bij de gemeente", "la gestion
    # reste confiée à la commune", "demeure à charge de la STIB".
    r"|\b(?:blijft|blijven|bleef|bleven)\s(?:\w+\s){0,2}?bij\b"
    r"|\b(?:reste|restent|restera|resteront|demeure|demeurent|demeurera)\s(?:\w+\s)?(?:a (?:la )?"
    r"charge (?:de|du|des|d')|entre les mains (?:de|du|des|d')|aux mains (?:de|du|des|d')"
    r"|confiee?s? a|assuree?s? par|geree?s? par)"
)
# Requests of others relayed, to a question asking how they are handled: the answer describes
# the procedure asked about, it sends no one ("Wij geven de vragen van burgers door aan de
# bevoegde gemeentelijke dienst, die ..."; seventeenth session).
OTHERS_REQUESTS = re.compile(
    r"\b(?:vragen|aanvragen|meldingen|klachten|verzoeken|demandes|plaintes|questions|signalements"
    r"|requetes|reclamations)\s(?:van|des|de)\s(?:de\s|het\s)?(?:burgers?|inwoners?|bewoners?"
    r"|gebruikers?|reizigers?|patienten|citoyens?|habitants?|usagers?|riverains?|particuliers?"
    r"|voyageurs?|patients?|locataires?|huurders?)\b"
)
ASKS_HOW = re.compile(
    r"\b(?:hoe|comment|op welke (?:manier|wijze)|de quelle (?:maniere|facon)|quelle (?:est la )?"
    r"procedure|welke procedure)\b"
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
# A question that asks whether, when or where a document is published, exists or can be read
# (seventeenth session; the labelling rules: "when it asks whether or where a document is
# published, saying where is the information"): "Existe-t-il un relevé accessible ?", "Quand
# sera-t-il publié ?", "Le plan sera-t-il rendu public ?", "Bestaat er een register?".
ASKS_PUBLISHED = re.compile(
    r"\b(?:existe-t-il|existera-t-il|existent-ils|y a-t-il|y aura-t-il|dispose-t-on)\b[^?]{0,60}?"
    r"\b(?:releves?|registres?|inventaires?|listes?|cadastres?|bases? de donnees|rapports?"
    r"|tableaux?|cartes?|repertoires?|plans?|etudes?|bilans?|publications?|sites?|outils?"
    r"|donnees|statistiques)\b|\b(?:sera-t-(?:il|elle)|seront-(?:ils|elles)|est-(?:il|elle)"
    r"|sont-(?:ils|elles)|a-t-(?:il|elle) ete|ont-(?:ils|elles) ete|pourra-t-(?:il|elle) etre"
    r"|seront|sera)\s(?:\w+ ){0,2}?(?:publiee?s?|rendue?s? publi\w*|accessibles?|disponibles?"
    r"|consultables?|mise?s? en ligne|diffusee?s?)\b|\b(?:quand|ou|a quelle date|a partir de"
    r" quand|sous quelle forme)\b[^?]{0,60}?\b(?:publi\w*|mise? en ligne|consult\w*"
    r"|disponibles?|accessibles?|diffuse\w*)|\b(?:bestaat er|is er|zijn er|komt er)\b[^?]{0,60}?"
    r"\b(?:register|lijst|overzicht|inventaris|databank|kadaster|rapport|verslag|kaart|plan"
    r"|studie|gegevens)\b|\b(?:wanneer|waar)\b[^?]{0,60}?\b(?:gepubliceerd|publiceren"
    r"|bekendgemaakt|openbaar gemaakt|raadplegen|beschikbaar|raadpleegbaar|toegankelijk)\b"
)
# A question that also asks for content (figures, a list, a how or a why): then a document
# holding it is a referral, even beside "Ces données sont-elles publiées ?" (r8-ref-opendata).
ASKS_CONTENT = re.compile(
    r"\b(?:combien|hoeveel|quel(?:le)?s?|lesquel\w*|welke?|wat|comment|hoe|pourquoi|waarom)\b"
)
# A pointer to an answer, a question or a debate, not to a document: saying where a document
# is published answers the questions above, a referral to an answer does not.
_CITES_ANSWER = re.compile(
    r"\b(?:reponses?|antwoord\w*|questions?|vra(?:ag|gen)|interpellations?|interpellatie\w*"
    r"|commission|commissie|seance|plenaire|qe|qo|renv\w*|verwijs\w*)\b"
)
# The document an answer's "y figurent" points to, named in a sentence of its own.
_POINTED_BY_Y = re.compile(acts.POINTED_BY_Y)
_NAMES_DOCUMENT = re.compile(rf"\b{acts.DOCUMENT}\b")
# After a colon or a semicolon, a clause of the sentence's own.
_OWN_CLAUSE = re.compile(r"\s?[:;]\s")

_FORMS = {
    "not_published": forms.NOT_PUBLISHED,
    "by_reference": forms.BY_REFERENCE
    + acts.BY_REFERENCE
    + acts.LOCATED
    + declines.BY_REFERENCE
    + remits.BY_REFERENCE
    + remits.LOCATED,
    "not_competent": forms.SENDING
    + forms.DECLARING
    + acts.SENDING
    + acts.DECLARING
    + declines.SENDING
    + declines.DECLARING
    + remits.SENDING
    + remits.DECLARING,
}


@cache
def _either(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)")


# A refusal drawn as a conclusion: "La Communauté française et la Communauté flamande sont donc
# les autorités à même de répondre à votre question" after an account of who does what.
CONCLUDING = re.compile(
    r"\b(?:donc|des lors|par consequent|c'est pourquoi|dus|derhalve|bijgevolg)\b"
)

# A concession opening the sentence, up to its comma: "Si le bien-être animal est une
# compétence régionale, les mesures de police ... relèvent du bourgmestre" (round 14's dev half,
# r14-089), "Bien que ..., ", "Hoewel dit een federale materie is, ...". What it grants is not
# the refusal: the main clause after it says whose matter it is, or answers.
CONCEDED = re.compile(
    r"^\W*(?:si|s'il|s'ils|bien que|bien qu'|meme si|meme s'il|alors que|alors qu'|quoique"
    r"|quoiqu'|encore que|hoewel|alhoewel|ook al|al is|al zijn)\b[^,;:.]{0,160}?,\s"
)


def main_clause_start(sentence: str) -> int:
    """Where the main clause of folded `sentence` starts after a concession that opens it
    (`CONCEDED`), or 0."""
    conceded = CONCEDED.match(sentence)
    return conceded.end() if conceded else 0


# A minister or a colleague named by portfolio: "le ministre de la Mobilité", "le membre du
# Gouvernement chargé de l'Emploi", "ma collègue en charge du Logement" (its first word).
_PORTFOLIO_NAMED = re.compile(
    r"\b(?:ministres?|secretaires? d'etat|membres? du (?:gouvernement|college)|collegues?"
    r"|minister|staatssecretaris|collega)\b(?: (?:federale?|regionale?|bruxellois\w*|flamande?"
    r"|wallonne?))?,? (?:(?:charge\w*|en charge|bevoegd voor) )?(?:de la |de l'|des |du |de |d'"
    r"|van |voor )(?!(?:la |l')?(?:region|gouvernement|communaute|etat)\b)([a-z][\w-]{3,})"
)

PATTERNS = (
    _PORTFOLIO_NAMED,
    CONCEDED,
    WHEN,
    AGENT,
    ASKS_WHERE,
    ASKS_PUBLISHED,
    ASKS_CONTENT,
    _CITES_ANSWER,
    OTHERS_REQUESTS,
    ASKS_HOW,
    _POINTED_BY_Y,
    _NAMES_DOCUMENT,
    _OWN_CLAUSE,
    CONCLUDING,
)


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
    # Where a document is published, to a question asking whether, when or where it is.
    if (
        kind == "by_reference"
        and ASKS_PUBLISHED.search(asked)
        and not ASKS_CONTENT.search(asked)
        and not _CITES_ANSWER.search(sentence)
    ):
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
    # Where the document lies ("; il est joint au dossier") is part of the pointer.
    if remits.PLACED.search(clause) is not None:
        return False
    return partial.informative(clause, asked) and not keywords.sends_elsewhere(clause)


def classes_another_level(sentence: str, regional: bool) -> re.Match[str] | None:
    """The match of folded `sentence` classing the matter at another level of power than the
    answering minister's (a Brussels one if `regional`, a federal one otherwise), or None: "Il
    s'agit d'une compétence régionale." declines a federal question and answers a regional one
    (`answer_remits.LEVEL_CLASSED`)."""
    match = remits.LEVEL_CLASSED.search(sentence)
    if match is None:
        return None
    federal = (match.group("level") or match.group("level_nl")) in remits.FEDERAL_LEVELS
    return match if federal == regional else None


def role_of(question: Question) -> str:
    """The answering minister's title and portfolios, folded, for `the_speakers_own`."""
    return fold_in_place(" ".join((question.addressee_role or "", *question.portfolios)))


def the_speakers_own(match: re.Match[str] | None, regional: bool, role: str = "") -> bool:
    """Whether `match`, a refusal's reading, names the Region alone as the holder while a
    Brussels minister answers (`regional`), or the federal level alone in Dutch while a federal
    one answers, or names ministers only by portfolios of the one who answers (`role`, their
    folded title and portfolios): then it is the minister's own matter."""
    own = remits.OWN_LEVEL if regional else remits.FEDERAL_OWN_LEVEL
    if match is None:
        return False
    named = [word[:6] for word in _PORTFOLIO_NAMED.findall(match.group())]
    if own.match(match.group()) is not None:
        return True
    return bool(role) and bool(named) and all(word in role for word in named)


def tells_who_or_how(answer: str, asked: str) -> bool:
    """Whether folded `answer`, which the rules read as substantive, gives what the folded
    question `asked` asks about who or how: the holder doing the thing to a question asking who
    (`AGENT`), or the requests of others relayed to a question asking how they are handled
    (`OTHERS_REQUESTS`). The model's second reading does not overturn it (a labelling rule:
    "when the question asks who manages a thing, the account of that is the information")."""
    return (context.asks_who(asked) and AGENT.search(answer) is not None) or (
        ASKS_HOW.search(asked) is not None and OTHERS_REQUESTS.search(answer) is not None
    )


def names_the_document_pointed_to(sentence: str, answer: str) -> bool:
    """Whether folded `sentence` of folded `answer` names the document that the answer's "y
    figurent" points to, with no part answered of its own (`answer_information.answers_part`):
    "Le rapport d'exécution a été transmis au Parlement le 15 septembre. Les éléments demandés y
    figurent." Then it is part of the referral, not information."""
    return (
        _NAMES_DOCUMENT.search(sentence) is not None
        and _POINTED_BY_Y.search(sentence) is None
        and _POINTED_BY_Y.search(answer) is not None
        and not information.answers_part(sentence)
    )
