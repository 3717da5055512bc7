"""Whose matter it is, who holds what was asked, and where the answer already is (`answers`): data.

Revision 18 (nineteenth session). Round 15's dev half, grouped by what the answer does rather
than by its words, shows acts that the earlier readings know with one verb, one subject or one
word order. These read each act by its parts, in French and Dutch, any tense and person:

- *the member directed to a holder* by a Dutch directive whatever stands between ("Ik verzoek
  het geachte lid de bevoegde gewestminister te ondervragen", "Het geachte lid wordt verzocht
  zich met deze vraag te wenden tot de Vlaamse minister");
- *another holder able to give the member what was asked* ("la STIB pourra vous les fournir
  directement", "De MIVB kan u die cijfers bezorgen"), or the member sent to a body that
  publishes it ("je vous renvoie vers Statbel, qui les publie chaque trimestre");
- *the minister's side without power* over it ("Le Gouvernement n'a pas le pouvoir de modifier
  les tarifs", "Het Gewest heeft hierin geen zeggenschap"): a weak reading, deciding only when
  nothing of the answer's own follows;
- *the competent holder named as such* ("Les services d'inspection compétents sont ceux des
  Communautés", "Bevoegd zijn de gemeenschappen") and *the matter moved to another level* by a
  reform ("L'agriculture est une matière régionalisée"): part of the account of who holds what
  beside a refusal (`ACCOUNT`, read by `answer_holders.accounts_for_competence`), not
  information, and never a refusal alone (a regional minister's "régionalisé" is their own);
- *the earlier answer repeated or nothing added to it* ("Je ne puis que réitérer les termes de
  ma réponse", "Ik heb hieraan niets toe te voegen ten opzichte van wat ik in de commissie heb
  gezegd");
- *an impersonal directive to a document* ("On se reportera au portail opendata.brussels",
  "L'honorable membre consultera le rapport");
- *a document said to hold all that was asked* ("Le communiqué de presse détaille l'ensemble des
  partenariats", "La liste exhaustive est reprise au tableau publié en annexe du budget"): a
  weaker pointer (`LOCATED`), never the answer's own annex;
- *what was asked arriving later* ("Ils vous parviendront par courrier", "ze zullen u per brief
  worden toegestuurd").

Matched per folded sentence like every phrasing; part of the rules' fingerprint
(`answers.rules_fingerprint`); gated like the other forms on the rest of the sentence and the
question (`answer_gates.says_what_was_asked`).
"""

from __future__ import annotations

import re

from pqsearch.analyze.answer_acts import DIRECTIVE_NL, DOCUMENT, NOT_APPEAL, NOT_OWN
from pqsearch.analyze.answer_phrases import MEMBER

# Dutch holders, compounds included: "de bevoegde gewestminister", "de schepen", "het OCMW".
_HOLDER_NL = (
    r"\w*(?:minister\w*|staatssecretaris\w*|schepen\w*|burgemeester\w*|regering\w*|overheid\w*"
    r"|gemeente\w*|ocmw|politiezone\w*|instantie\w*|agentschap\w*|gewest\w*|gemeenschap\w*"
    r"|collega\w*|vgc|ggc|cocof|cocom|nmbs|mivb|stib|actiris|iriscare|college)"
)
# What was asked, given by another: data, not a service ("Actiris peut vous fournir un
# accompagnement" says what Actiris does).
_ASKED = (
    r"(?:donnees|chiffres|statistiques|informations|renseignements|elements|precisions|montants"
    r"|resultats|tableaux?|gegevens|cijfers|statistieken|informatie|inlichtingen|bedragen)"
)
# A subject that is not the minister's own side nor a pronoun whose holder is unsaid.
_NOT_OWN_SUBJECT = (
    r"(?!(?:je|j'|nous|il|elle|ils|elles|on|ceux-ci|celles-ci|celui-ci|celle-ci|cela|ceci|mon|ma"
    r"|mes|notre|nos|la region|le gouvernement|le college|l'administration|ik|wij|we|hij|zij|ze"
    r"|mijn|onze|het gewest|de regering|het college|de administratie)\b)"
)
_ABLE_FR = (
    r"(?:pourra|pourront|peut|peuvent|pourrait|pourraient|(?:est|sont|sera|seront|serait"
    r"|seraient) (?:en mesure|a meme) de)"
)
_GIVE_FR = r"(?:fournir|communiquer|transmettre|donner|preciser|faire parvenir)"
_SAID = (
    r"(?:dit|declare|repondu|expose|indique|explique|precise|communique|gezegd|geantwoord"
    r"|verklaard|toegelicht|uiteengezet|meegedeeld|commission|commissie|seance|pleniere"
    r"|plenaire|interpellation|interpellatie)"
)
# Published documents, the budget's in Dutch too.
_PUBLISHED = rf"(?:{DOCUMENT}|begroting\w*|jaarrekening\w*)"
# Not the answer's own annex or table, but a published document's: "en annexe du budget", "in
# de bijlage bij de begroting". Read from the start of each clause (the sentence's or after
# ";"): at every position it cost the whole classification four times over.
_NOT_OWN_ANNEX = (
    r"(?![^;]*\b(?:ci-dessous|ci-dessus|ci-apres|infra|supra|hieronder|hierboven|hierna"
    r"|ci-joint\w*|bijgevoegd\w*)\b)"
    rf"(?![^;]*\bannexe\b(?! d(?:u|e la|es|e l') (?:\w+ )?{_PUBLISHED}\b))"
    rf"(?![^;]*\bbijlage\b(?! (?:bij|van) (?:de |het )?(?:\w+ )?{_PUBLISHED}\b))"
)
_PLACE = rf"(?:{_PUBLISHED}|tableaux?|overzicht\w*|tabel\w*|bijlage bij \w+ \w+)"

SENDING: tuple[str, ...] = (
    # "Ik verzoek het geachte lid de bevoegde gewestminister te ondervragen", "Het geachte lid
    # wordt verzocht zich met deze vraag te wenden tot de Vlaamse minister".
    rf"{DIRECTIVE_NL}\b[^.;]{{0,80}}?\b{NOT_OWN}(?:de |het |een |uw |zijn |haar )?(?:\w+ )?"
    rf"{_HOLDER_NL}\b[^.;]{{0,40}}?\b(?:te (?:ondervragen|interpelleren|bevragen|contacteren)"
    rf"|aan te spreken)\b{NOT_APPEAL}",
    rf"{DIRECTIVE_NL}\b[^.;]{{0,60}}?\b(?:zich|u)\b(?: [\w'-]+){{1,4}}? (?:te )?(?:wenden|richten)"
    rf" tot {NOT_OWN}{NOT_APPEAL}",
    # Another holder able to give the member what was asked: "la STIB pourra vous les fournir
    # directement", "Bruxelles Environnement est en mesure de vous communiquer ces chiffres"
    # (what the member asked, not a service: "Actiris peut vous fournir un accompagnement").
    rf"(?:^\W*|[;:] ){_NOT_OWN_SUBJECT}[\w'-]+(?: [\w'-]+){{0,4}}? {_ABLE_FR} (?:directement )?"
    rf"(?:vous (?:les |la |le |l'|en )(?:\w+ )?{_GIVE_FR}\b|vous {_GIVE_FR} (?:directement )?"
    rf"(?:ces |les |ses |leurs |toutes les |l'ensemble des )(?:\w+ )?{_ASKED}\b|(?:les |la |le "
    rf"|l')?{_GIVE_FR} (?:directement )?a {MEMBER})",
    rf"(?:^\W*|[;:] ){_NOT_OWN_SUBJECT}[\w'-]+(?: [\w'-]+){{0,4}}? (?:kan|kunnen|zal|zullen)"
    rf" (?:u|het (?:geachte )?lid|de vraagsteller) (?:rechtstreeks )?(?:\w+ ){{0,2}}?{_ASKED}\b"
    r"[^.;]{0,30}?\b(?:bezorgen|meedelen|verstrekken|overmaken|toesturen)\b",
    # Sent to a body that publishes or holds what was asked: "je vous renvoie vers Statbel, qui
    # les publie chaque trimestre", "Ik verwijs u naar Statbel, dat de cijfers publiceert".
    r"\b(?:je|nous) vous (?:renvoie|renvoyons|oriente|orientons|redirige|redirigeons) (?:vers|a"
    rf"|au|aux|aupres d\w*) {NOT_OWN}[^.;,]{{2,60}}, qui (?:les |la |le |l'|en |y )?(?:\w+ )?"
    r"(?:publie|publient|fournit|fournissent|tient|tiennent|detient|detiennent|collecte"
    r"|collectent|centralise|centralisent|dispose|disposent|diffuse|diffusent|gere|gerent)\b",
    r"\b(?:ik|wij|we) (?:verwijs|verwijzen) (?:u|het (?:geachte )?lid) (?:\w+ )?naar"
    rf" {NOT_OWN}[^.;,]{{2,60}}, (?:dat|die|dewelke) (?:\w+ ){{0,3}}?"
    r"(?:publiceert|publiceren|bijhoudt|bijhouden|beheert|beheren|verzamelt|verzamelen"
    r"|bezit|bezitten|ter beschikking stelt)\b",
)

# Weak readings (`answers`: whose matter it is, not a sending).
_NO_POWER = (
    # "Le Gouvernement n'a pas le pouvoir de modifier les tarifs", "la Région n'a aucune prise
    # sur ces décisions", "Het Gewest heeft hierin geen zeggenschap".
    r"\b(?:je|nous|la region|le gouvernement|le college|l'autorite (?:regionale|federale)|l'etat"
    r" federal|le federal)(?: \w+){0,2}? (?:n'(?:ai|a|avons|exerce|exercons|possede|detient"
    r"|detiens)|ne (?:dispose|disposons|detiens|detenons|possede|possedons))(?: \w+)? (?:pas"
    r"|aucun\w*|nullement|plus)(?: \w+)? (?:de |d'|le |la |du |l'|un |une )?(?:pouvoir|levier"
    r"|prise|tutelle)s?\b"
    r"|\b(?:ik|wij|we|het gewest|de (?:brusselse )?regering|het college|de federale overheid)"
    r"(?: \w+){0,3}? (?:heeft|hebben|heb|beschik\w*)(?: \w+){0,3}? geen (?:enkele )?"
    r"(?:zeggenschap|bevoegdhe\w*|hefbo\w*|invloed|toezicht|beslissingsmacht)\b"
)
_LEVELLED = (
    # The matter moved to another level: "L'agriculture est, pour l'essentiel, une matière
    # régionalisée", "Het toerisme werd gedefederaliseerd".
    r"\b(?:est|sont|a ete|ont ete|is|zijn|werd|werden)\b[^.;]{0,50}?\b(?:regionalisee?s?"
    r"|communautarisee?s?|defederalisee?s?|geregionaliseerd\w*|gecommunautariseerd\w*"
    r"|gedefederaliseerd\w*)\b"
)
DECLARING: tuple[str, ...] = (_NO_POWER,)

# The competent holder named as such: "Les services d'inspection compétents sont ceux des
# Communautés", "Bevoegd zijn de gemeenschappen", "is een gemeenschapsbevoegdheid": beside a
# refusal, the account of who holds what (`answer_holders.accounts_for_competence`).
ACCOUNT = re.compile(
    r"\bcompetente?s? (?:en la matiere |en ce domaine |en l'espece )?(?:sont|est|seront|sera"
    r"|restent|reste|demeurent|demeure) (?:ceux|celles?|celui|les autorites)\b"
    r"|^\W*(?:bevoegd|competente?s?) (?:zijn|is|sont|est) (?:de|het|les|la|le|l')\b"
    # Another level's body deciding it, the Dutch agent before the verb: "De tarieven worden
    # door de federale regulator bepaald".
    r"|\b(?:wordt|worden|werd|werden)\b[^.;]{0,30}?\bdoor (?:de |het |een )?(?:federale|vlaamse"
    r"|europese|gemeentelijke|onafhankelijke|lokale) \w+\b[^.;]{0,30}?\b(?:bepaald|vastgelegd"
    r"|beslist|beheerd|georganiseerd|geregeld|gecontroleerd|goedgekeurd)\b"
    r"|\b(?:gemeenschaps|gewest|gemeente|gemeentelijke )bevoegdhe\w*"
    rf"|{_NO_POWER}|{_LEVELLED}"
)

BY_REFERENCE: tuple[str, ...] = (
    # The earlier answer repeated: "Je ne puis que réitérer les termes de ma réponse à votre
    # précédente question", "Ik herhaal mijn eerdere antwoord", "je maintiens mes propos".
    r"\b(?:reiter\w*|repete\w*|repeter|confirme\w*|maintiens|maintenons|rappelle\w*|herhaal\w*"
    r"|bevestig\w*)\b(?: (?:donc|des lors|ici|integralement|volledig|dan ook|enkel|slechts))?"
    r" (?:les termes (?:de|d') |la teneur (?:de|d') |de inhoud van )?(?:ma|notre|mes|nos|mijn|ons"
    r"|onze) (?:precedente |eerdere |vorige )?(?:reponses?|antwoord\w*|propos|declarations?)\b"
    r"(?! (?:suivante|volgend|ci-dessous|hieronder)\b)",
    # Nothing added to what the minister said or answered before: "Ik heb hieraan niets toe te
    # voegen ten opzichte van wat ik op 5 november in de commissie heb gezegd", "Je n'ai rien à
    # ajouter à ce que j'ai déclaré en séance plénière".
    r"\b(?:je n'ai|nous n'avons|je ne (?:peux|puis) (?:rien|que)|ik heb|wij hebben|we hebben)"
    r"\b(?: \w+){0,2}? (?:rien|niets)\b[^.;]{0,60}?\b(?:ce que|ce qui|wat|hetgeen)\b[^.;]{0,80}?"
    rf"\b{_SAID}\b",
    # The answer found in an earlier one: "Het antwoord op deze vraag is terug te vinden in mijn
    # antwoord op schriftelijke vraag nr. 318", "Les éléments figurent dans ma réponse à la
    # question n° 412".
    r"\b(?:is|zijn|staat|staan|werd|werden) (?:\w+ ){0,2}?(?:terug te vinden|te vinden|opgenomen"
    r"|gegeven|vermeld) in (?:mijn|ons|het) (?:eerdere |vorige )?antwoord (?:op|aan)\b"
    r"|\b(?:se trouvent?|figurent?|sont|est|ont ete|a ete) (?:\w+ ){0,2}?(?:dans|en) (?:ma|notre)"
    r" (?:precedente )?reponse (?:a|aux)\b[^.;]{0,40}?\bquestions?\b",
    # An impersonal or third-person directive to a document: "On se reportera au portail
    # opendata.brussels", "l'honorable membre consultera le rapport annuel", "on trouvera la liste
    # dans le rapport".
    rf"\b(?:on|{MEMBER}) (?:(?:pourra|peut|voudra bien) )?(?:se reporter\w*|s'y reporter\w*"
    r"|se refer\w*|consulter\w*|relire|relira|trouvera|lira)\b(?![^;]*\b(?:ci-dessous|ci-dessus"
    rf"|ci-apres|annexe|ci-joint\w*)\b)[^.;]{{0,60}}?\b(?:{DOCUMENT}|reponses?|compte rendu"
    r"|comptes rendus|debats?)\b",
)

LOCATED: tuple[str, ...] = (
    # A document that holds all that was asked: "Le communiqué de presse du 17 septembre 2025
    # détaille l'ensemble des partenariats conclus", "Het jaarverslag bevat de volledige lijst".
    rf"(?:^|(?<=;)){_NOT_OWN_ANNEX}[^;]*?\b{DOCUMENT}\b[^.;]{{0,80}}?\b(?:detaill\w*|repren\w*"
    r"|reprend|contien\w*|enumer\w*|liste|listent|recense\w*|bevat|bevatten|vermeldt|vermelden)"
    r" (?:l'ensemble|la totalite|la liste|le detail|toutes? les|tous les|alle|het volledige"
    r"|de volledige|een volledig\w*)\b",
    # All that was asked located in one: "La liste exhaustive des événements soutenus est reprise
    # au tableau publié en annexe du budget ajusté", "Het volledige overzicht is terug te vinden
    # in het jaarverslag".
    rf"(?:^|(?<=;)){_NOT_OWN_ANNEX}[^;]*?\b(?:la liste|le detail|l'ensemble|la totalite|le releve"
    r"|l'inventaire|het (?:volledige )?overzicht|de (?:volledige )?lijst)\b[^.;]{0,60}?\b(?:est"
    r"|sont|figure\w*|se trouve\w*|is|zijn|staat|staan|wordt|worden)(?: \w+){0,2}? (?:au|a la"
    rf"|aux|dans|sur|in|op) (?:le |la |les |l'|het |de |een |son |sa |ses )?(?:\w+ )?{_PLACE}\b",
)

NOT_PUBLISHED: tuple[str, ...] = (
    # What was asked arriving later: "Ils vous parviendront par courrier dès qu'ils seront
    # disponibles", "Les chiffres parviendront à l'honorable membre", "ze zullen u per brief
    # worden toegestuurd".
    r"(?:^\W*|(?<=[;:,] )|(?<=\bet ))(?:ils|elles|elle|il|ceux-ci|celles-ci|celle-ci|celui-ci"
    rf"|(?:les |ces )?{_ASKED}(?: \w+){{0,3}}?) (?:vous (?:parviendr(?:a|ont)|(?:seront|sera)"
    rf" remise?s?)|parviendr(?:a|ont) (?:\w+ ){{0,3}}?a {MEMBER})\b",
    r"(?:^\W*|(?<=[;:,] ))(?:ze|zij|deze|die|(?:de |het )?(?:cijfers|gegevens|tabel\w*|overzicht"
    r"|lijst))(?: \w+){0,2}? (?:zullen|worden|zal|wordt) u (?:\w+ ){0,3}?(?:worden )?"
    r"(?:toegestuurd|bezorgd|overgemaakt|opgestuurd|toegezonden)\b",
)

# Where the document pointed to lies, in the clause after it: "; il est joint au dossier de la
# commission", "; hij is beschikbaar op de website". Part of the pointer, not information.
PLACED = re.compile(
    r"^\W*(?:il|elle|ils|elles|celui-ci|celle-ci|ceux-ci|celles-ci|hij|zij|ze|het|dit|dat|deze"
    rf"|ce \w+|cette \w+|ces \w+|(?:le |la |les |l')?{DOCUMENT})\b[^.;]{{0,20}}?\b(?:est|sont"
    r"|a ete|ont ete|peut etre|peuvent etre|is|zijn|werd|werden|kan|kunnen)\s(?:\w+ ){0,2}?"
    r"(?:joint|annexe|depose|disponible|publie|consultable|accessible|en ligne|toegevoegd"
    r"|gevoegd|bijgevoegd|beschikbaar|gepubliceerd|terug te vinden|te vinden|raadpleegbaar"
    r"|neergelegd)\w*\b"
)

# A whole sentence that classes the matter at one level of power, naming no holder: "Il s'agit
# d'une compétence régionale.", "C'est une matière fédérale.", "Het betreft een federale
# materie." Whose matter it is depends on who answers (`answer_gates.classes_another_level`):
# the Region's own for a Brussels minister, another level's for a federal one, and the reverse.
LEVEL_CLASSED = re.compile(
    r"^\W*(?:il s'agit|c'est|cela est|ceci est|(?:cette|la) (?:question|matiere)(?: \w+){0,2}?"
    r" (?:est|releve))(?: (?:ici|donc|en l'occurrence|la|bien|pour l'essentiel))? (?:d'une |une "
    r"|de la |d')?(?:matiere|competence)(?: (?:exclusivement|purement|strictement"
    r"|essentiellement))? (?P<level>regionale|federale|de la region|des regions|du federal"
    r"|de l'etat federal|de l'autorite federale)\W*$"
    r"|^\W*(?:het betreft|dit betreft|het gaat(?: hier)? om|dit is|het is|dat is|deze"
    r" (?:aangelegenheid|kwestie|vraag) is)(?: (?:hier|dus|echter))? (?:een )?(?P<level_nl>federale"
    r"|gewestelijke|regionale) (?:materie|aangelegenheid)\W*$"
)
FEDERAL_LEVELS = ("federale", "du federal", "de l'etat federal", "de l'autorite federale")
# A refusal whose only holder is the Region, its last words: a Brussels minister's own matter
# ("Il s'agit d'une compétence régionale", "C'est une matière régionale"), unless it is denied
# ("échappe à la compétence régionale", "n'est pas une matière régionale").
# Since revision 19 also the Dutch "gewestelijke bevoegdheid" (as cut by the phrasing that reads
# it, "is een gewestelijke bevoegdhe").
OWN_LEVEL = re.compile(
    r"^(?!.*\b(?:echapp\w*|sort\w*|depass\w*|exced\w*|hors|pas|plus|nullement|aucune?|niet|geen"
    r"|buiten)\b).*(?:regionale?s?|de la region|des regions|gewestelijke (?:materie"
    r"|aangelegenheid)|gewestelijke bevoegdhe\w*|gewestbevoegdhe\w*)\W*$"
)
# The same for a federal minister (revision 19): "Dat is een federale bevoegdheid" is their own
# matter, not a refusal (its French, "une compétence fédérale", is `LEVEL_CLASSED`'s).
FEDERAL_OWN_LEVEL = re.compile(
    r"^(?!.*\b(?:niet|geen|buiten|pas|plus|nullement)\b).*\bfederale (?:bevoegdhe\w*|materie"
    r"|aangelegenheid)\W*$"
)

PATTERNS = (ACCOUNT, PLACED, LEVEL_CLASSED, OWN_LEVEL, FEDERAL_OWN_LEVEL)

# Literal pieces of the phrasings above that the other gates do not give, for the keyword gate
# (`answer_keywords`): each match holds one, or a piece the other gates already have ("vous",
# "verzocht", "verzoek", "repon", "antwoord", "compet", "bevoeg", "regionalis", ...). Pieces as
# long as the phrasings allow: each sentence that holds one is tried on every phrasing.
GATE = (
    "ondervragen",
    "interpelleren",
    "bevragen",
    "contacteren",
    "aan te spreken",
    "parviendr",
    "zeggenschap",
    "hefbo",
    "invloed",
    "toezicht",
    "beslissingsmacht",
    "le pouvoir",
    "de pouvoir",
    "un pouvoir",
    "prise",
    "meedelen",
    "verstrekken",
    "overmaken",
    "toesturen",
    "bezorgd",
    "enumer",
    "volledig",
    "bevat alle",
    "bevatten alle",
    "vermeldt alle",
    "vermelden alle",
    "het overzicht",
    "de lijst",
    "mes propos",
    "nos propos",
    "ma declaration",
    "mes declarations",
    "notre declaration",
    "nos declarations",
    "precedente declaration",
    "detaill",
    "la liste",
    "l'ensemble",
    "la totalite",
    "le detail",
    "niets",
    "rien",
    "on se ",
    "on trouvera",
    "on consult",
    "on lira",
    "on pourra",
    "toegestuurd",
    "opgestuurd",
    "toegezonden",
    "bezorgen",
    "gedefederaliseerd",
)
