"""`pqsearch fetch` then `pqsearch search`, as a user runs them against the replayed site."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pqsearch.cli import app
from pqsearch.fetch.manifest import MANIFEST
from tests.fetch.replay import MONCODES, OTHER_KINDS, Replay, Site, closed_port_url, page_path

runner = CliRunner()
FAST = ["--delay", "0.02", "--timeout", "2", "--quiet"]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_fetch_then_search_finds_every_replayed_question(tmp_path: Path) -> None:
    folder, index = tmp_path / "harvest", tmp_path / "index"
    with Replay(Site.replay()) as replay:
        code, out, err = run(
            "fetch", "--base-url", replay.url, "--folder", str(folder), *FAST,
            "--ingest", "--index", str(index),
        )  # fmt: skip
    # The example row of the issue has no page in the replay: reported, exit status 1.
    assert code == 1, err
    assert "Pages: 68 new, 0 changed, 0 unchanged, 2 failed, 0 skipped by robots.txt" in out
    assert "failed: " in out and "167852" in out and "HTTP 404 Not Found" in out
    assert "Dutch pages held: 34 (stored, not parsed yet)" in out
    assert "Index-only records: 6 entries" in out
    assert " 0 failed, " in out  # the ingest that followed

    code, out, err = run(
        "search", "--legislature", "24/29", "--limit", "100", "--json", "--index", str(index)
    )
    assert code == 0, err
    found = {hit["id"]: hit for hit in json.loads(out)["hits"]}
    expected = {*MONCODES, "167852", *(row[0] for row in OTHER_KINDS)}
    assert set(found) == expected
    # A fetched page is indexed from its page, with its text; an index entry by its metadata.
    assert found["170229"]["source"].endswith("fr/170229.html")
    assert found["900001"]["source"].endswith("index-only/24-29.jsonl")

    code, out, err = run("search", "kind:interpellation", "--index", str(index))
    assert code == 0, err
    assert "1 document" in out and "[id 900002]" in out
    assert "index entry only (interpellation): no text held" in out

    code, out, err = run("show", "900001", "--index", str(index))
    assert code == 0, err
    assert "B.I.Q. 1 (25/26) p. 1" in out
    assert "Text: not held" in out


def test_an_unreachable_site_is_a_message_and_the_index_stays_usable(tmp_path: Path) -> None:
    folder, index = tmp_path / "harvest", tmp_path / "index"
    with Replay(Site.replay()) as replay:
        code, out, err = run(
            "fetch", "--base-url", replay.url, "--folder", str(folder), *FAST,
            "--language", "fr", "--kind", "oral", "--ingest", "--index", str(index), "--json",
        )  # fmt: skip
    assert code == 1, err  # the two oral questions have no page in the replay
    done = json.loads(out)
    assert [f["reason"] for f in done["fetch"]["failed"]] == ["HTTP 404 Not Found"] * 2
    assert len(done["ingest"]["added"]) == 40  # every entry, by its metadata
    code, _, err = run(
        "fetch", "--base-url", closed_port_url(), "--folder", str(folder), *FAST,
        "--ingest", "--index", str(index),
    )  # fmt: skip
    assert code == 2
    assert err.startswith("Error: Cannot reach 127.0.0.1")
    assert "Traceback" not in err
    code, out, err = run("search", "kind:oral", "--index", str(index))
    assert code == 0, err
    assert "2 documents" in out


def test_a_delay_timeout_or_page_count_out_of_range_is_refused_before_any_request(
    tmp_path: Path,
) -> None:
    # A negative or NaN --delay read as "no pause" and fetched the site back to back; a
    # negative --timeout ended in a traceback (second audit of session 10, finding 11).
    folder = tmp_path / "harvest"
    with Replay(Site.replay()) as replay:
        for option, message in (
            (["--delay", "-1"], "The delay must be a number of seconds at least 0, not -1.0"),
            (["--delay", "nan"], "The delay must be a number of seconds at least 0, not nan"),
            (["--timeout", "-3"], "The timeout must be a number of seconds more than 0"),
            (["--timeout", "0"], "The timeout must be a number of seconds more than 0, not 0.0"),
            (["--max-pages", "-1"], "--max-pages must be 1 or more, not -1"),
        ):
            code, _, err = run(
                "fetch", "--base-url", replay.url, "--folder", str(folder), "--quiet", *option
            )
            assert code != 0
            assert message in err, err
            assert "Traceback" not in err
        assert replay.log == []
    assert not folder.exists()


def test_a_damaged_manifest_line_is_skipped_with_a_note_and_its_page_fetched_again(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "harvest"
    manifest = folder / MANIFEST
    with Replay(Site.replay()) as replay:
        # Pages answered long ago are not asked again (--recent-days 0): only damage can.
        fetch = ["fetch", "--base-url", replay.url, "--folder", str(folder), *FAST,
                 "--language", "fr", "--recent-days", "0"]  # fmt: skip
        code, out, err = run(*fetch)
        assert code == 1 and "Pages: 34 new" in out, err  # 167852 is not served (a 404)
        lines = manifest.read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines]
        answered = [n for n, record in enumerate(records) if record.get("answered")]
        # What a bad edit, a merge or another version's line leaves: JSON, not a page record.
        damage = {
            answered[0]: lambda r: {"key": r["key"], "file": r["file"]},  # fields missing
            answered[1]: lambda r: {**r, "key": [r["key"]], "size": str(r["size"])},
            answered[2]: lambda r: {**r, "status": "done"},
            answered[3]: lambda r: {**r, "answered_on": "hier"},
            answered[4]: lambda r: {**r, "file": "../../elsewhere.html"},
        }
        damaged = {records[n]["key"].split("/")[-1]: n + 1 for n in damage}
        for n, change in damage.items():
            lines[n] = json.dumps(change(records[n]))
        lines.insert(1, "[1, 2]")
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")

        result = runner.invoke(app, fetch)
        # Ended by its own exit status (the 404), not by an exception of ours.
        assert isinstance(result.exception, SystemExit), result.exception
        code, out, err = result.exit_code, result.stdout, result.stderr
        assert code == 1, err
        # Every line past the inserted one moved down by one.
        expected = sorted([2, *(line + 1 for line in damaged.values())])
        notes = [line for line in out.splitlines() if f"{MANIFEST} line" in line]
        assert [int(note.split(f"{MANIFEST} line ")[1].split(":")[0]) for note in notes] == expected
        assert all(str(manifest) in note for note in notes)
        assert all(
            "The line is skipped (a page it records is fetched again)" in note for note in notes
        ), notes
        assert "url, status, checked_at missing" in notes[1]
        assert "Pages: 5 new, " in out
        # The damaged lines' pages were fetched again; the others' lines were kept.
        for n in answered:
            moncode = records[n]["key"].split("/")[-1]
            asked = replay.served(page_path(moncode))
            assert asked == (2 if moncode in damaged else 1), moncode

        # The finished run rewrote the log with good lines only: nothing more to say.
        code, out, err = run(*fetch)
        assert code == 1, err
        assert f"{MANIFEST} line" not in out and "Pages: 0 new, " in out
