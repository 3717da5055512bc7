"""A document that replaces the answer, whatever it is and however it is pointed to (`answers`).

"figurent dans la justification du budget", "peuvent être consultées sur son site", "je vous
renverrais volontiers au communiqué", "je me réfère au rapport annuel", "Ce document répond aux
points soulevés", "Il y est renvoyé" (`BY_REFERENCE`); where what was asked can be read, a
weaker pointer (`LOCATED`); never the answer's own annex. Data only, split unchanged from
`answer_holders` (whose `GATE` holds their literal pieces); matched per sentence on folded
text like every phrasing and part of the rules' fingerprint (`answers.rules_fingerprint`).
"""

from __future__ import annotations

from pqsearch.analyze.answer_phrases import MEMBER

# Documents that replace an answer, by class (not the answer's own annex, `_NOT_ANNEX`).
_DOCUMENT = (
    r"(?:rapports?|communiques?|documents?|etudes?|bilans?|notes?|brochures?|sites?|pages?"
    r"|publications?|cahiers?|comptes?|budgets?|justifications?|annuaires?|bulletins?"
    r"|tableaux? de bord|portails?|plateformes?|fiches?|guides?|barometres?|observatoires?"
    r"|persbericht\w*|website|verslag\w*|nota|studie|rapport|jaarverslag\w*|brochure"
    # Registers and databases (sixteenth session): "dans le registre public tenu par Iriscare".
    r"|registres?|repertoires?|bases? de donnees|cadastres?|databank|register"
    # A budget's or a bill's own parts (round 17): "l'exposé général du budget", "l'exposé des
    # motifs", "le compte rendu intégral".
    r"|expose general|expose des motifs|comptes? rendus?|proces-verba\w*)"
)
# Where it was said before, by forum: a committee, a hearing, a plenary, a debate.
_FORUM = (
    r"(?:en |lors de |au cours de |a l'occasion de |pendant |devant )(?:la |l'|le |une |un |sa"
    r" |son )?(?:(?:reunion|seance) (?:de |du |de la )?(?:la )?)?(?:commissions?|auditions?"
    r"|seances? (?:pleniere|publique)s?|pleniere|debats?|interpellations?|questions? orales?)\b"
    # Nothing told after it in the sentence: not "...; depuis, douze places ont été ouvertes",
    # "lors de la commission de concertation, qui a rendu un avis favorable".
    r"(?![^;]*;)(?![^.]*,? (?:qui|dont|ou|et|mais|depuis|toutefois|cependant|neanmoins) )"
)
# What was asked, named by a demonstrative or the question itself.
_ASKED = (
    r"(?:cette|ces|votre|vos|ce|la|les) (?:\w+ )?(?:questions?|chiffres|donnees|montants"
    r"|elements|informations|points?|sujets?|statistiques|resultats|precisions)"
)
_SAID = (
    r"(?:traite|aborde|presente|expose|debattu|examine|commente|detaille|communique|evoque"
    r"|fourni|donne)"
)
_NOT_ANNEX = (
    r"^(?!(?:[^.]|\.(?=\w))*\b(?:ci-joint\w*|ci-dessous|ci-apres|en annexe|annexe\w*"
    r"|bijgevoegd\w*|bijlage|suivant\w*|ci-dessus)\b)"
)

# Where what was asked can be read: a weaker pointer than a referral, which decides only when
# the answer says nothing of its own ("La convention, signée le 4 mars 2025, court pour trois
# ans. Elle peut être consultée sur le site de la Région" is substantive) (`answers`).
LOCATED: tuple[str, ...] = (
    # Where what was asked is set out: "sont détaillés sur la page dédiée du site",
    # "peuvent être consultées sur son site internet", "figurent dans la justification du
    # budget", "ont été présentés par Bruxelles Mobilité dans le cahier de l'Observatoire".
    rf"{_NOT_ANNEX}(?:[^.]|\.(?=\w))*?\b(?:(?:sont|est|seront|sera|ont ete|a ete|peuvent etre"
    r"|peut etre|pourront etre) (?:\w+ ){0,2}?(?:consultables?|consultee?s?|detaillee?s?"
    r"|tenue?s? a jour"
    r"|disponibles?|publiee?s?|presentee?s?|exposee?s?|decrite?s?|expliquee?s?|reprise?s?"
    r"|accessibles?)|figur\w*|se trouv\w*)\b[^.;]{0,50}? (?:sur|dans|via|en) (?:le |la |les "
    rf"|l'|son |sa |ses |leur |leurs |un |une |ce |cette |ces |du )?(?:\w+ )?{_DOCUMENT}\b",
)

BY_REFERENCE: tuple[str, ...] = (
    # What was asked already said in a forum (round 17; two other writers too): "Cette question
    # a été traitée en commission de l'Intérieur le 7 juin 2026 (CRIV 56 COM 412, p. 17)".
    rf"\b{_ASKED} (?:\w+ )?(?:a|ont) (?:\w+ )?ete (?:\w+ )?{_SAID}e?s? (?:[^.;]{{0,30}} )?{_FORUM}",
    # A referral to a document in any mood: "Je vous renverrais volontiers au communiqué de
    # presse", "je me réfère au rapport annuel 2022", "je vous invite à consulter le site".
    rf"{_NOT_ANNEX}[^.]*?\b(?:(?:vous|{MEMBER}) (?:\w+ )?(?:renv[oe]\w*|renverr\w*)|(?:je|nous)"
    r" (?:me |nous )(?:refere|referons|reporte|reportons|permets de renvoyer)|(?:je vous|nous"
    r" vous|j'invite|vous pouvez|vous pourriez|l'honorable membre peut)(?: \w+){0,2}?"
    r" (?:a |de |d')?(?:consulter|vous reporter|vous referer|prendre connaissance (?:de|du|des"
    r"|d')))\b (?:(?:volontiers|donc|des lors|utilement|simplement) )?(?:a |au |aux |vers "
    rf"|a la |a l')?(?:la |le |les |l'|ce |cette |ces )?(?:\w+ )?{_DOCUMENT}\b",
    # The document, relative pronoun then the referral: "auxquels je vous invite à vous
    # reporter", or the impersonal passive "Il y est renvoyé", "Ce document répond aux points
    # soulevés".
    r"\b(?:auxquel\w*|auquel|a laquelle) (?:je|nous) (?:vous |l'honorable membre )?(?:invit\w*"
    r"|permets|engage) (?:a |de )(?:vous |s')?(?:reporter|referer|consulter)\b",
    r"\bil y est (?:renvoye|fait reference)\b",
    # Invited to read it there: "J'invite l'honorable membre à les y consulter".
    rf"\b(?:j'invite|je vous invite|je vous propose|je vous suggere|(?:vous|{MEMBER}) (?:pouvez"
    r"|pourrez|pourriez|peut|pourra|pourrait))\b[^.;]{0,40}?\b(?:les |la |le |l')?y (?:consulter"
    r"|lire|prendre connaissance)\b",
    # A document holds all that was asked: "Le rapport d'activité de Citydev reprend toutes ces
    # données", "Les comptes contiennent l'ensemble des données financières demandées".
    rf"{_NOT_ANNEX}[^.]*?\b{_DOCUMENT}\b[^.]{{0,80}}?\b(?:repren\w*|reprises?|detaill\w*"
    r"|present\w*|fourni\w*|expos\w*|contien\w*|rassembl\w*|regroup\w*|reprend) (?:(?:(?:l'ensemble"
    r"|la totalite) (?:des|de ces)|toutes (?:les|ces)|tous (?:les|ces)) (?:\w+ )?(?:informations"
    r"|donnees|elements|chiffres|renseignements|reponses|precisions|statistiques|montants"
    r"|resultats|conditions)\b|les (?:\w+ )?(?:informations|donnees|elements|chiffres"
    r"|renseignements|precisions|statistiques|montants)(?: \w+)? (?:demande|sollicite"
    r"|souhaite)e?s\b)",
    rf"\b{_DOCUMENT}\b[^.]{{0,40}}?\brepond\w* (?:\w+ ){{0,4}}?(?:a |aux )(?:points?|questions?"
    r"|elements?|demandes?)\b",
    # Dutch, the document named: "Ik verwijs u graag naar dat persbericht".
    r"\b(?:verwijs|verwijzen) (?:ik |wij |we )?(?:u |het geachte lid )?(?:graag |dan ook |hiervoor"
    rf" |dus )?naar (?:de |het |dat |dit |die |deze |mijn )?(?:\w+ )?{_DOCUMENT}\b",
)
