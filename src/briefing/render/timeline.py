"""The incident timeline: an SVG chart written at build time, so it needs no JavaScript.

The same markup is inlined in the incident index and in the digest PDFs (WeasyPrint draws inline
SVG). It is one image for assistive technology (`role="img"` with `<title>` and `<desc>` that state
what it shows in words); the list of incidents next to it is the accessible equivalent of the
details. Every text from the corpus is escaped here, because the result is marked safe for Jinja.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from ..incident_types import FAMILIES
from ..model import IncidentEntry

WIDTH = 760
LANE_HEIGHT = 44
TOP = 16
LEFT = 150
RIGHT = 40
AXIS = 34
#: Lanes in display order: a lane's name and the incident family it draws.
LANE_FAMILIES: tuple[tuple[str, str], ...] = (
    ("Air and artillery", "air"),
    ("Attacks on people", "violence"),
    ("Ground fighting", "ground"),
)
OTHER_LANE = "Other attacks"
#: Fill of each lane's dots, as presentation attributes: WeasyPrint ignores the page's CSS
#: classes inside inline SVG, browsers let style.css override them (dark mode).
LANE_COLOURS = ("#c0392b", "#7d3c98", "#1f6fb2", "#8a7300")
INK = "#1a1a1a"


@dataclass(frozen=True)
class Point:
    """One dated incident placed on the chart."""

    entry: IncidentEntry
    day: dt.date
    lane: int
    approximate: bool = False  # no date of its own: drawn hollow at the date of its first report


@functools.cache
def lanes() -> tuple[tuple[str, frozenset[str]], ...]:
    """Each lane's name and the types it holds (first lane that matches)."""
    return tuple((name, frozenset(FAMILIES[family])) for name, family in LANE_FAMILIES)


def lane_of(type_: str) -> int:
    """Index of the lane an incident type is drawn in."""
    for index, (_, types) in enumerate(lanes()):
        if type_ in types:
            return index
    return len(LANE_FAMILIES)


def lane_names() -> list[str]:
    return [name for name, _ in LANE_FAMILIES] + [OTHER_LANE]


def dated_points(
    incidents: Sequence[IncidentEntry], report_dates: Mapping[str, dt.date | None] | None = None
) -> list[Point]:
    """Incidents with a date; with `report_dates` (briefing slug -> date), an incident without
    its own date is placed at the earliest date of the briefings reporting it, marked approximate."""
    points = []
    for entry in incidents:
        try:
            day = dt.date.fromisoformat(entry.date) if entry.date else None
        except ValueError:
            day = None
        approximate = False
        if day is None and report_dates:
            reported = [d for d in (report_dates.get(slug) for slug in entry.briefings) if d]
            day, approximate = (min(reported), True) if reported else (None, False)
        if day is not None:
            points.append(Point(entry, day, lane_of(entry.type), approximate))
    return sorted(points, key=lambda p: (p.day, p.entry.key))


def radius(killed: int | None) -> float:
    """Area grows with the death toll; incidents without a reported toll get the smallest dot."""
    return round(min(4.0 + 1.6 * math.sqrt(max(killed or 0, 0)), 20.0), 1)


def ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """Axis labels: months for long ranges, Mondays for a few weeks, days for a week or less."""
    span = (end - start).days
    if span > 62:
        day = dt.date(start.year, start.month, 1)
        found = []
        while day <= end:
            if day >= start:
                found.append((day, day.strftime("%b %Y")))
            day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        step = max(1, math.ceil(len(found) / 8))
        return found[::step]
    step = 7 if span > 10 else 1
    day = start + dt.timedelta(days=(7 - start.weekday()) % 7) if step == 7 else start
    found = []
    while day <= end:
        found.append((day, f"{day.day} {day.strftime('%b')}"))
        day += dt.timedelta(days=step)
    return found


def timeline_svg(
    incidents: Sequence[IncidentEntry],
    title: str = "Incident timeline",
    uid: str = "tl",
    report_dates: Mapping[str, dt.date | None] | None = None,
) -> Markup:
    """The chart as inline SVG markup, or empty markup when no incident can be placed."""
    points = dated_points(incidents, report_dates)
    if not points:
        return Markup("")
    first, last = points[0].day, points[-1].day
    start = first - dt.timedelta(days=1)
    end = max(last + dt.timedelta(days=1), start + dt.timedelta(days=6))
    lanes = lane_names()
    height = TOP + LANE_HEIGHT * len(lanes) + AXIS
    plot = WIDTH - LEFT - RIGHT

    def x(day: dt.date) -> float:
        return round(LEFT + plot * (day - start).days / max((end - start).days, 1), 1)

    undated = len(incidents) - len(points)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="{uid}-title {uid}-desc" '
        f'font-family="DejaVu Sans, sans-serif" font-size="12">',
        f'<title id="{uid}-title">{escape(title)}</title>',
        f'<desc id="{uid}-desc">{escape(describe(points, undated))}</desc>',
    ]
    for index, name in enumerate(lanes):
        y = TOP + LANE_HEIGHT * index + LANE_HEIGHT / 2
        parts.append(
            f'<line class="tl-lane" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" '
            'stroke="#bbbbbb" stroke-dasharray="3 4"/>'
        )
        parts.append(
            f'<text class="tl-label" x="{LEFT - 8}" y="{y + 4}" text-anchor="end" fill="{INK}">{escape(name)}</text>'
        )
    axis_y = TOP + LANE_HEIGHT * len(lanes)
    parts.append(
        f'<line class="tl-axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{axis_y}" y2="{axis_y}" stroke="#555555"/>'
    )
    for day, label in ticks(start, end):
        tx = x(day)
        parts.append(
            f'<line class="tl-tick" x1="{tx}" x2="{tx}" y1="{axis_y}" y2="{axis_y + 5}" stroke="#555555"/>'
        )
        parts.append(
            f'<text class="tl-tick-label" x="{tx}" y="{axis_y + 18}" text-anchor="middle" fill="{INK}">{escape(label)}</text>'
        )
    for point in sorted(points, key=lambda p: (-(p.entry.killed or 0), p.day, p.entry.key)):
        cy = TOP + LANE_HEIGHT * point.lane + LANE_HEIGHT / 2
        parts.append(
            f'<circle class="{dot_class(point)}" cx="{x(point.day)}" cy="{cy}" r="{radius(point.entry.killed)}" '
            f"{dot_paint(point)}><title>{escape(point_label(point))}</title></circle>"
        )
    parts.append("</svg>")
    return Markup("\n".join(parts))


def dot_class(point: Point) -> str:
    return f"tl-dot tl-lane-{point.lane}" + (" tl-approx" if point.approximate else "")


def dot_paint(point: Point) -> str:
    """Presentation attributes of a dot: solid when dated, hollow and dashed when approximate."""
    colour = LANE_COLOURS[point.lane]
    if point.approximate:
        return (
            f'fill="{colour}" fill-opacity="0.15" stroke="{colour}" stroke-width="1.5" stroke-dasharray="2 2"'
        )
    return f'fill="{colour}" fill-opacity="0.8" stroke="#ffffff" stroke-width="1"'


def point_label(point: Point) -> str:
    entry = point.entry
    where = f" in {entry.location}" if entry.location else ""
    toll = f", {entry.killed} killed" if entry.killed is not None else ""
    when = f"reported {point.day.isoformat()}" if point.approximate else point.day.isoformat()
    return f"{when}: {entry.type.replace('_', ' ')}{where}{toll}"


def describe(points: list[Point], undated: int) -> str:
    """The chart in words: what a screen reader announces and what a PDF reader can copy."""
    count = len(points)
    first, last = points[0].day, points[-1].day
    text = f"{count} incident{'s' if count != 1 else ''} from {first.isoformat()} to {last.isoformat()}"
    names = lane_names()
    per_lane = [sum(1 for p in points if p.lane == i) for i in range(len(names))]
    text += (
        ": " + ", ".join(f"{n} {name.lower()}" for name, n in zip(names, per_lane, strict=True) if n) + "."
    )
    worst = max(points, key=lambda p: (p.entry.killed or 0, p.day))
    if worst.entry.killed:
        text += f" Deadliest: {point_label(worst)}."
    approximate = sum(1 for p in points if p.approximate)
    if approximate:
        text += f" {approximate} without a date of their own are drawn hollow at the date they were reported."
    if undated:
        text += f" {undated} undated incident{'s are' if undated != 1 else ' is'} not shown."
    return text + " Dot size grows with the number killed."
