"""The phrasings of an answer sent to the member and not printed (`analyze.answers`): data.

Matched per sentence on folded text like the other phrasings (`answer_phrases`), and part of
the rules' fingerprint (`answers.rules_fingerprint`). Kept apart from `answer_phrases` so that
each module stays small.
"""

from __future__ import annotations

from pqsearch.analyze.answer_forms import THING as _THING
from pqsearch.analyze.answer_phrases import MEMBER

# The member in Dutch, in the federal and the Brussels styles: "het geachte lid", "het
# parlementslid", "de vraagsteller", "de volksvertegenwoordiger".
_MEMBER_NL = (
    r"(?:het (?:geachte )?(?:parlements|kamer)?lid|de (?:vraagsteller|vraagstelster|auteur"
    r"|volksvertegenwoordiger|indiener)|(?:mevrouw|de heer|mijnheer) (?:de |het )?"
    r"(?:volksvertegenwoordiger|parlementslid|kamerlid))"
)

# A passive auxiliary, any tense: "seront", "ont été", "vont être", "pourront être".
_PASSIVE = (
    r"(?:seront|sont|ont ete|ont deja ete|seraient|avaient ete|vont etre|pourront etre"
    r"|seront donc|sera|est|a ete|a deja ete|serait|avait ete|va etre|pourra etre)"
)
_SENT_FR = r"(?:transmi|communique|envoye|adresse|remi|fourni)"
# What may be sent, as the subject of a whole sentence.
_WHAT = (
    r"(?:les |ces |le |la |l')?(?:chiffres|donnees|tableaux?|statistiques|informations|elements"
    r"|montants|resultats|reponse|precisions|releves?|details?)"
)

# A sentence that shows the answer was sent directly to the member, not printed.
NOT_PUBLISHED: tuple[str, ...] = (
    # French and Dutch forms of the federal bulletin's notice for documentary answers.
    # Not the locution "en réponse à" ("en réponse à la crise, une prime a été adressée
    # directement aux ménages").
    r"(?<!\ben )\breponse\b[^.]{0,60}\b(?:transmise?|communiquee?|envoyee?|adressee?|remise?)\b"
    r"[^.]{0,30}\bdirectement\b",
    r"\bdirectement (?:transmise?|communiquee?|envoyee?|adressee?) a l'(?:honorable )?"
    r"(?:membre|auteure?|depute)",
    r"\bn'a pas ete (?:inseree?|publiee?|reprise?) dans le bulletin\b",
    # "Elle" may be anything ("l'étude ..., mais elle n'a pas été publiée"): only the answer.
    r"\breponse\b[^.]{0,30}? n'(?:est|a) pas (?:ete )?(?:publiee|imprimee)\b",
    # The answer sent to the member, "directement" or not, in any tense and voice: "la
    # réponse vous a été transmise par lettre", "cette réponse a été communiquée par courriel
    # au député", "j'ai transmis directement ma réponse à l'honorable membre", "je vous ai
    # fait parvenir ma réponse", "l'honorable membre a reçu la réponse directement".
    # A relative clause makes it another answer, cited: "la réponse qu'elle vous a
    # communiquée sous le n° 842".
    rf"\b(?:la|ma|cette|notre|sa|une) reponse (?:a (?:cette|votre) question )?"
    rf"(?:a|ont|avait|sera|est|fut) (?:deja |bien )?(?:ete )?"
    rf"(?:transmise|communiquee|envoyee|adressee|remise)\b"
    rf"[^.]{{0,40}}?\b(?:a|au|aux) (?:{MEMBER}|l'(?:honorable )?(?:membre|auteure?|deputee?)"
    # "L'auteur de la plainte" is someone else; "l'auteur de la question" is the member.
    rf"|(?:la |le )?(?:deputee?|auteure?))\b"
    rf"(?! (?:de|du|des|d')\b(?! ?(?:la |cette |l')?question))",
    r"\b(?:la|ma|cette|notre) reponse (?:a (?:cette|votre) question )?vous "
    r"(?:a|ont|avait|sera|est) (?:deja |bien )?(?:ete )?"
    r"(?:transmise|communiquee|envoyee|adressee|remise|parvenue)\b",
    # In any tense: "j'ai transmis", "je fais parvenir directement la réponse à ...".
    rf"\b(?:transm\w*|communiqu\w*|envoi\w*|envoy\w*|adress\w*|remet\w*|remis"
    rf"|f\w* parvenir) (?:directement )?"
    rf"(?:ma|la|notre|sa|cette) reponse (?:directement )?(?:a|au) (?:{MEMBER}|l'auteure?)",
    r"\b(?:je|nous) vous (?:ai|avons) (?:deja |bien )?(?:transmis|communique|envoye|adresse"
    r"|remis|fait parvenir) (?:directement )?(?:ma|la|notre) reponse\b",
    rf"\b{MEMBER} (?:a|avait|aura) (?:deja |bien )?(?:recu|ete (?:informee?|avisee?))\b"
    rf"[^.]{{0,40}}?\breponse\b",
    # Whatever is sent (the data, the tables, "ceux-ci"), in any tense: "sont communiqués
    # directement à l'honorable membre", "ont été envoyées directement au député".
    r"\b(?:transmis|communique|envoye|adresse|remis|fourni)e?s? directement (?:par (?:courriel"
    r"|courrier|e-mail|mail|lettre|voie electronique|la poste) )?(?:a|au|aux) "
    r"(?:(?:secretariat|cabinet|collaborateurs?|collaboratrices?) (?:de |du |d'))?"
    r"(?:l'(?:honorable )?|la |le )?(?:mme |m\. |madame |monsieur )?(?:la |le )?"
    r"(?:membre|auteure?|depute|deputee|parlementaire)\b(?! (?:du|de|des|d')\b)",
    # The nominal form: "la réponse a fait l'objet d'un envoi direct à M. le Député".
    r"\breponse\b[^.]{0,40}?\bl'objet d'un envoi\b|\benvoi direct (?:a|au|aux)\b",
    # Documents left for consultation at the parliament's registry, not printed.
    r"\b(?:reponses?|annexes?|tableaux?|documents?|listes?|donnees?|chiffres?)\b[^.]{0,40}"
    r"\b(?:consult\w*|disponibles?|depose\w*)\b[^.]{0,20}\bau greffe\b",
    r"\bau greffe (?:de la chambre|du parlement)\b",
    # The same in Dutch: "dit overzicht kan (...) bij de griffie geraadpleegd worden".
    # The parliament's registry, not a court's ("ter griffie van de ondernemingsrechtbank").
    r"\b(?:geraadpleegd|ingezien|neergelegd)\b[^.]{0,60}\bgriffie\b"
    r"(?! van (?:de|het) (?!kamer|parlement)\w)",
    r"\bgriffie\b(?! van (?:de|het) (?!kamer|parlement)\w)[^.]{0,60}"
    r"\b(?:geraadpleegd|ingezien|neergelegd)\b",
    r"\ble greffe de la chambre\b[^.]{0,40}\btransmettra\b",
    r"\bcaractere de (?:pure|simple) documentation\b",
    r"\bhet antwoord op (?:deze|uw) vraag is\b[^.]{0,60}\btoegestuurd\b",
    # "werd het antwoord rechtstreeks aan het geachte lid bezorgd / overgemaakt".
    r"\b(?:antwoord\w*|gegevens|tabel\w*|overzicht\w*|bijlage\w*|cijfers|lijst\w*)\b[^.]{0,80}?"
    rf"\brechtstreeks (?:aan|naar) {_MEMBER_NL}\b",
    # "Het antwoord werd per brief aan het geachte lid toegestuurd", in any tense (not a body's
    # answer passed on: "het antwoord van Sibelga werd aan het parlementslid bezorgd en ...").
    rf"\bantwoord\b(?! van\b)[^.]{{0,60}}\b(?:aan|naar) {_MEMBER_NL}\b[^.]{{0,20}}\b(?:toegestuurd"
    rf"|toegezonden|bezorgd|overgemaakt|verstuurd|gestuurd)\b",
    # Kept for the member to read, not printed: "cette réponse, de nature confidentielle, est
    # tenue à la disposition de l'honorable membre au secrétariat de la commission".
    rf"\b(?:reponse|annexes?|tableaux?|documents?|donnees|chiffres)\b[^.]{{0,60}}?\btenue?s? a la "
    rf"disposition (?:de )?{MEMBER}",
    # The bulletin's nominal notice: "Réponse envoyée par courrier à Mme la députée".
    r"^\W*(?:une )?reponse (?:a ete )?(?:transmise|communiquee|envoyee|adressee|remise)\b"
    r"[^.]{0,40}?\b(?:a|au|aux) (?:l'|la |le )?(?:mme |m\. |madame |monsieur )?"
    r"(?:la |le )?(?:honorable |)(?:membre|auteure?|deputee?|parlementaire)\b",
    # "Il a été répondu directement à l'honorable membre", "a reçu une réponse par courrier".
    r"\bil a ete repondu directement\b",
    # The member received it: "les demandeurs ont reçu une réponse par courrier" is an answer.
    rf"\b(?:vous|{MEMBER}|l'auteure?)\b[^.]{{0,20}}?\b(?:a|avez|ont) recu une reponse "
    rf"(?:par (?:courrier|courriel|lettre)|directe)\b",
    r"\b(?:ete )?(?:remise?s?|transmise?s?) directement (?:a|au) (?:l'honorable membre|"
    r"la deputee?|le depute|l'auteure?)\b",
    # Sent to the member: "la liste n'est pas publiée, mais elle est transmise aux communes"
    # is an answer.
    rf"\b(?:n'est|ne sont) pas publiee?s?\b[^.]{{0,60}}?(?:\bvous (?:a|ont|est|sont|sera|seront"
    rf"|avait|avaient) (?:ete )?(?:communiquee?s?|transmise?s?|envoyee?s?|adressee?s?)\b"
    rf"|\b(?:communiquee?s?|transmise?s?|envoyee?s?|adressee?s?)\b[^.]{{0,20}}?\b(?:a|au|aux) "
    rf"(?:{MEMBER}|l'(?:honorable )?(?:membre|auteure?)|(?:la |le )?deputee?)\b)",
    r"\b(?:envoyee?|transmise?|communiquee?) (?:au|a la) deputee? (?:par voie electronique|par "
    r"courriel|par courrier|par lettre)\b",
    # No answer text yet: the answer to this question not (yet) come in, in any tense and in
    # the bulletin's nominal style ("Réponse non encore parvenue", "Aucune réponse n'est
    # parvenue au Parlement dans le délai réglementaire", "Het antwoord werd nog niet
    # ontvangen"). The answer must be this question's, opening the sentence: "la réponse de la
    # Commission européenne n'est pas encore parvenue" is news on the substance.
    r"^\W*(?:la |l'|aucune |het |de |een )?(?:reponse|antwoord)(?: a (?:cette|la presente|votre)"
    r" question| op (?:deze|de|uw) vraag)? (?:n'(?:a|est) (?:pas |toujours pas |jamais )?"
    r"(?:encore )?(?:ete )?|non encore |pas encore |(?:werd|is|wordt) (?:nog )?niet |nog niet )"
    r"(?:communiquee|parvenue|recue|transmise|envoyee|donnee|publiee|ontvangen|bezorgd"
    r"|toegekomen|overgemaakt)\b",
    # The question never answered: "n'a pas reçu de réponse", "Le ministre n'a pas fait parvenir
    # de réponse à cette question" (the minister's, not "la commune n'a pas donné de réponse").
    r"\b(?:la |cette )?question\b[^.]{0,80}?\bn'a (?:pas|jamais) (?:recu|obtenu) (?:de |d')?"
    r"reponse\b",
    r"^\W*(?:le |la )(?:ministre|secretaire d'etat|gouvernement)\b[^.]{0,40}? n'a pas (?:encore )?"
    r"(?:fait parvenir|transmis|communique|envoye|donne|apporte) (?:de |d')reponse\b",
    # Withdrawn or lapsed, said in the answer's place ("Question retirée par l'auteur", "devenue
    # sans objet à la suite de la dissolution des Chambres"), when no procedure table says so.
    r"^\W*(?:la |cette )?question (?:a ete |est )?(?:devenue )?(?:retiree|caduque)\b",
    # Awaited: "La réponse à cette question est toujours attendue", "En attente de la réponse",
    # "Het antwoord wordt nog verwacht" (not another body's: "la réponse de la Commission est
    # attendue en juin").
    r"^\W*(?:la |l')?reponse (?:a (?:cette|la presente|votre) question )?(?:est |reste )?"
    r"(?:toujours |encore )?(?:attendue|en attente|a venir|en souffrance)\b",
    r"^\W*(?:en attente|dans l'attente) (?:de la|d'une) reponse\b",
    r"^\W*(?:het )?antwoord (?:op (?:deze|de|uw) vraag )?(?:wordt|is) (?:nog )?(?:steeds )?"
    r"(?:verwacht|niet ontvangen)\b",
    r"\bsans objet\b[^.]{0,40}?\b(?:dissolution|fin de (?:la )?legislature|elections?)\b",
    r"^\W*(?:de |deze )?vraag (?:werd |is |wordt )?(?:ingetrokken|vervallen)\b",
    # What was asked, named in the clause before and sent by a pronoun in the next, in any tense
    # (round 14's dev half, r14-079): "Les résultats sont en cours de compilation ; ils vous
    # seront communiqués par courrier dès qu'ils seront disponibles", "... et elles seront
    # transmises à l'honorable membre", "; je vous les ferai parvenir", "De cijfers worden nog
    # verzameld; ze zullen u per brief worden bezorgd". A passive only: "ils vous ont transmis
    # leur avis" is what others did.
    rf"(?:^\W*|(?<=[;:,] )|(?<=[;:])|(?<=\bet ))(?:ils|elles|elle|il|ceux-ci|celles-ci|celle-ci"
    r"|celui-ci)\s"
    rf"(?:vous\s{_PASSIVE}\s"
    rf"(?:\w+\s){{0,2}}?{_SENT_FR}e?s?\b|{_PASSIVE}\s(?:\w+\s){{0,2}}?{_SENT_FR}e?s?\b"
    rf"[^.;]{{0,40}}?\s(?:a|au)\s(?:{MEMBER}\b|l'honorable membre(?= des qu)"
    r"|(?:mme|m\.) (?:la |le )?(?:deputee?|membre)\b))",
    r"(?:[;:]\s*|\bet\s)(?:je|nous)\s(?:vous|les (?:lui|leur))\s(?:les\s|la\s|le\s)?"
    r"(?:transmettrai|transmettrons|communiquerai|communiquerons|enverrai|enverrons"
    r"|adresserai|adresserons|ferai parvenir|ferons parvenir|ai transmis|avons transmis"
    r"|ai communique|avons communique|ai fait parvenir|avons fait parvenir)\b",
    # The figures to come, with no recipient said, in a whole sentence: "Les chiffres suivront.",
    # "Les données seront communiquées ultérieurement.", "De cijfers volgen later."
    rf"^\W*{_WHAT}(?: \w+){{0,3}}? (?:(?:vous )?(?:seront|sera) (?:communique|transmis|fourni"
    r"|envoye|adresse)e?s? (?:ulterieurement|plus tard|prochainement|sous peu|des que possible"
    r"|dans les meilleurs delais)|suivr(?:a|ont)(?: (?:ulterieurement|plus tard|prochainement"
    r"|sous peu))?)\W*$",
    r"^\W*(?:de |het |deze )?(?:cijfers|gegevens|tabel\w*|antwoord|informatie|lijst\w*)"
    r"(?: \w+){0,3}? (?:(?:volgen|volgt|zullen volgen|zal volgen)(?: later| zo snel mogelijk"
    r"| binnenkort| eerlang)|zullen later volgen|zal later volgen|worden (?:u )?later (?:bezorgd"
    r"|meegedeeld|overgemaakt))\W*$",
    # The reply in a letter sent to the member; the member receiving it by a pronoun; the
    # federal Dutch "laten geworden": "L'honorable membre trouvera la réponse dans le courrier
    # qui lui a été adressé", "l'honorable membre les recevra par voie électronique", "Ik zal
    # het geachte lid de cijfers laten geworden", "Het geachte lid ontving het antwoord per
    # e-mail".
    r"\breponse\b[^.;]{0,40}?\b(?:courrier|lettre|courriel|e-mail) (?:qui )?(?:lui|vous) (?:a|ont"
    r"|sera|est|avait) (?:deja )?(?:ete )?(?:adresse|envoye|transmis|remis)e?\b",
    rf"\b{MEMBER} (?:les|la|le|l') ?(?:recevra|recevront|a recu|recoit|recevez)\b",
    rf"\b(?:{_MEMBER_NL}|u)\b[^.;]{{0,60}}?\b(?:laten|laat|liet) geworden\b|\b(?:laat|liet|zal"
    rf"|zullen) (?:ik |wij |we )?(?:{_MEMBER_NL}|u) [^.;]{{0,60}}?\bgeworden\b",
    rf"\b{_MEMBER_NL} (?:ontvangt|ontving|ontvingen)\b[^.;]{{0,30}}?\b(?:tabel\w*|lijst\w*|gegevens"
    r"|cijfers|overzicht\w*|antwoord|document\w*)\b[^.;]{0,20}?(?:per (?:brief|post|e-mail|mail)"
    r"|rechtstreeks|persoonlijk)",
    # The minister or their own services sending it, by an infinitive or a future (in any
    # person): "Je ne manquerai pas de vous communiquer ces chiffres dès leur réception", "Mes
    # services prendront contact avec vous pour vous transmettre les montants", "Mon
    # administration vous fera parvenir le détail", "Je reviendrai vers vous avec les chiffres"
    # (not a refusal: "je ne peux vous communiquer ces chiffres").
    # Read from the subject on (cheaper than from the sentence's start, every sentence).
    r"\b(?:je|nous|j'|mes services|mon administration|mon cabinet|mes collaborat\w+"
    r"|(?:ma|notre|nos) (?:administration|services?|cabinet|departement))\b"
    r"(?![^;]*\b(?:ne (?:peux|puis|pouvons|peut|saurais|saurait|saurions|suis|sommes|dispose)"
    r"|n'(?:est|ai|avons|a|etant)|impossible|pas en mesure|ni|disposition|complementaire\w*"
    r"|supplementaire\w*|eventuel\w*|si vous|appart\w*|il revien\w*|il reviendr\w*|incomb\w*"
    r"|c'est a|mieux place\w*|honneur|suivant\w*|ci-apres|ci-dessous|ce qui suit)\b)"
    r"(?:[^.;]{0,50}?\b(?:de|pour|a|vais|allons|va|pourrai|pourrons"
    r"|souhaite) vous (?:communiquer|transmettre|faire parvenir|envoyer|fournir|remettre)"
    r"| vous (?:fera|feront|transmettra|transmettront|communiquera|communiqueront|enverra"
    r"|enverront|adressera|adresseront) ?(?:parvenir)?|(?<=je|us) (?:reviendrai|reviendrons)"
    r" (?:vers|aupres de) (?:vous|l'honorable membre) (?:avec|pour vous (?:communiquer"
    rf"|transmettre)))\b[^.;]{{0,40}}?(?:{_THING})",
    # Kept at the member's disposal, not printed: "je les tiens à votre disposition", "je les
    # mets à la disposition de l'honorable membre à mon cabinet", "De gegevens worden ter
    # beschikking gesteld van het geachte lid" (not on a website: a referral).
    rf"(?:^|(?<=;))(?=[^;]*disposition)(?![^;]*\b(?:sur (?:le|notre|son|leur) (?:site|portail)"
    r"|en ligne|via|website|online)\b)"
    rf"[^;]*?\b(?:(?:je|nous) (?:les|la|le|l') ?(?:tiens|tenons|mets|mettons|tiendrai|tiendrons"
    rf"|mettrai|mettrons)|(?:je|nous) (?:tiens|tenons|mets|mettons|tiendrai|tiendrons|mettrai"
    rf"|mettrons)\b[^.;]{{0,30}}?(?:{_THING})[^.;]{{0,20}}?)\s?a (?:votre disposition|la"
    rf" disposition (?:de )?{MEMBER})\b",
    rf"\bter beschikking (?:gesteld |gehouden )?van {_MEMBER_NL}\b(?![^.;]*\b(?:website|online"
    r"|op (?:de|het) (?:website|portaal)))",
    # Dutch: the member receives it, or it is told only to them: "Het geachte lid zal de cijfers
    # per brief ontvangen", "kunnen deze cijfers enkel aan het geachte lid worden meegedeeld",
    # "; ik bezorg ze u persoonlijk", "; ik zal ze het geachte lid bezorgen".
    rf"\b{_MEMBER_NL} (?:zal|zullen|ontvangt|ontving|heeft)\b[^.;]{{0,40}}?\b(?:tabel\w*|lijst\w*"
    r"|gegevens|cijfers|overzicht\w*|antwoord|document\w*)\b[^.;]{0,30}?\b(?:ontvangen|ontvangt"
    r"|ontving)\b",
    rf"\b(?:aan|naar) {_MEMBER_NL} (?:worden |werden )?(?:meegedeeld|medegedeeld)\b",
    rf"(?:[;:]\s*|\ben\s)(?:ik|wij|we) (?:bezorg|bezorgen|stuur|sturen|zal|zullen)(?: \w+){{0,2}}?"
    rf" (?:ze|deze|die) (?:u|{_MEMBER_NL})\b",
    rf"(?:[;:]\s*|\ben\s)(?:ze|zij|deze)\s(?:zullen|worden|werden|zijn|werd)\s(?:u|{_MEMBER_NL})"
    r"\s(?:[\w-]+\s){0,4}?(?:worden\s)?(?:bezorgd|toegestuurd|toegezonden|overgemaakt"
    r"|opgestuurd|verstuurd)\b",
    # What was asked named before, sent later by a pronoun (twentieth session, round 16's dev
    # half): "L'administration finalise l'extraction des données ; je ne manquerai pas de vous
    # les faire parvenir" (not a refusal: "je ne peux vous les communiquer").
    # The subject first: a lookahead first would be tried at every position (8 s over the
    # corpus's gated sentences).
    rf"\b(?:je|nous)\b(?=[^.]*(?:{_THING})) (?:ne manquer\w* pas de|vais|allons|tiens a)"
    r" vous (?:les|la|le|l') ?(?:communiquer|transmettre|faire parvenir|envoyer|remettre"
    r"|adresser)\b",
    # The answer as a pronoun, sent to the member: "Het werd op 20 november 2026 per e-mail aan
    # het parlementslid verstuurd."
    rf"^\W*(?:het|ze|zij|dit|deze|die)\s(?:werd|werden|is|zijn|wordt|worden)\b[^.;]{{0,50}}?"
    rf"\baan {_MEMBER_NL}\s(?:verstuurd|bezorgd|toegestuurd|gestuurd|overgemaakt|toegezonden)\b",
)
