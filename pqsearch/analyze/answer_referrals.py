"""Referrals inside a paragraph, by their grammar (`analyze.answers`): data, not logic.

Beside the phrasings of `answer_earlier`: the member (any form) invited, asked or allowed to
refer to, consult, read or find a document or an answer, and the answer found elsewhere named
first ("c'est à cette réponse que je vous prierais de bien vouloir vous référer"). Matched on
folded text per sentence, and part of the rules' fingerprint.
"""

from __future__ import annotations

from pqsearch.analyze.answer_phrases import MEMBER

# What the member is sent to read instead of an answer: a record of what was said, another
# answer, a report. Not a website or an annex: the answer's own annex gives the information,
# and a website is often followed by a summary of what it says (a partial answer).
_RECORD = (
    r"(?:le |la |les |l'|ce |cet |cette |ces |mon |ma |mes |notre |nos )?(?:rapports?"
    r"|comptes? rendus?|documents?|notes?|presentations?|exposes?|debats?|echanges?"
    r"|proces-verba\w*|bulletins?|publications?|etudes?|reponses?|interpellations?|discussions?"
    # What the minister said: "je vous renverrais volontiers à mes propos de cette séance".
    r"|seances?|propos|declarations?|interventions?"
    # What was given then: "je vous renvoie aux éléments communiqués à cette occasion".
    r"|(?:elements|informations|chiffres|explications|precisions) (?:communique|fourni|donne"
    r"|apporte|presente|transmis)e?s)\b"
)

BY_REFERENCE: tuple[str, ...] = (
    # "Je vous suggère de vous référer au rapport de cette commission", "l'honorable membre
    # voudra bien prendre connaissance du compte rendu", "je vous invite à relire les échanges".
    # The member reads: "je vais vous lire la réponse" is the minister reading it out.
    # Or the document named before, as a pronoun: "Le rapport d'activité ... reprend de manière
    # exhaustive les conventions signées. Je vous invite à le consulter."
    rf"\b(?:vous|veuillez|{MEMBER})\b[^.]{{0,50}}?\b(?:(?:vous |se |s'y |vous y )?(?:referer"
    rf"|reporter|rapporter|(?<!\bvous )(?:consulter|lire|relire|prendre connaissance|retrouver"
    rf"|trouver)|trouverez|retrouverez)\b"
    # What is found there may be named first: "dont vous trouverez le détail au Bulletin".
    rf"(?: (?:le |la |les |l')?(?:detail|details|ensemble|liste|chiffres|donnees|precisions))?"
    rf" (?:a |au |aux |de |du |des |d'|dans )?{_RECORD}"
    rf"|(?:a |de |d')(?:le|la|les) (?:consulter|lire|relire)\b)",
    # The answer named first, in a cleft: "c'est à cette réponse que je vous prierais de bien
    # vouloir vous référer", "c'est au compte rendu que je vous renvoie".
    r"\bc'est (?:donc |des lors )?(?:a|vers|dans) (?:cette |ma |la |sa |notre |ces |mes |ce |au "
    r"|aux )?(?:reponses?|celles?|rapports?|comptes? rendus?|debats?|echanges?|documents?)\b"
    r"[^.]{0,60}?\bque\b[^.]{0,60}?\b(?:renv[oe]\w*|renverr\w*|referer|reporter|rapporter"
    r"|trouverez|retrouverez)\b",
    # The impersonal passive: "Pour la réponse à cette question, il est renvoyé à la discussion
    # qui a eu lieu en commission" (a record, not a legal text: "il est renvoyé à l'article 5").
    rf"\bil (?:est|sera|a ete) (?:\w+ )?(?:renvoye|refere|fait reference) (?:a|au|aux|vers) "
    rf"(?:{_RECORD}|celles?-ci|celui-ci|ceux-ci|cette derniere)",
    # The earlier answer stands: "ma réponse reste inchangée", "ma réponse du 8 décembre demeure
    # valable".
    r"\b(?:ma|notre|sa|cette|la|mes|nos) (?:precedente |premiere )?reponses?\b[^.;]{0,60}?"
    r"\b(?:reste|restent|demeure|demeurent) (?:donc |toujours |entierement |pleinement )?"
    r"(?:inchangee?s?|valables?|d'actualite|d'application|identiques?|la meme|les memes)\b",
    # Nothing to add to it: "je n'ai rien à ajouter à ma réponse du 3 mars", "heb ik niets toe te
    # voegen aan mijn antwoord".
    r"\b(?:je n'ai|nous n'avons|il n'y a)(?: \w+)? rien (?:de plus |de neuf |de nouveau )?a "
    r"ajouter (?:a|au|aux) (?:ma|mes|la|les|notre|nos|cette|ces|mon) (?:precedente |precedentes )?"
    r"(?:reponses?|declarations?|propos|interventions?|explications)\b"
    r"|\bniets (?:meer |nieuws )?toe te voegen aan (?:mijn|ons|het|onze|de) (?:vorig\w* )?"
    r"(?:antwoord|verklaring|toelichting)\w*\b(?! van (?:de|het) (?!(?:\w+ )?(?:minister|collega"
    r"|staatssecretaris|vorig)))",
    # Answered before, to the member: "Je vous avais répondu sur ce point le 8 décembre", "j'y
    # ai déjà répondu" (not "nous vous avons répondu favorablement": a decision).
    # "Cette question a déjà reçu une réponse lors de la séance plénière du 5 février".
    r"\b(?:cette|votre|la meme) question\b[^.]{0,30}? (?:a|avait) (?:deja |egalement )?"
    r"(?:recu|obtenu|fait l'objet d') ?(?:une )?reponse\b",
    # Dutch: "Mijn antwoord op uw vraag nr. 45 blijft onveranderd geldig".
    r"\b(?:mijn|ons|het) (?:vorig\w* )?antwoord\b(?:[^.]|(?<=nr)\.){0,60}?\b(?:blijft|blijven"
    r"|is nog steeds|geldt nog) (?:\w+ )?(?:geldig|ongewijzigd|actueel|van toepassing"
    r"|onveranderd)\b",
    r"\b(?:je|nous) vous (?:ai|avons|avais|avions) (?:deja |bien |longuement |egalement )*"
    r"repondu\b(?! (?:favorablement|positivement|negativement|defavorablement)\b)"
    r"|\bj'y (?:ai|avais) (?:deja |bien |longuement )*repondu\b",
    # What was asked is in a published document, not in the answer: "Les résultats de la
    # campagne de mesure ... sont disponibles sur son site internet", "Les éléments de réponse
    # figurent au compte rendu" (a participle that qualifies the noun gives them: "les
    # résultats, publiés sur le site, montrent une baisse de 12 %").
    # Whatever was asked, by its class: "La liste des lauréats, les montants octroyés et les
    # critères de sélection sont publiés sur le site de paradigm.brussels", "le texte du
    # règlement ... est publié au Moniteur belge".
    r"\b(?:resultats|statistiques|chiffres|donnees|elements|informations|renseignements"
    r"|tableaux|listes?|montants|criteres|textes?|details|laureats|tarifs|calendriers?|modalites"
    r"|conditions|reglements?|arretes?|commentaires?)\b[^.]{0,80}?\b(?:(?:sont|est|seront|sera"
    r"|restent) (?:\w+ )?(?:disponibles?|consultables?|accessibles?|publie\w*|repris\w*)"
    r"|figur(?:e|ent|ait|aient|era|eront)|se trouvent)\b"
    r"[^.]{0,20}?\b(?:dans|sur|en|au|aux|a la|a l'|via) (?:le |la |les |l'|son |sa |ses |leur )?"
    r"(?:rapports?|sites?|pages?|notes?|tableau de bord|publications?|comptes? rendus?"
    r"|documents?|etudes?|bulletin|bilans?|portail|plateforme|moniteur belge)\b",
    # The same in Dutch: "De gevraagde cijfers zijn terug te vinden in het statistisch
    # jaarverslag van Fedris", "verwijs ik u naar het jaarverslag van Brussel Preventie".
    r"\b(?:cijfers|gegevens|informatie|statistieken|resultaten|antwoord)\b[^.]{0,60}?"
    r"\b(?:(?:zijn|is|staan|staat) (?:\w+ )?(?:terug )?te vinden\b[^.]{0,30}?\b(?:in|op|via)"
    r"|(?:zijn|is|worden|wordt) (?:\w+ )?(?:beschikbaar|gepubliceerd) (?:in|op|via)) (?:het |de "
    r"|zijn |haar |hun )?(?:\w+ )?(?:jaarverslag|verslag|rapport|website|webstek|[\w-]*portaal"
    r"|[\w-]*platform"
    r"|publicatie"
    r"|studie|jaarrapport)\b",
    r"\b(?:verwijs|verwijzen) (?:ik |wij |we )?(?:u |het geachte lid )?(?:graag |dan ook "
    r"|hiervoor )?naar (?:het |de |mijn |ons |onze )?(?:\w+ )?(?:jaarverslag|verslag|rapport"
    r"|website|studie|publicatie|jaarrapport|nota|analyse)\b",
    # The member sent to a record: "Je ne puis que vous renvoyer aux débats qui se sont tenus en
    # commission", "je vous renvoie à l'étude" (not to a colleague: `answer_phrases`).
    # Or to a published legal text ("je vous renvoie à l'arrêté du Gouvernement du 12 mai 2025").
    rf"\b(?:renv[oe]\w*|renverr\w*) (?:vous |{MEMBER} )?(?:(?:volontiers|donc|des lors|simplement"
    rf"|egalement|a nouveau|ici|sur ce point) )?(?:a |au |aux |vers )(?:{_RECORD}"
    rf"|(?:l'|le |la |les )?(?:arretes?|reglements?|ordonnances?|circulaires?|decrets?|lois?)\b"
    rf"|(?:les |l')?(?:explications|precisions|indications) (?:que|qui|donnees|fournies"
    rf"|apportees))",
    # A document that will answer: "Le rapport d'évaluation ... répondra à l'ensemble de vos
    # questions".
    r"\b(?:rapports?|etudes?|evaluations?|documents?|notes?|bilans?|textes?|reglements?)\b"
    r"[^.]{0,80}?\b(?:repondra|repondront|repond|repondent) (?:a |aux )(?:l'ensemble de |toutes "
    r"|chacune de )?(?:vos|ces|votre"
    r"|cette|les) (?:questions?|interrogations?)\b"
    # A colon announces what it says, which is the answer: "Le texte répond à chacune de vos
    # questions : il interdit les terrasses chauffées ...".
    r"(?!\s*:)",
)
