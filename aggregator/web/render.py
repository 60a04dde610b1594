"""The desk's pages as HTML: one Jinja2 environment (autoescape on) with the helpers every page template uses."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..digest.render import STAGE_COLOURS
from ..digest.text import clean, dated, fee_range, safe_url, when
from .urls import club_feed_url, club_url, deal_url, outlet_url, player_feed_url, player_url


def article_link(url: str | None, text: str | None) -> Markup:
    """A link to a scraped article, opened without handing it our window; text alone when the URL is unsafe."""
    label = clean(text) or clean(url) or "(untitled)"
    href = safe_url(url)
    if href is None:
        return Markup("{}").format(label)
    return Markup('<a class="ext" href="{}" rel="noopener noreferrer">{}</a>').format(href, label)


def club_link(name: str | None, missing: str = "?") -> Markup:
    """A club's name linking to its page; ``missing`` (unlinked) when the report named no club."""
    if not name:
        return Markup('<span class="muted">{}</span>').format(missing)
    return Markup('<a href="{}">{}</a>').format(club_url(name), clean(name))


def fee(fee_min: float | None, fee_max: float | None, fee_eur: float | None = None) -> str:
    """``€45m``, ``€40m–€50m``, ``free`` or ``fee unknown``: the digest's wording."""
    return fee_range(fee_min, fee_max, fee_eur)


def hours_text(hours: float | None) -> str:
    """A lead time as a desk says it: ``40 min``, ``9 h``, ``2.5 days``."""
    if hours is None:
        return "—"
    if hours < 1:
        return f"{round(hours * 60)} min"
    if hours < 48:
        return f"{hours:.0f} h"
    return f"{hours / 24:.1f} days".replace(".0 days", " days")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("aggregator", "templates/web"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        article_link=article_link,
        club_link=club_link,
        fee=fee,
        when=when,
        dated=dated,
        hours_text=hours_text,
        stage_colour=lambda stage: STAGE_COLOURS.get(stage, "#6b7280"),
        deal_url=deal_url,
        player_url=player_url,
        club_url=club_url,
        outlet_url=outlet_url,
        player_feed_url=player_feed_url,
        club_feed_url=club_feed_url,
    )
    return env


def render_page(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
