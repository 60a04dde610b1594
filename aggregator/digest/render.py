"""Digest renderers: Markdown, HTML (Jinja2, autoescape), JSON, Atom (feedgen) and CSV; scraped text is escaped."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .select import Digest, DigestDeal, ReportRef, Source
from .text import clean, dated, fee_range, move, safe_url, when

FORMATS = ("md", "html", "json", "atom", "csv")
EXTENSIONS = {"md": "md", "html": "html", "json": "json", "atom": "atom", "csv": "csv"}
FEED_ID = "urn:transfer-rumours:digest"

STAGE_COLOURS = {
    "interest": "#6b7280",
    "talks": "#2563eb",
    "bid": "#7c3aed",
    "agreed": "#b45309",
    "medical": "#0f766e",
    "done": "#15803d",
    "denied": "#991b1b",
    "collapsed": "#991b1b",
}


def _link(url: str | None, text: str) -> Markup:
    href = safe_url(url)
    if href is None:
        return Markup("{}").format(clean(text))
    return Markup('<a href="{}" style="color:#1d4ed8;">{}</a>').format(href, clean(text))


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("aggregator", "templates"),
        autoescape=select_autoescape(["html", "xml"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        link=_link,
        move=lambda a, b: move(clean(a) or None, clean(b) or None),
        fee_range=fee_range,
        when=when,
        report_date=report_date,
        stage_colour=lambda s: STAGE_COLOURS.get(s, "#6b7280"),
    )
    return env


def report_date(ref: ReportRef | Source) -> str:
    """When a report was published as every format prints it: ``2024-06-01 09:30 UTC`` for a given date, ``2024-06
    (month, from URL)`` or ``2024-06-12 (from text)`` for an inferred one, ``undated``."""
    return dated(ref.published_at, ref.date_precision, ref.date_source)


def render_html(digest: Digest) -> str:
    template = _environment().get_template("digest.html")
    return template.render(
        day=digest.day.isoformat(),
        timezone=digest.timezone,
        on_day=digest.on_day,
        generated_at=digest.generated_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        deals=digest.deals,
    )


def render_json(digest: Digest) -> str:
    return json.dumps(digest.as_dict(), ensure_ascii=False, indent=2) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()|~])")  # text is always inline: line-start markers cannot apply


def md_escape(text: str | None) -> str:
    """Plain text for Markdown: HTML is entity-escaped (renderers pass raw HTML through) and markup is disarmed."""
    text = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _md_link(url: str | None, text: str) -> str:
    href = safe_url(url)
    label = md_escape(text)
    return f"[{label}](<{href}>)" if href else label


def render_md(digest: Digest) -> str:
    lines = [f"# Transfer digest — {digest.day.isoformat()}", ""]
    lines.append(
        f"{_n(len(digest.deals), 'deal')} with news {digest.on_day} ({md_escape(digest.timezone)}), hottest first."
    )
    for d in digest.deals:
        lines += ["", f"## {d.rank}. {md_escape(d.player)}", ""]
        lines.append(
            f"{md_escape(move(d.from_club, d.to_club))} · **{md_escape(d.stage)}** · "
            f"{md_escape(fee_range(d.fee_min_eur, d.fee_max_eur, d.fee_eur))} · heat {d.heat:g} "
            f"({_n(d.new_reports, 'new report')} from {_n(d.new_outlets, 'outlet')} {digest.on_day}; "
            f"{_n(d.outlets, 'outlet')} in all)"
        )
        lines.append("")
        if d.broke_it:
            lines.append(
                f"- Broke it: {_md_link(d.broke_it.url, d.broke_it.outlet)}, {report_date(d.broke_it)}"
                + (f" — “{md_escape(d.broke_it.title)}”" if d.broke_it.title else "")
            )
        else:
            lines.append("- Broke it: unknown (no dated report)")
        if d.originator:
            first = d.originator_report
            credit = f" (first credited by {_md_link(first.url, first.outlet)})" if first else ""
            lines.append(f"- Originator cited: {md_escape(d.originator)}{credit}")
        if d.cited_sources:
            lines.append(f"- Sources cited: {', '.join(md_escape(s) for s in d.cited_sources)}")
        lines.append("- Reports:")
        for r in d.reports:
            mark = "**new** " if r.new else ""
            lines.append(
                f"  - {report_date(r)} {mark}{md_escape(r.outlet)} · {md_escape(r.stage)}: "
                f"{_md_link(r.url, r.title or r.url)}"
            )
    return "\n".join(lines) + "\n"


CSV_COLUMNS = (
    "rank",
    "deal_id",
    "player",
    "from_club",
    "to_club",
    "stage",
    "fee_min_eur",
    "fee_max_eur",
    "heat",
    "new_reports",
    "new_outlets",
    "outlets",
    "broke_it_outlet",
    "broke_it_at",
    "broke_it_url",
    "originator",
    "cited_sources",
    "report_urls",
    "broke_it_date_precision",
    "broke_it_date_source",
    "report_dates",
)


def csv_cell(value: object) -> object:
    """Spreadsheets run cells that start with = + - @ as formulas: such text gets a leading apostrophe."""
    if isinstance(value, str):
        value = clean(value)
        if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
            return "'" + value
    return value


def render_csv(digest: Digest) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for d in digest.deals:
        first = d.broke_it
        row = [
            d.rank,
            d.deal_id,
            d.player,
            d.from_club,
            d.to_club,
            d.stage,
            d.fee_min_eur,
            d.fee_max_eur,
            d.heat,
            d.new_reports,
            d.new_outlets,
            d.outlets,
            first.outlet if first else None,
            first.published_at if first else None,
            first.url if first else None,
            d.originator,
            "; ".join(d.cited_sources),
            " ".join(u for u in (safe_url(r.url) for r in d.reports) if u),
            first.date_precision if first else None,
            first.date_source if first else None,
            "; ".join(report_date(r) for r in d.reports if safe_url(r.url)),  # in report_urls' order
        ]
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()


def deal_day_entry_id(deal_id: str, day: date) -> str:
    """One Atom entry per deal per day, the same id in every feed that carries it (the digest's, a player's, a
    club's); stable across regenerations."""
    return f"{FEED_ID}:{day.isoformat()}:{quote(deal_id, safe='')}"


def entry_id(deal: DigestDeal, digest: Digest) -> str:
    return deal_day_entry_id(deal.deal_id, digest.day)


def render_atom(digest: Digest, *, feed_url: str | None = None) -> str:
    from feedgen.feed import FeedGenerator  # imported on use: lxml is slow to load

    day_end = datetime.combine(digest.day, time(23, 59, 59), tzinfo=UTC)
    updated = min(digest.generated_at.astimezone(UTC), day_end).replace(microsecond=0)
    fg = FeedGenerator()
    fg.id(f"{FEED_ID}:{digest.day.isoformat()}")
    fg.title(f"Transfer digest {digest.day.isoformat()}")
    fg.subtitle(f"{len(digest.deals)} deals with news {digest.on_day}, hottest first")
    fg.author({"name": "transfer-rumours"})
    fg.link(href=feed_url or "https://github.com/transfer-rumours", rel="self" if feed_url else "alternate")
    fg.language("en")
    fg.updated(updated)
    html = _environment().from_string(_ATOM_ENTRY)
    for d in reversed(digest.deals):  # feedgen prepends entries: add the coldest first
        fe = fg.add_entry()
        fe.id(entry_id(d, digest))
        fe.title(f"{d.rank}. {d.player}: {move(d.from_club, d.to_club)} ({d.stage})")
        fe.updated(_entry_updated(d) or updated)
        href = safe_url(d.broke_it.url if d.broke_it else (d.reports[0].url if d.reports else None))
        if href:
            fe.link(href=href)
        fe.summary(f"{fee_range(d.fee_min_eur, d.fee_max_eur, d.fee_eur)}; heat {d.heat:g}")
        fe.content(html.render(d=d), type="html")
    return fg.atom_str(pretty=True).decode("utf-8")


def _entry_updated(deal: DigestDeal) -> datetime | None:
    stamps = [r.published_at for r in deal.reports if r.new and r.published_at]
    return datetime.fromisoformat(max(stamps)) if stamps else None


_ATOM_ENTRY = """<p>{{ move(d.from_club, d.to_club) }} · {{ d.stage }} · {{ fee_range(d.fee_min_eur, d.fee_max_eur,
d.fee_eur) }}</p><p>Broke it: {% if d.broke_it %}{{ link(d.broke_it.url, d.broke_it.outlet) }},
{{ report_date(d.broke_it) }}{% else %}unknown{% endif %}</p>{% if d.originator %}<p>Originator cited:
{{ d.originator }}</p>{% endif %}<ul>{% for r in d.reports %}<li>{{ report_date(r) }} {{ r.outlet }}:
{{ link(r.url, r.title or r.url) }}</li>{% endfor %}</ul>"""

RENDERERS: dict[str, Callable[[Digest], str]] = {
    "md": render_md,
    "html": render_html,
    "json": render_json,
    "atom": render_atom,
    "csv": render_csv,
}


def render(digest: Digest, fmt: str) -> str:
    if fmt not in RENDERERS:
        raise ValueError(f"unknown digest format {fmt!r}; one of {', '.join(FORMATS)}")
    return RENDERERS[fmt](digest)
