"""Referrals inside a paragraph, by their grammar (`analyze.answers`): data, not logic.

Beside the phrasings of `answer_phrases`: the member (any form) invited, asked or allowed to
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
    r"|proces-verba\w*|bulletins?|publications?|etudes?|reponses?|interpellations?)\b"
)

BY_REFERENCE: tuple[str, ...] = (
    # "Je vous suggère de vous référer au rapport de cette commission", "l'honorable membre
    # voudra bien prendre connaissance du compte rendu", "je vous invite à relire les échanges".
    # The member reads: "je vais vous lire la réponse" is the minister reading it out.
    rf"\b(?:vous|veuillez|{MEMBER})\b[^.]{{0,50}}?\b(?:vous |se |s'y |vous y )?(?:referer"
    rf"|reporter|rapporter|(?<!\bvous )(?:consulter|lire|relire|prendre connaissance|retrouver"
    rf"|trouver)|trouverez|retrouverez)\b (?:a |au |aux |de |du |des |d'|dans )?{_RECORD}",
    # The answer named first, in a cleft: "c'est à cette réponse que je vous prierais de bien
    # vouloir vous référer", "c'est au compte rendu que je vous renvoie".
    r"\bc'est (?:donc |des lors )?(?:a|vers|dans) (?:cette |ma |la |sa |notre |ces |mes |ce |au "
    r"|aux )?(?:reponses?|celles?|rapports?|comptes? rendus?|debats?|echanges?|documents?)\b"
    r"[^.]{0,60}?\bque\b[^.]{0,60}?\b(?:renv[oe]\w*|renverr\w*|referer|reporter|rapporter"
    r"|trouverez|retrouverez)\b",
)
