"""`python -m pqsearch.cli`: the same as the `pqsearch` command."""

from pqsearch.cli import main

main()
