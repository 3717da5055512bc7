"""A harvest writes only inside its folder, whatever the site's index says (audit 10, F3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqsearch import harvest
from pqsearch.cli import app
from pqsearch.errors import FetchError
from tests.fetch.replay import INDEX_PATH, MONCODES, Replay, Site, index_rows, page_path

FAST = ["--delay", "0.02", "--timeout", "2", "--quiet", "--language", "fr"]
# `base=` values a malformed or hostile index (a mirror, a proxy) could put in a page link;
# each was put in the page's file name, `fr/<moncode>-base<base>.html`, as it came.
ESCAPES = {
    # The audit's case: up from fr/<moncode>-base1/ to the folder above the harvest's parent.
    MONCODES[0]: "1/../../../../outside",
    # The same, its slashes percent-encoded (the query string is decoded).
    MONCODES[1]: "..%2F..%2F..%2F..%2Foutside",
    # Not a path at all, but not a number either: a name the site never gives.
    MONCODES[2]: "1;rm",
}


def files_outside(root: Path, folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes() if path.is_file() else b"<folder>"
        for path in root.rglob("*")
        if not path.is_relative_to(folder)
    }


def test_a_page_link_whose_base_is_not_a_number_is_refused_and_the_run_goes_on(
    tmp_path: Path,
) -> None:
    site = Site.replay()
    rows = index_rows()
    links = {}
    for row in rows:
        for moncode, base in ESCAPES.items():
            if f"moncode={moncode}&" in row[2]:
                links[moncode] = f"/weblex-quest-det/?moncode={moncode}&montitre=&base={base}"
                row[2] = f'<a href="{links[moncode]}">fiche</a>'
                # The real page of that question is served at the hostile link.
                site.bodies[links[moncode]] = site.bodies[page_path(moncode)]
    site.bodies[INDEX_PATH] = json.dumps({"data": rows}).encode()
    folder = tmp_path / "corpus" / "harvest"
    (tmp_path / "outside.html").write_text("the user's own file, beside the corpus")
    (tmp_path / "corpus" / "outside.html").parent.mkdir()
    (tmp_path / "corpus" / "outside.html").write_text("another of the user's files")
    before = files_outside(tmp_path, folder)

    with Replay(site) as replay:
        result = CliRunner().invoke(
            app, ["fetch", "--base-url", replay.url, "--folder", str(folder), *FAST]
        )

    assert files_outside(tmp_path, folder) == before
    assert sorted(p.name for p in (folder / "fr").iterdir()) == sorted(
        f"{m}.html" for m in MONCODES if m not in ESCAPES
    )
    # The run went on: every other page is held; 167852, the example, is a 404.
    assert result.exit_code == 1, result.output
    assert f"Pages: {len(MONCODES) - len(ESCAPES)} new, 0 changed" in result.stdout
    for number, row in enumerate(rows, start=1):
        moncode = next((m for m in ESCAPES if f"moncode={m}&" in row[2]), None)
        if moncode is not None:
            base = ESCAPES[moncode].replace("%2F", "/")
            link = replay.url + links[moncode]
            assert (
                f"row {number} skipped: the page link {link!r} has base {base!r}, not a number"
            ) in result.stdout
    # Not searchable by their metadata either: nothing from the row is trusted.
    records = (folder / "index-only" / "24-29.jsonl").read_text(encoding="utf-8")
    assert not any(f'"id": "{moncode}"' in records for moncode in ESCAPES)


def test_the_writer_refuses_a_path_that_leads_out_of_the_folder(tmp_path: Path) -> None:
    """The second guard: a folder of the harvest that is a link to elsewhere (or any name that
    would lead out) stops the run before a byte is written outside."""
    folder, elsewhere = tmp_path / "harvest", tmp_path / "elsewhere"
    elsewhere.mkdir()
    mine = elsewhere / f"{MONCODES[0]}.html"
    mine.write_text("the user's own file")
    folder.mkdir()
    (folder / "fr").symlink_to(elsewhere, target_is_directory=True)
    with Replay(Site.replay()) as replay, pytest.raises(FetchError) as raised:
        harvest(folder=folder, base_url=replay.url, languages=["fr"], delay=0.01)
    message = str(raised.value)
    assert f"fr/{MONCODES[0]}.html" in message and str(elsewhere) in message
    assert "outside the harvest folder" in message
    assert [p.name for p in elsewhere.iterdir()] == [mine.name]
    assert mine.read_text() == "the user's own file"
