"""Every error pqsearch raises on purpose.

The CLI catches `PqsearchError` only, prints its message and exits non-zero; anything else
is a bug and keeps its traceback. A message says what went wrong and how to fix it.
"""

from __future__ import annotations

from pathlib import Path


class PqsearchError(Exception):
    """Base class of the errors a user can meet and act on."""


class ParseError(PqsearchError):
    """A document could not be turned into a `Question`: `source` names the file (or
    "<stdin>", "<bytes>"), `reason` says what was missing or wrong."""

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")


class UnreadableFileError(ParseError):
    """The file could not be read at all (missing, permissions, a folder, a link loop)."""


class EncodingProblemError(ParseError):
    """The bytes are not text in any encoding the sources use (binary data, NUL bytes)."""


class UnknownFormatError(ParseError):
    """The text is not a question page, a page's plain-text rendering or a JSON Lines record."""


class MissingFieldError(ParseError):
    """The document looks like a question page but lacks a field every page has."""


class InvalidFieldError(ParseError):
    """A field is present but its value cannot be read (a malformed date, a non-number)."""


class MissingInputError(PqsearchError):
    """None of the files and folders an ingest was given exists (a typo, a share not
    mounted): refused before spaCy loads and before the index folder is made or changed.
    `paths` holds them as given."""

    def __init__(self, paths: list[str], index_dir: str | Path) -> None:
        self.paths = paths
        self.index_dir = str(index_dir)
        named = ", ".join(paths)
        super().__init__(
            f"No such file or folder: {named}. Nothing was read, and nothing was written in "
            f"{self.index_dir}. Check the path, or name the folders and files of your "
            "documents: pqsearch ingest FOLDER ..."
        )


class IndexProblemError(PqsearchError):
    """The index is missing, empty, locked or damaged."""


class NoIndexError(IndexProblemError):
    """There is no index in the folder yet; the message says how to build one."""

    def __init__(
        self,
        index_dir: str | Path,
        *,
        build_in: str | Path | None = None,
        to_reanalyze: bool = False,
        ingesting: bool = False,
    ) -> None:
        self.index_dir = str(index_dir)
        self.ingesting = ingesting
        if ingesting:
            # Not "run pqsearch ingest first": one is running, into its lock (s18).
            super().__init__(
                f"No index at {self.index_dir} yet: an ingest is building it now. Search "
                "again once it has committed its first documents (its progress shows where "
                "it runs)."
            )
        elif to_reanalyze:
            super().__init__(
                f"No index at {self.index_dir} to analyse again: --reanalyze works on the "
                "documents an index holds, and nothing was made there. Build the index first: "
                f'"pqsearch ingest FOLDER ... --index {self.index_dir}".'
            )
        elif build_in is None:
            super().__init__(
                f'No index at {self.index_dir}. Run "pqsearch ingest corpus/ --index '
                f'{self.index_dir}" first (or set PQSEARCH_INDEX to the folder of an '
                "existing index)."
            )
        else:
            super().__init__(
                f"No index at {self.index_dir}, which holds other things: set PQSEARCH_INDEX "
                "(or --index) to the folder of an index, or build one in a folder of its own: "
                f'"pqsearch ingest corpus/ --index {build_in}".'
            )


class IndexLockedError(IndexProblemError):
    """Another ingest holds the write lock."""


class DamagedIndexError(IndexProblemError):
    """The index files cannot be read; the fix is `pqsearch ingest --rebuild`."""


class OutdatedIndexError(IndexProblemError):
    """The index was built by a pqsearch whose index layout differs; the fix is a rebuild."""

    def __init__(self, index_dir: str | Path, found: str, expected: str) -> None:
        self.index_dir = str(index_dir)
        self.newer = found.isdigit() and expected.isdigit() and int(found) > int(expected)
        if self.newer:
            # A rebuild would replace it by this older version's index (review 15, R4).
            super().__init__(
                f"The index at {self.index_dir} was written by a newer version of pqsearch "
                f"(index schema {found}; this version reads schema {expected}); "
                "nothing was changed. Use that newer pqsearch (python -m pip install -U "
                "pqsearch, or its checkout) to search or update it."
            )
            return
        super().__init__(
            f"The index at {self.index_dir} was built by another version of pqsearch (index "
            f"schema {found}; this version reads schema {expected}); nothing was changed. Run "
            f'"pqsearch ingest --rebuild --index {self.index_dir}" to build it again from the '
            "files it was built from (name folders after --rebuild to read others)."
        )


class NotAnIndexFolderError(IndexProblemError):
    """The folder given as the index holds things that are not a pqsearch index, which
    pqsearch will neither write into nor delete."""


class ReadOnlyIndexError(IndexProblemError):
    """Ingest cannot write the index folder (a read-only mount, or no permission); searching
    it still works."""


class DiskFullError(IndexProblemError):
    """The disk is full, or this process's file-size limit (`ulimit -f`) stopped a write,
    during an ingest (the index is as its last commit left it) or a search (it is
    unchanged)."""


class SwitchNotDurableError(IndexProblemError):
    """A rebuild's new index went live, but the system did not confirm that the switch is
    on disk; nothing was deleted."""


class ResourceLimitError(IndexProblemError):
    """The system refused this process a resource it needed to read or write the index (an
    open file: `ulimit -n`, the system's file table; memory): nothing is damaged, and the
    same command succeeds once the resource is there.

    `code` is the errno met (EMFILE, ENFILE or ENOMEM; None when not known) and `limit` this
    process's open-files limit with EMFILE (None when unlimited), for a caller that words the
    error in another language (the web page)."""

    code: int | None = None
    limit: int | None = None

    @classmethod
    def of(cls, code: int, error: BaseException) -> ResourceLimitError:
        """The error for `code` (EMFILE, ENFILE or ENOMEM) met as `error`."""
        import errno
        import resource

        if code == errno.EMFILE:
            limit, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
            at_most = "" if limit == resource.RLIM_INFINITY else f" than {limit:,}"
            why = f"this process may not open more files{at_most} at once (ulimit -n)"
            fix = 'Raise the limit ("ulimit -n 4096" in the shell that runs pqsearch)'
        elif code == errno.ENFILE:
            why = "the system has no file handle left for this process"
            fix = "Close some programs, or raise the system's limit (fs.file-max)"
        else:
            why = "the system has no memory left for this process"
            fix = "Close some programs, or give this process more memory"
        made = cls(
            f"Cannot go on: {why} ({str(error) or type(error).__name__}). Nothing is damaged: "
            "the index and the saved searches are as they were (an ingest keeps what it "
            f"committed). {fix}, then run the command again."
        )
        made.code = code
        if code == errno.EMFILE and limit != resource.RLIM_INFINITY:
            made.limit = limit
        return made


class NothingToRebuildError(IndexProblemError):
    """A rebuild would replace the index with one that holds none of its documents (no file
    to read them from, or none read); the index is left as it was."""

    def __init__(self, index_dir: str | Path, reason: str) -> None:
        self.index_dir = str(index_dir)
        super().__init__(
            f"Nothing to rebuild the index at {self.index_dir} from: {reason}. The index is "
            "left as it was. Give the files and folders of your documents: "
            f'"pqsearch ingest FOLDER ... --rebuild --index {self.index_dir}".'
        )


class EmptyFolderRebuildError(IndexProblemError):
    """A rebuild would drop the documents of folders gone, empty now (no document) or
    not readable (folder -> why), as a disk or share not mounted leaves them; the index is
    left as it was."""

    def __init__(
        self, index_dir: str | Path, folders: dict[str, int], unreadable: dict[str, str]
    ) -> None:
        self.index_dir, self.folders, self.unreadable = str(index_dir), folders, unreadable
        said = "; ".join(
            [f"{f} ({n} document{'s' if n > 1 else ''})" for f, n in sorted(folders.items())]
            + [f"cannot be read: {why}" for _, why in sorted(unreadable.items())]
        )
        super().__init__(
            f"The rebuild of the index at {self.index_dir} was not switched in: these folders "
            "are gone, empty now (no document), links to a missing folder or not "
            f"readable, while indexed documents were read from them: {said} (a disk or share "
            "not mounted leaves an empty folder or none, and a link to it leads nowhere). The "
            "index is left as it was. Mount them and run the rebuild again (if they moved, "
            "give the rebuild the folders to read); to drop their documents on purpose, run "
            "it with --allow-empty."
        )


class LockUnsupportedError(PqsearchError):
    """A lock file could not be locked for a reason other than another process holding it:
    the file system does not support locks (some network file systems)."""


class WorkerLostError(IndexProblemError):
    """A lemmatizer worker process of an ingest stopped (killed, or out of memory); the index
    is as its last commit left it."""


class ClosedIndexError(IndexProblemError):
    """The `Index` was closed; open it again to search it."""


class InstallationError(PqsearchError):
    """pqsearch's own installation lacks a data file an index needs, or the index was written
    by a newer pqsearch; the fix is a reinstall or an upgrade, not a rebuild of the index."""


class QuerySyntaxError(PqsearchError):
    """The query or a filter value cannot be understood; the message says what is accepted.

    Its fields let a caller say it in another language (the web page in French) while the CLI
    and the JSON API keep the message: `kind` names the problem ("unclosed_quote",
    "date_not_a_date", "unknown_sector", ...; "" for a message without fields), `value` what
    was typed (a word, a date, a field's name), `field` the field concerned, `valid` the values
    accepted where a list is known, `position` the column (from 0) of `query` the caret points
    at (None outside a query) and `excerpt` the query around it with the caret, as the message
    ends with it. `corrected` is the whole query with the suggested fix (`valid[0]`) in place
    of what was typed, where the parser knows it ("" otherwise); `as_written`, for a "field="
    word, the query with that word in quotes (searched as written), its other errors fixed.
    """

    def __init__(
        self,
        message: str,
        *,
        kind: str = "",
        value: str = "",
        field: str = "",
        valid: tuple[str, ...] = (),
        position: int | None = None,
        query: str = "",
        excerpt: str = "",
        corrected: str = "",
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.value: object = value
        self.field = field
        self.valid = valid
        self.position = position
        self.query = query
        self.excerpt = excerpt
        self.corrected = corrected
        self.as_written = ""


class NotTextError(QuerySyntaxError):
    """A word typed is not valid UTF-8: bytes of another encoding (a terminal set to Latin-1
    sends "é" as the byte 0xE9), which Python keeps as lone surrogates. `shown` is the value
    with such bytes written as escapes (`r\\xe9novation`)."""

    def __init__(self, what: str, shown: str) -> None:
        self.what = what
        self.shown = shown
        super().__init__(
            f"The {what} '{shown}' is not valid UTF-8 text (a byte of another encoding): set "
            "your terminal to UTF-8 (e.g. LANG=fr_BE.UTF-8) and type it again."
        )


class UnknownValueError(QuerySyntaxError):
    """A filter value matches nothing in the index; `suggestions` holds the closest real values."""

    value: str

    def __init__(self, field: str, value: str, suggestions: list[str]) -> None:
        self.suggestions = suggestions
        hint = (
            "did you mean " + ", ".join(repr(s) for s in suggestions) + "?"
            if suggestions
            else f'see "pqsearch facets {field}" for the values in the index.'
        )
        super().__init__(
            f"No document has {field} {value!r}: {hint}",
            kind="unknown_value",
            value=value,
            field=field,
        )


class UnknownSectorError(QuerySyntaxError):
    """A sector filter names no sector of the index's taxonomy. `valid` holds the ids,
    `labels` each id's names by language ("fr", "nl", "en"), `suggestions` the ids of the
    sectors closest to what was typed (a name with a typo, a NACE code: "Q86" is Q)."""

    value: str

    def __init__(
        self,
        typed: str,
        labels: dict[str, dict[str, str]],
        suggestions: tuple[str, ...],
    ) -> None:
        self.labels = labels
        self.suggestions = suggestions

        def named(sector_id: str) -> str:
            return f"{sector_id} ({labels[sector_id].get('en', sector_id)})"

        close = (
            " Did you mean " + " or ".join(named(s) for s in suggestions) + "?"
            if suggestions
            else ""
        )
        known = ", ".join(named(s) for s in labels)
        super().__init__(
            f"Unknown sector {typed!r}.{close} Sectors: {known}.",
            kind="unknown_sector",
            value=typed,
            field="sector",
            valid=tuple(labels),
        )


class InvalidChoiceError(QuerySyntaxError):
    """A value outside a closed set (a sort, a status, a date, a format); the message lists
    the valid ones, which `valid` holds."""

    def __init__(self, option: str, value: object, valid: tuple[str, ...]) -> None:
        self.option = option
        choices = ", ".join(valid[:-1]) + f" or {valid[-1]}" if len(valid) > 1 else valid[0]
        super().__init__(f"Unknown {option} {value!r}: use {choices}.", kind="invalid_choice")
        # Set after: a value of a closed set need not be text (a number of jobs).
        self.value = value
        self.valid = valid


class WatchError(PqsearchError):
    """A saved search that does not exist, a bad name, or an unreadable watches file."""


class TaxonomyError(PqsearchError):
    """A sector taxonomy file is malformed; the message names the line and the problem."""


class ThesaurusError(PqsearchError):
    """A thesaurus file (the user's, `PQSEARCH_THESAURUS`) cannot be read or is malformed."""


class NotFoundError(PqsearchError):
    """No document has the id that was asked for."""


class FetchError(PqsearchError):
    """Harvesting the Parliament's site failed; what was already fetched is kept."""


class SiteUnreachableError(FetchError):
    """The site did not answer (no connection, refused, timed out again and again)."""


class HarvestLockedError(FetchError):
    """Another `pqsearch fetch` is writing to the same corpus folder."""
