"""How hard the fuzz tests try: a quick, reproducible profile in the normal test run;
PQSEARCH_FUZZ_EXAMPLES=5000 (say) for a dedicated run with that many random examples each."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

QUICK_EXAMPLES = 30
EXAMPLES = int(os.environ.get("PQSEARCH_FUZZ_EXAMPLES", "0") or 0)

fuzz = settings(
    max_examples=EXAMPLES or QUICK_EXAMPLES,
    # The quick profile must give the same verdict on every run; the long one explores.
    derandomize=not EXAMPLES,
    database=None,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)


# For examples that each run an ingest: fewer in the quick profile.
fuzz_few = settings(fuzz, max_examples=EXAMPLES or 8)
