"""Kill an ingest at random moments, again and again on one index, and count the damage.

Each round starts an ingest in a subprocess on a small copy of the real pages, waits until it
reports a chosen stage (parse, analyse - lemmatization and writing - or commit), lets a
random few milliseconds pass and sends SIGKILL. Then, in this process:

- the index must open and every search must work (else an *index failure*);
- every document seen in the index after an earlier kill must still be there, findable by
  its id and by a word of its title (else it is *lost*);
- every document's content must be one version of it the corpus has had.

Before each round some pages are revised (their bytes change, so ingest must replace them),
so that every round has writing and committing to do. At the end an ingest runs to completion
and must give exactly the documents of the corpus, each in its current version.

The subprocess runs `pqsearch.index.ingest.ingest`, the function behind `pqsearch ingest`,
with a small `commit_every` and `batch_size` so that commits happen during the run; it
prints each progress event on stdout, which is how the harness knows the stage.

With `--records N` (N above the worker threshold, 256) the corpus also holds N short
generated records, and every other round revises all of them and kills the ingest (SIGKILL
or SIGTERM, in turn) while its spaCy worker process runs. After such a kill the worker must
be gone and the index unlocked (issue 12: an orphaned worker kept the lock, 6 kills of 6).

    python benchmarks/crash_harness.py --kills 20 [--pages 8] [--records 300] [--seed 1]

tests/index/test_crash.py runs `run_kills` with 5 kills (20 with PQSEARCH_FULL=1 or -m slow),
and 2 kills with the worker running (20, half of them with the worker, in the full run).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pqsearch.errors import PqsearchError
from pqsearch.index import store
from pqsearch.index.fingerprint import indexed_hash
from pqsearch.index.reader import IndexReader
from pqsearch.index.records import decode_record
from pqsearch.parse import parse_paths

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO / "corpus" / "brussels" / "html"
STAGES = ("parse", "analyse", "commit")
# How long after a stage begins the kill may land: about the length of that stage for a
# batch of one or two pages on a loaded machine.
JITTER = {"parse": 0.02, "analyse": 0.4, "commit": 0.08}
# Which event of the stage to wait for: the first analyse event comes before spaCy is loaded,
# the second after, while it lemmatizes.
OCCURRENCE = {"parse": (1, 3), "analyse": (2, 2), "commit": (1, 2)}

# What an index that does not work lets out in `indexed`.
_UNUSABLE: tuple[type[BaseException], ...] = (PqsearchError, *store.READ_ERRORS, AssertionError)

_CHILD = """
import sys
from pqsearch.index.ingest import ingest

def tell(progress):
    print(progress.stage, progress.analyzed, flush=True)

ingest([sys.argv[1]], index_dir=sys.argv[2], commit_every=int(sys.argv[3]),
       batch_size=int(sys.argv[4]), lock_timeout=5.0, progress=tell)
print("done", flush=True)
"""


@dataclass(frozen=True)
class Round:
    """One ingest run of the harness and what was found after it."""

    number: int
    target: str
    killed: bool
    last_stage: str | None
    seconds: float
    documents: int
    lost: tuple[str, ...]
    stray_files: int
    failure: str | None


@dataclass
class CrashReport:
    """The figures of a kill run: the acceptance is `documents_lost == index_failures == 0`."""

    kills: int = 0
    runs: int = 0
    # Kills made while the ingest's worker process ran; after them, workers found alive
    # (a few seconds later) and ingests refused because the index was still locked.
    worker_kills: int = 0
    workers_left: int = 0
    locked_after_kill: int = 0
    documents_lost: int = 0
    index_failures: int = 0
    expected_documents: int = 0
    final_documents: int = 0
    final_exact: bool = False
    killed_in: Counter[str] = field(default_factory=Counter)
    kills_leaving_stray_files: int = 0
    final_stray_files: int = 0
    seconds: float = 0.0
    rounds: list[Round] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.documents_lost == 0
            and self.index_failures == 0
            and self.final_exact
            and self.workers_left == 0
            and self.locked_after_kill == 0
        )

    def summary(self) -> str:
        stages = ", ".join(f"{stage} {self.killed_in[stage]}" for stage in (*STAGES, "done"))
        lines = [
            f"kills made: {self.kills} (in {self.runs} ingest runs; last stage reported "
            f"before the kill: {stages})",
            f"kills while the worker process ran: {self.worker_kills}; workers left alive: "
            f"{self.workers_left}; index locked after a kill: {self.locked_after_kill}",
            f"kills that left unfinished segment files: {self.kills_leaving_stray_files} "
            f"(left after the final ingest: {self.final_stray_files})",
            f"documents lost: {self.documents_lost}",
            f"index failures: {self.index_failures}",
            f"final ingest: {self.final_documents} documents, corpus has "
            f"{self.expected_documents}, exact: {self.final_exact}",
            f"time: {self.seconds:.0f} s",
        ]
        lines.extend(f"  failure: {failure}" for failure in self.failures)
        return "\n".join(lines)


def make_corpus(folder: Path, pages: int, *, source: Path = PAGES) -> Path:
    """Copy the first `pages` real pages into `folder`; returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    for page in sorted(source.glob("*.html"))[:pages]:
        shutil.copyfile(page, folder / page.name)
    return folder


def revise(folder: Path, rng: random.Random, count: int, revision: int) -> None:
    """Change the bytes (not the text) of `count` pages, so that ingest must replace them."""
    pages = sorted(folder.glob("*.html"))
    for page in rng.sample(pages, min(count, len(pages))):
        data = re.sub(rb"\n<!-- revision \d+ -->\n$", b"", page.read_bytes())
        page.write_bytes(data + f"\n<!-- revision {revision} -->\n".encode())


def make_records(folder: Path, count: int) -> Path | None:
    """`count` generated records with short texts (enough of them to start the worker,
    quick to analyse), in `folder/records.jsonl`; None for none. Their sentences come from
    the repository's own corpus, like the pages (`PAGES`): the same records in a clone alone
    and in a checkout beside ../shared, which the generator would read by default."""
    if count == 0:
        return None
    from benchmarks.generate import DEFAULT_SEED, Generator, load_pools

    path = folder / "records.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for record in Generator(load_pools(REPO / "corpus"), DEFAULT_SEED).records(count):
            record["question"] = record["question"][:300]
            record["answer"] = record["answer"][:200] if record["answer"] else None
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def revise_records(path: Path, revision: int) -> None:
    """Change the text of every record, so that all of them must be analysed again."""
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    for record in records:
        record["question"] = re.sub(r" Révision \d+\.$", "", record["question"])
        record["question"] += f" Révision {revision}."
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )


def children(pid: int) -> list[int]:
    """The processes `pid` started that still run (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found.extend(int(n) for n in (task / "children").read_text().split())
    return found


def _gone(pids: list[int], timeout: float) -> bool:
    """Whether every process of `pids` has ended (zombies count as ended) within `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        alive = []
        for pid in pids:
            with contextlib.suppress(OSError):
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    alive.append(pid)
        if not alive or time.monotonic() > deadline:
            return not alive
        time.sleep(0.1)


def indexed(index_dir: Path) -> dict[str, str]:
    """id -> content hash of every document in the live index, checking each is findable.

    Raises `PqsearchError` (or anything else a broken index lets out) when it is not usable;
    a document its id or a title word does not find is left out, so it counts as lost.
    """
    from pqsearch import api

    documents: dict[str, str] = {}
    with IndexReader(index_dir) as reader:
        for _, stored in reader.reader.iter_docs():
            # From the record: an index written since no longer stores them beside it.
            question = decode_record(stored["record"])["question"]
            documents[question["id"]] = question["content_hash"]
        if reader.doc_count != len(documents):
            raise AssertionError(f"{reader.doc_count} documents for {len(documents)} ids")
    with api.open_index(index_dir) as index:
        findable: dict[str, str] = {}
        for doc_id, digest in documents.items():
            title = index.get(doc_id).title
            word = max(re.findall(r"\w{4,}", title) or [""], key=len)
            by_id = index.search(f"id:{doc_id}", facets=[], limit=2)
            by_title = index.search(f"titre:{word}", facets=[], limit=1000)
            if by_id.total == 1 and doc_id in {hit.id for hit in by_title.hits}:
                findable[doc_id] = digest
    return findable


def stray_files(index_dir: Path) -> int:
    """Whoosh files of the live data folder that its table of contents does not name."""
    data = store.live_data_dir(index_dir)
    if data is None:
        return 0
    ix = store.open_whoosh(index_dir, data)
    names = {segment.segment_id() for segment in ix._segments()}
    ours = re.compile(rf"^({store.WHOOSH_INDEX_NAME}_[0-9a-z]+)\.")
    return sum(
        1
        for path in data.iterdir()
        if (match := ours.match(path.name)) and match.group(1) not in names
    )


def start_ingest(
    corpus: Path, index_dir: Path, commit_every: int, batch_size: int
) -> subprocess.Popen[str]:
    """An ingest of `corpus` in a subprocess that prints each progress stage on stdout."""
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            _CHILD,
            str(corpus),
            str(index_dir),
            str(commit_every),
            str(batch_size),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


class StageWatcher:
    """Reads the child's progress lines as they come; `wait_for` blocks until a stage shows."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: list[str] = []
        self.changed = threading.Condition()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self.changed:
                self.lines.append(line.split()[0] if line.strip() else "")
                self.changed.notify_all()
        with self.changed:
            self.lines.append("eof")
            self.changed.notify_all()

    def wait_for(self, stage: str, occurrence: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                if self.lines.count(stage) >= occurrence:
                    return True
                if "eof" in self.lines or time.monotonic() > deadline:
                    return False
                self.changed.wait(0.5)

    @property
    def last_stage(self) -> str | None:
        with self.changed:
            stages = [line for line in self.lines if line in (*STAGES, "done")]
        return stages[-1] if stages else None


def run_kills(
    workdir: Path,
    *,
    kills: int = 5,
    pages: int = 6,
    seed: int = 1,
    commit_every: int = 1,
    batch_size: int = 1,
    revise_per_round: int = 2,
    round_timeout: float = 120.0,
    records: int = 0,
    verbose: bool = False,
) -> CrashReport:
    """Kill `kills` ingests at random moments on one index under `workdir`; see the module doc."""
    started = time.monotonic()
    rng = random.Random(seed)
    corpus = make_corpus(workdir / "corpus", pages)
    records_file = make_records(corpus, records)
    index_dir = workdir / "index"
    report = CrashReport()
    seen: dict[str, set[str]] = {}
    committed: set[str] = set()
    revision = 0
    while report.kills < kills and report.runs < kills * 3:
        revision += 1
        revise(corpus, rng, revise_per_round, revision)
        with_worker = records_file is not None and report.runs % 2 == 0
        if with_worker and records_file is not None:
            revise_records(records_file, revision)
        for question in parse_paths([corpus]).questions:
            seen.setdefault(question.id, set()).add(indexed_hash(question))
        target = "worker" if with_worker else STAGES[report.runs % len(STAGES)]
        report.runs += 1
        round_started = time.monotonic()
        # Records in batches of 64, so that the worker starts after a few batches.
        process = start_ingest(
            corpus,
            index_dir,
            64 if with_worker else commit_every,
            64 if with_worker else batch_size,
        )
        watcher = StageWatcher(process)
        workers: list[int] = []
        if with_worker:
            workers = _wait_for_worker(process, round_timeout)
            time.sleep(rng.uniform(0, 2.0))
        else:
            occurrence = rng.randint(*OCCURRENCE[target])
            if watcher.wait_for(target, occurrence, round_timeout):
                time.sleep(rng.uniform(0, JITTER[target]))
        killed = process.poll() is None
        if killed:
            # A plain SIGTERM (what a service manager sends) kills Python as surely.
            term = with_worker and report.worker_kills % 2 == 1
            process.send_signal(signal.SIGTERM if term else signal.SIGKILL)
        if killed:
            process.wait(timeout=round_timeout)
        left = False
        if killed and workers:
            report.worker_kills += 1
            left = not _gone(workers, 10.0)
            report.workers_left += left
        if killed:
            try:
                with store.write_lock(index_dir, timeout=0):
                    pass
            except PqsearchError:
                report.locked_after_kill += 1
        if left:
            # An orphaned worker keeps the pipes open: end it, so that the run can go on.
            for pid in workers:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
        _, errors = process.communicate(timeout=round_timeout)
        watcher.thread.join(timeout=5)
        failure = None
        if not killed and process.returncode != 0:
            failure = f"ingest exited with {process.returncode}: {errors.strip()[-500:]}"
        stray = 0
        documents: dict[str, str] = {}
        try:
            stray = stray_files(index_dir) if killed else 0
            documents = indexed(index_dir)
        except _UNUSABLE as error:
            failure = failure or f"the index does not work after the kill: {error}"
        lost = tuple(sorted(committed - documents.keys()))
        wrong = sorted(i for i, digest in documents.items() if digest not in seen.get(i, ()))
        if wrong:
            failure = failure or f"documents with content the corpus never had: {wrong}"
        committed |= documents.keys()
        report.rounds.append(
            Round(
                number=report.runs,
                target=target,
                killed=killed,
                last_stage=watcher.last_stage,
                seconds=time.monotonic() - round_started,
                documents=len(documents),
                lost=lost,
                stray_files=stray,
                failure=failure,
            )
        )
        if verbose:
            print(
                f"round {report.runs}: {target}, killed {killed}, worker kills "
                f"{report.worker_kills}, workers left {report.workers_left}, locked after a "
                f"kill {report.locked_after_kill}, lost {len(lost)}, failure {failure}",
                flush=True,
            )
        if killed:
            report.kills += 1
            report.killed_in[watcher.last_stage or "start"] += 1
            report.kills_leaving_stray_files += stray > 0
        report.documents_lost += len(lost)
        if failure:
            report.index_failures += 1
            report.failures.append(f"round {report.runs}: {failure}")
    # With records, the final run has hundreds of documents: commits of one would be slow.
    final_every = 64 if records_file is not None else commit_every
    _final_check(report, corpus, index_dir, final_every, final_every, round_timeout * 5)
    report.seconds = time.monotonic() - started
    return report


def _wait_for_worker(process: subprocess.Popen[str], timeout: float) -> list[int]:
    """The ingest's worker processes, once it has started one (empty if it never did)."""
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        found = children(process.pid)
        # Besides the worker, multiprocessing may start a resource tracker.
        for pid in found:
            with contextlib.suppress(OSError):
                if b"resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_bytes():
                    return found
        time.sleep(0.05)
    return []


def _final_check(
    report: CrashReport,
    corpus: Path,
    index_dir: Path,
    commit_every: int,
    batch_size: int,
    timeout: float,
) -> None:
    process = start_ingest(corpus, index_dir, commit_every, batch_size)
    _, errors = process.communicate(timeout=timeout)
    expected = {q.id: indexed_hash(q) for q in parse_paths([corpus]).questions}
    report.expected_documents = len(expected)
    if process.returncode != 0:
        report.index_failures += 1
        report.failures.append(f"final ingest exited with {process.returncode}: {errors[-500:]}")
        return
    try:
        documents = indexed(index_dir)
    except _UNUSABLE as error:
        report.index_failures += 1
        report.failures.append(f"the index does not work after the final ingest: {error}")
        return
    report.final_documents = len(documents)
    report.final_stray_files = stray_files(index_dir)
    report.final_exact = documents == expected
    if not report.final_exact:
        stale = sorted(i for i in documents.keys() & expected.keys() if documents[i] != expected[i])
        report.failures.append(
            f"final index differs from the corpus: missing {sorted(expected.keys() - documents)}"
            f", extra {sorted(documents.keys() - expected)}, stale {stale}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--pages", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--commit-every", type=int, default=1)
    parser.add_argument("--records", type=int, default=0, help="Generated records (300: worker).")
    parser.add_argument("--keep", type=Path, help="Work in this folder and keep it.")
    args = parser.parse_args(argv)
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="pqsearch-crash-"))
    try:
        report = run_kills(
            workdir,
            kills=args.kills,
            pages=args.pages,
            seed=args.seed,
            commit_every=args.commit_every,
            records=args.records,
            verbose=True,
        )
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(report.summary())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
