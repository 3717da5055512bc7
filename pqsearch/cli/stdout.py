"""Standard output that knows whether all of it reached its file.

Python's own buffered stdout loses the error when the kernel takes part of a write and refuses
the rest (a disk filling up under `pqsearch export > file`, a `ulimit -f`): the command ended
with status 0 and a JSON Lines or CSV export cut mid-record, a `--json` search that was not
JSON (s16 audit, D5). Here every byte goes through `os.write` on the descriptor, in a loop
until all of it is taken, and the first refusal ends the command with a message and a
non-zero status (a reader that left, as `| head` does, is not an error). What is written
after it is dropped: the output is already incomplete, and it is said once.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import select
import sys
from collections.abc import Iterator

import typer

# The status of a command whose output was cut short (the status of any refused command).
CUT_SHORT_STATUS = 2


class OutputCutShort(Exception):
    """Standard output refused a write: what reached it is incomplete. Not a PqsearchError,
    so that no command's `user_errors` reports it as its own failure: `checked_stdout` does,
    once."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error


class _Descriptor(io.RawIOBase):
    """A file descriptor written whole or not at all, write by write."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd
        self.failure: OSError | None = None

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: object) -> int:
        view = memoryview(data).cast("B")  # type: ignore[arg-type]
        if self.failure is not None:
            return len(view)
        done = 0
        while done < len(view):
            try:
                done += os.write(self._fd, view[done:])
            except BlockingIOError:
                # A non-blocking pipe or terminal that is full: wait, it is no refusal
                # (review 16, W1; `durable.write_some` does the same below the CLI).
                select.select([], [self._fd], [])
            except OSError as error:
                self.failure = error
                raise OutputCutShort(error) from error
        return done


def cut_short_message(command: str, error: OSError) -> str:
    """What to tell the user when standard output refused part of `command`'s output."""
    what = "export" if command == "export" else f'output of "pqsearch {command}"'
    if command == "watch run":
        # `watch run` records its run before it prints (review 16, W2).
        return (
            'Could not write the whole output of "pqsearch watch run" to standard output: '
            f"{error.strerror or error}; the output is incomplete, and the run was recorded: "
            "the next run will not list these documents again. Find them with the saved "
            'search\'s words and --from (the date of its previous run) in "pqsearch search", '
            "and send the output where there is room."
        )
    if error.errno == errno.EFBIG:
        fix = (
            'This process may not write a file that large: raise the limit ("ulimit -f '
            'unlimited" in the shell that runs pqsearch)'
        )
    else:
        fix = (
            "Send it where there is room (free some space on that disk, or redirect it to a "
            "file on another one)"
        )
    return (
        f"Could not write the whole {what} to standard output: {error.strerror or error}; "
        f"the output is incomplete. {fix}, then run the command again."
    )


CLOSED_MESSAGE = (
    "Error: standard output is closed, so pqsearch has nowhere to write. Run the command "
    "with its output sent somewhere (add > /dev/null to discard it)."
)


def refuse_closed_stdout() -> None:
    """End the command, before it does anything, when it was started with standard output
    closed (`pqsearch search logement >&-`): one line on standard error, status 2.

    Python then has no `sys.stdout` (None), and each command failed its own way: a
    traceback at its first print, or status 0 with nothing shown (review 16, W7). Worse,
    the first file the command opened took descriptor 1 (an ingest's lock file, seen in
    /proc), where anything printed, by it or a process it starts, would have been written.
    """
    if sys.stdout is not None:
        return
    if _to_a_file(sys.argv[1:]):
        # `export -o FILE` writes nothing of its own to standard output: descriptor 1 goes to
        # /dev/null (so no file the command opens takes it) and the export runs (review 17, V3).
        fd = os.open(os.devnull, os.O_WRONLY)
        if fd != 1:
            os.dup2(fd, 1)
            os.close(fd)
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        return
    if sys.stderr is not None:
        print(CLOSED_MESSAGE, file=sys.stderr)
    raise SystemExit(CUT_SHORT_STATUS)


def _to_a_file(arguments: list[str]) -> bool:
    """Whether these arguments are an `export` whose output goes to a file (`-o`, `--output`)."""
    if arguments[:1] != ["export"]:
        return False
    options = arguments[1 : arguments.index("--")] if "--" in arguments else arguments[1:]
    # After "--" every argument is a query word ("-ordures"), never the option (review 17, F3).
    # "-o -" is standard output, not a file.
    for position, option in enumerate(options):
        if option in ("-o", "--output"):
            if options[position + 1 : position + 2] != ["-"]:
                return True
        elif option.startswith(("--output=", "-o")) and option not in ("--output=-", "-o-"):
            return True
    return False


@contextlib.contextmanager
def checked_stdout(command: str) -> Iterator[None]:
    """Run `command` with standard output written through `_Descriptor`; if part of it was
    refused, end with a message and status 2."""
    original = sys.stdout
    try:
        fd = original.fileno()
    except (AttributeError, OSError, ValueError):
        # No descriptor under stdout (closed, or replaced by the caller): left as it is.
        yield
        return
    original.flush()
    raw = _Descriptor(fd)
    checked = io.TextIOWrapper(
        io.BufferedWriter(raw),
        encoding=original.encoding,
        errors=original.errors,
        # As the stream it stands for: under PYTHONUNBUFFERED or -u every write goes through
        # at once, so that stdout and stderr keep their order (review 16, W3).
        line_buffering=bool(original.line_buffering or getattr(original, "write_through", False)),
        write_through=bool(getattr(original, "write_through", False)),
    )
    sys.stdout = checked
    try:
        try:
            yield
        finally:
            checked.flush()
    except OutputCutShort:
        pass
    finally:
        sys.stdout = original
        # Reported here, whether the refusal ended the command or something caught it; not
        # a reader that left (`| head`): what it read was what it wanted (status 0; it was 1
        # before the sixteenth session).
        if raw.failure is not None and raw.failure.errno != errno.EPIPE:
            typer.echo(f"Error: {cut_short_message(command, raw.failure)}", err=True)
            raise SystemExit(CUT_SHORT_STATUS)
