"""Referrals and refusals read as speech acts, whatever their wording (`analyze.answers`): data.

Each revision so far was written from one blind round's misses and reached few of the next
round's (BENCHMARKS.md). Round 13's dev half and the rounds before it, grouped by what the
answer does rather than by its words, show a handful of acts that the phrasings knew in one
mood or person only. These read each act by its parts, in French and Dutch:

- *a bare pointer*: "Voir QE 1187.", "Cf. ma réponse à la question n° 12", "Zie vraag nr. 233";
- *what was said or answered before, elsewhere* (a referral to an earlier statement, not to a
  document): "je vous renvoie à ce que j'ai répondu ...", "verwijs ik naar wat ik heb
  geantwoord op ...", "aux éléments que j'ai communiqués en réponse à votre interpellation";
- *the answer given or to come in another forum*: "Il sera répondu à ces questions dans le
  cadre du débat d'actualité", "Op deze vraag werd geantwoord tijdens de commissie";
- *the answer unchanged*: "Ma réponse est inchangée par rapport à celle que ...", "Je n'ai
  rien à ajouter à ma réponse à la question n° ...", "Mijn antwoord blijft ongewijzigd";
- *a directive to the member* in the imperative, the infinitive, the subjunctive or a polite
  formula ("Veuillez", "Prière de", "Que l'honorable membre veuille bien", "Je suggère que ...
  s'adresse", "Je vous saurais gré de", "Gelieve", "Ik nodig het geachte lid uit", "Ik raad u
  aan", "wordt verzocht"): to consult a document (a referral) or to turn to a holder other than
  the minister's own services (a sending);
- *another's duty to answer*: "C'est dès lors à la ministre fédérale qu'il appartient de
  répondre", "Il reviendra au Collège réuni de vous répondre", "Het komt de minister toe om";
- *the question handed on*, any tense and voice: "Vos questions ont été transmises à la
  ministre fédérale", "Uw vraag werd doorgestuurd naar de bevoegde minister";
- *outside the remit*, any article and number: "échappe entièrement à la compétence
  régionale", "sort de mon domaine de compétence", "Je n'ai pas la compétence des routes
  aériennes", "behoort niet tot de gewestelijke bevoegdheid";
- *where it was published* (a weaker pointer, `LOCATED`, that decides only when the answer says
  nothing of its own): "a fait l'objet d'un communiqué de presse", ", disponible sur le site
  ...", "Les éléments demandés y figurent".

Each is the minister's (or the government's) own act, the member the one sent or addressed, the
member's question the thing handed on, a holder the recipient and a parliamentary forum the
place "answered elsewhere": another body's request, duty, answer or procedure ("L'avis ... se
réfère aux éléments que la commune a communiqués", "Cette question est soumise au Conseil
économique et social, qui a rendu un avis", "Les nouveaux locataires sont invités à consulter le
guide") is what was asked, not a referral or a refusal (review s17, tests/data/
answer_type_negatives_3.toml). The same review's missed refusals read since: "Mon homologue
fédéral est seul habilité à y répondre", "Deze vraag hoort thuis bij de minister van ...", "Dit
is een federale materie." (the whole sentence), "Het antwoord werd reeds gegeven in de
commissie ...".

Matched per folded sentence like every phrasing; part of the rules' fingerprint
(`answers.rules_fingerprint`).
"""

from __future__ import annotations

from pqsearch.analyze.answer_phrases import MEMBER

# A question or an answer cited by its number, with what may stand between.
_CITED = (
    r"(?:questions?|vra(?:ag|gen)|qe|qo|qrva|reponses?|antwoord\w*|interpellations?"
    r"|interpellaties?)\b[^;\d]{0,40}?\d"
)
# Documents that replace an answer, by class (as `answer_documents`' `_DOCUMENT`).
DOCUMENT = (
    r"(?:rapports?|communiques?|documents?|etudes?|bilans?|notes?|brochures?|sites?|pages?"
    r"|publications?|cahiers?|comptes?|budgets?|annuaires?|bulletins?|portails?|plateformes?"
    r"|fiches?|guides?|barometres?|observatoires?|registres?|repertoires?|cadastres?"
    r"|persbericht\w*|website|verslag\w*|nota|studie|rapport|jaarverslag\w*|brochure|databank"
    r"|register|barometer|publicatie\w*|portaal)"
)
# Not a pointer inside the answer's own text: "voir ci-dessous", "zie punt 2", "zie bijlage".
_NOT_HERE = (
    r"(?![^;]*\b(?:ci-dessous|ci-dessus|ci-apres|infra|supra|hieronder|hierboven|hierna|punt"
    r"|point|annexe|bijlage|ci-joint\w*|bijgevoegd\w*)\b)"
)
# Whom a member may be sent to, other than the minister's own services.
HOLDER = (
    r"(?:ministres?|collegues?|secretaires? d'etat|homologues?|gouvernements?|colleges?|communes?"
    r"|ville|bourgmestres?|cpas|regions?|communautes?|commission communautaire|federa\w*"
    r"|autorites?|spf|zones? de police|parquets?|instances?|organismes?|agences?|operateurs?"
    r"|societes?|gestionnaires?|intercommunales?|membres du (?:college|gouvernement)"
    r"|minister\w*|collega\w*|staatssecretaris|regering|college|gemeente\w*|ocmw|gewest\w*"
    r"|gemeenschap\w*|politiezone\w*|federale|bevoegde|vlaamse|franse|nmbs|mivb|instantie\w*"
    r"|overheid\w*|stib|mivb|sncb|fod|iriscare|actiris|cocof|cocom|vgc|ggc|skeyes|bruxelles"
    r"|brussel)"
)
# Not the minister's own services: "adressez-vous à mon administration" is no sending.
NOT_OWN = (
    r"(?!(?:mon|ma|mes|notre|nos|mijn|onze) (?:administration|services?|cabinet|cellule"
    r"|departement|administratie|diensten|kabinet)\b)"
)
# Not another's answer: "la réponse qu'elle a déposée", "het antwoord van de MIVB" (but the
# answer of a colleague minister, or of a date, is an earlier answer).
_OTHERS = (
    r"(?! (?:qu'(?:il|elle|ils|elles)\b|(?:de la|du|des|de l'|van de|van het) (?!\d|(?:\w+ )?"
    r"(?:ministre|collegue|secretaire|minister|collega|staatssecretaris|precedent|vorig))))"
)
# The holder the question is handed on to ("au Collège réuni", "aan de bevoegde minister"), not
# an advisory body that gives its opinion ("soumise au Conseil économique et social").
TO_HOLDER = rf"(?:la |le |les |l'|de |het |een )?(?:\w+ )?{HOLDER}\b"
# Not a route of appeal offered if the answer does not satisfy (the s17 review's r17s-44): "het
# geachte lid kan zich richten tot de ombudsman indien het antwoord niet voldoet", "en cas de
# désaccord, ... peut saisir le médiateur" tells the procedure asked.
NOT_APPEAL = (
    r"(?![^.;]*\b(?:ombuds\w*|mediateur\w*|service de mediation|indien (?:het|de|dit) \w+ niet"
    r" (?:voldoe\w*|bevredig\w*)|ontevreden|niet tevreden|ne (?:vous |lui )?(?:satisfait|convient)"
    r" pas|insatisfait\w*|en cas de (?:desaccord|contestation|litige|refus))\b)"
)
# A directive to the member, any mood: the imperative, the infinitive, the subjunctive, a polite
# formula, an invitation or a suggestion.
_DIRECTIVE_FR = (
    r"(?:\bveuillez |\bveuille(?:nt)? bien |\bvoudr\w* bien |\bpriere d(?:e |')"
    r"|\bje vous saurais gre d(?:e |')|\bil (?:est|serait) (?:suggere|conseille|recommande"
    r"|propose|demande) (?:a "
    rf"{MEMBER} )?d(?:e |')|\b(?:{MEMBER}|vous) (?:est|etes|serait|seriez)"
    r" (?:prie|invite|convie)e?s? (?:a |de |d')"
    rf"|\b(?:je|nous) (?:suggere|suggerons|propose|proposons|conseille|conseillons|recommande"
    rf"|recommandons) (?:donc |des lors )?(?:que |qu'|a {MEMBER} d(?:e |')|d(?:e |')))"
)
DIRECTIVE_NL = (
    r"(?:\bgelieve|\bgelieven|\b(?:ik|wij|we) (?:nodig|nodigen) (?:u|het (?:geachte )?lid"
    r"|de vraagsteller)(?: \w+){0,2}? uit|\b(?:ik|wij|we) (?:raad|raden) (?:u|het (?:geachte )?lid"
    r"|de vraagsteller)(?: \w+){0,2}? aan|\b(?:ik|wij|we) (?:stel|stellen)"
    r" (?:u|het (?:geachte )?lid|de vraagsteller) (?:\w+ )?voor|\b(?:ik|wij|we) (?:stel|stellen)"
    r" (?:\w+ )?voor (?:om|dat (?:u|het (?:geachte )?lid|de vraagsteller))\b"
    r"|\b(?:wordt|worden) (?:\w+ )?verzocht|\b(?:ik|wij|we) (?:verzoek|verzoeken) (?:u|het"
    r" (?:geachte )?lid)|\bhet (?:geachte )?lid (?:kan|kunt|zou|mag|moet))"
)
_CONSULT_FR = (
    r"(?:consulter|se reporter|vous reporter|se referer|vous referer|prendre connaissance)"
)
_ADDRESS_FR = (
    r"(?:s'adress\w*|vous adress\w*|adresser|interroger|contacter|vous tourner|se tourner"
    r"|tourner|saisir|solliciter|prendre contact|poser)"
)
_ASKS_TO_ANSWER = (
    # Answering the member's question, not others' requests ("de répondre aux demandes de
    # prime dans les trente jours" is what the communes do).
    r"(?:(?:y )?repondre(?=\s?[.;,]|$|\s(?:a|sur) (?:votre|vos|cette|ces|la|les|de telles)"
    r" (?:precedente )?questions?\b(?! (?:des|de|d'|du)\b))"
    r"|vous (?:repondre|communiquer|fournir|transmettre|renseigner|informer"
    r"|donner|apporter)|renseigner (?:l'honorable membre|le membre)|se prononcer "
    r"sur (?:cette|ces|vos|votre) questions?)"
)

BY_REFERENCE: tuple[str, ...] = (
    # A bare pointer: "Voir QE 1187.", "Cf. ma réponse à la question n° 233", "Zie vraag nr. 233"
    # (not a pointer inside the answer's own text: "voir ci-dessous", "zie punt 2").
    rf"^\W*(?:voir|cf|zie)\b\.?\s{_NOT_HERE}(?:[^.;\d]{{0,40}}?\b)?{_CITED}",
    # The same to a document (round 14's dev half, r14-005): "Zie het jaarverslag 2025 van
    # Actiris", "Voir le rapport annuel de Bruxelles Environnement", "Cf. notre baromètre".
    rf"^\W*(?:voir|cf|zie|voyez)\b\.?\s{_NOT_HERE}(?:[^.;\d]{{0,30}}?\b)?\w*{DOCUMENT}\b",
    # What was said or answered before: "je vous renvoie à ce que j'ai répondu à la question n°
    # 412", "aux éléments que j'ai communiqués en réponse à votre interpellation", "verwijs ik
    # naar wat ik heb geantwoord op schriftelijke vraag nr. 233".
    r"(?:\b(?:je|nous|vous|me|y)\b|\b[jm]'|\bil est\b)[^.;]{0,30}?"
    r"\b(?:renv[oe]\w*|renverr\w*|refere|referons|reporte|reportons)\b[^.;]{0,40}?\b(?:a|aux)"
    r" (?:ce que|ce qui|tout ce que|(?:mes |nos |les )?(?:elements|informations|precisions"
    r"|explications|chiffres|donnees|propos) (?:que|qui)) (?:j'|nous |je |le |la |l'|ont |a )?"
    r"(?:\w+ ){0,3}?(?:dit|declare|repondu|expose|indique|explique|precise|communique\w*"
    r"|developpe\w*|souligne|annonce|donne\w*|fourni\w*|apporte\w*|presente\w*)\b",
    r"\b(?:verwijs|verwijzen|verwees|verwezen)\b[^.;]{0,60}?\bnaar (?:wat|hetgeen|datgene wat"
    r"|mijn (?:eerdere |vorige )?(?:toelichting|verklaring|uiteenzetting)\w*)\b[^.;]{0,80}?"
    r"\b(?:geantwoord|antwoordde\w*|zei|zeiden|gezegd|verklaarde\w*|verklaard|uiteengezet"
    r"|toegelicht|meegedeeld|gesteld|commissie|plenaire|interpellatie)\b",
    # The answer given, or to come, in another forum: "Il sera répondu à ces questions dans le
    # cadre du débat d'actualité", "je répondrai ... lors de l'interpellation", "ces questions
    # seront abordées en séance plénière", "Op deze vraag werd geantwoord tijdens de commissie".
    r"\b(?:il (?:y )?(?:a ete|sera|est|avait ete|serait|fut|a deja ete) repondu"
    r"(?!(?: \w+)? (?:a|aux?) (?!(?:ces|cette|vos|votre|la|les|sa|ses) (?:\w+ )?"
    r"(?:questions?|interpellations?)\b))|(?:je|nous)"
    r" (?:y )?(?:repondrai|repondrons|ai repondu|avons repondu|ai deja repondu)|(?:ces|cette|vos"
    r"|votre|les) (?:questions?|points?|elements?|sujets?) (?:ont ete|a ete|seront|sera|feront"
    r"|fera|ont deja ete|a deja ete) (?:\w+ )?(?:abordee?s?|debattue?s?|developpee?s?|examinee?s?"
    r"|evoquee?s?|l'objet d'un debat)|(?:une|la|ma) reponse (?:sera|a ete|y sera|leur sera|y a"
    r" ete) (?:\w+ )?(?:apportee|donnee|fournie))\b[^.;]{0,80}?(?:\ben (?:commission|seance"
    r"|pleniere)|\b(?:lors|au cours|a l'occasion|dans le cadre) d(?:e |u |es |')(?:la |l'|le )?"
    r"(?:[\w'-]+ ){0,3}?(?:commission(?! (?:de concertation|d'avis|consultative|royale|paritaire"
    r"|d'agrement|de recours|technique))|seance(?! (?:du|de la) (?:gouvernement|college|conseil))"
    r"|pleniere|debat|interpellation|question orale"
    r"|examen du budget|ajustement budgetaire)|\bdans (?:ma|la|notre) reponse a l'interpellation)",
    r"\b(?:op (?:deze|die|uw|de|dezelfde) vra\w+ (?:werd|is|wordt|zal|werden) (?:reeds |al )?"
    r"(?:\w+ )?geantwoord|(?:deze|die|uw) vra(?:ag|gen) (?:werd|werden|is|zijn|wordt|worden"
    r"|zal|zullen) (?:reeds |al )?(?:\w+ )?(?:beantwoord|besproken|behandeld)|(?:ik|wij|we)"
    r" (?:zal|zullen|heb|hebben) (?:hierop |daarop |op (?:deze|die|uw) vra\w+ )(?:\w+ )?"
    r"(?:antwoorden|geantwoord)|^\W*het antwoord (?:op (?:deze|die|uw) vra\w+ )?(?:werd|is|zal)"
    r" (?:reeds |al )?(?:gegeven|verstrekt|geformuleerd)(?: worden)?)\b[^.;]{0,80}?\b(?:commissie"
    r"|plenaire|plenum|actualiteitsdebat|debat|interpellatie|mondelinge vraag)",
    # The answer unchanged: "Ma réponse est inchangée par rapport à celle que j'ai donnée",
    # "Ma position reste celle exprimée dans ma réponse à la question n° 390", "La réponse
    # donnée à votre question n° 902 reste valable", "Mijn antwoord blijft ongewijzigd".
    r"\b(?:ma|notre) (?:reponse|position)\b[^.;]{0,60}?\b(?:est|reste|demeure|restent)\s(?:\w+ )?"
    r"(?:inchangee|identique|la meme|valable|d'actualite|celle)\b"
    rf"(?!(?: a)? celles? (?:de la |du |des |de l')(?:\w+ )?{HOLDER})",
    r"\b(?:la|cette) reponse (?:donnee|apportee|fournie|faite) a (?:votre|la|vos|sa) (?:precedente"
    r" )?questions?\b[^.;]{0,60}?\b(?:est|reste|demeure)\s(?:\w+ )?(?:inchangee|valable"
    r"|d'actualite|d'application)\b",
    r"\b(?:mijn|ons|het) (?:eerdere |vorige )?antwoord\b[^.;]{0,60}?\b(?:blijft|is) (?:\w+ )?"
    r"(?:ongewijzigd|geldig|hetzelfde|actueel|van toepassing)\b",
    rf"\brien a ajouter a (?:ma|mes|la|notre|nos|cette) (?:precedente )?reponses?\b{_OTHERS}"
    # The earlier answer named first, then nothing to add: "... en réponse à votre question écrite
    # n° 390, à laquelle je n'ai rien à ajouter", "waaraan ik niets heb toe te voegen".
    r"|\b(?:a laquelle|auxquelles|auquel|auxquels) (?:je|nous) n'(?:ai|avons) rien (?:de neuf |de"
    r" plus )?a ajouter\b|\bwaaraan (?:ik|wij|we) niets (?:heb|hebben) toe te voegen\b"
    rf"|\bniets (?:meer )?(?:toe )?te voegen aan (?:mijn|het|ons) (?:\w+ )?antwoord\b{_OTHERS}",
    # The member finds it in an earlier answer: "L'honorable membre trouvera les éléments de
    # réponse dans l'annexe de ma réponse à la question n° 56-158".
    rf"\b(?:vous|{MEMBER}) (?:trouverez|trouvera|pourra trouver|pourrez trouver|trouve)\b"
    r"[^.;]{0,80}?\b(?:ma|notre|mes|nos) (?:precedente )?reponses? (?:a|aux|du|de)\b[^.;]{0,40}?"
    r"\bquestions?\b",
    # "Je ne peux mieux faire que d'y renvoyer l'honorable membre": the document named before.
    rf"\b(?:d'|je vous |nous vous |je |nous )y renv[oe]\w*(?: (?:volontiers|donc))?"
    rf"(?: {MEMBER})?\b(?! (?:les|la|le|des|ces|nos|leurs?) (?!honorable)\w)",
    # A directive to consult a document: "Veuillez consulter le baromètre", "Prière de consulter
    # le rapport annuel", "Que l'honorable membre veuille bien consulter", "Gelieve het
    # jaarverslag te raadplegen", "Ik nodig het geachte lid uit het jaarverslag te raadplegen".
    rf"{_DIRECTIVE_FR}(?:vous |l'honorable membre |s'|se )?(?:\w+ ){{0,2}}?{_CONSULT_FR}\b"
    rf"[^.;]{{0,40}}?\b(?:{DOCUMENT}|reponses?)\b",
    rf"^(?=[^.;]*\b{DOCUMENT}\b){DIRECTIVE_NL}\b[^.;]{{0,100}}?\b(?:te raadplegen|na te lezen"
    r"|in te kijken|te consulteren|raadplegen)\b",
)

# A sending in any mood: the member directed to another holder, another's duty to answer, the
# question handed on.
SENDING: tuple[str, ...] = (
    # "Prière d'adresser cette question au Collège", "Je suggère que l'honorable membre
    # s'adresse aux membres du Collège réuni", "Que l'honorable membre veuille bien interroger la
    # ministre fédérale".
    rf"{_DIRECTIVE_FR}(?:{MEMBER} |vous |l'honorable membre )?(?:vous |s'|se )?(?:\w+ ){{0,2}}?"
    rf"{_ADDRESS_FR}\b(?: (?:votre|cette|vos|ces|sa|la|les) questions?)?(?: (?:a|au|aux|a la"
    rf"|aupres d\w*|vers))? (?:\w+ )?{NOT_OWN}(?:la |le |les |l'|un |une )?(?:\w+ )?{HOLDER}"
    rf"{NOT_APPEAL}",
    # "Ik nodig het geachte lid uit zich te wenden tot het College", "Gelieve u te wenden tot",
    # "Het geachte lid kan zich richten tot", "Ik raad u aan contact op te nemen met de gemeente",
    # "Ik stel voor dat het geachte lid zich tot de NMBS wendt".
    rf"{DIRECTIVE_NL}\b[^.;]{{0,60}}?(?:\b(?:zich|u|zich rechtstreeks|u rechtstreeks) (?:te )?"
    rf"(?:wenden|richten) tot|\bcontact (?:op te nemen|opnemen|te nemen) met|\bzich tot\b)"
    rf" {NOT_OWN}{NOT_APPEAL}",
    # Another's duty to answer: "C'est dès lors à la ministre fédérale de la Mobilité qu'il
    # appartient de répondre", "Il reviendra au Collège réuni ... de vous répondre".
    r"\bc'est (?:donc |des lors |plutot |bien |par consequent )?(?:a |au |aux )[^.;]{0,160}? qu'il"
    rf" (?:appart\w*|rev\w*|incomb\w*) (?:de |d'){_ASKS_TO_ANSWER}\b",
    r"\bil (?:appart\w*|rev\w*|incomb\w*)(?: (?:donc|des lors|par consequent|en premier lieu"
    r"|plutot))? (?:a |au |aux )(?!moi\b|nous\b|la region\b|mon |ma |mes |notre |nos |(?:la |l')?"
    r"(?:juges?|tribuna\w*|cours?|employeurs?)\b)"
    rf"[^.;]{{0,160}}? (?:de |d'){_ASKS_TO_ANSWER}\b",
    r"\bhet (?:komt|behoort) (?:aan )?(?!mij\b|ons\b|het gewest\b)[^.;]{0,60}?"
    r" toe om (?:(?:(?:op )?(?:deze|uw|die|de|dergelijke) vra\w+|hierop|daarop|u|het (?:geachte )?"
    r"lid) )?(?:\w+ )?te (?:be)?antwoorden\b|\bhet is de (?:taak|bevoegdheid|rol) van (?!mij\b"
    r"|het gewest\b|de regering\b)[^.;]{0,60}? om (?:(?:deze|uw|die|de|dergelijke) vra\w+|hierop"
    r"|daarop|u|het (?:geachte )?lid) (?:\w+ )?te (?:be)?antwoorden\b",
    # The question handed on, any tense and voice: "Vos questions ont été transmises à la
    # ministre fédérale", "J'ai transmis vos questions au ministre fédéral", "Uw vraag werd
    # doorgestuurd naar de bevoegde federale minister".
    r"\b(?:votre|vos|cette|ces) questions? (?:\w+ )?(?:a|ont|sera|seront|est|sont|vient"
    r"|viennent)(?: ete| d'etre| deja ete| donc ete| des lors ete)? (?:transmise|relayee"
    r"|reorientee|renvoyee|soumise|redirigee|transferee)s? (?:\w+ )?(?:a|au|aux|aupres d\w*"
    rf"|vers) (?!l'honorable|vous\b){NOT_OWN}{TO_HOLDER}",
    r"\b(?:j'ai|nous avons|je|nous|je vais|nous allons)(?: \w+)? (?:transmis|relaye|reoriente"
    r"|renvoye|transmets|transmettrai|transmettons|transmettrons|transfere|soumis|transmettre"
    r"|relayer|soumettre) (?:donc |des lors )?(?:votre|vos|cette|ces) questions? (?:\w+ )?(?:a|au"
    rf"|aux|aupres d\w*|vers) (?!l'honorable|vous\b){NOT_OWN}{TO_HOLDER}",
    # The questions named in the sentence before: "Les questions posées relèvent du membre du
    # Gouvernement chargé des Sports. Elles lui ont été transmises."
    r"^\W*(?:elles|celles-ci|elle|celle-ci) (?:lui|leur) (?:ont|a|seront|sera) (?:ete |deja ete "
    r"|donc ete |des lors ete )?(?:transmise|relayee|soumise|reorientee|transferee)s?\W*$",
    r"\b(?:uw|deze|die) vra(?:ag|gen)\b (?:werd|werden|is|zijn|wordt|worden|zal|zullen) (?:\w+ )?"
    r"(?:doorgestuurd|overgemaakt|doorgegeven|voorgelegd|overgezonden|doorverwezen)(?: worden)?"
    rf" (?:aan|naar) (?!u\b|het (?:geachte )?lid){NOT_OWN}{TO_HOLDER}",
    # The question's place: "Deze vraag hoort thuis bij de minister van Binnenlandse Zaken".
    r"\b(?:uw|deze|die) (?:vra(?:ag|gen)|aangelegenhe\w+|materie|kwestie) (?:hoort|horen|hoorde)"
    rf" (?:eerder |veeleer )?thuis bij {NOT_OWN}{TO_HOLDER}",
    # Another holder alone empowered to answer: "Mon homologue fédéral est seul habilité à y
    # répondre" (not "la commune est compétente pour répondre aux demandes de prime").
    rf"\b{HOLDER}\b[^.;]{{0,40}}? (?:est|sont|serait|seraient|sera|seront) (?:\w+ )?(?:seule?s?"
    r" |le seul |la seule |les seuls |les seules )?(?:habilitee?s?|competente?s?|a meme) (?:pour"
    rf" |a |d')(?:{_ASKS_TO_ANSWER})\b",
)

# Outside the remit, any article, number and verb.
DECLARING: tuple[str, ...] = (
    # "Cette matière échappe entièrement à la compétence régionale", "sort de mon domaine de
    # compétence", "échappent aux attributions régionales" (not what picks out some: "les
    # travaux qui dépassent les compétences de la Région sont financés par ...").
    r"\b(?:questions?|matieres?|demandes?|sujets?|dossiers?|points?|domaines?|thematiques?"
    r"|problematiques?|aspects?|volets?|cela|ceci|elles?|ils?)(?: (?!qui\b)\w+){0,2}? (?:echapp\w*"
    r"|sort\w*|depass\w*|exced\w*)(?: (?:entierement|totalement|completement|largement|donc"
    r"|des lors|toutefois|clairement))? (?:a la |aux |au |a |du |de |des )?(?:cadre |champ "
    r"|domaine )?(?:de |des |du )?(?:la |les )?"
    r"(?:(?:mes|nos|ma|mon|notre) (?:domaine de )?(?:competences?|attributions?|ressort)"
    r"|(?:competences?|attributions?) (?:regionale?s?|federale?s?|de la region|du gouvernement"
    r"|du college|ministerielles?|de mon departement))\b"
    r"(?! (?:habituel|ordinair|normal|propre|strict)\w*)",
    # "Je n'ai pas la compétence des routes aériennes", "la Région ne dispose d'aucune
    # compétence en la matière".
    r"\b(?:je|nous|la region|le gouvernement|le college) (?:n'ai|n'avons|n'a|ne dispose"
    r"|ne disposons|ne detiens|ne detenons) (?:pas|aucune?|nullement|d'aucune) (?:de |d'|la |les"
    r" )?(?:competences?|attributions?)\b(?! (?:pour|en) (?:\w+ )?que\b)"
    r"(?! (?:de |d'|pour )\w+(?:er|ir|re)\b)(?![^.;]*\bmais\b)",
    # "Deze aangelegenheid behoort niet tot de gewestelijke bevoegdheid", "valt niet onder mijn
    # bevoegdheid".
    r"\b(?:behoort|behoren|valt|vallen|viel|vielen|hoort|horen) (?:dus |derhalve |echter |evenwel"
    r" )?niet (?:tot|onder) (?:(?:mijn|onze) (?:\w+ )?|de (?:gewestelijke|regionale|brusselse) )"
    r"bevoegdhe\w*",
    # The whole sentence classes the matter: "Dit is een gemeentelijke materie." (federal and
    # regional "materie" by who answers, `answer_gates.classes_another_level`).
    r"^\W*(?:dit|dat|het|deze (?:aangelegenheid|kwestie|vraag)) is (?:dus |echter )?(?:een )?"
    r"(?:(?:gemeentelijke|communautaire|vlaamse|franse|europese) (?:materie|aangelegenheid"
    r"|bevoegdheid)|federale bevoegdheid)\W*$",
)

# What was asked, said to be there, in the document named before: "Les éléments demandés y
# figurent", "les chiffres ... y sont détaillés".
POINTED_BY_Y = (
    r"\b(?:elements|informations|donnees|chiffres|reponses|precisions|renseignements|statistiques"
    r"|montants|resultats|outils)\b[^.;]{0,60}? y (?:figurent|figure|sont (?:\w+ )?(?:repris"
    r"|detailles|presentes|disponibles|consultables|exposes|ventiles))\b"
)

# Where it was published: a weaker pointer (`answers`), as `answer_documents.LOCATED`.
LOCATED: tuple[str, ...] = (
    # "La liste des lauréats a fait l'objet d'un communiqué de presse le 4 mai".
    r"\b(?:a|ont|avait|avaient|fera|feront|fait|font) (?:deja |egalement |recemment |aussi )?"
    r"(?:fait )?l'objet d'(?:un|une) (?:\w+ )?(?:communique|publication|rapport|note|brochure"
    r"|fiche|bilan|article|presentation publique|mise en ligne)\b",
    # ", disponible sur le site equal.brussels".
    r",\s(?:disponibles?|consultables?|publiee?s?|accessibles?|telechargeables?|en ligne) "
    rf"(?:\w+ )?(?:sur|dans|via) (?:le |la |les |l'|son |sa |ses |leur )?(?:\w+ )?{DOCUMENT}\b",
    POINTED_BY_Y,
)

# Literal pieces of the phrasings above that `answer_keywords.KEYWORDS` and the other gates do
# not already give ("repon", "question", "compet", "consult", "renv", "transm", "bevoeg", ...),
# for the keyword gate: each match holds one. Common words ("prie", "sort", "n'a pas") would
# send many more sentences through every phrasing.
_GATE_PIECES = (
    "qe|qo|qrva|interpellat|verwe|aborde|debattu|evoque|developpe|examine|examen du budget|"
    "ajustement budget|inchangee|la meme|valable|d'actualite|reste celle|demeure celle|"
    "est celle|a ajouter|toe te voegen|contacter|saisir|sollicit|prendre contact|"
    "wenden tot|richten tot|zich tot|contact op|contact te|te kijken|reviendr|toe om|"
    "de taak van|de rol van|relay|soumis|soumet|transfer|doorgestuurd|overgemaakt|doorgegeven|"
    "voorgelegd|overgezonden|thuis bij|habilite|a meme|e materie|het antwoord werd|"
    "het antwoord is|doorverwezen|l'objet d|, disponible|, consultable|, publie|"
    ", accessible|, telecharge|, en ligne|y figur|y sont|voir le |voir la |voir les |voir l'|"
    "voir notre |voir mon |voir ma |voir nos |zie het |zie de |zie ons |zie onze |zie mijn "
)
GATE = tuple(_GATE_PIECES.split("|"))
