"""The phrasings the answer types are read by (`analyze.answers`): data, not logic.

Every pattern is matched per sentence on text folded to unaccented lowercase characters (see
`fold_in_place`), and written for any tense, mood, person and voice, and with or without the
colleague's name: French first, with the Dutch of the federal Chamber's bulletins. Their text
is part of the rules' fingerprint (`answers.rules_fingerprint`): a change here makes every
index re-derive its answer types at its next ingest. The phrasings of answers not printed
are in `answer_unpublished`, those that point to another answer in `answer_earlier`.
"""

from __future__ import annotations

# The member, however addressed: "l'honorable membre", "Madame la Députée", "le député".
# "Le membre du personnel", "le membre de la commission" are someone else: a "membre"
# followed by what it is a member of is never the member who asked ("le membre de
# s'adresser" is).
MEMBER = (
    r"(?:l'honorable (?:membre|deputee?)|(?:le |la )(?:membre|deputee?|parlementaire)"
    r"|(?:madame|monsieur) (?:la |le )?(?:deputee?|membre))"
    r"(?! (?:du|des|de la|de l'|de ce|de cette|d'un|d'une)\b)"
)
# Verbs that ask the member to take the question somewhere ("vous adresser", "interroger").
# "je vous prie de vous référer à ma réponse" is a referral to an answer, not to a colleague:
# "référer" counts here only when no "réponse" follows it.
_ASK = (
    r"(?:adresser\w*|adressez|s'adress\w*|tourner\w*|tournez|interroger|questionner|poser"
    r"|contacter|prendre contact|demander|solliciter|reorienter|rapprocher|renseigner"
    r"|referer(?![^.]{0,40}\breponse))"
)
# Levels of power and bodies a matter may belong to instead of the minister's.
_LEVEL = (
    r"(?:l'autorite federale|l'etat federal|(?:le |au )?niveau (?:federal|regional|communal"
    r"|europeen)|(?:la |les )?regions?|(?:la |les )?communautes?|(?:la |les )?communes?"
    r"|(?:les )?entites federees|(?:les )?pouvoirs locaux|(?:l'|les )?autorites? (?:communales?"
    r"|locales?|regionales?|federales?|europeennes?)|l'union europeenne|la commission europeenne"
    r"|(?:les |la )?zones? de police|(?:les )?cpas|la cocof|la cocom|la commission communautaire"
    r"|la federation wallonie-bruxelles|la vlaamse gemeenschap|mon collegue|ma collegue)"
)
# Whom the member is sent to must be someone else for the answer to be not competent: a
# minister, a colleague, another level of power, a commune ... or a pronoun standing for one
# named before ("je vous invite à l'interroger", "la lui poser", "vous adresser à eux").
# "Je vous suggère de vous adresser à la cellule Primes de Bruxelles Environnement" sends the
# member to the minister's own administration for a personal file: that is not a redirection.
_ELSEWHERE = (
    r"(?:ministres?|collegues?|secretaires? d'etat|homologues?|gouvernements?|colleges?|"
    r"communes?|ville|bourgmestres?|echevins?|cpas|regions?|regiona\w*|communautes?|"
    r"communautaire\w*|federa\w*|autorites?|spf|entites? federees?|competente?s?|cabinets?|"
    r"presidente?|parquets?|pouvoirs? locaux|zones? de police|mme|madame|monsieur|m(?=\.)|"
    # Bodies that answer for themselves: independent, European, judicial, local or private.
    r"instances?|institutions?|organes?|organismes?|agences?|mediateur|ombudsman|cour|"
    r"tribuna\w*|juridictions?|intercommunales?|universites?|operateurs?|societes?|"
    r"entreprises?|gestionnaires?|europeen\w*|unia|brupartners|"
    # Someone named before, by a possessive that is not the minister's: "ses services".
    r"(?:ses|leurs?|son|sa) (?:services?|direction|dirigeants|administration))\b"
)
_ASK_ELSEWHERE = (
    rf"(?:\b(?:l'|(?:la |le |les )?(?:lui|leur) |la |le |les )(?!contacter\b){_ASK}\b"
    rf"|\b{_ASK}\b[^.]{{0,60}}?\b{_ELSEWHERE}"
    rf"|\b{_ASK}\b[^.]{{0,30}}?\b(?:a|vers|avec|aupres d'|aupres de) (?:elle|lui|eux|elles|celle-ci"
    rf"|celui-ci|ces derniers|ce dernier|cette derniere)\b"
    # "je vous invite à lui transmettre votre question": handing it on to someone named before.
    rf"|\b(?:la |le |les )?(?:lui|leur) (?:transmettre|soumettre|faire parvenir)\b)"
)
_INVITE = r"(?:invit|sugger|conseill|propos|recommand|pri|engag|demand|saur|convi)\w*"

# A sentence that only says who is competent, as a fact ("les communes sont compétentes pour
# la délivrance des cartes", "l'enseignement est une compétence des Communautés"): one of the
# not-competent phrasings (spliced into `NOT_COMPETENT` below). Like any of them it does not
# decide when the answer also answers part of the question ("... Parking.brussels centralise
# toutefois les données : 48.213 cartes"), by the partial-answer rule of `answers`.
ATTRIBUTED: tuple[str, ...] = (
    r"\b(?:est|sont|etait|serait) (?:une matiere |une )?(?:de la )?competence (?:exclusive )?"
    r"(?:de|des|du|d')",
    r"\b(?:est|sont) une competence (?:exclusivement |purement |strictement )?(?:des|de la|du"
    r"|regionale|communautaire|federale)",
    r"\b(?:est|sont) (?:seule?s? |pleinement |exclusivement )?competente?s? (?:en la matiere|"
    r"pour (?:cette|ces|la|les|ce|repondre|y repondre))",
)

# A sentence that declares the matter someone else's or sends the member to them.
NOT_COMPETENT: tuple[str, ...] = (
    # "ne relève pas de mes compétences", "n'entre pas dans le champ de mes attributions",
    # "ne rentre nullement dans", "ne relève pas de mon département".
    # Between the verb and the remit, only determiners and "le champ de": "ne fait pas de
    # distinction entre les compétences", "ne tombent plus sous le régime du département" are
    # about the substance.
    r"\b(?:ne |n')(?:(?:relev|entr|rentr|tomb|s'inscri|depend)\w* (?:donc |des lors "
    r"|par consequent |en effet |toutefois |cependant |pourtant )?(?:pas|nullement|aucunement|plus)"
    r"|(?:fai|fon)\w* (?:pas|nullement|aucunement|plus) partie) (?:de|dans|sous|du|des|d')"
    r"(?: ?(?:la|le|les|l'|mes|mon|ma|nos|notre|ses|son|sa|leurs?|cadre|champ|domaine"
    r"|perimetre|de|du|des|d'|propres?)\b){0,4} ?(?:competences?|ressort|attributions?"
    r"|departements?|portefeuilles?)\b",
    r"\b(?:relev\w*|ressort|ressortit|ressortissent) (?:exclusivement |uniquement |plutot "
    r"|entierement |toutefois |cependant |donc "
    r"|des lors |pourtant |en effet |par ailleurs )?(?:des|de la|du champ de|"
    r"de|du) (?:la )?(?:seule |pleine )?(?:competences?|attributions?) (?:exclusives? "
    r"|propres? )?(?:de|du|des|d')",
    r"\b(?:hors|en dehors) de (?:mes|mon|nos|ses|ma|notre) "
    r"(?:competences?|champ|attributions)\b",
    # "je ne suis pas compétente", "ni moi ni mon administration ne sommes compétents", not
    # "n'est compétent que pour ...".
    # A third person only for the minister's side ("la Région n'est pas compétente"), not
    # "la commune, qui n'est pas compétente en matière de permis, a transmis le dossier".
    r"\b(?:ne|n') ?(?:suis|sommes|serai\w*|etai\w*)\b(?: \w+){0,2}? "
    r"competente?s?\b(?! que\b)",
    r"\b(?:je|moi|nous|la region|le gouvernement|mon administration|mon departement"
    r"|mon cabinet|(?:le|la) ministre|(?:le|la) secretaire d'etat|(?:la|cette) matiere)\b"
    r"[^.,]{0,30}?\b(?:ne|n') ?(?:est|sont|etait|serait)\b(?: \w+){0,2}? "
    r"competente?s?\b(?! que\b)",
    r"\bn'(?:est|etait) pas de (?:ma|mon|notre) (?:competence|ressort)\b",
    # Someone else's in place of another level: "ne relève pas de l'autorité fédérale mais
    # des Régions" (a "mais" that goes on to the substance is no level: "ne relève pas de la
    # Région ; toutefois, ...").
    rf"\b(?:ne |n')(?:relev|ressorti)\w* (?:pas|plus|nullement) (?:de |du |des |d')[^.;]{{0,60}}?"
    rf"\bmais (?:bien )?(?:de |du |des |d')?(?:la |l'|les )?(?:competences? (?:de |du |des |d'))?"
    rf"{_LEVEL}",
    # "il ne m'appartient pas de répondre à cette question": the minister declines to answer
    # for someone else (not "de commenter", "de me prononcer", which go on to the substance).
    r"\bil ne (?:m'|nous )appart\w* pas (?:de repondre|d'y repondre)\b",
    r"\bne (?:fait|font) pas partie de (?:mes|nos) (?:competences|attributions)\b",
    # The member asked to go elsewhere, in any person and voice: "je vous invite à
    # l'interroger", "l'honorable membre est invité à interroger", "voudra bien adresser sa
    # question à", "je suggère à l'honorable membre de s'adresser", "il est conseillé à
    # l'honorable membre d'interroger".
    rf"\b(?:vous|{MEMBER}) (?:est |sont |sera |serait )?(?:{_INVITE}|voudr\w* bien|"
    rf"pourr\w*|peu\w*|pouv\w*)\b[^.]{{0,50}}?{_ASK_ELSEWHERE}",
    rf"\b{_INVITE} (?:donc |des lors |par consequent )?(?:a )?{MEMBER}\b[^.]{{0,30}}?"
    rf"{_ASK_ELSEWHERE}",
    # The one sent to named first, the invitation in a relative clause: "ma collègue, Mme
    # X, vers qui je vous invite à vous tourner", "à qui je vous suggère de la poser".
    # One refers to a document, not to a person: "la réponse ..., à laquelle je vous prie de vous
    # référer" is a referral.
    rf"\b(?:vers|a|aupres de) (?:qui|laquelle|lequel|lesquel(?:le)?s) (?:je |nous )?"
    rf"(?:vous |{MEMBER} )?(?:{_INVITE}|pouv\w*|peu\w*)\b[^.]{{0,30}}?\b(?!referer){_ASK}\b",
    # In any tense or mood: "il convient", "il conviendrait", "il serait préférable".
    r"\b(?:il (?:(?:vous )?appart\w*|conv\w*|(?:vous )?rev\w*|y a lieu|y aurait lieu|"
    r"(?:est|serait) (?:preferable|plus indique|opportun|indique))|veuillez)\b"
    r"[^.]{0,40}\b(?:vous |d'|de )?(?:adresser|s'adresser|interroger|poser|tourner)\b",
    # The question itself as the subject, with a modal: "cette question devrait être
    # adressée au ministre", "pourrait être posée à ma collègue".
    # The member's question, with its determiner: "les questions des citoyens peuvent être
    # posées au centre d'appel", "ces demandes peuvent être adressées au service" are answers.
    r"\b(?:(?:cette|votre|la presente|la|ces|vos) (?:questions?|interrogations?)"
    r"|(?:cette|votre|la presente) demande) "
    r"(?:[^.]{0,30} )?(?:devr|doi|doiv|pourr|peu|aurai)\w* (?:plutot |donc |des lors |mieux )?"
    r"(?:(?:lui|leur) (?:etre )?(?:adresse|pose|soumis|transmis)e?s?\b|(?:etre )?(?:adresse"
    r"|pose|soumis|transmis|posee|adressee|soumise|transmise)s? (?:a|au|aux)\b)",
    # The one it goes to named first: "mon collègue ..., à qui cette question devrait être
    # posée".
    r"\b(?:a|aupres de) qui (?:cette|votre|la|ces|vos) (?:question|demande)s? (?:devr|doi|"
    r"doiv|pourr|peu|aurai)\w* (?:etre )?(?:adresse|pose|soumis|transmis)e?s?\b",
    r"\b(?:(?:concern\w*|touch\w*|port\w* sur) |il s'agit d')(?:toutefois |cependant |pourtant "
    r"|neanmoins )?(?:les |la |une )?(?:matiere |"
    r"competences? )(?:exclusives? |purement )?"
    r"(?:regionale|communautaire|communale|de|du|des|d')",
    r"\b(?:renvo\w*|renverr\w*|redirig\w*|reorient\w*)\b[^.]{0,40}?\b(?:vers|a) "
    r"(?:mon|ma|mes|notre|nos|la|le) (?:collegue|ministre|secretaire|homologue)",
    # The member sent to another authority: "je ne peux que renvoyer l'honorable membre à la
    # Commission européenne", "je vous renvoie au ministre de l'Économie".
    rf"\b(?:renvo\w*|renverr\w*|redirig\w*|reorient\w*) (?:vous|{MEMBER}|l'honorable depute) "
    rf"(?:a|au|aux|vers) (?:ministre|collegue|secretaire d'etat|bourgmestre|college|gouvernement"
    rf"|{_LEVEL})",
    # Sent on to someone else (not to the minister's own administration, which then
    # answers: "votre question a été transmise à Bruxelles Mobilité, qui m'informe que").
    # Not when the recipient's reply follows: "transmise à l'Agence fédérale des
    # médicaments, qui m'informe que ...".
    # A "question préjudicielle" is a court's, sent to another court.
    rf"\b(?:votre|cette|la) question\b(?! prejudicielle)[^.]{{0,40}}? (?:a ete|est|sera|fut"
    rf"|avait ete|a donc "
    rf"ete) (?:transmise|reorientee|renvoyee|redirigee)\b[^.]{{0,40}}?\b{_ELSEWHERE}"
    rf"(?![^.]{{0,80}}\bqui (?:m'|nous )?(?:informe|indique|communique|precise|signale|repond"
    rf"|fait savoir|a fait savoir|a repondu)\b)",
    # "Elle" may be anything ("elle est transmise aux communes chaque année"): only a
    # colleague makes it the question.
    r"\b(?:elle|celle-ci)\b[^.]{0,40}? (?:a ete|est|sera|fut|avait ete|a donc ete) "
    r"(?:transmise|reorientee|renvoyee|redirigee)\b[^.]{0,40}?\b(?:ministres?|collegues?|"
    r"secretaires? d'etat|homologues?|mme|madame|monsieur|m(?=\.))\b",
    r"\b(?:interroger|adresser a|aupres d[eu]) (?:le |la |du )?ministre competente?\b",
    r"\bniet (?:onder|tot|binnen) (?:mijn|de|zijn|haar|onze) bevoegdhe",
    r"\b(?:onder|tot) de bevoegdhe\w* (?:valt |vallen )?van\b",
    r"\bniet bevoegd\b",
    r"\bbevoegde minister\b",
    r"\bgelet op (?:diens|zijn|haar) bevoegdheid\b",
    r"\bniet tot (?:mijn|het|ons) departement\b",
    # Dutch puts the verb last in a subordinate clause: "dat u uw vraag tot hem richt".
    r"\b(?:uw|deze|de|zijn|haar) vra(?:ag|gen)\b[^.]{0,30}\bricht(?:en)?\b",
    r"\bvraag (?:van het geachte lid )?wordt toegezonden aan\b",
    # "De vraag werd doorgestuurd naar mijn collega", verb first or last.
    r"\b(?:vraag|zij|ze)\b[^.]{0,40}?\b(?:doorgestuurd|doorgezonden|overgezonden|doorgegeven|"
    r"overgemaakt|toegezonden)\b[^.]{0,10}?\b(?:naar|aan)\b[^.]{0,40}?\b(?:collega|minister|"
    r"staatssecretaris|gewest|gemeenschap|gemeente|ocmw|fod|federale|bevoegde)",
    r"\bvraag\b[^.]{0,20}?\b(?:werd|wordt|is|zal)\b[^.]{0,10}?\b(?:naar|aan)\b[^.]{0,40}?"
    r"\b(?:collega|minister|staatssecretaris|bevoegde)\w*[^.]{0,40}?\b(?:doorgestuurd|"
    r"doorgezonden|overgezonden|doorgegeven|overgemaakt|toegezonden)\b",
    # The question handed on, the one who has it named before: "votre question lui a été
    # transmise", "à qui je l'ai transmise", "relayée au cabinet de M. X".
    r"\b(?:votre|cette|la) question (?:lui|leur) (?:a ete|est|sera|fut|avait ete) "
    r"(?:transmise|relayee|renvoyee|adressee)\b",
    r"\b(?:a qui|auquel|a laquelle|auxquels) (?:je|nous) (?:l'|les )(?:ai|avons) "
    r"(?:transmise?s?|relayee?s?)\b",
    rf"\b(?:votre|cette|la) question\b[^.]{{0,40}}? (?:a ete|est|sera) relayee (?:a|au|aux|"
    rf"aupres d[eu]s?) [^.]{{0,20}}?{_ELSEWHERE}",
    # The member finds the answer with someone else: "l'honorable membre trouvera une réponse
    # auprès du ministre de ...", "vous obtiendrez ces chiffres auprès de ...".
    # The member must be the one who finds: "les chiffres obtenus auprès de Sciensano" and
    # "les riverains peuvent obtenir une carte auprès de leur commune" are answers.
    rf"\b(?:vous|{MEMBER})\b[^.]{{0,30}}?\b(?:trouv\w*|obten\w*|obtiendr\w*)\b[^.]{{0,40}}?"
    rf"\baupres (?:de|du|des|d')",
    # An imperative: "adressez-vous à la commune", "interrogez le ministre".
    # A bounded run of punctuation before it: an unbounded one backtracks quadratically over a
    # long run of "; ".
    rf"(?:^|[;:]\s)[^\w;:(]{{0,5}}(?:adressez-vous|tournez-vous|interrogez|contactez|renseignez-vous|"
    rf"voyez avec)\b[^.]{{0,60}}?{_ELSEWHERE}",
    # The matter is another body's to decide by its own autonomy: "les programmes sont fixés
    # par les universités elles-mêmes, en vertu de leur autonomie".
    r"\b(?:en vertu de|vu|compte tenu de|dans le (?:respect|cadre) de|relev\w* de) "
    r"(?:leur|son|sa|l') ?autonomie\b"
    # The autonomy of a body, not of a battery ("leur autonomie limitée à 200 km").
    r"(?=\s*(?:[,.;)]|$)| (?:communale|locale|universitaire|pedagogique|de gestion"
    r"|institutionnelle|des|du|de la|d')\b)",
    r"\b(?:behoort|behoren) tot (?:de|hun|zijn|haar) autonomie\b",
    # Only someone else can answer: "seul le parquet peut vous renseigner", "seul le Collège
    # est en mesure de fournir ces données".
    r"\bseule?s? (?!moi\b)[^.;]{0,60}?\b(?:peu\w*|pourr\w*|(?:est|sont|serai\w*) en mesure)\b"
    # "Informer" and "répondre" only of the member or the question: "seuls les agents
    # assermentés peuvent informer le contrevenant" is an answer.
    rf"(?: de| d')? ?(?:(?:vous |{MEMBER} )(?:renseigner|repondre|informer)|(?:le |la |les )?"
    rf"renseigner|repondre a (?:cette|votre|vos|ces) questions?"
    rf"|fournir (?:ces|les|des) (?:donnees|chiffres|informations|renseignements))\b",
    # The minister cannot answer in someone else's place: "je ne puis répondre à sa place".
    r"\b(?:ne|n') ?(?:puis|peux|pouvons|saurais)\b(?: pas)? repondre a (?:sa|leur) place\b",
    # "c'est à elle qu'il appartient de répondre", "c'est vers son collège qu'il convient de
    # se tourner".
    r"\bc'est (?:donc |des lors )?(?:a|vers|aupres d\w*) [^.]{0,60}?qu'il (?:vous )?(?:appart\w*"
    r"|conv\w*|rev\w*|faud\w*|faut) (?:de |d')?(?:(?:vous |se |s')?(?:repondre|tourner|adresser"
    r"|l'interroger|interroger|poser)|vous (?:informer|renseigner))\b",
    # The member sent to someone else without a verb of asking: "je vous renvoie vers les
    # ministres régionaux compétents".
    # Only the member or the question is sent: "les signalements sont renvoyés aux autorités
    # judiciaires" is an answer.
    rf"\b(?:vous|{MEMBER}|questions?)\b[^.]{{0,20}}?\b(?:renvo\w*|renverr\w*|redirig\w*"
    rf"|reorient\w*) (?:vers|a|aux?) (?:les |la |le )?"
    rf"(?:ministres?|collegues?|secretaires? d'etat|autorites?|instances?)\b",
    r"\b(?:is|zijn|behoort tot|valt onder) (?:een |de )?(?:exclusieve )?bevoegdhe\w* van\b",
    r"\b(?:u|het geachte lid) (?:zich )?(?:te )?(?:richt|richten|wenden|wendt)\b"
    r"[^.]{0,30}\btot\b",
    r"\bverwijs (?:ik )?(?:u|het geachte lid) (?:dan ook )?naar (?:de|mijn|het) (?:minister(?!iele)"
    r"|collega|burgemeester|gewest|gemeente|bevoegde|staatssecretaris)",
    r"\bwordt verzocht\b[^.]{0,40}\bvraag\b[^.]{0,60}\b(?:te stellen|te richten)\b",
    *ATTRIBUTED,
)
