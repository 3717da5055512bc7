"""The phrasings of an answer that points to another answer, or to what was said or shown
elsewhere (`analyze.answers`): data, not logic.

Split unchanged from `answer_phrases` (which keeps the member's forms and the not-competent
phrasings); matched per sentence on folded text like them, and part of the rules' fingerprint
(`answers.rules_fingerprint`).
"""

from __future__ import annotations

from pqsearch.analyze.answer_phrases import MEMBER

# A sentence that points to another answer, or to what was said or shown elsewhere.
BY_REFERENCE: tuple[str, ...] = (
    # "Reporter" refers only reflexively ("vous reporter à"): "le projet a été reporté à 2027"
    # is postponed; "en réponse à" is a locution ("en réponse aux demandes des communes").
    r"\b(?:renv[oe]\w*|renverr\w*|refer\w*|(?:se|vous|me|nous|s'y|vous y) report\w*|voir"
    r"|consulter)\b[^.]{0,80}?(?<!\ben )\breponses?\b",
    # Not "nous avons répondu favorablement à cette demande": a decision on the substance.
    r"\b(?:j'ai|nous avons|il a|il y a) (?:deja |bien )?(?:eu l'occasion de |ete )?"
    r"(?:deja )?(?:repondu|repondre)\b"
    r"(?! (?:favorablement|positivement|negativement|defavorablement)\b)",
    # Another minister answered the same question: "ma collègue y a répondu", "le ministre
    # a déjà répondu en partie à cette question".
    r"\b(?:a|ont|avait|avaient|aurait) (?:deja |egalement |aussi |bien |en partie )*"
    r"repondu (?:deja |en partie |egalement )*(?:a|aux?) (?:cette|votre|vos|ces|la meme|une|"
    r"des) (?:\w+ )?questions?\b(?![^.]{0,30}\ben (?:annon|adopt|prena|mett|lan)\w*)",
    # Not "la Région y a répondu par un plan de 12 mesures".
    r"\by (?:a|ont|avait) (?:deja |egalement |aussi |bien )*repondu\b(?! (?:par|avec)\b)",
    # A citation ("comme indiqué dans ma réponse à la question n° 12, ..."): what follows
    # the comma may be information of its own (see `_CITATION`).
    r"\b(?:comme|ainsi que|tel que)\b(?: (?:je l'ai|nous l'avons|il a ete|cela a ete|deja|"
    r"precedemment))* (?:indique|precise|explique|mentionne|repondu|communique|souligne|"
    r"expose)e?s?\b[^.]{0,40}\breponse\b",
    # The bulletin that publishes the answers, cited by number: a published answer.
    r"\bbulletin des questions et reponses\b|\bvragen en antwoorden,? (?:nr|n)\b",
    # Given by someone else, not sent by post: "la réponse sera donnée par ma collègue",
    # not "communiquée par courriel".
    r"\breponse (?:a (?:cette|votre) question )?(?:sera|a ete|est|serait) "
    r"(?:donnee|fournie|apportee|communiquee) par\b(?! (?:courriel|courrier|e-mail|mail|lettre"
    r"|voie|ecrit|la poste)\b)",
    # The answer is found in another one: "vous trouverez la réponse dans ma réponse à la
    # question n° ...", "la réponse figure dans celle donnée à ...".
    r"\b(?:trouv\w*|figur\w*|repris\w*|contenu\w*)\b[^.]{0,60}\bdans (?:ma|la|notre|mes|les|"
    r"sa|celle) (?:reponses?|donnee|apportee|fournie)",
    r"\b(?:trouv\w*|figur\w*|repris\w*|contenu\w*)\b[^.]{0,60}\bdans celles? (?:que|qui)\b"
    r"[^.]{0,30}?\b(?:donne|apporte|fourni|adresse|communique|formule)e?s?\b",
    # The answer is the pronoun "y", the member sent to it: "je me permets de vous y
    # renvoyer", "l'honorable membre voudra bien s'y référer", "je m'y réfère".
    r"\b(?:vous|s'|m'|nous|le|la|les|l') ?y (?:renv[oe]\w*|renverr\w*|refer\w*|report\w*)\b"
    r"(?! (?:les|la|le|des|ces|nos|leurs?) (?!honorable)\w)",
    # The member sent to the record of what was said: minutes, an exchange, an interpellation
    # ("je vous invite à consulter le compte rendu de cette séance", "vous pouvez retrouver
    # ma réponse dans le compte rendu", "je vous invite à vous référer à ces échanges").
    # The member reads; the minister only sends ("nous avons pu consulter les procès-verbaux"
    # is an answer).
    rf"(?:\b(?:vous|veuillez|{MEMBER})\b[^.]{{0,40}}?\b(?:renv[oe]\w*|renverr\w*"
    rf"|refer\w*|report\w*|consulter|lire|relire|retrouver|trouverez)"
    rf"|\b(?:je|nous)\b[^.]{{0,40}}?\b(?:renv[oe]\w*|renverr\w*|refer\w*|report\w*))\b[^.]{{0,60}}?"
    rf"\b(?:comptes? rendus?|proces-verbal|proces-verbaux|(?:ces|cet|cette|mes|nos|les) "
    rf"(?:echanges?|interpellations?|debats?|discussions?))\b",
    # The answer named first, the referral in a relative clause after it: "certains
    # points ont été précisés dans la réponse (...) à laquelle je vous renvoie".
    # Any character between: a sentence already ends there, and "M. Weytsman" has a stop.
    r"\breponses?\b.{0,200}?\b(?:a laquelle|auxquelles|a celle-ci|a celles-ci) "
    r"(?:je|nous)\b(?: [\w']+){0,4}? (?:renvo|renverr|refer)\w*",
    r"\b(?:verwijs|verwijzen|verwezen)\b[^.]{0,80}?\bantwoord",
    r"\bantwoord\b.{0,120}?\bwaarnaar (?:ik|wij|we)\b(?: \w+){0,3}? (?:verwijs|verwijzen)\b",
    # The impersonal passive: "op deze vraag werd reeds geantwoord", "deze vraag werd al
    # beantwoord tijdens de plenaire vergadering", "ik heb reeds op die vraag geantwoord".
    # The question or the minister as the subject: "sinds de lancering werden al 1.250 vragen
    # beantwoord door het contactcenter" is an answer.
    r"\b(?:vraag|ik|wij|we)\b[^.]{0,40}?"
    r"\b(?:werd|werden|is|zijn|heb|hebben|heeft)\b(?: \w+){0,3}? (?:reeds|al|eerder)\b"
    r"(?: [\w.-]+){0,4}? (?:geantwoord|beantwoord)\b",
    # Sent to what was said or shown elsewhere instead of an answer: a presentation, a
    # statement, a debate in committee ("Ik verwijs naar de voorstelling van de studie",
    # "je vous renvoie à l'exposé que j'ai fait en commission").
    # The minister refers (first person): doctors who "verwijzen" patients after a
    # "bespreking", a paragraph "en référence au débat", are answers, not referrals.
    r"(?:\b(?:ik|wij|we)\b(?: \w+){0,3}? (?:verwijs|verwijzen|verwezen)"
    r"|\b(?:verwijs|verwijzen) (?:ik|wij|we))\b[^.]{0,80}?\b(?:voorstelling|presentatie|"
    r"uiteenzetting|toelichting|bespreking|debat|verslag|integraal verslag)\b",
    r"\b(?:je|nous)\b(?: \w+){0,3}? (?:renv[oe]\w*|renverr\w*|"
    r"refer(?:e|es|ons|ez|erai\w*|erons|erais|erions)\b)[^.]{0,80}?\b(?:presentation|expose|"
    r"debat|discussion)s? (?:qui a eu lieu |tenue? |faite? |donnee? |"
    r"que (?:j'ai|nous avons) (?:fait|faite|donne|donnee|tenu) )?"
    r"(?:en|au sein de la|a la|lors de la) (?:commission|seance|pleniere)",
    r"\bhet antwoord op (?:deze|uw|de) vraag (?:zal|wordt)\b"
    r"[^.]{0,30}\b(?:gegeven|verstrekt)\b",
    r"\bzie (?:mijn |het )?antwoord\b",
    # The member sent to something published instead of an answer ("J'ai l'honneur de
    # renvoyer l'honorable député aux road shows de la SNCB"); a colleague is caught above.
    # An annex, a table or a legal text is where the answer's information is, not another
    # answer: "je renvoie l'honorable membre à l'annexe, qui reprend ...".
    r"\b(?:renvo\w*|renverr\w*|refer\w*) (?:l'honorable (?:membre|depute|deputee)|"
    r"le depute|la deputee|le membre) (?:a|au|aux)\b(?! (?:l'|la |le |les )?(?:annexes?|"
    r"tableaux?|articles?|arretes?|lois?|ordonnances?|decrets?|listes?|graphiques?)\b)",
    # The imperative and the member as the subject: "voyez la réponse", "consultez ma
    # réponse", "l'honorable membre pourra consulter la réponse fournie à la question".
    r"\b(?:voyez|consultez|consult(?:era|erez|eront|ez)|lisez|relisez)\b[^.]{0,60}?\breponses?\b",
    # Nominal referrals: "Renvoi à la réponse à la question n° ...", "Cf. question n° 1287",
    # "Référence est faite à la réponse".
    r"(?:^|[;:(]\s?)[^\w;:(]{0,5}(?:renvoi (?:a|au|aux)|cf\.?|reference est faite a|voir) "
    r"(?:la |ma |sa |notre )?(?:reponses?|questions?)\b",
    # The answer named first, the member sent to it in a relative clause: "à laquelle la
    # députée voudra bien se rapporter", "à laquelle vous pouvez vous référer".
    rf"\breponses?\b.{{0,200}}?\b(?:a laquelle|auxquelles|a celle-ci) (?:vous|{MEMBER})\b"
    rf"(?: [\w']+){{0,4}}? (?:se |vous )?(?:rapport|report|refer)\w*",
    # An earlier answer said to be the answer: "ma réponse à la question orale n° 1460 répond
    # à vos interrogations", "la réponse est identique à celle fournie à la question n° 515",
    # "les réponses ont été données dans ma réponse à la question n° 1561".
    r"\b(?:ma|notre|sa|cette) reponse (?:a|aux) (?:la |ma |votre )?(?:\w+ )?(?:questions?"
    r"|interpellations?)\b[^.]{0,80}?\b(?:repond|reste (?:valable|d'actualite)|demeure)\b",
    # "Celle" must be an answer: "la procédure est identique à celle appliquée pour ..." is one.
    r"\b(?:identique|semblable|similaire|conforme)s? a (?:ma reponse|la reponse|celles? "
    r"(?:donnee|fournie|apportee|communiquee|que (?:j'ai|nous avons|j'avais|nous avions)))\b",
    r"\breponses?\b[^.]{0,40}?\b(?:identique|semblable|similaire|conforme)s? a celles?\b"
    r"(?! (?:de la|du|des|de l') (?!\d|(?:\w+ )?(?:ministre|collegue|secretaire|precedent)))",
    r"\b(?:donnee?s?|fournie?s?|apportee?s?)\b[^.]{0,20}\bdans (?:ma|la|notre|sa) reponse\b",
    # Something published instead of the information: "les éléments demandés figurent dans le
    # rapport annuel", "sont publiées sur le site", "le tableau de bord publié par Statbel,
    # auquel je renvoie".
    r"\b(?:elements|chiffres|informations|donnees|reponses?|renseignements)\b[^.]{0,30}?"
    # A main verb, not a participle that qualifies the noun: "les chiffres repris dans le
    # rapport annuel font état de 312 agressions" gives them.
    r"\b(?:figur(?:e|ent|ait|aient|era|eront)|(?:est|sont|sera|seront|a ete|ont ete|etait"
    r"|etaient) (?:repris|publie|disponible|contenu)\w*|se trouvent|se trouve)\b[^.]{0,20}?"
    r"\b(?:dans|sur|en) (?:le |la |les |l'|son |sa |ses )?(?:rapports?|site|note|tableau de bord"
    r"|publications?|compte rendu|documents?|etudes?|bulletin)\b",
    r"\b(?:auquel|a laquelle|auxquels|auxquelles) (?:je|nous) (?:vous |me |nous )?"
    r"(?:renv[oe]\w*|refer\w*)\b",
    r"\b(?:invit\w*|pri(?:e|ons|ez)\b)\b[^.]{0,30}?\b(?:consulter|lire|relire)\b[^.]{0,20}?"
    r"\b(?:le site|les? sites?|le rapport|la page|le compte rendu)\b",
    rf"\b{MEMBER}\b[^.]{{0,30}}?\b(?:trouv\w*|consult\w*)\b[^.]{{0,40}}?\b(?:compte rendu|"
    rf"rapport|site)",
    rf"\b(?:que|qu') {MEMBER} (?:peut|pourra|pourrait) consulter\b",
    # The member reads it: "les parents peuvent en prendre connaissance via l'application" is
    # an answer.
    rf"\b(?:vous|{MEMBER})\b[^.]{{0,40}}?\b(?:en|d'en|a en) (?:lire|prendre connaissance)\b",
    r"\brenv\w* (?:l'honorable membre |le membre |vous )?(?:a|au|aux) (?:l'avis|la note|le "
    r"rapport|la presentation|l'expose)\b",
    # The answer as a pronoun: "je me permets de renvoyer à celle que j'ai donnée".
    r"\b(?:renv[oe]\w*|renverr\w*|refer\w*|report\w*)\b[^.]{0,20}?\b(?:a|vers) celles? "
    r"(?:que|qui|donnee|fournie|apportee)\b",
    r"\battir\w* (?:l'|votre |son |sa |leur )attention\b[^.]{0,60}?"
    r"\bsur (?:ma|la|notre|sa|mes|les) reponses?\b",
    # Answered by someone else, in the impersonal passive: "il y est répondu par le ministre
    # de la Justice", "une réponse globale y a été apportée par le Ministre-Président".
    r"\bil (?:y )?(?:est|a ete|sera) repondu par\b",
    r"\breponse (?:\w+ )?y (?:a ete|est|sera) (?:donnee|fournie|apportee) par\b",
    r"\breponses?\b.{0,200}?\b(?:a laquelle|auxquelles|a celle-ci) il (?:convient|conviendrait"
    r"|y a lieu) de (?:se )?(?:referer|reporter|rapporter)\b",
    r"\bkennis (?:te )?(?:nemen|neemt) van (?:het|mijn|zijn|haar) antwoord\b",
    r"\braadpleeg\w*\b[^.]{0,40}\bantwoord\b",
    # The minister refers ("ik verwijs", "verwijzen wij"), not a doctor who "verwijst".
    r"\b(?:verwijs|(?:ik|wij|we) verwijzen|verwijzen (?:wij|we))\b[^.]{0,60}\b(?:verslag"
    r"|integraal verslag)\b",
    # Another answer made this one's (twentieth session, round 16's dev half): "la réponse qui
    # lui a été faite vaut également pour vous", "je partage cette réponse", "Même réponse que
    # pour la question n° 221".
    rf"\breponse\b[^;]{{0,60}}?\bvaut (?:egalement |aussi |donc |de meme |tout autant )?(?:pour"
    rf"|a l'egard de) (?:vous|{MEMBER}|votre question|la presente)\b",
    r"\b(?:je|nous) (?:partage|partageons|fais mienne|faisons notre|me rallie a|nous rallions a)"
    r" (?:cette|sa|leur|la) reponse\b",
    r"(?:^|[;:(]\s?)[^\w;:(]{0,5}(?:meme reponse|reponse identique) (?:que|qu'a) (?:pour |a )?"
    r"(?:la |ma )?questions?\b",
    # The position said in a debate instead of an answer: "J'ai exposé ma position sur ce dossier
    # lors du débat d'actualité du 6 novembre en séance plénière."
    r"\b(?:j'ai|nous avons) (?:deja |longuement )?(?:expose|exprime|presente|detaille|explique"
    r"|donne|precise) (?:ma|notre) (?:position|point de vue|vision)\b[^.]{0,80}?\b(?:lors d[ue]"
    r"|en|au cours d[ue]|a l'occasion d[ue]) (?:la |le |l'|une |un )?(?:debat|seance|commission"
    r"|pleniere|interpellation|question orale)",
)
