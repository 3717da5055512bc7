"""Per-document columns stay aligned with document numbers across segments."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from pqsearch import api
from tests.conftest import BRUSSELS_HTML


def test_dates_and_sorting_across_segments_where_one_lacks_the_field(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    shutil.copy(BRUSSELS_HTML / "170284.html", first)  # unanswered: no answer date
    shutil.copy(BRUSSELS_HTML / "170229.html", second)  # answered 21/09/2026
    index_dir = tmp_path / "index"
    api.ingest([first], index_dir=index_dir)
    api.ingest([second], index_dir=index_dir)  # a second segment
    with api.open_index(index_dir) as index:
        filters = api.Filters(date_field="answered")
        result = index.search("", sort="oldest", filters=filters)
        assert [(h.id, h.answered_on) for h in result.hits] == [
            ("170229", dt.date(2026, 9, 21)),
            ("170284", None),
        ]
        (year,) = index.facet("answered_year").results
        assert (year.value, year.count) == ("2026", 1)
        assert (
            len(
                index.search(
                    "", filters=api.Filters(date_from="2026-09", date_field="answered")
                ).hits
            )
            == 1
        )
