"""The markers of pqsearch's own folders, written by `index.ownership`: an index folder's and
each of its data folders'. Named here, the lowest layer that reads them (`parse.walk` skips
such folders), in a module of their own so that opening an index for a search does not import
the document models with them (`tests/cli/test_cold_start.py`)."""

INDEX_MARKER = ".pqsearch-index"
DATA_MARKER = ".pqsearch-data"
