"""Which sector detector analysed a document: a fingerprint of its fitted model and its data.

The topic model's coefficients, calibration and threshold, the list, frame and sense reach, the
short lines read as a list, the names of bodies and their head words (`bodies.toml`), the
patterns that cut a part into sentences, items and names (`segments.reading_rules`) and the
hand-kept `DETECTOR_REVISION` (for a change of code that no number shows) go into one hash. A
refit changes a coefficient, hence the fingerprint, without anyone remembering to bump a
version; the taxonomy has its own fingerprint beside it (`Taxonomy.fingerprint`), since a user
may bring their own file.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

from pqsearch.analyze.prominence import CALIBRATION, COEFFICIENTS, TOPIC_THRESHOLD
from pqsearch.analyze.sectors import (
    DETECTOR_REVISION,
    FRAME_REACH,
    LIST_SECTORS,
    SENSE_REACH,
    SHORT_ITEM,
)
from pqsearch.analyze.segments import HEADED_WORDS, load_gazetteer, reading_rules

__all__ = ["detector_fingerprint"]


@cache
def detector_fingerprint() -> str:
    """A short hash of everything besides the taxonomy that decides a document's sectors."""
    gazetteer = load_gazetteer()
    bodies = sorted([list(body.names), body.sector or ""] for body in gazetteer.bodies)
    content = {
        "revision": DETECTOR_REVISION,
        "coefficients": list(COEFFICIENTS),
        "calibration": [list(step) for step in CALIBRATION],
        "threshold": TOPIC_THRESHOLD,
        "list_sectors": LIST_SECTORS,
        "frame_reach": FRAME_REACH,
        "sense_reach": SENSE_REACH,
        "short_item": SHORT_ITEM,
        "bodies": bodies,
        "heads": sorted(gazetteer.heads),
        "headed_words": HEADED_WORDS,
        "reading": reading_rules(),
    }
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:12]
