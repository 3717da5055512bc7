"""A second reading of short answers the rules call substantive: a fitted logistic model.

The rules (`analyze.answers`) know the phrasings they were written on; each new blind writer's
referrals and redirections were missed about one time in eight, and phrase lists or word stems
grown on one writer's set reached about a fifth of the next writer's misses. The model reads
the role of each sentence instead (`answer_roles`: who holds the matter, what the verb does,
what it acts on, to whom, negated or not, and pairs of these), the number of sentences, and two
of the rules' signals (a figure or a yes or no of the answer's own; clauses that say something
without a word that sends the member elsewhere). It is fitted by
benchmarks/answer_model_fit.py on the nine blind rounds of wordings, the real labels and the
negatives, and shipped as data (`MODEL_FILE`), whose hash is part of the rules' fingerprint.

It only ever turns a short substantive reading into another type, never the other way: a
non-substantive answer holds its pointer and at most a sentence or two of context, while
misreading an answer on the substance is the worse error, so the model needs a probability of
at least `ModelFile.threshold` (chosen so that no substantive answer of a writer left out of
the fit is misread) and an answer of at most `MAX_SENTENCES` sentences, and `answers` asks it
only about answers in which the rules found no pointer at all.
benchmarks/answer_type_generalisation.py measures it on writers it was not fitted on.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pqsearch.analyze import answer_roles
from pqsearch.errors import PqsearchError

MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "answer-model-2.json"
# The format this code reads; a file of another format is refused, not misread. Format 1 weighed
# word stems; format 2 the sentences' roles (`answer_roles`).
MODEL_FORMAT = 2
# Every non-substantive answer among the 1,135 labelled ones has at most three sentences.
MAX_SENTENCES = 3
# And 99 % of the 693 labelled non-substantive answers of at most three sentences have at most
# 61 words (those the rules miss, at most 31). Longer ones are paragraphs in which every role
# occurs somewhere: the model misread ten real answers of 72 to 383 words before this bound and
# `GLUED`. 80 rather than 61: a real answer of 77 words, two sentences of which the second says
# the annexes were sent to the member and not printed, is not published (record 192861).
MAX_WORDS = 80
# Federal Dutch records glue sentences ("antwoordelementen.Hoewel"), which the splitter keeps
# together (it needs a space): such a boundary counts as one more sentence.
GLUED = re.compile(r"[a-z0-9)\"\u201d\u00bb'][.!?][\"\u201c\u00ab]?[A-Z]")


class AnswerModelError(PqsearchError):
    """The shipped answer-type model is missing or unreadable."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The answer-type model {path} {reason}. Reinstall pqsearch, or rebuild the file "
            'with "python benchmarks/answer_model_fit.py --write".'
        )


@dataclass(frozen=True)
class ModelFile:
    """The fitted model: per type, a bias and a weight per feature; `types[0]` is the
    substantive one, against which the others are read."""

    types: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float
    digest: str


def features(sentences: list[str], signals: list[str]) -> list[str]:
    """The features of an answer, given as its sentences (as written) and the rules' signals
    (`answers.model_input`): `answer_roles.features`."""
    return answer_roles.features(sentences, signals)


def reads(sentences: list[str]) -> bool:
    """Whether an answer of `sentences` (as written) is short enough for the model: at most
    `MAX_SENTENCES` sentences, counting glued ones apart, and `MAX_WORDS` words."""
    glued = sum(len(GLUED.findall(sentence)) for sentence in sentences)
    words = sum(len(sentence.split()) for sentence in sentences)
    return 0 < len(sentences) + glued <= MAX_SENTENCES and words <= MAX_WORDS


def probabilities(model: ModelFile, found: list[str]) -> dict[str, float]:
    """P(type) for an answer with the features `found` (unknown features weigh nothing)."""
    scores = list(model.bias)
    for feature in found:
        for n, weight in enumerate(model.weights.get(feature, ())):
            scores[n] += weight
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    return {kind: value / total for kind, value in zip(model.types, exps, strict=True)}


def second_reading(
    sentences: list[str], rule_type: str, signals: list[str], model: ModelFile | None = None
) -> str | None:
    """The type `model` (the shipped one by default) gives an answer the rules read as
    `types[0]` (substantive), or None to keep the rules' reading: the answer is too long, or
    no other type is likely enough."""
    model = model or load_model()
    if rule_type != model.types[0] or not reads(sentences):
        return None
    chances = probabilities(model, features(sentences, signals))
    kind = max(model.types[1:], key=chances.__getitem__)
    return kind if chances[kind] >= model.threshold else None


def deciding_sentence(sentences: list[str], kind: str, model: ModelFile | None = None) -> int:
    """The index of the sentence whose words weigh most towards `kind`: the evidence."""
    model = model or load_model()
    at = model.types.index(kind)

    def weight(sentence: str) -> float:
        return sum(
            model.weights[f][at] - model.weights[f][0]
            for f in answer_roles.sentence_features(sentence)
            if f in model.weights
        )

    return max(range(len(sentences)), key=lambda n: weight(sentences[n]))


@cache
def load_model(path: Path = MODEL_FILE) -> ModelFile:
    """The model in `path`, checked: its format, its types, one weight per type."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise AnswerModelError(path, f"cannot be read ({error.strerror or error})") from error
    try:
        data = json.loads(raw)
        if data["format"] != MODEL_FORMAT:
            raise AnswerModelError(path, f"has format {data['format']}, not {MODEL_FORMAT}")
        types = tuple(str(kind) for kind in data["types"])
        bias = tuple(float(value) for value in data["bias"])
        weights = {
            str(feature): tuple(float(value) for value in values)
            for feature, values in data["weights"].items()
        }
        threshold = float(data["threshold"])
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise AnswerModelError(path, f"is not a model file ({error!r})") from error
    if len(types) < 2 or len(bias) != len(types) or not 0 < threshold <= 1:
        raise AnswerModelError(path, "has no usable types, biases or threshold")
    if any(len(values) != len(types) for values in weights.values()):
        raise AnswerModelError(path, "has a feature without one weight per type")
    digest = hashlib.sha256(raw).hexdigest()[:12]
    return ModelFile(types, bias, weights, threshold, digest)
