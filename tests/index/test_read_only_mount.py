"""An index shared on a read-only mount: every reading command works on it, and the writing
ones say that it cannot be written (s17 brief, "read-only index").

A search writes small files into the index when it can (the thesaurus and verification
stamps, SQLite's shared-memory file beside the lexicon): here none of them exists, as in an
index copied without them, and none can be made. Checked on 4ef5f5b: this already held; the
test keeps it so."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.full_disk import needs_own_mounts, run_on_tmpfs

_SERVE_AND_ASK = """
import json, subprocess, sys, time, urllib.request
index, port = sys.argv[1], sys.argv[2]
server = subprocess.Popen([sys.executable, "-m", "pqsearch.cli", "serve", "--index", index,
                           "--port", port], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
try:
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q=logement") as r:
                print("serve", json.load(r)["total"])
                break
        except OSError:
            time.sleep(0.1)
    for path in ("/search?q=logement", "/documents/170146"):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as r:
            print("page", r.status)
finally:
    server.terminate()
    print(server.communicate(timeout=60)[1].decode(), file=sys.stderr)
"""


@needs_own_mounts
def test_a_read_only_mount_is_searched_shown_exported_and_served(
    corpus_index: Path, tmp_path: Path
) -> None:
    serve = tmp_path / "serve.py"
    serve.write_text(_SERVE_AND_ASK, encoding="utf-8")
    out = tmp_path / "out"
    done = run_on_tmpfs(
        tmp_path / "mount",
        f"""
cp -a {corpus_index} "$M/idx"
rm -f "$M"/idx/live/lexicon.sqlite-* "$M"/idx/live/verified* "$M"/idx/live/thesaurus.json
rm -f "$M"/idx/live/sector-labels.json "$M"/idx/watches*
$PQ search logement --index "$M/idx" > {out}-writable.txt
rm -f "$M"/idx/live/lexicon.sqlite-* "$M"/idx/live/verified* "$M"/idx/live/thesaurus.json
mount -o remount,ro "$M"
for command in "search logement" "show 170146" "info" "export logement -f jsonl" \\
               "similar 170146" "facets session" "watch list"; do
    $PQ $command --index "$M/idx" > "{out}-${{command%% *}}.txt" 2> "{out}-${{command%% *}}.err"
    echo "${{command%% *}} $?"
done
{sys.executable} {serve} "$M/idx" 8731 2> {out}-serve.err
$PQ ingest {corpus_index.parent} --index "$M/idx" --quiet 2> {out}-ingest.err
echo "ingest $?"
$PQ watch add loyers loyer --index "$M/idx" 2> {out}-watch-add.err
echo "watch $?"
""",
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for command in ("search", "show", "info", "export", "similar", "facets", "watch"):
        said = Path(f"{out}-{command}.err").read_text(encoding="utf-8")
        assert f"{command} 0" in lines, (command, said)
        assert said == "", (command, said)
    searched = Path(f"{out}-search.txt").read_text(encoding="utf-8")
    assert searched == Path(f"{out}-writable.txt").read_text(encoding="utf-8")
    assert searched.startswith("6 documents")
    assert "serve 6" in lines and lines.count("page 200") == 2, done.stdout
    assert "Traceback" not in Path(f"{out}-serve.err").read_text(encoding="utf-8")
    assert "ingest 2" in lines and "watch 2" in lines
    for writer in ("ingest", "watch-add"):
        said = Path(f"{out}-{writer}.err").read_text(encoding="utf-8")
        assert "Traceback" not in said and "Read-only file system" in said, said
        assert "cannot be" in said, said
