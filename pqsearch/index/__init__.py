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
# Whoosh's analysis package takes the Porter stemmer and double metaphone (thirteen regular
# expressions compiled at import) for English analyzers that no pqsearch schema holds: they
# are imported when one of them is first called.
import_without(
    "whoosh.analysis",
    {
        "whoosh.lang.porter": {"stem": deferred("whoosh.lang.porter", "stem")},
        "whoosh.lang.dmetaphone": {
            "double_metaphone": deferred("whoosh.lang.dmetaphone", "double_metaphone")
        },
    },
)
