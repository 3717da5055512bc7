"""How the parts of a page become plain text: the layout rules a reader relies on."""

from __future__ import annotations

import dataclasses

import pytest
from selectolax.lexbor import LexborHTMLParser

from pqsearch.models import Question
from pqsearch.parse import parse_bytes
from pqsearch.parse.html_text import render
from tests.conftest import SEED


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Un</p><p>Deux</p>", "Un\n\nDeux"),
        ("a<br>b<br><br>c<BR><BR><BR>d", "a\nb\n\nc\n\nd"),
        (
            "le 1<sup>er</sup> mars, l&#146;eau &#151; c&#156;ur&nbsp;!",
            "le 1er mars, l’eau — cœur !",
        ),
        ("<ul><li>a</li><li><p>b</p></li></ul>après", "- a\n- b\n\naprès"),
        ("<ol start='3'><li>x</li><li>y</li></ol>", "3. x\n4. y"),
        ("<ul><li></li></ul><p>Texte</p>", "Texte"),
        ("<ul><li><ul><li>a</li></ul></li></ul>", "- a"),
        (
            "<table><tr><td>Année</td><td>Taux</td></tr><tr><td>2022</td><td>16%</td></tr></table>",
            "Année | Taux\n2022 | 16%",
        ),
        ("<table><tr><td></td><td>x</td><td></td></tr></table>", "| x"),
        (
            "<table><tr><td><p>Q1</p></td></tr><tr><td><p>R1</p><p>suite</p></td></tr></table>",
            "Q1\n\nR1\n\nsuite",
        ),
        (
            "Communes&#9;Montant&#9;<br>Bruxelles&#9;&euro; 236&#9;",
            "Communes | Montant\nBruxelles | € 236",
        ),
        ("<p>\n\tdeux\n\tlignes</p>", "deux lignes"),
        ("a<!-- caché --><script>x()</script><style>p{}</style>b", "ab"),
    ],
)
def test_render(html: str, text: str) -> None:
    assert render(LexborHTMLParser(html).body) == text


def test_text_rendering_with_windows_line_ends_and_bom(seed: Question) -> None:
    data = b"\xef\xbb\xbf" + SEED.read_bytes().replace(b"\n", b"\r\n")
    (question,) = parse_bytes(data, source=seed.source)
    assert question == dataclasses.replace(seed, content_hash=question.content_hash)
