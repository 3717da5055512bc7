"""Whose matter it is and where the answer lies, by the kind of clause (`analyze.answers`).

The phrasings of `answer_phrases`, `answer_competence` and `answer_elsewhere` list verbs with
the holders they know by name. Each blind round brought holders and verbs they did not know
(BENCHMARKS.md, rounds 8-10: the INAMI, a joint committee, the Parliament's Bureau, another
Region's agency). These read the clause by its kind instead:

- a verb of belonging in any tense, mood or voice (`relever`, `ressortir`, `incomber`,
  `dépendre`, `appartenir`, `revenir`, `être du ressort`, `être de la compétence`, `sous
  l'autorité de`) and a holder that is not the minister's own, recognised by what it is, not
  by a list: a proper name or an acronym as written ("de l'INAMI", "du Bureau élargi"), or an
  institution qualified as another level's ("de la police fédérale", "de la commission
  paritaire 121", "de la ministre flamande") (`attribution`); it decides only when the answer
  says nothing of its own, like `answer_competence.ATTRIBUTION`;
- the sentences of an account of who holds what ("les Régions sont compétentes pour ...",
  "sont restés fédéraux", "le paiement est assuré par l'ONEM") beside such a statement: context
  of the refusal, not information, unless they give a fact or the question asks who or since
  when (`accounts_for_competence`);
- the member or the question sent elsewhere in a passive, a conditional or a cleft ("il
  conviendrait que la question lui soit soumise", "c'est à elles qu'il faut demander ces
  informations", "il vous appartient d'interroger le collège") (`answer_forms.SENDING`);
- a document that replaces the answer, whatever it is and however it is pointed to, is read
  by `answer_documents` (split from here, unchanged).

Matched on folded text per sentence like every phrasing; the holder is checked on the text as
written, whose offsets are the folded text's (`fold_in_place`). Part of the rules'
fingerprint (`answers.rules_fingerprint`).
"""

from __future__ import annotations

import re

from pqsearch.analyze.answer_competence import BODY
from pqsearch.analyze.answer_remits import ACCOUNT

# A person's title before the holder's name, whose full stop ends no holder: "est du ressort de
# M. Thomas Wauters, secrétaire d'État" (round 14's dev half, r14-045).
_TITLE = r"(?:(?:m|mm|mme|mr|dr|dhr|mevr)\. ?)?"
# A verb of belonging, any tense, mood or voice, adverbs between, then its preposition.
_BELONGS = (
    r"\b(?:relev\w*|ressorti\w*|incomb\w*|depend(?:ent|ait|aient|ra|raient|rait|e|re)?"
    # "Il appartient à la commune de ...", "la décision appartiendra au conseil" are a remit;
    # "le terrain appartient à Infrabel", a thing owned (review of session 14, R6).
    # So does "revenir": "il revient à la commune de ...", not "les frais reviennent à la SNCB".
    r"|(?:il |qu'il |(?:decision|choix|competence|responsabilite|matiere|question|dossier"
    r"|gestion|organisation|initiative|tache|mission|soin|charge)s?(?: \w+)? )"
    r"(?:appart(?:ien|enai|enan|ienn|iendr)\w*|appartient|revien\w*|revient|revenai\w*)"
    r"|(?:est|sont|reste|restent|demeure|demeurent|serait|seraient|etait|etaient|sera|seront)"
    r" (?:\w+ )?(?:du ressort|de la competence|dans les attributions|sous l'autorite"
    r"|sous la tutelle|sous la responsabilite)|place\w* sous (?:l'autorite|la tutelle"
    r"|la responsabilite)|sous l'autorite)"
    r"(?: (?:des lors|donc|toutefois|en revanche|conjointement|exclusivement|entierement"
    r"|uniquement|pleinement|principalement|essentiellement|cependant|en effet|avant tout"
    r"|plutot|bien|aussi|egalement|directement|par ailleurs|pour sa part|exclusif|propre"
    # Any other two words: "relevait jusqu'ici de", "en relève toujours de".
    r"|[\w'-]+)){0,3}?"
    # "de" as a word ("relevait déjà de M. Haddou"); "au" before "aux" is as tuned since revision
    # 13 (its holder then starts "x ...", which names no one); since revision 18 each ends its
    # word ("relève lui aussi des Régions" read "a" of "aussi").
    r"(?: (?:de la|du\b|des\b|de l'|d'|de\b|a la|a l'|au(?=x?\b)|aux|a\b))"
    # The remit named before the holder: "de la compétence exclusive de".
    r"(?: (?:la |le )?(?:seule |pleine )?(?:competence|responsabilite|tutelle|autorite"
    r"|attributions?)(?: exclusive| propre| pleine et entiere)? (?:de la|du|des|de l'|d'|de))?"
    rf" ?(?P<holder>{_TITLE}[^.;:,()]{{2,80}})"
)
ATTRIBUTION = re.compile(_BELONGS)
# The courts left to judge each case is what the law answers, not another's remit (the s17
# review's r17s-41): "En vertu de l'article 1384, il appartient au juge de se prononcer sur
# cette question au cas par cas", "het komt de rechter toe om geval per geval te oordelen".
_JUDGED = re.compile(
    r"\b(?:juges?|tribuna\w*|cours|rechter\w*|rechtbank\w*)\b[^.;]{0,80}?\b(?:au cas par cas"
    r"|in concreto|souverainement|selon les circonstances|geval per geval|van geval tot geval)\b"
)
# A person named by a title, written in lower case or not: "mevr. Persoons", "M. Wauters".
_TITLED = re.compile(r"(?:m|mm|mme|mr|dr|dhr|mevr)\. ?\w")
# Dutch: "behoort tot de bevoegdheid van het RIZIV", "valt onder de federale overheid", "de
# parkings worden beheerd door de NMBS".
ATTRIBUTION_NL = re.compile(
    r"\b(?:(?:behoort|behoren|behoorde|behoorden|ressorteert|ressorteren)(?: [\w'-]+){0,3}?"
    r" (?:tot|onder)|(?:valt|vallen|viel|vielen) onder|(?:hoort|horen) tot"
    r"|(?:wordt|worden|werd|werden)(?: [\w'-]+){0,3}? (?:beheerd|georganiseerd|geregeld"
    r"|uitgebaat|gecontroleerd|beslist|vastgelegd|bepaald) door) (?:de |het )?"
    r"(?:(?:exclusieve |uitsluitende )?"
    rf"(?:bevoegdheid|verantwoordelijkheid|voogdij) van (?:de |het )?)?(?P<holder>{_TITLE}"
    r"[^.;:,()]{2,80})"
)
ATTRIBUTIONS = (ATTRIBUTION, ATTRIBUTION_NL)

# What says an institution is another level's or answers for itself, within its name.
_OTHER = re.compile(
    r"\b(?:federa\w*|communa\w*|locale?s?|flamand\w*|wallon\w*|germanophone\w*|europeen\w*"
    r"|paritaire\w*|independant\w*|autonome\w*|prive\w*|judiciaire\w*|de l'etat|de la ville"
    r"|du parlement|de l'assemblee|vlaams\w*|waals\w*|federale|gemeentelijke?|lokale?|europese"
    r"|onafhankelijke?|autonome)\b"
)
_INSTITUTION = re.compile(
    # One adjective may come first: "de federale overheid", "la nouvelle agence".
    r"(?:[\w-]+ )?(?:ministres?|secretaires? d'etat|gouvernements?|administrations?|autorites?"
    r"|police|polices|inspections?|services?|offices?|agences?|instituts?|commissions?|comites?"
    r"|conseils?|bureaux?|assemblees?|parlements?|organes?|organismes?|tribuna\w*|cours?"
    r"|caisses?|mutualites?|zones?|entites?|operateurs?|gestionnaires?|societes?|entreprises?"
    r"|maitres? d'ouvrage|membres|regions|communautes|communes|niveau|pouvoir"
    r"|overheid|overheden|agentschap|diensten?|instellingen?|gemeenten?|politiezones?|rechters?"
    r"|rechtbanken?|regering|administratie|inspectie|commissie|minister|ministers|federal"
    r"|competences|bevoegdheden)\b"
)
# The minister's own government and services, or no holder at all, after a verb of belonging.
_OWN = re.compile(
    r"(?:la |le |l'|les |du |des |de |d'|a |au |aux |het )*(?:region(?! (?:flamande|wallonne))\b"
    r"|(?:brussels )?gewest\b|brusselse regering\b|regering\b(?! (?:federale|vlaamse))|mijn |onze "
    r"|gouvernement(?! (?:federal|flamand|wallon))\b|college\b(?! (?:de police|des bourgmestres"
    r"|communal))|mes |ma |mon |nos |notre |ses |sa |son |leurs? "
    r"|chacun|tous|tout|celui|celle|ceux|lui|elle|eux|un |une )"
)
_DETERMINER = re.compile(
    r"^(?:(?:la|le|les|l'|du|des|de|d'|a|au|aux|un|une|ce|cet|cette|ces|seule?s?|het|die|deze)\s*)+"
)
_NAME = re.compile(r"[A-Z]")
# A name within an institution's words: "le conseil d'administration de Sibelga" (not the
# minister's own: "le service de la Région", "du Gouvernement").
_NAMED_WITHIN = re.compile(
    r"\b(?!(?:Région|Gouvernement|Collège|Bruxelles|Bruxelles-Capitale|Ministre|Etat|État)\b)"
    r"[A-Z][\w-]+"
)


def attribution(folded: str, sentence: str) -> re.Match[str] | None:
    """The first clause of folded `folded` (`sentence` as written, same offsets) that gives
    the matter to a holder other than the minister's own (see the module's docstring)."""
    for match in (found for pattern in ATTRIBUTIONS for found in pattern.finditer(folded)):
        start = match.start("holder")
        holder = folded[start : match.end("holder")]
        if _OWN.match(holder) or _describes(folded, match) or _JUDGED.search(folded):
            continue
        if re.match(BODY, holder) or _names_holder(holder, sentence[start : match.end("holder")]):
            return match
        # The holder said again after the first: "relève de la sécurité sociale, donc du fédéral".
        then = _THEN.match(folded, match.end("holder"))
        if then is not None and not _OWN.match(then.group("holder")):
            end = then.end("holder")
            if _names_holder(then.group("holder"), sentence[then.start("holder") : end]):
                return match
    return None


_THEN = re.compile(
    r", (?:et )?(?:donc|c'est-a-dire|soit|autrement dit|a savoir) (?:de la |du |des |de l'|d'"
    r"|a la |au |aux |a l')?(?P<holder>[^.;:,()]{2,80})"
)


# A matter placed under a body is its remit ("la gestion des cimetières est placée sous la
# responsabilité des communes", "les travaux sont menés sous l'autorité de la ministre
# flamande"); a unit placed under one is how it is organised ("La cellule est placée sous la
# responsabilité du SRDU": review 14, R6).
_UNDER = re.compile(r"\bsous (?:l'autorite|la tutelle|la responsabilite)\b")
_REMIT = re.compile(
    r"\b(?:competences?|matieres?|gestion|organisation|decisions?|choix|responsabilites?"
    r"|questions?|dossiers?|politiques?|reglementations?|controles?|missions?|taches?"
    r"|exploitation|entretien|suivi|surveillance|financement|octroi|delivrance|application)\b"
)


_UNIT = re.compile(
    r"^\W*(?:la |le |l'|les |cette |ce |cet |ces )?(?:cellule|service|equipe|direction|unite"
    r"|agence|office|organe|departement|bureau|secretariat|institut|organisme|centre|pole"
    r"|observatoire|comite|fonds|entite|antenne|guichet)s?\b"
)


def _describes(folded: str, match: re.Match[str]) -> bool:
    """Whether `match` places a unit, not a matter, under a body (`_UNDER`, `_UNIT`)."""
    verb = folded[match.start() : match.start("holder")]
    before = folded[: match.start()]
    return (
        _UNDER.search(verb) is not None
        and _UNIT.search(before) is not None
        and _REMIT.search(before) is None
    )


def _names_holder(holder: str, written: str) -> bool:
    """Whether a holder's words, folded and as written, name an institution: a proper name
    or an acronym as written, or an institution qualified as another's."""
    lead = _DETERMINER.match(holder)
    offset = lead.end() if lead else 0
    if _NAME.match(written[offset:]) or _TITLED.match(holder, offset):
        return True
    institution = _INSTITUTION.match(holder, offset)
    return institution is not None and (
        _OTHER.search(holder[: offset + 60]) is not None
        or _NAMED_WITHIN.search(written[offset : offset + 60]) is not None
    )


# A passive whose agent is the holder: "le paiement est assuré par l'ONEM", "le calendrier est
# établi par ce seul maître d'ouvrage" (not "menés par une équipe de douze inspecteurs").
_AGENT = re.compile(
    r"\b(?:assuree?s?|exercee?s?|geree?s?|menee?s?|etablie?s?|organisee?s?|decidee?s?|fixee?s?"
    r"|exploitee?s?|administree?s?|conduite?s?|realisee?s?|delivree?s?|controlee?s?|reglee?s?"
    r"|regie?s?|determinee?s?|encadree?s?|definie?s?)"
    r" (?:[^.;]{0,40} )?par (?P<holder>[^.;:,()]{2,80})"
)


def _by_holder(folded: str, written: str) -> bool:
    """Whether a passive in `folded` names a holder other than the minister's own as its
    agent, or one named before ("ce seul maître d'ouvrage")."""
    for match in _AGENT.finditer(folded):
        start, end = match.span("holder")
        holder = folded[start:end]
        if _OWN.match(holder):
            continue
        demonstrative = re.match(r"(?:ce|cet|cette|ces) ", holder) is not None
        lead = _DETERMINER.match(holder)
        named = _INSTITUTION.match(holder, lead.end() if lead else 0) is not None
        if (
            re.match(BODY, holder)
            or _names_holder(holder, written[start:end])
            or (demonstrative and named)
        ):
            return True
    return False


# A sentence that only says who holds what: beside a statement of whose matter it is, part of
# the account of the division of competences, not information of the answer's own.
_ACCOUNT = re.compile(
    r"\bcompetente?s? (?:pour|en matiere|dans|en ce qui)\b"
    # Another holder said competent, with what qualifies it between (seventeenth session): "La
    # Fédération Wallonie-Bruxelles et la Communauté flamande sont compétentes, chacune pour ses
    # établissements", "Le SPF Justice est seul compétent." (not the minister's side).
    r"|\bcompetente?s?,? (?:chacune?|chacun|respectivement|toutes deux|tous deux)\b[^.;]{0,30}?"
    r" pour\b|(?<!region )(?<!gouvernement )(?<!college )(?<!je )(?<!nous )\b(?:est|sont)"
    r" (?:seule?s? |exclusivement |pleinement )?competente?s?(?=,|;|\.|$)"
    r"|\b(?:repartition|transfert|partage)"
    r" des competences\b|\breforme de l'etat\b|\bcompetences? (?:federa|regiona|communautai"
    r"|communa|exclusive|partagee|concurrente)\w*"
    r"|\b(?:reste|restent|restes|restee?s?|demeure\w*|sont|est|etait|etaient) (?:en revanche |"
    r"toutefois |donc |quant a eux |quant a elle )?(?:federa(?:l|le|les|ux)|communautaires?"
    r"|regiona(?:l|le|les|ux)|communa(?:l|le|les|ux))\b"
    # The same in Dutch (revision 19): a level's "bevoegdheid" the speaker's own is no refusal
    # (`answer_gates.the_speakers_own`) but, beside one, part of the account.
    r"|\b(?:gemeentelijke|gewestelijke|federale|communautaire|lokale|europese) bevoegdhe"
    r"|\b(?:gemeenschaps|gemeente|gewest)bevoegdhe"
    # The minister's side not part of it: "La Région n'y est pas associée".
    r"|\b(?:ne|n') ?(?:y )?(?:est|sont|suis|sommes|a|ai|avons|ont) (?:pas|nullement|aucunement)"
    r" (?:associee?s?|impliquee?s?|partie prenante|competente?s?|concernee?s?)\b"
    r"|\bsous l'autorite\b|\bne (?:peut|peuvent|saurait|saurais|puis) s'immiscer\b"
    r"|\brelations? de droit prive\b|\bne (?:m'|nous )appartient pas\b|\bautonomie\b"
    r"|\bpersonnalite juridique\b"
    # Not seized of it, or what the question does not ask: "Le Gouvernement n'a pas été saisi de
    # cette question par la commune", "Les droits ..., qui relèvent de la Région, ne sont pas
    # visés par votre question".
    r"|\b(?:ne|n') ?(?:en )?(?:a|ont|avons|ai) (?:pas|jamais|nullement) ete (?:saisie?s?"
    r"|consultee?s?|sollicitee?s?)\b|\bne (?:sont|est) pas visee?s? par (?:votre|la|cette) question"
    r"|\b(?:ne|n') ?(?:relev|depend|ressorti|incomb)\w* (?:pas |nullement |en rien )?(?:du |de la"
    r" |a la |au )(?:gouvernement|region|college)\b"
)


# What the minister is not given, beside whose matter it is: "Les délais propres à chaque
# commune ne sont pas communiqués à la Région".
NOT_HERE = re.compile(
    r"\b(?:ne|n') ?(?:sont|est|nous sont|me sont|lui sont) pas (?:\w+ )?(?:communique|transmis"
    r"|connu|centralise|disponible|recense|collecte)\w*\b"
)


# The minister's own side acting is information, whatever else the sentence says: "La Région
# finance toutefois leur formation", "nous avons demandé un rapport".
_OWN_ACTION = re.compile(
    r"\b(?:la region|le gouvernement|le college|je|j'|nous|mon administration|mes services"
    r"|mon cabinet)(?: \w+){0,3}? (?:a|ont|avons|ai|va|vont|allons|vais|finance\w*|soutien\w*"
    r"|subsidie\w*|organise\w*|prevoi\w*|investi\w*|developpe\w*|travaill\w*|examine\w*"
    r"|prepare\w*|etudie\w*|suit|suivons|suis|veill\w*|mene|menons)\b"
)


def accounts_for_competence(folded: str, written: str) -> bool:
    """Whether folded sentence `folded` (`written` as written) says who holds a competence or
    how it is shared (`_ACCOUNT`, `attribution`), or that what was asked is not given to the
    minister (`NOT_HERE`), with nothing the minister's own side does (`_OWN_ACTION`)."""
    says = (
        _ACCOUNT.search(folded) is not None
        or ACCOUNT.search(folded) is not None
        or NOT_HERE.search(folded) is not None
        or attribution(folded, written) is not None
        or _by_holder(folded, written)
    )
    return says and _OWN_ACTION.search(folded) is None


PATTERNS = (
    ATTRIBUTION,
    _THEN,
    _UNDER,
    _REMIT,
    _UNIT,
    ATTRIBUTION_NL,
    _AGENT,
    _NAMED_WITHIN,
    _OTHER,
    _INSTITUTION,
    _OWN,
    _DETERMINER,
    _NAME,
    _ACCOUNT,
    NOT_HERE,
    _OWN_ACTION,
    _TITLED,
    _JUDGED,
)


# Literal pieces of the phrasings above and of `answer_documents`', for the keyword gate
# (`answer_keywords`); one string split, since a literal tuple takes a line a piece.
_GATE_PIECES = (
    "relev|ressort|incomb|depend|appart|revien|revient|revenai|sous l'autorite|"
    "sous la tutelle|sous la responsabilite|de la competence|dans les attributions|question|"
    "c'est a|c'est donc|c'est des lors|c'est plutot|c'est bien|c'est vers|il vous|non du|"
    "non de la|non au|non a la|non pas|vous|membre|depute|parlementaire|figur|consult|"
    "detaill|disponib|publie|presente|expose|decrit|explique|repris|reprise|accessib|refere|"
    "referons|reporte|reportons|renvo|prendre connaissance|y est|repond|repren|reprend|"
    "fourni|rassembl|regroup|contien|verwij|behoor|valt onder|vallen onder|viel onder|"
    "vielen onder|ressorteer|hoort tot|horen tot|beheerd door|georganiseerd door|"
    "geregeld door|uitgebaat door|gecontroleerd door|beslist door|vastgelegd door|"
    "bepaald door|tenu a jour|tenue a jour|tenus a jour|tenues a jour|se trouv|aborde|"
    "debattu|examine|commente|evoque|communique|compte rendu|comptes rendus|proces-verba"
)
GATE = tuple(_GATE_PIECES.split("|"))
