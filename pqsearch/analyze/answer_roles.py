"""What each sentence of a short answer does, as classes a French or Dutch speaker would name.

The answer-type model (`answer_model`) reads these instead of the words themselves: phrase
lists and word stems grown on one writer's wordings reached about a fifth of the next writer's
misses (eight blind rounds, BENCHMARKS.md), while the role of the decisive sentence carries:
who holds the matter (the minister, "mon administration", or another body or level), what the
verb does (says whose competence it is, sends something, points to a text), what it acts on
(a question, an answer, a document, data), to whom (the member), with or without a negation.

A sentence's features are its classes and every pair of them (so that "another body" with
"competence" weighs apart from "the minister" with "competence"); the answer's are the union
over its sentences, the last sentence's classes marked again (the pointer usually closes a
short answer), and the rules' signals (`answers.model_input`). Each class is a pattern of
stems on the folded sentence (`fold.fold_in_place`: lowercase, no accents), written for the
lemma class, French and Dutch, not for one writer's words. Part of the rules' fingerprint.
"""

from __future__ import annotations

import itertools
import re

from pqsearch.analyze.fold import fold_in_place

# Each class: a pattern over the folded sentence. Word starts are anchored; stems cover the
# persons, tenses and moods of a verb ("transm" is transmettre, transmis, transmettront).
CLASSES: dict[str, str] = {
    # Who speaks or holds: the minister and their own services.
    "self": r"\b(?:je|j'|me|m'|moi|mon|ma|mes|nous|notre|nos|ik|mijn|wij|onze?)\b",
    "own_services": (
        r"\b(?:mon|mes|ma|notre|nos|mijn|onze?) (?:administration|services?|cabinet|"
        r"departement|administratie|diensten|kabinet)\b"
    ),
    "colleague": r"\b(?:collegue|collega)",
    # Another body or level: institutions by their class, not by name.
    "other_body": (
        r"\b(?:communes?|ville|cpas|communaute|federa|spf|spp|etat|ministre|secretaire d'etat"
        r"|tribuna|juridiction|conseil d'etat|cour|parquet|police|operateur|societe|asbl"
        r"|organisme|regulateur|agence|institut|office|intercommunal|entreprise|gemeente"
        r"|gewest|gemeenschap|federale|fod|minister|staatssecretaris|rechtbank|regie|autorite"
        r"|pouvoirs? locaux|pouvoir federal|entites? federees|provinces?|gouverneur|juges?\b"
        r"|rechter|pendante? devant)"
    ),
    # A body by its legal form, which answers for itself: "bpost est une société anonyme".
    "legal_form": (
        r"\b(?:societes? anonymes?|societes? cooperatives?|entreprises? publiques?|intercommunale"
        r"|asbl|vzw|naamloze vennootschap|personnes? morales?)"
    ),
    "region": r"\b(?:region|gouvernement|gewest|regering|bruxelles)",
    # What the verb does.
    "competence": (
        r"\b(?:relev|ressort|appart|incomb|compet|attributions?\b|bevoeg|depend|revien|"
        r"tutelle|matiere|domaine|du ressort|(?:il|c'est) a (?:la|au|aux|l')|zaak van|valt)"
    ),
    "manages": r"\b(?:gere|gerent|gestion|exploit|administr|beheer|organis)",
    "sending": (
        r"\b(?:transm|adress|envo[iy]|communiqu|parven|fait suivre|relay|bezorg|toegestuurd"
        r"|toegezonden|overgemaakt|doorgestuurd|verstuurd|bezorgd)"
    ),
    "referring": (
        r"\b(?:renv|refer|report|voir|voyez|consult|trouv|figur|repris|contien|disponible"
        r"|publie|en ligne|site|portail|verwijs|verwijz|raadpleg|vindt|terug te vinden)"
    ),
    "address_to": (
        r"\b(?:s'adress|vous adress|interrog|poser|pose[ez]?\b|tourner vers|aupres|richt"
        r"|stellen|gesteld|rapproch|contacter|prendre contact)"
    ),
    # What the verb acts on.
    "answer": r"\b(?:repon|repond|antwoord|beantwoord)",
    # Another body's answer ("la réponse de la commune", "het antwoord van Sibelga"), not the
    # minister's: sending it on is an act the answer reports, not the answer sent elsewhere.
    "answer_of_other": (
        r"\b(?:reponses?|antwoord) (?:de|du|des|d'|van) ?(?!(?:ma|mon|mes|mijn|\d)\b)"
        r"(?:la |le |les |l'|het |de )?(?!\d)\w"
    ),
    "question": r"\b(?:questions?|vragen|vraag|interpellation)",
    "document": (
        r"\b(?:rapport|tableau|document|doc\b|annexe|cadastre|bulletin|compte rendu|criv"
        r"|crabv|etude|liste|brochure|bijlage|verslag|tabel|moniteur|arrete|decret|ordonnance"
        r"|circulaire|communique|resultat|registre|inventaire|repertoire|register|jaarverslag)"
    ),
    "data": (
        r"\b(?:donnee|information|chiffre|element|statistique|renseignement|detail|gegeven"
        r"|cijfer|informatie)"
    ),
    # To whom, when, how.
    "member": (
        r"\b(?:vous|votre|vos|honorable|depute|membre|parlementaire|u|uw|het lid"
        r"|volksvertegenwoordiger|indiener|parlementslid)\b"
    ),
    "earlier": (
        r"\b(?:deja|precedem|anterieur|recemment|dernier|eerder|reeds|vorige|meme sujet"
        r"|identique|similaire|semblable|seance|commission|plenier|pleniere)"
    ),
    "direct": r"\b(?:directement|par courrier|par (?:e-)?mail|rechtstreeks|per (?:brief|mail))",
    "not_printed": (
        r"\b(?:ne sera pas publi|pas reproduit|volumin|niet gepubliceerd|niet opgenomen"
        r"|trop long|ne peu(?:t|vent) etre publi)"
    ),
    "invite": r"\b(?:invit|sugger|conseill|propos|prie|permet|nodig|raad|verzoek)",
    "future": r"\b\w+(?:era|eront|erai|ira|iront|rai|ront)\b",
    # A modal of what ought to be done, which sends in any mood: "il conviendrait d'adresser",
    # "je ne puis que vous renvoyer", "moeten ... worden gesteld".
    "modal": (
        r"\b(?:conv(?:ient|iendrait|iendra)|faudr\w*|faut|devr\w*|doiv\w*|doit|y a lieu"
        r"|(?:peux|puis|pouvons) (?:donc |des lors )?que|moeten|moet|dient|dienen)\b"
    ),
    "conditional": r"\b\w+(?:rait|raient|rais)\b",
    "negation": r"\b(?:ne|n'|pas|ni|aucune?|niet|geen|nullement|jamais|nooit)\b",
    "no_data": (
        r"\b(?:ne dispos|pas d'information|aucune (?:donnee|information)|pas en possession"
        r"|geen (?:gegevens|informatie|cijfers)|pas connaissance)"
    ),
    # What the answer tells of its own: "je peux vous informer que", a dated fact, an act done.
    "informs": (
        r"\b(?:inform|indiqu|precis|ajout|signal|confirm|communiqu)\w* (?:\w+ )?que\b"
        r"|\bmee(?:delen|te delen) dat\b|\bhonneur de\b"
    ),
    "date": (
        r"\b(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre"
        r"|decembre|januari|februari|maart|april|juni|juli|augustus|oktober|december"
        r"|depuis|sinds)\b|\b(?:19|20)\d\d\b"
    ),
    "fact": (
        r"\b(?:termin|abandon|ouver|approuv|adopt|lanc|decid|realis|achev|commenc|repris"
        r"|install|renforc|augment|diminu|engag|recrut|affect|octroy|accord|budget|montant"
        r"|euros?\b|millions?\b|agents?\b|places?\b|beslist|goedgekeurd|verhoogd)"
    ),
    # What a document replacing the answer holds: everything asked.
    "everything": (
        r"\b(?:l'ensemble (?:des|de ces)|toutes (?:les|ces) (?:informations|donnees)|tous (?:les"
        r"|ces) (?:elements|chiffres|renseignements)|alle (?:gegevens|informatie|cijfers))"
    ),
    # Where the answer is instead: "y figurent", "pourra y consulter", what was asked.
    "there": r"\b(?:y|s'y|daarin|daar|hierin)\b",
    "asked": r"\b(?:demand|sollicit|souhait|gevraagd|gewenst)",
    "annex": (
        r"\b(?:ci-joint|ci-dessous|en annexe|bijgevoegd|hierna|hieronder|hierbij|ci-apres"
        r"|suivant)"
    ),
    "number": r"\d",
}
_CLASS_RES = {name: re.compile(pattern) for name, pattern in CLASSES.items()}
# A body named as written: an acronym ("SPF", "IBPT", "SBGE") or a capitalised word inside the
# sentence ("la Ville de Bruxelles", "Brugel"); read on the sentence before folding.
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,}\b")
NAMED = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]{2,}")


def sentence_classes(sentence: str) -> set[str]:
    """The classes of one sentence, as written (not folded)."""
    folded = fold_in_place(sentence)
    found = {name for name, pattern in _CLASS_RES.items() if pattern.search(folded)}
    if ACRONYM.search(sentence):
        found.add("acronym")
    if NAMED.search(sentence):
        found.add("named")
    return found


def features(sentences: list[str], signals: list[str]) -> list[str]:
    """The model's features of an answer given as its sentences (as written) and the rules'
    signals: each sentence's classes and pairs of classes, the last sentence's classes, the
    number of sentences."""
    found = {f"sentences={len(sentences)}", *signals}
    for n, sentence in enumerate(sentences):
        classes = sorted(sentence_classes(sentence))
        found.update(classes)
        found.update(f"{a}+{b}" for a, b in itertools.combinations(classes, 2))
        if n == len(sentences) - 1 and n > 0:
            found.update(f"last:{name}" for name in classes)
    return sorted(found)


def sentence_features(sentence: str) -> set[str]:
    """One sentence's classes and pairs (which sentence decided, `answer_model`)."""
    classes = sorted(sentence_classes(sentence))
    return {*classes, *(f"{a}+{b}" for a, b in itertools.combinations(classes, 2))}


def names_asked(answer: str, question: str) -> bool:
    """Whether a body `answer` names by name (an acronym, a capitalised word inside a sentence)
    is named in `question` too."""
    named = {match.group(0) for pattern in (ACRONYM, NAMED) for match in pattern.finditer(answer)}
    return any(re.search(rf"\b{re.escape(name)}\b", question) for name in named)
