"""Referrals and refusals in the plainest forms the earlier acts missed (`analyze.answers`): data.

Revision 17 (eighteenth session). Round 14's dev half and the rules-alone misses of the earlier
rounds' dev parts, grouped by what the answer does, show acts that `answer_acts` reads in one
word order or with one verb only. These read them by their parts, in French and Dutch:

- *the member sent on to a holder* by "renvoyer", "orienter", "verwijzen" ("Je vous renvoie vers
  ces autorités", "Ik verwijs u door naar de bevoegde minister"; not to an answer, a law or a
  website: those are referrals or information);
- *the question handed on with a separable verb* in Dutch, in either word order ("Uw vraag
  stuur ik door naar minister Claessens", "Ik maak uw vraag over aan de gemeente");
- *what was asked to be requested from a holder*, in the passive of obligation ("les données
  que vous demandez doivent lui être demandées", "kunnen bij de politiezone worden
  opgevraagd");
- *the matter classed as another level's* in a whole sentence, or with the minister declining
  in a relative clause ("Il s'agit d'une compétence fédérale.", "Het betreft hier een
  gewestelijke bevoegdheid, waarover ik mij niet kan uitspreken");
- *the minister's own remit denied* for a judgement or a comment ("Il ne m'appartient pas de
  commenter une procédure pendante", "Het komt mij niet toe om ... te beoordelen");
- *an impersonal directive to consult a document* ("Il convient de consulter le rapport annuel
  2024", "Il y a lieu de se référer au bilan").

Matched per folded sentence like every phrasing; part of the rules' fingerprint
(`answers.rules_fingerprint`); gated like the other forms on the rest of the sentence and the
question (`answer_gates.says_what_was_asked`).
"""

from __future__ import annotations

from pqsearch.analyze.answer_acts import DOCUMENT, HOLDER, NOT_OWN, TO_HOLDER
from pqsearch.analyze.answer_phrases import MEMBER

# Not a law, a text, a document or an answer named after a holder's adjective: "je vous renvoie
# à la législation fédérale", "verwijs naar de federale website".
_NOT_A_TEXT = (
    r"(?! (?:wetgeving|regelgeving|reglementering|wet|legislation|reglementation|loi|website"
    r"|site|rapport|verslag|antwoord|reponse|portail|portaal|normes?|regels)\b)"
)
_NO_TEXT_FIRST = (
    r"(?!(?:legislation|reglementation|lois?|textes?|wetgeving|regelgeving|wet|sites?|rapports?"
    r"|reponses?|antwoord|website|normes?|regles|regels|decrets?|ordonnances?|arretes?|accords?"
    r"|procedures?|politiques?|strateg\w+|plans?|beleid|verslag)\b)"
)
# Another level of power, as an adjective ("fédérale", "gemeentelijke"); the Region's own only
# where the minister declines beside it, since a regional minister's is their own.
_LEVEL_FR = r"(?:federale|communale|communautaire|europeenne|du federal|de l'etat federal)"
_LEVEL_NL = r"(?:federale|gemeentelijke|communautaire|vlaamse|franse|europese)"
# Whole sentences at the federal or regional level are read by who answers (revision 18,
# `answer_gates.classes_another_level`); these levels are never the answering minister's.
_OTHER_LEVEL_FR = r"(?:communale|communautaire|europeenne)"
_OTHER_LEVEL_NL = r"(?:gemeentelijke|communautaire|vlaamse|franse|europese)"
_DECLINED_FR = (
    r", (?:sur laquelle|a propos de laquelle|pour laquelle|dont|au sujet de laquelle) (?:je|nous)"
    r" (?:ne|n')"
)
_DECLINED_NL = r", (?:waarover|waarvoor|waarop) (?:ik|wij|we) (?:mij |me |ons )?(?:niet|geen)\b"

# What was asked, not what citizens apply for: "les primes peuvent être demandées à la commune"
# says how to get them.
_ASKED_FR = (
    r"(?:donnees|chiffres|statistiques|informations|renseignements|elements|precisions|montants)"
)
_ASKED_NL = r"(?:gegevens|cijfers|statistieken|informatie|inlichtingen|bedragen)"

_SEND_ON = (
    r"renvoie|renvoyons|renverrai|renverrons|renvoyais|ai renvoye|avons renvoye|oriente|orientons"
    r"|orienterai|redirige|redirigeons"
)

SENDING: tuple[str, ...] = (
    # "Je vous renvoie vers ces autorités", "Nous orientons l'honorable membre vers la commune".
    rf"\b(?:je|nous) (?:vous (?:{_SEND_ON})|(?:{_SEND_ON}) (?:{MEMBER}|le membre))"
    r"(?: (?:donc|des lors|volontiers|plutot|a ce sujet|sur ce point))? (?:vers|a|aux|au"
    rf"|aupres d\w*) {NOT_OWN}(?:ces |ce |cette |cet |les |la |le |l'|mon |ma |mes |son |sa |ses )?"
    rf"{_NO_TEXT_FIRST}(?:\w+ )?{HOLDER}\b{_NOT_A_TEXT}",
    rf"\b(?:ik|wij|we) (?:verwijs|verwijzen|verwees|verwezen)(?: \w+){{0,3}}? (?:door )?naar"
    rf" {NOT_OWN}(?:de |het |deze |die )?{_NO_TEXT_FIRST}(?:\w+ )?{HOLDER}\b{_NOT_A_TEXT}",
    # "Uw vraag stuur ik door naar minister Pieter Claessens", "Ik maak uw vraag over aan".
    r"\b(?:uw|deze|die) vra(?:ag|gen) (?:stuur|stuurde|stuurden|sturen|zend|geef|gaf|bezorg"
    r"|maak|maakte|heb|hebben|zal|zullen) (?:ik|wij|we) (?:\w+ ){0,2}?(?:door|over"
    rf"|doorgestuurd|overgemaakt|doorgegeven|doorsturen|overmaken) (?:aan|naar) {NOT_OWN}"
    rf"{TO_HOLDER}",
    r"\b(?:ik|wij|we) (?:stuur|stuurde|sturen|zend|geef|gaf|bezorg|maak|maakte|heb|hebben|zal"
    r"|zullen) (?:uw|deze|die) vra(?:ag|gen) (?:\w+ ){0,2}?(?:door|over|doorgestuurd|overgemaakt"
    rf"|doorgegeven|doorsturen|overmaken) (?:aan|naar) {NOT_OWN}{TO_HOLDER}",
    # "Les données que vous demandez doivent lui être demandées", "sont à demander à la commune",
    # "kunnen bij de politiezone worden opgevraagd".
    r"\b(?:doivent|doit|devront|devraient|peuvent|pourront|pourraient|peut|pourra) (?:lui|leur)"
    r" etre (?:directement )?(?:demandee?s?|reclamee?s?|sollicitee?s?|adressee?s?)\b",
    rf"\b{_ASKED_FR}\b[^.;]{{0,50}}?\b(?:doivent|doit|devront|devraient|peuvent|pourront|pourraient"
    r"|peut|pourra) etre (?:directement )?(?:demandee?s?|reclamee?s?|obtenue?s?|sollicitee?s?)"
    rf" (?:directement )?(?:a|au|aux|aupres d\w*) {NOT_OWN}{TO_HOLDER}",
    rf"\b{_ASKED_NL}\b[^.;]{{0,50}}?\b(?:kunnen|moeten|kan|moet|dienen|dient)(?: \w+){{0,3}}?"
    rf" (?:bij|aan) {NOT_OWN}{TO_HOLDER}\b[^.;]{{0,40}}?(?:worden |te )?(?:opgevraagd|aangevraagd"
    r"|opvragen)\b",
)

# Weak readings (`answers`: not a sending): the matter classed, or the remit denied, decide only
# when nothing of the answer's own follows ("Il ne m'appartient pas de commenter les décisions de
# justice. Je peux toutefois vous indiquer que ..." answers).
DECLARING: tuple[str, ...] = (
    # "Il s'agit d'une compétence fédérale.", "C'est une matière communale, sur laquelle je ne
    # puis me prononcer" (the Region's own only beside a decline).
    rf"^\W*(?:il s'agit|c'est|cela est|ceci est)(?: (?:ici|donc|en l'occurrence|la))? (?:d'une|une)"
    rf" (?:matiere|competence)(?: (?:exclusivement|purement|strictement))? (?:{_OTHER_LEVEL_FR}\W*$"
    rf"|(?:{_LEVEL_FR}|regionale){_DECLINED_FR})",
    rf"^\W*(?:het betreft|dit betreft|het gaat(?: hier)? om|dit is|het is|dat is)(?: (?:hier|dus"
    rf"|echter))? (?:een )?(?:{_OTHER_LEVEL_NL} (?:materie|aangelegenheid)\W*$"
    rf"|{_LEVEL_NL} bevoegdheid\W*$"
    rf"|(?:{_LEVEL_NL}|gewestelijke|regionale) (?:materie|aangelegenheid|bevoegdheid)"
    rf"{_DECLINED_NL})",
    # A thing owned by a holder that decides what was asked of it (round 13's dev half, r13-013):
    # "Ces parcs appartiennent aux communes, qui en fixent librement les horaires", "Die parkings
    # zijn eigendom van de gemeente, die de tarieven bepaalt" (not a thing owned alone: "le
    # terrain appartient à Infrabel").
    r"\b(?:appartien\w*|appartient|(?:est|sont) la propriete) (?:aux?|a la|a l'|de la|du|des|de l')"
    rf" {NOT_OWN}(?:\w+ ){{0,2}}?{HOLDER}\b[^.;]{{0,40}}?, qui (?:en |les |la |le |y )?(?:\w+ )?"
    r"(?:fixe|fixent|decide|decident|determine|determinent|gere|gerent|organise|organisent|regle"
    r"|reglent|definit|definissent|arrete|arretent)\b",
    rf"\b(?:is|zijn) (?:eigendom van|in handen van) {NOT_OWN}(?:de |het )?(?:\w+ )?{HOLDER}\b"
    r"[^.;]{0,40}?, die (?:er |ze |de |het )?(?:\w+ ){0,3}?(?:bepaalt|bepalen|beslist|beslissen"
    r"|beheert|beheren|regelt|regelen|vastlegt|vastleggen)\b",
    # "Il ne m'appartient pas de commenter une procédure pendante", "het komt mij niet toe om".
    r"\bil ne (?:m'|nous )(?:appartient|appartiendrait|revient|reviendrait|incombe) pas (?:de |d')"
    r"(?:commenter|me prononcer|nous prononcer|juger|apprecier|interferer|m'immiscer|nous immiscer"
    r"|prejuger|anticiper)\b",
    r"\bhet (?:komt|behoort) (?:mij|ons) niet toe (?:om )?(?:\w+ ){0,4}?(?:te )?(?:beoordelen"
    r"|becommentari\w+|oordelen|uitspreken|vooruit te lopen)\b"
    r"|\bhet is niet aan (?:mij|ons) om (?:\w+ ){0,4}?te (?:beoordelen|becommentari\w+|oordelen)\b",
)

BY_REFERENCE: tuple[str, ...] = (
    # "Il convient de consulter le rapport annuel 2024 de la Banque-Carrefour", "il y a lieu de
    # se référer au bilan".
    r"\bil (?:convient|conviendrait|y a lieu|suffit|suffira|est (?:utile|preferable|recommande"
    r"|conseille|indique)) d(?:e |')(?:se |vous )?(?:consulter|reporter|referer|prendre"
    rf" connaissance)\b[^.;]{{0,40}}?\b(?:{DOCUMENT}|reponses?)\b",
)

# Literal pieces of the phrasings above, and of revision 17's in `answer_unpublished`, that no
# other gate gives, for the keyword gate (most of these phrasings hold "vous", "membre", "vraag",
# "compet", "matiere", "consult" or "refer" already). Common words ("orient", "volg", "il
# convient", "geachte lid") would send many more sentences through every phrasing.
GATE = (
    " suivra",
    " suivront",
    "ulterieurement",
    "plus tard",
    "later",
    "zo snel mogelijk",
    "binnenkort",
    "eerlang",
    "geworden",
    "ontving",
    "ontvang",
    "a votre disposition",
    "ter beschikking",
    "meegede",
    "medegede",
    "eigendom",
    "in handen van",
    "etre demande",
    "etre reclame",
    "etre obtenu",
    "etre sollicite",
    "opgevraagd",
    "aangevraagd",
    "opvragen",
    "aangelegenheid",
    "niet toe",
    "niet aan mij",
    "niet aan ons",
)
