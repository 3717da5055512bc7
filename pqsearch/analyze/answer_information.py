"""What counts as information of the answer's own (`analyze.answers`): data, not logic.

An answer that sends the member elsewhere is still substantive when it answers part of the
question itself (the partial-answer rule of tests/data/answer_types.toml): these patterns say
which sentences and clauses do (figures that are facts, a yes or no, a count of none, a
decision) and which do not (courtesy, figures not held, a citation with nothing new). Matched
on text folded like the phrasings (`answer_phrases`), and part of the rules' fingerprint
(`answers.rules_fingerprint`).
"""

from __future__ import annotations

import re

# Nor does a sentence that says the information is not held ("Mijn diensten leggen geen
# statistieken aan", "je ne dispose pas de ces chiffres"): it tells the member what the
# minister does not have, which is what sending the member elsewhere is about.
NOT_HELD = re.compile(
    r"\bne (?:dispos\w*|possed\w*|ti\w*nn?\w*|collect\w*|recens\w*|enregistr\w*) pas "
    r"(?:de |des |d'|ces |de ces |les )?(?:statistiques|donnees|chiffres|informations)\b"
    r"|\b(?:aucune?s?|pas de) (?:statistiques?|donnees|chiffres) (?:ne |n')?(?:sont |est )?"
    r"(?:disponibles?|tenues?|collectees?)\b"
    r"|\b(?:geen |niet over (?:de |deze |die )?)(?:statistieken|cijfers|gegevens)\b"
)
# Unless the sentence gives figures all the same ("je ne dispose pas de chiffres pour 2023,
# mais en 2022, 1.234 demandes..."): a number that is not a year.
FIGURE = re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d.,]*")
# Figures that are facts of the answer, to count them: not years, not the day of a date ("le
# 3 mai"), not the number of a question or an article ("n° 512", "nr. 55-880").
# "n°" keeps its degree sign when folded; a page, a document or a sub-question's number is no
# fact either ("page 394", "doc. 55 3295/012", "pour la question 1").
FACT_FIGURE = re.compile(
    r"(?<!\bn )(?<!\bn\. )(?<!\bnr )(?<!\bnr\. )(?<!\bno )(?<![\d.,/°-])(?<!° )"
    r"(?<!\bpage )(?<!\bp\. )(?<!\bblz\. )(?<!\bdoc\. )(?<!\bcriv )(?<!\bquestion )"
    r"(?<!\bquestions )(?<!\bpoint )(?<!\bpoints )(?<!\bvraag )(?<!\bpunt )"
    # Nor the number of a class or an item ("classe 1A", "2e", "5bis").
    r"\b(?!(?:19|20)\d\d\b)\d{1,3}(?: \d{3})*[\d.,]*(?![\d/-])(?![.)] )(?![a-z]\b|bis\b)"
    r"(?! ?(?:er )?(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre"
    r"|novembre|decembre|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
    r"|november|december)\b)"
)
# A list of numbers cited ("aux questions n° 301, 302 et 303", "les points 1 et 2"): what
# `FACT_FIGURE` leaves out for the first number, for all of them, to blank before looking for a
# fact in the rest of a sentence that sends the member elsewhere.
# The sign after "n" may be lost in the source ("vraag n? 16482").
CITED_NUMBERS = re.compile(
    r"(?:\b(?:questions?(?: (?:ecrites?|orales?|parlementaires?))?|(?:schriftelijke |mondelinge )?"
    r"(?:vraag|vragen)|qe|qo|points?|punt|punten|articles?|art\.|pages?|p\.|blz\."
    # A budget's divisions and programmes ("division 24, programme 2").
    r"|divisions?|programmes?|missions?|allocations? de base|ab)\s*"
    r"(?:(?:n|nr|no)\b\W{0,2}\s*)?|\b(?:n|nr|no)\b\W{0,2}\s*)"
    r"\d[\w./-]*(?:\s*(?:,|et|en|a|tot)\s*\d[\w./-]*)*"
    # The date of what is cited is part of the citation (review 16, V4): "question écrite 412
    # du 3 mars 2025", "vraag nr. 88 van 4 maart 2025".
    r"(?:\s(?:du|de|van|d')\s?\d{1,2}(?:er)?\s(?:janvier|fevrier|mars|avril|mai|juin|juillet"
    r"|aout|septembre|octobre|novembre|decembre|januari|februari|maart|april|mei|juni|juli"
    r"|augustus|september|oktober|november|december)\s(?:19|20)\d\d)?"
)
# A bracket that cites a record ("(CRIV 55 COM 812, p. 14)", "(question n° 1442)", "(Doc. 55
# 3295/012)"): its numbers say where, not what.
CITING_BRACKET = re.compile(
    r"\((?=[^()]*\b(?:criv|crabv|qrva|doc|n°|nr|p\.|page|blz|bulletin|questions et reponses"
    r"|vragen en antwoorden|com|question|vraag)\b)[^()]*\)"
)
# Besides a figure, what answers part of the question in a sentence or clause of its own
# (the partial-answer rule of tests/data/answer_types.toml): a yes or no on the substance ("Non.
# Aucune subvention n'a été octroyée", "La réponse à la première question est négative") and a
# count of none ("il n'y a pas eu de contrôle", "aucune dérogation n'a été accordée").
ANSWERS_PART = re.compile(
    r"^\W*(?:oui|non|ja|neen|nee)\b(?! (?:seulement|pas|plus)\b)"
    r"|\b(?:est|sont|etait) (?:negative|positive|affirmative)s?\b"
    r"|\baucune? (?!element|information|donnee|chiffre|statistique)\w+(?: \w+){0,3}? n'(?:a|ont"
    r"|est|sont|avait|avaient) (?:ete |encore ete )?\w+e?s?\b"
    r"|\bil n'y a (?:pas |jamais |eu aucun\w* )(?:eu )?(?:de |d')"
    # A decision on the substance, with or without its date: "le marché a été attribué en
    # juin", "la Région n'a pas été consultée" (not an event told as background, "une étude a
    # été réalisée en 2012", nor what was said before, "débattu", "abordé": context).
    # Not a remit given to someone ("la ministre, à qui cette matière a été attribuée").
    r"|(?<!matiere )(?<!competence )(?<!competences )(?<!attributions )"
    r"\b(?:a|ont|avait|avaient|sera|seront) (?:ete |deja ete |pas ete |jamais ete )"
    r"(?:attribue|approuve|adopte|signe|lance|decide|octroye|accorde|consulte|supprime"
    r"|prolonge|nomme|valide|introduit)e?s?\b"
    # When something starts, ends or is due, with its month and year: "ceux-ci s'achèveront en
    # mars 2027", "les travaux débuteront le 4 mai 2026", "les résultats sont attendus en juin
    # 2027" (a date alone is not enough: "ma réponse du 3 mars 2026" cites, it does not tell).
    r"|\b(?:s'achev|acheve|debut|commenc|termin|demarr|reprendr|repris|livr|clotur|prevu|attendu"
    r"|ouvert|ouvri|ferme|inaugur"
    r"|entr\w* en vigueur)\w*\b[^.;]{0,40}?\b(?:en|le|au|d'ici|pour|a partir d[eu]|des|fin|debut)"
    r" (?:(?:le |la )?(?:\d{1,2}(?:er)? )?(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout"
    r"|septembre|octobre|novembre|decembre) )(?:19|20)\d\d\b"
    # The same in Dutch, the verb last: "De werken zullen in december 2026 voltooid zijn".
    r"|\b(?:in|op|tegen|vanaf|begin|eind|sinds) (?:\d{1,2} )?(?:januari|februari|maart|april|mei"
    r"|juni|juli|augustus|september|oktober|november|december) (?:19|20)\d\d\b[^.;]{0,40}?"
    r"\b(?:voltooid|afgerond|klaar|beeindigd|gestart|begonnen|opgeleverd|geopend|gesloten"
    r"|in werking|van start|ingevoerd|goedgekeurd)\b"
    # A decision in the active voice: "le conseil d'administration de la STIB a décidé d'ajouter
    # deux lignes", "le Gouvernement a approuvé le plan" (not a decision to answer or to send:
    # "a décidé de vous répondre par écrit").
    r"|\b(?:a|ont|avait|avaient) (?:deja |egalement |finalement |recemment |donc )?(?:decide"
    r"|approuve|adopte|attribue|octroye|accorde|signe|valide|prolonge|supprime|nomme)\b"
    r"(?! (?:de |d')(?:vous |lui |leur |me |la |le |les )?(?:repondre|transmettre|renvoyer"
    r"|interroger|adresser|consulter|reporter)\b)"
    # The duty said, then done, with its year (round 15's dev half, r15-025): "Il appartient à
    # chaque commune d'adopter un plan ; Evere l'a fait par délibération du 14 mai 2025", "De
    # gemeente heeft dat in maart 2025 gedaan".
    r"|\bl'(?:a|ont|avait|avaient) (?:deja |egalement |bien |donc |aussi )?fait\b[^.;]{0,60}?"
    r"\b(?:19|20)\d\d\b|\b(?:heeft|hebben|had|hadden) (?:dat|dit|het) (?:al |reeds |ook )?"
    r"(?:op|in|sinds|begin|eind) [^.;]{0,30}?\b(?:19|20)\d\d\b[^.;]{0,20}?\bgedaan\b"
    # A summary of what the pointer's document says ("Les informations figurent sur le site.
    # En substance, la demande doit être introduite auprès de la commune"): the answer given.
    r"|^\W*(?:en substance|en resume|en synthese)\b"
)
# A fact dated in a sentence of its own: a state of affairs from when it began ("Toutes les
# cantines du SPRB acceptent les chèques-repas électroniques depuis septembre 2025"), an event
# held on a given day ("une réunion d'information s'est tenue le 3 février 2026"). Not in the
# sentence that sends the member elsewhere, where the date says when the competence moved
# ("Depuis janvier 2025, cette matière relève de la Région") or which answer is cited.
_MONTHS = (
    r"(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
    r"|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
)
DATED = re.compile(
    rf"\b(?:depuis|a partir d[eu]|des le|sinds|vanaf) (?:le |la |l')?(?:\d{{1,2}}(?:er)? )?"
    rf"{_MONTHS} (?:19|20)\d\d\b"
    rf"|\b(?:s'est tenue?s?|se sont tenue?s|a eu lieu|ont eu lieu|s'est deroulee?|a ete organisee?"
    rf"|se tiendra|auront? lieu|vond plaats|vinden plaats|zal plaatsvinden)\b[^.;]{{0,40}}?"
    rf"\b(?:le |du |op )?\d{{1,2}}(?:er)? {_MONTHS} (?:19|20)\d\d\b"
)


def tells(text: str) -> bool:
    """Whether folded `text`, a sentence of its own, answers part of the question: what
    `answers_part` finds, or a dated fact (`DATED`), leaving out what a bracket cites."""
    text = CITING_BRACKET.sub(" ", text)
    return answers_part(text) or DATED.search(text) is not None


# Who does what, as the substance of the answer: "La répartition des compétences en matière de
# bien-être animal est la suivante : les Régions sont compétentes pour ...". A sentence that
# lays out the competences answers the question; it does not decline it.
DISTRIBUTION = re.compile(
    # Laid out, not cited as the reason: "selon la répartition des compétences, cette matière
    # ressortit à la ministre de la Fonction publique" declines the question.
    r"\b(?:repartition|partage) (?:des|de ces|de la) competences?\b[^.]{0,80}?\b(?:est la suivante"
    r"|(?:se presente|s'etablit|s'organise) comme suit)\b"
    r"|\bcompetences? (?:sont |est )?(?:reparties?|partagees?) (?:entre|comme suit)\b"
)


def answers_part(text: str) -> bool:
    """Whether folded `text` answers part of the question: a figure that is a fact, a yes or
    no, a count of none, a decision or a due date."""
    return bool(FACT_FIGURE.search(text) or ANSWERS_PART.search(text))


# A clause set off by commas inside a sentence, a relative one ("Le rapport annuel, que
# l'honorable membre peut consulter en ligne, mentionne 4.212 interventions"): what the sentence
# says without it is its own main clause.
INCIDENTAL = re.compile(r",\s(?:que|qu'|ou|dont|qui|lequel|laquelle|auquel|a laquelle)\b[^,;.]*,")
# Where a sentence that sends the member elsewhere may go on to a clause of its own: after a
# semicolon or a colon, or a relative or a concessive clause ("..., qui m'a indiqué avoir dressé
# 96 procès-verbaux", "..., en précisant que le marché a été attribué le 15 mai").
CLAUSE_BREAK = re.compile(
    r"\s[;:]\s|;\s|:\s|,\s(?:qui (?:m'|nous )?(?:a|ont|avait) (?:indique|informe|communique"
    r"|precise|fait savoir)|mais|toutefois|cependant|en precisant que|en ajoutant que|j'y ajoute)\b"
)

# A sentence of courtesy says nothing on the question, however long: thanks, the member
# greeted, "je reste à votre disposition" ("Je remercie l'honorable membre pour sa question.
# Comme j'ai eu l'occasion ... je vous renvoie ..." is a referral wrapped in courtesy).
COURTESY = re.compile(
    r"^\W*(?:(?:madame|monsieur|mevrouw|mijnheer)(?: la| le| de)? (?:deputee?|presidente?|membre"
    r"|volksvertegenwoordiger|voorzitter)\s*,\s*)?"
    r"(?:je (?:vous |tiens a vous |voudrais vous |souhaite vous )?remercie|merci\b"
    r"|(?:je|nous) (?:reste|restons|demeure|demeurons) a (?:votre|sa|l'entiere|votre entiere)"
    r"|(?:mes services|mon cabinet|mon administration) (?:reste|restent|demeurent?) a"
    r"|(?:ik|wij) (?:dank|danken|bedank|bedanken)\b|(?:ik|wij) (?:blijf|blijven|sta|staan) "
    r"(?:steeds |graag )?(?:ter beschikking|tot uw beschikking))"
)

# A sentence that opens on a citation of an earlier answer and goes on after the comma:
# what follows says something itself, unless it says there is nothing new.
CITATION = re.compile(
    r"^\W*(?:comme|ainsi que|tel que)\b[^,]*\b(?:reponse|repondu)\b[^,]*,(?P<rest>.+)"
)
NOTHING_NEW = re.compile(
    r"\b(?:rien|aucun element nouveau|pas d'elements? nouveaux?|pas d'informations? "
    r"(?:nouvelles?|supplementaires?)|d'actualite|n'(?:a|ont) pas change|inchangee?s?"
    r"|pas d'autres? (?:elements?|informations?)|rien d'autre)\b"
)

# Every pattern above, in the order the rules' fingerprint hashes them.
PATTERNS = (
    NOT_HELD,
    FIGURE,
    CITATION,
    NOTHING_NEW,
    COURTESY,
    FACT_FIGURE,
    ANSWERS_PART,
    CLAUSE_BREAK,
    INCIDENTAL,
    CITED_NUMBERS,
    DISTRIBUTION,
    DATED,
    CITING_BRACKET,
)
