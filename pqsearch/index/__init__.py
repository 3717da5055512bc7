"""index step of the pipeline."""

from pqsearch.lazy import import_without

# Whoosh's compat module takes `urlretrieve` from urllib.request, which no Whoosh code calls;
# importing urllib.request brings http, email and ssl: 25 ms of a terminal search (BENCHMARKS.md,
# "Cold start"). Whoosh-Reloaded is pinned (pyproject.toml).
import_without("whoosh.compat", {"urllib.request": ("urlretrieve",)})
