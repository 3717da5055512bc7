"""Competence by institution or level of power, and questions forwarded (`analyze.answers`).

The phrasings of `answer_phrases` know the minister's own remit ("ne relève pas de mes
compétences") and a colleague the member is sent to. These say that the matter belongs to a
body, a level of power or an office-holder other than the minister answering, in any tense and
voice, with or without sending the member there: "la fixation des tarifs relève de Vivaqua",
"leur entretien incombe à Infrabel", "la SNCB est une entreprise publique autonome", "échappe
entièrement au Gouvernement bruxellois"; or that the question was forwarded ("j'ai transmis
votre question à mon collègue", "transmise pour raison de compétence"). Data, matched on folded
text per sentence like the other phrasings, and part of the rules' fingerprint. Like every
phrasing they do not decide when the answer also answers part of the question ("relève des
communes, qui en ont délivré 4.212"), by the partial-answer rule of `answers`.
"""

from __future__ import annotations

# Bodies and levels that answer for themselves, seen from a regional or federal minister: other
# levels of power (not "la Région", which is the Brussels minister's own), the judiciary, local
# and European authorities, autonomous and private bodies, and Belgian public companies and
# regulators by name (a gazetteer: their names say they are not a minister's administration).
BODY = (
    r"(?:l'autorite federale|l'etat federal|(?:l'|les )?autorites? (?:federales?|communales?"
    r"|locales?|judiciaires?|europeennes?|flamandes?|wallonnes?|de tutelle)"
    r"|(?:du |le |au )?(?:niveau|pouvoir) (?:federal|communal|local|europeen|judiciaire)"
    r"|(?:des |les |aux )?(?:regions|communautes|communes|entites federees|pouvoirs locaux)"
    r"|(?:la |une |chaque )?(?:commune|communaute (?:francaise|flamande|germanophone))"
    r"|(?:la |les |chaque )?zones? de police|(?:la |les )?police locale|(?:les |le )?cpas"
    r"|(?:l'|les |chaque )?(?:universites?|hautes? ecoles?|intercommunales?)"
    r"|(?:le |les |au |aux )?(?:regulateurs?|parquets?|juges?|tribuna\w*|cours? (?:d'appel"
    r"|du travail|de cassation|constitutionnelle|des comptes)|pouvoir judiciaire|ministere public"
    r"|conseil d'etat)|(?:la |l')?(?:commission europeenne|union europeenne)"
    r"|(?:les |le |des |du )?(?:bourgmestres?|conseils? de police|colleges? de police"
    r"|conseils? communaux|colleges? des bourgmestres)"
    r"|(?:mon |ma |mes )(?:collegues?|homologues?)|(?:le |la |au |du )?ministre (?:federal|federale"
    r"|de |du |des |en charge|competent)|(?:le |la )?secretaire d'etat"
    r"|(?:la |une |l')?(?:fondation|asbl|entreprise (?:publique|privee)|societe (?:privee"
    r"|anonyme|publique))"
    # A class, not a name: "les autorités compétentes en matière de santé", "des opérateurs
    # privés", "les institutions elles-mêmes" (bodies answering for themselves), "la Région
    # flamande".
    r"|(?:les |des |l')?autorites competentes|(?:un |des |les |l')?operateurs? prive\w*"
    r"|(?:les |des )?(?:institutions|etablissements|organismes|societes|entreprises|hopitaux"
    r"|ecoles|communes|operateurs)(?: \w+)? (?:elles|eux)-memes"
    r"|(?:la )?region (?:flamande|wallonne)|(?:het )?vlaams gewest|(?:de )?vlaamse gemeenschap"
    r"|(?:la |l'|le )?(?:sncb|nmbs|infrabel|bpost|proximus|vivaqua|brugel|sibelga|creg|ibpt"
    r"|bipt|elia|fluxys|unia|afsca|ulb|vub|uclouvain)"
    # The other entities of Brussels and its communities, and their bodies.
    r"|(?:la )?federation wallonie-bruxelles|(?:la )?commission communautaire (?:francaise"
    r"|flamande|commune)|(?:la )?(?:cocof|cocom|vgc)|l'office de la naissance et de l'enfance"
    r"|kind en gezin|ggc)\b"
)

ATTRIBUTION: tuple[str, ...] = (
    # The matter belongs to someone else, an adverb or none between: "relève de la Commission
    # européenne", "relève toutefois de l'autorité des bourgmestres", "est du ressort des
    # communes", "incombe à cette société".
    rf"\b(?:relev\w*|ressorti\w*|est du ressort|sont du ressort) (?:avant tout |des lors "
    rf"|par ailleurs |en effet |pour sa part |\w+ )?(?:de |du |des |d'|a |aux? )"
    rf"(?:la (?:seule )?(?:competence|responsabilite|tutelle|autorite)(?: exclusive| propre"
    rf"| pleine et entiere)? (?:de |du |des |d')"
    rf"|l'autorite (?:de |du |des |d'))?{BODY}",
    rf"\bincomb\w* (?:\w+ )?(?:a |au |aux )"
    rf"(?:cette |ce |ces )?(?:{BODY}|societe|gestionnaire|operateur|organisme|institution)",
    # "Cette question relevant de ses attributions": the remit of someone named before.
    r"\brelev\w* (?:de |des |du )(?:ses|leurs?|son|sa) (?:propres? )?(?:competences?"
    r"|attributions?|ressort)\b",
    # Beyond the minister's government: "échappe entièrement au Gouvernement bruxellois".
    r"\bechapp\w* (?:entierement |totalement |completement |donc |des lors )?(?:a (?:mes|ma"
    r"|nos|notre) (?:competences?|attributions?|ressort|tutelle)|au gouvernement|a la region"
    r"|au college|a l'autorite regionale)\b",
    # An autonomous body: "les zones de police sont des entités autonomes", "la SNCB est une
    # entreprise publique autonome", "Actiris, organisme autonome", "un régulateur indépendant".
    r"\b(?:entites?|organismes?|institutions?|entreprises?|societes?|personnes? morales?"
    r"|organes?|administrations?|autorites?|fondations?)(?: d'interet public| \w+){0,3}? "
    r"(?:autonomes?|independante?s?)\b",
    # "L'université dispose d'une autonomie complète dans la gestion de son personnel".
    r"\b(?:dispos\w*|jouit|jouissent|beneficie\w*) d'une (?:large |pleine |totale |complete )?"
    r"autonomie\b",
    # "Les universités sont pleinement autonomes dans l'organisation de leurs cursus".
    r"\b(?:sont|est|restent|reste|demeurent|demeure) (?:pleinement |entierement |totalement "
    r"|seule?s? |donc )?(?:autonomes?|independante?s?) (?:dans|pour|en|quant|sur)\b",
    r"\bregulateurs? independants?\b",
    # The minister has no power over it: "le SPF Intérieur ne dispose pas d'un pouvoir
    # d'instruction en la matière", "je n'ai aucune compétence en la matière".
    # "La Région n'y dispose d'aucune compétence", "ne dispose d'aucun levier en la matière",
    # "le Gouvernement n'exerce aucune tutelle sur ses recrutements".
    r"\b(?:ne|n') ?(?:y )?(?:dispos\w*|a|ont|avons|ai|exerc\w*|detien\w*|possed\w*)"
    r" (?:pas (?:d'un |d'une |de |d')?|d'aucune? |aucune? |plus (?:de |d'|aucune? ))"
    r"(?:pouvoirs?|competences?|tutelle|leviers?|autorite)(?: d'instruction| de tutelle"
    r"| de controle| hierarchique)?(?: en (?:la|cette) matiere"
    r"| sur (?:ces|cette|ce|les|leurs?|ses|son|sa)\b| a cet egard| dans ce (?:domaine|dossier)"
    r"|(?=\s*(?:[.;,]|$)))",
    # The minister's government takes no part in it: "Le Gouvernement n'intervient pas dans
    # leur fixation" (its own decisions are said in the active: "intervient à hauteur de").
    r"\b(?:le gouvernement|la region|le college|je|nous) (?:\w+ )?(?:n'intervien\w*|n'interviens)"
    r" (?:pas|nullement|aucunement|d'aucune maniere) dans (?:la |le |les |leur |leurs |sa |son "
    r"|ses |ces |cette |ce )?(?:fixation|gestion|decision|choix|organisation|determination"
    r"|attribution|nomination|recrutement)s?\b",
    # Someone else is to decide: "il appartient à la commune de statuer sur la demande" (whose
    # matter it is, not sending the member: a fact of the answer's own still outweighs it).
    r"\bil (?:appartient|revient|incombe) (?:donc |des lors |par consequent )?"
    r"(?:a |au |aux )(?!(?:la region|gouvernement|college|moi|nous|juges?|tribuna\w*|cours?)\b)"
    r"[^.;]{0,80}? (?:de |d')(?:se prononcer|statuer|trancher)\b",
    # The judiciary's independence: "conformément au principe de l'indépendance du pouvoir
    # judiciaire, il ne m'appartient pas de commenter une affaire pendante".
    r"\b(?:independance (?:du pouvoir judiciaire|de la justice|des juges|des magistrats)"
    r"|separation des pouvoirs)\b[^.]{0,80}?\bne (?:m'|nous )appart\w* pas\b",
    r"\bne (?:m'|nous )appart\w* pas\b[^.]{0,80}?\b(?:affaires? pendantes?|independance (?:du"
    r" pouvoir judiciaire|de la justice)|separation des pouvoirs)\b",
    # Not the minister's government's to decide: "il n'appartient pas au Gouvernement bruxellois
    # de se prononcer sur son organisation" (the minister's own "il ne m'appartient pas de
    # commenter" often goes on to the substance, and is left to `answer_phrases`).
    r"\bil n'appart\w* pas (?:au gouvernement|a la region|au college|a l'autorite regionale"
    r"|a l'autorite federale|a l'etat federal|au ministre|a la ministre)\b[^.]{0,30}? (?:de |d')"
    r"(?:se prononcer|statuer|decider|intervenir|juger|s'immiscer)\b",
    r"\b(?:a laquelle|auquel|auxquels|auxquelles|a qui) il (?:revient|appartient|incombe) de "
    r"(?:se prononcer|statuer|decider|repondre|trancher)\b",
    # Dutch: "is een gemeentelijke bevoegdheid".
    r"\b(?:is|zijn|blijft|blijven) (?:een |de )?(?:exclusieve )?(?:gemeentelijke|gewestelijke"
    r"|federale|communautaire|lokale|europese) bevoegdhe",
    # "De kinderopvang is een gemeenschapsbevoegdheid": the compound names the level.
    r"\b(?:is|zijn|blijft|blijven) (?:een |de )?(?:exclusieve )?(?:gemeenschaps|gemeente|gewest"
    r"|federale )bevoegdhe",
    # "De organisatie van het onderwijs is een zaak van de Gemeenschappen".
    r"\b(?:is|zijn|blijft|blijven) (?:een |de )?(?:exclusieve )?(?:zaak|aangelegenheid) van de "
    r"(?:gemeenschappen|gewesten|gemeenten|federale overheid|vlaamse gemeenschap|franse "
    r"gemeenschap|politiezones)\b",
    # The competent level as the subject, in either order: "Voor de Nederlandstalige opvang is
    # de Vlaamse Gemeenschap bevoegd", "de politiezones zijn bevoegd".
    r"\b(?:is|zijn) (?:de |het )?(?:vlaamse |franse |duitstalige )?(?:gemeenschap\w*|federale"
    r" (?:overheid|regering|staat)|gemeente\w*|politiezones?|ocmw\w*|gewesten|vlaams gewest"
    r"|waals gewest|vgc|cocof|ggc)\b[^.,;]{0,40}? bevoegd\b",
    r"\b(?:valt|vallen|behoort|behoren) (?:onder|tot) (?:de |hun )?(?:gemeentelijke|lokale)"
    r" autonomie\b",
    r"\b(?:gemeenten|gewesten|gemeenschappen|politiezones|federale overheid|universiteiten)"
    r" (?:is|zijn) (?:als enige |exclusief |zelf )?bevoegd\b",
    # Named with what it is, another level's or an autonomous body: "relève de l'assurance
    # maladie-invalidité, compétence fédérale", "relèvent de l'Office de la naissance et de
    # l'enfance, organisme de la Fédération Wallonie-Bruxelles" (not a regional body, which may
    # be the minister's own).
    r"\b(?:relev|ressorti)\w* (?:\w+ )?(?:de |du |des |d'|a |aux? )[^.;]{0,80}?, (?:une |un |l'"
    r"|le |la )?(?:(?:matiere|competence) (?:federale|regionale|communautaire|communale"
    r"|europeenne)|(?:organisme|institution|entreprise|societe|intercommunale|asbl|operateur"
    r"|organe|entite|agence|autorite|office)s? (?:d'interet public )?(?:de la (?:federation"
    r"|communaute)|de l'etat federal|federa\w*|communa\w*|prive\w*|autonome\w*|independa\w*"
    r"|europeen\w*))\b",
    # A body's own organs: "dont la gestion du personnel relève exclusivement de ses organes de
    # gestion".
    r"\brelev\w* (?:exclusivement |uniquement |entierement |pleinement )?(?:de |des |du )(?:ses"
    r"|leurs?|son|sa) (?:propres? )?(?:organes?|instances?|conseils? d'administration|direction"
    r"|dirigeants)\b",
    # Placed under someone else's authority: "l'administration placée sous l'autorité de mon
    # collègue" (not "le chef de corps exerce ces attributions sous l'autorité du bourgmestre",
    # which says how the police work).
    rf"\bplace(?:e|s|es)? sous (?:l'autorite|la tutelle|la responsabilite) (?:de |du |des |d')?"
    rf"{BODY}",
    # The decision is someone else's: "la décision de fermer une agence appartient à la banque
    # concernée", "la fixation des tarifs revient à Brugel" (not "incombe au propriétaire
    # riverain", a duty on the substance).
    rf"\b(?:decision|choix|fixation|gestion|organisation|politique \w+|designation|nomination"
    rf"|tarification|recrutement)\b[^.]{{0,60}}?"
    rf"\b(?:appartient|appartiennent|revient|reviennent) (?:exclusivement |uniquement "
    rf"|entierement |donc )?(?:a |au |aux )(?:{BODY}|(?:la |le |les |l')?(?:banques?"
    rf"|entreprises?|societes?|operateurs?|compagnies?)\b"
    # A body's governing organ: "appartient à l'assemblée générale de l'intercommunale".
    rf"|(?:l'assemblee generale|(?:le |son |leur )conseil d'administration|(?:le |son |leur )"
    rf"comite de direction|(?:les |ses |leurs )organes de gestion)\b)",
    # Set by someone else, in the passive: "est réglementé par l'État fédéral", "sont établies
    # par les conseils communaux", "est fixée par la SNCB elle-même".
    rf"\b(?:est|sont|reste|restent|demeure|demeurent)(?: \w+)? (?:fixee?s?|reglementee?s?"
    rf"|decidee?s?|etablie?s?|determinee?s?|geree?s?|exploitee?s?|administree?s?)"
    rf" (?:exclusivement |uniquement "
    rf"|souverainement |librement )?par (?:{BODY}|(?:ses|leurs?|son|sa) (?:propres? )?"
    rf"(?:organes?|instances?|conseils? d'administration|direction|dirigeants)\b)",
    # "une décision commerciale qui lui appartient".
    r"\b(?:decision|choix|prerogative|responsabilite)s?\b[^.]{0,40}? qui (?:lui|leur) "
    r"(?:appartient|appartiennent|revient|reviennent)\b",
    # Moved to another level by a state reform: "ont été transférées aux Régions lors de la
    # sixième réforme de l'État".
    # A level of power, not any body: "le SPF Justice les transfère au parquet fédéral" is a
    # procedure.
    r"\b(?:transferee?s?|regionalisee?s?|communautarisee?s?|defederalisee?s?) (?:\w+ )?"
    r"(?:a |au |aux |vers )(?:la |les )?(?:regions?|communautes?|entites federees|communes"
    r"|pouvoirs locaux|l'etat federal|l'autorite federale|niveau (?:federal|regional|communal"
    r"|communautaire))\b",
    # A body or level, by its class, as the subject of "est compétent": "Les tribunaux sont
    # seuls compétents pour apprécier ces situations", "la Communauté flamande est seule
    # compétente" (not the minister's own body, which the class leaves out).
    rf"(?:^\W*|[,;:] )(?:{BODY}) (?:\w+ )?(?:est|sont|reste|restent|demeure|demeurent) (?:seule?s? "
    rf"|exclusivement |pleinement |entierement )?competente?s?\b",
    # The matter or the remit belongs to a body: "Cette compétence appartient à la Commission
    # communautaire flamande".
    rf"\b(?:competences?|matieres?|responsabilites?|tutelle)\b[^.]{{0,60}}?\b(?:appartient"
    rf"|appartiennent|revient|reviennent) (?:exclusivement |uniquement |entierement |donc )?"
    rf"(?:a |au |aux )(?:{BODY})",
    # Someone else named as the competent one: "c'est la zone de police qui est compétente".
    # Not the minister's own government: "c'est la Région qui est compétente, et elle a ...",
    # nor the minister's own administration, whose remit is the substance: "c'est la Direction
    # de l'Inspection régionale du logement qui est compétente".
    r"\bc'est (?:a )?(?:la |le |les |l'|chaque )(?!region\b|gouvernement\b|college\b"
    r"|direction\b|administration\b|cellule\b|departement\b|sprb\b|service public regional\b"
    r"|services? regiona\w*|agence regionale\b)"
    r"[^.,;]{0,50}? qui (?:est|sont|serait|seraient)"
    r" (?:seule?s? |pleinement |exclusivement )?competente?s?\b",
)

# The member is sent, or the question was sent, to someone else: a redirection as strong as
# `answer_phrases`' own, which decides the type as they do.
SENDING: tuple[str, ...] = (
    # The member to ask someone else, impersonally: "il vous appartient de les solliciter
    # auprès des chefs de corps", "il vous revient de les demander auprès de".
    r"\bil (?:vous )?(?:appart\w*|rev\w*|incomb\w*) (?:donc )?(?:de |d')(?:les |la |le |l')?"
    r"(?:solliciter|demander|obtenir|reclamer)\b[^.]{0,30}?\baupres (?:de|du|des|d')\b",
    # Forwarded: "j'ai transmis votre question à mon collègue", "j'ai pris la liberté de
    # transmettre votre question à Infrabel" (not when the recipient's reply follows: "à
    # Bruxelles Mobilité, qui m'informe que ...").
    rf"\b(?:j'ai|nous avons|je me suis permis de|nous nous sommes permis de|j'ai pris la liberte"
    rf" de|je vais|nous allons)(?: \w+)? (?:transmis|transmettre|relaye|relayer|fait suivre"
    rf"|faire suivre) (?:votre|cette|la|vos|ces) (?:question|demande)s?\b[^.]{{0,40}}?"
    rf"\b(?:a|au|aux) (?:{BODY}|ministre|collegue)"
    rf"(?![^.]{{0,80}}\bqui (?:m'|nous )?(?:informe|indique|communique|precise|repond|a repondu"
    rf"|fait savoir)\b)",
    r"\b(?:transmise?s?|transfere\w*|renvoyee?s?|reorientee?s?|envoyee?s?) (?:\w+ )?pour "
    r"(?:raisons? de |cause de |motif de )?competence\b",
    r"\bje (?:l'|les )ai (?:informee?s?|saisie?s?|avisee?s?) de (?:votre|cette) (?:question"
    r"|demande)\b",
    # "Het komt aan de gemeentebesturen toe om uw vragen te beantwoorden" (not "laat niet toe om
    # de vragen te beantwoorden": the data does not allow it, which answers there are no figures).
    r"\bkomt\b[^.]{0,50}?\btoe om (?:(?:(?:op )?(?:deze|uw|die|de|dergelijke)"
    r" vra\w+|hierop|daarop|u|het (?:geachte )?lid) )?(?:\w+ )?(?:te beantwoorden|te antwoorden)\b",
    # Someone named before is the one to answer: "Il lui appartient de vous répondre", "les
    # communes concernées sont les mieux placées pour vous répondre".
    r"\bil (?:lui|leur) (?:appart\w*|rev\w*|incomb\w*) (?:donc |des lors |par consequent )?"
    r"(?:de |d')(?:vous |y )?(?:repondre|renseigner|informer)\b",
    # The holder may be named by its class first (sixteenth session): "sont donc les autorités
    # à même de répondre à votre question", "est l'instance compétente pour répondre à ...".
    r"\b(?:est|sont|sera|seront|serait|seraient)(?: donc| des lors)? (?:les |le |la |l')?"
    r"(?:(?:seule?s? )?(?:autorites?|instances?|interlocut\w+|organismes?|entites?|niveaux? de"
    r" pouvoir|acteurs?|administrations?) )?(?:(?:mieux"
    r" place\w*|(?:plus|mieux) a meme|seule?s? a meme|a meme) (?:pour |de |d')(?:vous |y )?"
    r"(?:repondre|renseigner|informer|fournir)\b|(?:competente?s?|habilitee?s?) pour (?:vous )?"
    r"repondre a (?:votre|cette|vos|ces) questions?\b)",
    # Someone else is to answer: "il appartient dès lors à la ministre flamande de
    # l'Environnement de répondre à ces questions" (not the minister's own government: "il
    # appartient au Gouvernement de répondre à ce défi" is the substance).
    r"\bil (?:appartient|revient|incombe) (?:donc |des lors |par consequent )?"
    r"(?:a |au |aux )(?!(?:la region|gouvernement|college|moi|nous)\b)[^.;]{0,80}? (?:de |d')"
    r"(?:(?:vous |y )?repondre(?: a (?:ces|vos|cette|votre) (?:questions?|demandes?)|\s*[.;,]"
    r"|\s*$)|vous (?:renseigner|informer|communiquer)"
    r"|(?:vous )?fournir (?:ces|les|de telles) (?:informations|donnees|chiffres))",
    # The question itself to be put elsewhere, with a modal: "Votre question mériterait dès lors
    # d'être adressée au ministre fédéral", "devrait être posée à la Commission communautaire"
    # (not "a été transmise à la STIB, qui m'informe ...": the minister consulted it).
    r"\b(?:votre|cette|la|ces|vos) questions? (?:\w+ ){0,3}?(?:d'|a )?etre (?:plutot |plus "
    r"utilement |utilement |donc )?(?:adressee|posee|transmise|soumise|renvoyee|reorientee"
    r"|dirigee)s? (?:a|au|aux|aupres|vers)\b",
    # The same with the addressee first, in a cleft: "C'est donc vers elle que votre question
    # devrait être dirigée", "c'est à la COCOM qu'il convient d'adresser ces questions".
    r"\bc'est (?:donc |des lors |plutot |bien )?(?:a |au |aux |vers |aupres (?:de |du |des |d'))"
    r"[^.]{0,60}? qu(?:e |')[^.]{0,40}?\b(?:questions?|demandes?)\b[^.]{0,30}?\b(?:adress|pos"
    r"|transm|dirig|soum|renvoy)\w*",
    # Forwarded, the recipient a pronoun: "Je lui ai fait suivre votre question afin qu'elle
    # puisse y répondre" (the question named: "je leur ai adressé un courrier" is an act).
    r"\b(?:je|nous) (?:lui|leur) (?:ai|avons) (?:deja |donc )?(?:transmis|fait suivre|relaye"
    r"|adresse|soumis) (?:votre|cette|vos|ces|la) (?:questions?|demandes?)\b",
    # Where to get the information: "je vous invite à vous adresser à Brugel pour obtenir ces
    # informations", "les données que vous demandez doivent lui être demandées" (not the
    # minister's own services: "à mon administration", "à mes services").
    r"\b(?:vous |s')adress\w* (?:a |au |aux |aupres (?:de |du |des |d'))(?!(?:mon|ma|mes|notre"
    r"|nos)\b)[^.;]{0,60}? pour (?:obtenir|recevoir|connaitre|disposer) (?:de )?(?:ces|les"
    r"|de telles|vos) (?:informations|donnees|chiffres|renseignements|precisions|statistiques)\b",
    # What the member asks for, not a procedure's requests ("des données complémentaires ...,
    # lesquelles peuvent lui être demandées dans le cadre d'une demande de renseignements").
    r"\bvous\b[^.;]{0,60}?\b(?:doivent|doit|peuvent|peut|devront|devra|pourront|pourra) (?:lui"
    r"|leur) etre (?:demandee?s?|adressee?s?|posee?s?|reclamee?s?)\b",
    # Sent to those named before: "Je ne peux que vous renvoyer vers eux" (a record is
    # `answer_referrals`'); the member is the one sent ("les élèves sont orientés vers eux" is
    # how a service works).
    r"\b(?:vous|l'honorable membre|(?:le|la) (?:membre|deputee?)) (?:\w+ ){0,2}?(?:renv[oe]\w*"
    r"|renverr\w*|orient\w*|reorient\w*) (?:\w+ )?(?:vers|aupres d') (?:eux|elles?|lui"
    r"|ces derniers|ces dernieres|ces instances|ces operateurs)\b",
    # The question to be taken to a body, by its class: "je vous suggère de poser cette question
    # à la COCOM", "je vous invite à transmettre votre question au CPAS de Schaerbeek".
    rf"\b(?:poser|adresser|transmettre|soumettre|relayer) (?:votre|cette|ces|vos|la|les) "
    rf"(?:questions?|demandes?) (?:a |au |aux |aupres (?:de |du |des |d'))(?:{BODY})",
    # Dutch: "Deze vraag dient gesteld te worden aan de federale minister van Justitie".
    # Not a request to be filed: "de vraag om uitbreiding ... dient voorgelegd te worden aan".
    r"\bvra(?:ag|gen)\b(?! om\b)[^.]{0,40}?\b(?:dient|dienen|moet|moeten|zou|zouden|kan"
    r"|kunnen) (?:beter |best |eerder )?(?:gesteld|gericht|voorgelegd|gesteld te worden"
    r"|te worden gesteld) (?:te worden |worden )?aan\b",
    # Forwarding in the present: "Je transmets votre question à ma collègue en charge de
    # l'Emploi" (not when the recipient's reply follows, as above).
    rf"\b(?:je|nous) (?:transmets|transmettons|fais suivre|faisons suivre|relaie|relaye|relayons)"
    rf" (?:\w+ )?(?:votre|cette|la|vos|ces) (?:question|demande)s?\b[^.]{{0,40}}?\b(?:a|au|aux) "
    rf"(?:{BODY}|ministre|collegue)(?![^.]{{0,80}}\bqui (?:m'|nous )?(?:informe|indique"
    rf"|communique|precise|repond|a repondu|fait savoir)\b)",
    # Dutch, the member sent: "Ik kan u enkel doorverwijzen naar de bevoegde federale minister",
    # "Sta mij toe u te verwijzen naar de Gemeenschappen" (not "kwetsbare huurders worden
    # doorverwezen naar het OCMW": how a service works).
    r"\b(?:(?:u|het geachte lid) (?:\w+ ){0,6}?(?:door)?verwijzen|(?:door)?verwijs (?:ik|wij|we)"
    r" (?:u|het geachte lid)) (?:\w+ ){0,4}?naar (?:de |het |mijn |haar |zijn )?(?:\w+ ){0,2}?"
    # Who, not what: "naar de ministeriële omzendbrief GPI 79" is a document.
    r"(?:ministers?|collega(?:'s)?|staatssecretaris\w*|gemeente\w*|gewest\w*|gemeenschap\w*"
    r"|bevoegde|ocmw\w*|politiezone\w*|federale overheid|kabinet)\b",
    # "Il vous est loisible d'interroger le ministre fédéral de la Mobilité".
    r"\bil vous (?:est|sera|serait) (?:loisible|possible) (?:de |d')[^.]{0,20}?\b(?:interroger"
    r"|adresser|poser|contacter|tourner|solliciter)\b[^.]{0,60}?\b(?:ministres?|collegues?"
    r"|homologues?|secretaires? d'etat|bourgmestres?|communes?|autorites?)\b",
    # Dutch, the verb last: "Ik stel voor dat u zich tot de burgemeesters richt" (someone else:
    # "u kunt zich tot het loket van Leefmilieu Brussel richten" is the minister's own service).
    r"\b(?:u|het geachte lid) (?:kunt |kan |moet |dient |zou )?(?:zich )?(?:best |beter "
    r"|het best )?(?:tot|naar) (?:de |het |uw |mijn |zijn |haar )?(?:\w+ )?(?:minister|collega"
    r"|burgemeester|gemeente|gewest|gemeenschap|federale|bevoegde|ocmw|politiezone"
    r"|staatssecretaris|schepen)\w*\b[^.]{0,60}?\b(?:richt|richten|wendt|wenden)\b",
    # Or to those named before: "Ik stel voor dat u zich tot hen richt".
    r"\b(?:u|het geachte lid) (?:kunt |kan |moet |dient |zou )?(?:zich )?(?:best |beter "
    r"|het best )?(?:tot|naar) (?:hen|hem|die instanties?|deze instanties?)\b[^.]{0,30}?"
    r"\b(?:richt|richten|wendt|wenden)\b",
    # The minister's own remit denied with "ni": "Ni l'une ni l'autre de ces matières ne relève
    # de mes attributions".
    r"\bni\b[^.]{0,80}?\bne (?:relev|entr|rentr|tomb)\w* (?:de|dans|du|des|d')(?: ?(?:la|le|les"
    r"|l'|mes|mon|ma|nos|notre|cadre|champ|domaine|de|du|des|d')\b){0,3} ?(?:competences?"
    r"|ressort|attributions?|departements?|portefeuilles?)\b",
)

# Only saying whose matter it is ("relève des communes", "la SNCB est une entreprise publique
# autonome") is weaker than sending the member there: an answer that says it and then says
# anything of its own ("La Région a toutefois publié un guide ...") is substantive
# (`answers._rules_reading`); the review of 3 December 2026 found 20 of 33 such answers misread
# when this weighed as much as a redirection.
NOT_COMPETENT: tuple[str, ...] = ATTRIBUTION + SENDING

# What may follow such a statement without making the answer substantive: the minister cannot
# answer or does not hold the information, or points the member to whoever does ("Je ne dispose
# dès lors pas de ces informations, qui peuvent être obtenues auprès des zones concernées",
# "L'honorable membre peut prendre contact avec le recteur").
DECLINING = (
    r"\b(?:(?:ne (?:m'|nous )?(?:est|sont) pas|n'est pas) possible"
    r"|je ne (?:peux|puis|saurais)(?! que\b)|(?:ne suis|n'est|ne sommes) pas en mesure)\b"
    r"[^.]{0,40}?\b(?:repondre|communiquer|fournir|donner|commenter|exprimer|prononcer)\b"
    # Declining to comment, in any tense or mood and whatever frames it: "je ne commenterai
    # pas", "vous comprendrez que je ne commente pas une procédure en cours", "je ne ferai aucun
    # commentaire", "que je m'abstienne de tout commentaire", "je me garderai de me prononcer",
    # "il ne serait pas opportun que je me prononce"; not "je ne peux que me prononcer pour".
    r"|\b(?:je|nous) (?:ne |n')(?:(?!\bque\b)[^.;,]){0,40}?\b(?:comment(?:e|es|ent|er|erai"
    r"|erons|erais|erait|erions|aires?)|(?:me |m'|nous )(?:prononc|exprim)\w*)\b"
    r"|\b(?:m'|me |nous |s')(?:abst\w*|gard\w*|interdi\w*|refus\w*)(?: bien| donc| des lors)?"
    r"(?: (?:de|d'|a))? ?(?:(?:tout|toute|aucun|quelque)e? )?(?:commentaires?|commenter|reagir"
    r"|declarations?|prises? de position|(?:me |m'|nous |se |s')(?:prononcer|exprimer))\b"
    r"|\bil (?:ne |n')(?:me |m'|nous )?(?:\w+ ){0,2}?pas (?:\w+ )?(?:opportun|indique|approprie"
    r"|d'usage|souhaitable|judicieux|de mise|convenable)e? (?:de |d'|que (?:je|nous) )"
    r"(?:me |m'|nous )?(?:comment|prononc|exprim)\w*"
    # The same in Dutch: "ik onthoud mij van commentaar zolang de procedure loopt", "dat ik mij
    # van elk commentaar onthoud", "ik kan hierover geen commentaar geven", "ik kan mij niet
    # uitspreken over een lopende procedure".
    r"|\b(?:(?:ik|wij|we) (?:onthoud|onthouden)|onthoud(?:en)? (?:ik|wij|we)) (?:mij|me|ons)\b"
    r"[^.;]{0,30}?\b(?:commentaar|uitspraken?|reacties?)\b"
    r"|\b(?:ik|wij|we) (?:mij|me|ons)\b[^.;]{0,30}?\b(?:commentaar|uitspraken?) (?:\w+ )?onthoud"
    r"|\b(?:ik|wij|we)\b[^.;]{0,30}?\bgeen (?:enkel |verder |verdere )?(?:commentaar|uitspraak)\b"
    r"|\b(?:ik|wij|we)\b[^.;]{0,30}?\bniet\b[^.;]{0,20}?\b(?:uit(?: te)? ?spre\w+"
    r"|(?:te )?becommentarie\w+|in(?: te)? ?gaan)\b"
    r"|\bne dispos\w* (?:\w+ ){0,2}?(?:pas|d'aucune?|des|ni) (?:de |d')?"
    r"(?:ces|ses|telles|leurs|cette|les)? ?(?:informations?|donnees?|chiffres|statistiques)\b"
    # "Je n'ai pas d'information à ce sujet."
    r"|\b(?:je n'ai|nous n'avons) (?:pas|aucune?) (?:d'|de )?(?:informations?|donnees?|chiffres)\b"
    r"|\b(?:aupres (?:de|du|des|d')|prendre contact|s'adresser|vous adresser|contacter|interroger"
    r"|se tourner vers|vous tourner vers)\b"
    # "Je n'ai pas connaissance de leur produit".
    r"|\b(?:je n'ai|nous n'avons) pas connaissance\b"
    # "Les universités sont des institutions autonomes. Il leur revient de fixer ...": theirs.
    r"|\bil (?:leur|lui) (?:revient|appartient|incombe) (?:donc |des lors )?(?:de |d')"
    # "Je lui ai fait suivre votre question."
    r"|\b(?:fait suivre|transmis|transmettre|relaye|relayer)\b[^.]{0,30}?\b(?:question|demande)s?\b"
)
