"""What kind of answer a question got: on the substance, by reference, redirected, none, ...

Rules first: the procedure table decides withdrawn, lapsed and converted questions;
answers are read sentence by sentence for those that send the member elsewhere ("ne relève
pas de mes compétences", "je vous renvoie à ma réponse à la question n° ...", "la réponse a
été transmise directement"), which decide the type unless the answer also answers part of
the question itself; a missing answer is unanswered, or not published when the page gives a
reply date. The phrasings are data (`answer_phrases`), French first, with the Dutch of the
federal Chamber's bulletins, and so is what counts as information (`answer_information`).
A short answer in which the rules find no pointer gets a second reading by a fitted model
(`answer_model`), for the wordings of referrals the phrasings do not know.

The types and their labels live in `answer_types`.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache

from pqsearch.analyze import answer_acts as acts
from pqsearch.analyze import answer_competence as competence
from pqsearch.analyze import answer_context as context
from pqsearch.analyze import answer_declines as declines
from pqsearch.analyze import answer_documents as documents
from pqsearch.analyze import answer_earlier as earlier
from pqsearch.analyze import answer_elsewhere as elsewhere
from pqsearch.analyze import answer_forms as forms
from pqsearch.analyze import answer_gates as gates
from pqsearch.analyze import answer_holders as holders
from pqsearch.analyze import answer_information as information
from pqsearch.analyze import answer_keywords as keywords
from pqsearch.analyze import answer_model, answer_roles
from pqsearch.analyze import answer_not_mine as not_mine
from pqsearch.analyze import answer_partial as partial
from pqsearch.analyze import answer_phrases as phrases
from pqsearch.analyze import answer_procedure as procedure
from pqsearch.analyze import answer_referrals as referrals
from pqsearch.analyze import answer_remits as remits
from pqsearch.analyze import answer_sentences as splitting
from pqsearch.analyze import answer_unpublished as unpublished
from pqsearch.analyze.answer_types import (
    ANSWER_TYPES,
    BY_REFERENCE,
    NO_ANSWER,
    NOT_COMPETENT,
    NOT_PUBLISHED,
    SUBSTANTIVE,
    TRUNCATED,
)
from pqsearch.analyze.fold import fold_in_place
from pqsearch.models import Question
from pqsearch.parse import fields
from pqsearch.parse.versions import truncated_answer

# Bump when a change of code moves answer types without changing anything `rules_fingerprint`
# hashes (the phrasings, patterns and constants below, and how `fold_in_place` folds each
# letter): the order of the decision, the sentence splitting's logic, the truncation test
# (`parse.versions.truncated_answer`). tests/analyze/test_answers.py pins a digest of that
# code to this number, so that a change of it without a bump fails. An index typed by other
# rules re-derives its types at its next ingest (`index.answer_version`).
ANSWER_RULES_REVISION = 20

# The letters the phrasings are matched on after folding: Latin-1 to Latin Extended-B, the
# typographic apostrophes and spaces. Their folding is part of the rules' fingerprint.
_FOLDED_LETTERS = (
    "".join(map(chr, range(0xC0, 0x250))) + "\u2019\u2018\u02bc`\u00b4\u2032\u00a0\u202f"
)

# A redirecting answer may add a sentence of context ("La question porte sur un sujet déjà
# abordé. Je vous renvoie à ..."); an answer that answers part of the question itself is a
# partial answer and stays substantive: with one sentence or clause that gives a figure, a
# yes or no, a count of none (the team's decision of 2 December 2026), or with two sentences
# of its own or more (what counts as its own: `answer_partial`).
MAX_CONTEXT_SENTENCES = 1

# The phrasings of each type (`answer_phrases`), checked in this order: a "not competent"
# sentence often also names an answer ("elle relève de la compétence du ministre X (question
# n° 12)"), and the competence statement is what the drafter needs to know.
_REFERRALS = (
    earlier.BY_REFERENCE
    + referrals.BY_REFERENCE
    + elsewhere.BY_REFERENCE
    + forms.BY_REFERENCE
    + acts.BY_REFERENCE
    + declines.BY_REFERENCE
    + remits.BY_REFERENCE
)
_ELSEWHERE = elsewhere.NOT_COMPETENT + forms.SENDING + forms.DECLARING + acts.SENDING
_ELSEWHERE += acts.DECLARING + declines.SENDING + declines.DECLARING
_ELSEWHERE += remits.SENDING + remits.DECLARING
_ELSEWHERE += not_mine.SENDING + not_mine.DECLARING
_UNPUBLISHED = unpublished.NOT_PUBLISHED + elsewhere.NOT_PUBLISHED + forms.NOT_PUBLISHED
_LOCATED = documents.LOCATED + acts.LOCATED + remits.LOCATED
_PHRASES: dict[str, tuple[str, ...]] = {
    NOT_PUBLISHED: _UNPUBLISHED + remits.NOT_PUBLISHED,
    NOT_COMPETENT: phrases.NOT_COMPETENT + competence.NOT_COMPETENT + _ELSEWHERE,
    BY_REFERENCE: _REFERRALS + documents.BY_REFERENCE + _LOCATED,
}


def either(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled pattern for any of `patterns`."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# Compiled without IGNORECASE for text lowercased first: three times faster on long answers.
_PHRASE_RES = {kind: either(patterns) for kind, patterns in _PHRASES.items()}
# A "not competent" sentence that sends the member (or the question) to someone else, as
# opposed to one that only says whose matter it is (`answer_competence.ATTRIBUTION`): an answer
# resting on the latter alone is not competent only if it says nothing of its own.
_SENDING = (elsewhere.SENDING + forms.SENDING + forms.DECLARING + acts.SENDING + acts.DECLARING) + (
    declines.SENDING + remits.SENDING + not_mine.SENDING
)
_SENDS = either(phrases.NOT_COMPETENT + competence.SENDING + _SENDING)
_DECLINES = re.compile(competence.DECLINING)
# A referral proper, as opposed to saying where the information can be read (`LOCATED`).
_REFERS = either(_REFERRALS + documents.BY_REFERENCE)
# The question sent on by pronouns to whoever a refusal just named (`answer_not_mine.RELAYING`).
_RELAYS = either(not_mine.RELAYING)


# Every keyword gate, for the fingerprint.
_GATES: tuple[tuple[str, ...], ...] = (keywords.KEYWORDS, keywords.GATE_ONLY, holders.GATE)
_GATES += (forms.GATE, acts.GATE, declines.GATE, remits.GATE, not_mine.GATE)


@dataclass(frozen=True)
class AnswerClassification:
    """The answer type of a question and the text that decided it.

    `evidence` is the sentence of the answer or the act of the procedure table that decided
    the type, or None when the type follows from the absence of anything (no answer, no date)
    or from an ordinary answer.
    """

    type: str
    evidence: str | None = None


def classify_answer(
    question: Question, *, model: answer_model.ModelFile | None = None
) -> AnswerClassification:
    """The answer type of `question`, from its answer text, procedure table and reply date.

    An answer text comes first (a withdrawn question that was answered anyway has an answer
    worth reading); without one, the last withdrawal, lapse or conversion in the procedure
    table decides; then a reply date without text means the answer was not published;
    otherwise the question is unanswered. `model` replaces the shipped answer-type model
    (benchmarks/answer_model_fit.py measures models it fits).
    """
    answer = (question.answer or "").strip()
    if truncated_answer(answer):
        return AnswerClassification(TRUNCATED, f"the source's answer is only {answer!r}")
    if answer:
        regional, role = question.parliament == fields.PARLIAMENT, gates.role_of(question)
        return _classify_text(answer, question.question or "", model, regional=regional, role=role)
    ending = procedure.ending(question.procedure)
    if ending is not None:
        return AnswerClassification(*ending)
    if question.answered_on is not None:
        return AnswerClassification(
            NOT_PUBLISHED, f"Date de réponse: {question.answered_on:%d/%m/%Y}, sans texte"
        )
    return AnswerClassification(NO_ANSWER)


def _classify_text(
    answer: str,
    question: str = "",
    model: answer_model.ModelFile | None = None,
    *,
    regional: bool = True,
    role: str = "",
) -> AnswerClassification:
    """The rules' reading of the answer, then the model's second reading of a short answer
    the rules call substantive (`answer_model.second_reading`). `regional`: whether a Brussels
    minister answers (a federal one otherwise)."""
    ruled, sends = _rules_reading(answer, question, regional, role)
    # An answer in which the rules found a pointer yet kept substantive answers part of the
    # question itself (the partial-answer rule), or tells who or how to a question asking that:
    # labelling rules the model does not overturn.
    if ruled.type != SUBSTANTIVE or sends:
        return ruled
    if gates.tells_who_or_how(fold_in_place(answer), " ".join(fold_in_place(question).split())):
        return ruled
    spans = splitting.sentences(answer)
    if len(spans) > answer_model.MAX_SENTENCES:
        return ruled
    sentences, signals = model_input(answer, spans, question)
    kind = answer_model.second_reading(sentences, ruled.type, signals, model)
    if kind is None:
        return ruled
    start, _ = spans[answer_model.deciding_sentence(sentences, kind, model)]
    return AnswerClassification(kind, splitting.sentence_around(answer, start))


def model_input(
    answer: str, spans: list[tuple[int, int]] | None = None, question: str = ""
) -> tuple[list[str], list[str]]:
    """What the model reads of an answer: its sentences as written, and the rules' signals:
    whether it has a figure or a yes or no of its own (the partial-answer test), how many
    of its clauses say something without any word that sends the member elsewhere, and
    whether a body it names by name is one `question` asks about (then saying who does what
    describes that body, as the question asked)."""
    folded = fold_in_place(answer)
    spans = spans or splitting.sentences(answer)
    own = sum(
        partial.informative(clause, "") and not keywords.sends_elsewhere(clause)
        for start, end in spans
        for clause in information.CLAUSE_BREAK.split(folded[start:end])
    )
    sentences = [answer[start:end] for start, end in spans]
    return sentences, [
        f"figure={information.answers_part(folded)}",
        f"own_clauses={min(own, 2)}",
        f"names_asked={answer_roles.names_asked(answer, question)}",
    ]


def _rules_reading(
    answer: str, question: str = "", regional: bool = True, role: str = ""
) -> tuple[AnswerClassification, bool]:
    """Read the answer sentence by sentence: a sentence that sends the member elsewhere
    (another answer, a competent colleague, a direct mailing) decides the type unless the
    answer also answers part of the question itself (see `MAX_CONTEXT_SENTENCES`). Also
    whether any sentence sends the member elsewhere."""
    folded = fold_in_place(answer)
    # Most sentences send nobody anywhere: without a keyword, no phrasing is tried on them.
    spans = splitting.sentences(answer)
    flagged = [keywords.has_keyword(folded[start:end]) for start, end in spans]
    if not any(flagged):
        return AnswerClassification(SUBSTANTIVE), False
    asked = " ".join(fold_in_place(question).split())
    found: dict[str, int] = {}
    own = 0
    answered = False
    sends = False
    refers = False
    pointed = False
    relayed = False
    others: list[tuple[str, str]] = []
    for (start, end), keyword in zip(spans, flagged, strict=True):
        sentence = folded[start:end]
        # Whose matter it is, granted in a concession, is not the refusal (`gates.CONCEDED`).
        main = gates.main_clause_start(sentence) if keyword else 0
        for kind, pattern in _PHRASE_RES.items():
            match = pattern.search(sentence) if keyword else None
            if match is not None and kind == NOT_COMPETENT and match.end() <= main:
                match = pattern.search(sentence, main)
            if kind == NOT_COMPETENT and gates.the_speakers_own(match, regional, role):
                match = None
            if match is None and keyword and kind == NOT_COMPETENT:
                match = holders.attribution(sentence, answer[start:end])
                match = match or gates.classes_another_level(sentence, regional)
            if match is not None:
                found.setdefault(kind, start + match.start())
                sends = sends or (
                    kind == NOT_COMPETENT and _SENDS.search(sentence, main) is not None
                )
                strong = kind != BY_REFERENCE or _REFERS.search(sentence) is not None
                refers = refers or (kind == BY_REFERENCE and strong)
                # Only the weaker readings of `answer_holders` (where the information can be
                # read, a holder recognised by what it is) leave the model its second reading
                # of an answer they do not decide, as when they did not exist.
                pointed = pointed or (strong and match.re not in holders.ATTRIBUTIONS)
                if kind == BY_REFERENCE and partial.cites_then_informs(sentence, asked):
                    own += 1
                answered = (
                    answered
                    or (kind == NOT_COMPETENT and bool(information.DISTRIBUTION.search(sentence)))
                    or partial.clause_answers_part(sentence, match, asked)
                    or (kind != NOT_PUBLISHED and partial.rest_answers_part(sentence, match, asked))
                    or gates.says_what_was_asked(kind, _PHRASES[kind], sentence, match, asked)
                )
                break
        else:
            # After whose matter it is, "Je la lui ai transmise" is that refusal's sending, not
            # information of the answer's own (revision 19 counted it as such: the pair was
            # substantive while the refusal alone was not competent).
            relay = _RELAYS.search(sentence) if NOT_COMPETENT in found else None
            if relay is not None:
                relayed = True
                answered = answered or partial.clause_answers_part(sentence, relay, asked)
                answered = answered or partial.rest_answers_part(sentence, relay, asked)
            else:
                others.append((sentence, answer[start:end]))
    if not found:
        return AnswerClassification(SUBSTANTIVE), False
    asked_words = context.question_words(asked)
    kind = next(kind for kind in _PHRASE_RES if kind in found)
    sends = sends or (kind == NOT_COMPETENT and relayed)
    # Beside whose matter it is, saying who else holds what is the same refusal, unless the
    # question asks exactly that (`answer_holders`).
    accounts = kind == NOT_COMPETENT and not context.asks_who(asked)
    for sentence, written in others:
        # Greeting, thanks, restatement, background: not information (`answer_context`).
        if (
            context.is_context(sentence, asked_words)
            or (
                accounts
                and holders.accounts_for_competence(sentence, written)
                and not information.tells(sentence)
            )
            or (kind == BY_REFERENCE and gates.names_the_document_pointed_to(sentence, folded))
        ):
            continue
        # After "whose matter it is", declining to answer is no information of its own; a fact
        # in the rest of the sentence still is ("je ne commente pas, mais 38 ... ont été ...").
        declined = _DECLINES.search(sentence) if not sends and NOT_COMPETENT in found else None
        informative = declined is None and partial.informative(sentence, asked)
        answered = answered or (
            declined is not None and partial.rest_answers_part(sentence, declined, asked)
        )
        own += informative
        short = len(sentence.split()) < partial.MIN_OWN_WORDS
        answered = answered or ((informative or short) and information.tells(sentence))
    # Whose matter it is, when the question asks exactly that, is the information asked; and
    # so is the date it became so, when the question asks since when.
    answered = answered or (
        kind == NOT_COMPETENT
        and not sends
        and (
            context.asks_who(asked)
            or (context.asks_when(asked) and context.YEAR.search(folded) is not None)
        )
    )
    weak = (kind == NOT_COMPETENT and not sends) or (kind == BY_REFERENCE and not refers)
    allowed = 0 if weak else MAX_CONTEXT_SENTENCES
    (s0, e0), (s1, e1) = spans[0], spans[-1]
    first, told = (folded[s0:e0], answer[s0:e0]), [sentence for sentence, _ in others]
    concluded = gates.concludes_an_account(first, folded[s1:e1], _SENDS, told, asked)
    if (own > allowed and not (kind == NOT_COMPETENT and concluded)) or answered:
        return AnswerClassification(SUBSTANTIVE), pointed
    return AnswerClassification(kind, splitting.sentence_around(answer, found[kind])), True


@cache
def rules_fingerprint() -> str:
    """A short hash of the answer-type rules: every phrasing, pattern and constant above, how
    the letters are folded, the shipped model's file and constants (`answer_model`), and
    `ANSWER_RULES_REVISION`. A change of any of them changes it, without anyone having to
    remember a version."""
    return fingerprint_with(answer_model.load_model())


def fingerprint_with(model: answer_model.ModelFile) -> str:
    """`rules_fingerprint` with `model` as the answer-type model."""
    content = {
        "model": [
            model.digest,
            answer_model.MODEL_FORMAT,
            answer_model.MAX_SENTENCES,
            answer_model.MAX_WORDS,
            answer_model.GLUED.pattern,
            list(answer_roles.CLASSES.items()),
            answer_roles.ACRONYM.pattern,
            answer_roles.NAMED.pattern,
        ],
        "revision": ANSWER_RULES_REVISION,
        "types": ANSWER_TYPES,
        # Lists of items, not dicts: `sort_keys` would drop their order, which decides the type.
        "phrases": list(_PHRASES.items()),
        "attributed": phrases.ATTRIBUTED,
        "acts": list(procedure.ACTS.items()),
        "keywords": list(_GATES),
        "patterns": [
            pattern.pattern
            for pattern in (
                *information.PATTERNS,
                context.CONTEXT,
                context.BACKGROUND,
                context.ASKS_WHO,
                context.CONJOINED,
                context.ASKS_WHEN,
                context.YEAR,
                *holders.PATTERNS,
                *gates.PATTERNS,
                *remits.PATTERNS,
                splitting.SENTENCE_END,
                partial.BRACKETS,
                # What may follow a statement of whose matter it is: it moves types too.
                _DECLINES,
                _RELAYS,
            )
        ],
        "context_sentences": MAX_CONTEXT_SENTENCES,
        "restated": [context.RESTATED_SHARE, context.RESTATED_MIN_WORDS],
        "own_words": partial.MIN_OWN_WORDS,
        "table_digits": partial.MIN_TABLE_DIGITS,
        "abbreviations": sorted(splitting.ABBREVIATIONS),
        "evidence_chars": splitting.MAX_EVIDENCE,
        "folding": fold_in_place(_FOLDED_LETTERS),
    }
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:12]
