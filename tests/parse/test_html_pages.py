"""The 34 saved question pages: metadata, text, tables, against the collector's records."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from selectolax.lexbor import LexborHTMLParser

from pqsearch.models import ORAL_TURNED_WRITTEN, WRITTEN, Link, ProcedureStep, Question
from pqsearch.parse import content_hash
from tests.parse.conftest import PAGE_PATHS, page_path

MONCODES = [path.stem for path in PAGE_PATHS]
# Pages without a "Réponse" row (some have an answer date all the same).
UNANSWERED = {
    "169978", "170150", "170240", "170284", "170285", "170286", "170287", "170289", "170290",
    "170293", "170294", "170312",
}  # fmt: skip
METADATA = (
    "author", "addressee", "addressee_role", "number", "received_on", "published_on",
    "answered_on", "legislature", "session", "title", "portfolios", "url", "content_hash",
    "parliament", "language",
)  # fmt: skip


def test_every_page_is_in_the_corpus() -> None:
    assert len(PAGE_PATHS) == 34


@pytest.mark.parametrize("moncode", MONCODES)
def test_page_metadata_equals_its_record(
    moncode: str, pages: dict[str, Question], records: dict[str, Question]
) -> None:
    page, record = pages[moncode], records[moncode]
    assert page.id == record.id == moncode
    for name in METADATA:
        assert getattr(page, name) == getattr(record, name), name
    assert (page.answer is None) == (record.answer is None)


def test_record_kind_lacks_the_acts_table_so_the_page_wins(
    pages: dict[str, Question], records: dict[str, Question]
) -> None:
    # The collector types every record "question_ecrite"; only the page's acts table says
    # that these four were oral questions turned written.
    oral = {moncode for moncode, page in pages.items() if page.kind == ORAL_TURNED_WRITTEN}
    assert oral == {"169976", "170190", "170229", "170240"}
    assert all(records[moncode].kind == WRITTEN for moncode in oral)


@pytest.mark.parametrize(
    ("moncode", "cut_answer", "last_words"),
    [
        ("170248", "QUESTION 1", "en ont été directement extraits."),
        ("170264", "1", "de possibilités de passerelles, etc."),
        ("170237", "1.", "[3] Idem supra"),
        ("170140", "1", "des jeunes vers l’emploi."),
    ],
)
def test_answers_in_nested_tables_are_whole_where_the_records_are_cut(
    moncode: str,
    cut_answer: str,
    last_words: str,
    pages: dict[str, Question],
    records: dict[str, Question],
) -> None:
    assert records[moncode].answer == cut_answer
    answer = pages[moncode].answer
    assert answer is not None
    assert answer.startswith(cut_answer)
    assert answer.endswith(last_words)
    assert len(answer) > 20 * len(cut_answer) + 1000


def test_record_markup_debris_is_dropped(records: dict[str, Question]) -> None:
    answer = records["170153"].answer
    assert answer is not None
    assert "</SPAN" not in answer
    assert answer.endswith("https://www.stib-mivb.be/juridique/declaration-d-accessibilite.")


def test_record_only_questions_parse_too(
    pages: dict[str, Question], records: dict[str, Question]
) -> None:
    record_only = set(records) - set(pages)
    assert len(records) == 50
    assert len(record_only) == 16
    assert all(records[moncode].title and records[moncode].author for moncode in record_only)


@pytest.mark.parametrize("moncode", MONCODES)
def test_unanswered_pages_have_no_answer(moncode: str, pages: dict[str, Question]) -> None:
    page = pages[moncode]
    assert page.answered == (moncode not in UNANSWERED)
    assert page.question


def test_an_answer_date_without_an_answer_row_is_kept(pages: dict[str, Question]) -> None:
    page = pages["170312"]
    assert page.answer is None
    assert page.answered_on == dt.date(2026, 9, 22)


def test_unknown_and_short_dates(pages: dict[str, Question]) -> None:
    # 'Date de publication: //', a blank publication date, and a one-digit day.
    assert pages["170245"].published_on is None
    assert pages["170245"].answered_on == dt.date(2026, 9, 20)
    assert pages["169976"].published_on is None
    assert pages["170148"].published_on == dt.date(2026, 9, 1)
    assert pages["170285"].answered_on is None


def test_acts_table(pages: dict[str, Question]) -> None:
    assert pages["170190"].procedure == (
        ProcedureStep(
            date=dt.date(2026, 7, 8),
            act="Question orale transformée en question écrite",
            body="Bureau élargi du Parlement",
        ),
        ProcedureStep(date=dt.date(2026, 7, 14), act="Recevable", body="p.m."),
    )
    assert pages["170150"].procedure[-1] == ProcedureStep(
        date=dt.date(2026, 7, 16), act="Retirée par son auteur.", body="Angelina Chan"
    )
    annex_url = "http://weblex.brussels/data/crb/bqrann/2025-26/170151/IMAGES.pdf#page="
    assert pages["170151"].procedure[-1] == ProcedureStep(
        date=dt.date(2026, 8, 27),
        act="Annexe à la réponse",
        body="p.m.",
        reference="Annexe",
        link=annex_url,
    )
    assert pages["170151"].annexes == (Link(label="Annexe", url=annex_url),)


def test_footnote_anchors_are_not_annexes(pages: dict[str, Question]) -> None:
    assert pages["170237"].annexes == ()
    assert [link.url for link in pages["170264"].annexes] == [
        "https://www.validationdescompetences.be/actualites/insertion-2025",
        "https://www.validationdescompetences.be/sites/default/files/2025-12/indicateurs-cvdc-view.brussels.pdf",
    ]


def test_windows_1252_references_become_the_characters_meant(pages: dict[str, Question]) -> None:
    assert "d'attribution de logements sociaux — qui atteignent" in pages["170157"].question
    assert "aujourd’hui sur la matière première" in pages["170229"].question
    assert "au cœur du débat" in pages["169978"].question
    assert "“l’absence de chiffres" in pages["170287"].question


@pytest.mark.parametrize("moncode", MONCODES)
def test_text_is_clean(moncode: str, pages: dict[str, Question]) -> None:
    page = pages[moncode]
    for text in (page.question, page.answer or "", page.title, page.addressee_role or ""):
        assert unicodedata.is_normalized("NFC", text)
        assert not re.search(r"[\r\u0080-\u009f\u00a0\t]", text)
        assert "\n\n\n" not in text
        assert text == text.strip()


def test_paragraphs_lists_and_breaks(pages: dict[str, Question]) -> None:
    question = pages["170229"].question
    assert "électroménagers.\n\nLes déchets d’appareils" in question
    assert "\n\n- En Région bruxelloise, est-ce que Récupel" in question
    assert "sont visés ?\n- Est-ce qu’une réflexion" in question
    answer = pages["170229"].answer
    assert answer is not None
    assert "autres opérateurs.\n\nCette réponse vaut également" in answer
    assert pages["170237"].question.count("\n10. Existe-t-il un rapport consolidé") == 1


def test_comments_are_not_text(pages: dict[str, Question]) -> None:
    assert "Benkirane" not in pages["170132"].question
    assert "share.belga.press" not in pages["170132"].question


def test_what_the_page_itself_says_is_kept(pages: dict[str, Question]) -> None:
    # The superscript of "1er" was lost upstream: the page really says "1??".
    assert "entrée en vigueur le 1?? janvier 2026" in pages["170155"].question
    answer = pages["170264"].answer
    assert answer is not None
    assert "pour le 1er semestre 2026" in answer


def test_nested_word_tables_read_as_rows(pages: dict[str, Question]) -> None:
    answer = pages["170248"].answer
    assert answer is not None
    rates = "Année | Taux de CE\n2022 | 16,93%\n2023 | 10,77%\n2024 | 8,29%\n2025 | 6,57%"
    assert f"\n\n{rates}\n\n" in answer
    assert "Année | Total segmentés | Nombre de CE\n2022 | 69872 | 58046\n" in answer
    assert "\n\nQUESTION 3\n\nVoir tableaux en annexe.\n\nQUESTION 4\n\n" in answer
    answer = pages["170140"].answer
    assert answer is not None
    # The header row's first cell is empty: the columns still line up.
    header = "| TSP | TSE (global) | TSE (min. 1 mois)"
    assert f"\n{header}\n2016/2017 | 68,8% | 62,1% | 54,4%\n" in answer
    assert "\nART2WORK\nBACKSTAGE.NETWORK\nGROEP INTRO\n" in answer
    answer = pages["170237"].answer
    assert answer is not None
    assert "\nIEF[1] | N.A | N.A\n" in answer


def test_tab_laid_out_amounts_read_as_rows(pages: dict[str, Question]) -> None:
    answer = pages["170157"].answer
    assert answer is not None
    assert "\nCommunes | Montant moyen mensuel octroyé\nBruxelles | € 236\nLaeken | € 244\n" in (
        answer
    )
    assert answer.endswith("Saint-Josse-ten-Noode | € 260")
    answer = pages["170151"].answer
    assert answer is not None
    assert "\nTotal général | 28.372.696,19 €\n" in answer


def test_word_bullets_become_list_items(pages: dict[str, Question]) -> None:
    answer = pages["170246"].answer
    assert answer is not None
    assert "\n- de marquer son accord sur les montants des frais" in answer
    assert "\nii. Condition 2 : obtention d’un permis" in answer
    answer = pages["170140"].answer
    assert answer is not None
    assert "\n- le taux de sortie positive des jeunes inscrits" in answer


def _browser_cells(moncode: str) -> dict[str, str]:
    """The question and answer cells' text as selectolax itself extracts it."""
    tree = LexborHTMLParser(page_path(moncode).read_bytes())
    cells: dict[str, str] = {}
    for cell in tree.css("section#weblex-quest-det-fr td"):
        label = " ".join(cell.text().split())
        if label in ("Question", "Réponse") and label not in cells:
            content = cell.next
            while content is not None and content.tag != "td":
                content = content.next
            assert content is not None
            cells[label] = content.text(separator=" ")
    return cells


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text))


def _missing_words(shown: str, ours: str) -> list[str]:
    """Words of `shown` not found, in order, among the words of `ours`.

    One of our words may hold several shown ones: "1<sup>er</sup>" is "1", "er" to
    selectolax and "1er" to us.
    """
    remaining = _words(ours)
    position, rest = 0, remaining[0] if remaining else ""
    missing = []
    for word in _words(shown):
        while position < len(remaining) and not rest.startswith(word):
            position += 1
            rest = remaining[position] if position < len(remaining) else ""
        if position == len(remaining):
            missing.append(word)
            position, rest = 0, remaining[0] if remaining else ""
            continue
        rest = rest[len(word) :]
        if not rest:
            position += 1
            rest = remaining[position] if position < len(remaining) else ""
    return missing


@pytest.mark.parametrize("moncode", MONCODES)
def test_no_word_is_lost(moncode: str, pages: dict[str, Question]) -> None:
    cells = _browser_cells(moncode)
    page = pages[moncode]
    assert _missing_words(cells["Question"], page.question) == []
    if "Réponse" in cells:
        assert _missing_words(cells["Réponse"], page.answer or "") == []
    else:
        assert page.answer is None


def test_the_word_check_notices_a_lost_word() -> None:
    assert _missing_words("le 1 er janvier", "le 1er janvier") == []
    assert _missing_words("a b c", "a c") == ["b"]
    assert _missing_words("b a", "a b") == ["a"]


@pytest.mark.parametrize("moncode", MONCODES)
def test_page_source_hash_and_url(moncode: str, pages: dict[str, Question]) -> None:
    page = pages[moncode]
    path = page_path(moncode)
    assert page.source == str(path)
    assert page.source_format == "html"
    assert page.content_hash == content_hash(path.read_bytes())
    assert page.url == f"https://www.parlement.brussels/weblex-quest-det/?moncode={moncode}&base=1"
