"""Which sentences of an answer are context, not information (`analyze.answers`).

A paragraph-length answer wraps its referral or its statement of competence in sentences that
tell the member nothing on the question: a greeting, thanks, a closing formula, the question
restated, what was said about it before, the policy's importance. By the header's
partial-answer rule (tests/data/answer_types.toml) only a sentence that answers part of the
question is information; these sentences are context unless a later clause of theirs answers
part of it (`is_context`). The patterns are data, matched on folded text and part of the
rules' fingerprint (`answers.rules_fingerprint`).
"""

from __future__ import annotations

import re

from pqsearch.analyze import answer_information as information

CONTEXT = re.compile(
    # A closing formula: "Je vous prie d'agréer, Madame la Députée, l'expression de mes
    # salutations distinguées", "... à l'assurance de ma considération distinguée".
    r"\b(?:je vous prie|veuillez|nous vous prions) (?:d'agreer|de croire|de recevoir|agreer"
    r"|recevoir)\b"
    r"|\b(?:salutations|consideration|sentiments) (?:distinguee?s?|les meilleurs|respectueu\w*)"
    # Sympathy with the question, not an answer to it: "Je comprends l'inquiétude des riverains".
    # "J'entends votre préoccupation", "La Région bruxelloise partage avec vous le constat de".
    r"|^\W*(?:je |j'|nous |la region (?:bruxelloise )?|le gouvernement (?:bruxellois )?)"
    r"(?:comprends|comprenons|partage|partageons|mesure|mesurons|entends|entendons)"
    r" (?:avec vous )?(?:bien |parfaitement |tout a fait |pleinement )?(?:l'|les |la |le "
    r"|votre |vos )?(?:inquietudes?|preoccupations?|interet|importance|soucis?|attentes?"
    r"|impatience|constats?|analyses?|point de vue)\b"
    # The question restated, its asker as the subject or the question itself: "Vous m'interrogez
    # sur ...", "Votre question rejoint celle posée par ...", "Les questions que vous soulevez".
    r"|^\W*(?:(?:madame|monsieur)[^,]{0,30},\s*)?(?:vous (?:m'|me )(?:interrogez|interpellez"
    r"|questionnez|demandez|posez|faites part)|vous (?:souhaitez|desirez|voulez) (?:savoir"
    r"|connaitre|obtenir)|(?:votre|cette|la presente) (?:question|interpellation|demande)"
    r" (?:\w+ )?(?:porte|portait|concerne|vise|a trait|rejoint|s'inscrit|fait suite|touche)"
    r"|(?:les|vos) questions (?:que vous (?:soulevez|posez|abordez)|portent|concernent)"
    r"|l'honorable (?:membre|deputee?) (?:m'interroge|s'interroge|souhaite (?:savoir|connaitre)"
    r"|me demande))\b"
    # What was said about it before, told as background for the pointer that follows: "Cette
    # thématique a déjà fait l'objet d'un échange approfondi en commission", "ont été abordées
    # en détail lors de la présentation du plan en commission".
    r"|\b(?:a|ont|avait|avaient) (?:deja |egalement |a plusieurs reprises )?fait l'objet"
    r" d(?:e |'une? |es )(?:\w+ ){0,2}?(?:echanges?|debats?|discussions?|questions?"
    r"|interpellations?|reponses?|presentations?)\b"
    r"|\b(?:a|ont|avait|avaient) (?:deja )?ete (?:deja |longuement |largement |amplement )?"
    r"(?:abord|evoqu|debattu|discut|expos|present|detaill|commente|communique)\w*\b"
    r"[^.;:]{0,60}?\b(?:commission|parlement|seance|pleniere|assemblee)\b"
    # What the member already knows, recalled: "Comme l'honorable membre le sait, la Région
    # compte 1.900 km de voiries" (a reminder, not news: its figures answer nothing asked).
    r"|^\W*comme (?:vous le savez|vous ne l'ignorez pas|chacun le sait|(?:l'honorable |le |la )"
    r"(?:membre|deputee?) (?:le sait|ne l'ignore pas))\b"
    # The policy's importance, said in general: "La question de la tarification de l'eau est
    # importante pour de nombreux ménages".
    r"|^\W*(?:la|cette) (?:question|problematique|thematique|matiere) (?:de |du |des |d')"
    r"[^.;:]{0,80}?\b(?:est|reste|constitue) (?:une? |particulierement |tres |bien )?"
    r"(?:importante?|essentiel\w*|cruciale?|prioritaire|priorite|preoccupation|enjeu)\b"
)

# Background that agrees with the member or says the policy matters, without a fact: "Comme
# vous le soulignez à juste titre, l'accueil de la petite enfance constitue un levier essentiel
# pour l'emploi", "La mobilité ... constitue un enjeu majeur pour la Région". Context only when
# nothing in the sentence answers part of the question ("Comme vous le soulignez, 1.245 places
# ont été créées" is an answer), unlike `CONTEXT`, whose openings say nothing themselves.
BACKGROUND = re.compile(
    r"^\W*comme vous (?:le |l')(?:soulignez|rappelez|relevez|indiquez|mentionnez|notez|dites"
    r"|faites remarquer|evoquez|ecrivez)\b"
    # Support in general, with no named measure: "Le Gouvernement soutient d'ailleurs de
    # nombreuses initiatives d'apprentissage des langues" ("soutient 14 projets" is a fact).
    r"|\b(?:soutien\w*|encourag\w*|promeu\w*) (?:d'ailleurs |deja |egalement |activement "
    r"|depuis longtemps )?(?:de nombreuses|de nombreux|diverses|divers|plusieurs|differentes"
    r"|de multiples|toute une serie d') ?(?:initiatives|actions|mesures|projets|programmes)\b"
    r"|\b(?:constitue|constituent|represente|representent|reste|restent|demeure|demeurent"
    r"|est|sont)(?: \w+)? (?:une? |des |l'un des |l'une des )(?:veritable |reel(?:le)? |grand"
    r"(?:e|s|es)? )?(?:enjeux?|leviers?|defis?|opportunites?|priorites?|atouts?|piliers?)\b"
)

# A question that asks who is competent: then an answer that says whose matter it is gives
# the information asked (the header of tests/data/answer_types.toml: "an answer whose substance
# is who holds which competence (the question asks that) is information"), in French or Dutch.
ASKS_WHO = re.compile(
    r"\bquel(?:le)?s? (?:est |sont |seront |sera )?(?:l'|la |le |les )?(?:instance|autorite"
    r"|niveau|pouvoir|entite|ministre|administration|organisme|service|institution)s?\b"
    r"[^?]{0,80}?\b(?:competente?s?|exercer\w*|exerce\w*|charge\w*|responsables?)\b"
    # Not "qui est responsable de la mort de civils": blame, not a remit.
    r"|\bqui (?:est|sont|sera|seront|serait) (?:competente?s?|charge\w*)\b"
    r"|\b(?:repartition|partage) des competences\b"
    # Who owns, manages or oversees it: naming the holder is the answer (review 14, R6).
    r"|\b(?:a|de|par) qui (?:appartien\w*|appartient|depend\w*|est \w+|sont \w+)\b"
    r"|\bqui (?:gere\w*|exploite\w*|possede\w*|detient|detiennent|administre\w*)\b"
    # Who runs it (sixteenth session): "Qui assurera la gestion de la piscine ?".
    r"|\bqui (?:assure|assurera|assurent|pilote|pilotera|organise|organisera|coordonne"
    r"|coordonnera|entretient|entretiendra)\b"
    r"|\bqui (?:est|sont|sera|seront) (?:le |la |les |l')?(?:proprietaire|gestionnaire"
    r"|exploitant)s?\b"
    r"|\b(?:sous quelle|de quelle) (?:autorite|tutelle|responsabilite)\b"
    # Which authority acts, with any verb (round 14's dev half, r14-089): "Quelle autorité peut
    # imposer la muselière ?", "Qui décide de la fermeture ?", "Welke overheid kan ... opleggen?".
    r"|\bquel(?:le)?s? (?:autorite|instance|niveau de pouvoir|entite|institution|organisme)s?"
    r" (?:peu\w*|pourr\w*|doi\w*|devr\w*|decide\w*|deliv\w*|control\w*|autoris\w*|octroi\w*"
    r"|sanction\w*|intervien\w*|est habilite\w*|sont habilite\w*)"
    # Which authority, whatever the verb (twentieth session, round 16's dev half, r16-098):
    # "Quelle autorité fixe le prix des médicaments remboursables ?".
    r"|\bquel(?:le)?s? (?:autorite|instance|niveau de pouvoir)s?\b(?! (?:de|du|des|d')\b)"
    r"|\bqui (?:fixe|fixera|determine|determinera|arrete|arretera|etablit|etablira)\b"
    r"|\bqui (?:decide|decidera|delivre|delivrera|controle|controlera|autorise|autorisera|octroie"
    r"|sanctionne|(?:peut|pourrait|doit|devrait) (?:imposer|decider|delivrer|autoriser|ordonner"
    r"|sanctionner|controler|intervenir|agir))\b"
    r"|\bwelke (?:overheid|overheden|instanties?|besturen|bestuur|beleidsniveau)\b[^?]{0,20}?"
    r" (?:kan|kunnen|mag|mogen|moet|moeten|beslist|beslissen|controleert|controleren)\b"
    r"|\bwie (?:beslist|controleert|kan (?:\w+ ){0,4}?(?:opleggen|beslissen|verbieden))\b"
    # The same in Dutch (review 16, V3): "Wie beantwoordt de vragen van de huurders?".
    r"|\bwie (?:is|zijn|wordt|beantwoord\w*|beheer\w*|behandel\w*|organiseer\w*|betaal\w*"
    r"|financier\w*|staat in voor)\b"
    # Who pays or how a unit is organised: the holder named is the answer (review 14, R6).
    r"|\bqui (?:paie|paye|payera|finance|financera|prend en charge|supporte|assume|repond"
    r"|repondra|traite|traitera|instruit|instruira)\b"
    r"|\bcomment (?:est|sont|sera|seront) (?:\w+ )?(?:organisee?s?|structuree?s?)\b"
    r"|\b(?:a|de) quel(?:le)?s? (?:service|administration|organisme|entite|departement)s?\b"
    r"|\bonder welke\b|\bwie (?:betaalt|financiert|draagt)\b"
    r"|\b(?:van wie|aan wie|wie) (?:is|zijn|behoort|behoren|beheert|beheren|baat|exploiteert)\b"
    r"|\bwie (?:is|zijn) (?:de )?(?:eigenaar|beheerder|uitbater)s?\b"
    # Not "elke dienst waarvoor u bevoegd bent": the minister's own.
    r"|\b(?:welke (?:overheid|overheden|instanties?|ministers?|actoren|diensten|dienst|niveau"
    r"|beleidsniveau|besturen|bestuur)|wie)\b[^?]{0,40}?\b(?:is|zijn)\b(?: \w+){0,4}? bevoegd\b"
)

# A question that asks since when or when: then the date of an answer that says whose matter it
# is gives the information asked ("Depuis quand la Cocom gère-t-elle ...? / Cette compétence
# relève de la Cocom depuis ..., qui lui a transféré ... le 1er janvier 2019").
ASKS_WHEN = re.compile(
    r"\b(?:depuis quand|depuis combien de temps|a (?:partir de )?quelle date|en quelle annee"
    r"|quand|sinds wanneer|wanneer|vanaf wanneer)\b"
)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def asks_when(asked: str) -> bool:
    """Whether folded question text `asked` asks since when or when."""
    return ASKS_WHEN.search(asked) is not None


# A second finite verb joined to the first by "et": "... et a créé", "et elle a lancé".
CONJOINED = re.compile(
    r"\bet (?:(?:il|elle|ils|elles|nous|je|j') ?)?(?:a|ont|avons|ai|avait|avaient|sera|seront|va"
    r"|vont|vient|viennent|compte|comptent|prevoit|prevoient)\b"
)


def asks_who(asked: str) -> bool:
    """Whether folded question text `asked` asks which authority is competent."""
    return ASKS_WHO.search(asked) is not None


# A sentence that restates the question in its own words: most of its words are the question's.
# Only words of some length count, so that "les", "dans" or a number do not make an overlap.
RESTATED_SHARE = 0.7
RESTATED_MIN_WORDS = 5
_CONTENT_WORD = re.compile(r"[a-z]{5,}")


def restates(sentence: str, asked_words: frozenset[str]) -> bool:
    """Whether folded `sentence` is mostly made of the words of the question (`asked_words`,
    from `question_words`): the answer repeating what was asked."""
    if not asked_words:
        return False
    words = _CONTENT_WORD.findall(sentence)
    if len(words) < RESTATED_MIN_WORDS:
        return False
    shared = sum(word in asked_words for word in words)
    return shared >= RESTATED_SHARE * len(words)


def question_words(asked: str) -> frozenset[str]:
    """The words of folded question text `restates` compares a sentence with."""
    return frozenset(_CONTENT_WORD.findall(asked))


def is_context(sentence: str, asked_words: frozenset[str]) -> bool:
    """Whether folded `sentence` is context (see `CONTEXT`, `answer_information.COURTESY`,
    `restates`, `BACKGROUND`): the figures of a thanks or a restatement are the question's
    ("votre question relative aux zones 30"), but a clause after it that answers part of the
    question is information ("Je vous remercie pour votre question ; 1.245 contrôles ont eu
    lieu")."""
    if restates(sentence, asked_words) or BACKGROUND.search(sentence):
        return not information.tells(sentence)
    opening = CONTEXT.search(sentence) or information.COURTESY.search(sentence)
    if opening is None:
        return False
    rest = sentence[opening.end() :]
    later = information.CLAUSE_BREAK.split(rest)[1:]
    # A second verb of the same subject is a clause of its own: "La Région partage avec vous ce
    # constat et a créé 1.200 places depuis janvier 2025".
    later += [rest[joined.end() :] for joined in CONJOINED.finditer(rest)]
    return not any(information.answers_part(clause) for clause in later)
