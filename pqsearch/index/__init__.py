"""index step of the pipeline."""

from pqsearch.lazy import deferred, import_without, iscoroutinefunction

# Two modules Whoosh imports but a search never needs, 40 ms of a terminal search
# (BENCHMARKS.md, "Cold start"); Whoosh-Reloaded is pinned (pyproject.toml):
# - whoosh.compat takes `urlretrieve` from urllib.request (which brings http, email and
#   ssl) and no Whoosh code calls it;
# - cached_property (Whoosh's reader uses it) asks asyncio, with its event loops, sockets
#   and ssl, only whether each property is a coroutine function.
import_without("cached_property", {"asyncio": {"iscoroutinefunction": iscoroutinefunction}})
import_without(
    "whoosh.compat", {"urllib.request": {"urlretrieve": deferred("urllib.request", "urlretrieve")}}
)
