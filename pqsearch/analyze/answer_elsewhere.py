"""Where the matter or the answer lies instead, by the grammar of the sentence (`analyze.answers`).

Beside `answer_phrases`, `answer_competence` and `answer_referrals`, which list the verbs and
their usual complements, these are the three kinds a French or Dutch speaker uses whatever the
words, written from the kinds of the ninth blind round's misses (BENCHMARKS.md), not from them:

- the matter as the subject and a predicate that gives it to another holder, however far the
  holder comes after the verb: "relève de ce contrat et donc de la compétence du ministre
  fédéral", "est une matière communautaire", "est, à Bruxelles, une compétence de la Cocom",
  "wordt beheerd door de gemeente"; only saying so (`ATTRIBUTION`)
  decides when the answer says nothing of its own, like `answer_competence.ATTRIBUTION`;
- the member or the question sent to another holder in any mood, with a modal or an invitation:
  "il conviendrait d'adresser votre question à", "je ne puis que renvoyer l'honorable membre
  vers les ministres compétents", "je vous suggère d'interroger les administrations
  communales", "moeten aan de Vlaamse minister worden gesteld"; and the minister's government
  denied the matter ("ne relève pas du Gouvernement") (`SENDING`);
- a document that replaces the answer: "le rapport contient l'ensemble des informations
  demandées", "sont repris dans le cadastre des subsides, accessible sur le site",
  "une interpellation, à laquelle je ne puis que vous renvoyer", "ik verwijs u daarnaar"
  (`BY_REFERENCE`). A document cited beside information of the answer's own leaves it
  substantive, by the partial-answer rule of `answers`; the answer's own annex is never one.

Matched on folded text per sentence like every phrasing, and part of the rules' fingerprint.
"""

from __future__ import annotations

from pqsearch.analyze.answer_competence import BODY
from pqsearch.analyze.answer_phrases import MEMBER

# The competence of a body, or the body itself: "de la compétence exclusive des Régions".
_OF_BODY = (
    rf"(?:de |du |des |d'|a |aux? )(?:la (?:seule )?(?:competence|responsabilite|tutelle"
    rf"|autorite)(?: exclusive| propre)? (?:de |du |des |d'))?(?:{BODY})"
)
# Another holder as a person or an office, by its class: the minister's colleagues, other
# governments and administrations, communes (not "mon administration", "mes services").
_HOLDER = (
    rf"(?:{BODY}|(?:\w+ )?(?:ministres?|collegues?|homologues?|secretaires? d'etat"
    r"|administrations? (?:communales?|federales?|flamandes?|wallonnes?)|services? communaux"
    r"|bourgmestres?|instances? competentes|autorites? competentes)|(?:la )?ville (?:de |d'))"
)
# The minister's own annex gives the information: never a document elsewhere.
_NOT_ANNEX = r"^(?![^.]*\b(?:ci-joint|ci-dessous|ci-apres|en annexe|annexe|bijgevoegd|bijlage))"

ATTRIBUTION: tuple[str, ...] = (
    # The holder after a complement, joined by "et donc", "c'est-à-dire": "relève de ce contrat
    # et donc de la compétence du ministre fédéral", "relèvent du gestionnaire de voirie,
    # c'est-à-dire de la commune".
    rf"\b(?:relev|ressorti)\w* [^.;]{{0,60}}?(?:,? (?:et |donc |c'est-a-dire |a savoir |soit "
    rf"|en l'occurrence |des lors )+|, ){_OF_BODY}",
    # The matter is a competence or a matter of another level or body: "est une matière
    # régionale" (said by a federal minister; the Region's own minister says it only to go on
    # with the substance, which keeps the answer substantive), "est, à Bruxelles, une
    # compétence de la Commission communautaire commune".
    rf"\b(?:est|sont|reste|restent|demeure|demeurent|constitue|constituent)(?:,[^,.;]{{1,30}},"
    rf"| \w+)? (?:une |la |des |les )?(?:matieres?|competences?) (?:(?:exclusives? )?"
    rf"(?:de |du |des |d')(?:{BODY})|(?:exclusivement |purement )?(?:federales?"
    rf"|communautaires?|communales?|europeennes?|regionales?|locales?)\b)",
    # "est du ressort exclusif de la Ville de Bruxelles".
    rf"\b(?:est|sont|reste|restent|relev\w*) du ressort (?:exclusif |propre |entier )?(?:de |du "
    rf"|des |d')(?:les |le |la |l')?{_HOLDER}",
    # The matter is before a court: "Cette affaire est pendante devant le Conseil d'État".
    r"\b(?:est|sont) (?:actuellement |toujours |encore )?pendante?s? devant\b",
    # Not the passive "sont ordonnées par le juge de paix", "sont délivrés par la commune": it
    # is how a matter works, an answer to "who decides?" (review 13 found it read as a refusal).
    # A body named by its legal form, a company or an association, answers for itself: "bpost
    # est une société anonyme de droit public dont l'État est l'actionnaire".
    r"\b(?:est|sont) (?:une |un |des )(?:societes? anonymes?|entreprises? publiques?"
    r"|intercommunales?|asbl|societes? cooperatives?)\b",
    # Dutch, the level or body after "behoort tot / valt onder", or the passive with "door".
    r"\b(?:behoort|behoren|valt|vallen|ressorteert|ressorteren) (?:\w+ ){0,2}?(?:tot|onder) "
    r"(?:de |het )?(?:exclusieve |uitsluitende )?bevoegdhe\w* van ",
    r"\b(?:wordt|worden) (?:\w+ ){0,2}?(?:beheerd|behandeld|geregeld|georganiseerd|beslist"
    r"|uitgebaat) door (?:de |het )?(?:\w+ )?(?:gemeente\w*|gemeenschap\w*|federale"
    r"|vlaamse|waalse|agentschap|politiezone\w*|ocmw\w*|vgc|intercommunale)\b",
)

SENDING: tuple[str, ...] = (
    # The question to be taken elsewhere, impersonally and in any mood: "il conviendrait dès lors
    # d'adresser votre question aux membres du Collège réuni", "il y aurait lieu de poser cette
    # question au ministre fédéral" (the question, not a request the citizen files: "il convient
    # d'adresser une demande à Bruxelles Environnement" is how to apply).
    r"\bil (?:conv\w*|faudr\w*|faut|y (?:a|aurait|aura) lieu|serait (?:preferable|utile"
    r"|opportun|indique)|est (?:preferable|indique)) (?:\w+ ){0,2}?(?:de |d')(?:adresser|poser"
    r"|transmettre|soumettre|relayer|renvoyer|reorienter) (?:votre|cette|ces|vos|la|les) "
    r"questions? (?:\w+ ){0,3}?(?:a |au |aux |aupres (?:de |du |des |d'))(?!(?:mon|ma|mes|notre"
    r"|nos)\b)",
    # The member sent to another holder, any article or adjective before it: "je ne puis que
    # renvoyer l'honorable membre vers les ministres régionaux compétents".
    rf"\b(?:renv[oe]\w*|renverr\w*|redirig\w*|reorient\w*) (?:vous|{MEMBER}) (?:(?:donc|des lors"
    rf"|volontiers|plutot|simplement) )?(?:vers|a|au|aux|aupres (?:de|du|des|d')) ?(?:les |le "
    rf"|la |l'|mon |ma |mes |son |sa |ses )?{_HOLDER}",
    # The member invited to ask another holder: "je vous suggère d'interroger directement les
    # administrations communales", "j'invite l'honorable membre à se rapprocher de
    # l'administration communale" (not the minister's own services, which the class leaves out).
    r"\b(?:je vous|j'invite|je me permets de vous|nous vous|je (?:ne )?(?:peux|puis) (?:donc )?"
    r"que vous)\b[^.;]{0,40}?\b(?:interroger|vous adresser|s'adresser|vous rapprocher"
    rf"|se rapprocher|vous tourner|se tourner|contacter|prendre contact|solliciter)\b[^.;]{{0,40}}?"
    rf"\b(?:d'|de |du |des |a |au |aux |vers |avec |aupres (?:de |du |des |d'))?(?:les |le |la "
    rf"|l')?{_HOLDER}",
    # The holder named before is the one to answer: "la SBGE, placée sous la tutelle de mon
    # collègue, à qui il appartient de vous répondre".
    r"\b(?:a laquelle|auquel|auxquels|auxquelles|a qui) il (?:revient|appartient|incombe"
    r"|reviendra|appartiendra) (?:donc |des lors )?(?:de |d')(?:vous |y )?(?:repondre|renseigner"
    r"|informer|communiquer)\b",
    # The minister's own government denied the matter: "Ni l'une ni l'autre de ces matières ne
    # relève du Gouvernement de la Région", "n'incombe pas à la Région".
    r"\b(?:ne|n') ?(?:relev|ressorti|incomb)\w* (?:pas |nullement |aucunement |en rien |donc pas "
    r"|des lors pas )?(?:du |au |de la |a la )(?:gouvernement|college|region)\b"
    # Not sole holding: "ne relève pas du Gouvernement seul : il a été fixé avec les communes".
    r"(?! (?:seule?|a lui seul|uniquement|exclusivement)\b)",
    # Dutch, the verb last: "Vragen over ... moeten dan ook aan de Vlaamse minister worden
    # gesteld".
    r"\bvra(?:ag|gen)\b(?! om\b)[^.]{0,60}?\b(?:dient|dienen|moet|moeten|zou|zouden|kan"
    r"|kunnen)\b[^.]{0,20}?\baan (?:de |het )?[^.]{0,60}?\b(?:te )?worden (?:gesteld|gericht"
    r"|voorgelegd)\b",
)

BY_REFERENCE: tuple[str, ...] = (
    # A document holds everything asked: "Le communiqué de presse et la présentation,
    # disponibles sur le site du Gouvernement, contiennent l'ensemble des informations
    # demandées".
    rf"{_NOT_ANNEX}[^.]*?\b(?:rapports?|communiques?|presentations?|documents?|etudes?|bilans?"
    r"|notes?|cadastres?|registres?|sites?|publications?|brochures?|comptes? rendus?"
    r"|inventaires?|bases? de donnees|tableaux? de bord)\b[^.]{0,80}?\b(?:contien\w*"
    r"|rassembl\w*|regroup\w*) (?:(?:l'ensemble (?:des|de ces)|toutes (?:les|ces)"
    r"|tous (?:les|ces)) (?:informations|donnees|elements|chiffres|renseignements|reponses"
    r"|precisions)\b|les (?:informations|donnees|elements|chiffres|renseignements|precisions)"
    r" (?:demande|sollicite|souhaite)e?s\b)",
    # What was asked is in a public register or on a site: "Les subsides octroyés par la Région
    # sont repris dans le cadastre des subsides, accessible à tous sur le site de la Région".
    rf"{_NOT_ANNEX}[^.]*?\b(?:sont|est|seront|sera) (?:\w+ )?(?:repris|reprise?s|recense\w*"
    r"|repertorie\w*|disponibles?|consultables?|publie\w*) (?:dans|sur|au|via) (?:le |la |les "
    r"|l')?(?:cadastre|registre|inventaire|base de donnees|repertoire|portail|plateforme)\b",
    # The record named first and the referral in a relative clause: "Ce sujet a fait l'objet
    # d'une interpellation le 20 février, à laquelle je ne puis que vous renvoyer".
    r"\b(?:interpellations?|reponses?|debats?|rapports?|seances?|questions?|comptes? rendus?"
    r"|etudes?|documents?|communiques?|notes?|discussions?|echanges?)\b[^;]{0,120}?"
    r"\b(?:a laquelle|auquel|auxquels|auxquelles|a celle-ci|a celui-ci) (?:je|nous)\b"
    r"[^.;]{0,30}?\b(?:renv[oe]\w*|renverr\w*|referer|reporter)\b",
    # Another's answer stands for this one: "Une réponse coordonnée sera apportée à cette
    # question par le Premier ministre".
    r"\breponse (?:\w+ )?(?:sera|a ete|est|seront|ont ete) (?:\w+ )?(?:apportee|donnee|fournie"
    r"|formulee)s? (?:a (?:cette|votre|ces|vos) questions? )?par (?:le |la |mon |ma )?(?:premier"
    r" ministre|ministre|collegue|secretaire d'etat)",
    # Dutch, the document named before: "Ik verwijs het geachte lid daarnaar".
    r"\b(?:verwijs|verwijzen) (?:ik |wij |we )?(?:u |het geachte lid |de geachte "
    r"volksvertegenwoordiger )?(?:graag |dan ook |hiervoor |dus )?(?:daar|er|hier)naar\b",
)

NOT_COMPETENT: tuple[str, ...] = ATTRIBUTION + SENDING

# The documents of the answer sent to the member and not printed: "Les tableaux détaillés ont été
# adressés par courrier à Mme la députée" (not an act reported: "la réponse de la commune a été
# transmise au député par le bourgmestre").
NOT_PUBLISHED: tuple[str, ...] = (
    rf"\b(?:tableaux|documents|donnees|chiffres|annexes|elements|statistiques|listes?|reponse)"
    rf"(?: \w+)? (?:ont ete|a ete|sont|seront|sera|est) (?:\w+ )?(?:adresse|transmis|envoye"
    rf"|communique|remis)e?s? (?:(?:directement|par courrier|par (?:e-)?mail|par voie "
    rf"electronique) )+(?:a |au |aux )(?:vous\b|{MEMBER}|mme (?:la )?deputee|m\. (?:le )?depute"
    rf"|l'auteur)",
)
