"""The CLI on random options and values: a result or a message and an exit code (0, 1, 2),
never a traceback. Paths are drawn from a few fixed ones, so nothing is written elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from pqsearch.cli import app
from tests.conftest import BRUSSELS_HTML
from tests.fuzz.profile import fuzz, fuzz_few

_VALUES = st.one_of(
    st.text(max_size=12),
    st.integers(-5, 3_000).map(str),
    st.sampled_from(
        [
            "",
            "-",
            "--",
            "0",
            "1e9",
            "nan",
            "inf",
            "20/21",
            "24/29",
            "2021-02-30",
            "31/03/2021",
            "2021",
            "*",
            "(",
            '"',
            "fr",
            "nl",
            "answered",
            "newest",
            "md",
            "csv",
            "jsonl",
            "170229",
            "session,sector",
            "construction",
            "F",
            "received",
            "answered",
        ]
    ),
)

_OPTIONS = {
    "search": [
        "--legislature",
        "--session",
        "--author",
        "--addressee",
        "--portfolio",
        "--language",
        "--sector",
        "--answer-type",
        "--status",
        "--from",
        "--to",
        "--date",
        "--sort",
        "--page",
        "--limit",
        "--facets",
    ],
    "export": [
        "--format",
        "--session",
        "--addressee",
        "--portfolio",
        "--sector",
        "--status",
        "--from",
        "--to",
        "--sort",
        "--limit",
    ],
    "similar": ["--session", "--addressee", "--portfolio", "--status", "--limit"],
    "show": [],
    "facets": [],
    "sectors": [],
}
_FLAGS = {
    "search": ["--json", "--no-facets"],
    "export": [],
    "similar": ["--json"],
    "show": ["--json"],
    "facets": ["--json"],
    "sectors": ["--json"],
}
_ARGUMENTS = {
    "search": st.lists(_VALUES, max_size=4),
    "export": st.lists(_VALUES, max_size=3),
    "similar": st.lists(st.sampled_from(["170229", "170131", "nope", ""]), max_size=1),
    "show": st.lists(_VALUES, min_size=1, max_size=1),
    "facets": st.lists(_VALUES, min_size=1, max_size=1),
    "sectors": st.just([]),
}


@st.composite
def _read_commands(draw: st.DrawFn) -> tuple[str, list[str]]:
    command = draw(st.sampled_from(sorted(_OPTIONS)))
    argv = [command, *draw(_ARGUMENTS[command])]
    for _ in range(draw(st.integers(0, 5))):
        with_value: bool = draw(st.booleans())
        if with_value and _OPTIONS[command]:
            argv += [draw(st.sampled_from(_OPTIONS[command])), draw(_VALUES)]
        elif _FLAGS[command]:
            argv.append(draw(st.sampled_from(_FLAGS[command])))
    return command, argv


def _check(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output


@fuzz
@given(_read_commands())
def test_read_commands(fuzz_root: Path, command_and_argv: tuple[str, list[str]]) -> None:
    _, argv = command_and_argv
    _check(CliRunner().invoke(app, [*argv, "--index", str(fuzz_root)]))


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("fuzz_cli")
    corpus = work / "corpus"
    corpus.mkdir()
    shutil.copyfile(BRUSSELS_HTML / "170131.html", corpus / "170131.html")
    (work / "empty").mkdir()
    (work / "garbage.toml").write_text("[[sector]\nid = 1\n")
    (work / "garbage.html").write_bytes(b"\x00\x01garbage")
    return {
        "corpus": corpus,
        "empty": work / "empty",
        "missing": work / "missing",
        "garbage.toml": work / "garbage.toml",
        "garbage.html": work / "garbage.html",
        "index": work / "index",
    }


@fuzz_few
@given(
    command=st.sampled_from(["ingest", "parse"]),
    paths=st.lists(st.sampled_from(["corpus", "empty", "missing", "garbage.html"]), max_size=3),
    options=st.lists(
        st.one_of(
            st.just(["--rebuild"]),
            st.just(["--prune"]),
            st.just(["-q"]),
            st.just(["--json"]),
            st.tuples(st.just("--wait"), _VALUES).map(list),
            st.tuples(
                st.just("--taxonomy"), st.sampled_from(["garbage.toml", "missing", "empty"])
            ).map(list),
        ),
        max_size=3,
    ),
)
def test_ingest_and_parse(
    places: dict[str, Path], command: str, paths: list[str], options: list[list[str]]
) -> None:
    argv = [command, *(str(places[p]) for p in paths)]
    if command == "ingest":
        argv += ["--index", str(places["index"]), "--wait", "2"]
        for option in options:
            argv += [str(places[v]) if v in places else v for v in option]
    _check(CliRunner().invoke(app, argv))
