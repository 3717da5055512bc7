"""Which sector detector analysed a document: a fingerprint of its fitted model and its data.

The topic model's coefficients, calibration and threshold, the list, frame and sense reach, the
short lines read as a list, the words and share of the administration rule (`administration`),
the names of bodies and their head words (`bodies.toml`), the patterns that cut a part into
sentences, items and names (`segments.reading_rules`) and the hand-kept `DETECTOR_REVISION`
(for a change of code that no number shows) go into one hash. A refit changes a coefficient,
hence the fingerprint, without anyone remembering to bump a version; the taxonomy has its own
fingerprint beside it (`Taxonomy.fingerprint`), since a user may bring their own file.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

from pqsearch.analyze import administration
from pqsearch.analyze.prominence import CALIBRATION, COEFFICIENTS, TOPIC_THRESHOLD
from pqsearch.analyze.sector_context import FRAME_REACH, SENSE_REACH
from pqsearch.analyze.sector_lists import LIST_SECTORS, SHORT_ITEM
from pqsearch.analyze.sector_lone import ASKED_SHARE
from pqsearch.analyze.segments import HEADED_WORDS, load_gazetteer, reading_rules

__all__ = ["DETECTOR_REVISION", "detector_fingerprint"]

# Bumped by hand when the detector's code reads documents differently (a new rule, a fixed
# bug) without any number of `sectors`, the coefficients or a data file changing; those are in the
# detector's fingerprint already (`analyze/detector_version.py`), so a refit needs no bump.
# An index analysed by another revision is told at its next ingest to re-analyse.
# 2: names the gazetteer lacks are read from their head word ("l'Office national de l'emploi").
# 3: web and e-mail addresses are names, a head word's complement may start with "contre" ("le
# Plan de lutte contre la pauvreté"), a run of short list items is one list, and a sense
# rule's `unless` reads the sentence before its term's.
# 4: a sector's `employer` phrases count only in a sentence that names a body of the gazetteer.
# 5: ... or anywhere in a document whose title names one; a term with a capital on any word, not
# only the first, is read as the name it writes ("pro Deo").
# 6: ... in a document whose title names one and is on staff (a staff word or an employer
# phrase in the title), not in any question whose title names a body.
# 7: a question most of whose items ask about the administration's own staff, money, contracts,
# tools or procedures is evidence of O, and frames the other sectors' words in those sentences
# (`administration`); the list rule moved to `sector_lists`, unchanged.
# 8: a document with no topic whose most probable sector is the administration, asked about in
# its title or question, has it as its topic (`sector_lone`).
# 9: a sentence of the title or the question that names a public body and its staff is evidence
# of O, beside the other sectors' (`administration.body_staff`).
DETECTOR_REVISION = 9


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
        "lone_asked_share": ASKED_SHARE,
        "administration": {
            "most": administration.MOST,
            "agents": sorted(administration.AGENTS),
            "runs_on": sorted(administration.RUNS_ON),
            "staff_words": sorted(administration.STAFF_WORDS),
        },
        "bodies": bodies,
        "heads": sorted(gazetteer.heads),
        "headed_words": HEADED_WORDS,
        "reading": reading_rules(),
    }
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:12]
