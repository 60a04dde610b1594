"""The pages' pictures as geometry for inline SVG: a deal's timeline (date across, stage up) and an outlet's leads.

Only numbers and plain strings are computed here; the templates draw them, so every label is escaped by Jinja."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..concepts.stages import LADDER, SIDE
from .data import ReportLine
from .outlets import Lead
from .render import hours_text

# Distinct on white and for most colour-blind readers (Okabe-Ito, then Tableau).
PALETTE = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#d55e00",
    "#56b4e9",
    "#8c564b",
    "#f0e442",
    "#7f7f7f",
    "#17becf",
    "#bcbd22",
    "#393b79",
)


@dataclass(frozen=True, slots=True)
class Mark:
    x: float
    y: float
    colour: str
    hollow: bool  # a copy of an earlier report
    star: str | None  # polygon points when this report broke the deal
    label: str  # the tooltip


@dataclass(frozen=True, slots=True)
class Tick:
    at: float  # x for a date tick, y for a stage row
    label: str


@dataclass(frozen=True, slots=True)
class Timeline:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    marks: list[Mark]
    stages: list[Tick]
    dates: list[Tick]
    legend: list[tuple[str, str]]  # (outlet display name, colour)


def outlet_colours(reports: list[ReportLine]) -> dict[str, str]:
    """One colour per outlet, in the order the outlets first reported the deal."""
    colours: dict[str, str] = {}
    for r in reports:
        if r.outlet_id not in colours:
            colours[r.outlet_id] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def star_points(cx: float, cy: float, outer: float = 9.0, inner: float = 4.0) -> str:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi / 2 + i * math.pi / 5
        points.append(f"{cx + radius * math.cos(angle):.1f},{cy - radius * math.sin(angle):.1f}")
    return " ".join(points)


def _date_ticks(start: datetime, end: datetime, x_of: Callable[[datetime], float], count: int = 5) -> list[Tick]:
    span = end - start
    fmt = "%d %b %H:%M" if span <= timedelta(days=2) else "%d %b %Y" if span > timedelta(days=300) else "%d %b"
    stops = [start + span * i / (count - 1) for i in range(count)]
    return [Tick(round(x_of(at), 1), at.strftime(fmt)) for at in stops]


def timeline(reports: list[ReportLine], width: int = 720) -> Timeline | None:
    """Dated reports placed by date (x) and stage (y, the ladder upwards, side stages beneath); None when none is
    dated. Several reports at one spot are fanned out so each stays visible."""
    dated = [r for r in reports if r.published_at]
    if not dated:
        return None
    colours = outlet_colours(reports)
    rows = list(LADDER) + [s for s in SIDE if any(r.stage == s for r in dated)]
    left, right, top, bottom, row_height = 86, 24, 16, 34, 34
    height = top + bottom + row_height * (len(rows) - 1)
    y_of = {stage: top + row_height * i for i, stage in enumerate(reversed(LADDER))}  # done on top
    y_of |= {stage: top + row_height * (len(LADDER) + i) for i, stage in enumerate(rows[len(LADDER) :])}
    times = [datetime.fromisoformat(r.published_at or "") for r in dated]
    start, end = min(times), max(times)
    if end - start < timedelta(hours=2):
        start, end = start - timedelta(hours=12), end + timedelta(hours=12)
    inset = 14  # keeps the first and last marks off the axis labels
    plot = width - left - right - 2 * inset

    def x_of(when: datetime) -> float:
        return left + inset + plot * (when - start) / (end - start)

    marks: list[Mark] = []
    taken: dict[tuple[int, float], int] = {}
    for report, when in zip(dated, times, strict=True):
        x, y = x_of(when), float(y_of.get(report.stage, top))
        spot = (round(x / 8), y)
        n = taken.get(spot, 0)
        taken[spot] = n + 1
        y += (-1) ** n * 7 * ((n + 1) // 2)  # fan out: 0, -7, +7, -14, ...
        kind = "first report" if report.first else "copy" if report.is_copy else "report"
        label = f"{report.outlet}, {when:%Y-%m-%d %H:%M} UTC: {report.stage} ({kind})"
        star = star_points(x, y) if report.first else None
        marks.append(Mark(round(x, 1), round(y, 1), colours[report.outlet_id], report.is_copy, star, label))
    names = {r.outlet_id: r.outlet for r in reports}
    legend = [(names[oid], colour) for oid, colour in colours.items()]
    stages = [Tick(y_of[s], s) for s in rows]
    return Timeline(width, height, left, right, top, bottom, marks, stages, _date_ticks(start, end, x_of), legend)


@dataclass(frozen=True, slots=True)
class Bar:
    y: int
    length: float
    label: str  # the deal
    value: str  # how long, in words
    lead: Lead


@dataclass(frozen=True, slots=True)
class LeadChart:
    width: int
    height: int
    left: int
    bars: list[Bar]


def lead_chart(leads: list[Lead], width: int = 720) -> LeadChart | None:
    """One bar per deal the outlet broke, as long as its lead over the next outlet; None when it broke none."""
    if not leads:
        return None
    left, row = 250, 28
    longest = max((lead.hours or 0 for lead in leads), default=0) or 1
    plot = width - left - 90
    bars = []
    for i, lead in enumerate(leads):
        deal = lead.deal
        label = f"{deal.player} → {deal.to_club or '(exit)'}"
        value = hours_text(lead.hours) if lead.hours is not None else "nobody followed"
        length = max(plot * max(lead.hours or 0, 0) / longest, 2 if lead.hours is not None else 0)
        bars.append(Bar(8 + i * row, round(length, 1), label, value, lead))
    return LeadChart(width, 16 + row * len(leads), left, bars)
