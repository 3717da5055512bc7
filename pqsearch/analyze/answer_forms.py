"""Answers sent, joined or declined, read by the form of the clause (`analyze.answers`): data.

Each blind round brought wordings of the same few acts in a tense, voice or person the
phrasings did not list (BENCHMARKS.md, round 11: "Le tableau ... a été transmis au secrétariat
de l'honorable membre", "Je vous ai fait parvenir personnellement le tableau", "Une réponse
conjointe ... vous a été adressée", "Je ne suis donc pas habilité à répondre"). These read the
act by its parts instead:

- *sent to the member, not printed* (`NOT_PUBLISHED`): a verb of sending in any tense, mood,
  voice or person, with the member as the one it goes to ("vous", "l'honorable membre", "son
  secrétariat") and a document or data as what is sent; never the answer's own annex, never
  another body's answer, never a joint or earlier answer (a referral); also an answer the page
  says is not (yet) there: the question withdrawn or become moot, no answer in time;
- *the member or the question sent elsewhere* in a passive, a conditional or a cleft ("il
  conviendrait que la question lui soit soumise", "c'est à elles qu'il faut demander ces
  informations") (`SENDING`, revision 13's, moved here from `answer_holders`);
- *a joint, coordinated or earlier answer* (`BY_REFERENCE`): "une réponse coordonnée vous sera
  apportée par le Ministre-Président", "ma réponse du 4 septembre à votre question n° 156",
  "vous trouverez toutes les informations utiles dans le rapport annuel";
- *the minister not able to act or answer for want of a remit* (`DECLARING`): "je ne suis pas
  habilité à répondre", "la Région n'a pas de prise sur cette réglementation", "het Gewest
  beschikt niet over bevoegdheden".

Matched per folded sentence like every phrasing; part of the rules' fingerprint
(`answers.rules_fingerprint`).
"""

from __future__ import annotations

from pqsearch.analyze.answer_phrases import MEMBER

# The member, written out (`answer_phrases.MEMBER`'s forms), not "le membre du collège": "des" only
# as a member's own words, not "dès que" (folded "des").
_MEMBER = (
    r"(?:l'honorable (?:membre|deputee?)|(?:la |le )(?:membre|deputee?|parlementaire)"
    r"|(?:madame|monsieur|mme|m\.) (?:la |le )?(?:deputee?|membre)|l'auteure?(?: de la question)?)"
    r"(?! (?:du|de la|de l'|de ce|de cette|d'un|d'une)\b)(?! des (?!que\b|qu'|reception\b)\w)"
)
# A verb of sending, any tense or voice: "transmis", "communiquerai", "fait parvenir".
_SENT = (
    r"(?:transm\w*|communiqu\w*|envoy\w*|enverr\w*|adress\w*|remis\w*|remet\w*|fourni\w*"
    r"|(?:fai\w*|fer\w*|fit) parvenir|parvenu\w*|parviendr\w*|depose\w*)"
)
# What may be sent: a document or data, or a pronoun standing for it.
THING = (
    r"\b(?:tableaux?|listes?|donnees|chiffres|statistiques|annexes?|documents?|informations"
    r"|elements|details?|releves?|inventaires?|copies?|reponses?|fichiers?|precisions"
    r"|renseignements|montants|resultats|celle-ci|celui-ci|ceux-ci|celles-ci)\b"
    r"|\bvous (?:les|la|le|l') ?\w|\b(?:je|nous) (?:les|la|le|l') ?\w"
)
# Not the answer's own annex, not another's answer, not a joint or earlier answer, not a
# meeting where it was said (those are referrals), not what a colleague will send.
_NOT_SENT_HERE = (
    r"^(?![^;]*\b(?:ci-joint\w*|ci-dessous|ci-apres|en annexe|suivant\w*|conjointe?s?"
    r"|coordonnee?s?|reponses? (?:de|du|des|d')(?! (?:la |l')?(?:question|administration"
    r"|mon|ma|mes))|en (?:commission|seance)|lors d\w*|question (?:ecrite )?(?:n|nr|no)\b"
    r"|collegue|par (?:le|la|l'|mon|ma) ?(?:ministre|secretaire|gouvernement|college)"
    r"|si vous|pourriez|reponses? qu\w*|renv\w*|refer\w*|(?:dans|par) (?:ma|la|une|notre) reponse"
    r"|antwoord van|verwij\w*|volgende|hieronder|hierna|hierbij|bij deze|bijgevoegd\w*|in bijlage"
    # What everyone concerned receives of a public procedure, not the answer sent (sixteenth
    # session): "Vous recevrez les documents de la concertation, qui détaillent ...".
    r"|(?:documents?|dossiers?|invitations?|convocations?) (?:de la |du |de l'|d'une? )"
    r"(?:concertation|enquete publique|consultation publique|reunion d'information"
    r"|seance d'information|appel a (?:projets|candidatures)))\b)"
)
_AUX = (
    r"(?:a|ont|ai|avons|avait|avaient|avais|avions|aura|auront|aurai|aurons|sera|seront|est"
    r"|sont|serait|seraient|etait|etaient|fut|furent|va|vont|vais|allons)"
)
_ADVERBS = (
    r"(?: (?:deja|bien|ete|directement|personnellement|egalement|aussi|entre-temps|recemment"
    r"|donc|par ailleurs|etre|bientot|prochainement|sous peu|rapidement))*"
)
# The member as the one it goes to, or their office: "au secrétariat de l'honorable membre".
_TO_MEMBER = (
    r"(?:a|au|aux|a l'intention de|a l'attention de) (?:(?:son |votre )?(?:secretariat|cabinet"
    rf"|bureau|collaborat\w*|groupe) (?:de |du |d'))?{_MEMBER}"
)
# The member in Dutch (`answer_unpublished`'s forms), or "u".
_MEMBER_NL = (
    r"(?:u|het (?:geachte )?(?:parlements|kamer)?lid|de (?:vraagsteller|vraagstelster|auteur"
    r"|volksvertegenwoordiger|indiener))"
)
_SENT_NL = (
    r"(?:bezorgd|toegestuurd|toegezonden|overgemaakt|verstuurd|gestuurd|bezorgen|toesturen"
    r"|overmaken|bezorg|stuur|bezorgde|stuurde)"
)
_THING_NL = (
    r"\b(?:tabel\w*|lijst\w*|gegevens|cijfers|overzicht\w*|bijlage\w*|document\w*|antwoord)\b"
)

NOT_PUBLISHED: tuple[str, ...] = (
    # "Les tableaux demandés vous ont été envoyés par courrier", "je vous ai fait parvenir
    # personnellement le tableau", "ces données vous seront communiquées", "je vous les
    # transmettrai": the member as "vous", any tense, active or passive, a document sent.
    rf"^(?=[^;]*?\bvous ){_NOT_SENT_HERE}(?=[^;]*(?:{THING}))[^;]*?\bvous (?:les |la |le |l')?"
    rf"(?:{_AUX}{_ADVERBS} {_SENT}|(?:transmettrai|transmettrons|communiquerai|communiquerons"
    r"|enverrai|enverrons|adresserai|adresserons|ferai parvenir|ferons parvenir|fais parvenir"
    r"|faisons parvenir))\b",
    # The member named, any form of the verb: "le tableau ... a été transmis au secrétariat de
    # l'honorable membre", "celle-ci a été transmise au secrétariat de la commission et à
    # l'honorable membre".
    rf"^(?=[^;]*?\b(?:membre|deputee?|parlementaire|l'auteure?)\b){_NOT_SENT_HERE}"
    rf"(?=[^;]*(?:{THING}))[^;]*?\b{_SENT}\b[^.;]{{0,60}}?\b{_TO_MEMBER}",
    # The member receives it, or it reaches them: "Vous recevrez le tableau par courrier",
    # "l'honorable membre recevra la liste", "les données vous parviendront".
    rf"^(?=[^;]*?\b(?:recu|recev|recoi|parvien))"
    rf"{_NOT_SENT_HERE}(?=[^;]*(?:{THING}))[^;]*?\b(?:vous|{_MEMBER}) (?:(?:a|avez|aura|aurez)"
    r" (?:deja |bien )?recu|recevr\w*|recoi\w*|recevez|parviendr\w*|parvien\w*)\b",
    # Dutch, either order: "De tabel werd u per e-mail toegestuurd", "ik heb het geachte lid de
    # lijst bezorgd", "de gegevens worden u bezorgd".
    rf"^(?=[^;]*?\b{_SENT_NL}\b){_NOT_SENT_HERE}(?=[^;]*{_THING_NL})"
    r"(?![^;]*\b(?:gezamenlijk|gemeenschappelijk)\b)"
    # Not another body able to send them (revision 18): "De NMBS kan het geachte lid die
    # cijfers bezorgen" says who holds them (`answer_remits`).
    rf"(?!^\W*(?:de|het)\s[^;]*?\b(?:kan|kunnen)\s{_MEMBER_NL}\b(?![^;]*\bworden\b))"
    rf"[^;]*?\b(?:aan )?{_MEMBER_NL}\b[^.;]{{0,50}}?\b{_SENT_NL}\b",
    # Dutch, the minister sending, the particle last (sixteenth session): "Ik bezorg het geachte
    # lid de tabel rechtstreeks", "Ik stuur u de lijst per mail toe".
    rf"^(?=[^;]*{_THING_NL}){_NOT_SENT_HERE}[^;]*?\b(?:ik|wij|we) (?:bezorg|bezorgen)\b"
    rf"(?: \w+){{0,2}}? {_MEMBER_NL}\b",
    rf"^(?=[^;]*{_THING_NL}){_NOT_SENT_HERE}[^;]*?\b(?:ik|wij|we) (?:stuur|sturen|zend|zenden"
    rf"|maak|maken)\b(?: \w+){{0,2}}? {_MEMBER_NL}\b[^.;]{{0,60}}?\b(?:toe|over)\b",
    # The question withdrawn or become moot, said anywhere in the answer's place: "Cette
    # question ayant été retirée", "La question est devenue sans objet", "De vraag werd door de
    # indiener ingetrokken".
    r"\bquestion(?:(?<=\bla question)|(?<=\bsa question)|(?<=\bcette question)"
    r"|(?<=\bvotre question)) (?:ecrite |parlementaire )?(?:a ete |est |fut |etant "
    r"|ayant ete |semble |parait |est donc |est aujourd'hui |est desormais )?(?:devenue |declaree "
    r"|considere\w* comme )?(?:retiree|caduque|sans objet)\b",
    # The member withdrew it, not anyone a question of theirs ("la commune a retiré sa
    # question préjudicielle", review 15 V4).
    rf"\b(?:vous|{_MEMBER}|l'auteur\w*)\b[^.;]{{0,30}}?\b(?:a|avez|ont|avait) retire "
    r"(?:sa|leur|la|cette|votre) question\b(?! prejudicielle)",
    r"\b(?:de |deze |uw |zijn |haar )vraag (?:werd |is |wordt )?(?:door \w+ (?:\w+ )?)?"
    r"(?:ingetrokken|vervallen|zonder voorwerp|doelloos (?:geworden)?)\b",
    # Not there yet, this question's answer: "La réponse n'est pas encore disponible", "Ma
    # réponse vous parviendra ultérieurement", "Geen antwoord ontvangen binnen de termijn".
    r"^\W*(?:la |ma |cette |une |notre )?reponse (?:a (?:cette|votre|la presente) question )?"
    r"(?:n'est|ne sera|ne peut etre) pas (?:encore |actuellement |pour l'instant )?(?:disponible"
    r"|prete|finalisee|fournie|donnee|communiquee)\b(?! par\b)",
    r"^\W*(?:la |ma |cette |une |notre )?reponse (?:a (?:cette|votre|la presente) question )?"
    r"(?:vous (?:sera|parviendra)|sera|suivra)(?: (?:communiquee|transmise|fournie|donnee"
    r"|envoyee|adressee))? ?(?:ulterieurement|plus tard|des que"
    r"|dans les meilleurs delais|prochainement|sous peu)\b(?![^.;]*\bpar (?:le|la|l'|mon|ma)\b)",
    r"^\W*(?:pas de|aucune) reponse (?:n'a ete |n'est )?(?:recue|parvenue|donnee)?\s*"
    r"(?:dans|endeans|avant) (?:le|les|la) (?:delai|date)",
    r"\bpas (?:recu|obtenu) de reponse (?:dans|endeans) (?:le|les) delai",
    r"^\W*(?:le |la )?(?:ministre|secretaire d'etat|gouvernement|college)\b[^.;]{0,40}? n'a pas"
    r" (?:encore )?repondu\b[^.;]{0,30}?\bdelai",
    r"^\W*geen antwoord\b[^.;]{0,60}?\b(?:ontvangen|binnen|toegekomen|termijn)\b",
)

# The member or the question sent elsewhere in a passive, a conditional or a cleft (moved from
# `answer_holders`, revision 13).
_HOLDER_WORDS = (
    r"(?:elle|elles|lui|eux|leur|ministres?|collegues?|homologues?|secretaires? d'etat|communes?"
    r"|autorites?|gouvernements?|colleges?|administrations?|services? (?:communaux|federaux)"
    r"|instances?|organismes?|regions|communautes|operateurs?|gestionnaires?|ces derni\w*"
    r"|cette derniere|ce dernier|celles?-ci|ceux-ci|celui-ci)"
)

SENDING: tuple[str, ...] = (
    # The question sent in a passive with "que" or a modal: "il conviendrait que la question
    # lui soit soumise", "il serait préférable que vos questions soient adressées au ministre".
    r"\bque (?:votre|la|cette|ces|vos|les) questions? (?:\w+ )?(?:lui |leur )?(?:soit|soient"
    r"|serait|seraient|puisse|puissent) (?:\w+ )?(?:etre )?(?:soumise|adressee|posee|transmise"
    r"|renvoyee|dirigee|reorientee)s?\b",
    # A cleft that puts the holder first, any verb of asking: "C'est à elles qu'il faut demander
    # ces informations", "c'est donc vers le ministre fédéral qu'il convient de vous tourner".
    r"\bc'est (?:donc |des lors |plutot |bien )?(?:a |au |aux |vers |aupres (?:de |du |des |d'))"
    r"[^.;]{0,80}? qu(?:e |')(?:il (?:convient|conviendrait|faut|faudrait|faudra|y a lieu"
    r"|y aurait lieu|est preferable)|vous (?:pouvez|pourriez|devez|devriez|pourrez|devrez))"
    r" (?:\w+ )?(?:de |d')?(?:vous )?(?:demander|adresser|tourner|interroger|poser|solliciter"
    r"|obtenir|renseigner|contacter)\b",
    # The same cleft with what was asked as the subject, any voice: "C'est auprès de ces
    # organismes que les informations demandées peuvent être obtenues" (not how to apply: "c'est
    # auprès de la commune que la demande doit être introduite").
    r"\bc'est (?:donc |des lors |plutot |bien )?(?:a |au |aux |vers |aupres (?:de |du |des |d'))"
    r"[^.;]{0,80}? qu(?:e |')(?:les |ces |vos |de telles |cette |votre )(?:\w+ )?(?:informations"
    r"|donnees|chiffres|renseignements|precisions|statistiques|questions?)\b[^.;]{0,40}?"
    r"\b(?:obten|obtiendr|demand|adress|pos|recueill|collect|renseign)\w*",
    # The member to ask someone else, with "il vous appartient", any verb of asking: "Il vous
    # appartient, le cas échéant, d'interroger le collège de la Ville".
    r"\bil vous (?:appart\w*|rev\w*|incomb\w*|est loisible|serait loisible)\b[^.;]{0,40}?"
    r"\b(?:de |d')(?:interroger|vous adresser|vous tourner|contacter|solliciter|saisir"
    r"|poser (?:votre|cette|ces|vos) questions?)\b(?! (?:mon|ma|mes|notre|nos)\b)",
    # The member invited, the holder a pronoun or a class, the verb in the infinitive after a
    # modal: "vous pouvez vous adresser à eux", "le membre pourrait interroger la commune".
    rf"\b(?:vous|{MEMBER}) (?:pouvez|pourriez|pourra|pourrait|peut|devez|devriez|devrait|est invite"
    rf"|etes invitee?) (?:donc |des lors |utilement |directement )?(?:vous |s')?(?:adresser"
    rf"|interroger|tourner|contacter|solliciter|rapprocher)\b[^.;]{{0,30}}?\b{_HOLDER_WORDS}\b"
    r"(?! (?:de mon|de ma|de mes)\b)",
    # Dutch, the particle last (sixteenth session): "Ik stuur uw vraag door naar mijn collega",
    # "ik verwijs het geachte lid graag door naar de minister", "ik draag de vraag over aan".
    r"\b(?:stuur|stuurde|stuurden|sturen|zend|zenden|zond|verwijs|verwijzen|verwees|geef|geven"
    r"|gaf|gaven|speel|spelen|speelde|draag|dragen|droeg)\b(?: (?:ik|wij|we))?(?: \w+){0,2}? "
    # Not others' questions relayed ("de vragen van burgers", seventeenth session).
    r"(?:(?:uw|de|deze) (?:vraag|vragen)(?! van (?!het (?:geachte )?lid\b|u\b))"
    r"|het (?:geachte )?lid|u|de vraagsteller\w*)\b(?: \w+){0,3}? (?:door (?:naar|aan)|over aan)\b"
    r"(?! (?:mijn|onze|de)"
    r" (?:administratie|diensten|kabinet)\b)(?![^.;]*\bantwoord)",
    # "Het is aan de gemeenten om deze vraag te beantwoorden", "De gemeenten zijn het best
    # geplaatst om hierop te antwoorden".
    r"\bhet is (?:dus |derhalve |bijgevolg )?aan (?:de |het |mijn |haar |zijn )?(?!gewest\b"
    r"|regering\b|mij\b|ons\b)\w+[^.;]{0,40}? om (?:(?:deze|uw|die|de|dergelijke) vra\w+"
    r"|hierop|daarop|hierover|daarover|het (?:geachte )?lid|u) (?:\w+ )?te (?:be)?antwoorden\b",
    r"\b(?:is|zijn) (?:dus |derhalve )?(?:het )?(?:best|beter) geplaatst om (?:(?:deze|uw|die|de"
    r"|dergelijke) vra\w+ |hierop |daarop |hierover |daarover |het (?:geachte )?lid |u )"
    r"(?:\w+ )?(?:te (?:be)?antwoorden|in te lichten)\b",
    # The minister's own government denied the matter against another: "et non du Gouvernement".
    r"\b(?:et )?non (?:pas )?(?:du |de la |au |a la )(?:gouvernement|region|college)\b",
)

# A colleague's or a joint answer in any tense, and an earlier answer by its date and number.
BY_REFERENCE: tuple[str, ...] = (
    # "Une réponse conjointe à cette question et à la question n° 201 vous a été adressée", "une
    # réponse coordonnée vous sera apportée par le Ministre-Président"; not one given below.
    r"(?<!voici )(?<!voici une )\breponses? (?:conjointe|coordonnee|commune|globale|groupee"
    r"|collective|unique)s?\b(?![^.;]*\b(?:ci-dessous|ci-apres|suivante?s?)\b)[^.;]{0,100}?"
    r"\b(?:sera|seront"
    r"|vous|a ete|ont ete|est|sont|par|apportee|donnee|fournie|adressee|transmise|communiquee"
    r"|formulee)\b",
    # "Une question identique ayant été adressée à l'ensemble des membres du Gouvernement".
    r"\bquestions? (?:identiques?|similaires?|analogues?|semblables?) (?:a ete |ont ete |ayant"
    r" ete |avait ete |a egalement ete )?(?:posee|adressee|transmise)s? (?:a|au|aux) "
    r"(?:l'ensemble|chacun|tous|toutes|plusieurs|mes|mon|ma|d'autres|autres)\b",
    # A colleague's answer to come or given: "une réponse vous sera apportée par le Premier".
    r"\breponse\b[^.;]{0,60}?\b(?:sera|seront|vous sera|vous a ete|vous ont ete|a ete|est)"
    r" (?:\w+ )?(?:apportee|donnee|fournie|adressee|communiquee|transmise|formulee)s?"
    r"(?: \w+){0,3}? par (?:le |la |l'|mon |ma |notre )?(?:ministre|secretaire|collegue"
    r"|premier|gouvernement|college|vice)",
    r"\b(?:gezamenlijk|gemeenschappelijk|gecoordineerd)e? antwoord\b",
    # An earlier answer by its date or number: "ma réponse du 4 septembre à votre question
    # n° 156".
    r"\b(?:ma|notre|mes|nos) (?:precedente |derniere |recente )?reponses? (?:du|de|d') "
    r"[^.;]{1,40}?\b(?:a|aux) (?:votre|vos|la|les|une|ma|sa|ses) (?:precedente )?questions?"
    r"(?: ecrites?)? (?:n°|no|nr|numero) ?\d[\w./-]*",
    # The member told where to find all of it: "Vous trouverez toutes les informations utiles
    # dans le rapport annuel 2024" (not the answer's own annex, "vous trouverez ci-dessous").
    r"\b(?:vous (?:trouverez|pourrez trouver|pouvez trouver|trouvez|pourriez trouver)"
    r"|(?:l')?on (?:trouve|trouvera|peut trouver))\b"
    r"(?![^;]*\b(?:ci-joint\w*|joint\w*|ci-dessous|ci-apres|en annexe|annexe\w*|suivant\w*"
    r"|ci-dessus)\b)"
    r"[^;\d]{0,60}? (?:dans|sur|via) (?:le |la |les "
    r"|l'|son |sa |ses |leur |leurs |un |une |ce |cette |ces |du )?(?:\w+ )?(?:rapports?"
    r"|communiques?|documents?|etudes?|bilans?|sites?|pages?|publications?|comptes?|budgets?"
    r"|justifications?|annuaires?|bulletins?|portails?|plateformes?|observatoires?|barometres?"
    r"|cahiers?|brochures?)\b",
    # Dutch, the verb last (sixteenth session): "Het geachte lid kan de gevraagde cijfers
    # raadplegen op de website van Statbel", "u kunt deze gegevens terugvinden in het jaarverslag".
    r"^(?=[^.;]*\b(?:op|in|via) (?:de |het |een |dit |deze )?(?:\w+ )?(?:website|site|portaal"
    r"|databank|jaarverslag\w*|verslag\w*|rapport\w*|publicatie\w*|studie|brochure|register"
    r"|persbericht\w*)\b)(?![^.;]*\b(?:bijlage|bijgevoegd\w*|hierna|hieronder)\b)[^.;]*?\b"
    rf"{_MEMBER_NL} (?:kan|kunt|kunnen|zal|zult|zou|zoudt|vindt|vinden|mag)\b[^.;]{{0,80}}?"
    r"\b(?:raadplegen|terugvinden|vinden|nalezen|inkijken|lezen|consulteren)\b",
)

# The minister not able to answer or act for want of a remit: as strong as a sending.
DECLARING: tuple[str, ...] = (
    # "Je ne suis donc pas habilité à répondre", "le Gouvernement n'est pas habilité à
    # intervenir", "je n'ai pas qualité pour me prononcer".
    r"\b(?:ne|n') ?(?:suis|sommes|est|sont|serais|serait|serions|seraient)(?: \w+)? pas"
    r"(?: \w+)? (?:habilitee?s?|qualifiee?s?) (?:a|pour) (?:vous |y )?(?:repondre|me prononcer"
    r"|nous prononcer|se prononcer|intervenir|agir|statuer)\b",
    r"\b(?:je |nous |(?:la region|le gouvernement|le college) )(?:n'ai|n'avons|n'a) pas qualite"
    r" pour\b",
    # "La Région n'a pas de prise sur cette réglementation", "je n'ai aucun levier".
    r"\b(?:je |nous |(?:la region|le gouvernement|le college|l'executif) )(?:n'ai|n'avons|n'a"
    r"|ne dispose|ne disposons|ne dispos\w+) (?:pas de|aucune?|d'aucune?) (?:prise|levier"
    r"|emprise|pouvoir (?:de decision|d'action|reglementaire))\b",
    # Outside the remit, naming no one (sixteenth session): "Deze aangelegenheid valt buiten mijn
    # bevoegdheden", "Cette question sort du cadre de mes compétences", "échappe aux compétences
    # de la Région", "Cette compétence n'est pas régionale".
    r"\b(?:valt|vallen|viel|vielen)(?: \w+){0,3}? buiten (?:het kader van )?(?:mijn|onze|de|mijn"
    r" eigen) (?:\w+ )?bevoegdhe\w*",
    r"\b(?:questions?|matieres?|demandes?|sujets?|dossiers?|points?|domaines?|thematiques?|cela"
    r"|ceci|elles?|ils?)(?: (?!qui\b)\w+)? (?:sort\w*|depass\w*|exced\w*|echapp\w*)(?: \w+)?"
    r" (?:du cadre de |au cadre de |a |aux )?(?:(?:mes|nos) (?:competences|attributions)|(?:les )?"
    r"(?:competences|attributions) (?:de la region|du gouvernement|regionales|du college"
    r"|de mon departement))"
    r"\b(?! (?:habituel|ordinair|normal|propre|strict)\w*)",
    r"\b(?:cette|la|ces|les) (?:competences?|matieres?) (?:n'est|ne sont|n'etait|n'etaient) "
    r"(?:pas|nullement|plus) (?:une? )?(?:competences? |matieres? )?(?:regionales?|federales?"
    r"|communautaires?|bruxelloises?)\b",
    # A sentence of two words: "Matière fédérale.", "Compétence communautaire.", "Federale
    # bevoegdheid."
    r"^\W*(?:matiere|competence|bevoegdheid|materie|aangelegenheid) (?:exclusivement |purement "
    r"|uitsluitend )?(?:federale?|communautaire|communale|regionale|europeenne|gemeentelijke"
    r"|gemeenschaps\w*)\W*$",
    r"^\W*(?:federale|communautaire|gemeentelijke|gemeenschaps\w*|europese|regionale)"
    r" (?:bevoegdheid|materie|aangelegenheid|competence|matiere)\W*$",
    # The matter handled by another member of the government, any tense (sixteenth session):
    # "ce dossier est suivi par le membre du Gouvernement chargé de l'Emploi", "cette matière
    # sera traitée par ma collègue", "dit dossier wordt opgevolgd door mijn collega".
    r"\b(?:ce|cette|ces|le|la|les) (?:dossiers?|matieres?|questions?|points?|sujets?"
    r"|thematiques?|politiques?) (?:est|sont|sera|seront|a ete|ont ete|serait|seraient)"
    r"(?: \w+)? (?:suivie?s?|traitee?s?|geree?s?|prise?s? en charge|pilotee?s?) par (?:le |la |l'"
    r"|mon |ma |notre )?(?:membre du (?:gouvernement|college)|ministre(?!-president)|secretaire"
    r" d'etat|collegue|vice-premier)[^.;,]{0,80}(?:[.;]|$)(?![^.;]*\b(?:avec|grace|qui|dont|et)\b)",
    r"\b(?:dit|deze|het) (?:dossier|materie|thema|beleid|vraagstuk) (?:wordt|werd|zal) (?:\w+ )?"
    r"(?:opgevolgd|gevolgd|behandeld|beheerd) (?:worden )?door (?:de |mijn |onze )?(?:minister"
    r"|collega|staatssecretaris)",
    # No competence, without a verb (sixteenth session): "Pas de compétence régionale en la
    # matière", "Aucune compétence fédérale en ce domaine", "Geen gewestelijke bevoegdheid".
    r"^\W*(?:pas de|aucune) competences? (?:regionales?|federales?|communautaires?|communales?"
    r"|ministerielles?|de (?:la region|l'etat federal|mon departement|ma part)|du (?:gouvernement"
    r"|college))(?: (?:en la matiere|en ce domaine|en l'espece|sur ce point|a ce sujet))?\W*$",
    r"^\W*geen (?:gewestelijke|federale|regionale|gemeenschaps|gemeentelijke) bevoegdhe\w*"
    r"(?: (?:ter zake|in deze aangelegenheid|op dit vlak|hiervoor))?\W*$",
    # "Het Gewest beschikt hierover niet over bevoegdheden", "heeft ter zake geen bevoegdheid".
    r"\b(?:beschik\w*|heeft|hebben|heb)(?: \w+){0,2}? (?:niet over (?:de |enige )?|geen )"
    r"bevoegdhe\w*",
)

# Literal pieces of the phrasings above, for the keyword gate (`answer_keywords`).
_GATE_PIECES = (
    "transm|communiqu|envoy|enverr|adress|remis|remet|fourni|parvenir|parvenu|parviendr|"
    "parvien|depose|recevr|recoi|recevez|a recu|ez recu|ja recu|en recu|repondu|"
    "bezorg|toegestuurd|toegezonden|overgemaakt|verstuurd|gestuurd|toesturen|overmaken|"
    " stuur|retir|sans objet|caduque|ingetrokken|vervallen|zonder voorwerp|doelloos|"
    "reponse|geen antwoord|conjoint|coordonn|identique|similaire|analogue|semblable|"
    "antwoord|trouver|trouvez|trouvera|habilit|qualifie|qualite pour|de prise|ne prise|"
    "emprise|levier|pouvoir de|pouvoir d'|pouvoir reg|bevoegdhe|raadpleg|vinden|lezen|inkijken|"
    # Revision 15's readings, by the literal each match holds that `answer_keywords` does not
    # already give ("compet", "matiere", "bevoeg", "attribution", "membre"): common words
    # ("regional", "traite") would send a third more sentences through every phrasing.
    "par le ministre|par la ministre|par ministre|par le secretaire|par la secretaire|"
    "par secretaire|par mon collegue|par ma collegue|par notre collegue|par le collegue|"
    "par la collegue|par collegue|par le vice|par vice|door de minister|door minister|"
    "door mijn collega|door onze collega|door de collega|door collega|door de staatssec|"
    "door staatssec|materie|aangelegenheid|door naar|door aan|over aan|het is aan|geplaatst|"
    "zend|zond|maak"
)
GATE = tuple(_GATE_PIECES.split("|"))
