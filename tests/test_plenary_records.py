"""benchmarks/plenary_records.py: how a plenary exchange becomes the record the sector labels
judge (tests/data/be_chamber_plenary_fr)."""

from __future__ import annotations

import json

from benchmarks.plenary_records import exchange, record

TOPIC = "La maladie de la langue bleue"


def _row(
    turns: list[tuple[str, str]], questioners: str = "Anne Pirson,Julie Taton"
) -> dict[str, str]:
    return {
        "question_id": "4",
        "session_id": "56",
        "meeting_id": "5",
        "questioners": questioners,
        "respondents": "David Clarinval",
        "topics_fr": f"{TOPIC};{TOPIC}",
        "discussion": json.dumps([{"speaker": s, "text": t} for s, t in turns]),
    }


def test_the_exchange_starts_at_its_questioner_and_keeps_only_the_french_question_and_answer() -> (
    None
):
    row = _row(
        [
            # The end of the previous exchange, as some discussions begin.
            ("Pierre-Yves Dermagne", "Je vous remercie pour vos questions sur Audi."),
            (
                "Anne Pirson",
                "La fièvre catarrhale ovine a envahi le territoire.NEWPARAGRAPHQue faites-vous?",
            ),
            ("Voorzitter", "Dank u."),
            ("Julie Taton", "Mijnheer de minister, wat doet u voor de boeren?"),
            ("David Clarinval", "Les vaccins sont disponibles pour les éleveurs."),
            ("Anne Pirson", "Merci pour vos réponses, monsieur le ministre."),
        ]
    )
    item = exchange(row)
    assert item is not None
    assert item.id == "PLEN-5-4"
    assert item.title == TOPIC
    # The Dutch turn of the joint question and the chair are left out; paragraphs are kept.
    assert item.question == "La fièvre catarrhale ovine a envahi le territoire.\n\nQue faites-vous?"
    # The member's reply after the answer is not part of it.
    assert item.answer == "Les vaccins sont disponibles pour les éleveurs."
    assert item.answer_language == "fr"
    assert record(item, row)["kind"] == "oral"


def test_an_exchange_whose_question_is_dutch_is_not_french() -> None:
    row = _row(
        [
            ("Anne Pirson", "Mijnheer de minister, de boeren maken zich zorgen over de ziekte."),
            ("David Clarinval", "Les vaccins sont disponibles."),
        ]
    )
    assert exchange(row) is None
