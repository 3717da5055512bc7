"""The timeline: matches per month (or per year, over long spans) as bars of an SVG chart.

The counts are the library's date facets; this module only lays the bars out. Each bar is a
link that narrows the search to its month or year, so the chart works without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass

from pqsearch import Facet

# Past four years of months, bars get too thin to read or click: count per year instead.
MAX_MONTHS = 48
WIDTH = 720
HEIGHT = 120
GAP = 2


@dataclass(frozen=True)
class Bar:
    period: str  # "2021-03" or "2021": also what the date filters accept
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Timeline:
    unit: str  # "month" or "year"
    bars: tuple[Bar, ...]
    width: int = WIDTH
    height: int = HEIGHT


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months: list[str] = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def timeline(months: Facet) -> Timeline | None:
    """Bars for a `*_month` facet counted with no top limit; None when nothing is dated."""
    counts = {c.value: c.count for c in months.results}
    if not counts:
        return None
    periods = _months(min(counts), max(counts))
    unit = "month"
    if len(periods) > MAX_MONTHS:
        unit = "year"
        years: dict[str, int] = {}
        for value, count in counts.items():
            years[value[:4]] = years.get(value[:4], 0) + count
        counts = years
        periods = [str(y) for y in range(int(min(years)), int(max(years)) + 1)]
    tallest = max(counts.values())
    slot = WIDTH / len(periods)
    bars = []
    for i, period in enumerate(periods):
        count = counts.get(period, 0)
        height = (HEIGHT - 4) * count / tallest
        bars.append(
            Bar(
                period=period,
                count=count,
                x=round(i * slot + GAP / 2, 2),
                y=round(HEIGHT - height, 2),
                width=round(max(slot - GAP, 1.0), 2),
                height=round(height, 2),
            )
        )
    return Timeline(unit=unit, bars=tuple(bars))
