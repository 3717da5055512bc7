""" "This is not mine", read by its parts rather than by its phrases (`analyze.answers`).

A not-competent answer has three parts: (a) a holder of the matter other than the speaker (a
colleague by name or portfolio, a predecessor, another level of power, a commune, a CPAS, a
police zone, a body, a court), (b) a statement that the matter or what was asked is theirs, or
that the speaker cannot act or answer, in any syntax, and (c) no information of the answer's
own (the decision in `answers`). Each blind round said (b) in a syntax the earlier phrasings
lacked (round 16: a cleft, a bare passive, "seul X", a conditional, an apology, a question
back). Here (b) is a small set of clause shapes, each completed by any holder of (a):

- the holder as the agent of a verb of holding, keeping or handling: "Ces données sont
  détenues par les communes", "Ils sont tenus par l'INAMI", "la tutelle est exercée par le
  ministre des Pouvoirs locaux", "Cette compétence a été confiée au secrétaire d'État";
- the holder in a cleft that does it: "c'est son cabinet qui détient le dossier", "C'est le
  ministre du Logement qui suit ce projet";
- the holder alone able: "seul le conseil communal peut modifier", "Seule la zone de police
  est en mesure de fournir le nombre";
- a holder's own decision or choice: "est une décision individuelle du CPAS", "est seule
  maîtresse de ses choix";
- the speaker denying the matter is theirs, whatever comes around it: "un dossier qui n'est pas
  le mien", "si cette matière relevait de mes compétences, ce qui n'est pas le cas", "ne peuvent
  s'immiscer", "n'a aucune prise", "Het komt mij als minister niet toe";
- the member sent on by a pronoun for the holder named before ("il pourra vous renseigner") or
  by a Dutch verb at the end ("U kunt zich daarvoor tot de bevoegde minister richten", "die zijn
  bij de gemeenten op te vragen").

All but the sendings are weak readings (`DECLARING`): any fact of the answer's own keeps it
substantive, and a question asking who does it is answered by them. Data only; matched per
sentence on folded text and part of the rules' fingerprint (`answers.rules_fingerprint`).
"""

from __future__ import annotations

# (a) A holder other than the speaker, in folded text, with its determiner: a person by
# portfolio or title, a predecessor, another level, a local body, an agency, a court. Not the
# minister's own administration, cabinet or services ("mon cabinet", "mes services").
_DETERMINER = (
    r"(?:(?:le |la |les |l'|un |une |son |sa |ses |leur |leurs |chaque |ce |cette |ces "
    r"|du |de la |des |de l'|au |aux |a la |a l')?(?:seule?s? )?)"
)
_HOLDER = (
    rf"{_DETERMINER}(?:ministres?|secretaires? d'etat|membres? du (?:gouvernement|college)"
    r"|(?:mon|ma|son|sa|leur) (?:collegue|predecesseur|predecessrice)|collegues?|predecesseurs?"
    r"|predecessrice|cabinets?|communes?|conseils? communa\w*|colleges? (?:communa\w*|des"
    r" bourgmestres|de police)|bourgmestres?|echevins?|cpas|zones? de police|police\w*"
    r"|communautes?|federation wallonie-bruxelles|cocof|cocom|commission communautaire\w*"
    r"|autorites? (?:federa|communa|loca|europe|judiciai)\w*|etat federal|federal"
    r"|gouvernement federal|inami|onem|spf|sncb|stib|infrabel|regulateur\w*|agences?"
    r"|gouvernements? (?:flamand|wallon|de la communaute)\w*|regions? (?:flamande|wallonne)"
    r"|offices?|regies?|intercommunales?|operateurs?|gestionnaires?|societes?|organismes?"
    r"|instituts?|juridictions?|tribuna\w*|cours?|juges?|parquets?|conseil d'etat"
    r"|banque nationale|union europeenne|commission europeenne|universites?|ecoles?"
    r"|gemeente\w*|ocmw|politiezone\w*|rechtbank\w*|ondernemingsrechtbank|gemeenschap\w*"
    r"|federale overheid|collega\w*|minister\w*|staatssecretaris)\b"
)
# Verbs of holding, keeping or handling what was asked, as a participle with its agent.
# Not "suivi", "piloté", "assuré": how a file is followed is often the answer's own account
# ("Ce dossier est suivi par le ministre de la Mobilité avec l'appui de douze agents").
_HELD = (
    r"(?:tenu|detenu|conserve|collecte|centralise|recense|gere|exerce|traite|instruit|assume"
    r"|confie|transfere|delegue)e?s?"
)
# Not denied: "Aucune compétence n'a été transférée aux communes" says what stays.
_NOT_DENIED = r"(?<!n')(?<!ne )"
_AGENT = rf"{_NOT_DENIED}\b(?:est|sont|sera|seront|etait|etaient|a ete|ont ete|reste|restent"
_AGENT += r"|demeure\w*)"
_AGENT += rf" (?:\w+ ){{0,3}}?{_HELD} (?:[^.;,]{{0,30}} )?(?:par|a|au|aux) {_HOLDER}"
# A verb of doing in a cleft: "c'est X qui suit ce projet".
_DOES = (
    r"(?:suit|suivent|gere|gerent|detient|detiennent|traite|traitent|pilote|pilotent|tient"
    r"|tiennent|dispose|disposent|decide|decident|instruit|instruisent|assure|assurent"
    r"|(?:est|sont) (?:charge|competent|responsable)e?s?|(?:a|ont) (?:la charge|en charge))"
)
# A holder's power alone: "seul le conseil communal peut ...", "seule la zone ... est en mesure".
_ALONE = (
    r"(?:peu\w*|pourr\w*|(?:est|sont|serai\w*) (?:en mesure|habilite\w*|competente?s?"
    r"|autorise\w*))"
)
# The speaker's side, for the denials: the minister, the Region, its government.
_SPEAKER = (
    r"(?:je|j'|nous|moi|la region|le gouvernement|le college|ni la region|ni le gouvernement"
    r"|le gouvernement (?:bruxellois|federal)|l'etat federal|mon departement|la belgique)"
)

# Weak readings: they decide only when the answer says nothing of its own (`answers`).
DECLARING: tuple[str, ...] = (
    _AGENT,
    # Deciding verbs with the holder as their agent, the weakest reading: "Le tarif est fixé par
    # le conseil communal", "La dérogation est délivrée par la commune".
    rf"{_NOT_DENIED}\b(?:est|sont|sera|seront|etait|etaient|a ete|ont ete|reste|restent)"
    r" (?:\w+ ){0,3}?(?:fixe|decide|arrete|determine|organise|regle|delivre|octroye|accorde"
    rf"|autorise|impose|prescrit)e?s? (?:[^.;,]{{0,30}} )?par {_HOLDER}",
    # The speaker cannot decide it, whatever follows ("Le Gouvernement ne peut se substituer
    # au conseil d'administration").
    r"\b(?:je|nous|la region|le gouvernement|le college)\b[^.;]{0,30}? (?:ne|n') ?(?:peu\w*"
    r"|pui\w*|saur\w*|pourr\w*) (?:pas |en aucun cas |nullement )?(?:me |nous |se |m'|s')?"
    r"(?:prononcer|intervenir|statuer|trancher|substituer)\b",
    # The cleft's holder by a title and a name too: "C'est M. Karim Benali, ministre de la
    # Mobilité, qui suit ce dossier" ("M." ends no sentence, `answer_sentences`).
    rf"\bc'est (?:donc |desormais |aujourd'hui |dorenavant |bien )?(?:{_HOLDER}|(?:m\.|mme|madame"
    rf"|monsieur) \w+)[^.;]{{0,80}}? qui (?:\w+ )?{_DOES}\b",
    rf"(?:^|[^\w])seule?s? {_HOLDER}[^.;]{{0,60}}? {_ALONE}\b",
    rf"\b(?:est|sont|reste|restent|demeure|demeurent) (?:une |des )?(?:decisions?|choix"
    rf"|prerogatives?) (?:\w+ )?(?:propres? |individuelles? |souveraines? |exclusives? )?"
    rf"(?:du|de la|des|de l'|d') ?{_HOLDER}",
    r"\b(?:est|sont|reste|restent|demeure|demeurent) (?:seule?s? |pleinement |entierement )?"
    r"(?:maitre|maitresse|juges?)s? (?:de ses|de leurs|de leur|de son|de sa|du|de la|des|de l')",
    r"\b(?:qui|ce qui) n'(?:est|etait) pas (?:le mien|la mienne|de mon ressort|de ma competence"
    r"|le cas)\b|\bn'(?:est|etait) pas (?:le mien|la mienne)\b",
    rf"\b{_SPEAKER}\b[^.;]{{0,60}}? (?:ne|n') ?(?:peu\w*|pourr\w*|saur\w*|doi\w*)"
    r" (?:pas |en rien |aucunement )?s'(?:y )?immiscer\b",
    rf"\b{_SPEAKER}\b[^.;]{{0,40}}? n'(?:a|ont|avons|ai) (?:aucune (?:prise|emprise|influence"
    r"|competence)|aucun pouvoir|pas de (?:prise|pouvoir|competence)|pas d'(?:emprise|influence)"
    r"|nulle (?:prise|emprise|influence|competence))\b",
    r"\b(?:komt|kwam) (?:mij|ons|(?:de|het) (?:\w+ )?(?:minister|gewest|regering|college)\w*)"
    r"(?: \w+){0,3}? niet toe\b",
    # Dutch, the holder as the agent, the participle last: "Dit dossier wordt door de
    # ondernemingsrechtbank behandeld".
    r"\b(?:wordt|worden|werd|werden)(?: \w+){0,2}? door (?:de |het )?(?:\w+ )?(?:\w*gemeente\w*"
    r"|ocmw|\w*rechtbank\w*|\w*rechter\w*|\w*gemeenschap\w*|politiezone\w*|federale \w+"
    # Its portfolio may follow: "door mijn collega van Mobiliteit behandeld".
    r"|collega\w*|\w*minister\w*|staatssecretaris)(?: (?:van|voor|bevoegd voor|belast met)"
    r"(?: \w+){1,3}?)?\s(?:behandeld|beheerd|bijgehouden|gevolgd"
    r"|opgevolgd|onderzocht|beoordeeld)\b",
    r"\b(?:is|zijn) (?:een |de )?(?:zuiver|louter|uitsluitend|strikt) (?:gemeentelijke|lokale"
    r"|communautaire|gemeenschaps\w*) (?:aangelegenheid|bevoegdheid|materie|zaak)\b",
)

# Round 17's writer said (b) by a duty in a cleft or to a holder just named, or denied the
# speaker's side that duty; kept only as they read other writers' refusals too (BENCHMARKS.md).
_PRONOUN_HOLDER = (
    r"(?:celui-ci|celle-ci|ceux-ci|celles-ci|ce dernier|cette derniere|ces derniers"
    r"|ces dernieres)"
)
_DUTY = r"(?:appart\w*|rev(?:ient|iennent|iendra|iendrait|enait)|incomb\w*)"
DECLARING += (
    # The duty is the holder's, any verb after it: in a cleft, "c'est au parquet qu'il revient
    # d'établir les causes", or to a holder just named, "Il appartiendra à celui-ci de dire si".
    # Not "il appartient au juge de trancher" alone: stating the law is often the answer itself.
    rf"\bil {_DUTY} (?:\w+ ){{0,2}}?a {_PRONOUN_HOLDER} (?:de |d')\w+",
    rf"\bc'est (?:donc |des lors |bien |alors )?(?:a )?(?:{_HOLDER}|{_PRONOUN_HOLDER})"
    rf"[^.;]{{0,80}}? qu'il {_DUTY} (?:de |d')\w+",
    # The speaker's side denied the duty: "Ce n'est pas à la Région d'en fixer les conditions".
    r"\b(?:ce n'est pas|ce n'est donc pas|il n'(?:appart|rev|incomb)\w* pas) (?:a |au |aux )"
    r"(?:moi|nous|la region|l'autorite regionale|gouvernement|college|l'etat federal|la belgique"
    r"|ministre|mon departement)\b[^.;]{0,40}? (?:de |d')\w+",
    # Dutch, another level's matter named by its class: "Dat is een federale materie".
    r"\b(?:is|zijn|blijft|blijven) (?:een |de )?(?:exclusieve |zuiver |louter )?(?:federale"
    r"|gemeentelijke|communautaire|europese|lokale) (?:materie|aangelegenheid)\b",
)

# A directive to take it to another holder or level, in any mood: "il faut que cette demande
# soit portée au niveau fédéral", "qu'il conviendrait de demander au Gouvernement flamand",
# "Ne serait-il pas plus indiqué d'interroger la STIB" (the shape of 22 of the other writers'
# 470 refusals).
_DIRECTIVE = (
    r"(?:il (?:faut|faudrait|faudra|convient|conviendrait|conviendra|y a lieu|y aurait lieu"
    r"|serait (?:plus |davantage |donc )?(?:indique|judicieux|opportun|pertinent|preferable"
    r"|approprie))|serait-il pas (?:plus |davantage )?(?:indique|judicieux|opportun|pertinent"
    r"|preferable|approprie)|devr\w*(?: plutot| donc| des lors)? etre|doi\w* etre"
    r"|meriter\w* d'etre)"
)
_ADDRESSED = (
    r"(?:portee?s?|adressee?s?|posee?s?|soumise?s?|renvoyee?s?|demander|interroger|solliciter"
    r"|soumettre|adresser|poser|porter|vous adresser|s'adresser|vous tourner|se tourner)"
)
_LEVEL_TO = (
    r"(?:au niveau (?:federal|europeen|communal|local|communautaire|de l'union europeenne"
    r"|des communes|des communautes)|a ce niveau|a cet echelon|a ce niveau de pouvoir)"
)
DIRECTING: tuple[str, ...] = (
    rf"\b{_DIRECTIVE}\b[^.;?]{{0,60}}?\b{_ADDRESSED} (?:\w+ )?(?:(?:a |aupres (?:de |du |des |d')"
    rf"|vers )?(?:{_HOLDER}|{_PRONOUN_HOLDER})|{_LEVEL_TO})",
)

# Strong readings: the member sent on to the holder named before.
SENDING: tuple[str, ...] = (
    *DIRECTING,
    r"\b(?:il|elle|ils|elles|celui-ci|celle-ci|ce dernier|cette derniere|ses services"
    r"|son cabinet|leurs services) (?:\w+ )?(?:pourr\w*|peu\w*|saur\w*|(?:sera|seront) en mesure"
    r" de) (?:\w+ )?vous (?:renseigner|repondre|informer|eclairer|fournir|communiquer"
    r"|transmettre)\b",
    r"\b(?:u|het geachte lid|de vraagsteller)\b[^.;]{0,30}? zich\b[^.;]{0,40}? tot\b[^.;]{0,60}?"
    r" (?:richten|wenden)\b",
    r"\b(?:zijn|is|kunnen|kan) (?:\w+ )?bij (?:de|het|die|deze) [^.;]{0,40}?(?:op te vragen"
    r"|worden opgevraagd|opvragen|aan te vragen)\b",
)

# The question sent on to the holder just named, by pronouns: "Je la lui ai transmise", "Je les
# leur ai fait suivre", "Je l'ai transmise à ma collègue", "Je lui ai demandé de vous répondre",
# "Ik heb ze aan haar doorgestuurd". Alone, such a sentence could hand anything to anyone ("Je
# les lui ai transmis" after the mayor asked for a report): it is read only after a sentence
# that says whose matter it is (`answers`), as that refusal's sending, not as information of
# the answer's own.
_SENT_ON = (
    r"(?:transmis|transmets|transmettrai|transmettre|fait suivre|fais suivre|ferai suivre"
    r"|faire suivre|communique|relaye|relayer|adresse|soumis|envoye|renvoye|fait parvenir)e?s?\b"
)
_THEN = r"(?:deja |donc |aussitot |immediatement |egalement |directement )?"
_TO_THEM = (
    rf"(?:a|au|aux) (?:{_HOLDER}|elle\b|lui\b|eux\b|elles\b|celle-ci|celui-ci|ceux-ci"
    r"|celles-ci|ce dernier|cette derniere)"
)
_DUTCH_TO_THEM = r"(?:aan|naar) (?:haar|hem|hen|die|deze|hun|zijn|de|het)\b"
# Not when the holder's reply follows: "Je l'ai transmise à la commune, qui m'informe que ...",
# "... doorgestuurd, die mij meldt dat ..." (the minister asked, and tells what they heard).
_NO_REPLY = (
    r"(?![^.;]*\b(?:m'|me |nous |mij |ons )(?:a |ont |avait |heeft |hebben )?(?:informe|indique"
    r"|communique|precise|repond|fait savoir|signale|ecrit|confirme|meld|laat weten|liet weten"
    r"|deel|bevestig|antwoord))"
)
_RELAYED: tuple[str, ...] = (
    rf"\b(?:je|nous) (?:vais |allons )?(?:l'|la |les )(?:lui|leur) (?:ai |avons )?{_THEN}"
    rf"{_SENT_ON}",
    rf"\b(?:je|nous) (?:vais |allons )?(?:l'|la |les )(?:ai |avons )?{_THEN}{_SENT_ON}"
    rf" {_TO_THEM}",
    rf"\b(?:je|nous) (?:lui |leur |l'|les |la )(?:ai |avons )?{_THEN}(?:demande|prie|invite)e?s?"
    r" (?:de |d'|a )(?:vous |y )?(?:repondre|renseigner|informer|communiquer|transmettre"
    r"|fournir|apporter)\b",
    r"\b(?:ik|wij|we) (?:heb|hebben) (?:ze|die|deze|hem|het|uw vra\w+) (?:\w+ )?"
    rf"{_DUTCH_TO_THEM}[^.;]{{0,40}}?\b(?:doorgestuurd|overgemaakt|doorgegeven|bezorgd"
    r"|voorgelegd|overgezonden)\b",
    r"\b(?:ik|wij|we) (?:stuur|sturen|maak|maken|geef|geven) (?:ze|die|deze|hem|het) (?:\w+ )?"
    rf"(?:door|over) {_DUTCH_TO_THEM}",
    r"\b(?:ik|wij|we) (?:heb|hebben) (?:haar|hem|hen|die|deze|de \w+|het \w+) (?:\w+ )?gevraagd"
    r" (?:om )?(?:u|het (?:geachte )?lid)\b[^.;]{0,30}? te (?:antwoorden|beantwoorden"
    r"|informeren)\b",
)
RELAYING = tuple(f"(?:{relayed}){_NO_REPLY}" for relayed in _RELAYED)

# Literal pieces each phrasing above holds, for the keyword gate (`answer_keywords`): the verb
# or the word of each clause shape, not the holders' words (gating every sentence that names a
# commune or a minister made typing 1.6 times slower). One string split, since a literal tuple
# takes a line a piece.
_GATE_PIECES = (
    " tenu |tenus |tenue|detenu|conserve|collecte|centralise|recense| gere | geres |geree|"
    "exerce|assume|confie|transfere|delegue|c'est|seul|decision|choix|prerogative|maitre|"
    "juge|le mien|la mienne|mon ressort|ma competence|pas le cas|immiscer|aucune prise|"
    "aucune emprise|aucune influence|aucune competence|aucun pouvoir|pas de prise|"
    "pas de pouvoir|pas de competence|pas d'emprise|pas d'influence|nulle prise|"
    "nulle emprise|nulle influence|nulle competence|niet toe|behandeld|beheerd|bijgehouden|"
    "gevolgd|onderzocht|beoordeeld|zuiver|louter|uitsluitend|strikt|richten|wenden|"
    "op te vragen|opgevraagd|opvragen|aan te vragen|prononcer|intervenir|statuer|trancher|"
    "substituer|vous renseigner|vous repondre|vous informer|vous eclairer|vous fournir|"
    "vous communiquer|vous transmettre|fixe|decide|arrete|determine|organise|regle|delivre|"
    "octroye|accorde|autorise|impose|prescrit| traite | traites |traitee|instrui|"
    "appart|revien|revenait|incomb|materie|aangelegenheid|il faut|il faudr|il conv|il y a lieu|"
    "ce n'est pas a|ce n'est pas au|ce n'est donc pas a|ce n'est donc pas au|"
    "il y aurait lieu|serait|devr|doit etre|doivent etre|meriter"
)
GATE = tuple(_GATE_PIECES.split("|"))
