"""A page the site changed: the page held is kept where ingest does not read it (audit 13, F1).

The site corrects an answer, cuts it or removes it; a fetch stores the new page over the page
held, and the next ingest replaces the indexed version by it. Before this, no earlier version
was kept anywhere: the answer a user may have quoted was gone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from pqsearch import api, harvest
from pqsearch.cli import app
from pqsearch.fetch.manifest import MANIFEST
from pqsearch.fetch.report import HarvestReport
from pqsearch.parse import parse_file
from tests.conftest import BRUSSELS_HTML
from tests.fetch.replay import MONCODES, Replay, Site, page_file, page_path

FAST: dict[str, Any] = {"delay": 0.02, "timeout": 2, "retries": 3, "backoff": 0.05}
CORRECTED = " Ces chiffres ont été rectifiés le 2 octobre 2026."
# The last sentence of 170248's answer, as the page writes it.
LAST_SENTENCE = b"directement extraits.</p>"


def fetch(replay: Replay, folder: Path, **options: Any) -> HarvestReport:
    return harvest(folder=folder, base_url=replay.url, languages=["fr"], **{**FAST, **options})


def corrected(body: bytes) -> bytes:
    assert body.count(LAST_SENTENCE) == 1
    return body.replace(LAST_SENTENCE, LAST_SENTENCE[:-4] + CORRECTED.encode() + b"</p>")


def with_answer(body: bytes, answer: bytes) -> bytes:
    """A page with the content of its answer's cell replaced by `answer`."""
    opening = b'<SPAN STYLE= "" >'
    start = body.index(opening, body.index(b"<b>R&eacute;ponse &nbsp;")) + len(opening)
    end = body.index(b"</SPAN></td>\n\t\t</tr></table>", start)
    return body[:start] + answer + body[end:]


def test_a_page_the_site_changed_is_kept_and_ingest_reads_only_the_new_one(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "harvest"
    site = Site.replay()
    original = site.bodies[page_path("170248")]
    (before,) = parse_file(BRUSSELS_HTML / "170248.html")
    with Replay(site) as replay:
        fetch(replay, folder)
        site.bodies[page_path("170248")] = corrected(original)
        report = fetch(replay, folder, recheck_all=True)

    assert [url.split("?")[1] for url in report.changed] == ["moncode=170248&montitre=&base=1"]
    # The page held is still somewhere in the folder (audit 13: nowhere but in a backup).
    copies = [p for p in folder.rglob("*") if p.is_file() and p.read_bytes() == original]
    assert copies, "the page held was replaced and no copy of it was kept"
    (replaced,) = report.replaced
    assert copies == [folder / replaced.kept]
    assert replaced.file == "fr/170248.html" and not replaced.warning
    kept = folder / replaced.kept
    assert kept.parent == folder / ".replaced" / "fr"
    assert kept.name.startswith("170248.") and kept.name.endswith(".html")
    # The page held, byte for byte, and its answer readable from it.
    assert kept.read_bytes() == original
    (old,) = parse_file(kept)
    assert old.answer == before.answer and CORRECTED.strip() not in old.answer
    assert page_file(folder, "170248").read_bytes() == corrected(original)

    # Ingest reads the new page only: no duplicate, nothing failed, the folder skipped.
    ingested = api.ingest([folder], index_dir=tmp_path / "index")
    assert not ingested.failed
    assert not ingested.duplicates and not ingested.identical
    assert [s.reason for s in ingested.skipped if s.source == str(folder / ".replaced")] == [
        "a hidden folder, not read"
    ]
    with api.open_index(tmp_path / "index") as index:
        assert index.get("170248").answer.endswith(CORRECTED.strip())
        assert index.get("170248").source.endswith("fr/170248.html")
        assert index.document_count == len(MONCODES) + 6  # the pages and the index entries


def test_a_run_killed_between_keeping_and_replacing_keeps_one_copy(tmp_path: Path) -> None:
    """What a kill after the copy and before the page's replacement leaves: the copy, the
    page held and the manifest as before. The next run keeps no second copy."""
    folder = tmp_path / "harvest"
    site = Site.replay()
    original = site.bodies[page_path("170248")]
    with Replay(site) as replay:
        fetch(replay, folder)
        manifest = (folder / MANIFEST).read_bytes()
        site.bodies[page_path("170248")] = corrected(original)
        fetch(replay, folder, recheck_all=True)
        (folder / MANIFEST).write_bytes(manifest)
        page_file(folder, "170248").write_bytes(original)
        again = fetch(replay, folder, recheck_all=True)

    (replaced,) = again.replaced
    assert [path.name for path in (folder / ".replaced" / "fr").iterdir()] == [
        Path(replaced.kept).name
    ]
    assert (folder / replaced.kept).read_bytes() == original
    assert page_file(folder, "170248").read_bytes() == corrected(original)


def test_a_page_held_that_the_manifest_lost_is_kept_too(tmp_path: Path) -> None:
    """A page whose manifest line is gone (a damaged line, a deleted manifest) is fetched
    again as new: the file it replaces is kept all the same."""
    folder = tmp_path / "harvest"
    site = Site.replay()
    original = site.bodies[page_path("170248")]
    with Replay(site) as replay:
        fetch(replay, folder)
        (folder / MANIFEST).unlink()
        site.bodies[page_path("170248")] = corrected(original)
        report = fetch(replay, folder)
    assert len(report.new) == len(MONCODES)
    (replaced,) = report.replaced
    assert (folder / replaced.kept).read_bytes() == original


def test_an_answer_the_site_removed_or_cut_is_kept_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "harvest"
    site = Site.replay()
    command = ["fetch", "--folder", str(folder), "--language", "fr", "--quiet",
               "--delay", "0.02", "--timeout", "2", "--recheck-all"]  # fmt: skip
    runner = CliRunner()
    with Replay(site) as replay:
        first = runner.invoke(app, [*command, "--base-url", replay.url])
        assert "Pages: 34 new" in first.stdout, first.stdout
        for moncode, answer in (("170132", b"Voir le cabinet comp&eacute;tent."), ("170248", b"")):
            site.bodies[page_path(moncode)] = with_answer(site.bodies[page_path(moncode)], answer)
        result = runner.invoke(app, [*command, "--base-url", replay.url])

    out = result.stdout
    assert "Pages: 0 new, 2 changed, 32 unchanged" in out, out
    lines = [line for line in out.splitlines() if "warning:" in line]
    assert len(lines) == 2, out
    (shorter,) = [line for line in lines if "fr/170132.html" in line]
    assert "the site's page now has a shorter answer: 26 characters, the page held 297" in shorter
    (removed,) = [line for line in lines if "fr/170248.html" in line]
    assert "now has no answer (the page held had one of 3,376 characters)" in removed
    for moncode in ("170132", "170248"):
        (copy,) = (folder / ".replaced" / "fr").glob(f"{moncode}.*.html")
        assert f"changed: fr/{moncode}.html; the previous page kept in {copy}" in out
        assert copy.read_bytes() == (BRUSSELS_HTML / f"{moncode}.html").read_bytes()
        (old,) = parse_file(copy)
        assert old.answer
        assert f"to keep its answer, copy it over {page_file(folder, moncode)}" in out


def test_the_kept_pages_folder_is_cleaned_of_a_killed_runs_temporaries(tmp_path: Path) -> None:
    folder = tmp_path / "harvest"
    with Replay(Site.replay()) as replay:
        fetch(replay, folder, max_pages=2)
        (folder / ".replaced" / "fr").mkdir(parents=True)
        leftover = folder / ".replaced" / "fr" / ".170248.x.html.pqsearch-0123456789abcdef.tmp"
        leftover.write_bytes(b"half a page")
        fetch(replay, folder, max_pages=1)
    assert not leftover.exists()
